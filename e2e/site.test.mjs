/**
 * The editors' site (`npm run build:site`) as a web team would host it: the built files, served from a folder of
 * a plain static server (no Node behind it, no rewrites, no charset in its headers), in Chromium.
 *
 * - every page, in Swedish and in English, is in its own language, declares its charset, and axe finds nothing;
 * - every link, script, style sheet and file a page needs is there;
 * - the guides are HTML pages, readable ("Guide för redaktörer", not "Guide fÃ¶r redaktÃ¶rer");
 * - the versioned bundles are there, with the hashes the builder puts in its snippets;
 * - the example page is a municipality's article, and its language switch shows the cards in Swedish and English;
 * - `npm start` serves the same files.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { build, createServer as createViteServer } from 'vite';
import { launch, open, temporaryDir } from './harness.mjs';
import { repoRoot } from './server.mjs';

const siteDir = temporaryDir('site');
const FOLDER = '/kommun/widgets/';
const axeSource = readFileSync(join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

/** What a bare static server knows: a type by file ending, with no charset (as `python3 -m http.server` sends). */
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A plain static file server for `dir`, under `FOLDER`: files as they are, `index.html` for a folder, else 404. */
function staticServer(dir) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(FOLDER)) return response.writeHead(404).end();
    let file = normalize(join(dir, path.slice(FOLDER.length)));
    if (!file.startsWith(dir)) return response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

/** The site's pages, each in each language it has. */
const PAGES = [
  ['index.html', 'sv'],
  ['index.html?lang=en', 'en'],
  ['builder.html', 'sv'],
  ['builder.html?lang=en', 'en'],
  ['guide.sv.html', 'sv'],
  ['guide.en.html', 'en'],
  ['web-team.html', 'en'],
];

/** axe on the whole page, shadow roots included: its violations as "rule: target" lines. */
async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const { violations } = await /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] });
    return violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)} ${node.failureSummary}`),
    );
  });
}

/** Waits until every widget on the page shows its card. */
const cardsShown = (page) =>
  page.waitForFunction(
    () =>
      [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')].every((element) =>
        element.shadowRoot?.querySelector('.card'),
      ),
    { timeout: 15000 },
  );

describe("the editors' site on a plain static server", () => {
  /** @type {{server: import('node:http').Server, origin: string}} */
  let host;
  /** @type {import('puppeteer-core').Browser} */
  let browser;
  const url = (path) => `${host.origin}${FOLDER}${path}`;

  before(async () => {
    await build({ configFile: join(repoRoot, 'vite.site.config.ts'), logLevel: 'silent', build: { outDir: siteDir, emptyOutDir: true } });
    host = await staticServer(siteDir);
    browser = await launch('chromium');
  });
  after(async () => {
    await browser?.close();
    host?.server.close();
  });

  for (const [path, lang] of PAGES)
    it(`${path}: in ${lang}, UTF-8, everything it links to is there, and axe finds nothing at 1280 and 320 px`, async () => {
      const page = await open(browser, url(path), { width: 1280, height: 900 });
      try {
        assert.equal(await page.evaluate(() => document.characterSet), 'UTF-8');
        await page.waitForFunction((lang) => document.documentElement.lang == lang, { timeout: 5000 }, lang);
        if (path.startsWith('index')) await cardsShown(page);
        if (path.startsWith('builder')) await page.waitForSelector('#panel-build');
        const text = await page.evaluate(() => document.body.innerText);
        assert.doesNotMatch(text, /Ã|â€/, 'text decoded with the wrong charset');
        // Everything the page refers to, on this site, answers 200.
        const links = await page.evaluate(() =>
          [...document.querySelectorAll('a[href], link[href], script[src], img[src]')].map(
            (element) => /** @type {any} */ (element).href || /** @type {any} */ (element).src,
          ),
        );
        for (const link of new Set(links.filter((link) => link.startsWith(host.origin)).map((link) => link.replace(/#.*$/, '')))) {
          const response = await fetch(link);
          assert.equal(response.status, 200, link);
        }
        for (const width of [1280, 320]) {
          await page.setViewport({ width, height: 900 });
          assert.deepEqual(await axe(page), [], `${path} at ${width} px`);
          assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= width, `${path} scrolls sideways at ${width} px`);
        }
        assert.deepEqual(page.report.pageErrors, []);
        // The builder's empty preview is a card without a name: it says so in the console, as a card would.
        assert.deepEqual(
          page.report.consoleErrors.filter((error) => !/needs a name/.test(error)),
          [],
        );
      } finally {
        await page.close();
      }
    });

  it('the guides are HTML pages in their own language, with working contents links', async () => {
    for (const [path, lang, heading] of [
      ['guide.sv.html', 'sv', 'Guide för redaktörer: Industrikommunernas widgetar'],
      ['guide.en.html', 'en', "Editor's guide: the Industrial Municipalities' widgets"],
      ['web-team.html', 'en', 'For the municipal web team'],
    ]) {
      const response = await fetch(url(path));
      const html = await response.text();
      assert.match(html, /^<!doctype html>/i);
      assert.match(html, /<meta charset="utf-8"/);
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      assert.doesNotMatch(html, /\]\([^)]*\.md/, 'a Markdown link left');
      const page = await open(browser, url(path));
      try {
        assert.equal(await page.$eval('h1', (h1) => h1.textContent), heading);
        const missing = await page.evaluate(() =>
          [...document.querySelectorAll('a[href^="#"]')]
            .map((a) => decodeURIComponent(a.getAttribute('href').slice(1)))
            .filter((id) => id && !document.getElementById(id)),
        );
        assert.deepEqual(missing, [], 'contents links without their heading');
        const guides = await page.$$eval('a[href$=".html"]', (links) => links.map((link) => link.getAttribute('href')));
        assert.ok(guides.some((href) => /guide\.(sv|en)\.html|web-team\.html/.test(href)));
      } finally {
        await page.close();
      }
    }
  });

  it('the JSON Schemas and the versioned bundles are there, and the builder puts their hashes in its snippet', async () => {
    for (const name of ['ik-contact-card', 'ik-manifesto-card', 'ik-share-form']) {
      const schema = await (await fetch(url(`schema/${name}.schema.json`))).json();
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    }
    const sri = await (await fetch(url(`industrikommun-widgets/${version}/sri.json`))).json();
    assert.equal(sri.version, version);
    for (const bundle of ['industrikommun-widgets.js', 'industrikommun-widgets.iife.js']) {
      const bytes = Buffer.from(await (await fetch(url(`industrikommun-widgets/${version}/${bundle}`))).arrayBuffer());
      assert.equal(sri.integrity[bundle], `sha384-${createHash('sha384').update(bytes).digest('base64')}`, bundle);
      assert.deepEqual(bytes, readFileSync(join(repoRoot, 'dist', bundle)));
    }
    const page = await open(browser, url('builder.html'), { width: 1280, height: 900 });
    try {
      await page.click('#fill-example');
      await page.waitForFunction(() => document.querySelector('#f-contact-card-person-name-sv')?.value == 'Dick Eriksson', {
        timeout: 10000,
      });
      const snippet = await page.$eval('#snippet code', (code) => code.textContent);
      assert.ok(
        snippet.includes(
          `/${version}/industrikommun-widgets.js" integrity="${sri.integrity['industrikommun-widgets.js']}" crossorigin="anonymous"`,
        ),
        snippet,
      );
    } finally {
      await page.close();
    }
  });

  it("the example page is a municipality's article, and its language switch shows the cards in Swedish and English", async () => {
    const page = await open(browser, url('index.html'), { width: 1280, height: 900 });
    try {
      await cardsShown(page);
      const look = await page.evaluate(() => ({
        font: getComputedStyle(document.body).fontFamily,
        header: !!document.querySelector('header .site-name'),
        article: !!document.querySelector('main article h1'),
        width: document.querySelector('article').getBoundingClientRect().width,
      }));
      assert.match(look.font, /sans-serif$/);
      assert.doesNotMatch(look.font, /Georgia|Times/);
      assert.ok(look.header && look.article);
      assert.ok(look.width <= 42 * 17 + 1, `an article column, not the full width: ${look.width}`);
      const cardText = () =>
        page.evaluate(() =>
          Object.fromEntries(
            [...document.querySelectorAll('ik-contact-card, ik-share-form, ik-manifesto-card')].map((element) => [
              element.localName,
              element.shadowRoot.textContent.replace(/\s+/g, ' '),
            ]),
          ),
        );
      const swedish = await cardText();
      assert.match(swedish['ik-contact-card'], /Näringslivschef/);
      assert.match(swedish['ik-share-form'], /Tipsa en vän/);
      assert.match(swedish['ik-manifesto-card'], /600 000/);

      await Promise.all([page.waitForNavigation(), page.click('#language-switch')]);
      await cardsShown(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
      const english = await cardText();
      assert.match(english['ik-contact-card'], /Head of Business Development/);
      assert.match(english['ik-share-form'], /Tell a friend/);
      assert.match(english['ik-manifesto-card'], /600,000/);
      const page_ = await page.evaluate(() => ({
        h1: document.querySelector('h1').textContent,
        title: document.title,
        left: [...document.querySelectorAll('[data-en]')].filter((element) => element.textContent != element.dataset.en).length,
      }));
      assert.match(page_.h1, /^Industrial renewal/);
      assert.match(page_.title, /^Industrial renewal/);
      assert.equal(page_.left, 0, 'Swedish text left on the English page');
      await Promise.all([page.waitForNavigation(), page.click('#language-switch')]);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
    } finally {
      await page.close();
    }
  });

  it('`npm start` serves the same files', async () => {
    const vite = await createViteServer({
      configFile: join(repoRoot, 'vite.site.config.ts'),
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, open: false },
    });
    await vite.listen();
    try {
      const { port } = /** @type {import('node:net').AddressInfo} */ (vite.httpServer.address());
      for (const path of [
        'guide.sv.html',
        'guide.en.html',
        'web-team.html',
        'guide.css',
        'schema/ik-contact-card.schema.json',
        'seed/manifesto.json',
        `industrikommun-widgets/${version}/industrikommun-widgets.js`,
        'industrikommun-widgets/sri.json',
      ]) {
        const response = await fetch(`http://127.0.0.1:${port}/${path}`);
        assert.equal(response.status, 200, path);
        if (path.endsWith('.html')) assert.match(response.headers.get('content-type'), /charset=utf-8/);
        assert.deepEqual(Buffer.from(await response.arrayBuffer()), readFileSync(join(siteDir, path)), path);
      }
      for (const path of ['', 'builder.html']) {
        const html = await (await fetch(`http://127.0.0.1:${port}/${path}`)).text();
        assert.match(html, /<html lang="sv">/);
      }
    } finally {
      await vite.close();
    }
  });
});
