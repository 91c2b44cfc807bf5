/**
 * The benchmark's pages. Each case is one host page (an ordinary CMS article: header, heading,
 * text, the widgets, more text) in two forms built from the same description:
 *
 * - the widget page: the elements as the README's snippet embeds them, with the ES module;
 * - its static twin: the same content as plain HTML and CSS, no script at all. The twin's markup
 *   and CSS are the widgets' own rendered output (see `extractTwins`), so text, structure and
 *   styles match by construction; only the script and the shadow roots are gone.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const readSeed = (name) => JSON.parse(readFileSync(`${root}fixtures/seed/${name}.json`, 'utf8'));
export const seed = { contact: readSeed('contact'), manifesto: readSeed('manifesto'), share: readSeed('share') };

export const TAGS = ['ik-manifesto-card', 'ik-contact-card', 'ik-share-form'];

const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/**
 * The fallback each element carries, as the README recommends: the information itself as plain
 * HTML, which visitors read until the script has run (and search engines and readers without
 * JavaScript always). With bench/readme.css, the README's CSS, it keeps the card's place.
 */
export const fallbacks = {
  'ik-manifesto-card': `<h2>${escapeHtml(seed.manifesto.heading.sv)}</h2>
    <p>${escapeHtml(seed.manifesto.lead.sv)}</p>
    <p><a href="${seed.manifesto.link.href}">${escapeHtml(seed.manifesto.link.text.sv)}</a></p>`,
  'ik-contact-card': `<p>Dick Eriksson, näringslivschef, <a href="tel:+46520496810">0520-49 68 10</a></p>`,
  'ik-share-form': `<p><a href="mailto:?subject=Tips%3A%20Industriell%20f%C3%B6rnyelse&amp;body=https%3A%2F%2Fwww.example.se%2Fmanifest">Tipsa en vän via e-post</a></p>`,
};

/** The one-line fallbacks of the README before this benchmark, with no CSS. */
export const plainFallbacks = {
  'ik-manifesto-card': '<p>Industriell förnyelse är riktningen för Sveriges Industrikommuner.</p>',
  'ik-contact-card': '<p>Dick Eriksson, näringslivschef, 0520-49 68 10</p>',
  'ik-share-form': '<p>Tipsa en vän: skicka adressen till den här sidan med e-post.</p>',
};

/** The attributes of each seed element, as its snippet writes them. */
export const seedAttributes = {
  'ik-manifesto-card': { 'data-config': JSON.stringify(seed.manifesto) },
  'ik-contact-card': { 'data-config': JSON.stringify(seed.contact) },
  'ik-share-form': { endpoint: '/api/share', 'data-config': JSON.stringify(seed.share) },
};

/** As the demo page embeds them: the manifesto and the contact card from `data-config-src`. */
export const seedSrcAttributes = {
  'ik-manifesto-card': { 'data-config-src': '/seed/manifesto.json' },
  'ik-contact-card': { 'data-config-src': '/seed/contact.json' },
  'ik-share-form': { endpoint: '/api/share', 'data-config': JSON.stringify(seed.share) },
};

const attributeText = (attributes) =>
  Object.entries(attributes)
    .map(([name, value]) => ` ${name}='${String(value).replace(/&/g, '&amp;').replace(/'/g, '&#39;')}'`)
    .join('');

/** One element as an editor pastes it. */
export const widget = (tag, attributes = seedAttributes[tag], fallback = fallbacks[tag]) =>
  `<${tag}${attributeText(attributes)}>\n    ${fallback}\n  </${tag}>`;

const LOREM = `Trollhättan är en av Sveriges industrikommuner. Här finns företag inom flyg, fordon, energi och
  tillverkning, och ett nätverk av kommuner som tillsammans arbetar för industrins villkor.`;

/**
 * A host page around `content`: an article with a header, a heading, text, the content in a
 * 40rem column (a common CMS article width), and more text.
 * @param {{title: string, content: string, head?: string, lang?: string}} parts
 */
export function hostPage({ title, content, head = '', lang = 'sv' }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/bench/host.css">
${head}
</head>
<body>
<header class="site-header"><p>Trollhättans Stad</p></header>
<main>
  <h1>${escapeHtml(seed.manifesto.heading.sv)}</h1>
  <p>${LOREM}</p>
  <div class="article">
  ${content}
  </div>
  <p>${LOREM}</p>
  <p>${LOREM}</p>
</main>
</body>
</html>`;
}

/**
 * The script tag, in the head as the README shows it. A module script does not block parsing; it
 * runs once the page is parsed. (Performance marks around it would measure the wait for its
 * download too, since module scripts run in document order; the script's own time comes from a
 * DevTools trace instead: see `scriptCost` in bench/cases.mjs.)
 */
export const moduleScript = (src) => `<script type="module" src="${src}"></script>`;

/** The head of a widget page: the README's CSS, and the script tag. */
export const widgetHead = (src) => `<link rel="stylesheet" href="/bench/readme.css">\n${moduleScript(src)}`;

/** The head of a static twin: its CSS. */
export const twinHead = '<link rel="stylesheet" href="/twin.css">';

/**
 * Runs in a page with rendered widgets: their shadow DOM as plain HTML (Lit's marker comments
 * removed), and their adopted style sheets rewritten for the light DOM, `:host` becoming a class.
 * A sheet several elements share (the base styles) is written once for all of them.
 */
export function extractTwins() {
  const sheetTags = new Map();
  const markup = {};
  for (const element of document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')) {
    const tag = element.localName;
    if (markup[tag]) continue;
    for (const sheet of element.shadowRoot.adoptedStyleSheets) sheetTags.set(sheet, new Set([...(sheetTags.get(sheet) ?? []), tag]));
    const copy = document.createElement('div');
    copy.append(...[...element.shadowRoot.childNodes].map((node) => node.cloneNode(true)));
    const walker = document.createTreeWalker(copy, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach((comment) => comment.remove());
    markup[tag] = `<div class="${tag}">${copy.innerHTML}</div>`;
  }
  const splitSelectors = (text) => {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      if ('(['.includes(text[i])) depth++;
      else if (')]'.includes(text[i])) depth--;
      else if (text[i] == ',' && !depth) {
        parts.push(text.slice(start, i).trim());
        start = i + 1;
      }
    }
    return [...parts, text.slice(start).trim()];
  };
  const scope = (rule, prefix) => {
    if (rule instanceof CSSStyleRule) {
      const selectors = splitSelectors(rule.selectorText).map((selector) => {
        if (selector.startsWith(':host(')) {
          let depth = 0;
          let end = 5;
          do {
            if (selector[end] == '(') depth++;
            if (selector[end] == ')') depth--;
            end++;
          } while (depth);
          return prefix + selector.slice(6, end - 1) + selector.slice(end);
        }
        if (selector.startsWith(':host')) return prefix + selector.slice(5);
        return `${prefix} ${selector}`;
      });
      return `${selectors.join(', ')} { ${rule.style.cssText} }`;
    }
    if (rule.cssRules) {
      const head = rule.cssText.slice(0, rule.cssText.indexOf('{'));
      return `${head}{\n${[...rule.cssRules].map((inner) => scope(inner, prefix)).join('\n')}\n}`;
    }
    return rule.cssText;
  };
  let css = '';
  for (const [sheet, tags] of sheetTags) {
    const classes = [...tags].map((tag) => `.${tag}`);
    const prefix = classes.length == 1 ? classes[0] : `:is(${classes.join(', ')})`;
    css += [...sheet.cssRules].map((rule) => scope(rule, prefix)).join('\n') + '\n';
  }
  return { markup, css };
}
