/**
 * Vue 3 hosts, built with Vite and @vitejs/plugin-vue from the packed package (apps/vue): client
 * render and `createSSRApp` hydration of a page rendered in Node; `:config`, `:lang`, `@ik-*`.
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
});
