/**
 * React 19 hosts, built with Vite from the packed package (apps/react):
 * - client render: props, the `config` object, `onik-*` events, re-render, unmount and remount;
 * - server render (`renderToString` in Node, importing the package there) + `hydrateRoot`, with
 *   the ref-and-effect pattern docs/frameworks.md shows, and no hydration mismatch;
 * - rendering before the widgets' script has loaded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachBrowser, open, validShare } from '../harness.mjs';
import { expectOutcomes, interopServer, submitShareForm, unexpectedErrors, waitForText, widgetText } from './interop.mjs';

const context = interopServer(['react']);

eachBrowser('React 19', (current) => {
  test('client render: config object, lang, events, re-render, unmount and remount', async () => {
    const page = await open(current.browser, context.url('react', 'client.html'));
    await expectOutcomes(page, { contact: 'card', bad: 'fallback', share: 'card' });
    assert.match(await widgetText(page, 'contact'), /Kontakt Dick Eriksson Näringslivschef .*Näringslivsenheten/);
    assert.equal(await page.$eval('#contact >>> .card__heading', (heading) => heading.localName), 'h3', 'heading-level={3}');
    // The manifesto without its heading: the visitor reads the fallback, and React's own handler got the event.
    assert.match(await page.$eval('#bad', (element) => element.innerText), /Industriell förnyelse/);
    assert.match(await page.$eval('#config-error', (element) => element.textContent), /The page saw: config: .*heading/);

    await page.click('#english');
    assert.match(
      await waitForText(page, 'contact', 'Head of Business Development'),
      /Contact Dick Eriksson Head of Business Development .*Business Development Unit/,
    );
    assert.match(await widgetText(page, 'share'), /Tell a friend/);
    await page.click('#rename');
    assert.match(await waitForText(page, 'contact', 'Katarina Loodh'), /Contact Katarina Loodh Head of Business Development/);
    await page.click('#toggle');
    await page.waitForFunction(() => !document.getElementById('contact'));
    await page.click('#toggle');
    assert.match(
      await waitForText(page, 'contact', 'Katarina Loodh'),
      /Contact Katarina Loodh Head of Business Development/,
      'remounted with the current props',
    );

    const posts = context.server.log.filter((entry) => entry.method == 'POST').length;
    const share = validShare();
    await submitShareForm(page, share);
    await page.waitForSelector('#submitted');
    assert.equal(await page.$eval('#submitted', (element) => element.textContent), `React got a message to ${share.to} from ${share.name}`);
    assert.equal(
      context.server.log.filter((entry) => entry.method == 'POST').length,
      posts,
      'the page cancelled ik-share-submit: nothing sent',
    );
    assert.deepEqual(unexpectedErrors(page, /<ik-manifesto-card>/), []);
    await page.close();
  });

  test('server render + hydrateRoot: the cards render, events reach React, no hydration mismatch', async () => {
    const page = await open(current.browser, context.url('react', 'hydrate.html'));
    await expectOutcomes(page, { contact: 'card', plain: 'card', share: 'card' });
    assert.match(await widgetText(page, 'contact'), /Kontakt Dick Eriksson Näringslivschef/);
    assert.match(
      await widgetText(page, 'plain'),
      /Katarina Loodh Kommunikatör Telefon 0520-49 50 00/,
      'person-role, as a framework renders it',
    );
    assert.equal(
      await page.$eval('#plain', (element) => element.getAttribute('person-role')),
      'Kommunikatör',
      'the attribute React rendered stays',
    );
    await page.click('#english');
    assert.match(await waitForText(page, 'contact', 'Head of Business Development'), /Contact Dick Eriksson Head of Business Development/);
    const share = validShare();
    await submitShareForm(page, share);
    await page.waitForSelector('#submitted');
    assert.equal(await page.$eval('#submitted', (element) => element.textContent), `React got a message to ${share.to} from ${share.name}`);
    assert.deepEqual(unexpectedErrors(page), [], 'no hydration mismatch or other error');
    await page.close();
  });

  test('rendering before the script loads: data-config, the ref pattern and timeout work; an object config says what to do', async () => {
    const page = await open(current.browser, context.url('react', 'late.html'));
    assert.equal(await page.evaluate(() => customElements.get('ik-contact-card')), undefined, 'not loaded yet');
    assert.match(await page.$eval('#json', (element) => element.innerText), /Dick Eriksson, näringslivschef/, 'the fallback meanwhile');
    await page.evaluate(() => window.loadWidgets());
    await expectOutcomes(page, { json: 'card', ref: 'card', object: 'fallback', share: 'card', 'share-attribute': 'card' });
    for (const id of ['json', 'ref']) assert.match(await widgetText(page, id), /Kontakt Dick Eriksson Näringslivschef/, id);
    const [objectError] = await page.evaluate(() =>
      /** @type {any} */ (window).__probe.configErrors.filter((/** @type {any} */ error) => error.id == 'object'),
    );
    assert.match(objectError.message, /\[object Object\]/, 'the error says what the element got');
    assert.doesNotMatch(objectError.message, /needs a name/);
    await page.click('#english');
    assert.match(await waitForText(page, 'ref', 'Head of Business Development'), /Contact Dick Eriksson/);

    // `timeout` given before the tag was defined, as a property (ref) and as the attribute React writes:
    // the endpoint never answers, and the visitor hears so after 1.5 s, not 15.
    for (const id of ['share', 'share-attribute']) {
      await submitShareForm(page, validShare(), id);
      const failed = await page.evaluate((id) => /** @type {any} */ (window).__e2e.event('ik-share-error', id, 8000), id);
      assert.ok(failed, `${id}: ik-share-error within 8 s`);
      assert.equal(failed.detail.status, 0);
    }
    assert.deepEqual(unexpectedErrors(page, /<ik-contact-card>/), []);
    await page.close();
  });
});
