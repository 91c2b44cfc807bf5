/**
 * Loading twice: the ES module plus the IIFE, two copies from different URLs, two different
 * versions of the bundle, and an unrelated Lit 2 element on the same page. Every tag works, no
 * error is raised, and the first definition of each tag stays.
 *
 * "Two different versions" are two builds of different code:
 * - `older`: the bundle as commit fa1b437 (the foundation: <ik-contact-card> only, older shared
 *   code) built it, from `git archive` (skipped, with the reason printed, in a clone without it);
 * - `next`: today's sources with a visible change (`data-build="next"` on every card and a
 *   different "visiting address" label), so a test can see which copy rendered a tag.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { buildCommit, buildForeignLit2, buildVariant } from './builds.mjs';
import { allThree, eachBrowser, event, fillShareForm, html, open, outcomes, probe, report, TAGS, validShare } from './harness.mjs';

const OLDER_COMMIT = 'fa1b437';
const ESM = '/dist/industrikommun-widgets.js';
const IIFE = '/dist/industrikommun-widgets.iife.js';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {string | undefined} why the older version cannot be built here */
let olderSkip;
before(async () => {
  server = await startServer();
  const next = await buildVariant((code) =>
    code
      .replace(/class="card" part="card"/g, 'class="card" part="card" data-build="next"')
      .replace(/'Besöksadress'/g, "'Besöksadress (next)'"),
  );
  server.mount('next', next);
  const older = await buildCommit(OLDER_COMMIT);
  if ('dir' in older) server.mount('older', older.dir);
  else olderSkip = older.skip;
  server.mount('lit2', await buildForeignLit2());
});
after(() => server.close());

eachBrowser('Loading twice', (context) => {
  /**
   * Opens a page with the three widgets and `scripts`, checks that every tag rendered a card, that
   * nothing raised an error, and returns the page.
   * @param {string[]} scripts @param {string} [extraBody]
   */
  async function loadAndCheck(scripts, extraBody = '') {
    const page = await open(context.browser, server.page(html({ body: allThree() + extraBody, scripts })));
    assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
    // Each tag still works after both copies ran: a re-render, a language switch, and a real POST.
    await page.evaluate(async () => {
      const contact = /** @type {any} */ (document.getElementById('contact'));
      contact.setAttribute('data-config', JSON.stringify({ person: { name: 'Ny Person' } }));
      document.getElementById('manifesto').setAttribute('lang', 'en');
      await contact.updateComplete;
      await /** @type {any} */ (document.getElementById('manifesto')).updateComplete;
    });
    const texts = await page.evaluate(() => ({
      contact: /** @type {any} */ (window).__e2e.text(document.getElementById('contact')),
      manifesto: /** @type {any} */ (window).__e2e.text(document.getElementById('manifesto')),
    }));
    assert.match(texts.contact, /Ny Person/, 'the contact card re-rendered from its new data-config');
    assert.match(texts.manifesto, /Industrial renewal/, 'the manifesto switched to English');
    await fillShareForm(page, validShare());
    await page.click('#share >>> button[part=submit]');
    assert.ok(await event(page, 'ik-share-success'), 'the share form posted');
    const seen = await probe(page);
    assert.deepEqual([...seen.errors, ...seen.rejections, ...page.report.pageErrors, ...page.report.consoleErrors], [], 'no errors');
    return page;
  }

  /**
   * The class each tag is defined with, named by the copy that defined it.
   * @param {import('./harness.mjs').Page} page @param {Record<string, string>} copies name → ES module URL, or `iife`
   */
  const definedBy = (page, copies) =>
    page.evaluate(
      async (copies, tags) => {
        /** @type {[string, any][]} */
        const modules = [];
        for (const [name, url] of Object.entries(copies))
          modules.push([name, url == 'iife' ? /** @type {any} */ (window).IndustrikommunWidgets : await import(url)]);
        const classes = (/** @type {any} */ module) => Object.values(module).filter((value) => typeof value == 'function');
        return Object.fromEntries(
          tags.map((tag) => [tag, modules.find(([, module]) => classes(module).includes(customElements.get(tag)))?.[0] ?? 'unknown']),
        );
      },
      copies,
      TAGS,
    );

  test('the ES module and the IIFE on one page, IIFE first: every tag works and keeps the IIFE’s definition', async () => {
    // A classic script runs where it stands; a module script runs after parsing: the IIFE is first.
    const page = await loadAndCheck([IIFE, `module:${ESM}`]);
    assert.deepEqual(await definedBy(page, { esm: ESM, iife: 'iife' }), {
      'ik-contact-card': 'iife',
      'ik-manifesto-card': 'iife',
      'ik-share-form': 'iife',
    });
    await page.close();
  });

  test('the ES module and the IIFE on one page, ES module first (IIFE deferred): the ES module’s definitions stay', async () => {
    const page = await open(
      context.browser,
      server.page(
        html({ body: allThree(), scripts: [], head: `<script type="module" src="${ESM}"></script><script defer src="${IIFE}"></script>` }),
      ),
    );
    assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
    assert.deepEqual(await definedBy(page, { esm: ESM, iife: 'iife' }), {
      'ik-contact-card': 'esm',
      'ik-manifesto-card': 'esm',
      'ik-share-form': 'esm',
    });
    const seen = await probe(page);
    assert.deepEqual([...seen.errors, ...seen.rejections, ...page.report.pageErrors, ...page.report.consoleErrors], []);
    await page.close();
  });

  test('two copies of the ES module from different URLs: both run, the first definitions stay', async () => {
    const page = await loadAndCheck([`module:${ESM}`, 'module:/copy/industrikommun-widgets.js']);
    const copies = { first: ESM, second: '/copy/industrikommun-widgets.js' };
    assert.deepEqual(await definedBy(page, copies), { 'ik-contact-card': 'first', 'ik-manifesto-card': 'first', 'ik-share-form': 'first' });
    // Both really ran: the second copy's classes exist and differ from the registered ones.
    assert.equal(
      await page.evaluate(async (url) => customElements.get('ik-contact-card') !== (await import(url)).IkContactCard, copies.second),
      true,
    );
    await page.close();
  });

  test('two copies of the IIFE from different URLs: no error, every tag works', async () => {
    const page = await loadAndCheck([IIFE, '/copy/industrikommun-widgets.iife.js']);
    await page.close();
  });

  for (const order of /** @type {const} */ (['next first', 'current first'])) {
    test(`two different versions (today's and "next"), ${order}: every tag works, each keeps the definition that came first`, async () => {
      const scripts =
        order == 'next first'
          ? ['module:/bundles/next/industrikommun-widgets.js', `module:${ESM}`]
          : [`module:${ESM}`, 'module:/bundles/next/industrikommun-widgets.js'];
      const page = await loadAndCheck(scripts);
      const builds = await page.evaluate(() =>
        ['contact', 'manifesto', 'share'].map((id) =>
          document.getElementById(id).shadowRoot.querySelector('.card').getAttribute('data-build'),
        ),
      );
      assert.deepEqual(
        builds,
        order == 'next first' ? ['next', 'next', 'next'] : [null, null, null],
        'the first-loaded version rendered every card',
      );
      await page.close();
    });
  }

  for (const order of /** @type {const} */ (['older first', 'current first'])) {
    test(`an older version (${OLDER_COMMIT}, contact card only) and today's, ${order}: every tag works`, async (t) => {
      if (olderSkip) {
        report(`SKIPPED (${context.name}): older version: ${olderSkip}`);
        return t.skip(olderSkip);
      }
      const older = '/bundles/older/industrikommun-widgets.js';
      const page = await loadAndCheck(order == 'older first' ? [`module:${older}`, `module:${ESM}`] : [`module:${ESM}`, `module:${older}`]);
      const defined = await definedBy(page, { older, current: ESM });
      assert.equal(defined['ik-contact-card'], order == 'older first' ? 'older' : 'current');
      assert.equal(defined['ik-manifesto-card'], 'current');
      assert.equal(defined['ik-share-form'], 'current');
      await page.close();
    });
  }

  for (const order of /** @type {const} */ (['before', 'after'])) {
    test(`an unrelated Lit 2 element loaded ${order} ours: both work`, async () => {
      const foreign = 'module:/bundles/lit2/foreign-lit2.js';
      const page = await loadAndCheck(
        order == 'before' ? [foreign, `module:${ESM}`] : [`module:${ESM}`, foreign],
        '<foreign-greeting id="foreign" name="grannen"></foreign-greeting>',
      );
      await page.click('#foreign >>> button');
      await page.click('#foreign >>> button');
      const foreignState = await page.evaluate(async () => {
        const element = /** @type {any} */ (document.getElementById('foreign'));
        await element.updateComplete;
        return { text: element.shadowRoot.textContent.replace(/\s+/g, ' ').trim(), versions: /** @type {any} */ (window).litHtmlVersions };
      });
      assert.match(foreignState.text, /Hello grannen, from Lit 2\.\d+\.\d+ clicked 2/);
      // lit-html's major version is Lit's.
      assert.ok(
        foreignState.versions.some((/** @type {string} */ v) => v.startsWith('2.')),
        'Lit 2 is on the page',
      );
      assert.ok(
        foreignState.versions.some((/** @type {string} */ v) => v.startsWith('3.')),
        'and our Lit 3 too',
      );
      await page.close();
    });
  }

  test("the ES module, a second copy, the IIFE and a Lit 2 element together under the README's Trusted Types policy with 'allow-duplicates'", async () => {
    const csp = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html 'allow-duplicates'";
    const scripts = [IIFE, `module:${ESM}`, 'module:/copy/industrikommun-widgets.js', 'module:/bundles/lit2/foreign-lit2.js'];
    const page = await open(
      context.browser,
      server.page(html({ body: allThree() + '<foreign-greeting id="foreign"></foreign-greeting>', scripts }), {
        'Content-Security-Policy': csp,
      }),
    );
    assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
    assert.match(await page.$eval('#foreign', (element) => element.shadowRoot?.textContent ?? ''), /Hello world/);
    const seen = await probe(page);
    assert.deepEqual(seen.violations, []);
    assert.deepEqual([...seen.errors, ...seen.rejections, ...page.report.pageErrors], []);
    await page.close();
  });
});
