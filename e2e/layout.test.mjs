/**
 * Layout and display: 320 CSS px wide and 400 % zoom with no horizontal scrolling, forced
 * colours (borders and focus still visible), and prefers-reduced-motion (nothing moves).
 *
 * 400 % zoom is what a browser does on a 1280 × 1024 window: a 320 × 256 CSS px viewport at a
 * device pixel ratio of 4 (WCAG 1.4.10's own example); that is what `setViewport` emulates.
 * Forced colours are real in both browsers: Chromium's DevTools emulation of `forced-colors:
 * active` applies the forced palette, and Firefox gets its "override the page's colours: always"
 * preference. Reduced motion is DevTools emulation in Chromium and Firefox's preference.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './server.mjs';
import { allThree, attrs, eachBrowser, html, open, outcomes, probe, report, seed } from './harness.mjs';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
before(async () => {
  server = await startServer();
});
after(() => server.close());

/** Long unbroken words where a narrow column breaks layouts: addresses, a long heading word, long figures. */
const STRESS = `
<ik-contact-card id="long-contact"${attrs({
  'data-config': {
    heading: 'Näringslivsutvecklingsenhetschefsassistentsvikariat',
    person: {
      name: 'Anna-Karin Johansson-Lindqvist-Öberg',
      role: 'Samordnare för etableringsfrågor och kompetensförsörjningsinsatser',
      phones: [{ number: '+46 (0)520-49 68 10 ankn. 12345', label: 'Direktnummer till handläggaren' }],
      email: 'anna-karin.johansson-lindqvist-oberg@naringslivsenheten.trollhattan.se',
    },
    unit: {
      name: 'Näringslivsenheten',
      address: { street: 'Gärdhemsvägen 9', postalCode: '461 83', locality: 'Trollhättan' },
      phone: '0520-49 50 00',
      email: 'naringslivsenheten.trollhattan@example.se',
      url: 'https://www.trollhattan.se/naringsliv/foretagare/etablering-och-lokaler/lediga-lokaler-och-mark',
    },
  },
})}></ik-contact-card>
<ik-manifesto-card id="long-manifesto"${attrs({
  'data-config': {
    ...seed.manifesto,
    figures: [
      { value: 123456789012, qualifier: 'över', label: 'kronor i investeringar i energiomställningsprojekt' },
      ...seed.manifesto.figures,
    ],
    link: {
      href: 'https://www.example.se/industrikommuner/manifest/industriellt-manifest-antaget-i-finspang.pdf',
      text: 'https://www.example.se/industrikommuner/manifest/industriellt-manifest-antaget-i-finspang.pdf',
    },
  },
})}></ik-manifesto-card>
<ik-share-form id="long-share" endpoint="/api/share" url="https://www.example.se/industrikommuner/en-mycket-lang-adress-utan-mellanslag-som-inte-far-spranga-layouten"></ik-share-form>`;

/**
 * What sticks out: page-level horizontal scrolling, and every element in the shadow roots whose
 * box reaches past the viewport's edges.
 * @param {import('./harness.mjs').Page} page
 */
const overflow = (page) =>
  page.evaluate(() => {
    const e2e = /** @type {any} */ (window).__e2e;
    const width = document.documentElement.clientWidth;
    const out = [];
    for (const widget of document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form'))
      for (const element of e2e.deep(widget.shadowRoot)) {
        const style = getComputedStyle(element);
        if (style.clipPath != 'none' || style.display == 'none') continue; // visually hidden on purpose
        const box = element.getBoundingClientRect();
        if (box.width == 0 && box.height == 0) continue;
        if (box.right <= 0) continue; // moved out of sight to the left on purpose (the honeypot): no scrolling
        if (box.left < -0.5 || box.right > width + 0.5)
          out.push(
            `#${widget.id} <${element.localName}${element.getAttribute('part') ? ` part=${element.getAttribute('part')}` : ''}> ${Math.round(box.left)}–${Math.round(box.right)} of ${width}`,
          );
      }
    return { scrollWidth: document.documentElement.scrollWidth, width, out };
  });

/**
 * Puts every widget into its most crowded state: the share forms' error summary and inline errors.
 * @param {import('./harness.mjs').Page} page
 */
const crowd = (page) =>
  page.evaluate(async () => {
    for (const form of document.querySelectorAll('ik-share-form')) {
      /** @type {HTMLButtonElement | null | undefined} */ (form.shadowRoot?.querySelector('button[part=submit]'))?.click();
      await /** @type {any} */ (form).updateComplete;
    }
    await new Promise((done) => setTimeout(done, 50));
    return [...document.querySelectorAll('ik-share-form')].map((form) => !!form.shadowRoot?.querySelector('[part=summary]'));
  });

eachBrowser('Layout', (context) => {
  const sizes = /** @type {const} */ ([
    ['320 CSS px wide', { width: 320, height: 640, deviceScaleFactor: 1 }],
    ['400 % zoom (1280 × 1024 at 4×: 320 × 256 CSS px)', { width: 320, height: 256, deviceScaleFactor: 4 }],
  ]);
  for (const [name, viewport] of sizes)
    for (const lang of ['sv', 'en', 'fi', 'ar'])
      test(`${name}, ${lang}: no horizontal scrolling and nothing past the edge, with long words and the share form's errors showing`, async () => {
        const page = await open(context.browser, server.page(html({ lang, body: allThree() + STRESS })), viewport);
        const ended = await outcomes(page);
        assert.deepEqual(Object.values(ended), Array(6).fill('card'), JSON.stringify(ended));
        assert.equal(await page.evaluate(() => innerWidth), 320, 'the CSS viewport is 320 px');
        const idle = await overflow(page);
        assert.deepEqual(idle.out, [], 'nothing past the edge');
        assert.ok(idle.scrollWidth <= idle.width, `no horizontal scrolling (${idle.scrollWidth} > ${idle.width})`);
        assert.deepEqual(await crowd(page), [true, true], 'both forms show their error summary');
        const crowded = await overflow(page);
        assert.deepEqual(crowded.out, [], 'nothing past the edge with errors showing');
        assert.ok(crowded.scrollWidth <= crowded.width, `no horizontal scrolling with errors showing (${crowded.scrollWidth})`);
        const seen = await probe(page);
        assert.deepEqual([...seen.errors, ...seen.rejections, ...page.report.pageErrors], []);
        await page.close();
      });
});

/** Long Finnish compound words, a long name and long addresses: what a narrow column meets in Finnish. */
const FINNISH = {
  heading: { fi: 'Elinkeinoelämänkehittämisyksikönpäällikönsijaisuus', sv: 'Näringslivsutvecklingsenhetschefsassistentsvikariat' },
  person: {
    name: 'Anna-Kaisa Wolfeschlegelsteinhausenbergerdorff-Väänänen',
    role: { fi: 'Työllisyydenhoitopalveluiden kehittämissuunnittelija', ar: 'منسقة شؤون التوظيف والتأهيل المهني في البلدية' },
    phones: [{ number: '+358 (0)40 123 4567 ja 040 765 4321', kind: 'mobile' }],
    email: 'anna-kaisa.wolfeschlegelsteinhausenbergerdorff-vaananen@tyollisyyspalvelut.example.fi',
  },
  unit: {
    name: { fi: 'Elinkeinopalvelukeskus', ar: 'مركز خدمات الأعمال' },
    email: 'elinkeinopalvelukeskus.kirjaamo@example.fi',
    url: 'https://www.example.fi/elinkeinopalvelut/yritysneuvonta/sijoittautuminen-ja-toimitilat',
  },
};

/**
 * Each card inside a 320 px grid item and a 320 px flex item, where a card's minimum width (its longest word or
 * address) decides the item's width: `overflow-wrap: break-word` does not lower it, `anywhere` does.
 */
const CONTAINED = (/** @type {string} */ cards) => {
  const each = cards.match(/<(ik-[a-z-]+)[\s\S]*?<\/\1>/g) ?? [];
  return `<style>
  .grid { display: grid; grid-template-columns: 1fr; width: 320px; }
  .flex { display: flex; width: 320px; }
  .flex > * { flex: 1 1 auto; }
</style>
<div class="grid">${each.map((card) => card.replace(' id="', ' id="grid-')).join('')}</div>
${each.map((card) => `<div class="flex">${card.replace(' id="', ' id="flex-')}</div>`).join('')}`;
};

eachBrowser('Wrapping', (context) => {
  for (const lang of ['sv', 'en', 'fi', 'ar'])
    test(`${lang}: every card fits a 320 px grid item and a 320 px flex item, with long addresses, names and Finnish compound words`, async () => {
      const cards =
        allThree() +
        STRESS +
        `<ik-contact-card id="finnish"${attrs({ 'data-config': FINNISH })}></ik-contact-card>` +
        `<ik-manifesto-card id="finnish-manifesto"${attrs({ 'data-config': { ...seed.manifesto, heading: FINNISH.heading, closing: FINNISH.person.email } })}></ik-manifesto-card>`;
      const page = await open(context.browser, server.page(html({ lang, body: CONTAINED(cards) })), { width: 800, height: 900 });
      const ended = await outcomes(page);
      assert.ok(
        Object.values(ended).every((outcome) => outcome == 'card'),
        JSON.stringify(ended),
      );
      await crowd(page);
      const widths = await page.evaluate(() =>
        [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')].map((element) => ({
          id: element.id,
          width: Math.round(element.getBoundingClientRect().width),
        })),
      );
      assert.equal(widths.length, 16);
      assert.deepEqual(
        widths.filter((card) => card.width > 320),
        [],
        'no card wider than its 320 px item',
      );
      report(`${context.name} ${lang}: 16 cards in grid and flex items, widest ${Math.max(...widths.map((card) => card.width))} px`);
      await page.close();
    });
});

eachBrowser(
  'Forced colours and reduced motion',
  (context) => {
    /** Switches on forced colours and reduced motion (Chromium per page; Firefox has them from its launch preferences). @param {import('./harness.mjs').Page} page */
    async function emulate(page) {
      if (context.name != 'chromium') return;
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', {
        features: [
          { name: 'forced-colors', value: 'active' },
          { name: 'prefers-reduced-motion', value: 'reduce' },
        ],
      });
    }

    /** @type {import('./harness.mjs').Page} */
    let page;
    before(async () => {
      page = await open(context.browser, undefined, { width: 1000, height: 900 });
      await emulate(page);
      await page.goto(server.page(html({ body: allThree() })));
      // The page's background in the forced palette: the system colour Canvas, resolved.
      await page.evaluate(() => {
        /** @type {any} */ (window).__canvas = () => {
          const probe = document.createElement('div');
          probe.style.backgroundColor = 'Canvas';
          document.body.append(probe);
          const color = getComputedStyle(probe).backgroundColor;
          probe.remove();
          return color;
        };
      });
      assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
      const media = await page.evaluate(() => [
        matchMedia('(forced-colors: active)').matches,
        matchMedia('(prefers-reduced-motion: reduce)').matches,
      ]);
      assert.deepEqual(media, [true, true], 'forced colours and reduced motion are on');
    });
    after(() => page.close());

    test('forced colours: every card border, button border and field border is still drawn, in a colour that differs from the background', async () => {
      const borders = await page.evaluate(() => {
        const e2e = /** @type {any} */ (window).__e2e;
        const canvas = /** @type {any} */ (window).__canvas();
        const out = [];
        for (const widget of document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form'))
          for (const element of e2e.deep(widget.shadowRoot)) {
            if (!element.matches('.card, button, input:not([tabindex="-1"]), textarea')) continue;
            const style = getComputedStyle(element);
            out.push({
              where: `#${widget.id} ${element.localName}${element.className ? '.' + element.className : ''}`,
              style: style.borderTopStyle,
              width: parseFloat(style.borderTopWidth),
              color: style.borderTopColor,
              canvas,
            });
          }
        return out;
      });
      // Every card, button and field on the test page: nine since the contact card lost its vCard button.
      assert.ok(borders.length >= 9, `${borders.length} bordered elements`);
      const invisible = borders.filter((b) => b.style == 'none' || b.width < 1 || b.color == b.canvas || b.color == 'rgba(0, 0, 0, 0)');
      assert.deepEqual(invisible, []);
      report(
        `${context.name}: forced colours: ${borders.length} card, button and field borders drawn (${[...new Set(borders.map((b) => b.color))].join(', ')} on ${borders[0].canvas})`,
      );
    });

    test('forced colours: Tab reaches every link, button and field of the three widgets, and each shows a focus outline at least 2 px wide', async () => {
      await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.blur());
      /** @type {{where: string, outline: string, width: number, color: string, visible: boolean, canvas: string}[]} */
      const stops = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          let active = document.activeElement;
          const host = active;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          if (!active || active == document.body || !host?.localName.startsWith('ik-')) return null;
          const style = getComputedStyle(active);
          return {
            where: `#${host.id} <${active.localName}> ${(active.textContent || active.id || '').trim().slice(0, 30)}`,
            outline: style.outlineStyle,
            width: parseFloat(style.outlineWidth),
            color: style.outlineColor,
            visible: active.matches(':focus-visible'),
            canvas: /** @type {any} */ (window).__canvas(),
          };
        });
        if (!stop) {
          if (stops.length) break; // left the last widget
          continue;
        }
        stops.push(stop);
      }
      const widgets = new Set(stops.map((stop) => stop.where.split(' ')[0]));
      assert.deepEqual([...widgets], ['#contact', '#manifesto', '#share'], 'focus went through all three');
      const unseen = stops.filter(
        (stop) =>
          !stop.visible || stop.outline == 'none' || stop.width < 2 || stop.color == stop.canvas || stop.color == 'rgba(0, 0, 0, 0)',
      );
      assert.deepEqual(unseen, []);
      report(
        `${context.name}: forced colours: ${stops.length} focus stops, each with a visible outline (${[...new Set(stops.map((stop) => `${stop.width}px ${stop.outline} ${stop.color}`))].join('; ')})`,
      );
    });

    test('reduced motion: nothing animates or transitions, before or after the share form is used', async () => {
      const motion = () =>
        page.evaluate(() => {
          const e2e = /** @type {any} */ (window).__e2e;
          const moving = [];
          for (const widget of document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form'))
            for (const element of [widget, ...e2e.deep(widget.shadowRoot)]) {
              const style = getComputedStyle(element);
              const seconds = (/** @type {string} */ list) => Math.max(...list.split(',').map((value) => parseFloat(value) || 0));
              if (style.animationName != 'none' || seconds(style.transitionDuration) > 0 || style.scrollBehavior == 'smooth')
                moving.push(
                  `#${widget.id} <${element.localName}> animation ${style.animationName}, transition ${style.transitionDuration}, scroll ${style.scrollBehavior}`,
                );
            }
          return { moving, running: document.getAnimations().length };
        });
      assert.deepEqual(await motion(), { moving: [], running: 0 });
      // Submit empty (the summary takes focus), then fill and send (the success message takes focus).
      await crowd(page);
      await page.evaluate(async () => {
        const root = /** @type {ShadowRoot} */ (document.getElementById('share')?.shadowRoot);
        for (const [id, value] of Object.entries({ to: 'van.motion@example.se', name: 'Anna', from: 'anna@example.se', message: 'Hej' })) {
          const field = /** @type {HTMLInputElement} */ (root.getElementById(id));
          field.value = value;
          field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        }
        /** @type {HTMLButtonElement} */ (root.querySelector('button[part=submit]')).click();
        await /** @type {any} */ (window).__e2e.event('ik-share-success', 'share');
      });
      assert.deepEqual(await motion(), { moving: [], running: 0 });
    });
  },
  { firefoxPrefs: { 'browser.display.document_color_use': 2, 'ui.prefersReducedMotion': 1 } },
);
