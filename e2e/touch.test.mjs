/**
 * Touch targets: on a touch screen (a coarse pointer) every link and button of the contact card is at least
 * 44 × 44 CSS px (WCAG 2.5.5), where a phone number's link used to be a 17 px line of text. Chromium, with touch
 * emulated as a phone has it; a mouse (fine pointer) keeps the compact lines.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumSuite, html, open } from './harness.mjs';

const contact = {
  person: {
    name: 'Anna Lind',
    phones: [{ number: '0520-49 68 11' }, { number: '070-123 45 67', kind: 'mobile' }, { number: '0520-49 68 99', kind: 'fax' }],
    email: 'anna.lind@example.se',
  },
  unit: { name: 'Näringslivsenheten', phone: '0520-49 50 00', email: 'naringsliv@example.se', url: 'https://www.example.se/naringsliv' },
};

chromiumSuite('contact card touch targets', (suite) => {
  /** Every link and button in the card, with its size. @param {import('./harness.mjs').Page} page */
  const targets = (page) =>
    page.evaluate(async () => {
      const card = /** @type {any} */ (document.querySelector('ik-contact-card'));
      await customElements.whenDefined('ik-contact-card');
      await card.updateComplete;
      return [...card.shadowRoot.querySelectorAll('a, button')].map((target) => {
        const { width, height } = target.getBoundingClientRect();
        return { text: target.textContent.trim(), width, height };
      });
    });

  const body = `<main><ik-contact-card data-config='${JSON.stringify(contact)}'><p>Anna Lind</p></ik-contact-card></main>`;

  it('on a coarse pointer, every link is at least 44 × 44 px', async () => {
    const page = await open(suite.browser, undefined, { width: 375, height: 800, hasTouch: true, isMobile: true });
    try {
      await page.goto(suite.server.page(html({ body })), { waitUntil: 'load' });
      assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), true);
      const found = await targets(page);
      // Three phone links (the fax is text), two e-mail links and the website.
      assert.equal(found.length, 6, JSON.stringify(found));
      for (const target of found) {
        assert.ok(target.height >= 44, `${target.text}: ${target.height} px tall`);
        assert.ok(target.width >= 44, `${target.text}: ${target.width} px wide`);
      }
    } finally {
      await page.close();
    }
  });

  it('with a mouse, the links stay lines of text', async () => {
    const page = await open(suite.browser, suite.server.page(html({ body })), { width: 1280, height: 800 });
    try {
      assert.equal(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), false);
      const phone = (await targets(page)).find((target) => target.text == '0520-49 68 11');
      assert.ok(phone && phone.height < 30, JSON.stringify(phone));
    } finally {
      await page.close();
    }
  });
});
