/**
 * A Lit host component (apps/lit) that renders the widgets in its own shadow root and switches
 * `lang` there: on an ancestor of two cards, and on the share form itself.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachBrowser, open, validShare } from '../harness.mjs';
import { interopServer, submitShareForm, unexpectedErrors, waitForText, widgetText } from './interop.mjs';

const context = interopServer(['lit']);

eachBrowser('Lit host', (current) => {
  test('widgets in a Lit shadow root follow its lang; events reach the host component', async () => {
    const page = await open(current.browser, context.url('lit', 'index.html'));
    const host = '#host';
    assert.match(await waitForText(page, 'contact', 'Näringslivschef', host), /Kontakt Dick Eriksson Näringslivschef/);
    assert.match(await waitForText(page, 'manifesto', 'Senast granskad', host), /Senast granskad/);
    assert.match(await widgetText(page, 'share', host), /Tipsa en vän/);
    await page.click('#host >>> #switch');
    assert.match(
      await waitForText(page, 'contact', 'Head of Business Development', host),
      /Contact Dick Eriksson Head of Business Development/,
    );
    assert.match(await waitForText(page, 'manifesto', 'Last reviewed', host), /Last reviewed/);
    assert.match(await waitForText(page, 'share', 'Tell a friend', host), /Tell a friend/);
    const share = validShare();
    await submitShareForm(page, share, 'share', host);
    await page.waitForSelector('#host >>> #submitted');
    assert.equal(await page.$eval('#host >>> #submitted', (element) => element.textContent), `Lit got a message to ${share.to}`);
    // Finnish, which the module fetches as data: Vite found `new URL('./locales/…', import.meta.url)` in the package
    // and put the files into the app's build (inlined as data: URLs, being small), and the integrity check passes.
    await page.evaluate(() => {
      const cards = /** @type {HTMLElement} */ (document.querySelector('#host')?.shadowRoot?.getElementById('cards'));
      cards.lang = 'fi';
    });
    assert.match(await waitForText(page, 'contact', 'Tallenna yhteystiedot', host), /Yhteystiedot Dick Eriksson Näringslivschef/);
    assert.match(await waitForText(page, 'manifesto', 'Tarkistettu viimeksi', host), /Tarkistettu viimeksi/);
    assert.deepEqual(unexpectedErrors(page), []);
    assert.deepEqual(
      page.report.consoleWarnings.filter((text) => /could not be loaded/.test(text)),
      [],
    );
    await page.close();
  });
});
