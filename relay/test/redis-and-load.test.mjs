// REDIS_URL: two relays on one real redis-server share the queue and the limits. And slowloris.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { post, sleep, startRedis, startRelay, startSmtp, valid, waitFor } from './helpers.mjs';

describe('two relays on one Redis', () => {
  let redis, smtp, a, b;
  before(async () => {
    redis = await startRedis();
    smtp = await startSmtp();
    const options = { smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se', redisUrl: redis.url, trustProxy: 1 };
    a = await startRelay(options);
    b = await startRelay(options);
  });
  after(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await smtp?.stop();
    await redis?.stop();
  });

  test('the per-client limit is shared: 5 across both, the 6th refused by either; the mails go out once each', async () => {
    const client = { 'x-forwarded-for': '198.51.100.7' };
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(i % 2 ? b.base : a.base, valid({ to: `r${i}@exempel.se` }), client)).status);
    statuses.push((await post(a.base, valid({ to: 'r5@exempel.se' }), client)).status);
    statuses.push((await post(b.base, valid({ to: 'r6@exempel.se' }), client)).status);
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429, 429]);
    await waitFor(() => smtp.mails.length >= 5, 30_000, 'five mails through BullMQ');
    await a.idle();
    await sleep(300);
    assert.deepEqual(smtp.mails.map((mail) => mail.envelope.to[0]).sort(), [
      'r0@exempel.se',
      'r1@exempel.se',
      'r2@exempel.se',
      'r3@exempel.se',
      'r4@exempel.se',
    ]);
  });

  test('the per-recipient limit and the Idempotency-Key are shared too', async () => {
    const before = smtp.mails.length;
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await post(i % 2 ? b.base : a.base, valid({ to: `Lisa+${i}@Exempel.se` }), { 'x-forwarded-for': `192.0.2.${i}` })).status,
      );
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
    const first = await post(a.base, valid({ to: 'idem@exempel.se' }), {
      'x-forwarded-for': '192.0.2.100',
      'idempotency-key': 'shared-key-1',
    });
    const second = await post(b.base, valid({ to: 'idem@exempel.se' }), {
      'x-forwarded-for': '192.0.2.100',
      'idempotency-key': 'shared-key-1',
    });
    assert.equal(first.status, 202);
    assert.deepEqual(second.json, first.json);
    await waitFor(() => smtp.mails.length >= before + 6, 30_000, 'six mails');
    await b.idle();
    await sleep(300);
    assert.equal(smtp.mails.length, before + 6);
  });

  test('Redis down: 503 with Retry-After (nothing could be counted); healthz says so', async () => {
    await redis.stop();
    const res = await post(a.base, valid({ to: 'down@exempel.se' }), { 'x-forwarded-for': '203.0.113.50' });
    assert.equal(res.status, 503);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assert.equal((await fetch(`${a.base}/healthz`)).status, 503);
    // Back (empty, as this one keeps nothing on disk): the relays reconnect and take work again.
    await redis.start();
    await waitFor(async () => (await fetch(`${a.base}/healthz`)).status === 200, 20_000, 'healthz 200 again');
    const up = await post(a.base, valid({ to: 'up@exempel.se' }), { 'x-forwarded-for': '203.0.113.50' });
    assert.equal(up.status, 202, up.text);
  });
});

describe('slow connections', () => {
  test('500 slow connections do not stop a real visitor; one host cannot hold more than its share', async () => {
    const smtp = await startSmtp();
    const relay = await startRelay({
      smtpUrl: smtp.url,
      mailFrom: 'tipsa@trollhattan.se',
      requestTimeoutMs: 60_000,
      headersTimeoutMs: 60_000,
    });
    const port = new URL(relay.base).port;
    const sockets = [];
    try {
      // 500 connections from 500 loopback addresses (Linux answers on all of 127/8), each sending its headers
      // and then a body one byte at a time, as slowloris does.
      const open = (localAddress) =>
        new Promise((resolve) => {
          const socket = connect({ host: '127.0.0.1', port: Number(port), localAddress });
          socket.on('error', () => {});
          socket.once('connect', () => {
            socket.write(`POST /api/share HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{`);
            resolve(socket);
          });
          socket.once('close', () => resolve(socket));
          sockets.push(socket);
        });
      for (let i = 0; i < 500; i += 50)
        await Promise.all(Array.from({ length: 50 }, (_, j) => open(`127.0.${1 + Math.floor((i + j) / 250)}.${1 + ((i + j) % 250)}`)));
      const drip = setInterval(() => sockets.forEach((socket) => socket.writable && socket.write(' ')), 1000);
      try {
        await sleep(500);
        const alive = sockets.filter((socket) => !socket.destroyed).length;
        assert.ok(alive >= 490, `${alive} slow connections open`);
        const started = Date.now();
        const res = await post(relay.base, valid());
        assert.equal(res.status, 202);
        assert.ok(Date.now() - started < 5_000, `the visitor waited ${Date.now() - started} ms`);
        await relay.idle();
        assert.equal(smtp.mails.length, 1);
      } finally {
        clearInterval(drip);
      }
      // One address: 20 connections, the 21st is closed at once.
      const mine = await Promise.all(Array.from({ length: 25 }, () => open('127.0.9.9')));
      await sleep(300);
      assert.equal(mine.filter((socket) => !socket.destroyed).length, 20);
    } finally {
      for (const socket of sockets) socket.destroy();
      await relay.cleanup();
      await smtp.stop();
    }
  });

  test('a request that does not finish its body in time is cut off', async () => {
    const relay = await startRelay({ requestTimeoutMs: 1_000, headersTimeoutMs: 1_000 });
    try {
      const socket = connect({ host: '127.0.0.1', port: Number(new URL(relay.base).port) });
      socket.on('error', () => {});
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write('POST /api/share HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
      const started = Date.now();
      const answer = await new Promise((resolve) => {
        let text = '';
        socket.on('data', (data) => (text += data));
        socket.once('close', () => resolve(text));
      });
      assert.ok(Date.now() - started < 5_000, 'closed within a few seconds');
      assert.match(answer, /^HTTP\/1\.1 408|^$/);
    } finally {
      await relay.cleanup();
    }
  });
});
