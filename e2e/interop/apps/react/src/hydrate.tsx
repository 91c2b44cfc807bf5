import 'industrikommun-widgets';
import { hydrateRoot } from 'react-dom/client';
import { App } from './app-ssr';

hydrateRoot(document.getElementById('root')!, <App />, {
  // What React reports about the server's HTML (a hydration mismatch) goes to the console, where the test looks.
  onRecoverableError: (error) => console.error(`React recoverable error: ${error instanceof Error ? error.message : String(error)}`),
});
