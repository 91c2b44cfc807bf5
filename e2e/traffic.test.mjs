/**
 * No unexpected traffic: on a page with all three elements, used as a visitor would use them,
 * the only network requests are the page itself, the script, `data-config-src` and the share
 * POST: a Swedish page that turns English asks for nothing more; one that turns Finnish, then Arabic,
 * asks once for each language file. Counted twice: by the browser (every request of the page, to any origin) and by the server.
 * The page has no harness script of its own (the probe is injected without a request), and its
 * icon is a `data:` URL, so that the browser asks for no /favicon.ico.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from './server.mjs';
import { allThree, eachBrowser, event, fillShareForm, html, open, outcomes, validShare } from './harness.mjs';

const PROBE = readFileSync(new URL('./assets/probe.js', import.meta.url), 'utf8');

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
before(async () => {
  server = await startServer();
});
after(() => server.close());

eachBrowser('No unexpected traffic', (context) => {
  for (const [kind, script] of [
    ['ES module', 'module:/dist/industrikommun-widgets.js'],
    ['IIFE', '/dist/industrikommun-widgets.iife.js'],
  ]) {
    test(`${kind}: the page, the script, data-config-src and the share POST, and nothing else, while a visitor uses all three`, async () => {
      const url = server.page(html({ body: allThree(), scripts: [script], probe: false, head: '<link rel="icon" href="data:,">' }));
      const page = await open(context.browser);
      /** @type {string[]} */
      const requested = [];
      page.on('request', (request) => {
        // blob: and data: URLs are read from memory (the icon): no network.
        if (!/^(blob|data):/.test(request.url())) requested.push(`${request.method()} ${request.url().replace(server.origin, '')}`);
      });
      const mark = server.log.length;
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(PROBE);
      assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });

      // What a visitor does: send a tip, copy the link, save the contact, switch language, tab around.
      await fillShareForm(page, validShare());
      await page.click('#share >>> button[part=submit]');
      assert.ok(await event(page, 'ik-share-success'), 'the tip was sent');
      await page.evaluate(async () => {
        for (const id of ['share', 'contact']) {
          const root = /** @type {ShadowRoot} */ (document.getElementById(id)?.shadowRoot);
          for (const button of root.querySelectorAll('button'))
            if (!/Skicka/.test(button.textContent ?? '')) /** @type {HTMLButtonElement} */ (button).click();
        }
        document.documentElement.lang = 'en';
        await new Promise((done) => setTimeout(done, 100));
      });
      for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
      await sleep(1000); // anything late: a lazy chunk, a font, a beacon

      const expected = ['GET /pages/', `GET ${script.replace('module:', '')}`, 'GET /seed/manifesto.json', 'POST /api/share'];
      const atServer = server.since(mark).map((entry) => `${entry.method} ${entry.path}`);
      assert.deepEqual(
        atServer.map((line) => line.replace(/\/pages\/\d+$/, '/pages/')),
        expected,
        'what the server saw',
      );
      assert.deepEqual(
        requested.map((line) => line.replace(/\/pages\/\d+$/, '/pages/')),
        expected,
        'what the browser requested, to any origin',
      );

      // Finnish and Arabic are data beside the script: one request each, however many cards, and none again.
      const scriptDir = script.replace('module:', '').replace(/[^/]*$/, '');
      await page.evaluate(async () => {
        for (const lang of ['fi', 'ar', 'sv', 'fi', 'en', 'ar']) {
          document.documentElement.lang = lang;
          await new Promise((done) => setTimeout(done, 300));
        }
      });
      assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
      const languages = [`GET ${scriptDir}locales/fi.json`, `GET ${scriptDir}locales/ar.json`];
      assert.deepEqual(
        server
          .since(mark)
          .map((entry) => `${entry.method} ${entry.path}`)
          .slice(expected.length),
        languages,
        'a Finnish and an Arabic page: one request each',
      );
      assert.deepEqual(requested.slice(expected.length), languages);
      await page.close();
    });
  }
});
