/**
 * Readers' own text spacing and a narrow column.
 *
 * - WCAG 1.4.12's test values, set on `body` as the text-spacing bookmarklet and readers' style
 *   sheets do (line height 1.5, letter spacing 0.12em, word spacing 0.16em, paragraph spacing 2em):
 *   they reach the widgets' text (headings, names, labels, buttons, fields), and nothing is clipped.
 * - A 190 px column (a CMS's sidebar): a person's name breaks between its words or at its hyphens,
 *   never inside a word, and nothing sticks out of the column.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attrs, eachBrowser, open } from '../harness.mjs';
import { expectOutcomes, interopServer, unexpectedErrors } from './interop.mjs';

const context = interopServer([]);

const SCRIPT = '<script type="module" src="/bundles/package/industrikommun-widgets.js"></script>';
const contact = {
  person: {
    name: 'Anna-Karin Johansson-Lindqvist',
    role: 'Samordnare för etableringsfrågor',
    phones: [{ number: '0520-49 68 10' }],
    email: 'anna-karin.johansson@trollhattan.se',
  },
  unit: {
    name: 'Näringslivsenheten',
    address: { street: 'Gärdhemsvägen 9', postalCode: '461 83', locality: 'Trollhättan' },
    phone: '0520-49 50 00',
  },
};
const WIDGETS = `<ik-contact-card id="contact"${attrs({ 'data-config': contact })}></ik-contact-card>
<ik-manifesto-card id="manifesto" data-config-src="/seed/manifesto.json"></ik-manifesto-card>
<ik-share-form id="share" endpoint="/api/share"></ik-share-form>`;

const page = (style, body) => `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Text spacing</title><script src="/assets/probe.js"></script>
<style>${style}</style>${SCRIPT}</head>
<body>${body}</body></html>`;

/** The bookmarklet's values, on body. */
const TEXT_SPACING = `body { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

eachBrowser('Text spacing and a narrow column', (current) => {
  test('WCAG 1.4.12 text spacing on body reaches the widgets, and nothing is clipped', async () => {
    const tab = await open(current.browser, context.server.page(page(TEXT_SPACING, `<main>${WIDGETS}</main>`)), {
      width: 1280,
      height: 900,
    });
    await expectOutcomes(tab, { contact: 'card', manifesto: 'card', share: 'card' });
    await tab.click('#share >>> [part~="submit"]'); // the error summary and messages too
    await tab.waitForSelector('#share >>> [part~="summary"]');
    const found = await tab.evaluate(() => {
      const e2e = /** @type {any} */ (window).__e2e;
      const wrong = [];
      const clipped = [];
      let checked = 0;
      for (const widget of document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form'))
        for (const element of e2e.deep(widget.shadowRoot)) {
          const style = getComputedStyle(element);
          if (style.display == 'none' || style.clipPath != 'none' || element.getBoundingClientRect().right <= 0) continue;
          const label = `#${widget.id} <${element.localName}${element.className ? '.' + element.className : ''}>`;
          // Elements that hold text of their own (fields hold what the visitor types).
          const ownText =
            [...element.childNodes].some((node) => node.nodeType == 3 && node.textContent.trim()) || element.matches('input, textarea');
          if (ownText) {
            checked++;
            const size = parseFloat(style.fontSize);
            // What the reader's body rule gives text of this size on the page itself (em values are inherited as lengths).
            const twin = document.createElement('span');
            twin.style.fontSize = `${size}px`;
            document.body.append(twin);
            const expected = getComputedStyle(twin);
            if (style.letterSpacing != expected.letterSpacing)
              wrong.push(`${label} letter-spacing ${style.letterSpacing}, the page's ${expected.letterSpacing}`);
            if (style.wordSpacing != expected.wordSpacing)
              wrong.push(`${label} word-spacing ${style.wordSpacing}, the page's ${expected.wordSpacing}`);
            twin.remove();
            const lineHeight = style.lineHeight == 'normal' ? 0 : parseFloat(style.lineHeight);
            if (!element.matches('input') && lineHeight < 1.5 * size - 0.5)
              wrong.push(`${label} line-height ${style.lineHeight} at ${size}px`);
          }
          // Clipped: content larger than a box that hides its overflow, or text taller than its box.
          const hides = /hidden|clip|auto|scroll/.test(style.overflowX + style.overflowY);
          if (hides && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1))
            clipped.push(`${label} ${element.scrollWidth}×${element.scrollHeight} in ${element.clientWidth}×${element.clientHeight}`);
        }
      return { wrong, clipped, checked };
    });
    assert.ok(found.checked > 30, `checked ${found.checked} text elements`);
    assert.deepEqual(found.wrong, [], "the reader's spacing on every text");
    assert.deepEqual(found.clipped, [], 'nothing clipped');
    assert.deepEqual(unexpectedErrors(tab), []);
    await tab.close();
  });

  test('a 190 px column: names break between words or at hyphens, nothing sticks out', async () => {
    const tab = await open(
      current.browser,
      context.server.page(page('aside { width: 190px; margin: 0 auto; }', `<aside>${WIDGETS}</aside>`)),
      { width: 600, height: 900 },
    );
    await expectOutcomes(tab, { contact: 'card', manifesto: 'card', share: 'card' });
    const found = await tab.evaluate(() => {
      /** The text of `element`, and the indexes in it where a new line starts. */
      const lines = (/** @type {Element} */ element) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let text = '';
        const starts = [];
        /** @type {(Element | null)[]} the element holding the text at each start */
        const parents = [];
        let top;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          // Text nodes apart (a <br> between them) are words apart.
          if (text && node.textContent) text += '\n';
          for (let i = 0; i < node.textContent.length; i++, text += node.textContent[i - 1]) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = [...range.getClientRects()].find((rect) => rect.width > 0);
            if (!box) continue;
            if (top !== undefined && box.top > top + 2) (starts.push(text.length), parents.push(node.parentElement));
            top = box.top;
          }
        }
        return { text, starts, parents };
      };
      // Every word broken inside although it would fit on a line of its own.
      const badBreaks = [];
      for (const widget of document.querySelectorAll('ik-contact-card, ik-manifesto-card')) {
        const leaves = [.../** @type {any} */ (window).__e2e.deep(widget.shadowRoot)].filter((element) =>
          [...element.childNodes].some((node) => node.nodeType == 3 && node.textContent.trim()),
        );
        for (const leaf of leaves) {
          const { text, starts, parents } = lines(leaf);
          for (const [i, start] of starts.entries()) {
            const holder = parents[i] ?? leaf;
            const room = leaf.getBoundingClientRect().width;
            // Breakable spaces only: a no-break space (Intl's thousands separator) holds a word together.
            if (/[ \n\t\u00ad-]/.test(text[start - 1]) || /[ \n\t]/.test(text[start])) continue;
            const word =
              text
                .slice(0, start)
                .split(/[ \n\t]/)
                .pop() + text.slice(start).split(/[ \n\t]/)[0];
            const probe = document.createElement('span');
            probe.textContent = word;
            probe.style.whiteSpace = 'nowrap';
            holder.append(probe); // in the font the word is shown in
            const width = probe.getBoundingClientRect().width;
            probe.remove();
            if (width <= room) badBreaks.push(`#${widget.id} ${text.slice(0, start)}|${text.slice(start)}`);
          }
        }
      }
      const root = document.getElementById('contact').shadowRoot;
      const person = [...root.querySelectorAll('*')].find(
        (element) => element.childElementCount == 0 && element.textContent.trim() == 'Anna-Karin Johansson-Lindqvist',
      );
      const name = person ? lines(person) : { text: '', starts: [] };
      const aside = document.querySelector('aside').getBoundingClientRect();
      const outside = [];
      for (const widget of document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form'))
        for (const element of /** @type {any} */ (window).__e2e.deep(widget.shadowRoot)) {
          const box = element.getBoundingClientRect();
          const style = getComputedStyle(element);
          if (style.display == 'none' || style.clipPath != 'none' || box.right <= 0 || box.width == 0) continue;
          if (box.left < aside.left - 0.5 || box.right > aside.right + 0.5)
            outside.push(`#${widget.id} <${element.localName}.${element.className}> ${Math.round(box.left)}–${Math.round(box.right)}`);
        }
      return { name, outside, badBreaks };
    });
    const { text, starts } = found.name;
    assert.equal(text.replace(/\n/g, ''), 'Anna-Karin Johansson-Lindqvist', 'the name is shown');
    const broken = starts.filter((start) => !/[\s\u00ad-]/.test(text[start - 1]) && !/\s/.test(text[start]));
    assert.deepEqual(
      broken.map((start) => `${text.slice(0, start)}|${text.slice(start)}`),
      [],
      'the name breaks inside a word',
    );
    assert.deepEqual(found.badBreaks, [], 'no word that fits on a line is broken');
    assert.deepEqual(found.outside, [], 'nothing sticks out of the 190 px column');
    assert.deepEqual(unexpectedErrors(tab), []);
    await tab.close();
  });
});
