/**
 * Bootstrap 5 and Tailwind 4 host pages (apps/css, built with Vite), at 1280 and 375 px, in the
 * host's light and dark theme. In each:
 * - the widgets render, and axe-core finds nothing inside their shadow roots, colour contrast
 *   included, by default and with the share form's error summary and messages shown;
 * - the borders of cards, buttons and fields keep 3 : 1 against the background behind them (WCAG 1.4.11);
 * - the host page looks the same with and without the widgets: every host element's computed
 *   style, and the pixels of the page above the widgets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachBrowser, open } from '../harness.mjs';
import { axe, expectOutcomes, interopServer, unexpectedErrors } from './interop.mjs';

const context = interopServer(['css']);

/** Every host element's computed look, outside the widgets (and outside their light-DOM fallback), once any transition has ended. */
const hostLook = (page) =>
  page.evaluate(async () => {
    await Promise.all(document.getAnimations().map((animation) => animation.finished));
    const properties = [
      'color',
      'background-color',
      'font-family',
      'font-size',
      'font-weight',
      'line-height',
      'letter-spacing',
      'margin-top',
      'padding-top',
      'border-top-color',
      'border-top-width',
      'display',
      'color-scheme',
    ];
    return [document.documentElement, ...document.body.querySelectorAll('*')]
      .filter((element) => !element.closest('ik-contact-card, ik-manifesto-card, ik-share-form') && element.localName != 'script')
      .map(
        (element) =>
          `${element.localName}${element.id ? '#' + element.id : ''}.${element.className}: ${properties.map((name) => getComputedStyle(element).getPropertyValue(name)).join(' | ')}`,
      );
  });

/**
 * Borders of the widgets' boxes, buttons and fields, and the focus outline, whose contrast
 * against what is behind them is under 3 : 1.
 */
const weakBorders = (page) =>
  page.evaluate(async () => {
    // Any CSS colour (rgb, lab, oklch, color()) to sRGB bytes and alpha, as a canvas paints it.
    const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const parse = (/** @type {string} */ color) => {
      canvas.clearRect(0, 0, 1, 1);
      canvas.fillStyle = color;
      canvas.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = canvas.getImageData(0, 0, 1, 1).data;
      return { rgb: [r, g, b], alpha: a / 255 };
    };
    const luminance = (/** @type {number[]} */ rgb) =>
      rgb
        .map((value) => value / 255)
        .map((value) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4))
        .reduce((sum, value, i) => sum + value * [0.2126, 0.7152, 0.0722][i], 0);
    const ratio = (/** @type {number[]} */ a, /** @type {number[]} */ b) => {
      const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (light + 0.05) / (dark + 0.05);
    };
    /** The opaque colour behind an element: the first opaque background up the tree, across shadow roots. */
    const behind = (/** @type {Element} */ element) => {
      for (
        let node = element.parentElement ?? /** @type {any} */ (element.getRootNode()).host;
        node;
        node = node.parentElement ?? node.getRootNode().host
      ) {
        const { rgb, alpha } = parse(getComputedStyle(node).backgroundColor);
        if (alpha > 0.5) return rgb;
      }
      return matchMedia('(prefers-color-scheme: dark)').matches || getComputedStyle(document.documentElement).colorScheme.includes('dark')
        ? [18, 18, 18]
        : [255, 255, 255];
    };
    const problems = [];
    const e2e = /** @type {any} */ (window).__e2e;
    for (const widget of document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form'))
      for (const element of e2e.deep(widget.shadowRoot)) {
        const style = getComputedStyle(element);
        if (style.display == 'none' || style.clipPath != 'none' || element.getBoundingClientRect().right <= 0) continue;
        if (element.matches('.card') && !(parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle != 'none'))
          problems.push(`#${widget.id} <${element.localName}.card> has no border`);
        if (element.matches('.card, button, input, textarea') && parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle != 'none') {
          const own = parse(style.backgroundColor);
          const contrast = ratio(parse(style.borderTopColor).rgb, own.alpha > 0.5 ? own.rgb : behind(element));
          const outside = ratio(parse(style.borderTopColor).rgb, behind(element));
          if (Math.max(contrast, outside) < 3)
            problems.push(`#${widget.id} <${element.localName}> border ${style.borderTopColor}: ${Math.max(contrast, outside).toFixed(2)}`);
        }
      }
    return problems;
  });

eachBrowser('CSS frameworks, light and dark', (current) => {
  for (const framework of ['bootstrap', 'tailwind'])
    for (const theme of ['light', 'dark'])
      for (const width of [1280, 375])
        test(`${framework}, ${theme}, ${width} px: renders, axe finds nothing, the host is unchanged`, async () => {
          const viewport = { width, height: 900 };
          const url = (widgets) => context.url('css', `${framework}.html?theme=${theme}&widgets=${widgets}`);
          // The host page alone first, then with the widgets: one tab at a time (a background tab may not paint).
          const without = await open(current.browser, url(0), viewport);
          await without.waitForSelector('html[data-ready]');
          const top = await without.$eval('#host-main', (element) => Math.floor(element.getBoundingClientRect().top + 10));
          const clip = { x: 0, y: 0, width, height: top };
          const lookWithout = await hostLook(without);
          const pixelsWithout = await without.screenshot({ clip });
          await without.close();

          const page = await open(current.browser, url(1), viewport);
          await page.waitForSelector('html[data-ready]');
          await expectOutcomes(page, { contact: 'card', manifesto: 'card', share: 'card' });
          assert.equal(
            await page.evaluate(() => getComputedStyle(document.body).colorScheme.includes('dark')),
            theme == 'dark',
            'the host declares its colour scheme',
          );
          assert.deepEqual(await hostLook(page), lookWithout, 'every host element looks as it does without the widgets');
          assert.ok(Buffer.compare(await page.screenshot({ clip }), pixelsWithout) == 0, 'the page above the widgets has the same pixels');

          assert.deepEqual(await axe(page), [], 'axe, default state');
          assert.deepEqual(await weakBorders(page), [], 'borders of cards, buttons and fields at 3 : 1');
          // The share form's most crowded state: submitted empty, with its summary and a message at each field
          // (its colours are the error colour's, which has a dark default of its own).
          await page.click('#share >>> [part~="submit"]');
          await page.waitForSelector('#share >>> [part~="summary"]');
          assert.deepEqual(await axe(page), [], 'axe, with the error summary and messages');
          assert.deepEqual(await weakBorders(page), [], 'borders of invalid fields at 3 : 1');
          assert.deepEqual(unexpectedErrors(page), []);
          await page.close();
        });
});
