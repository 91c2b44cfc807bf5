/**
 * Languages loaded as data: Finnish and Arabic come from `locales/<lang>.json` beside the script, fetched once per
 * page however many cards ask, checked against the SHA-384 the bundle carries. Until they arrive the light-DOM
 * fallback stays; when they cannot be had (404, a changed file, offline) the cards speak Swedish with one warning.
 * Both builds: the ES module finds the files from `import.meta.url`, the classic script from its own `src`.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, startServer } from './server.mjs';
import { attrs, eachBrowser, fallbackText, html, open, outcomes, probe, seed } from './harness.mjs';

const BUNDLES = { module: 'industrikommun-widgets.js', classic: 'industrikommun-widgets.iife.js' };
const finnish = readFileSync(join(distDir, 'locales/fi.json'), 'utf8');

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
before(async () => {
  server = await startServer();
  // Each folder is a place a municipality could host the script, with its language files in one state or another.
  for (const [folder, answer] of Object.entries({
    slow: async (/** @type {import('node:http').ServerResponse} */ res) => {
      await new Promise((done) => setTimeout(done, 1500));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(finnish);
    },
    missing: (/** @type {import('node:http').ServerResponse} */ res) => res.writeHead(404).end('Not found'),
    // One word changed: what a compromised CDN might serve. The hash in the bundle refuses it.
    tampered: (/** @type {import('node:http').ServerResponse} */ res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(finnish.replace('"Puhelin"', '"Lähetä rahaa"')),
  })) {
    for (const name of Object.values(BUNDLES))
      server.route(`/${folder}/${name}`, (req, res) =>
        res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(join(distDir, name))),
      );
    server.route(`/${folder}/locales/fi.json`, (req, res) => answer(res));
  }
});
after(() => server.close());

/** `count` contact cards and one of each other element, on a page in `lang`. @param {number} count */
const cards = (count) =>
  Array.from(
    { length: count },
    (_, i) =>
      `<ik-contact-card id="contact-${i}"${attrs({ 'data-config': seed.contact })}><p>${fallbackText.contact}</p></ik-contact-card>`,
  ).join('\n') +
  `<ik-manifesto-card id="manifesto"${attrs({ 'data-config': seed.manifesto })}><p>${fallbackText.manifesto}</p></ik-manifesto-card>` +
  `<ik-share-form id="share"${attrs({ endpoint: '/api/share', 'data-config': seed.share })}><p>${fallbackText.share}</p></ik-share-form>`;

/** What each card says: its first label (the work phone's) or heading, its lang and dir. @param {import('./harness.mjs').Page} page */
const shown = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')].map((element) => {
      const card = element.shadowRoot?.querySelector('[part=card]');
      const text =
        element.localName == 'ik-contact-card' ? card?.querySelector('dt') : card?.querySelector('[part=heading], button[part=submit]');
      return { lang: card?.getAttribute('lang'), dir: card?.getAttribute('dir'), text: text?.textContent?.trim() };
    }),
  );

/** The requests for language files, by path. @param {number} mark */
const localeRequests = (mark) =>
  server
    .since(mark)
    .map((entry) => entry.path)
    .filter((path) => path.includes('/locales/'));

eachBrowser('Languages loaded as data', (context) => {
  for (const [kind, name] of Object.entries(BUNDLES)) {
    const script = (/** @type {string} */ folder) => (kind == 'module' ? `module:${folder}${name}` : `${folder}${name}`);

    for (const [lang, phone, dir] of [
      ['fi', 'Puhelin', 'ltr'],
      ['ar', 'الهاتف', 'rtl'],
    ]) {
      test(`${kind}: a page in ${lang} with eight cards fetches locales/${lang}.json once, and every card speaks it (${dir})`, async () => {
        const mark = server.log.length;
        const page = await open(context.browser, server.page(html({ lang, body: cards(6), scripts: [script('/dist/')] })));
        assert.deepEqual(Object.values(await outcomes(page)), Array(8).fill('card'));
        assert.deepEqual(localeRequests(mark), [`/dist/locales/${lang}.json`], 'one request, beside the script');
        const cardsShown = await shown(page);
        assert.ok(
          cardsShown.every((card) => card.lang == lang && card.dir == dir),
          JSON.stringify(cardsShown),
        );
        assert.equal(cardsShown[0].text, phone);
        assert.deepEqual(page.report.consoleWarnings, []);
        // Back and forth between languages: nothing is fetched again.
        await page.evaluate(async () => {
          for (const lang of ['sv', 'fi', 'ar', 'en', 'fi', 'ar']) {
            document.documentElement.lang = lang;
            await new Promise((done) => setTimeout(done, 50));
          }
        });
        await outcomes(page);
        assert.equal(localeRequests(mark).length, 2, `${lang}, then the other language once: ${localeRequests(mark)}`);
        await page.close();
      });
    }

    test(`${kind}: pages in Swedish and English (sv, en, sv-FI, en-GB) fetch no language file; fi-FI fetches fi.json`, async () => {
      for (const lang of ['sv', 'en', 'sv-FI', 'en-GB']) {
        const mark = server.log.length;
        const page = await open(context.browser, server.page(html({ lang, body: cards(3), scripts: [script('/dist/')] })));
        assert.deepEqual(Object.values(await outcomes(page)), Array(5).fill('card'));
        assert.equal((await shown(page))[0].text, lang.startsWith('sv') ? 'Telefon' : 'Phone');
        assert.deepEqual(localeRequests(mark), [], `${lang}: no extra request`);
        await page.close();
      }
      const mark = server.log.length;
      const page = await open(context.browser, server.page(html({ lang: 'fi-FI', body: cards(3), scripts: [script('/dist/')] })));
      assert.deepEqual(Object.values(await outcomes(page)), Array(5).fill('card'));
      assert.equal((await shown(page))[0].text, 'Puhelin');
      assert.deepEqual(localeRequests(mark), ['/dist/locales/fi.json']);
      await page.close();
    });

    test(`${kind}: while locales/fi.json is on its way the fallback stays (no Swedish flash) and keeps the card's place (:state(loading)), then Finnish`, async () => {
      // The README's reservation, with a height no card reaches: it must hold from the first paint until the strings are here.
      const head = `<style>ik-contact-card { display: block } ik-contact-card:is(:not(:defined), :state(loading)) { min-height: 900px }</style>`;
      const page = await open(context.browser, server.page(html({ lang: 'fi', head, body: cards(1), scripts: [script('/slow/')] })));
      const place = () => {
        const element = /** @type {HTMLElement} */ (document.getElementById('contact-0'));
        return {
          state: /** @type {any} */ (window).__e2e.state(element),
          loading: element.matches(':state(loading)'),
          height: Math.round(element.getBoundingClientRect().height),
          text: element.innerText.trim(),
        };
      };
      await page.evaluate(async () => {
        await customElements.whenDefined('ik-contact-card');
        await new Promise((done) => setTimeout(done, 300));
      });
      const meanwhile = await page.evaluate(place);
      assert.deepEqual(meanwhile, { state: 'fallback', loading: true, height: 900, text: fallbackText.contact });
      assert.deepEqual(Object.values(await outcomes(page)), Array(3).fill('card'));
      assert.equal((await shown(page))[0].text, 'Puhelin');
      const drawn = await page.evaluate(place);
      assert.equal(drawn.loading, false, 'the state ends when the card is drawn');
      assert.ok(drawn.height < 900, `the reservation ends with it (${drawn.height} px)`);
      await page.close();
    });

    for (const folder of ['missing', 'tampered'])
      test(`${kind}: locales/fi.json ${folder == 'missing' ? 'answers 404' : 'changed (integrity mismatch)'}: every card in Swedish, one console warning`, async () => {
        const page = await open(context.browser, server.page(html({ lang: 'fi', body: cards(4), scripts: [script(`/${folder}/`)] })));
        assert.deepEqual(Object.values(await outcomes(page)), Array(6).fill('card'));
        const cardsShown = await shown(page);
        assert.ok(
          cardsShown.every((card) => card.lang == 'sv' && card.dir == 'ltr'),
          JSON.stringify(cardsShown),
        );
        assert.equal(cardsShown[0].text, 'Telefon');
        const warnings = page.report.consoleWarnings.filter((text) => /fi/.test(text));
        assert.equal(warnings.length, 1, JSON.stringify(page.report.consoleWarnings));
        assert.match(warnings[0], /could not be loaded.*Swedish/);
        assert.doesNotMatch(JSON.stringify(cardsShown), /Lähetä rahaa/);
        const seen = await probe(page);
        assert.deepEqual([...seen.errors, ...seen.rejections], []);
        await page.close();
      });

    test(`${kind}: offline when a Finnish card is added: Swedish, one warning, no rejection`, async () => {
      const page = await open(context.browser, server.page(html({ body: '<main></main>', scripts: [script('/dist/')] })));
      await page.evaluate(() => customElements.whenDefined('ik-contact-card'));
      await page.setOfflineMode(true);
      await page.evaluate(
        (config, fallback) => {
          for (let i = 0; i < 3; i++) {
            const element = document.createElement('ik-contact-card');
            element.id = `offline-${i}`;
            element.lang = 'fi';
            element.setAttribute('data-config', config);
            element.append(Object.assign(document.createElement('p'), { textContent: fallback }));
            document.querySelector('main')?.append(element);
          }
        },
        JSON.stringify(seed.contact),
        fallbackText.contact,
      );
      assert.deepEqual(Object.values(await outcomes(page)), Array(3).fill('card'));
      await page.setOfflineMode(false);
      assert.ok((await shown(page)).every((card) => card.text == 'Telefon' && card.lang == 'sv'));
      assert.equal(page.report.consoleWarnings.filter((text) => /could not be loaded/.test(text)).length, 1);
      await page.close();
    });
  }
});
