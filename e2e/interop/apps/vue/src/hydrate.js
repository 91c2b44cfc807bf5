import 'industrikommun-widgets';
import { createSSRApp } from 'vue';
import App from './App.vue';

const app = createSSRApp(App);
// What Vue reports about the server's HTML (a hydration mismatch) goes to the console, where the test looks.
app.config.warnHandler = (message) => console.error(`Vue warning: ${message}`);
app.mount('#app');
