// /healthz (disk full, read-only DATA_DIR, mail server down), honest 429s, per-network limits,
// sampled refusal logs, and the Idempotency-Key reused with another message: embedded and Redis.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, open, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pino } from 'pino';
import { post, startRedis, startRelay, startSmtp, tempDir, valid, waitFor } from './helpers.mjs';

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});
const HOUR = 3600_000;
const high = { max: 100_000, windowMs: HOUR };
const health = async (base) => {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: await res.json() };
};
const tryRun = (command, args) => {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

describe('/healthz', () => {
  test('200 with the mail server reachable, the queue length and the oldest age; the mail server down at start: it starts, says "failing since"', async () => {
    const smtp = await startSmtp();
    const relay = await startRelay({ smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se' });
    cleanups.push(() => relay.cleanup());
    await waitFor(async () => (await health(relay.base)).body.mailServer.state === 'reachable', 10_000, 'the check at start');
    const up = await health(relay.base);
    assert.equal(up.status, 200);
    assert.equal(up.body.queued, 0);
    assert.equal(up.body.oldestQueuedSeconds, null);
    await smtp.stop();
    const down = await startRelay({ smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se' });
    cleanups.push(() => down.cleanup());
    await waitFor(async () => (await health(down.base)).body.mailServer.state === 'failing', 15_000, 'the failed check at start');
    assert.equal((await post(down.base, valid())).status, 202);
    const report = await health(down.base);
    assert.equal(report.status, 200, 'it can still store');
    assert.equal(report.body.queued, 1);
    assert.ok(report.body.oldestQueuedSeconds >= 0);
    assert.ok(Date.parse(report.body.mailServer.since) <= Date.now());
  });

  test(
    '503 while DATA_DIR is read-only (chattr +i), 200 again after',
    { skip: !tryRun('sh', ['-c', 'command -v chattr']) && 'no chattr' },
    async () => {
      const relay = await startRelay({});
      cleanups.push(() => relay.cleanup());
      assert.equal((await health(relay.base)).status, 200);
      execFileSync('chattr', ['+i', relay.dataDir]);
      cleanups.push(async () => execFileSync('chattr', ['-i', relay.dataDir]));
      try {
        const report = await health(relay.base);
        assert.equal(report.status, 503);
        assert.match(report.body.store, /cannot store/);
      } finally {
        execFileSync('chattr', ['-i', relay.dataDir]);
      }
      assert.equal((await health(relay.base)).status, 200);
    },
  );

  test('disk full (a 2 MB tmpfs filled up): 503 at /healthz and POST, using up no limit; 200 and 202 once there is room', async (t) => {
    const mountPoint = await tempDir();
    if (!tryRun('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint])) return t.skip('cannot mount a tmpfs here');
    cleanups.push(async () => (tryRun('umount', [mountPoint]), rmdir(mountPoint)));
    const dataDir = join(mountPoint, 'data');
    await mkdir(dataDir);
    const relay = await startRelay({ dataDir, limits: { perClient: { max: 1, windowMs: HOUR } } });
    cleanups.push(() => relay.close());
    assert.equal((await health(relay.base)).status, 200);
    const filler = await open(join(mountPoint, 'filler'), 'w');
    const block = Buffer.alloc(64 * 1024, 1);
    try {
      for (;;) await filler.write(block);
    } catch (error) {
      assert.equal(error.code, 'ENOSPC');
    }
    await filler.close();
    const full = await health(relay.base);
    assert.equal(full.status, 503);
    const refused = await post(relay.base, valid());
    assert.equal(refused.status, 503, refused.text);
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    await rm(join(mountPoint, 'filler'));
    assert.equal((await health(relay.base)).status, 200);
    assert.equal((await post(relay.base, valid())).status, 202, 'the failed attempt used up nothing of the limit of 1');
  });
});

for (const mode of ['embedded', 'redis'])
  describe(`limits and keys (${mode})`, () => {
    const start = async (options) => {
      const extra = {};
      if (mode === 'redis') {
        const redis = await startRedis();
        cleanups.push(() => redis.stop());
        extra.redisUrl = redis.url;
      }
      const smtp = await startSmtp();
      const lines = [];
      const logger = pino({ level: 'info' }, { write: (line) => lines.push(JSON.parse(line)) });
      const relay = await startRelay({ smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se', trustProxy: 1, logger, ...extra, ...options });
      cleanups.push(
        () => relay.cleanup(),
        () => smtp.stop(),
      );
      return { relay, smtp, lines };
    };
    const from = (address) => ({ 'x-forwarded-for': address });

    test("a 429 says whose limit it was, in the visitor's language: the visitor's own, or the service's", async () => {
      const { relay } = await start({ limits: { perClient: { max: 1, windowMs: HOUR }, perHour: { max: 2, windowMs: HOUR } } });
      assert.equal((await post(relay.base, valid({ to: 'a@exempel.se' }), from('192.0.2.1'))).status, 202);
      const own = await post(relay.base, valid({ to: 'b@exempel.se' }), from('192.0.2.1'));
      assert.equal(own.status, 429);
      assert.equal(own.json.limit, 'visitor');
      assert.match(own.json.message, /^Du har skickat många tips/);
      assert.equal((await post(relay.base, valid({ to: 'c@exempel.se' }), from('198.51.100.1'))).status, 202);
      const service = await post(relay.base, valid({ to: 'd@exempel.se', lang: 'en' }), from('203.0.113.1'));
      assert.equal(service.status, 429);
      assert.equal(service.json.limit, 'service');
      assert.match(service.json.message, /^The service has received so many tips/);
      assert.doesNotMatch(service.json.message, /You have sent/);
    });

    test('per network: five addresses of one /24 cannot use up the hourly limit; a visitor elsewhere still gets through', async () => {
      const { relay } = await start({ limits: { perClient: { max: 5, windowMs: 10 * 60_000 }, perHour: { max: 100, windowMs: HOUR } } });
      let accepted = 0;
      for (let host = 1; host <= 5; host++)
        for (let i = 0; i < 10; i++)
          if ((await post(relay.base, valid({ to: `n${host}-${i}@exempel.se` }), from(`192.0.2.${host}`))).status === 202) accepted++;
      assert.equal(accepted, 20, 'the /24 gets its 20 per hour, not 25');
      assert.equal((await post(relay.base, valid({ to: 'ny@exempel.se' }), from('2001:db8:aa::1'))).status, 202);
      // IPv6 by /48: a /64 next door is the same network.
      let six = 0;
      for (let net = 0; net < 5; net++)
        for (let i = 0; i < 5; i++)
          if ((await post(relay.base, valid({ to: `v${net}-${i}@exempel.se` }), from(`2001:db8:bb:${net}::1`))).status === 202) six++;
      assert.equal(six, 20);
    });

    test('refusals are logged sampled: the first, then one in 100 per minute, with the count', async () => {
      const { relay, lines } = await start({ limits: { perClient: { max: 1, windowMs: HOUR } } });
      assert.equal((await post(relay.base, valid(), from('192.0.2.9'))).status, 202);
      for (let i = 0; i < 250; i++) assert.equal((await post(relay.base, valid(), from('192.0.2.9'))).status, 429);
      const refusals = lines.filter((line) => line.status === 429);
      assert.ok(refusals.length >= 3 && refusals.length <= 6, `${refusals.length} lines for 250 refusals`);
      assert.ok(refusals.some((line) => line.sampled?.countThisMinute === 200));
    });

    test('the same Idempotency-Key with another message: 422, nothing sent twice, nothing lost; the same message: the same answer', async () => {
      const { relay, smtp } = await start({ limits: { perClient: high, perSubnet: high } });
      const first = await post(relay.base, valid(), { 'idempotency-key': 'tip-1' });
      assert.equal(first.status, 202);
      const other = await post(relay.base, valid({ message: 'Ett annat meddelande.' }), { 'idempotency-key': 'tip-1' });
      assert.equal(other.status, 422, other.text);
      assert.match(other.json.message, /redan med ett annat innehåll/);
      const same = await post(relay.base, valid(), { 'idempotency-key': 'tip-1' });
      assert.equal(same.status, 202);
      assert.equal(same.json.id, first.json.id);
      await waitFor(() => smtp.mails.length >= 1, 30_000, 'the first mail');
      await relay.idle();
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(smtp.mails.length, 1);
      assert.match(smtp.mails[0].parsed.text, /Läs om industrikommunerna/);
    });
  });
