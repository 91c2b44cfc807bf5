/**
 * Injected into every benchmark page before its own scripts (puppeteer's evaluateOnNewDocument,
 * in Chromium and Firefox alike), widget page and static twin alike. It records long tasks and
 * layout shifts from the start (where the browser reports them: Firefox has neither entry type),
 * and these moments, each also a `performance.mark` named `ik-bench:<moment>`:
 *
 * - `scriptStart`: the bundle begins to evaluate. Lit's modules, the first code in the bundle,
 *   announce themselves as they evaluate by pushing their version onto `globalThis.litHtmlVersions`
 *   (`reactiveElementVersions`, `litElementVersions`), in production builds too; the probe owns
 *   those arrays, so the first push is the start of evaluation, after download and compilation.
 *   A mark placed in the page could not tell the wait for the download from the evaluation, and
 *   one inside the bundle would change what is measured. Widget pages only.
 * - `ready`: the page parsed and every widget rendered into its shadow root (for a widget page with
 *   inline configuration that is DOMContentLoaded, since module scripts and the microtasks after
 *   them, the first render, run before it). `ready − scriptStart` is the bundle's evaluation plus
 *   the first render of every widget on the page.
 * - `painted`: the end of the next frame after `ready`, whose style, layout and paint put that
 *   content on screen.
 *
 * It forces no layout itself, so that it adds no work to the tasks it measures.
 */
(() => {
  const bench = (window.__bench = { longTasks: [], shifts: [] });
  const supported = (globalThis.PerformanceObserver?.supportedEntryTypes ?? []);
  bench.supports = { longtask: supported.includes('longtask'), layoutShift: supported.includes('layout-shift') };
  const moment = (name) => {
    bench[name] = performance.now();
    performance.mark(`ik-bench:${name}`);
  };

  for (const name of ['reactiveElementVersions', 'litHtmlVersions', 'litElementVersions']) {
    const versions = [];
    versions.push = (...items) => {
      if (bench.scriptStart === undefined) moment('scriptStart');
      return Array.prototype.push.apply(versions, items);
    };
    window[name] = versions;
  }

  if (bench.supports.longtask)
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  if (bench.supports.layoutShift)
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (!entry.hadRecentInput)
          bench.shifts.push({
            start: entry.startTime,
            value: entry.value,
            sources: entry.sources.map((source) => source.node?.nodeName ?? '?'),
          });
    }).observe({ type: 'layout-shift', buffered: true });

  const widgets = () => [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')];
  const rendered = () => widgets().every((element) => element.shadowRoot?.querySelector('.card'));

  /** Resolves at the end of the next frame: after its rAF callbacks, style, layout and paint. */
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  bench.nextFrame = nextFrame;
  bench.widgets = widgets;

  const finish = async () => {
    while (!rendered()) await nextFrame();
    moment('ready');
    await nextFrame();
    moment('painted');
    bench.done = true;
  };
  document.addEventListener('DOMContentLoaded', finish, { once: true });
})();
