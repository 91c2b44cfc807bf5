/**
 * What a screen reader gets: Chromium's accessibility tree, the one NVDA, JAWS and TalkBack read on
 * Chrome, flattened into lines in reading order (`role "name"` and the states a reader announces).
 * Through the shadow roots, in Swedish and English: the three seed cards, the share form's error
 * summary (focused, an alert, each field invalid and described by its message) and its confirmation
 * (focus on "send another", the status announced), a heading level set by the page, and a broken
 * configuration's fallback. Chromium only: Firefox over WebDriver BiDi exposes no accessibility tree.
 *
 * Not a substitute for a person with a screen reader (TESTING.md), but it catches what axe cannot
 * see: a label or description that does not reach its field across a shadow root, focus that lands
 * nowhere, a message in the wrong language, an announcement that never enters a live region.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { allThree, attrs, chromiumSuite, fallbackText, fillShareForm, html, open, outcomes, seed, validShare } from './harness.mjs';

/** @typedef {import('puppeteer-core').SerializedAXNode} AXNode */

/** The words a visitor hears, per language: the seed cards' own and the widgets' interface. */
const words = {
  sv: {
    contact: 'Kontakt',
    share: 'Tipsa en vän',
    fields: ['Din väns e-postadress', 'Ditt namn', 'Din e-postadress', 'Ditt meddelande'],
    errors: ['Skriv din väns e-postadress', 'Skriv ditt namn', 'Skriv din e-postadress', 'Skriv ditt meddelande'],
    remaining: 'Du har 500 tecken kvar',
    send: 'Skicka',
    copy: 'Kopiera länk',
    problem: 'Det finns ett problem',
    sent: 'Tipset är skickat',
    sendAnother: 'Skicka ett till',
  },
  en: {
    contact: 'Contact',
    share: 'Tell a friend',
    fields: ["Your friend's email address", 'Your name', 'Your email address', 'Your message'],
    errors: ["Enter your friend's email address", 'Enter your name', 'Enter your email address', 'Enter your message'],
    remaining: 'You have 500 characters remaining',
    send: 'Send',
    copy: 'Copy link',
    problem: 'There is a problem',
    sent: 'Tip sent',
    sendAnother: 'Send another',
  },
};
const LANGS = /** @type {const} */ (['sv', 'en']);

/** One line per node a screen reader stops at, depth-first: reading order. @param {AXNode | null} node */
function lines(node, out = /** @type {string[]} */ ([])) {
  if (!node) return out;
  let line = `${node.role} "${node.name ?? ''}"`;
  if (node.level) line += ` level ${node.level}`;
  if (node.required) line += ' required';
  if (node.invalid && node.invalid != 'false') line += ' invalid';
  if (node.description) line += ` — ${node.description}`;
  if (node.focused) line += ' (focused)';
  out.push(line);
  for (const child of node.children ?? []) lines(child, out);
  return out;
}

/** All nodes of the tree, flat. @param {AXNode | null} node @returns {AXNode[]} */
const nodes = (node) => (node ? [node, ...(node.children ?? []).flatMap(nodes)] : []);

/** Asserts that `expected` lines occur in `heard`, in this order (other lines may come between). */
function assertInOrder(heard, expected) {
  let from = 0;
  for (const line of expected) {
    const at = heard.indexOf(line, from);
    assert.ok(at >= 0, `a screen reader hears "${line}" after "${heard[from - 1] ?? '(start)'}":\n${heard.join('\n')}`);
    from = at + 1;
  }
}

chromiumSuite('screen reader: the accessibility tree', (suite) => {
  /** The page's tree as a screen reader has it (only what it reads: no layout-only nodes). */
  const tree = (/** @type {import('puppeteer-core').Page} */ page) => page.accessibility.snapshot({ interestingOnly: true });

  /** Opens the seed page in `lang` and waits for the three cards. */
  async function seedPage(lang) {
    const page = await open(suite.browser, suite.server.page(html({ lang, body: allThree() })));
    assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
    return page;
  }

  for (const lang of LANGS) {
    const say = words[lang];
    const other = words[lang == 'sv' ? 'en' : 'sv'];

    it(`${lang}: the three seed cards read in order, every link, button and field named, nothing in the other language`, async () => {
      const page = await seedPage(lang);
      try {
        const root = await tree(page);
        const heard = lines(root);
        assertInOrder(heard, [
          `heading "${say.contact}" level 2`,
          'StaticText "Dick Eriksson"',
          `StaticText "${seed.contact.person.role[lang]}"`,
          'link "0520-49 68 10"',
          'link "070-164 29 00"',
          `heading "${seed.manifesto.heading[lang]}" level 2`,
          `link "${seed.manifesto.link.text[lang]}"`,
          `heading "${say.share}" level 2`,
          `textbox "${say.fields[0]}" required`,
          `textbox "${say.fields[1]}" required`,
          `textbox "${say.fields[2]}" required`,
          `textbox "${say.fields[3]}" required — ${say.remaining}`,
          `button "${say.send}"`,
          `button "${say.copy}"`,
        ]);
        const unnamed = nodes(root).filter((node) => ['link', 'button', 'textbox'].includes(node.role) && !node.name?.trim());
        assert.deepEqual(unnamed.map(lines), [], 'no link, button or field without a name');
        const names = heard.join('\n');
        for (const foreign of [other.send, other.copy, other.fields[1], other.share])
          assert.ok(!names.includes(`"${foreign}"`), `"${foreign}" is not heard on a page in ${lang}`);
      } finally {
        await page.close();
      }
    });

    it(`${lang}: sending the empty form focuses the error summary, an alert whose links name each problem; each field is invalid and described by its message`, async () => {
      const page = await seedPage(lang);
      try {
        await (await page.$('#share >>> form button'))?.click();
        await page.waitForFunction(() => document.getElementById('share')?.shadowRoot?.activeElement?.closest('form'));
        const root = await tree(page);
        const focused = nodes(root).find((node) => node.focused);
        assert.ok(focused, 'focus is on a node a screen reader knows');
        const summary = lines(focused);
        assertInOrder(summary, ['alert ""', `heading "${say.problem}" level 3`, ...say.errors.map((error) => `link "${error}"`)]);
        assertInOrder(
          lines(root),
          say.fields.map((field, i) => `textbox "${field}" required invalid — ${say.errors[i]}${i == 3 ? ` ${say.remaining}` : ''}`),
        );
        const alert = nodes(focused).find((node) => node.role == 'alert');
        assert.equal(alert?.live, 'assertive', 'the summary is announced at once');
      } finally {
        await page.close();
      }
    });

    it(`${lang}: a sent tip moves focus to "${say.sendAnother}", shows the confirmation as a heading, and announces it in a status region`, async () => {
      const page = await seedPage(lang);
      try {
        await fillShareForm(page, validShare());
        await (await page.$('#share >>> form button'))?.click();
        await page.waitForFunction(
          (text) => document.getElementById('share')?.shadowRoot?.activeElement?.textContent?.trim() == text,
          { timeout: 10_000 },
          say.sendAnother,
        );
        const root = await tree(page);
        const heard = lines(root);
        assertInOrder(heard, [`heading "${say.share}" level 2`, `heading "${say.sent}" level 3`, `button "${say.sendAnother}" (focused)`]);
        const status = nodes(root).find((node) => node.role == 'status');
        assert.equal(status?.live, 'polite');
        assert.ok(
          lines(status).some((line) => line.startsWith('StaticText') && line.length > 'StaticText ""'.length),
          'the status region says the tip was sent',
        );
        assert.ok(!heard.some((line) => line.startsWith('textbox')), 'the form is gone: no field to fill in by mistake');
      } finally {
        await page.close();
      }
    });
  }

  it('heading-level="3" on the card is heading level 3 to a screen reader; the share form’s inner headings follow at 4', async () => {
    const body = `<main><h1>Sida</h1><h2>Avsnitt</h2>
<ik-contact-card heading-level="3"${attrs({ 'data-config': seed.contact })}><p>${fallbackText.contact}</p></ik-contact-card>
<ik-share-form heading-level="3" endpoint="/api/share"><p>${fallbackText.share}</p></ik-share-form></main>`;
    const page = await open(suite.browser, suite.server.page(html({ body })));
    try {
      await outcomes(page);
      await (await page.$('ik-share-form >>> form button'))?.click();
      await page.waitForFunction(() => document.querySelector('ik-share-form')?.shadowRoot?.activeElement);
      assertInOrder(lines(await tree(page)), [
        'heading "Sida" level 1',
        'heading "Avsnitt" level 2',
        `heading "${words.sv.contact}" level 3`,
        `heading "${words.sv.share}" level 3`,
        `heading "${words.sv.problem}" level 4`,
      ]);
    } finally {
      await page.close();
    }
  });

  it('a broken configuration: the reader hears the fallback, the page’s own content, and no empty card', async () => {
    const body = `<main><h1>Sida</h1>
<ik-contact-card data-config='{"person": {"name": "Dick Eriksson",}}'><p>${fallbackText.contact}</p></ik-contact-card>
<p>Sidans egen text.</p></main>`;
    const page = await open(suite.browser, suite.server.page(html({ body })));
    try {
      const outcome = Object.values(await outcomes(page))[0];
      assert.match(outcome, /fallback/);
      const heard = lines(await tree(page));
      assertInOrder(heard, ['heading "Sida" level 1', `StaticText "${fallbackText.contact}"`, 'StaticText "Sidans egen text."']);
      assert.ok(!heard.some((line) => line.startsWith('heading "Kontakt"')), 'no card heading without its card');
    } finally {
      await page.close();
    }
  });
});
