/**
 * The benchmark's browsers and server, and one measured page load: a fresh tab, the probe (bench/probe.js), CPU
 * throttling and tracing where the browser has CDP, and what the page and DevTools report. Importing it starts the
 * server and the browsers named by `--browser`; the run stops by itself after `--timeout` minutes.
 */
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChrome, findFirefox } from '../scripts/find-browser.mjs';
import { startServer } from './server.mjs';
import { BROWSERS, RUNS, VIEWPORT, browserNames, log, option } from './options.mjs';

const probe = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

/** CLS as Chrome reports it: the largest session window of shifts (gaps under 1 s, at most 5 s long). */
function cumulativeLayoutShift(shifts) {
  let worst = 0;
  let window = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const { start, value } of shifts) {
    if (start - last > 1000 || start - first > 5000) {
      first = start;
      window = 0;
    }
    window += value;
    last = start;
    worst = Math.max(worst, window);
  }
  return worst;
}

// Self-stopping: on a machine that has become unusable the run ends by itself instead of hanging.
const TIMEOUT_MINUTES = Number(option('timeout', 45));
const launched = new Set();
setTimeout(() => {
  log(`bench: still running after ${TIMEOUT_MINUTES} minutes; stopping.`);
  for (const running of launched) running.process()?.kill('SIGKILL');
  process.exit(2);
}, TIMEOUT_MINUTES * 60_000).unref();

export const server = await startServer();
/** @type {Record<string, import('puppeteer-core').Browser>} */
export const browsers = {};
for (const name of browserNames) {
  browsers[name] =
    name == 'chromium'
      ? await puppeteer.launch({ executablePath: findChrome(), args: CHROMIUM_ARGS, protocolTimeout: 180_000 })
      : await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true, protocolTimeout: 180_000 });
  launched.add(browsers[name]);
}
export const browserVersions = await Promise.all(browserNames.map((name) => browsers[name].version()));
/** The browser the cases below load pages in; the Chromium-only ones switch to Chromium. */
export let browserName = browserNames[0];
export let browser = browsers[browserName];
export const useBrowser = (name) => {
  browserName = name;
  browser = browsers[name];
};

/**
 * One load of `path` in a fresh tab. Returns what the probe measured, plus the main thread's busy
 * time (the sum of its tasks, from DevTools' Performance domain) and, with `after`, whatever
 * `after(page)` returns once the page is ready.
 */
export async function load(path, { rate = 1, after, trace, viewport = VIEWPORT, warmIntl } = {}) {
  const page = await browser.newPage();
  try {
    await page.setViewport(viewport);
    // Firefox speaks WebDriver BiDi only: no CPU throttling, no task metrics, no trace.
    const cdp = browserName == 'chromium' ? await page.createCDPSession() : undefined;
    if (!cdp && (rate != 1 || trace)) throw new Error(`${BROWSERS[browserName]}: no CPU throttling or tracing without CDP`);
    await cdp?.send('Performance.enable');
    await cdp?.send('Emulation.setCPUThrottlingRate', { rate });
    await page.evaluateOnNewDocument(probe);
    if (warmIntl)
      await page.evaluateOnNewDocument(() => new Date(0).toLocaleDateString('sv', { dateStyle: 'long' }) + (0).toLocaleString('sv'));
    if (trace) await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute'] });
    await page.goto(server.origin + path, { waitUntil: 'load', timeout: 120_000 });
    await page
      .waitForFunction(() => window.__bench?.done, { timeout: 120_000, polling: 50 })
      .catch(async (error) => {
        const state = await page
          .evaluate(() => ({
            visibility: document.visibilityState,
            readyState: document.readyState,
            ready: window.__bench?.ready,
            widgets: window.__bench?.widgets().length,
            notRendered: window.__bench?.widgets().filter((element) => !element.shadowRoot?.querySelector('.card')).length,
          }))
          .catch((reason) => String(reason));
        throw new Error(`${path} ×${rate}: never ready (${error.message}): ${JSON.stringify(state)}`);
      });
    // Long-task and layout-shift entries arrive asynchronously; and a shift could come a little late.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    const traced = trace ? JSON.parse(Buffer.from(await page.tracing.stop()).toString()) : undefined;
    const metrics = cdp
      ? Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]))
      : {};
    const result = await page.evaluate(() => {
      const { scriptStart, ready, painted, longTasks, shifts, supports } = window.__bench;
      return { scriptStart, ready, painted, longTasks, shifts, supports };
    });
    const extra = after ? await after(page, cdp) : undefined;
    return {
      ...result,
      // What the browser cannot report stays undefined (a dash in the tables), not a zero.
      cls: result.supports.layoutShift ? cumulativeLayoutShift(result.shifts) : undefined,
      longest: result.supports.longtask ? Math.max(0, ...result.longTasks.map((task) => task.duration)) : undefined,
      longCount: result.supports.longtask ? result.longTasks.length : undefined,
      mainThread: metrics.TaskDuration == null ? undefined : metrics.TaskDuration * 1000,
      scriptAndRender: result.scriptStart == null ? undefined : result.ready - result.scriptStart,
      trace: traced,
      extra,
    };
  } finally {
    await page.close();
  }
}

/** `runs` loads of each page, alternating W S S W …; returns the results per page. */
export async function alternate(paths, { runs = RUNS, ...options } = {}) {
  const results = paths.map(() => []);
  for (let run = 0; run < runs; run++) {
    const order = paths.map((_, index) => index);
    if (run % 2) order.reverse();
    for (const index of order) results[index].push(await loadOrRetry(paths[index], options));
  }
  return results;
}

/**
 * A load that never got ready is tried once more: on a machine busy with other work a heavy page
 * has twice stalled past the timeout; it is reported, and a second failure stops the run.
 */
async function loadOrRetry(path, options) {
  try {
    return await load(path, options);
  } catch (error) {
    log(`${error.message}; once more`);
    return load(path, options);
  }
}
