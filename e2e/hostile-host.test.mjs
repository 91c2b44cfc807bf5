/**
 * Hostile host CSS cannot hide or break the widgets' insides, and the widgets do not harm the
 * host: no styles leak out, no globals beyond Lit's own version lists.
 *
 * Method: the same three cards are rendered on a clean page (`plain.css`: a font and a text colour)
 * and on a page with `hostile.css`,
 * and every element in their shadow roots is compared property by property. Only the inherited
 * properties the widgets choose to take from the page (the font and the text colour: "text
 * inherits the host page's font", README) may differ; the font size may differ only in
 * proportion to the host element's.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { allThree, eachBrowser, html, open, outcomes, probe, report } from './harness.mjs';

/** Not inherited: a page's rules can only reach them by matching elements inside the shadow root, which they cannot. */
const OWN = [
  'display',
  'visibility',
  'position',
  'box-sizing',
  'opacity',
  'min-height',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-left',
  'border-top-style',
  'border-top-width',
  'border-top-color',
  'outline-style',
  'background-color',
  'text-decoration-line',
  'pointer-events',
  'appearance',
];
/**
 * Inherited, and NOT among what the widgets take from the page: a page's body or `*` rule must not reach inside.
 * Letter and word spacing are not here: a reader's own text spacing (WCAG 1.4.12) must reach the widgets
 * (e2e/interop/spacing.test.mjs), so a page's does too.
 */
const INHERITED_NOT_CHOSEN = [
  'text-transform',
  'white-space',
  'text-indent',
  'text-align',
  'text-shadow',
  'line-height',
  'list-style-type',
];
/** Inherited and chosen: the page's font and text colour come through, by design. */
const CHOSEN = ['font-family', 'color'];

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
before(async () => {
  server = await startServer();
});
after(() => server.close());

/**
 * Computed styles of everything in the three shadow roots, in document order, plus what each
 * widget's host element has. Widths are in proportion to the host's, font sizes to the host's.
 * @param {import('./harness.mjs').Page} page @param {string[]} properties
 */
const snapshot = (page, properties) =>
  page.evaluate((properties) => {
    const e2e = /** @type {any} */ (window).__e2e;
    return ['contact', 'manifesto', 'share'].flatMap((id) => {
      const host = document.getElementById(id);
      const hostStyle = getComputedStyle(host);
      const hostFont = parseFloat(hostStyle.fontSize);
      return [...e2e.deep(host.shadowRoot)].map((element, index) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        /** @type {Record<string, unknown>} */
        const values = Object.fromEntries(properties.map((name) => [name, style.getPropertyValue(name)]));
        for (const name of [
          'min-height',
          'padding-top',
          'padding-left',
          'margin-top',
          'margin-left',
          'letter-spacing',
          'word-spacing',
          'text-indent',
          'line-height',
        ])
          if (name in values && /px$/.test(String(values[name])))
            values[name] = Math.round((parseFloat(String(values[name])) / hostFont) * 100) / 100;
        return {
          where: `#${id} ${element.localName}${element.className && typeof element.className == 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : ''}${element.getAttribute('part') ? `[part=${element.getAttribute('part')}]` : ''} (#${index})`,
          values,
          fontRatio: Math.round((parseFloat(style.fontSize) / hostFont) * 1000) / 1000,
          inheritsHostColor: style.color == hostStyle.color,
          inheritsHostFont: style.fontFamily == hostStyle.fontFamily,
          shown: box.width > 0 && box.height > 0,
        };
      });
    });
  }, properties);

eachBrowser('Hostile host', (context) => {
  /** @type {{clean: Awaited<ReturnType<typeof snapshot>>, hostile: Awaited<ReturnType<typeof snapshot>>}} */
  const seen = { clean: [], hostile: [] };
  /** @type {Record<string, string>} */
  const hostFonts = {};

  before(async () => {
    for (const kind of /** @type {const} */ (['clean', 'hostile'])) {
      const head = `<link rel="stylesheet" href="/assets/${kind == 'hostile' ? 'hostile' : 'plain'}.css">`;
      const page = await open(context.browser, server.page(html({ head, body: allThree() })), { width: 1000, height: 800 });
      assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' }, `${kind} page renders three cards`);
      seen[kind] = await snapshot(page, [...OWN, ...INHERITED_NOT_CHOSEN, ...CHOSEN]);
      hostFonts[kind] = await page.$eval('#contact', (host) => getComputedStyle(host).fontFamily);
      const { errors, rejections } = await probe(page);
      assert.deepEqual([...errors, ...rejections, ...page.report.pageErrors], []);
      await page.close();
    }
    assert.equal(seen.clean.length, seen.hostile.length, 'the same elements in both shadow trees');
    assert.notEqual(hostFonts.clean, hostFonts.hostile, 'the hostile page has a font of its own');
    report(
      `${context.name}: ${seen.clean.length} shadow-DOM elements compared on ${OWN.length + INHERITED_NOT_CHOSEN.length + CHOSEN.length} properties`,
    );
  });

  test('element rules with !important (display, visibility, position, box-sizing, sizes, colours) do not reach inside', () => {
    const differences = seen.hostile.flatMap((element, i) => {
      const clean = seen.clean[i];
      // A colour that is `currentcolor` follows the text colour, which is the page's by design.
      const followsText = (/** @type {string} */ name) =>
        name.endsWith('color') && clean.values[name] === clean.values.color && element.values[name] === element.values.color;
      return OWN.filter((name) => element.values[name] !== clean.values[name] && !followsText(name)).map(
        (name) => `${element.where} ${name}: ${clean.values[name]} → ${element.values[name]}`,
      );
    });
    assert.deepEqual(differences, []);
  });

  test('everything that was shown on a clean page is shown on the hostile page', () => {
    const hidden = seen.hostile.filter((element, i) => seen.clean[i].shown && !element.shown).map((element) => element.where);
    assert.deepEqual(hidden, []);
  });

  test('the inherited properties the widgets do not choose to take (text-transform, white-space, alignment, indent, shadow, line height) do not come through', () => {
    const differences = seen.hostile.flatMap((element, i) =>
      INHERITED_NOT_CHOSEN.filter(
        // A list style shows only on list items.
        (name) =>
          element.values[name] !== seen.clean[i].values[name] && (name != 'list-style-type' || element.values.display == 'list-item'),
      ).map((name) => `${element.where} ${name}: ${seen.clean[i].values[name]} → ${element.values[name]}`),
    );
    assert.deepEqual(differences.slice(0, 20), [], `${differences.length} differences in all (first 20 shown)`);
  });

  test("the chosen ones do: the page's font family, the text colour, and the font size in proportion", () => {
    const wrong = seen.hostile.flatMap((element, i) => {
      const clean = seen.clean[i];
      const problems = [];
      if (clean.inheritsHostFont && !element.inheritsHostFont) problems.push(`${element.where}: font-family is not the page's`);
      if (clean.inheritsHostColor && !element.inheritsHostColor) problems.push(`${element.where}: text colour is not the page's`);
      if (!clean.inheritsHostColor && element.values.color !== clean.values.color)
        problems.push(`${element.where}: own colour ${clean.values.color} → ${element.values.color}`);
      if (element.fontRatio !== clean.fontRatio)
        problems.push(`${element.where}: font size ${clean.fontRatio} → ${element.fontRatio} of the host's`);
      return problems;
    });
    assert.deepEqual(wrong, []);
    assert.ok(seen.hostile.filter((element) => element.inheritsHostFont).length > 10, "most text is in the page's font");
  });

  test('the widgets harm nothing on the host page: its own elements look the same with and without them, and no globals but Lit’s appear', async () => {
    const hostContent = `<h2 id="h">Sidans rubrik</h2><p id="p">Sidans text med <a id="a" href="#x">länk</a>.</p>
<button id="b" type="button">Sidans knapp</button><input id="i" value="x"><ul id="u"><li id="l">punkt</li></ul><div id="d">box</div>`;
    /** @param {string[]} scripts */
    const look = async (scripts) => {
      const page = await open(context.browser, server.page(html({ body: hostContent + allThree(), scripts })));
      if (scripts.length) await outcomes(page);
      const result = await page.evaluate(() => ({
        // Every computed property of the page's own elements, less the used sizes, which follow the
        // page's height (a scroll bar appears when the cards are taller than their fallback).
        styles: Object.fromEntries(
          ['h', 'p', 'a', 'b', 'i', 'u', 'l', 'd'].flatMap((id) => {
            const style = getComputedStyle(/** @type {Element} */ (document.getElementById(id)));
            return [...style]
              .filter(
                (name) =>
                  !name.startsWith('--') && !/^(width|height|inline-size|block-size|perspective-origin|transform-origin)$/.test(name),
              )
              .map((name) => [`#${id} ${name}`, style.getPropertyValue(name)]);
          }),
        ),
        globals: Object.keys(window),
        sheets: document.styleSheets.length + document.adoptedStyleSheets.length,
      }));
      await page.close();
      return result;
    };
    const without = await look([]);
    const withEsm = await look(['module:/dist/industrikommun-widgets.js']);
    const withIife = await look(['/dist/industrikommun-widgets.iife.js']);
    for (const [name, seenWith] of Object.entries({ 'ES module': withEsm, IIFE: withIife })) {
      const changed = Object.keys(without.styles).filter((key) => seenWith.styles[key] !== without.styles[key]);
      assert.deepEqual(
        changed.map((key) => `${key}: ${without.styles[key]} → ${seenWith.styles[key]}`),
        [],
        `${name}: the page's own elements are styled the same`,
      );
      assert.ok(Object.keys(without.styles).length > 8 * 100, 'hundreds of properties compared per element');
      assert.equal(seenWith.sheets, without.sheets, `${name}: no style sheet added to the document`);
      const added = seenWith.globals.filter((key) => !without.globals.includes(key));
      const allowed = /^(litHtmlVersions|litElementVersions|reactiveElementVersions|litPropertyMetadata|litIssuedWarnings)$/;
      assert.deepEqual(
        added.filter((key) => !allowed.test(key) && !(name == 'IIFE' && key == 'IndustrikommunWidgets')),
        [],
        `${name}: globals added`,
      );
      report(`${context.name} ${name}: globals added: ${added.join(', ') || 'none'}`);
    }
  });
});
