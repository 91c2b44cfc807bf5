/**
 * Vue 3 hosts, built with Vite and @vitejs/plugin-vue from the packed package (apps/vue): client
 * render and `createSSRApp` hydration of a page rendered in Node; `:config`, `:lang`, `@ik-*`; and a page
 * whose widgets load after Vue mounted, where only `:config.prop` reaches the element.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachBrowser, open, validShare } from '../harness.mjs';
import { expectOutcomes, interopServer, submitShareForm, unexpectedErrors, waitForText, widgetText } from './interop.mjs';

const context = interopServer(['vue']);

eachBrowser('Vue 3', (current) => {
  for (const [kind, file] of [
    ['client render', 'client.html'],
    ['createSSRApp hydration', 'hydrate.html'],
  ])
    test(`${kind}: :config, :lang, @ik-* events, re-render`, async () => {
      const page = await open(current.browser, context.url('vue', file));
      await expectOutcomes(page, { contact: 'card', bad: 'fallback', share: 'card' });
      assert.match(await widgetText(page, 'contact'), /Kontakt Dick Eriksson Näringslivschef .*Näringslivsenheten/);
      assert.equal(await page.$eval('#contact >>> .card__heading', (heading) => heading.localName), 'h3');
      assert.match(await page.$eval('#config-error', (element) => element.textContent), /The page saw: config: .*heading/);
      await page.click('#english');
      assert.match(
        await waitForText(page, 'contact', 'Head of Business Development'),
        /Contact Dick Eriksson Head of Business Development/,
      );
      assert.match(await widgetText(page, 'share'), /Tell a friend/);
      await page.click('#rename');
      assert.match(await waitForText(page, 'contact', 'Katarina Loodh'), /Contact Katarina Loodh/);
      const share = validShare();
      await submitShareForm(page, share);
      await page.waitForSelector('#submitted');
      assert.equal(await page.$eval('#submitted', (element) => element.textContent), `Vue got a message to ${share.to} from ${share.name}`);
      assert.deepEqual(unexpectedErrors(page, /<ik-manifesto-card>/), [], 'no hydration mismatch or other error');
      await page.close();
    });

  test('widgets loaded after Vue mounted: :config becomes the attribute "[object Object]" and says so; :config.prop works', async () => {
    const page = await open(current.browser, context.url('vue', 'late.html'));
    assert.equal(await page.evaluate(() => customElements.get('ik-contact-card')), undefined, 'not loaded yet');
    assert.equal(await page.$eval('#object', (element) => element.getAttribute('config')), '[object Object]');
    await page.evaluate(() => /** @type {any} */ (window).loadWidgets());
    await expectOutcomes(page, { object: 'fallback', prop: 'card' });
    assert.match(await widgetText(page, 'prop'), /Kontakt Dick Eriksson Näringslivschef/);
    assert.match(await page.$eval('#object', (element) => element.innerText), /Dick Eriksson, näringslivschef/, 'the fallback stays');
    const [objectError] = await page.evaluate(() =>
      /** @type {any} */ (window).__probe.configErrors.filter((/** @type {any} */ error) => error.id == 'object'),
    );
    assert.match(objectError.message, /config="\[object Object\]".*Set the config property/);
    await page.click('#english');
    assert.match(await waitForText(page, 'prop', 'Head of Business Development'), /Contact Dick Eriksson/);
    assert.deepEqual(unexpectedErrors(page, /<ik-contact-card>/), []);
    await page.close();
  });
});
