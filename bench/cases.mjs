/**
 * The page cases, in Chromium and Firefox: a widget page against its static twin (`comparePages`), and the
 * bundle's own cost on the seed page from DevTools traces (`scriptCost`, Chromium).
 */
import { BROWSERS, COMPARE, COMPARE_LABEL, RATES, RUNS, browserNames, log, median, ms, ratio, section, tableRows } from './options.mjs';
import { alternate, browser, load, server, useBrowser } from './session.mjs';

/**
 * A case: widget page and twin alternately, in each browser: Chromium at both CPU rates, Firefox
 * unthrottled; one row per browser and rate. "Script + first render" is the probe's
 * `ready − scriptStart` on the widget page (the twin has no script).
 */
export async function comparePages(name, widgetPath, staticPath) {
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
export async function scriptCost() {
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
