import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChrome, findFirefox } from './scripts/find-browser.mjs';
import { createServer } from 'node:net';
import { testServerMiddleware } from './test/http/middleware.mjs';
import { koaRelay, startTestRelay } from './test/http/relay.mjs';

// Dates must not shift with the machine's time zone; a zone west of UTC catches a date read as UTC.
process.env.TZ ||= 'America/Los_Angeles';

const chrome = findChrome();
const firefox = findFirefox();
if (!chrome) throw new Error('No Chromium found: run `npm test`, which looks for one, or set CHROME_PATH.');


// `WTR_BROWSERS=chromium` runs one browser while working on a test.
const only = process.env.WTR_BROWSERS?.split(',');
const browsers = [
  ['chromium', chromeLauncher({ launchOptions: { executablePath: chrome, args: CHROMIUM_ARGS } })],
  firefox && [
    'firefox',
    chromeLauncher({ puppeteer, launchOptions: { browser: 'firefox', executablePath: firefox, headless: true } }),
  ],
]
  .filter((entry) => entry && (!only || only.includes(entry[0])))
  .map(([, launcher]) => launcher);

// The share form POSTs over real HTTP to the real relay (its .eml development default), with test-only
// faults (`?fault=…`) in front of it. The relay's ALLOWED_PAGES must name the test pages' origin, so the
// port is chosen here rather than by the runner.
const port = Number(process.env.WTR_PORT) || (await freePort());
const relay = await startTestRelay([`http://localhost:${port}`, `http://127.0.0.1:${port}`, 'https://www.example.se']);

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export default {
  port,
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  rootDir: '.',
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  middleware: [testServerMiddleware, koaRelay(relay)],
  browsers,
};
