/**
 * Plain pages with the packed package's own bundles: the ES module and the classic script, each
 * in <head>, at the end of <body>, with `defer`, and both on one page. Every page configures its
 * widgets by every source: plain attributes, `data-config`, a child `<script type="application/json">`,
 * `data-config-src`, and the `config` property set by the page's own script right after the tag
 * (before the element is defined when the widgets' script comes later).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attrs, eachBrowser, open } from '../harness.mjs';
import { expectOutcomes, interopServer, unexpectedErrors, widgetText } from './interop.mjs';

const context = interopServer([]);

const contact = {
  person: {
    name: 'Dick Eriksson',
    role: { sv: 'Näringslivschef', en: 'Head of Business Development' },
    phones: [{ number: '0520-49 68 10' }],
  },
};
const MODULE = '<script type="module" src="/bundles/package/industrikommun-widgets.js"></script>';
const CLASSIC = '<script src="/bundles/package/industrikommun-widgets.iife.js"></script>';
const CLASSIC_DEFER = '<script defer src="/bundles/package/industrikommun-widgets.iife.js"></script>';

/** @type {Record<string, {head?: string, end?: string}>} where each page puts the widgets' script */
const PLACEMENTS = {
  'module in <head>': { head: MODULE },
  'module at the end of <body>': { end: MODULE },
  'module with defer': { head: MODULE.replace('<script ', '<script defer ') },
  'classic script in <head>': { head: CLASSIC },
  'classic script at the end of <body>': { end: CLASSIC },
  'classic script with defer': { head: CLASSIC_DEFER },
  'classic script in <head> and module at the end of <body>': { head: CLASSIC, end: MODULE },
};

const page = ({ head = '', end = '' }) => `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Näringsliv</title>
<script src="/assets/probe.js"></script>
${head}
</head>
<body>
<main>
<h1>Företagare i Trollhättan</h1>
<ik-contact-card id="attributes" name="Katarina Loodh" role="Kommunikatör" phone="0520-49 50 00" heading-level="3"><p>Katarina Loodh, kommunikatör</p></ik-contact-card>
<ik-contact-card id="data-config"${attrs({ 'data-config': contact })}><p>Dick Eriksson, näringslivschef</p></ik-contact-card>
<ik-contact-card id="child-script" lang="en">
  <script type="application/json">${JSON.stringify(contact)}</script>
  <p>Dick Eriksson, head of business development</p>
</ik-contact-card>
<ik-manifesto-card id="data-config-src" data-config-src="/seed/manifesto.json"><p>Industriell förnyelse är riktningen.</p></ik-manifesto-card>
<ik-contact-card id="property"><p>Dick Eriksson, näringslivschef</p></ik-contact-card>
<script>document.getElementById('property').config = ${JSON.stringify(contact)};</script>
<ik-share-form id="share" lang="en" endpoint="/api/share" page-title="Företagare i Trollhättan"><p>Tell a friend about this page.</p></ik-share-form>
</main>
${end}
</body>
</html>`;

/**
 * The page in two parts, the second half a second later, split inside the element configured by a
 * child script: the parser meets the element (and the classic script in <head> upgrades it at once)
 * before its children exist, as on a long CMS page arriving over a slow connection.
 */
function streamed(html) {
  const cut = html.indexOf('<script type="application/json">');
  return context.server.route(`/streamed/${Math.random().toString(36).slice(2)}`, (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.write(html.slice(0, cut));
    const timer = setTimeout(() => res.end(html.slice(cut)), 1000);
    res.on('close', () => clearTimeout(timer));
  });
}

eachBrowser('Plain pages', (current) => {
  test('classic script in <head>, the page arriving in two parts: the child script is read once it has arrived', async () => {
    const tab = await open(current.browser, streamed(page(PLACEMENTS['classic script in <head>'])));
    await expectOutcomes(tab, { 'child-script': 'card', property: 'card' });
    assert.match(await widgetText(tab, 'child-script'), /^Contact Dick Eriksson Head of Business Development Phone 0520-49 68 10/);
    assert.deepEqual(unexpectedErrors(tab), [], 'no error while the element waited for its children');
    await tab.close();
  });

  for (const [name, placement] of Object.entries(PLACEMENTS))
    test(`${name}: every configuration source renders, in its language`, async () => {
      const tab = await open(current.browser, context.server.page(page(placement)));
      await expectOutcomes(tab, {
        attributes: 'card',
        'data-config': 'card',
        'child-script': 'card',
        'data-config-src': 'card',
        property: 'card',
        share: 'card',
      });
      assert.match(await widgetText(tab, 'attributes'), /^Kontakt Katarina Loodh Kommunikatör Telefon 0520-49 50 00/);
      assert.equal(await tab.$eval('#attributes >>> .card__heading', (heading) => heading.localName), 'h3');
      assert.equal(
        await tab.$eval('#attributes', (element) => element.hasAttribute('role')),
        false,
        'no invalid ARIA role left on the host',
      );
      assert.match(await widgetText(tab, 'data-config'), /^Kontakt Dick Eriksson Näringslivschef Telefon 0520-49 68 10/);
      assert.match(await widgetText(tab, 'child-script'), /^Contact Dick Eriksson Head of Business Development Phone 0520-49 68 10/);
      assert.match(await widgetText(tab, 'data-config-src'), /Senast granskad/);
      assert.match(await widgetText(tab, 'property'), /^Kontakt Dick Eriksson Näringslivschef/);
      assert.match(await widgetText(tab, 'share'), /^Tell a friend/);
      assert.deepEqual(unexpectedErrors(tab), []);
      assert.deepEqual(
        tab.report.consoleWarnings.filter((text) => text.includes('ik-')),
        [],
      );
      await tab.close();
    });
});
