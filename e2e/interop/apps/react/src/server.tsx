// Runs in Node (prerender.mjs): importing the package there must throw nothing and define nothing.
import 'industrikommun-widgets';
import { renderToString } from 'react-dom/server';
import { App } from './app-ssr';

export const render = () => renderToString(<App />);
