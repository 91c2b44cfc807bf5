/**
 * Network faults, for `data-config-src` and for the share form's POST: no network, a slow
 * answer, no answer at all (the contract's 15 s), a 500, an HTML error page instead of JSON, a
 * huge response and a dropped connection. Each gets the contract's behaviour, with no hang and no
 * unhandled rejection. And CORS for a `data-config-src` on another origin, with no cookies sent.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startServer, MAX_CONFIG_CHARS } from './server.mjs';
import { attrs, eachBrowser, event, fallbackText, html, open, outcomes, probe, report, seed, shareFormValues } from './harness.mjs';

/** The contract's limit for a share POST and a `data-config-src` fetch. */
const CONTRACT_TIMEOUT_MS = 15_000;

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {Awaited<ReturnType<typeof startServer>>} another origin, which allows CORS on /seed/ */
let otherOrigin;
/** A port nothing listens on: connection refused, as when a server is down. */
let closedPort = 0;
before(async () => {
  server = await startServer();
  otherOrigin = await startServer({ cors: true });
  const probeServer = createServer();
  await new Promise((done) => probeServer.listen(0, '127.0.0.1', () => done(undefined)));
  closedPort = /** @type {import('node:net').AddressInfo} */ (probeServer.address()).port;
  await new Promise((done) => probeServer.close(() => done(undefined)));
});
after(async () => {
  await server.close();
  await otherOrigin.close();
});

/** A manifesto that loads from `src`. @param {string} id @param {string} src */
const manifesto = (id, src) =>
  `<ik-manifesto-card id="${id}"${attrs({ 'data-config-src': src })}><p>${fallbackText.manifesto}</p></ik-manifesto-card>`;

/** A share form posting to `endpoint`. @param {string} id @param {string} endpoint */
const shareForm = (id, endpoint) =>
  `<ik-share-form id="${id}"${attrs({ endpoint, 'data-config': seed.share })}><p>${fallbackText.share}</p></ik-share-form>`;

/**
 * Types a valid message into each form (to a recipient of its own) and submits it, all at once.
 * @param {import('./harness.mjs').Page} page @param {string[]} ids
 */
const submitAll = (page, ids) =>
  page.evaluate((ids) => {
    for (const id of ids) {
      const root = /** @type {ShadowRoot} */ (document.getElementById(id)?.shadowRoot);
      const typed = {
        to: `${id}.${Math.random().toString(36).slice(2)}@example.se`,
        name: 'Anna Andersson',
        from: 'anna@example.se',
        message: `Hej från ${id}`,
      };
      for (const [field, value] of Object.entries(typed)) {
        const input = /** @type {HTMLInputElement} */ (root.getElementById(field));
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      /** @type {any} */ (window).__typed ??= {};
      /** @type {any} */ (window).__typed[id] = typed;
      /** @type {HTMLButtonElement} */ (root.querySelector('button[part=submit]')).click();
    }
  }, ids);

/**
 * What a share form shows after its send: the event it fired, its status line, its button, and
 * whether what was typed is still there.
 * @param {import('./harness.mjs').Page} page @param {string} id
 */
async function sendResult(page, id, timeout = 5000) {
  const started = Date.now();
  const fired = await page.evaluate(
    async (id, timeout) => {
      const e2e = /** @type {any} */ (window).__e2e;
      const seen = /** @type {any} */ (window).__probe;
      await e2e.until(() => seen.events.some((/** @type {any} */ e) => e.id == id && /ik-share-(success|error)/.test(e.type)), timeout);
      return seen.events.find((/** @type {any} */ e) => e.id == id && /ik-share-(success|error)/.test(e.type)) ?? null;
    },
    id,
    timeout,
  );
  const shown = await page.evaluate((id) => {
    const root = /** @type {ShadowRoot} */ (document.getElementById(id)?.shadowRoot);
    return {
      status: root.querySelector('[part=status]')?.textContent?.trim() ?? '',
      submit: root.querySelector('button[part=submit]')?.textContent?.trim() ?? '',
      fieldErrors: [...root.querySelectorAll('[aria-invalid=true]')].map((field) => field.id),
      summary: root.querySelector('[part=summary]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      typed: /** @type {any} */ (window).__typed?.[id],
    };
  }, id);
  return { fired, ms: Date.now() - started, ...shown, values: await shareFormValues(page, id) };
}

/**
 * Takes the page offline and waits until a request really fails: the switch reaches the network
 * stack a moment after the protocol call returns.
 * @param {import('./harness.mjs').Page} page
 */
async function goOffline(page) {
  await page.setOfflineMode(true);
  const offline = await page.evaluate(async () => {
    for (let i = 0; i < 50; i++) {
      if (
        await fetch(`/favicon.ico?offline-check=${i}`).then(
          () => false,
          () => true,
        )
      )
        return true;
      await new Promise((done) => setTimeout(done, 20));
    }
    return false;
  });
  assert.ok(offline, 'the page went offline');
}

/** Uncaught errors: the probe's, and the browser's, less Firefox's CORS diagnostics (network messages, not exceptions). @param {import('./harness.mjs').Page} page */
async function uncaught(page) {
  const seen = await probe(page);
  return [...seen.errors, ...seen.rejections, ...page.report.pageErrors.filter((text) => !/^Cross-Origin Request Blocked/.test(text))];
}

eachBrowser('Network faults', (context) => {
  /** @type {Promise<{config: any, share: any}> | undefined} the 15 s cases, started first and checked last */
  let noAnswer;

  before(async () => {
    // Nothing answers: both must give up after the contract's 15 s. Started now, so the wait overlaps the other tests.
    const body = manifesto('hang', '/config/hang?id=hang-' + context.name) + shareForm('share-hang', '/share-faults/hang');
    const page = await open(context.browser, server.page(html({ body })));
    const started = Date.now();
    await submitAll(page, ['share-hang']);
    noAnswer = (async () => {
      const [config, share] = await Promise.all([
        page.evaluate(() => /** @type {any} */ (window).__e2e.outcome(document.getElementById('hang'), 25_000)),
        sendResult(page, 'share-hang', 25_000),
      ]);
      const seen = await probe(page);
      await page.close();
      return { config, configMs: Date.now() - started, share, seen };
    })();
  });

  test('data-config-src: a 500, a 404, an HTML page, a dropped connection, a refused connection, and a file over the size limit (with and without Content-Length) each end in the fallback with a precise error, fast', async () => {
    const cases = {
      status500: ['/config/status?status=500', /500/],
      status404: ['/config/status?status=404', /404/],
      htmlPage: ['/config/html', /JSON/],
      dropped: ['/config/drop', /network|failed/i],
      refused: [`http://127.0.0.1:${closedPort}/manifest.json`, /network|failed/i],
      huge: ['/config/huge', /too large/],
      hugeChunked: ['/config/huge?chunked=1', /too large/],
    };
    const started = Date.now();
    const page = await open(
      context.browser,
      server.page(
        html({
          body: Object.entries(cases)
            .map(([id, [src]]) => manifesto(id, /** @type {string} */ (src)))
            .join('\n'),
        }),
      ),
    );
    const ended = await outcomes(page, 10_000);
    const seconds = (Date.now() - started) / 1000;
    assert.deepEqual(ended, Object.fromEntries(Object.keys(cases).map((id) => [id, 'fallback'])));
    const seen = await probe(page);
    for (const [id, [, pattern]] of Object.entries(cases)) {
      const errors = seen.configErrors.filter((/** @type {any} */ error) => error.id == id);
      assert.equal(errors.length, 1, `${id}: one ik-config-error`);
      assert.equal(errors[0].source, 'data-config-src', `${id}: names the source`);
      assert.match(errors[0].message, /** @type {RegExp} */ (pattern), `${id}: says what went wrong: ${errors[0].message}`);
    }
    const visible = await page.evaluate(() =>
      [...document.querySelectorAll('ik-manifesto-card')].map((element) => /** @type {HTMLElement} */ (element).innerText.trim()),
    );
    assert.ok(
      visible.every((text) => text == fallbackText.manifesto),
      'the fallback is what a visitor reads',
    );
    assert.equal(
      page.report.consoleErrors.filter((text) => text.includes('<ik-manifesto-card>')).length,
      Object.keys(cases).length,
      'one console.error each',
    );
    assert.deepEqual(await uncaught(page), [], 'no unhandled rejection');
    assert.ok(seconds < 10, `no hang: ${seconds} s`);
    report(`${context.name}: data-config-src faults (${Object.keys(cases).join(', ')}) all in the fallback after ${seconds.toFixed(1)} s`);
    await page.close();
  });

  test('data-config-src: a slow answer shows the fallback meanwhile, then the card; a large file under the limit renders', async () => {
    const page = await open(
      context.browser,
      server.page(
        html({ body: manifesto('slow', '/config/slow?ms=3000') + manifesto('large', `/config/huge?chars=${MAX_CONFIG_CHARS - 1000}`) }),
      ),
    );
    const meanwhile = await page.evaluate(() => {
      const element = /** @type {HTMLElement} */ (document.getElementById('slow'));
      return { state: /** @type {any} */ (window).__e2e.state(element), text: element.innerText.trim() };
    });
    assert.deepEqual(meanwhile, { state: 'fallback', text: fallbackText.manifesto }, 'the fallback while waiting');
    assert.deepEqual(await outcomes(page, 8000), { slow: 'card', large: 'card' });
    const seen = await probe(page);
    assert.deepEqual(seen.configErrors, []);
    assert.deepEqual(await uncaught(page), []);
    await page.close();
  });

  test('data-config-src with no network at all (offline): the fallback and an error, no rejection', async () => {
    const page = await open(context.browser, server.page(html({ body: '<main></main>' })));
    await page.evaluate(() => customElements.whenDefined('ik-manifesto-card'));
    await goOffline(page);
    await page.evaluate((fallback) => {
      const element = document.createElement('ik-manifesto-card');
      element.id = 'offline';
      element.setAttribute('data-config-src', '/seed/manifesto.json?offline');
      element.append(Object.assign(document.createElement('p'), { textContent: fallback }));
      document.querySelector('main')?.append(element);
    }, fallbackText.manifesto);
    assert.deepEqual(await outcomes(page), { offline: 'fallback' });
    await page.setOfflineMode(false);
    const seen = await probe(page);
    assert.match(seen.configErrors[0]?.message ?? '', /network|failed/i);
    assert.deepEqual(await uncaught(page), []);
    await page.close();
  });

  test('data-config-src on another origin: allowed by CORS it renders; without Access-Control-Allow-Origin the fallback; never with cookies', async () => {
    const page = await open(context.browser, server.page(html({ body: '<main></main>' })));
    // A cookie for this host: the other origin (another port, same host) would get it with a credentialed request.
    await page.evaluate(() => void (document.cookie = 'kommun-session=hemlig; path=/'));
    const mark = otherOrigin.log.length;
    await page.evaluate(
      (allowed, refused, fallback) => {
        for (const [id, src] of [
          ['allowed', allowed],
          ['refused', refused],
        ]) {
          const element = document.createElement('ik-manifesto-card');
          element.id = id;
          element.setAttribute('data-config-src', src);
          element.append(Object.assign(document.createElement('p'), { textContent: fallback }));
          document.querySelector('main')?.append(element);
        }
      },
      otherOrigin.url('/seed/manifesto.json'),
      otherOrigin.url('/seed/manifesto.json?cors=0'),
      fallbackText.manifesto,
    );
    assert.deepEqual(await outcomes(page), { allowed: 'card', refused: 'fallback' });
    const requests = otherOrigin.since(mark).filter((entry) => entry.path == '/seed/manifesto.json');
    assert.equal(requests.length, 2);
    for (const request of requests) {
      assert.equal(request.headers.origin, server.origin, 'a CORS request, with the page as Origin');
      assert.equal(request.headers.cookie, undefined, 'no cookies sent');
    }
    const seen = await probe(page);
    assert.equal(seen.configErrors.length, 1);
    assert.equal(seen.configErrors[0].id, 'refused');
    assert.deepEqual(await uncaught(page), []);
    await page.close();
  });

  test('share POST: 500, HTML error page (502), dropped connection, refused connection and a huge error page each show an error with a way to try again, keep what was typed, and fire ik-share-error', async () => {
    const cases = {
      s500: ['/api/share?fault=500', 500],
      s502html: ['/share-faults/html?status=502', 502],
      s422html: ['/share-faults/html?status=422', 422],
      dropped: ['/api/share?fault=drop', 0],
      refused: [`http://127.0.0.1:${closedPort}/api/share`, 0],
      hugeError: ['/share-faults/huge?status=500', 500],
    };
    const page = await open(
      context.browser,
      server.page(
        html({
          body: Object.entries(cases)
            .map(([id, [endpoint]]) => shareForm(id, String(endpoint)))
            .join('\n'),
        }),
      ),
    );
    await outcomes(page);
    await submitAll(page, Object.keys(cases));
    for (const [id, [, status]] of Object.entries(cases)) {
      const result = await sendResult(page, id);
      assert.equal(result.fired?.type, 'ik-share-error', `${id}: ik-share-error`);
      assert.equal(result.fired?.detail.status, status, `${id}: status ${status}`);
      assert.equal(typeof result.fired?.detail.message, 'string', `${id}: a message`);
      assert.match(result.status, /kunde inte skickas/, `${id}: says it failed: "${result.status}"`);
      assert.equal(result.submit, 'Skicka', `${id}: the send button keeps its name (the notice says to press it again)`);
      assert.match(result.status, /Tryck på Skicka för att försöka igen/, `${id}: says how to try again`);
      assert.deepEqual(
        result.values,
        { to: result.typed.to, name: result.typed.name, from: result.typed.from, message: result.typed.message },
        `${id}: nothing typed is lost`,
      );
      assert.ok(result.ms < 10_000, `${id}: no hang (${result.ms} ms)`);
    }
    // Trying again works once the endpoint is back: the same form, the same typed text.
    await page.evaluate(() => document.getElementById('s500')?.setAttribute('endpoint', '/api/share'));
    await page.evaluate(async () => {
      const element = /** @type {any} */ (document.getElementById('s500'));
      await element.updateComplete;
      element.shadowRoot.querySelector('button[part=submit]').click();
    });
    assert.ok(await event(page, 'ik-share-success', 's500'), 'the retry succeeded');
    await probe(page);
    assert.deepEqual(await uncaught(page), [], 'no unhandled rejection');
    await page.close();
  });

  test('share POST: 422 puts the server’s messages at their fields; 429 says "try again later" with the Retry-After time; a 2xx HTML or huge answer is a success', async () => {
    const cases = ['s422', 's429', 'ok-html', 'ok-huge'];
    const endpoints = ['/api/share?fault=422', '/api/share?fault=429', '/api/share?fault=html', '/share-faults/huge?status=200'];
    const page = await open(context.browser, server.page(html({ body: cases.map((id, i) => shareForm(id, endpoints[i])).join('\n') })));
    await outcomes(page);
    await submitAll(page, cases);
    const s422 = await sendResult(page, 's422');
    assert.equal(s422.fired?.detail.status, 422);
    assert.deepEqual(s422.fieldErrors, ['to'], 'the message is at the recipient field');
    assert.match(s422.summary, /Servern säger nej/, 'and in the error summary');
    assert.deepEqual(s422.values, { to: s422.typed.to, name: s422.typed.name, from: s422.typed.from, message: s422.typed.message });
    const s429 = await sendResult(page, 's429');
    assert.equal(s429.fired?.detail.status, 429);
    assert.match(s429.status, /för många.*2 minuter/i, `Retry-After: 120 is said as 2 minutes: "${s429.status}"`);
    assert.deepEqual(s429.values, { to: s429.typed.to, name: s429.typed.name, from: s429.typed.from, message: s429.typed.message });
    for (const id of ['ok-html', 'ok-huge']) {
      const result = await sendResult(page, id);
      assert.equal(result.fired?.type, 'ik-share-success', `${id}: a 2xx is a success`);
      assert.match(result.status, /Tack/);
    }
    await probe(page);
    assert.deepEqual(await uncaught(page), []);
    await page.close();
  });

  test('share POST: a slow answer shows "sending", a second submit meanwhile sends nothing, then success', async () => {
    const mark = server.log.length;
    const page = await open(context.browser, server.page(html({ body: shareForm('slow', '/api/share?fault=slow&ms=1500') })));
    await outcomes(page);
    await submitAll(page, ['slow']);
    const during = await page.evaluate(async () => {
      const root = /** @type {ShadowRoot} */ (document.getElementById('slow')?.shadowRoot);
      await new Promise((done) => setTimeout(done, 200));
      const status = root.querySelector('[part=status]')?.textContent?.trim();
      /** @type {HTMLButtonElement} */ (root.querySelector('button[part=submit]')).click();
      /** @type {HTMLButtonElement} */ (root.querySelector('button[part=submit]')).click();
      return status;
    });
    assert.match(during ?? '', /Skickar/);
    const result = await sendResult(page, 'slow');
    assert.equal(result.fired?.type, 'ik-share-success');
    assert.equal(server.since(mark).filter((entry) => entry.method == 'POST').length, 1, 'one POST, not three');
    await page.close();
  });

  test('share POST with no network at all (offline): an error with a way to try again, what was typed kept', async () => {
    const page = await open(context.browser, server.page(html({ body: shareForm('offline', '/api/share') })));
    await outcomes(page);
    await goOffline(page);
    await submitAll(page, ['offline']);
    const result = await sendResult(page, 'offline');
    await page.setOfflineMode(false);
    assert.equal(result.fired?.type, 'ik-share-error');
    assert.equal(result.fired?.detail.status, 0);
    assert.equal(result.submit, 'Skicka');
    assert.deepEqual(result.values, {
      to: result.typed.to,
      name: result.typed.name,
      from: result.typed.from,
      message: result.typed.message,
    });
    await page.close();
  });

  test(`no answer at all: data-config-src and the share POST both give up after the contract's ${CONTRACT_TIMEOUT_MS / 1000} s`, async () => {
    const result = await /** @type {Promise<any>} */ (noAnswer);
    assert.equal(result.config, 'fallback', 'the manifesto fell back');
    const configError = result.seen.configErrors.find((/** @type {any} */ error) => error.id == 'hang');
    assert.match(configError?.message ?? '', /15 s/, 'and says it got no answer');
    assert.ok(server.abandoned.has(`hang-${context.name}`), 'the request was aborted, not left open');
    assert.equal(result.share.fired?.type, 'ik-share-error');
    assert.equal(result.share.fired?.detail.status, 0);
    assert.equal(result.share.submit, 'Skicka');
    assert.deepEqual(result.share.values, {
      to: result.share.typed.to,
      name: result.share.typed.name,
      from: result.share.typed.from,
      message: result.share.typed.message,
    });
    assert.deepEqual([...result.seen.rejections], []);
    report(
      `${context.name}: no answer: the fallback after ${(result.configMs / 1000).toFixed(1)} s, the share form's error after ${(result.share.ms / 1000).toFixed(1)} s of waiting`,
    );
  });
});
