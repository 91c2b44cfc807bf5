/**
 * The OWASP filter-evasion corpus (`xss-payloads.mjs`) in every text and URL field of every
 * element, in their plain attributes, in what a visitor types into the share form, and in the
 * error messages a hostile endpoint sends back. Then every link and button is clicked (twice
 * over, so that what the first clicks reveal is clicked too). Nothing may execute: no alert,
 * confirm, prompt or `__xss` call, no dialog from any frame, no navigation, no element the
 * templates do not have, no `javascript:`/`data:` link.
 *
 * The pages have no CSP on purpose: a policy would hide an injection rather than prove there is none.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from './server.mjs';
import { attrs, eachBrowser, html, open, outcomes, probe, report } from './harness.mjs';
import { OWASP_PAYLOADS } from './xss-payloads.mjs';

const P = OWASP_PAYLOADS;

/**
 * Every text and URL field of each element set to `payload`; per-language objects for odd
 * indexes (with only the other language, so the fallback-language path and its `lang` run too).
 * Fields with a format (a date, a phone kind, a number) keep a valid value, so that the card renders.
 * @param {string} payload @param {number} i
 */
function configs(payload, i) {
  const text = i % 2 ? { en: payload } : payload;
  return {
    contact: {
      heading: text,
      person: {
        name: text,
        role: text,
        phones: [
          { number: payload, kind: 'mobile', label: text },
          { number: '0520-49 68 10', label: text },
        ],
        email: payload,
      },
      unit: { name: text, address: { street: text, postalCode: text, locality: text }, phone: payload, email: payload, url: payload },
    },
    manifesto: {
      heading: text,
      lead: text,
      body: [text, payload],
      figures: [{ value: 600000, qualifier: text, label: text }],
      priorities: [{ title: text, text, href: payload }, { title: payload }],
      closing: text,
      link: { href: payload, text },
      reviewed: { date: '2016-12-20', by: text },
    },
    share: { heading: text, intro: text, endpoint: payload, url: payload, pageTitle: text, privacy: { text, href: payload } },
  };
}

/** Where each payload goes, for the count. */
const FIELDS = {
  contact: [
    'heading',
    'person.name',
    'person.role',
    'person.phones[].number',
    'person.phones[].label',
    'person.email',
    'unit.name',
    'unit.address.street',
    'unit.address.postalCode',
    'unit.address.locality',
    'unit.phone',
    'unit.email',
    'unit.url',
    'name attribute',
    'role attribute',
    'phone attribute',
    'email attribute',
  ],
  manifesto: [
    'heading',
    'lead',
    'body[]',
    'figures[].qualifier',
    'figures[].label',
    'priorities[].title',
    'priorities[].text',
    'priorities[].href',
    'closing',
    'link.href',
    'link.text',
    'reviewed.by',
  ],
  share: [
    'heading',
    'intro',
    'endpoint',
    'url',
    'pageTitle',
    'privacy.text',
    'privacy.href',
    'endpoint attribute',
    'url attribute',
    'page-title attribute',
    'typed name',
    'typed message',
    "the endpoint's field errors",
  ],
};

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
before(async () => {
  server = await startServer();
  // A hostile or compromised endpoint: it answers every field with what the visitor typed as the message.
  server.route('/xss/echo-errors', async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const message = String(JSON.parse(body).message ?? '');
    const text = JSON.stringify({
      errors: { to: message, name: message, from: message, message, website: message, [message]: message },
      message,
    });
    res.writeHead(422, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  });
  const fields = FIELDS.contact.length + FIELDS.manifesto.length + FIELDS.share.length;
  report(
    `xss: ${P.length} payloads × (${FIELDS.contact.length} contact + ${FIELDS.manifesto.length} manifesto + ${FIELDS.share.length} share-form places) = ${P.length * fields} injections per browser`,
  );
});
after(() => server.close());

eachBrowser('XSS corpus', (context) => {
  /**
   * Opens `body`, waits for every widget, audits what they rendered, lets `interact` act, clicks
   * every link and button twice over, and reports what happened. `tamper` runs in the page right
   * after rendering (the self-check uses it to plant what the detectors must find).
   * @param {string} body
   * @param {{interact?: (page: import('./harness.mjs').Page) => Promise<void>, tamper?: () => void}} [options]
   */
  async function attackAndWatch(body, { interact, tamper } = {}) {
    const page = await open(context.browser, server.page(html({ body })), { width: 1000, height: 800 });
    const start = page.url();
    const rendered = await page.evaluate(async () => {
      const e2e = /** @type {any} */ (window).__e2e;
      const widgets = [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')];
      const outcomes = await Promise.all(widgets.map((element) => e2e.outcome(element, 10_000)));
      return {
        count: widgets.length,
        cards: outcomes.filter((outcome) => outcome == 'card').length,
        other: outcomes.filter((outcome) => outcome != 'card' && outcome != 'fallback'),
      };
    });
    if (tamper) await page.evaluate(tamper);
    const problems = await page.evaluate(() => {
      const e2e = /** @type {any} */ (window).__e2e;
      return [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')].flatMap((element) =>
        e2e.audit(element).map((/** @type {string} */ problem) => `#${element.id}: ${problem}`),
      );
    });
    if (interact) await interact(page);
    const clicks = await page.evaluate(async () => {
      const e2e = /** @type {any} */ (window).__e2e;
      // Links must not take the page away (they go to example.se, or to mailto:); a javascript: link
      // is let through, so that if one existed its script would run and be caught.
      const links = /** @type {string[]} */ ([]);
      addEventListener(
        'click',
        (event) => {
          const link = /** @type {HTMLAnchorElement | undefined} */ (
            event.composedPath().find((node) => node instanceof HTMLAnchorElement)
          );
          if (!link) return;
          links.push(link.href);
          if (!/^javascript:/i.test(link.href)) event.preventDefault();
        },
        true,
      );
      const clicked = new WeakSet();
      let count = 0;
      for (let round = 0; round < 2; round++) {
        for (const widget of document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form'))
          for (const target of widget.shadowRoot ? [...e2e.deep(widget.shadowRoot)] : [])
            if ((target.localName == 'a' || target.localName == 'button') && !clicked.has(target)) {
              clicked.add(target);
              /** @type {HTMLElement} */ (target).click();
              count++;
            }
        await e2e.sleep(300); // sends, focus moves, re-renders
      }
      return { clicks: count, links: links.length };
    });
    await sleep(300);
    const seen = await probe(page);
    const after = await page.evaluate(() => {
      const e2e = /** @type {any} */ (window).__e2e;
      return [...document.querySelectorAll('ik-contact-card, ik-manifesto-card, ik-share-form')].flatMap((element) =>
        e2e.audit(element).map((/** @type {string} */ problem) => `#${element.id}: ${problem}`),
      );
    });
    const result = {
      ...rendered,
      ...clicks,
      problems,
      problemsAfterClicks: after,
      navigated: page.url() != start,
      executed: seen.executed,
      dialogs: page.report.dialogs,
      uncaught: [...seen.errors, ...seen.rejections, ...page.report.pageErrors],
    };
    await page.close();
    return result;
  }

  /** `attackAndWatch`, asserting that nothing got through. @param {string} body @param {Parameters<typeof attackAndWatch>[1]} [options] */
  async function attack(body, options) {
    const result = await attackAndWatch(body, options);
    assert.deepEqual(result.other, [], 'every widget ended as a card or its fallback');
    assert.deepEqual(result.problems.slice(0, 10), [], `${result.problems.length} unsafe things rendered`);
    assert.equal(result.navigated, false, 'no navigation');
    assert.deepEqual(result.executed, [], 'injected script ran');
    assert.deepEqual(result.dialogs, [], 'a dialog opened');
    assert.deepEqual(result.uncaught, []);
    assert.deepEqual(
      result.problemsAfterClicks.slice(0, 10),
      [],
      `${result.problemsAfterClicks.length} unsafe things rendered after the clicks`,
    );
    return result;
  }

  test('self-check: a javascript: link and an onerror handler planted in a card are found by the audit, and the click-through runs the link (so the detectors can fail)', async () => {
    const result = await attackAndWatch('<ik-contact-card id="planted" name="Dick Eriksson"></ik-contact-card>', {
      tamper: () => {
        const root = /** @type {ShadowRoot} */ (document.getElementById('planted')?.shadowRoot);
        const link = Object.assign(document.createElement('a'), { href: "javascript:__xss('planted link')", textContent: 'x' });
        const image = document.createElement('img');
        image.setAttribute('onerror', "__xss('planted img')");
        image.src = '/nowhere.png';
        root.querySelector('.card')?.append(link, image);
      },
    });
    assert.ok(
      result.problems.some((problem) => /href="javascript:/.test(problem)),
      'the audit finds the javascript: link',
    );
    assert.ok(
      result.problems.some((problem) => /unexpected <img>/.test(problem)),
      'the audit finds the <img>',
    );
    assert.ok(
      result.problems.some((problem) => /onerror/.test(problem)),
      'the audit finds the handler',
    );
    assert.ok(result.executed.includes('__xss(planted link)'), `clicking ran the planted link: ${result.executed.join(', ')}`);
    assert.ok(result.executed.includes('__xss(planted img)'), 'the probe saw the planted handler run');
  });

  test(`<ik-contact-card>: ${P.length} payloads in every field and plain attribute`, async () => {
    const body = P.map((payload, i) => {
      const { contact } = configs(payload, i);
      // A payload that is no phone number sends the card to its fallback (see the known bug
      // 'unsafe-phone'), so each payload also goes in once with real phone numbers, to render everywhere else.
      const withPhones = {
        ...contact,
        person: { ...contact.person, phones: [{ number: '0520-49 68 10', label: contact.person.name }] },
        unit: { ...contact.unit, phone: '0520-49 50 00' },
      };
      return `<ik-contact-card id="c${i}"${attrs({ 'data-config': contact })}><p>fallback</p></ik-contact-card>
<ik-contact-card id="d${i}"${attrs({ 'data-config': withPhones })}><p>fallback</p></ik-contact-card>
<ik-contact-card id="a${i}"${attrs({ name: payload, role: payload, phone: payload, email: payload })}><p>fallback</p></ik-contact-card>
<ik-contact-card id="b${i}"${attrs({ name: payload, role: payload, email: payload })}><p>fallback</p></ik-contact-card>`;
    }).join('\n');
    const result = await attack(body);
    assert.ok(result.cards >= 2 * P.length, `every card without a payload phone number rendered, payloads as text (${result.cards} cards)`);
    report(
      `${context.name} contact: ${result.count} cards audited, ${result.clicks} clicks on their links and buttons (${result.links} links)`,
    );
  });

  test('an unsafe phone number is dropped with a warning, as the contract says of unsafe URLs, not the whole card', async () => {
    const config = (/** @type {string} */ number) => ({
      person: { name: 'Dick Eriksson', phones: [{ number }, { number: '0520-49 68 10' }] },
    });
    const page = await open(
      context.browser,
      server.page(
        html({
          body: `<ik-contact-card id="json"${attrs({ 'data-config': config('javascript:alert(1)') })}></ik-contact-card>
<ik-contact-card id="attribute" name="Dick Eriksson" phone="javascript:alert(1)"></ik-contact-card>`,
        }),
      ),
    );
    assert.deepEqual(await outcomes(page), { json: 'card', attribute: 'card' });
    assert.ok(
      page.report.consoleWarnings.some((warning) => /not a safe phone/.test(warning)),
      'a warning names the dropped number',
    );
    await page.close();
  });

  test(`<ik-manifesto-card>: ${P.length} payloads in every field, inline and through data-config-src`, async () => {
    const body = P.map(
      (payload, i) =>
        `<ik-manifesto-card id="m${i}"${attrs({ 'data-config': configs(payload, i).manifesto })}><p>fallback</p></ik-manifesto-card>`,
    ).join('\n');
    // The same configurations fetched, as the network's shared file would be.
    P.forEach((payload, i) =>
      server.route(`/xss/manifesto-${i}.json`, (req, res) => {
        const text = JSON.stringify(configs(payload, i).manifesto);
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
      }),
    );
    const fetched = P.map(
      (_, i) => `<ik-manifesto-card id="f${i}" data-config-src="/xss/manifesto-${i}.json"><p>fallback</p></ik-manifesto-card>`,
    ).join('\n');
    const result = await attack(body + fetched);
    assert.equal(result.cards, 2 * P.length);
    report(
      `${context.name} manifesto: ${result.count} cards audited, ${result.clicks} clicks on their links and buttons (${result.links} links)`,
    );
  });

  test(`<ik-share-form>: ${P.length} payloads in every field and attribute, typed into the form, and echoed back by a hostile endpoint`, async () => {
    const body = P.map((payload, i) => {
      const { share } = configs(payload, i);
      // Mail-program mode (the payload endpoint is dropped or kept), attribute mode, and form mode posting to the echo.
      return `<ik-share-form id="s${i}"${attrs({ 'data-config': share })}><p>fallback</p></ik-share-form>
<ik-share-form id="a${i}"${attrs({ endpoint: payload, url: payload, 'page-title': payload })}><p>fallback</p></ik-share-form>
<ik-share-form id="e${i}"${attrs({ endpoint: '/xss/echo-errors', 'data-config': { ...share, endpoint: undefined } })}><p>fallback</p></ik-share-form>`;
    }).join('\n');
    const mark = server.log.length;
    const result = await attack(body, {
      interact: async (page) => {
        // A visitor types the payload; the addresses are valid so that the form posts it.
        await page.evaluate(async (payloads) => {
          payloads.forEach((payload, i) => {
            const root = document.getElementById(`e${i}`)?.shadowRoot;
            if (!root) return;
            for (const [id, value] of Object.entries({ to: 'van@example.se', name: payload, from: 'jag@example.se', message: payload })) {
              const field = /** @type {HTMLInputElement} */ (root.getElementById(id));
              field.value = value;
              field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
            }
          });
        }, P);
      },
    });
    assert.equal(result.cards, 3 * P.length);
    const posted = server.since(mark).filter((entry) => entry.path == '/xss/echo-errors').length;
    // The form itself refuses a message over 500 characters, so those payloads are never sent.
    assert.equal(posted, P.filter((payload) => payload.length <= 500).length, 'every form whose message fits posted its payload');
    report(
      `${context.name} share form: ${result.count} forms audited, ${result.clicks} clicks on their links and buttons (${result.links} links), ${posted} payloads posted and echoed back as field errors`,
    );
  });
});
