/**
 * Visual regression: a screenshot of every element in its main states, compared pixel by pixel (pixelmatch) with
 * the reviewed reference images kept in `e2e/visual/references/`.
 *
 * States: the share form empty, with validation errors, after a failed send, rate-limited and after success; the
 * share form without an endpoint (the visitor's mail program); the contact card; the manifesto card. Each in Swedish
 * and English, in a 320 px and a 1280 px window, in light, dark (the host declares `color-scheme: dark` on a dark
 * page) and forced colours (Chromium's emulation). Chromium only: one browser is enough for pixels, and CI runs
 * the same Debian Chromium and fonts.
 *
 * A difference fails the test and writes `<name>.actual.png` and `<name>.diff.png` to `e2e/visual/failures/`.
 * When the change is meant, `npm run test:visual:update` rewrites the references (and removes those of states that
 * are gone); review the new images in the diff before committing them (TESTING.md).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, findChrome } from '../scripts/find-browser.mjs';
import { distDir, repoRoot } from './server.mjs';

const referencesDir = fileURLToPath(new URL('./visual/references/', import.meta.url));
const failuresDir = fileURLToPath(new URL('./visual/failures/', import.meta.url));
const UPDATE = !!process.env.VISUAL_UPDATE;

const seed = (name) => readFileSync(join(repoRoot, 'fixtures/seed', `${name}.json`), 'utf8');
const attribute = (text) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');

/**
 * The cases, top to bottom on one page. `send`: how the share form is used before its screenshot: `errors`
 * submits it empty, the others fill it in and submit to an endpoint that answers as named.
 */
const CASES = [
  { name: 'contact-card', html: `<ik-contact-card data-config='${attribute(seed('contact'))}'></ik-contact-card>` },
  { name: 'manifesto-card', html: `<ik-manifesto-card data-config='${attribute(seed('manifesto'))}'></ik-manifesto-card>` },
  { name: 'share-mail-client', html: `<ik-share-form data-config='${attribute(seed('share'))}'></ik-share-form>` },
  { name: 'share-empty', html: `<ik-share-form endpoint="/api/ok"></ik-share-form>` },
  { name: 'share-errors', html: `<ik-share-form endpoint="/api/ok"></ik-share-form>`, send: 'errors' },
  { name: 'share-failed', html: `<ik-share-form endpoint="/api/fail"></ik-share-form>`, send: 'ik-share-error' },
  { name: 'share-rate-limited', html: `<ik-share-form endpoint="/api/limit"></ik-share-form>`, send: 'ik-share-error' },
  { name: 'share-success', html: `<ik-share-form endpoint="/api/ok"></ik-share-form>`, send: 'ik-share-success' },
];

const SCHEMES = ['light', 'dark', 'forced'];
// Arabic: the right-to-left states, on a right-to-left page.
const LANGS = ['sv', 'en', 'ar'];
const WIDTHS = [320, 1280];

/**
 * The host page: a fixed font that CI has too (fonts-dejavu-core), an article column as on a municipality's page,
 * and nothing that moves (no caret, no animation).
 */
const page = (lang, scheme) => `<!doctype html>
<html lang="${lang}" dir="${lang == 'ar' ? 'rtl' : 'ltr'}" class="${scheme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Industriell förnyelse</title>
<style>
  html { font: 16px/1.5 'DejaVu Sans', sans-serif; caret-color: transparent; }
  html.dark { color-scheme: dark; background: #121212; color: #e8e8e8; }
  body { margin: 0; padding: 8px; }
  .case { max-width: 40rem; padding: 8px; margin: 0 0 8px; }
  *, *::before, *::after { animation: none !important; transition: none !important; }
</style>
</head>
<body>
${CASES.map(({ name, html }) => `<div class="case" id="${name}">${html}</div>`).join('\n')}
<script type="module" src="/industrikommun-widgets.js"></script>
</body>
</html>`;

/** The host: the page, the built bundle, and an endpoint that answers each way a real one does. */
function startHost() {
  const bundle = readFileSync(join(distDir, 'industrikommun-widgets.js'));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    if (url.pathname == '/')
      return response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(page(url.searchParams.get('lang'), url.searchParams.get('scheme')));
    if (url.pathname == '/industrikommun-widgets.js') return response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
    if (url.pathname == '/locales/ar.json')
      return response.writeHead(200, { 'Content-Type': 'application/json' }).end(readFileSync(join(distDir, 'locales/ar.json')));
    if (url.pathname == '/api/ok')
      return request.resume().on('end', () => response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
    if (url.pathname == '/api/fail')
      return request.resume().on('end', () => response.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error'));
    if (url.pathname == '/api/limit')
      return request
        .resume()
        .on('end', () => response.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '120' }).end('{}'));
    response.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

/** Brings every case to its state, then takes the focus away, so that no focus ring depends on the order. */
async function prepare(browserPage) {
  await browserPage.evaluate(async (cases) => {
    const elements = [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')];
    await Promise.all(elements.map((element) => customElements.whenDefined(element.localName)));
    await Promise.all(elements.map((element) => /** @type {any} */ (element).updateComplete));
    // A language loaded on demand (Arabic): the fallback shows until its strings arrive.
    for (let i = 0; i < 100 && !elements.every((element) => element.shadowRoot?.querySelector('[part=card]')); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    for (const { name, send } of cases) {
      if (!send) continue;
      const element = /** @type {any} */ (document.querySelector(`#${name} > *`));
      const root = element.shadowRoot;
      if (send != 'errors') {
        const typed = { to: 'anna@example.se', name: 'Bo Ek', from: 'bo@example.se', message: 'Läs det här!' };
        for (const [id, value] of Object.entries(typed)) {
          const field = root.getElementById(id);
          field.value = value;
          field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        }
      }
      const done = send == 'errors' ? Promise.resolve() : new Promise((resolve) => element.addEventListener(send, resolve, { once: true }));
      root.querySelector('form').requestSubmit();
      await done;
      await element.updateComplete;
    }
    for (const element of elements) {
      /** @type {any} */ (element).shadowRoot.activeElement?.blur();
      await /** @type {any} */ (element).updateComplete;
    }
    /** @type {HTMLElement} */ (document.activeElement)?.blur();
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  }, CASES);
}

/** Compares a screenshot with its reference; returns what differs, or writes the reference when updating. */
function compare(name, png) {
  const referencePath = join(referencesDir, `${name}.png`);
  const actual = PNG.sync.read(Buffer.from(png));
  if (UPDATE) {
    writeFileSync(referencePath, PNG.sync.write(actual, { colorType: 2 }));
    return undefined;
  }
  const fail = (why, diff) => {
    mkdirSync(failuresDir, { recursive: true });
    writeFileSync(join(failuresDir, `${name}.actual.png`), PNG.sync.write(actual));
    if (diff) writeFileSync(join(failuresDir, `${name}.diff.png`), PNG.sync.write(diff));
    return `${name}: ${why}`;
  };
  if (!existsSync(referencePath)) return fail('no reviewed reference (npm run test:visual:update, then review it)');
  const reference = PNG.sync.read(readFileSync(referencePath));
  if (reference.width != actual.width || reference.height != actual.height)
    return fail(`size ${actual.width}×${actual.height}, reference ${reference.width}×${reference.height}`);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const pixels = pixelmatch(reference.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
  return pixels ? fail(`${pixels} pixels differ`, diff) : undefined;
}

describe('visual regression [chromium]', { concurrency: false }, () => {
  /** @type {{server: import('node:http').Server, origin: string}} */
  let host;
  /** @type {import('puppeteer-core').Browser} */
  let browser;
  const written = new Set();

  before(async () => {
    rmSync(failuresDir, { recursive: true, force: true });
    mkdirSync(referencesDir, { recursive: true });
    host = await startHost();
    browser = await puppeteer.launch({
      executablePath: findChrome(),
      // The same pixels on every run: no scrollbars, sRGB, greyscale antialiasing, no font hinting.
      args: [...CHROMIUM_ARGS, '--hide-scrollbars', '--force-color-profile=srgb', '--disable-lcd-text', '--font-render-hinting=none'],
      protocolTimeout: 60_000,
    });
  });
  after(async () => {
    await browser?.close();
    host?.server.close();
    // A full update also removes the references of states that no longer exist.
    if (UPDATE && written.size == CASES.length * SCHEMES.length * LANGS.length * WIDTHS.length)
      for (const file of readdirSync(referencesDir)) if (!written.has(file)) rmSync(join(referencesDir, file));
  });

  for (const scheme of SCHEMES)
    for (const lang of LANGS)
      for (const width of WIDTHS)
        it(`${scheme}, ${lang}, ${width} px: every element in every state matches its reference`, async () => {
          const tab = await browser.newPage();
          const errors = [];
          tab.on('pageerror', (error) => errors.push(String(error)));
          try {
            await tab.setViewport({ width, height: 900, deviceScaleFactor: 1 });
            // Over CDP: puppeteer's own emulateMediaFeatures does not know forced-colors.
            const cdp = await tab.createCDPSession();
            await cdp.send('Emulation.setEmulatedMedia', {
              features: [
                { name: 'prefers-reduced-motion', value: 'reduce' },
                { name: 'prefers-color-scheme', value: scheme == 'dark' ? 'dark' : 'light' },
                { name: 'forced-colors', value: scheme == 'forced' ? 'active' : 'none' },
              ],
            });
            await tab.goto(`${host.origin}/?lang=${lang}&scheme=${scheme}`, { waitUntil: 'load' });
            await prepare(tab);
            const differences = [];
            for (const { name } of CASES) {
              const shot = await (await tab.$(`#${name}`)).screenshot({ type: 'png', captureBeyondViewport: true });
              const file = `${name}.${lang}.${width}.${scheme}`;
              written.add(`${file}.png`);
              const difference = compare(file, shot);
              if (difference) differences.push(difference);
            }
            assert.deepEqual(errors, []);
            assert.deepEqual(
              differences,
              [],
              `Screenshots differ from their reviewed references (see e2e/visual/failures/). If the change is meant: npm run test:visual:update, and review the new images.`,
            );
          } finally {
            await tab.close();
          }
        });
});
