/**
 * Injected into every benchmark page before its own scripts (puppeteer's evaluateOnNewDocument),
 * widget page and static twin alike. It records long tasks and layout shifts from the start, and
 * two moments: `ready`, the page parsed and every widget rendered into its shadow root (for a
 * widget page with inline configuration that is DOMContentLoaded, since module scripts and the
 * microtasks after them run before it); `painted`, the end of the next frame after that, whose
 * style, layout and paint put that content on screen. It forces no layout itself, so that it
 * adds no work to the tasks it measures.
 */
(() => {
  const bench = (window.__bench = { longTasks: [], shifts: [] });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
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
    bench.ready = performance.now();
    await nextFrame();
    bench.painted = performance.now();
    bench.done = true;
  };
  document.addEventListener('DOMContentLoaded', finish, { once: true });
})();
