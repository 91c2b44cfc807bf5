/**
 * The README's space reservation ("Fallback content and layout shift"), taken from README.md itself, on the
 * benchmark's host page (bench/host.css: a 40rem article column) at 1280 × 800 and on a 390 × 844 phone:
 * - before the script runs, each card's place is at least as tall as the card it becomes (nothing below moves);
 * - once drawn, no card has a hole below it: the element is as tall as its card, also after the share form has
 *   sent and shows its (short) confirmation in place of the form.
 * - on a Finnish page, whose strings come a round trip after the script (`:state(loading)`), the place holds until
 *   the Finnish cards are drawn.
 * Chromium: heights are the same in any browser with these fonts, and the README's numbers are Chromium's.
 */
import { before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumSuite, html, open, seed } from './harness.mjs';
import { distDir, repoRoot } from './server.mjs';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Fallback content and layout shift'));
const readmeCss = /```css\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const hostCss = readFileSync(join(repoRoot, 'bench/host.css'), 'utf8');

const json = (value) => JSON.stringify(value).replace(/&/g, '&amp;').replace(/'/g, '&#39;');
/** As a municipality embeds them: the manifesto from its shared file, the others configured in the page. */
const body = `<header class="site-header"><p>Trollhättans Stad</p></header>
<main><h1>Industriell förnyelse</h1><p>Text.</p><div class="article">
<ik-manifesto-card data-config-src="/seed/manifesto.json"><p>Industriell förnyelse är riktningen för Sveriges Industrikommuner.</p></ik-manifesto-card>
<ik-contact-card data-config='${json(seed.contact)}'><p>Dick Eriksson, näringslivschef, 0520-49 68 10</p></ik-contact-card>
<ik-share-form endpoint="/api/share" data-config='${json(seed.share)}'><p>Tipsa en vän om den här sidan.</p></ik-share-form>
</div><p>Text below the cards.</p></main>`;

const TAGS = ['ik-manifesto-card', 'ik-contact-card', 'ik-share-form'];

/** Each card's element height, and the height of what it draws (0 while it shows its fallback). */
const heights = (page) =>
  page.evaluate((tags) => {
    const result = {};
    for (const tag of tags) {
      const element = document.querySelector(tag);
      result[tag] = {
        element: element.getBoundingClientRect().height,
        card: element.shadowRoot?.querySelector('.card')?.getBoundingClientRect().height ?? 0,
      };
    }
    return result;
  }, TAGS);

chromiumSuite("the README's space reservation", (suite) => {
  before(() => {
    assert.match(readmeCss, /ik-contact-card/, "the README's CSS was found");
    // The module from /slow/, whose Finnish strings take 1.5 s.
    suite.server.route('/slow/industrikommun-widgets.js', (req, res) =>
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(join(distDir, 'industrikommun-widgets.js'))),
    );
    suite.server.route('/slow/locales/fi.json', async (req, res) => {
      await new Promise((done) => setTimeout(done, 1500));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(readFileSync(join(distDir, 'locales/fi.json')));
    });
  });

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])
    it(`${viewport.width} px: the place is kept before the script, and no card leaves a hole once drawn`, async () => {
      const head = `<style>${hostCss}\n${readmeCss}</style>`;
      const before = await open(suite.browser, suite.server.page(html({ head, body, scripts: [], probe: false })), viewport);
      const reserved = await heights(before);
      await before.close();

      const page = await open(suite.browser, suite.server.page(html({ head, body, probe: false })), viewport);
      try {
        await page.waitForFunction(
          (tags) => tags.every((tag) => document.querySelector(tag).shadowRoot?.querySelector('.card')),
          { timeout: 15000 },
          TAGS,
        );
        const drawn = await heights(page);
        for (const tag of TAGS) {
          const { element, card } = drawn[tag];
          assert.ok(
            element <= reserved[tag].element + 0.5,
            `${tag}: drawn ${element} px, taller than its place of ${reserved[tag].element} px: what follows moves`,
          );
          assert.ok(element - card <= 0.5, `${tag}: a hole of ${Math.round(element - card)} px below the card`);
        }

        // The share form after sending: the short confirmation leaves no hole either.
        await page.evaluate(async () => {
          const form = /** @type {any} */ (document.querySelector('ik-share-form'));
          const root = form.shadowRoot;
          const typed = { to: `reservation+${Date.now()}@exempel.se`, name: 'Bo Ek', from: 'bo@exempel.se', message: 'Läs det här.' };
          for (const [id, value] of Object.entries(typed)) root.getElementById(id).value = value;
          const sent = new Promise((resolve) => form.addEventListener('ik-share-success', resolve, { once: true }));
          root.querySelector('form').requestSubmit();
          await sent;
          await form.updateComplete;
        });
        const { element, card } = (await heights(page))['ik-share-form'];
        assert.ok(element - card <= 0.5, `ik-share-form after sending: a hole of ${Math.round(element - card)} px below its confirmation`);
      } finally {
        await page.close();
      }
    });

  it('a Finnish page: the place holds while the strings are on their way, and goes when the Finnish cards are drawn', async () => {
    const head = `<style>${hostCss}\n${readmeCss}</style>`;
    const viewport = { width: 1280, height: 800 };
    const before = await open(suite.browser, suite.server.page(html({ lang: 'fi', head, body, scripts: [], probe: false })), viewport);
    const reserved = await heights(before);
    await before.close();

    const scripts = ['module:/slow/industrikommun-widgets.js'];
    const page = await open(suite.browser, suite.server.page(html({ lang: 'fi', head, body, scripts, probe: false })), viewport);
    try {
      await page.evaluate(async () => {
        await customElements.whenDefined('ik-share-form');
        await new Promise((done) => setTimeout(done, 500));
      });
      const waiting = await heights(page);
      for (const tag of TAGS) {
        assert.equal(waiting[tag].card, 0, `${tag} still shows its fallback`);
        assert.equal(waiting[tag].element, reserved[tag].element, `${tag}: its place, while the Finnish strings are on their way`);
      }
      await page.waitForFunction(
        (tags) => tags.every((tag) => document.querySelector(tag).shadowRoot?.querySelector('.card')),
        { timeout: 15000 },
        TAGS,
      );
      const drawn = await heights(page);
      for (const tag of TAGS) {
        const { element, card } = drawn[tag];
        assert.ok(element - card <= 0.5, `${tag} in Finnish: a hole of ${Math.round(element - card)} px below the card`);
      }
    } finally {
      await page.close();
    }
  });
});
