/**
 * Element lifecycle: created before and after the script loads, moved, removed and re-added,
 * cloned; a `data-config-src` fetch is aborted when its element is removed; and 1,000
 * create/remove cycles leave nothing behind (heap, listeners, observers, instances, measured
 * through the DevTools protocol in Chromium).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from './server.mjs';
import {
  allThree,
  eachBrowser,
  fallbackText,
  fillShareForm,
  html,
  open,
  outcomes,
  probe,
  report,
  seed,
  shareFormValues,
} from './harness.mjs';

const CYCLES = 1000;
const ESM = '/dist/industrikommun-widgets.js';

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
before(async () => {
  server = await startServer();
});
after(() => server.close());

/** Polls a condition in Node (for what the server sees). @param {() => boolean} condition */
async function eventually(condition, timeout = 5000) {
  for (const start = Date.now(); Date.now() - start < timeout; await sleep(20)) if (condition()) return true;
  return condition();
}

eachBrowser('Element lifecycle', (context) => {
  /** @param {import('./harness.mjs').Page} page */
  const assertClean = async (page) => {
    const seen = await probe(page);
    assert.deepEqual([...seen.errors, ...seen.rejections, ...page.report.pageErrors, ...page.report.consoleErrors], [], 'no errors');
  };

  for (const [kind, src] of [
    ['ES module', ESM],
    ['IIFE', '/dist/industrikommun-widgets.iife.js'],
  ]) {
    test(`elements in the page before the script (${kind}) show their fallback, then upgrade to cards when it loads`, async () => {
      const page = await open(context.browser, server.page(html({ body: allThree(), scripts: [] })));
      const before = await page.evaluate(() => ['contact', 'manifesto', 'share'].map((id) => document.getElementById(id).innerText.trim()));
      assert.deepEqual(
        before,
        [fallbackText.contact, fallbackText.manifesto, fallbackText.share],
        'the fallback is readable before the script',
      );
      await page.evaluate(
        (src, module) => {
          const script = document.createElement('script');
          if (module) script.type = 'module';
          script.src = src;
          document.head.append(script);
        },
        src,
        kind == 'ES module',
      );
      assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
      await assertClean(page);
      await page.close();
    });
  }

  test('elements created after the script loaded, and ones created before it (configured by attribute or by property) but attached after, become cards', async () => {
    const page = await open(context.browser, server.page(html({ body: '<main id="main"></main>', scripts: [] })));
    await page.evaluate((contact) => {
      // Created while the tag is still unknown, attached once it is defined.
      const early = document.createElement('ik-contact-card');
      early.id = 'early';
      early.setAttribute('data-config', JSON.stringify(contact));
      /** @type {any} */ (window).early = early;
      // And one configured by the `config` property while its tag is still unknown.
      const earlyProperty = /** @type {any} */ (document.createElement('ik-contact-card'));
      earlyProperty.id = 'early-property';
      earlyProperty.config = contact;
      /** @type {any} */ (window).earlyProperty = earlyProperty;
    }, seed.contact);
    await page.evaluate((src) => import(src), ESM);
    await page.evaluate(
      (contact, share) => {
        const main = document.getElementById('main');
        main.append(/** @type {any} */ (window).early, /** @type {any} */ (window).earlyProperty);
        for (const [tag, id, attributes] of /** @type {const} */ ([
          ['ik-contact-card', 'contact', { name: 'Dick Eriksson', role: 'Näringslivschef', phone: '0520-49 68 10' }],
          ['ik-manifesto-card', 'manifesto', { 'data-config-src': '/seed/manifesto.json' }],
          ['ik-share-form', 'share', { endpoint: '/api/share', 'data-config': JSON.stringify(share) }],
        ])) {
          const element = document.createElement(tag);
          element.id = id;
          for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
          main.append(element);
        }
        // And one configured only through the `config` property.
        const scripted = /** @type {any} */ (document.createElement('ik-contact-card'));
        scripted.id = 'scripted';
        scripted.config = contact;
        main.append(scripted);
      },
      seed.contact,
      seed.share,
    );
    assert.deepEqual(await outcomes(page), {
      early: 'card',
      'early-property': 'card',
      contact: 'card',
      manifesto: 'card',
      share: 'card',
      scripted: 'card',
    });
    await assertClean(page);
    await page.close();
  });

  test('moved in the DOM: the card stays, takes the language of its new place, and the share form keeps what was typed', async () => {
    const page = await open(context.browser, server.page(html({ body: allThree() + '<section id="english" lang="en"></section>' })));
    assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
    await fillShareForm(page, { to: 'van@example.se', message: 'Hej!' });
    const texts = await page.evaluate(async () => {
      const e2e = /** @type {any} */ (window).__e2e;
      const ids = ['contact', 'manifesto', 'share'];
      const elements = ids.map((id) => /** @type {any} */ (document.getElementById(id)));
      document.getElementById('english').append(...elements);
      await Promise.all(elements.map((element) => e2e.settle(element)));
      const english = elements.map((element) => `${e2e.state(element)}: ${e2e.text(element).slice(0, 40)}`);
      document.querySelector('main').append(...elements);
      await Promise.all(elements.map((element) => e2e.settle(element)));
      const swedish = elements.map((element) => `${e2e.state(element)}: ${e2e.text(element).slice(0, 40)}`);
      return { english, swedish };
    });
    assert.match(texts.english[0], /^card: Contact/);
    assert.match(texts.english[1], /^card: Industrial renewal/);
    assert.match(texts.english[2], /^card: Tell a friend/);
    assert.match(texts.swedish[0], /^card: Kontakt/);
    assert.match(texts.swedish[1], /^card: Industriell förnyelse/);
    assert.match(texts.swedish[2], /^card: Tipsa en vän/);
    assert.deepEqual(await shareFormValues(page), { to: 'van@example.se', name: '', from: '', message: 'Hej!' });
    await assertClean(page);
    await page.close();
  });

  test('removed and re-added: still a card, still one shadow tree, the typed text kept', async () => {
    const mark = server.log.length;
    const page = await open(context.browser, server.page(html({ body: allThree() })));
    assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
    await fillShareForm(page, { name: 'Anna' });
    await page.evaluate(async () => {
      const main = document.querySelector('main');
      const elements = [...main.children];
      for (let i = 0; i < 5; i++) {
        elements.forEach((element) => element.remove());
        await new Promise((done) => setTimeout(done, 20));
        main.append(...elements);
        await Promise.all(elements.map((element) => /** @type {any} */ (element).updateComplete));
      }
    });
    assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
    const cards = await page.evaluate(() =>
      ['contact', 'manifesto', 'share'].map((id) => document.getElementById(id).shadowRoot.querySelectorAll('.card').length),
    );
    assert.deepEqual(cards, [1, 1, 1], 'nothing rendered twice');
    assert.equal((await shareFormValues(page)).name, 'Anna');
    // It had loaded before the first removal: coming back costs no new request.
    assert.equal(
      server.since(mark).filter((entry) => entry.path == '/seed/manifesto.json').length,
      1,
      'the manifesto file was fetched once',
    );
    await assertClean(page);
    await page.close();
  });

  test('cloned (cloneNode(true)): each clone renders its own card from the cloned attributes and fallback', async () => {
    const page = await open(context.browser, server.page(html({ body: allThree() + '<aside id="clones"></aside>' })));
    assert.deepEqual(await outcomes(page), { contact: 'card', manifesto: 'card', share: 'card' });
    const result = await page.evaluate(async () => {
      const e2e = /** @type {any} */ (window).__e2e;
      const clones = ['contact', 'manifesto', 'share'].map((id) => {
        const clone = /** @type {HTMLElement} */ (document.getElementById(id).cloneNode(true));
        clone.id = `${id}-clone`;
        return clone;
      });
      document.getElementById('clones').append(...clones);
      const outcomes = await Promise.all(clones.map((clone) => e2e.outcome(clone)));
      return { outcomes, shadowRoots: clones.map((clone) => clone.shadowRoot?.querySelectorAll('.card').length) };
    });
    assert.deepEqual(result.outcomes, ['card', 'card', 'card']);
    assert.deepEqual(result.shadowRoots, [1, 1, 1]);
    await assertClean(page);
    await page.close();
  });

  test('a data-config-src fetch is aborted when its element is removed, and starts again when it is re-added', async () => {
    // First request hangs; any later one answers at once.
    let requests = 0;
    const id = `abort-${context.name}`;
    server.route(`/config/hang-once-${context.name}`, (req, res) => {
      if (requests++ == 0) return void res.on('close', () => undefined);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(seed.manifesto));
    });
    const body = `<ik-manifesto-card id="manifesto" data-config-src="/config/hang-once-${context.name}?id=${id}"><p>${fallbackText.manifesto}</p></ik-manifesto-card>`;
    const page = await open(context.browser, server.page(html({ body })));
    assert.ok(await eventually(() => requests == 1), 'the fetch started');
    assert.equal(server.abandoned.has(id), false);
    await page.evaluate(() => {
      const element = document.getElementById('manifesto');
      /** @type {any} */ (window).removed = element;
      element.remove();
    });
    assert.ok(await eventually(() => server.abandoned.has(id)), 'the browser dropped the request when the element was removed');
    await page.evaluate(() => document.body.append(/** @type {any} */ (window).removed));
    assert.deepEqual(await outcomes(page), { manifesto: 'card' });
    assert.equal(requests, 2, 'fetched again once re-added');
    await assertClean(page);
    await page.close();
  });

  /**
   * A page whose `cycle(n)` creates, attaches, renders and removes all three elements `n` times
   * (every tenth manifesto removed mid-fetch, languages switching meanwhile).
   */
  async function cyclingPage() {
    const page = await open(context.browser, server.page(html({ body: '<main id="main"></main>' })));
    await page.evaluate(() => customElements.whenDefined('ik-share-form'));
    /** @param {number} cycles */
    const cycle = (cycles) =>
      page.evaluate(
        async (cycles, contact, manifesto, share) => {
          const main = /** @type {HTMLElement} */ (document.getElementById('main'));
          for (let i = 0; i < cycles; i++) {
            const elements = [
              Object.assign(document.createElement('ik-contact-card'), { config: contact }),
              document.createElement('ik-manifesto-card'),
              document.createElement('ik-share-form'),
            ];
            elements[1].setAttribute('data-config', JSON.stringify(manifesto));
            // Every tenth manifesto is mid-fetch when removed: its aborted request must not leak either.
            if (i % 10 == 0) elements[1].setAttribute('data-config-src', `/config/hang?id=cycle-${i}`);
            elements[2].setAttribute('endpoint', '/api/share');
            elements[2].setAttribute('data-config', JSON.stringify(share));
            elements[0].setAttribute('lang', i % 2 ? 'en' : 'sv');
            main.append(...elements);
            await Promise.all(elements.map((element) => /** @type {any} */ (element).updateComplete));
            // A language change while attached exercises the shared `lang` observer.
            document.documentElement.lang = i % 3 ? 'sv' : 'en';
            elements.forEach((element) => element.remove());
          }
          document.documentElement.lang = 'sv';
        },
        cycles,
        seed.contact,
        seed.manifesto,
        seed.share,
      );
    await cycle(20); // warm-up: JIT, Lit's template cache, style sheets
    return { page, cycle };
  }

  test(`${CYCLES} create/remove cycles of all three run without an error, and elements made afterwards still follow a lang change`, async () => {
    const { page, cycle } = await cyclingPage();
    const started = Date.now();
    await cycle(CYCLES);
    const seconds = (Date.now() - started) / 1000;
    const after = await page.evaluate(async (contact) => {
      const element = /** @type {any} */ (Object.assign(document.createElement('ik-contact-card'), { config: contact }));
      document.body.append(element);
      await element.updateComplete;
      document.documentElement.lang = 'en';
      await /** @type {any} */ (window).__e2e.until(() => /** @type {any} */ (window).__e2e.text(element).startsWith('Contact'), 2000);
      return /** @type {any} */ (window).__e2e.text(element).slice(0, 7);
    }, seed.contact);
    assert.equal(after, 'Contact', 'the shared lang observer started again for a new element');
    await assertClean(page);
    report(`${context.name}: ${CYCLES} cycles × 3 elements in ${seconds.toFixed(1)} s`);
    await page.close();
  });

  test(`${CYCLES} create/remove cycles leave no instances, observers, listeners or heap behind (measured through the DevTools protocol)`, async (t) => {
    if (context.name != 'chromium') {
      const reason =
        'heap, listener and object counts need the DevTools protocol (HeapProfiler, Performance.getMetrics, Runtime.queryObjects), which Firefox over WebDriver BiDi does not offer';
      report(`SKIPPED (${context.name}): leak measurement: ${reason}`);
      return t.skip(reason);
    }
    const { page, cycle } = await cyclingPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    /** Live objects whose prototype `expression` gives. @param {string} expression */
    const live = async (expression) => {
      const prototype = await page.evaluateHandle(expression);
      const objects = await page.queryObjects(prototype);
      const count = await objects.evaluate((list) => list.length);
      await Promise.all([prototype.dispose(), objects.dispose()]);
      return count;
    };
    const measure = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
      return {
        heap: metric.JSHeapUsedSize,
        listeners: metric.JSEventListeners,
        nodes: metric.Nodes,
        contactCards: await live("customElements.get('ik-contact-card').prototype"),
        manifestoCards: await live("customElements.get('ik-manifesto-card').prototype"),
        shareForms: await live("customElements.get('ik-share-form').prototype"),
        mutationObservers: await live('MutationObserver.prototype'),
        abortControllers: await live('AbortController.prototype'),
      };
    };
    // The counters can see what they count: one attached card holds one instance and the lang observer.
    await page.evaluate(
      (contact) => document.body.append(Object.assign(document.createElement('ik-contact-card'), { id: 'sensor', config: contact })),
      seed.contact,
    );
    const attached = await measure();
    assert.ok(
      attached.contactCards >= 1 && attached.mutationObservers >= 1,
      `an attached card is counted (${attached.contactCards} cards, ${attached.mutationObservers} observers)`,
    );
    await page.evaluate(() => document.getElementById('sensor')?.remove());

    const start = await measure();
    await cycle(CYCLES);
    await sleep(200); // let the aborted fetches settle
    const end = await measure();
    const delta = Object.fromEntries(
      Object.keys(start).map((key) => [key, end[/** @type {keyof typeof end} */ (key)] - start[/** @type {keyof typeof start} */ (key)]]),
    );
    report(
      `chromium: after ${CYCLES} cycles × 3 elements and GC: JS heap ${(start.heap / 1e6).toFixed(2)} MB → ${(end.heap / 1e6).toFixed(2)} MB ` +
        `(${delta.heap >= 0 ? '+' : ''}${(delta.heap / 1024).toFixed(0)} KB), event listeners ${start.listeners} → ${end.listeners}, DOM nodes ${start.nodes} → ${end.nodes}, ` +
        `live instances ${end.contactCards}/${end.manifestoCards}/${end.shareForms}, MutationObservers ${start.mutationObservers} → ${end.mutationObservers}, ` +
        `AbortControllers ${start.abortControllers} → ${end.abortControllers}`,
    );
    assert.deepEqual([end.contactCards, end.manifestoCards, end.shareForms], [0, 0, 0], 'every removed element was garbage-collected');
    assert.ok(end.mutationObservers <= start.mutationObservers, 'no MutationObserver left behind');
    assert.ok(end.abortControllers <= start.abortControllers, 'no AbortController left behind');
    assert.ok(delta.listeners <= 0, `no event listeners left behind (${delta.listeners})`);
    assert.ok(delta.nodes <= 50, `no DOM nodes left behind (${delta.nodes})`);
    // 3,000 leaked cards would hold megabytes; a few hundred KB is the engine's own caches.
    assert.ok(delta.heap < 1_000_000, `the heap grew by ${delta.heap} bytes`);
    await assertClean(page);
    await page.close();
  });
});
