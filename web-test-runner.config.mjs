import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChrome, findFirefox } from './scripts/find-browser.mjs';
import { koaShareEndpoint } from './server/share-endpoint.js';
import { testServerMiddleware } from './test/http/middleware.mjs';

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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  rootDir: '.',
  concurrency: 1,
  browserStartTimeout: 60000,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  // The share form POSTs over real HTTP to the reference endpoint, with test-only faults switched on.
  middleware: [testServerMiddleware, koaShareEndpoint({ faults: true, limits: { perClient: { max: 1000, windowMs: 60000 }, perRecipient: { max: 3, windowMs: 60000 } } })],
  browsers,
};
