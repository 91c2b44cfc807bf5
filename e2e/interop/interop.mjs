/**
 * What the interoperability tests share: one server per test file that serves every host app's
 * build (`/bundles/<app>/…`), the packed package's own `dist/` (`/bundles/package/…`) for the
 * plain pages, the seed configurations and the share endpoint; axe-core inside the shadow roots;
 * and what a visitor sees of a widget.
 */
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startServer } from '../server.mjs';
import { outcomes } from '../harness.mjs';
import { packageDir, prepareApps } from './prepare.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Starts the server before the file's tests (building the apps first when `npm run test:e2e`
 * has not) and stops it after. Returns a context filled in once the tests run.
 * @param {string[]} apps the apps this file serves
 */
export function interopServer(apps) {
  const context = /** @type {{server: Awaited<ReturnType<typeof startServer>>, url: (app: string, path: string) => string}} */ ({});
  before(async () => {
    const built = await prepareApps();
    context.server = await startServer();
    // `IK_INTEROP_DIST=<dir>` serves other bundles to the plain pages (to see a scenario fail on an older build).
    context.server.mount('package', process.env.IK_INTEROP_DIST ?? join(packageDir(), 'dist'));
    for (const app of apps) {
      const dir = built[/** @type {keyof typeof built} */ (app)];
      // An app that did not build fails each of its tests with the build's own output.
      if (dir instanceof Error)
        context.url = () => {
          throw dir;
        };
      else context.server.mount(app, dir);
    }
    context.url ??= (app, path) => context.server.url(`/bundles/${app}/${path}`);
  });
  after(() => context.server?.close());
  return context;
}

/**
 * Waits until every widget on the page is a card or its fallback with an error, and asserts
 * which of them are cards.
 * @param {import('../harness.mjs').Page} page @param {Record<string, string>} expected id → 'card' | 'fallback'
 */
export async function expectOutcomes(page, expected) {
  const result = await outcomes(page);
  assert.deepEqual(Object.fromEntries(Object.keys(expected).map((id) => [id, result[id]])), expected, JSON.stringify(page.report));
}

/** The text a visitor sees in widget `#id` (in the document, or in the shadow root of `host`). */
export const widgetText = (page, id, host = '') =>
  page.evaluate(
    (id, host) => {
      const root = host ? document.querySelector(host)?.shadowRoot : document;
      const element = root?.getElementById(id);
      return element ? /** @type {any} */ (window).__e2e.text(element) : `(no #${id})`;
    },
    id,
    host,
  );

/** Waits until widget `#id` shows `text`; returns what it shows then. */
export async function waitForText(page, id, text, host = '', timeout = 5000) {
  await page
    .waitForFunction(
      (id, text, host) => {
        const root = host ? document.querySelector(host)?.shadowRoot : document;
        const element = root?.getElementById(id);
        return !!element && /** @type {any} */ (window).__e2e.text(element).includes(text);
      },
      { timeout, polling: 50 },
      id,
      text,
      host,
    )
    .catch(() => {});
  return widgetText(page, id, host);
}

/**
 * axe-core on the widgets, inside their shadow roots; returns "rule: target" per violation.
 * @param {import('../harness.mjs').Page} page
 */
export async function axe(page, selectors = ['ik-contact-card', 'ik-manifesto-card', 'ik-share-form']) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (selectors) => {
    const result = await /** @type {any} */ (window).axe.run(
      {
        include: selectors.flatMap((selector) =>
          [...document.querySelectorAll(selector)].map((element) => [element.id ? `#${element.id}` : selector]),
        ),
      },
      { resultTypes: ['violations'] },
    );
    return result.violations.flatMap((/** @type {any} */ violation) =>
      violation.nodes.map(
        (/** @type {any} */ node) =>
          `${violation.id}: ${JSON.stringify(node.target)} ${node.any?.[0]?.message ?? node.failureSummary ?? ''}`,
      ),
    );
  }, selectors);
}

/** Fills the share form `#id` (optionally inside `host`'s shadow root) by typing, and submits it by clicking. */
export async function submitShareForm(page, values, id = 'share', host = '') {
  const prefix = host ? `${host} >>> #${id}` : `#${id}`;
  for (const [field, text] of Object.entries(values)) {
    const input = await page.waitForSelector(`${prefix} >>> #${field}`);
    await input?.click();
    await input?.type(text);
  }
  const submit = await page.waitForSelector(`${prefix} >>> [part~="submit"]`);
  await submit?.click();
}

/** Console errors other than the ones a test provoked on purpose (matched by `expected`). */
export const unexpectedErrors = (page, expected = /(?!)/) => [
  ...page.report.pageErrors,
  ...page.report.consoleErrors.filter((text) => !expected.test(text)),
];
