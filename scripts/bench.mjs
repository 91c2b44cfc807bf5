#!/usr/bin/env node
/**
 * `npm run bench`: what the widgets cost a host page, against the floor of the same content
 * written as plain static HTML, side by side in one run.
 *
 * Headless Debian Chromium and Firefox ESR (puppeteer-core: CDP and WebDriver BiDi) load pages
 * from a local server on 127.0.0.1 (bench/server.mjs). Each case has a widget page and its static
 * twin (bench/pages.mjs), loaded alternately (W S S W W S …, so drift hits both alike), each load
 * in a fresh tab. Chromium runs every case unthrottled and with DevTools CPU throttling ×4;
 * Firefox, which has no CDP (so no throttling, no tracing, no task metrics), runs the page cases
 * (seed, seed from `data-config-src`, 300 widgets) unthrottled, timed by the page's own probe
 * (bench/probe.js) as in Chromium. It prints medians and the widget/static ratio, and writes the
 * tables as markdown to `$BENCH_OUT` (default: industrikommun-bench.md in the temp folder), from
 * which BENCHMARKS.md quotes them. About 8 minutes on a 2-core machine; it stops by itself, with an
 * error, after `--timeout` minutes (default 45).
 *
 *   node scripts/bench.mjs [--runs 7] [--browser chromium|firefox|both] [--only bytes,seed,finnish,large,contacts,late,memory,lighthouse]
 *                          [--no-lighthouse] [--no-bytes] [--timeout 45] [--compare <build folder> [--compare-label before]]
 *
 * `--compare` loads a second build's widget pages in the same alternation as the build under test
 * and the twin (W S C C S W …) in the page cases (seed, seed from `data-config-src`, 300 widgets),
 * one more row each: a before/after on a busy machine, where two separate runs minutes apart
 * are not comparable. The twin is extracted from the build under test.
 *
 * `--browser both` is the default when Firefox ESR is installed (/usr/bin/firefox-esr or
 * `$FIREFOX_PATH`); the Chromium-only cases (script trace, 1,000 cards, late upgrade, memory,
 * Lighthouse) are skipped with `--browser firefox`.
 *
 * `$BENCH_DIST` (default `dist/`) is the build under test: `npm run build` first, or
 * `npx vite build --outDir /tmp/bench-dist && BENCH_DIST=/tmp/bench-dist npm run bench`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChrome, findFirefox } from './find-browser.mjs';
import { startServer, distDir } from '../bench/server.mjs';
import {
  TAGS,
  extractTwins,
  fallbacks as readmeFallbacks,
  hostPage,
  moduleScript,
  plainFallbacks,
  seedAttributes,
  seedSrcAttributes,
  twinHead,
  widget,
  widgetHead,
} from '../bench/pages.mjs';
import { measureBytes } from '../bench/bytes.mjs';
import { runLighthouse } from '../bench/lighthouse.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at < 0 ? fallback : args[at + 1];
};
const RUNS = Number(option('runs', 7));
const ONLY = option('only', '').split(',').filter(Boolean);
const wanted = (name) => !ONLY.length || ONLY.includes(name);
const RATES = [1, 4];
const BROWSERS = { chromium: 'Chromium', firefox: 'Firefox' };
const browserNames = (() => {
  const chosen = option('browser', findFirefox() ? 'both' : 'chromium');
  const names = chosen == 'both' ? ['chromium', 'firefox'] : [chosen];
  for (const name of names) {
    if (!(name in BROWSERS)) throw new Error(`--browser ${chosen}: chromium, firefox or both`);
    if (!(name == 'chromium' ? findChrome() : findFirefox())) throw new Error(`--browser ${chosen}: ${BROWSERS[name]} not found`);
  }
  return names;
})();
const hasChromium = browserNames.includes('chromium');
const COMPARE = option('compare', '');
const COMPARE_LABEL = option('compare-label', COMPARE);
if (COMPARE && !existsSync(join(COMPARE, 'industrikommun-widgets.js')))
  throw new Error(`--compare ${COMPARE}: no industrikommun-widgets.js there`);
const VIEWPORT = { width: 1280, height: 800 };
const BUNDLE = '/dist/industrikommun-widgets.js';

if (!existsSync(`${distDir}/industrikommun-widgets.js`)) {
  console.error(`No bundle in ${distDir}: run \`npm run build\` first (or set BENCH_DIST).`);
  process.exit(1);
}

const probe = readFileSync(new URL('../bench/probe.js', import.meta.url), 'utf8');
const median = (values) => {
  const sorted = values.filter((value) => value != null).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => (value == null ? '—' : value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (a, b) => (a == null || !b ? '—' : `${(a / b).toFixed(2)}×`);
const log = (...parts) => console.error(...parts);

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

const server = await startServer();
/** @type {Record<string, import('puppeteer-core').Browser>} */
const browsers = {};
for (const name of browserNames) {
  browsers[name] =
    name == 'chromium'
      ? await puppeteer.launch({ executablePath: findChrome(), args: CHROMIUM_ARGS, protocolTimeout: 180_000 })
      : await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true, protocolTimeout: 180_000 });
  launched.add(browsers[name]);
}
const browserVersions = await Promise.all(browserNames.map((name) => browsers[name].version()));
/** The browser the cases below load pages in; the Chromium-only ones switch to Chromium. */
let browserName = browserNames[0];
let browser = browsers[browserName];
const useBrowser = (name) => {
  browserName = name;
  browser = browsers[name];
};

/**
 * One load of `path` in a fresh tab. Returns what the probe measured, plus the main thread's busy
 * time (the sum of its tasks, from DevTools' Performance domain) and, with `after`, whatever
 * `after(page)` returns once the page is ready.
 */
async function load(path, { rate = 1, after, trace, viewport = VIEWPORT, warmIntl } = {}) {
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
async function alternate(paths, { runs = RUNS, ...options } = {}) {
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

// ---------------------------------------------------------------------------------------------
// The pages. The twins are the widgets' own rendered output (bench/pages.mjs `extractTwins`).

const head = widgetHead(BUNDLE);
const widgets = (fallbacks = readmeFallbacks, attributes = seedAttributes) =>
  TAGS.map((tag) => widget(tag, attributes[tag], fallbacks[tag])).join('\n');

server.pages.set('seed', hostPage({ title: 'Seed page', content: widgets(), head }));
/** The static twins: the seed page's rendered cards as plain HTML, in Swedish and in English, and their CSS. */
async function renderTwins() {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.goto(`${server.origin}/page/seed`);
  await page.waitForFunction(() =>
    [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')].every((element) =>
      element.shadowRoot?.querySelector('.card'),
    ),
  );
  const swedish = await page.evaluate(extractTwins);
  await page.evaluate(async () => {
    document.documentElement.lang = 'en';
    await null;
    await Promise.all(
      [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')].map((element) => element.updateComplete),
    );
  });
  const english = await page.evaluate(extractTwins);
  await page.close();
  return { css: swedish.css, twin: swedish.markup, englishTwin: english.markup };
}
const { css: twinCss, twin, englishTwin } = await renderTwins();
server.files.twinCss = twinCss;
const staticSeed = TAGS.map((tag) => twin[tag]).join('\n');
server.pages.set('seed-static', hostPage({ title: 'Seed page', content: staticSeed, head: twinHead }));
// Finnish (issue 18): its strings are fetched from beside the script, every load (no-store), or once and then from the
// HTTP cache (/dist-cached/ serves them cacheable). The twin is the Swedish one: the same cards, as plain HTML.
server.pages.set('seed-fi', hostPage({ title: 'Seed page', content: widgets(), head, lang: 'fi' }));
server.pages.set(
  'seed-fi-cached',
  hostPage({ title: 'Seed page', content: widgets(), head: widgetHead(BUNDLE.replace('/dist/', '/dist-cached/')), lang: 'fi' }),
);
server.pages.set('seed-src', hostPage({ title: 'Seed page', content: widgets(readmeFallbacks, seedSrcAttributes), head }));

const repeat = (count, text) => Array.from({ length: count }, () => text).join('\n');
server.pages.set('large', hostPage({ title: '300 widgets', content: repeat(100, widgets()), head }));
server.pages.set('large-static', hostPage({ title: '300 widgets', content: repeat(100, staticSeed), head: twinHead }));
if (COMPARE) {
  server.files.compareDir = resolve(COMPARE);
  const compareHead = widgetHead('/compare/industrikommun-widgets.js');
  server.pages.set('seed-compare', hostPage({ title: 'Seed page', content: widgets(), head: compareHead }));
  server.pages.set(
    'seed-src-compare',
    hostPage({ title: 'Seed page', content: widgets(readmeFallbacks, seedSrcAttributes), head: compareHead }),
  );
  server.pages.set('large-compare', hostPage({ title: '300 widgets', content: repeat(100, widgets()), head: compareHead }));
}
server.pages.set('contacts', hostPage({ title: '1,000 contact cards', content: repeat(1000, widget('ik-contact-card')), head }));
server.pages.set(
  'contacts-static',
  hostPage({ title: '1,000 contact cards', content: repeat(1000, twin['ik-contact-card']), head: twinHead }),
);
// What a page with hundreds of cards can add (README): the browser skips style and layout of the cards out of view.
const skipOffscreen = (selector) => `<style>${selector} { content-visibility: auto; contain-intrinsic-size: auto 16.66rem; }</style>`;
server.pages.set(
  'contacts-cv',
  hostPage({
    title: '1,000 contact cards',
    content: repeat(1000, widget('ik-contact-card')),
    head: head + skipOffscreen('ik-contact-card'),
  }),
);
server.pages.set(
  'contacts-static-cv',
  hostPage({
    title: '1,000 contact cards',
    content: repeat(1000, twin['ik-contact-card']),
    head: twinHead + skipOffscreen('.ik-contact-card'),
  }),
);

// Late upgrade: the README's snippet before this benchmark (a one-line fallback, no CSS), and as it
// recommends now (bench/readme.css); all three together, and each alone with the page's text below it.
const lateHead = widgetHead(`${BUNDLE}?delay=1000`);
server.pages.set(
  'late-plain',
  hostPage({ title: 'Late script', content: widgets(plainFallbacks), head: moduleScript(`${BUNDLE}?delay=1000`) }),
);
server.pages.set('late-readme', hostPage({ title: 'Late script', content: widgets(), head: lateHead }));
for (const tag of TAGS) server.pages.set(`late-readme-${tag}`, hostPage({ title: 'Late script', content: widget(tag), head: lateHead }));
server.pages.set('late-static', hostPage({ title: 'Late script', content: staticSeed, head: twinHead }));

// Memory: the bundle with no element, and 1,000 of each.
server.pages.set('empty', hostPage({ title: 'No widgets', content: '', head }));
server.pages.set('empty-static', hostPage({ title: 'No widgets', content: '' }));
for (const tag of TAGS) server.pages.set(`heap-${tag}`, hostPage({ title: tag, content: repeat(1000, widget(tag)), head }));

// ---------------------------------------------------------------------------------------------

const sections = [];
const section = (title, lines) => {
  sections.push(`### ${title}\n\n${lines.join('\n')}\n`);
  console.log(`\n${title}\n${lines.join('\n')}`);
};
const tableRows = (header, rows) => [
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];
const started = Date.now();

/**
 * A case: widget page and twin alternately, in each browser: Chromium at both CPU rates, Firefox
 * unthrottled; one row per browser and rate. "Script + first render" is the probe's
 * `ready − scriptStart` on the widget page (the twin has no script).
 */
async function comparePages(name, widgetPath, staticPath) {
  const rows = [];
  const comparePath = COMPARE ? `${widgetPath}-compare` : undefined;
  for (const each of browserNames) {
    useBrowser(each);
    for (const rate of each == 'chromium' ? RATES : [1]) {
      log(`${name}, ${BROWSERS[each]} ×${rate} …`);
      const [widgetRuns, staticRuns, compareRuns] = await alternate(
        comparePath ? [widgetPath, staticPath, comparePath] : [widgetPath, staticPath],
        { rate },
      );
      const stat = (runs, key) => median(runs.map((run) => run[key]));
      const summary = (runs) => ({
        script: stat(runs, 'scriptAndRender'),
        ready: stat(runs, 'ready'),
        painted: stat(runs, 'painted'),
        main: stat(runs, 'mainThread'),
        longest: stat(runs, 'longest'),
        longCount: stat(runs, 'longCount'),
        cls: runs[0].cls === undefined ? undefined : Math.max(...runs.map((run) => run.cls)),
      });
      const s = summary(staticRuns);
      const count = (value) => (value == null ? '—' : String(value));
      const shift = (value) => (value == null ? '—' : value.toFixed(3));
      for (const [label, runs] of compareRuns
        ? [
            ['', widgetRuns],
            [`: ${COMPARE_LABEL}`, compareRuns],
          ]
        : [['', widgetRuns]]) {
        const w = summary(runs);
        rows.push([
          `${BROWSERS[each]} ×${rate}${label}`,
          ms(w.script),
          `${ms(w.ready)} / ${ms(s.ready)}`,
          ratio(w.ready, s.ready),
          `${ms(w.painted)} / ${ms(s.painted)}`,
          ratio(w.painted, s.painted),
          `${ms(w.main)} / ${ms(s.main)}`,
          `${count(w.longCount)} / ${count(s.longCount)}`,
          `${ms(w.longest)} / ${ms(s.longest)}`,
          `${shift(w.cls)} / ${shift(s.cls)}`,
        ]);
      }
    }
  }
  useBrowser(browserNames[0]);
  section(
    `${name} (median of ${RUNS} loads each; widget / static)`,
    tableRows(
      [
        'browser, CPU',
        'script + first render (probe), ms',
        'DOM ready, ms',
        'ratio',
        'painted, ms',
        'ratio',
        'main-thread busy, ms',
        'long tasks (> 50 ms)',
        'longest task, ms',
        'CLS (worst load)',
      ],
      rows,
    ),
  );
}

/**
 * The bundle's own cost on the seed page, from a DevTools trace of each load: compile (streamed
 * off the main thread, and the main thread's part), evaluation (defining the elements and upgrading
 * the three on the page), their first render (the microtask checkpoint after evaluation), and
 * the style and layout of the rendered cards.
 */
async function scriptCost() {
  const rows = [];
  const variants = [
    ...RATES.map((rate) => ({ label: `×${rate}`, rate })),
    // The page has used Intl before (its own dates, analytics …): the browser's one-time ICU set-up is already paid.
    ...RATES.map((rate) => ({ label: `×${rate}, Intl already in use on the page`, rate, warmIntl: true })),
  ];
  // With --compare, the other build's seed page is traced in the same alternation.
  const builds = COMPARE
    ? [
        ['', '/page/seed'],
        [`: ${COMPARE_LABEL}`, '/page/seed-compare'],
      ]
    : [['', '/page/seed']];
  for (const { label, rate, warmIntl } of variants) {
    log(`script cost ${label} …`);
    const runsPerBuild = builds.map(() => []);
    for (let run = 0; run < RUNS; run++)
      for (const index of run % 2 ? [...builds.keys()].reverse() : builds.keys()) {
        const { trace } = await load(builds[index][1], { rate, trace: true, warmIntl });
        runsPerBuild[index].push(scriptPhases(trace.traceEvents));
      }
    for (const [index, runs] of runsPerBuild.entries()) {
      const m = (key) => median(runs.map((run) => run[key]));
      rows.push([
        label + builds[index][0],
        ms(m('background')),
        ms(m('compile')),
        ms(m('evaluate')),
        ms(m('render')),
        ms(median(runs.map((run) => run.evaluate + run.render))),
        ms(m('task')),
        ms(m('styleLayout')),
        ms(median(runs.map((run) => run.evaluateCpu + run.renderCpu))),
      ]);
    }
  }
  const icu = [];
  for (let run = 0; run < RUNS; run++) icu.push(await firstIntlCall());
  section(`Seed page: the script's own time (median of ${RUNS} traced loads)`, [
    ...tableRows(
      [
        'CPU',
        'parse, off main thread',
        'compile, main thread',
        'evaluate',
        'first render (3 elements)',
        'evaluate + render',
        'the whole task (parsing ends, module, DOMContentLoaded)',
        'next frame: style + layout',
        'evaluate + render, main thread CPU time',
      ],
      rows,
    ),
    '',
    `The browser's one-time ICU set-up, the first \`new Intl.NumberFormat('sv').format()\` on a blank page: ${ms(median(icu))} ms (×1, median of ${RUNS} fresh pages).`,
  ]);
}

/** The browser's one-time ICU set-up: the first Intl formatter a fresh page creates. */
async function firstIntlCall() {
  const page = await browser.newPage();
  try {
    await page.goto(`${server.origin}/page/empty-static`);
    return await page.evaluate(() => {
      const start = performance.now();
      new Intl.NumberFormat('sv').format(1_000_000);
      return performance.now() - start;
    });
  } finally {
    await page.close();
  }
}

function scriptPhases(events) {
  const bundle = (event) => String(event.args?.data?.url ?? event.args?.fileName ?? '').includes('industrikommun-widgets.js');
  const compile = events.find((event) => event.name == 'v8.compileModule' && bundle(event));
  const { pid, tid } = compile;
  const main = events.filter((event) => event.pid == pid && event.tid == tid && event.ph == 'X').sort((a, b) => a.ts - b.ts);
  const evaluate = main.find((event) => event.name == 'v8.evaluateModule' && event.ts > compile.ts);
  const task = main.find(
    (event) => event.name == 'RunTask' && event.ts <= evaluate.ts && event.ts + event.dur >= evaluate.ts + evaluate.dur,
  );
  const end = (event) => event.ts + event.dur;
  const contentLoaded = main.find(
    (event) => event.name == 'EventDispatch' && event.args?.data?.type == 'DOMContentLoaded' && event.ts > evaluate.ts,
  );
  // The first render: the microtask checkpoints after the evaluation, before DOMContentLoaded (outermost ones only).
  // Also in thread time (`tdur`): the time the main thread actually ran, which a busy machine's waits for a core leave out.
  let render = 0;
  let renderCpu = 0;
  let until = 0;
  for (const event of main)
    if (event.name == 'RunMicrotasks' && event.ts >= end(evaluate) && event.ts < contentLoaded.ts && event.ts >= until) {
      render += event.dur;
      renderCpu += event.tdur ?? NaN;
      until = end(event);
    }
  // The frame after: its style recalculation and layout, which put the cards on screen.
  const styleLayout = main
    .filter((event) => (event.name == 'UpdateLayoutTree' || event.name == 'Layout') && event.ts > contentLoaded.ts)
    .slice(0, 2)
    .reduce((sum, event) => sum + event.dur, 0);
  const background = events
    .filter((event) => event.name == 'v8.parseOnBackground' && bundle(event))
    .reduce((sum, event) => sum + event.dur, 0);
  return {
    background: background / 1000,
    compile: compile.dur / 1000,
    evaluate: evaluate.dur / 1000,
    render: render / 1000,
    evaluateCpu: (evaluate.tdur ?? NaN) / 1000,
    renderCpu: renderCpu / 1000,
    task: task ? task.dur / 1000 : undefined,
    styleLayout: styleLayout / 1000,
  };
}

/**
 * 1,000 contact cards: render; then `<html lang>` from sv to en. On the widget page every card
 * re-renders in English. The static page's floor for the same change: `lang` set and each card's
 * HTML replaced by the English twin's (what a server-rendered page would swap in). Then both again
 * with the page CSS the README suggests for long lists, `content-visibility: auto`.
 */
async function languageSwitch() {
  const rows = [];
  const switchLanguage = (page) =>
    page.evaluate(async (englishCard) => {
      const bench = window.__bench;
      const since = performance.now();
      document.documentElement.lang = 'en';
      if (!bench.widgets().length) for (const card of document.querySelectorAll('.ik-contact-card')) card.outerHTML = englishCard;
      // The elements' language watcher runs as a microtask; after it every card has its render queued.
      await null;
      await Promise.all(bench.widgets().map((element) => element.updateComplete));
      const rerendered = performance.now() - since;
      await bench.nextFrame();
      const painted = performance.now() - since;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const tasks = bench.longTasks.filter((task) => task.start + task.duration > since);
      const headings = bench.widgets().length
        ? bench.widgets().map((element) => element.shadowRoot.querySelector('h2'))
        : [...document.querySelectorAll('.ik-contact-card h2')];
      const english = headings.length == 1000 && headings.every((heading) => heading?.textContent == 'Contact');
      return { rerendered, painted, longest: Math.max(0, ...tasks.map((task) => task.duration)), english };
    }, englishTwin['ik-contact-card']);
  for (const [label, suffix] of [
    ['', ''],
    [', `content-visibility: auto`', '-cv'],
  ])
    for (const rate of RATES) {
      log(`language switch${suffix} ×${rate} …`);
      const [widgetRuns, staticRuns] = await alternate([`/page/contacts${suffix}`, `/page/contacts-static${suffix}`], {
        rate,
        after: switchLanguage,
      });
      if (![...widgetRuns, ...staticRuns].every((run) => run.extra.english))
        throw new Error('the language switch did not reach every card');
      const m = (runs, pick) => median(runs.map(pick));
      const both = (pick) => `${ms(m(widgetRuns, pick))} / ${ms(m(staticRuns, pick))}`;
      rows.push([
        `×${rate}${label}`,
        both((run) => run.painted),
        ratio(
          m(widgetRuns, (run) => run.painted),
          m(staticRuns, (run) => run.painted),
        ),
        both((run) => run.longest),
        both((run) => run.extra.rerendered),
        both((run) => run.extra.painted),
        both((run) => run.extra.longest),
      ]);
    }
  section(
    `3. 1,000 contact cards (median of ${RUNS} loads each; widget / static)`,
    tableRows(
      [
        'CPU',
        'load: painted, ms',
        'ratio',
        'load: longest task, ms',
        'sv → en: script (re-render / swap HTML), ms',
        'sv → en: painted, ms',
        'sv → en: longest task, ms',
      ],
      rows,
    ),
  );
}

/**
 * The script 1 s late: CLS with the README's old snippet, with its recommended one (all three
 * cards, and each alone with the page's text below it in view), and of the static twin. Also on a
 * phone-sized viewport, where the README's CSS has its narrow-screen heights.
 */
async function lateUpgrade() {
  const pages = ['late-plain', 'late-readme', ...TAGS.map((tag) => `late-readme-${tag}`), 'late-static'];
  const rows = [];
  const cls = (runs) => `${median(runs.map((run) => run.cls)).toFixed(3)} (${Math.max(...runs.map((run) => run.cls)).toFixed(3)})`;
  const runsFor = [
    ...RATES.map((rate) => ({ label: `×${rate}, ${VIEWPORT.width}×${VIEWPORT.height}`, rate, viewport: VIEWPORT })),
    { label: '×1, 390×844 (phone)', rate: 1, viewport: { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true } },
  ];
  for (const { label, rate, viewport } of runsFor) {
    log(`late upgrade ${label} …`);
    const results = await alternate(
      pages.map((name) => `/page/${name}`),
      { rate, viewport },
    );
    rows.push([label, ...results.map(cls), ms(median(results[1].map((run) => run.ready)))]);
  }
  section(
    `4. Late upgrade: the script 1 s late; CLS, median (worst) of ${RUNS} loads`,
    tableRows(
      [
        'CPU, viewport',
        'one-line fallbacks, no CSS',
        'README snippet: all three',
        ...TAGS.map((tag) => `README: \`${tag}\` alone`),
        'static twin',
        'README, all three: cards ready, ms',
      ],
      rows,
    ),
  );
}

/** JS heap (and Blink's own heap: DOM, styles) per 1,000 live elements, after garbage collection. */
async function memory() {
  const heap = async (page, cdp) => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return { js: usage.usedSize, blink: usage.embedderHeapUsedSize ?? 0 };
  };
  const runs = 3;
  const measure = async (path) => {
    const results = [];
    for (let run = 0; run < runs; run++) results.push((await load(path, { after: heap })).extra);
    return { js: median(results.map((r) => r.js)), blink: median(results.map((r) => r.blink)) };
  };
  log('memory …');
  const empty = await measure('/page/empty');
  const staticContacts = await measure('/page/contacts-static');
  const staticEmpty = await measure('/page/empty-static');
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  const rows = [];
  for (const tag of TAGS) {
    const full = await measure(`/page/heap-${tag}`);
    rows.push([`\`${tag}\``, kib(full.js - empty.js), kib(full.blink - empty.blink)]);
  }
  rows.push(['static twin: 1,000 contact cards', '— (no script)', kib(staticContacts.blink - staticEmpty.blink)]);
  section(
    `Memory per 1,000 live elements (median of ${runs} loads, after GC; minus the same page without them)`,
    tableRows(['elements', 'JS heap', 'Blink heap (DOM, style)'], rows),
  );
}

if (wanted('bytes') && !args.includes('--no-bytes')) {
  log('bytes …');
  section('Bytes', await measureBytes());
}
/** The cases that need DevTools (trace, CPU throttling, heap, Lighthouse) run in Chromium only. */
const chromiumOnly = async (name, run) => {
  if (!hasChromium) return log(`${name}: Chromium only, skipped`);
  useBrowser('chromium');
  await run();
};
if (wanted('seed')) {
  await comparePages('1. Seed page: the three seed widgets', '/page/seed', '/page/seed-static');
  await chromiumOnly('script cost', scriptCost);
  await comparePages('1b. Seed page with data-config-src (as the demo)', '/page/seed-src', '/page/seed-static');
}
if (wanted('finnish')) {
  await comparePages('1c. Seed page in Finnish, strings not cached (one more request)', '/page/seed-fi', '/page/seed-static');
  await comparePages('1d. Seed page in Finnish, strings from the HTTP cache', '/page/seed-fi-cached', '/page/seed-static');
}
if (wanted('script') && !wanted('seed')) await chromiumOnly('script cost', scriptCost);
if (wanted('large')) await comparePages('2. 300 widgets (100 of each)', '/page/large', '/page/large-static');
if (wanted('contacts')) await chromiumOnly('1,000 cards', languageSwitch);
if (wanted('late')) await chromiumOnly('late upgrade', lateUpgrade);
if (wanted('memory')) await chromiumOnly('memory', memory);
for (const name of browserNames) await browsers[name].close();
if (hasChromium && wanted('lighthouse') && !args.includes('--no-lighthouse')) {
  log('lighthouse …');
  section('Lighthouse (demo page, production build)', await runLighthouse(server));
}
await server.close();

const machine = `${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${os.type()} ${os.release()}; Node ${process.version}`;
const header = `Run ${new Date().toISOString()} in ${((Date.now() - started) / 1000).toFixed(0)} s. ${browserVersions.join(' and ')} (headless), viewport ${VIEWPORT.width}×${VIEWPORT.height}. ${machine}. Load average at the end: ${os
  .loadavg()
  .map((load) => load.toFixed(2))
  .join(', ')}. Bundle: ${distDir}.`;
const output = process.env.BENCH_OUT ?? join(os.tmpdir(), 'industrikommun-bench.md');
writeFileSync(output, `${header}\n\n${sections.join('\n')}`);
console.log(`\n${header}\nThe tables as markdown: ${output}`);
