/**
 * Browsers, pages and the embed snippets the end-to-end tests share.
 *
 * Each test file starts its own server (`startServer`) and, through `eachBrowser`, runs its
 * tests once per browser: Debian's Chromium (CDP) and, when installed, Firefox ESR (WebDriver
 * BiDi). `E2E_BROWSERS=chromium` (or `firefox`) runs one while working on a test.
 */
import { describe, before, after } from 'node:test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChrome, findFirefox } from '../scripts/find-browser.mjs';
import { repoRoot, startServer } from './server.mjs';

/** @typedef {'chromium' | 'firefox'} BrowserName */
/** @typedef {import('puppeteer-core').Browser} Browser */
/** @typedef {{pageErrors: string[], consoleErrors: string[], consoleWarnings: string[], dialogs: string[]}} PageReport what the browser reported */
/** @typedef {import('puppeteer-core').Page & {report: PageReport}} Page a page from `open` */

/** The browsers this machine has, narrowed by `E2E_BROWSERS`. @type {BrowserName[]} */
export const browserNames = /** @type {BrowserName[]} */ (
  [findChrome() && 'chromium', findFirefox() && 'firefox'].filter(
    (name) => name && (!process.env.E2E_BROWSERS || process.env.E2E_BROWSERS.split(',').includes(name)),
  )
);
if (!findChrome()) throw new Error('No Chromium found: install one (apt-get install chromium) or set CHROME_PATH.');
if (!findFirefox() && !process.env.E2E_BROWSERS)
  console.log('# Firefox ESR not found (/usr/bin/firefox-esr or $FIREFOX_PATH): Chromium only');

/** A fresh temporary directory, removed when the process exits. @param {string} name */
export function temporaryDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `ik-e2e-${name}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Where the browsers save any download, instead of ~/Downloads. */
export const downloadsDir = temporaryDir('downloads');

/**
 * Launches a browser.
 * @param {BrowserName} name
 * @param {{firefoxPrefs?: Record<string, unknown>}} [options] `firefoxPrefs`: e.g. forced colours,
 *   which Firefox can only switch on as a preference, not per page
 */
export function launch(name, options = {}) {
  if (name == 'chromium')
    return puppeteer.launch({
      executablePath: findChrome(),
      args: CHROMIUM_ARGS,
      protocolTimeout: 40_000,
      downloadBehavior: { policy: 'allow', downloadPath: downloadsDir },
    });
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    protocolTimeout: 40_000,
    extraPrefsFirefox: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      ...options.firefoxPrefs,
    },
  });
}

/**
 * Runs `body` once per browser, in a `describe` named after it, with the browser launched before
 * and closed after. `body` gets a context whose `browser` is set once the tests run.
 * @param {string} title
 * @param {(context: {name: BrowserName, browser: Browser}) => void} body
 * @param {{firefoxPrefs?: Record<string, unknown>}} [options]
 */
export function eachBrowser(title, body, options = {}) {
  for (const name of browserNames) {
    describe(`${title} [${name}]`, () => {
      const context = /** @type {{name: BrowserName, browser: Browser}} */ ({ name });
      before(async () => {
        context.browser = await launch(name, options);
      });
      body(context);
      // Registered after the body's hooks, so that theirs (closing pages) run first.
      after(async () => {
        await context.browser?.close();
      });
    });
  }
}

/**
 * A suite that needs Chromium's DevTools protocol (touch emulation, the accessibility tree, exact layout): a
 * `describe` named `<title> [chromium]`, with a test server started and Chromium launched before its tests and
 * both closed after. `body` gets the context; its `server` and `browser` are set once the tests run.
 * @param {string} title
 * @param {(context: {server: Awaited<ReturnType<typeof startServer>>, browser: Browser}) => void} body
 */
export function chromiumSuite(title, body) {
  describe(`${title} [chromium]`, () => {
    const context = /** @type {{server: Awaited<ReturnType<typeof startServer>>, browser: Browser}} */ ({});
    before(async () => {
      context.server = await startServer();
      context.browser = await launch('chromium');
    });
    body(context);
    // Registered after the body's hooks, so that theirs (closing pages) run first.
    after(async () => {
      await context.browser?.close();
      await context.server?.close();
    });
  });
}

/**
 * A page, with everything the browser reports collected: uncaught errors, console errors and
 * warnings, and dialogs (which are dismissed; an injected `alert` would show as one).
 * @param {Browser} browser
 * @param {string} [url] navigated to and waited for (`load`)
 * @param {{width?: number, height?: number, deviceScaleFactor?: number}} [viewport]
 */
export async function open(browser, url, viewport) {
  const page = await browser.newPage();
  /** @type {PageReport} */
  const report = { pageErrors: [], consoleErrors: [], consoleWarnings: [], dialogs: [] };
  page.on('pageerror', (error) => report.pageErrors.push(String(/** @type {Error} */ (error)?.message ?? error)));
  page.on('console', (message) => {
    if (message.type() == 'error') report.consoleErrors.push(message.text());
    if (message.type() == 'warn') report.consoleWarnings.push(message.text());
  });
  page.on('dialog', (dialog) => {
    report.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  if (viewport) await page.setViewport({ width: 800, height: 600, ...viewport });
  if (url) await page.goto(url, { waitUntil: 'load' });
  return /** @type {Page} */ (Object.assign(page, { report }));
}

/** What the probe (`assets/probe.js`) recorded in the page. @param {Page} page */
export const probe = (page) =>
  page.evaluate(() => {
    const { violations, errors, rejections, configErrors, executed, events } = /** @type {any} */ (window).__probe;
    return { violations, errors, rejections, configErrors, executed, events };
  });

/** Escapes text for an HTML attribute value in double quotes, or for element content. @param {unknown} value */
export const escapeHtml = (value) =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** `name="value"` pairs; `undefined` values are left out. @param {Record<string, unknown>} attributes */
export const attrs = (attributes) =>
  Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(typeof value == 'string' ? value : JSON.stringify(value))}"`)
    .join('');

/**
 * A test page as a CMS would serve it: the probe first, then `head`, `body` and the scripts.
 * @param {{title?: string, lang?: string, head?: string, body?: string, scripts?: string[], probe?: boolean}} parts
 *   `scripts`: `module:/path` for `<script type="module">`, else a classic `<script>`
 */
export function html({
  title = 'Industrikommun e2e',
  lang = 'sv',
  head = '',
  body = '',
  scripts = ['module:/dist/industrikommun-widgets.js'],
  probe = true,
}) {
  const tags = scripts
    .map((src) => (src.startsWith('module:') ? `<script type="module" src="${src.slice(7)}"></script>` : `<script src="${src}"></script>`))
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${probe ? '<script src="/assets/probe.js"></script>' : ''}
${head}
</head>
<body>
${body}
${tags}
</body>
</html>`;
}

/** The seed configurations (`fixtures/seed`), as editors would paste them. */
export const seed = {
  contact: JSON.parse(readFileSync(resolve(repoRoot, 'fixtures/seed/contact.json'), 'utf8')),
  manifesto: JSON.parse(readFileSync(resolve(repoRoot, 'fixtures/seed/manifesto.json'), 'utf8')),
  share: JSON.parse(readFileSync(resolve(repoRoot, 'fixtures/seed/share.json'), 'utf8')),
};

/** Fallback texts: what a visitor reads when the element cannot render. */
export const fallbackText = {
  contact: 'Dick Eriksson, näringslivschef, 0520-49 68 10',
  manifesto: 'Industriell förnyelse är riktningen för Sveriges Industrikommuner.',
  share: 'Tipsa en vän om den här sidan.',
};

/**
 * The three elements as a CMS page embeds them: the contact card inline, the manifesto from
 * `data-config-src` (the network's shared file), the share form posting to the endpoint.
 * @param {{manifestoSrc?: string, endpoint?: string, extra?: Record<string, string>}} [options]
 */
export function allThree({ manifestoSrc = '/seed/manifesto.json', endpoint = '/api/share', extra = {} } = {}) {
  return `<main>
<ik-contact-card id="contact"${attrs({ 'data-config': seed.contact })}${extra.contact ?? ''}><p>${fallbackText.contact}</p></ik-contact-card>
<ik-manifesto-card id="manifesto"${attrs({ 'data-config-src': manifestoSrc })}${extra.manifesto ?? ''}><p>${fallbackText.manifesto}</p></ik-manifesto-card>
<ik-share-form id="share"${attrs({ endpoint, 'data-config': seed.share })}${extra.share ?? ''}><p>${fallbackText.share}</p></ik-share-form>
</main>`;
}

export const TAGS = /** @type {const} */ (['ik-contact-card', 'ik-manifesto-card', 'ik-share-form']);

/**
 * Waits until every widget on the page has ended as a card or as the fallback with an error,
 * and returns `{id or tag: outcome}`.
 * @param {Page} page
 * @returns {Promise<Record<string, string>>}
 */
export async function outcomes(page, timeout = 8000) {
  const result = await page.evaluate(async (timeout) => {
    const e2e = /** @type {any} */ (window).__e2e;
    const widgets = [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')];
    const results = await Promise.all(widgets.map((element) => e2e.outcome(element, timeout)));
    return Object.fromEntries(widgets.map((element, i) => [element.id || element.localName, results[i]]));
  }, timeout);
  // A widget that never settled: say what the page reported, so that a CI log explains it.
  if (Object.values(result).some((outcome) => outcome.startsWith('timeout')))
    console.log(`# ${page.url()}: ${JSON.stringify({ ...page.report, probe: await probe(page).catch(() => 'unavailable') })}`);
  return result;
}

/**
 * Fills the share form in element `#id` as a visitor would type it (real key presses).
 * @param {Page} page @param {Record<string, string>} values field id → text
 */
export async function fillShareForm(page, values, id = 'share') {
  for (const [field, text] of Object.entries(values)) {
    const input = await page.$(`#${id} >>> #${field}`);
    if (!input) throw new Error(`no field #${field} in #${id}`);
    await input.click();
    await input.type(text);
  }
}

/** The values of the share form's fields. @param {Page} page */
export const shareFormValues = (page, id = 'share') =>
  page.evaluate(
    (id) =>
      Object.fromEntries(
        ['to', 'name', 'from', 'message'].map((field) => [
          field,
          /** @type {HTMLInputElement} */ (document.getElementById(id)?.shadowRoot?.getElementById(field))?.value,
        ]),
      ),
    id,
  );

let recipients = 0;
/**
 * A visitor's valid form, to a new recipient each time: the endpoint allows only a few messages
 * per recipient a minute (see `startServer`).
 */
export const validShare = () => ({
  to: `van${++recipients}.${process.pid}@example.se`,
  name: 'Anna Andersson',
  from: 'anna@example.se',
  message: 'Titta på det här!',
});

/**
 * Waits for an `ik-*` event from element `#id` (recorded by the probe from page load on).
 * @param {Page} page @param {string} type @returns {Promise<{type: string, id: string, detail: any} | null>}
 */
export const event = (page, type, id = 'share', timeout = 5000) =>
  page.evaluate((type, id, timeout) => /** @type {any} */ (window).__e2e.event(type, id, timeout), type, id, timeout);

/** Prints a figure the suite reports (TESTING.md quotes them). @param {string} text */
export const report = (text) => console.log(`# ${text}`);
