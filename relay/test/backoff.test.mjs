// No busy loop while the mail server is down, in both stores: a long queue costs a few probes, not one attempt per mail.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, describe, test } from 'node:test';
import { post, sleep, startRedis, startRelay, valid } from './helpers.mjs';

const HOUR = 3600_000;
const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

describe('the mail server down, a long queue', () => {
  for (const mode of ['embedded', 'redis'])
    test(`no busy loop while the mail server is down (${mode}): 1,000 queued mails cost a few connection attempts, not one each`, async () => {
      let connections = 0;
      const dead = createServer((socket) => {
        connections++;
        socket.destroy();
      });
      await new Promise((resolve) => dead.listen(0, '127.0.0.1', resolve));
      cleanups.push(() => new Promise((resolve) => dead.close(resolve)));
      const high = { max: 100_000, windowMs: HOUR };
      const extra = {};
      if (mode === 'redis') {
        const redis = await startRedis();
        cleanups.push(() => redis.stop());
        extra.redisUrl = redis.url;
      }
      const relay = await startRelay({
        ...extra,
        smtpUrl: `smtp://127.0.0.1:${dead.address().port}`,
        mailFrom: 'tipsa@trollhattan.se',
        limits: { perClient: high, perSubnet: high, perRecipient: high, perHour: high, perDay: high },
      });
      cleanups.push(() => relay.cleanup());
      for (let i = 0; i < 1000; i += 10)
        for (const res of await Promise.all(Array.from({ length: 10 }, (_, j) => post(relay.base, valid({ to: `m${i + j}@exempel.se` })))))
          assert.equal(res.status, 202);
      const before = connections;
      const cpu = process.cpuUsage();
      await sleep(6_000);
      const used = process.cpuUsage(cpu);
      const attempts = connections - before;
      assert.ok(attempts <= 12, `${attempts} connection attempts in 6 s`);
      assert.ok(used.user + used.system < 1_500_000, `CPU ${(used.user + used.system) / 1000} ms in 6 s`);
      assert.equal((await relay.store.queueState()).queued, 1000, 'nothing dropped');
      assert.equal((await relay.store.queueState()).undeliverable.length, 0);
      const health = await (await fetch(`${relay.base}/healthz`)).json();
      assert.equal(health.mailServer.state, 'failing');
    });
});
