// Runs in Node (prerender.mjs): importing the package there must throw nothing and define nothing.
import 'industrikommun-widgets';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import App from './App.vue';

export const render = () => renderToString(createSSRApp(App));
