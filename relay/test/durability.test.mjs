// Nothing accepted is lost and nothing is sent twice: SMTP outages, kill -9 of the real bin, repeats.
import assert from 'node:assert/strict';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { post, sleep, spawnRelay, startRelay, startSmtp, tempDir, valid, waitFor } from './helpers.mjs';

const cleanups = [];

/** A mail server and a data folder of the test's own, and the environment that points the real bin at them. */
async function realBinSetup(extraEnv = {}) {
  const smtp = await startSmtp();
  const dataDir = await tempDir();
  cleanups.push(
    () => smtp.stop(),
    () => rm(dataDir, { recursive: true, force: true }),
  );
  const env = {
    ALLOWED_PAGES: 'https://www.trollhattan.se',
    PORT: '0',
    DATA_DIR: dataDir,
    SMTP_URL: smtp.url,
    MAIL_FROM: 'tipsa@trollhattan.se',
    ...extraEnv,
  };
  return { smtp, dataDir, env };
}
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

describe('durability', () => {
  test('SMTP down: 202 at once, and delivered within a minute of its return, with the default retry schedule', async () => {
    const smtp = await startSmtp();
    const relay = await startRelay({ smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se' });
    cleanups.push(
      () => relay.cleanup(),
      () => smtp.stop(),
    );
    await smtp.stop();
    const res = await post(relay.base, valid());
    assert.equal(res.status, 202);
    // Down long enough for several failed attempts (1 s, 2 s, 4 s … between them).
    await sleep(4_000);
    assert.equal(smtp.mails.length, 0);
    await smtp.start();
    const back = Date.now();
    await waitFor(() => smtp.mails.length === 1, 60_000, 'the queued mail after the mail server came back');
    const waited = Date.now() - back;
    assert.ok(waited < 60_000, `delivered ${waited} ms after the mail server's return`);
    assert.equal(smtp.mails[0].parsed.messageId, `<${res.json.id}@trollhattan.se>`);
    await relay.idle();
    await sleep(300);
    assert.equal(smtp.mails.length, 1, 'and only once');
  });

  test('kill -9 of the real bin between the answer and the send: delivered exactly once after the restart', async () => {
    const { smtp, dataDir, env } = await realBinSetup();
    // The mail server is down, so the answer comes and the send cannot have happened yet.
    await smtp.stop();
    const first = await spawnRelay(env);
    cleanups.push(() => first.kill());
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await post(first.base, valid({ to: `k${i}@exempel.se` }), { 'idempotency-key': `kill-${i}` }));
    assert.deepEqual(
      answers.map((res) => res.status),
      [202, 202, 202],
    );
    const { signal } = await first.kill('SIGKILL');
    assert.equal(signal, 'SIGKILL');
    await smtp.start();
    const second = await spawnRelay(env);
    cleanups.push(() => second.kill());
    await waitFor(() => smtp.mails.length >= 3, 60_000, 'the three accepted mails');
    // The same Idempotency-Keys after the restart: the same answers, no new mail.
    for (let i = 0; i < 3; i++) {
      const again = await post(second.base, valid({ to: `k${i}@exempel.se` }), { 'idempotency-key': `kill-${i}` });
      assert.equal(again.status, 202);
      assert.equal(again.json.id, answers[i].json.id);
    }
    await sleep(1_500);
    assert.deepEqual(smtp.mails.map((mail) => mail.envelope.to[0]).sort(), ['k0@exempel.se', 'k1@exempel.se', 'k2@exempel.se']);
    // The store keeps no message text once it is sent: no file under DATA_DIR holds it.
    await second.kill('SIGTERM');
    for (const file of await readdir(dataDir))
      assert.doesNotMatch((await readFile(join(dataDir, file))).toString('latin1'), /exempel\.se|Bo Ek|Hej Anna/, file);
  });

  test('kill -9 at a random moment under load: every acknowledged message is delivered; only a mail in an SMTP transaction at the kill can go twice', async () => {
    const { smtp, env } = await realBinSetup({
      TRUST_PROXY: '1',
      LIMIT_PER_RECIPIENT: '1000',
      LIMIT_PER_SUBNET: '1000',
      LIMIT_PER_HOUR: '1000',
      LIMIT_PER_DAY: '1000',
    });
    const first = await spawnRelay(env);
    cleanups.push(() => first.kill());
    const acknowledged = [];
    let stop = false;
    const senders = Array.from({ length: 4 }, async (_, worker) => {
      for (let i = 0; !stop; i++) {
        const to = `w${worker}n${i}@exempel.se`;
        try {
          const res = await post(first.base, valid({ to }), { 'x-forwarded-for': `10.0.${worker}.${i % 250}` });
          if (res.status === 202) acknowledged.push(to);
        } catch {
          return; // the relay is gone
        }
      }
    });
    await waitFor(() => acknowledged.length >= 20, 30_000, '20 accepted messages');
    await sleep(Math.random() * 200);
    await first.kill('SIGKILL');
    stop = true;
    await Promise.all(senders);
    const second = await spawnRelay(env);
    cleanups.push(() => second.kill());
    await waitFor(
      async () => acknowledged.every((to) => smtp.mails.some((mail) => mail.envelope.to[0] === to)),
      60_000,
      'every acknowledged message',
    );
    await sleep(1_000);
    const counts = new Map();
    for (const mail of smtp.mails) counts.set(mail.envelope.to[0], (counts.get(mail.envelope.to[0]) ?? 0) + 1);
    const twice = [...counts].filter(([, n]) => n > 1);
    // A duplicate is only possible for a mail that was in an SMTP transaction at the kill: the server
    // may have said "250 OK" while the relay had not yet recorded it. The relay sends 4 at a time.
    assert.ok(twice.length <= 4, `sent twice: ${JSON.stringify(twice)}`);
    assert.ok(
      twice.every(([, n]) => n === 2),
      'never more than twice',
    );
  });

  test('the same Idempotency-Key twice (also at the same moment): one mail, the same answer', async () => {
    const smtp = await startSmtp();
    const relay = await startRelay({ smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se' });
    cleanups.push(
      () => relay.cleanup(),
      () => smtp.stop(),
    );
    const first = await post(relay.base, valid(), { 'idempotency-key': 'f1b7c0de-0001' });
    const second = await post(relay.base, valid(), { 'idempotency-key': 'f1b7c0de-0001' });
    assert.equal(first.status, 202);
    assert.equal(second.status, 202);
    assert.deepEqual(second.json, first.json);
    const together = await Promise.all(
      [1, 2, 3].map(() => post(relay.base, valid({ to: 'cecilia@exempel.se' }), { 'idempotency-key': 'f1b7c0de-0002' })),
    );
    assert.deepEqual(
      together.map((res) => res.status),
      [202, 202, 202],
    );
    assert.equal(new Set(together.map((res) => res.json.id)).size, 1);
    // A new key is a new message.
    const third = await post(relay.base, valid(), { 'idempotency-key': 'f1b7c0de-0003' });
    assert.notEqual(third.json.id, first.json.id);
    await relay.idle();
    assert.deepEqual(smtp.mails.map((mail) => mail.envelope.to[0]).sort(), ['anna@exempel.se', 'anna@exempel.se', 'cecilia@exempel.se']);
    // A repeat used up no limit: three messages counted, of the client's five.
    assert.equal((await post(relay.base, valid({ to: 'd1@exempel.se' }))).status, 202);
    assert.equal((await post(relay.base, valid({ to: 'd2@exempel.se' }))).status, 202);
    assert.equal((await post(relay.base, valid({ to: 'd3@exempel.se' }))).status, 429);
  });

  test('a key refused once (422, 429) is not remembered: the corrected retry with the same key is sent', async () => {
    const smtp = await startSmtp();
    const relay = await startRelay({ smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se' });
    cleanups.push(
      () => relay.cleanup(),
      () => smtp.stop(),
    );
    assert.equal((await post(relay.base, valid({ to: 'inte en adress' }), { 'idempotency-key': 'retry-me' })).status, 422);
    assert.equal((await post(relay.base, valid(), { 'idempotency-key': 'retry-me' })).status, 202);
    await relay.idle();
    assert.equal(smtp.mails.length, 1);
  });
});
