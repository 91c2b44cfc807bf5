/**
 * The Chromium-only cases (they need DevTools): 1,000 cards switching language, the late upgrade's layout shift,
 * and memory per 1,000 live elements.
 */
import { TAGS } from './pages.mjs';
import { RATES, RUNS, VIEWPORT, log, median, ms, ratio, section, tableRows } from './options.mjs';
import { englishTwin } from './routes.mjs';
import { alternate, load } from './session.mjs';

/**
 * 1,000 contact cards: render; then `<html lang>` from sv to en. On the widget page every card
 * re-renders in English. The static page's floor for the same change: `lang` set and each card's
 * HTML replaced by the English twin's (what a server-rendered page would swap in). Then both again
 * with the page CSS the README suggests for long lists, `content-visibility: auto`.
 */
export async function languageSwitch() {
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
export async function lateUpgrade() {
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
export async function memory() {
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
