/**
 * The benchmark's pages, served by bench/server.mjs under `/page/<name>`: each case's widget page and its static
 * twin, which is the widgets' own rendered output as plain HTML (bench/pages.mjs `extractTwins`), rendered once here
 * in the first browser.
 */
import { resolve } from 'node:path';
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
} from './pages.mjs';
import { BUNDLE, COMPARE, VIEWPORT } from './options.mjs';
import { browser, server } from './session.mjs';

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
export const { css: twinCss, twin, englishTwin } = await renderTwins();
server.files.twinCss = twinCss;
const staticSeed = TAGS.map((tag) => twin[tag]).join('\n');
server.pages.set('seed-static', hostPage({ title: 'Seed page', content: staticSeed, head: twinHead }));
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
