// Tests for the reference share endpoint: a real HTTP server on a free port and real fetch calls.
// Run with: node --test test/server/
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import {
  connectShareEndpoint,
  createShareEndpoint,
  koaShareEndpoint,
  validateShare,
} from '../../server/share-endpoint.js';

const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const SECOND = 1000;

const valid = () => ({
  to: 'anna@exempel.se',
  name: 'Bo Ek',
  from: 'bo@exempel.se',
  message: 'Titta på det här!\nHälsningar Bo',
  url: 'https://www.trollhattan.se/industri',
  title: 'Industriell förnyelse',
  lang: 'sv',
});

/** Starts `handler` (or an endpoint's handle, with a 404 fallback) on 127.0.0.1 at a free port. */
async function listen(handler) {
  const server = http.createServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))),
  };
}

/** An endpoint behind a server that answers 404 "not ours" whenever handle() returns false. */
async function start(options = {}) {
  const endpoint = createShareEndpoint(options);
  const server = await listen((req, res) => {
    if (!endpoint.handle(req, res)) res.writeHead(404).end('not ours');
  });
  return { endpoint, ...server };
}

const post = (base, path, body, headers = {}) =>
  fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const getOutbox = async (base) => (await fetch(`${base}/api/share/outbox`)).json();

function assertNoStore(res) {
  assert.equal(res.headers.get('cache-control'), 'no-store');
}

describe('validateShare', () => {
  // [expected field, changes to a valid body, expected Swedish message]
  const cases = [
    ['to', { to: undefined }, 'Skriv mottagarens e-postadress'],
    ['to', { to: '   ' }, 'Skriv mottagarens e-postadress'],
    ['to', { to: 'anna' }, 'Skriv mottagarens e-postadress i rätt format, till exempel namn@exempel.se'],
    ['to', { to: 'anna@exempel..se' }, 'Skriv mottagarens e-postadress i rätt format, till exempel namn@exempel.se'],
    ['to', { to: 'anna@-exempel.se' }, 'Skriv mottagarens e-postadress i rätt format, till exempel namn@exempel.se'],
    ['to', { to: 'åsa@exempel.se' }, 'Skriv mottagarens e-postadress i rätt format, till exempel namn@exempel.se'],
    ['to', { to: `${'a'.repeat(244)}@exempel.se` }, 'Skriv mottagarens e-postadress i rätt format, till exempel namn@exempel.se'],
    ['to', { to: 42 }, 'Skriv mottagarens e-postadress i rätt format, till exempel namn@exempel.se'],
    ['to', { to: 'anna@exempel.se\r\nBcc: many@spam.example' }, 'Skriv mottagarens e-postadress i rätt format, till exempel namn@exempel.se'],
    ['from', { from: '' }, 'Skriv din e-postadress'],
    ['from', { from: 'bo@' }, 'Skriv din e-postadress i rätt format, till exempel namn@exempel.se'],
    ['from', { from: ['bo@exempel.se'] }, 'Skriv din e-postadress i rätt format, till exempel namn@exempel.se'],
    ['from', { from: 'bo@exempel.se\nBcc: x@y.se' }, 'Skriv din e-postadress i rätt format, till exempel namn@exempel.se'],
    ['name', { name: '' }, 'Skriv ditt namn'],
    ['name', { name: ' \t ' }, 'Skriv ditt namn'],
    ['name', { name: 7 }, 'Skriv ditt namn'],
    ['name', { name: 'x'.repeat(101) }, 'Namnet får vara högst 100 tecken'],
    ['name', { name: 'Bo\r\nBcc: many@spam.example' }, 'Skriv namnet på en rad'],
    ['name', { name: 'Bo\n' }, 'Skriv namnet på en rad'],
    ['message', { message: '' }, 'Skriv ditt meddelande'],
    ['message', { message: { text: 'hej' } }, 'Skriv ditt meddelande'],
    ['message', { message: 'x'.repeat(501) }, 'Meddelandet får vara högst 500 tecken'],
    ['url', { url: undefined }, 'Sidans adress måste vara en webbadress som börjar med http:// eller https://'],
    ['url', { url: 'javascript:alert(1)' }, 'Sidans adress måste vara en webbadress som börjar med http:// eller https://'],
    ['url', { url: 'ftp://exempel.se/fil' }, 'Sidans adress måste vara en webbadress som börjar med http:// eller https://'],
    ['url', { url: 'inte en adress' }, 'Sidans adress måste vara en webbadress som börjar med http:// eller https://'],
    ['url', { url: 5 }, 'Sidans adress måste vara en webbadress som börjar med http:// eller https://'],
    ['title', { title: 'x'.repeat(301) }, 'Sidans titel måste vara text på en rad, högst 300 tecken'],
    ['title', { title: 'Rubrik\r\nBcc: many@spam.example' }, 'Sidans titel måste vara text på en rad, högst 300 tecken'],
    ['title', { title: 3 }, 'Sidans titel måste vara text på en rad, högst 300 tecken'],
    ['lang', { lang: 'de' }, 'Ange språket som sv eller en'],
    ['lang', { lang: 1 }, 'Ange språket som sv eller en'],
  ];
  for (const [field, patch, message] of cases) {
    it(`rejects ${field} = ${JSON.stringify(Object.values(patch)[0])?.slice(0, 40)}`, () => {
      assert.deepEqual(validateShare({ ...valid(), ...patch }), { errors: { [field]: message } });
    });
  }

  it('accepts a valid body, trims it and ignores unknown fields (the honeypot too)', () => {
    const body = { ...valid(), to: '  anna@exempel.se ', name: ' Bo Ek ', website: '', extra: 1 };
    assert.deepEqual(validateShare(body), { value: valid() });
  });

  it('accepts the limits exactly, addresses the HTML standard allows, and no title', () => {
    const body = {
      ...valid(),
      to: `${'a'.repeat(243)}@exempel.se`, // 254 characters
      from: "o'brien+tips@sub.exempel",
      name: 'x'.repeat(100),
      message: 'x'.repeat(500),
      title: undefined,
      lang: undefined,
    };
    assert.equal(body.to.length, 254);
    const result = validateShare(body);
    assert.ok('value' in result, JSON.stringify(result));
    assert.equal(result.value.title, '');
    assert.equal(result.value.lang, 'sv');
  });

  it('answers in English when the body says lang "en", or when asked to', () => {
    const body = { ...valid(), lang: 'en', to: 'anna', name: '', message: 'x'.repeat(501) };
    const english = {
      to: "Enter the recipient's email address in the correct format, like name@example.com",
      name: 'Enter your name',
      message: 'The message must be 500 characters or fewer',
    };
    assert.deepEqual(validateShare(body), { errors: english });
    assert.deepEqual(validateShare({ ...body, lang: 'sv' }, 'en'), { errors: english });
    assert.equal(validateShare({ ...body, lang: 'en' }, 'sv').errors?.name, 'Skriv ditt namn');
  });

  it('reports every required field when the body is not an object', () => {
    for (const body of [null, [], 'text', 3]) {
      const result = validateShare(body);
      assert.deepEqual(Object.keys(result.errors ?? {}), ['to', 'name', 'from', 'message', 'url']);
    }
  });
});

describe('POST /api/share', () => {
  let clock = T0;
  const outbox = [];
  let server;
  before(async () => (server = await start({ outbox, limits: { now: () => clock } })));
  after(() => server.close());
  beforeEach(() => {
    clock = T0;
    server.endpoint.reset();
  });

  it('accepts a message, answers {ok: true} and records it in the outbox', async () => {
    const res = await post(server.base, '/api/share', { ...valid(), name: '  Bo Ek ' });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assertNoStore(res);
    assert.deepEqual(await res.json(), { ok: true });
    const expected = [{ ...valid(), at: '2025-03-01T10:00:00.000Z' }];
    assert.deepEqual(outbox, expected);
    const listed = await fetch(`${server.base}/api/share/outbox`);
    assert.equal(listed.status, 200);
    assertNoStore(listed);
    assert.deepEqual(await listed.json(), expected);
  });

  it('answers 422 with the field errors and records nothing', async () => {
    const res = await post(server.base, '/api/share', { ...valid(), to: 'anna', name: '', lang: 'en' });
    assert.equal(res.status, 422);
    assertNoStore(res);
    assert.deepEqual(await res.json(), {
      errors: {
        to: "Enter the recipient's email address in the correct format, like name@example.com",
        name: 'Enter your name',
      },
    });
    assert.deepEqual(await getOutbox(server.base), []);
  });

  it('rejects CR/LF in header-bound fields (header injection)', async () => {
    for (const field of ['to', 'name', 'from', 'title']) {
      const res = await post(server.base, '/api/share', { ...valid(), [field]: `${valid()[field] || 'x'}\r\nBcc: x@spam.example` });
      assert.equal(res.status, 422, field);
      assert.deepEqual(Object.keys((await res.json()).errors), [field]);
    }
    assert.equal(outbox.length, 0);
  });

  it('answers 415 unless the body is declared JSON', async () => {
    const plain = await fetch(`${server.base}/api/share`, { method: 'POST', body: JSON.stringify(valid()) });
    assert.equal(plain.status, 415);
    assertNoStore(plain);
    assert.equal((await plain.json()).message, 'Skicka formuläret som JSON (Content-Type: application/json).');
    const none = await fetch(`${server.base}/api/share`, {
      method: 'POST',
      headers: { 'accept-language': 'en-GB,en;q=0.8' },
      body: new TextEncoder().encode(JSON.stringify(valid())),
    });
    assert.equal(none.status, 415);
    assert.equal((await none.json()).message, 'Send the form as JSON (Content-Type: application/json).');
    const bare = await post(server.base, '/api/share', valid(), { 'content-type': 'Application/JSON' });
    assert.equal(bare.status, 200);
  });

  it('answers 413 above 16 KB and accepts exactly 16 KB', async () => {
    const json = (pad) => JSON.stringify({ ...valid(), pad: 'x'.repeat(pad) });
    const pad = 16 * 1024 - Buffer.byteLength(json(0));
    assert.equal(Buffer.byteLength(json(pad)), 16384);
    assert.equal((await post(server.base, '/api/share', json(pad))).status, 200);
    const tooBig = await post(server.base, '/api/share', json(pad + 1));
    assert.equal(tooBig.status, 413);
    assertNoStore(tooBig);
    assert.equal(typeof (await tooBig.json()).message, 'string');
    const huge = await post(server.base, '/api/share', json(2_000_000));
    assert.equal(huge.status, 413);
    assert.equal(outbox.length, 1);
  });

  it('answers 400 with a general message for malformed JSON or a non-object', async () => {
    for (const text of ['{"to": "anna@exempel.se",', '', "{'to': 'x'}", '[]', 'null', '"text"']) {
      const res = await post(server.base, '/api/share', text);
      assert.equal(res.status, 400, text);
      assertNoStore(res);
      const body = await res.json();
      assert.deepEqual(body.errors, {});
      assert.equal(body.message, 'Servern kunde inte läsa formuläret. Ladda om sidan och försök igen.');
    }
  });

  it('drops a filled honeypot silently: 200, nothing recorded, not even validated', async () => {
    for (const body of [{ ...valid(), website: 'http://spam.example' }, { website: 'x', to: 'nonsense' }]) {
      const res = await post(server.base, '/api/share', body);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { ok: true });
    }
    assert.deepEqual(await getOutbox(server.base), []);
    assert.equal((await post(server.base, '/api/share', { ...valid(), website: '' })).status, 200);
    assert.equal(outbox.length, 1, 'an empty honeypot is a person');
  });

  it('limits each client to 5 messages per 10 minutes, in a sliding window', async () => {
    for (let i = 0; i < 5; i++) {
      clock = T0 + i * 10 * SECOND;
      assert.equal((await post(server.base, '/api/share', { ...valid(), to: `p${i}@exempel.se` })).status, 200);
    }
    clock = T0 + 60 * SECOND;
    const limited = await post(server.base, '/api/share', { ...valid(), to: 'p9@exempel.se' });
    assert.equal(limited.status, 429);
    assertNoStore(limited);
    assert.equal(limited.headers.get('retry-after'), '540'); // the first message leaves the window at T0 + 600 s
    assert.equal((await limited.json()).message, 'Du har skickat för många meddelanden. Försök igen om 9 min.');
    clock = T0 + 600 * SECOND;
    assert.equal((await post(server.base, '/api/share', { ...valid(), to: 'p9@exempel.se' })).status, 200);
    const again = await post(server.base, '/api/share', { ...valid(), to: 'p10@exempel.se', lang: 'en' });
    assert.equal(again.status, 429);
    assert.equal(again.headers.get('retry-after'), '10'); // the second left at T0 + 10 s, frees at T0 + 610 s
    assert.equal((await again.json()).message, 'You have sent too many messages. Try again in 1 min.');
    assert.equal(outbox.length, 6);
  });

  it('counts only messages that pass validation', async () => {
    for (let i = 0; i < 8; i++) assert.equal((await post(server.base, '/api/share', { ...valid(), name: '' })).status, 422);
    assert.equal((await post(server.base, '/api/share', valid())).status, 200);
  });

  it('limits each recipient (case-insensitively) to 3 messages per hour', async () => {
    const spellings = ['Anna@Exempel.se', 'anna@exempel.se', 'ANNA@EXEMPEL.SE'];
    for (const [i, to] of spellings.entries()) {
      clock = T0 + i * 60 * SECOND;
      assert.equal((await post(server.base, '/api/share', { ...valid(), to })).status, 200);
    }
    clock = T0 + 180 * SECOND;
    const limited = await post(server.base, '/api/share', valid());
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), String(3600 - 180));
    // A refused message takes no slot: this client still has exactly two of its five left.
    assert.equal((await post(server.base, '/api/share', { ...valid(), to: 'other@exempel.se' })).status, 200);
    assert.equal((await post(server.base, '/api/share', { ...valid(), to: 'third@exempel.se' })).status, 200);
    assert.equal((await post(server.base, '/api/share', { ...valid(), to: 'fourth@exempel.se' })).status, 429);
    clock = T0 + 3600 * SECOND;
    assert.equal((await post(server.base, '/api/share', valid())).status, 200);
  });

  it('POST /api/share/reset empties the outbox in place and lifts the limits', async () => {
    for (let i = 0; i < 3; i++) await post(server.base, '/api/share', valid());
    assert.equal((await post(server.base, '/api/share', valid())).status, 429);
    const res = await fetch(`${server.base}/api/share/reset`, { method: 'POST' });
    assert.equal(res.status, 204);
    assertNoStore(res);
    assert.equal(outbox.length, 0);
    assert.equal((await post(server.base, '/api/share', valid())).status, 200);
    assert.equal(outbox.length, 1);
  });

  it('ignores ?fault=… unless faults are enabled', async () => {
    const res = await post(server.base, '/api/share?fault=500', valid());
    assert.equal(res.status, 200);
    assert.equal(outbox.length, 1);
  });
});

describe('routing', () => {
  let server;
  before(async () => (server = await start()));
  after(() => server.close());

  it('answers OPTIONS with 204 and wrong methods with 405', async () => {
    const options = await fetch(`${server.base}/api/share`, { method: 'OPTIONS' });
    assert.equal(options.status, 204);
    assertNoStore(options);
    assert.equal(options.headers.get('allow'), 'POST, OPTIONS');
    const get = await fetch(`${server.base}/api/share`);
    assert.equal(get.status, 405);
    assertNoStore(get);
    assert.equal(get.headers.get('allow'), 'POST, OPTIONS');
    assert.equal((await fetch(`${server.base}/api/share/outbox`, { method: 'DELETE' })).status, 405);
    assert.equal((await fetch(`${server.base}/api/share/reset`)).status, 405);
  });

  it('leaves other paths alone: handle() returns false', async () => {
    for (const path of ['/', '/api', '/api/shares', '/api/share/', '/api/share/other', '/api/share/outbox/x']) {
      const res = await fetch(server.base + path, { method: 'POST' });
      assert.equal(res.status, 404, path);
      assert.equal(await res.text(), 'not ours');
    }
    const res = { writeHead: () => assert.fail('wrote to a response that was not ours') };
    const handled = server.endpoint.handle(/** @type {any} */ ({ method: 'POST', url: '/elsewhere', headers: {} }), /** @type {any} */ (res));
    assert.equal(handled, false);
    assert.equal(server.endpoint.handle(/** @type {any} */ ({ method: 'OPTIONS', url: '/api/share', headers: {} }), /** @type {any} */ ({ writeHead() {}, end() {} })), true);
  });

  it('answers at options.path, and hides outbox and reset when inspect is false', async () => {
    const custom = await start({ path: '/tipsa', inspect: false });
    try {
      assert.equal((await post(custom.base, '/tipsa', valid())).status, 200);
      assert.equal((await post(custom.base, '/api/share', valid())).status, 404);
      assert.equal((await fetch(`${custom.base}/tipsa/outbox`)).status, 404);
      assert.equal((await fetch(`${custom.base}/tipsa/reset`, { method: 'POST' })).status, 404);
      assert.equal(custom.endpoint.outbox.length, 1);
    } finally {
      await custom.close();
    }
  });

  it('keeps only the latest 100 messages in the outbox', async () => {
    const roomy = { max: 1000, windowMs: 60_000 };
    const busy = await start({ limits: { perClient: roomy, perRecipient: roomy } });
    try {
      for (let i = 0; i < 105; i++) {
        assert.equal((await post(busy.base, '/api/share', { ...valid(), message: `#${i}` })).status, 200);
      }
      const outbox = await getOutbox(busy.base);
      assert.equal(outbox.length, 100);
      assert.equal(outbox[0].message, '#5');
      assert.equal(outbox[99].message, '#104');
    } finally {
      await busy.close();
    }
  });
});

describe('fault injection (options.faults)', () => {
  let server;
  before(async () => (server = await start({ faults: true })));
  after(() => server.close());

  it('?fault=500 answers 500 with an HTML page', async () => {
    const res = await post(server.base, '/api/share?fault=500', valid());
    assert.equal(res.status, 500);
    assertNoStore(res);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await res.text(), /^<!doctype html>/);
  });

  it('?fault=html answers 200 with an HTML page instead of JSON', async () => {
    const res = await post(server.base, '/api/share?fault=html', valid());
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    const text = await res.text();
    assert.throws(() => JSON.parse(text));
  });

  it('?fault=422 answers a field error', async () => {
    const res = await post(server.base, '/api/share?fault=422', valid());
    assert.equal(res.status, 422);
    assert.deepEqual(await res.json(), { errors: { to: 'Servern säger nej' } });
  });

  it('?fault=429 answers 429 with Retry-After: 120', async () => {
    const res = await post(server.base, '/api/share?fault=429', valid());
    assert.equal(res.status, 429);
    assertNoStore(res);
    assert.equal(res.headers.get('retry-after'), '120');
    assert.equal(typeof (await res.json()).message, 'string');
  });

  it('?fault=drop closes the connection without an answer', async () => {
    await assert.rejects(post(server.base, '/api/share?fault=drop', valid()), TypeError);
  });

  it('?fault=slow&ms=N answers 200 after N ms', async () => {
    const started = performance.now();
    const res = await post(server.base, '/api/share?fault=slow&ms=300', valid());
    assert.ok(performance.now() - started >= 290, 'answered too early');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true });
  });

  it('?fault=slow waits at most 30 s', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const res = Object.assign(new EventEmitter(), {
      status: 0,
      writeHead(status) {
        this.status = status;
      },
      end() {},
    });
    const req = { method: 'POST', url: '/api/share?fault=slow&ms=999999', headers: {}, socket: {} };
    assert.equal(server.endpoint.handle(/** @type {any} */ (req), /** @type {any} */ (res)), true);
    return new Promise((resolve) => setImmediate(resolve)).then(() => {
      t.mock.timers.tick(29_999);
      assert.equal(res.status, 0);
      t.mock.timers.tick(1);
      assert.equal(res.status, 200);
    });
  });

  it('an unknown fault is an error, not a silent success; faults record nothing', async () => {
    const res = await post(server.base, '/api/share?fault=nope', valid());
    assert.equal(res.status, 400);
    assert.match((await res.json()).message, /nope/);
    assert.deepEqual(await getOutbox(server.base), []);
  });
});

describe('framework adapters', () => {
  it('koaShareEndpoint answers its path itself and passes anything else to next()', async () => {
    const outbox = [];
    const middleware = koaShareEndpoint({ outbox });
    const seen = [];
    const server = await listen(async (req, res) => {
      const ctx = { req, res, respond: true };
      let nextCalled = false;
      await middleware(ctx, async () => {
        nextCalled = true;
        res.writeHead(404).end('next');
      });
      seen.push({ url: req.url, respond: ctx.respond, nextCalled, finished: res.writableFinished });
    });
    try {
      assert.equal((await post(server.base, '/api/share', valid())).status, 200);
      assert.equal(await (await fetch(`${server.base}/index.html`)).text(), 'next');
      assert.deepEqual(seen, [
        { url: '/api/share', respond: false, nextCalled: false, finished: true },
        { url: '/index.html', respond: true, nextCalled: true, finished: true },
      ]);
      assert.equal(outbox.length, 1);
    } finally {
      await server.close();
    }
  });

  it('connectShareEndpoint answers its path itself and passes anything else to next()', async () => {
    const middleware = connectShareEndpoint({ path: '/share' });
    const passed = [];
    const server = await listen((req, res) =>
      middleware(req, res, () => {
        passed.push(req.url);
        res.writeHead(404).end('next');
      }),
    );
    try {
      assert.equal((await post(server.base, '/share', valid())).status, 200);
      assert.equal((await fetch(`${server.base}/share/outbox`)).status, 200);
      assert.equal(await (await fetch(`${server.base}/src/index.ts`)).text(), 'next');
      assert.deepEqual(passed, ['/src/index.ts']);
    } finally {
      await server.close();
    }
  });
});
