// Every attack of issue 12 gets a 4xx and sends nothing: checked at a real SMTP server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { clientKey, normaliseRecipient } from '../dist/index.js';
import { post, startRelay, startSmtp, valid } from './helpers.mjs';

/** Asserts that `attempt` was refused with `status` and that no mail left the relay. */
async function refused(context, attempt, status) {
  const before = context.smtp.mails.length;
  const res = await attempt();
  assert.equal(res.status, status, `status for ${res.text}`);
  await context.relay.idle();
  assert.equal(context.smtp.mails.length, before, 'nothing was sent');
  return res;
}

describe('attacks on the content', () => {
  const context = {};
  before(async () => {
    context.smtp = await startSmtp();
    // Limits high enough that only the content can be the reason for a refusal here.
    const high = { max: 10_000, windowMs: 60_000 };
    context.relay = await startRelay({
      smtpUrl: context.smtp.url,
      mailFrom: 'tipsa@trollhattan.se',
      allowedPages: 'https://www.trollhattan.se, https://www.vanersborg.se/nyheter',
      limits: { perClient: high, perSubnet: high, perRecipient: high, perHour: high, perDay: high },
    });
  });
  after(async () => {
    await context.relay.cleanup();
    await context.smtp.stop();
  });
  const base = () => context.relay.base;

  test('a page outside ALLOWED_PAGES, however it is disguised, is refused with 422 at url', async () => {
    for (const url of [
      'https://evil.example/phish',
      'https://www.trollhattan.se@evil.example/',
      'https://www.trollhattan.se:x@evil.example/',
      'https://www.trollhattan.se.evil.example/',
      'https://www.trollhattan.sex/',
      'http://www.trollhattan.se/', // another origin: the scheme differs
      'https://www.trollhattan.se:8443/',
      'https://www.vanersborg.se/nyheter-falska/',
      'https://www.vanersborg.se/',
      'https://www.vanersborg.se/nyheter/../admin',
      'https://www.vanersborg.se/nyheter/%2e%2e/admin',
      'https://user:pass@www.trollhattan.se/',
      'javascript:alert(1)//https://www.trollhattan.se/',
      'data:text/html,<a href=https://www.trollhattan.se/>',
      '//www.trollhattan.se/',
      '/nyheter',
    ]) {
      const res = await refused(context, () => post(base(), valid({ url, lang: 'en' })), 422);
      assert.deepEqual(Object.keys(res.json.errors), ['url'], url);
    }
    // The ones that are allowed, for contrast.
    for (const url of [
      'https://www.trollhattan.se',
      'https://WWW.TROLLHATTAN.SE/a?b=c#d',
      'https://www.vanersborg.se/nyheter',
      'https://www.vanersborg.se/nyheter/2026/x',
    ])
      assert.equal((await post(base(), valid({ url }))).status, 202, url);
    await context.relay.idle();
  });

  test('a name posing as a sender, a recipient that is no inbox, a link in the message: 422', async () => {
    const cases = [
      [{ name: 'Skatteverket <noreply@skatteverket.se>' }, 'name'],
      [{ name: 'noreply@skatteverket.se' }, 'name'],
      [{ name: 'Vinn pengar på https://evil.example' }, 'name'],
      [{ name: 'Besök www.evil.example' }, 'name'],
      [{ to: 'root@localhost' }, 'to'],
      [{ to: 'anna@[127.0.0.1]' }, 'to'],
      [{ to: 'anna@exempel.se, bo@exempel.se' }, 'to'],
      [{ from: 'bo@exempel.se\r\nBcc: x@spam.example' }, 'from'],
      [{ message: 'Klicka här: https://evil.example/login' }, 'message'],
      [{ message: 'Logga in på www.evil.example' }, 'message'],
      [{ message: 'Se evil.example/login' }, 'message'],
    ];
    for (const [change, field] of cases) {
      const res = await refused(context, () => post(base(), valid(change)), 422);
      assert.deepEqual(Object.keys(res.json.errors), [field], JSON.stringify(change));
    }
  });

  test("control, line-separator and bidi characters are refused in the visitor's language", async () => {
    const bad = [
      '\r',
      '\n',
      '\r\nBcc: x@spam.example',
      '\u0000',
      '\u0007',
      '\u001b[31m',
      '\u007f',
      '\u0085',
      '\u2028',
      '\u2029',
      '\u202e',
      '\u202d',
      '\u2066',
      '\u2069',
    ];
    for (const field of ['name', 'title', 'url', 'to', 'from']) {
      for (const char of bad) {
        const original = valid()[field];
        const value =
          field === 'url'
            ? `https://www.trollhattan.se/${char}x`
            : field === 'to' || field === 'from'
              ? original.replace('@', `${char}@`)
              : `${original}${char}x`;
        const res = await refused(context, () => post(base(), valid({ [field]: value, lang: 'en' })), 422);
        assert.deepEqual(Object.keys(res.json.errors), [field], `${field} with U+${char.codePointAt(0).toString(16)}`);
      }
    }
    // The message may have line breaks (and tabs), but nothing else of these.
    for (const char of bad.filter((char) => !/^(\r|\n|\r\n.*)$/.test(char))) {
      const res = await refused(context, () => post(base(), valid({ message: `Hej${char}då` })), 422);
      assert.deepEqual(Object.keys(res.json.errors), ['message']);
    }
    const sv = await post(base(), valid({ name: 'Bo\u202eEk', lang: 'sv' }));
    assert.equal(sv.json.errors.name, 'Namnet innehåller osynliga styrtecken. Skriv det igen utan dem.');
    const en = await post(base(), valid({ name: 'Bo\u202eEk', lang: 'en' }));
    assert.equal(en.json.errors.name, 'Your name contains invisible control characters. Type it again without them.');
    const title = await post(base(), valid({ title: 'Två\nrader', lang: 'sv' }));
    assert.equal(title.json.errors.title, 'Sidans titel måste vara text på en rad, högst 300 tecken. Kontakta webbplatsens ägare.');
    // Without a lang, the messages follow Accept-Language; a lang that is no text at all is the page's to fix.
    const accept = await post(base(), valid({ name: '', lang: undefined }), { 'accept-language': 'de, en-GB;q=0.8, sv;q=0.5' });
    assert.deepEqual(accept.json.errors, { name: 'Enter your name' });
    const numeric = await post(base(), valid({ name: '', lang: 7 }), { 'accept-language': 'en' });
    assert.deepEqual(numeric.json.errors, {
      name: 'Enter your name',
      lang: "The page's language must be a language code such as en. Contact the owner of the website.",
    });
  });

  test('a cross-site form post, a non-JSON body, a huge body, bad JSON: refused before anything is stored', async () => {
    const evil = await refused(context, () => post(base(), valid(), { origin: 'https://evil.example' }), 403);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
    await refused(context, () => post(base(), valid(), { origin: 'null' }), 403);
    await refused(context, () => post(base(), valid(), { origin: 'https://www.trollhattan.se.evil.example' }), 403);
    // The classic CSRF: an HTML form posting text/plain or urlencoded.
    await refused(context, () => post(base(), JSON.stringify(valid()), { 'content-type': 'text/plain' }), 415);
    await refused(context, () => post(base(), 'to=a%40b.se', { 'content-type': 'application/x-www-form-urlencoded' }), 415);
    await refused(context, () => post(base(), valid({ message: 'x'.repeat(20_000) })), 413);
    await refused(context, () => post(base(), '{"to":'), 400);
    await refused(context, () => post(base(), '[1]'), 400);
    await refused(context, () => post(base(), valid(), { 'idempotency-key': 'x'.repeat(201) }), 400);
    // A filled honeypot looks like success to the bot and sends nothing.
    const honeypot = await refused(context, () => post(base(), valid({ website: 'http://spam.example' })), 202);
    assert.equal(honeypot.json.ok, true);
  });

  test('no route reveals or resets stored messages or limits', async () => {
    for (const [method, path] of [
      ['GET', '/api/share/outbox'],
      ['POST', '/api/share/reset'],
      ['GET', '/api/share'],
      ['DELETE', '/api/share'],
      ['GET', '/outbox'],
      ['POST', '/reset'],
      ['GET', '/relay-data/journal.ndjson'],
      ['GET', '/debug'],
    ]) {
      const res = await fetch(`${base()}${path}`, { method });
      assert.ok([404, 405].includes(res.status), `${method} ${path}: ${res.status}`);
      assert.doesNotMatch(await res.text(), /exempel\.se|Bo Ek/);
    }
  });

  test('CORS: only the allowed sites, and the preflight admits Idempotency-Key', async () => {
    const allowed = await fetch(`${base()}/api/share`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://www.vanersborg.se',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://www.vanersborg.se');
    assert.match(allowed.headers.get('access-control-allow-headers'), /Idempotency-Key/i);
    assert.match(allowed.headers.get('access-control-expose-headers'), /Retry-After/);
    const other = await fetch(`${base()}/api/share`, {
      method: 'OPTIONS',
      headers: { origin: 'https://www.trollhattan.se.evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const ok = await post(base(), valid(), { origin: 'https://www.trollhattan.se' });
    assert.equal(ok.status, 202);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://www.trollhattan.se');
  });

  test('GET /healthz answers 200 when it can accept work', async () => {
    const res = await fetch(`${base()}/healthz`);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.ok, true);
    assert.equal(body.store, 'writable');
  });
});

describe('the abuse limits', () => {
  test('keys: IPv6 by /64, IPv4-mapped as IPv4; recipients without +tag, case or Gmail dots', () => {
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), clientKey('2001:db8:1:2:ffff:1:2:3'));
    assert.notEqual(clientKey('2001:db8:1:2::1'), clientKey('2001:db8:1:3::1'));
    assert.equal(clientKey('::ffff:192.0.2.7'), '192.0.2.7');
    assert.notEqual(clientKey('192.0.2.7'), clientKey('192.0.2.8'));
    assert.equal(normaliseRecipient('Anna+spam@Exempel.SE'), 'anna@exempel.se');
    assert.equal(normaliseRecipient('a.n.n.a+x@googlemail.com'), 'anna@gmail.com');
    assert.equal(normaliseRecipient('A.nna@gmail.com'), 'anna@gmail.com');
    assert.equal(normaliseRecipient('a.nna@exempel.se'), 'a.nna@exempel.se', 'dots matter outside Gmail');
  });

  const limited = async (limits, options = {}) => {
    const smtp = await startSmtp();
    const high = { max: 10_000, windowMs: 60_000 };
    const relay = await startRelay({
      smtpUrl: smtp.url,
      mailFrom: 'tipsa@trollhattan.se',
      limits: { perClient: high, perSubnet: high, perRecipient: high, perHour: high, perDay: high, ...limits },
      ...options,
    });
    return { smtp, relay, done: async () => (await relay.cleanup(), await smtp.stop()) };
  };

  test("5 per client per 10 minutes by default; then 429 with Retry-After, in the visitor's language; nothing sent", async () => {
    const smtp = await startSmtp();
    const relay = await startRelay({ smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se' });
    try {
      for (let i = 0; i < 5; i++) assert.equal((await post(relay.base, valid({ to: `p${i}@exempel.se` }))).status, 202);
      const res = await post(relay.base, valid({ to: 'p9@exempel.se', lang: 'en' }));
      assert.equal(res.status, 429);
      const retryAfter = Number(res.headers.get('retry-after'));
      // The embedded store counts in buckets of 1/60 of the window: at most 10 s more than the window.
      assert.ok(retryAfter > 590 && retryAfter <= 610, `Retry-After ${retryAfter}`);
      assert.equal(res.json.message, 'You have sent many tips in a short time. Try again in 10 minutes.');
      await relay.idle();
      assert.equal(smtp.mails.length, 5);
    } finally {
      await relay.cleanup();
      await smtp.stop();
    }
  });

  test('an IPv6 /64 is one client; X-Forwarded-For is believed only for TRUST_PROXY hops', async () => {
    const { relay, smtp, done } = await limited({ perClient: { max: 2, windowMs: 600_000 } }, { trustProxy: 1 });
    try {
      const from = (address, extra = '') => ({ 'x-forwarded-for': `${extra}${address}` });
      assert.equal((await post(relay.base, valid({ to: 'a1@exempel.se' }), from('2001:db8:1:2::1'))).status, 202);
      assert.equal((await post(relay.base, valid({ to: 'a2@exempel.se' }), from('2001:db8:1:2:ffff::9'))).status, 202);
      assert.equal(
        (await post(relay.base, valid({ to: 'a3@exempel.se' }), from('2001:db8:1:2:dead:beef:0:1'))).status,
        429,
        'another address in the same /64',
      );
      assert.equal(
        (await post(relay.base, valid({ to: 'a4@exempel.se' }), from('2001:db8:1:3::1'))).status,
        202,
        'the next /64 is another client',
      );
      // A client that makes up an X-Forwarded-For entry of its own: only the proxy's entry (the last) counts.
      assert.equal((await post(relay.base, valid({ to: 'a5@exempel.se' }), from('2001:db8:1:2::1', '203.0.113.9, '))).status, 429);
      await relay.idle();
      assert.equal(smtp.mails.length, 3);
    } finally {
      await done();
    }
  });

  test('without TRUST_PROXY, a made-up X-Forwarded-For changes nothing: 20,000 "addresses" are one client', async () => {
    const { relay, smtp, done } = await limited({ perClient: { max: 3, windowMs: 600_000 } });
    try {
      const statuses = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await post(relay.base, valid({ to: `x${i}@exempel.se` }), { 'x-forwarded-for': `198.51.100.${i}` })).status);
      assert.deepEqual(statuses, [202, 202, 202, ...Array(17).fill(429)]);
      await relay.idle();
      assert.equal(smtp.mails.length, 3);
    } finally {
      await done();
    }
  });

  test('per recipient: +tags, case and Gmail dots are one inbox', async () => {
    const { relay, smtp, done } = await limited({ perRecipient: { max: 2, windowMs: 86_400_000 } }, { trustProxy: 1 });
    try {
      const spellings = ['anna@gmail.com', 'a.n.n.a@gmail.com', 'Anna+1@GoogleMail.com', 'an.na+tip@gmail.com'];
      const statuses = [];
      for (const [i, to] of spellings.entries())
        statuses.push((await post(relay.base, valid({ to }), { 'x-forwarded-for': `192.0.2.${i}` })).status);
      assert.deepEqual(statuses, [202, 202, 429, 429]);
      await relay.idle();
      assert.equal(smtp.mails.length, 2);
    } finally {
      await done();
    }
  });

  test('site-wide per hour and per day', async () => {
    const { relay, smtp, done } = await limited({ perHour: { max: 3, windowMs: 3_600_000 } }, { trustProxy: 1 });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await post(relay.base, valid({ to: `s${i}@exempel.se` }), { 'x-forwarded-for': `192.0.2.${i}` })).status);
      assert.deepEqual(statuses, [202, 202, 202, 429, 429]);
      await relay.idle();
      assert.equal(smtp.mails.length, 3);
    } finally {
      await done();
    }
    const day = await limited({ perDay: { max: 2, windowMs: 86_400_000 } }, { trustProxy: 1 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await post(day.relay.base, valid({ to: `d${i}@exempel.se` }), { 'x-forwarded-for': `192.0.2.${i}` })).status);
      assert.deepEqual(statuses, [202, 202, 429]);
    } finally {
      await day.done();
    }
  });

  test('refused attempts, a 503 and a mail the server refuses for good use up nothing', async () => {
    const { relay, smtp, done } = await limited(
      { perClient: { max: 2, windowMs: 600_000 } },
      { maxQueued: 1, retry: { minMs: 60_000, maxMs: 60_000 } },
    );
    try {
      for (let i = 0; i < 10; i++) assert.equal((await post(relay.base, valid({ name: '' }))).status, 422);
      // The mail server is down: the first message waits in the queue, which is full at one.
      await smtp.stop();
      assert.equal((await post(relay.base, valid({ to: 'q1@exempel.se' }))).status, 202);
      for (let i = 0; i < 5; i++) {
        const busy = await post(relay.base, valid({ to: 'q2@exempel.se' }));
        assert.equal(busy.status, 503);
        assert.ok(Number(busy.headers.get('retry-after')) > 0);
      }
      await smtp.start();
      await relay.close();
      // The same data, restarted with room in the queue: the second slot is still free after five 503s.
      const again = await startRelay({
        dataDir: relay.dataDir,
        smtpUrl: smtp.url,
        mailFrom: 'tipsa@trollhattan.se',
        limits: { perClient: { max: 2, windowMs: 600_000 } },
      });
      try {
        await again.idle();
        assert.equal(smtp.mails.length, 1, 'the queued one went out after the restart');
        // The server refuses the recipient for good (550): given up, and its slot is given back.
        smtp.refuse(550);
        assert.equal((await post(again.base, valid({ to: 'nobody@exempel.se' }))).status, 202);
        await again.idle();
        smtp.refuse(0);
        assert.equal((await post(again.base, valid({ to: 'q3@exempel.se' }))).status, 202);
        assert.equal((await post(again.base, valid({ to: 'q4@exempel.se' }))).status, 429, 'two sent: the limit is reached');
        await again.idle();
        assert.deepEqual(
          smtp.mails.map((mail) => mail.envelope.to[0]),
          ['q1@exempel.se', 'q3@exempel.se'],
        );
      } finally {
        await again.close();
      }
    } finally {
      await done().catch(() => {});
    }
  });
});
