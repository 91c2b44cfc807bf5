// Vue mounts before the widgets' script has loaded (a lazy import, as a page that loads the widgets on
// demand does); the test loads it with window.loadWidgets().
import { createApp } from 'vue';
import Late from './Late.vue';

window.loadWidgets = () => import('industrikommun-widgets');
createApp(Late).mount('#app');
