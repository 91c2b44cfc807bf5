// The embedded SQLite store: days-long retries (injected clock), GDPR erasure on disk, damaged rows,
// two processes on one DATA_DIR, no busy loop while the mail server is down, status.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { BIN, post, sleep, spawnRelay, startRelay, startSmtp, tempDir, valid, waitFor } from './helpers.mjs';

const HOUR = 3600_000;
const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
});

/** A clock the test moves, and a logger whose lines the test reads. */
function harness() {
  const clock = { offset: 0, now: () => Date.now() + clock.offset };
  const lines = [];
  const logger = pino({ level: 'info' }, { write: (line) => lines.push(JSON.parse(line)) });
  return { clock, lines, logger };
}

/** Every file under `dir`, as latin1 text (so any byte sequence can be searched). */
async function everyFile(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile())
      out.push({ name: entry.name, text: (await readFile(join(entry.parentPath ?? entry.path, entry.name))).toString('latin1') });
  return out;
}

const PERSONAL = /anna@exempel|bo@exempel|Bo Ek|Hej Anna|industrikommunerna|Industriell f/;

const statusOf = (dataDir) =>
  promisify(execFile)(process.execPath, [BIN, 'status'], { env: { PATH: process.env.PATH, DATA_DIR: dataDir } }).then((r) => r.stdout);

describe('the embedded store', () => {
  test('SMTP down 23 h: still queued; 25 h and a restart: still queued, then sent; 4 days: undeliverable, logged at error, listed by status', async () => {
    const { clock, lines, logger } = harness();
    const smtp = await startSmtp();
    const dataDir = await tempDir();
    cleanups.push(
      () => smtp.stop(),
      () => rm(dataDir, { recursive: true, force: true }),
    );
    await smtp.stop();
    // Retries at most 5 s apart here (30 s by default), so the test does not wait for the schedule's cap.
    const options = { smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se', dataDir, clock: clock.now, logger, retry: { maxMs: 5_000 } };
    let relay = await startRelay(options);
    assert.equal((await post(relay.base, valid())).status, 202);
    clock.offset = 23 * HOUR;
    await sleep(1_500);
    let state = await relay.store.queueState();
    assert.equal(state.queued, 1, 'queued at 23 h');
    assert.ok(state.oldestMs >= 23 * HOUR);
    clock.offset = 25 * HOUR;
    await relay.close();
    relay = await startRelay(options);
    cleanups.push(() => relay.close());
    state = await relay.store.queueState();
    assert.equal(state.queued, 1, 'still queued at 25 h, after a restart');
    await smtp.start();
    await waitFor(() => smtp.mails.length === 1, 60_000, 'the 25-hour-old mail once the mail server is back');

    await smtp.stop();
    const late = await post(relay.base, valid({ to: 'sen@exempel.se' }), { 'x-forwarded-for': '1' });
    assert.equal(late.status, 202);
    clock.offset = 25 * HOUR + 3 * 24 * HOUR - 60_000;
    await sleep(1_500);
    assert.equal((await relay.store.queueState()).undeliverable.length, 0, 'not given up before 3 days');
    clock.offset = 25 * HOUR + 4 * 24 * HOUR;
    await waitFor(async () => (await relay.store.queueState()).undeliverable.length === 1, 10_000, 'given up at 4 days');
    const logged = lines.find((line) => line.msg.startsWith('mail undeliverable'));
    assert.equal(logged?.level, 50, 'logged at error level');
    assert.equal(logged.id, late.json.id);
    assert.doesNotMatch(JSON.stringify(lines), /sen@exempel|bo@exempel/, 'no address in the logs');
    const printed = await statusOf(dataDir);
    assert.match(printed, /^queued: 0$/m);
    assert.match(printed, /^undeliverable: 1$/m);
    assert.match(printed, new RegExp(late.json.id));
    assert.match(printed, new RegExp(`to ${logged.to}`), 'the address as the logs hash it');
    assert.doesNotMatch(printed, /exempel/);
  });

  test('GDPR: once sent, no file under DATA_DIR holds an address, name, message or title in clear (after the promised minute)', async () => {
    const { clock, logger } = harness();
    const smtp = await startSmtp();
    const relay = await startRelay({ smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se', clock: clock.now, logger });
    cleanups.push(
      () => relay.cleanup(),
      () => smtp.stop(),
    );
    await smtp.stop();
    for (let i = 0; i < 3; i++) assert.equal((await post(relay.base, valid(), { 'idempotency-key': `gdpr-${i}` })).status, 202);
    // The search finds the text while the mail waits: the check below can fail.
    assert.ok(
      (await everyFile(relay.dataDir)).some((file) => PERSONAL.test(file.text)),
      'queued mail is on disk',
    );
    await smtp.start();
    await waitFor(() => smtp.mails.length === 3, 60_000, 'three mails');
    clock.offset = 61_000;
    await sleep(2_500);
    for (const file of await everyFile(relay.dataDir)) assert.doesNotMatch(file.text, PERSONAL, file.name);
  });

  test('a damaged row never erases the others: they are sent; it is kept as undeliverable', async () => {
    const smtp = await startSmtp();
    const dataDir = await tempDir();
    cleanups.push(
      () => smtp.stop(),
      () => rm(dataDir, { recursive: true, force: true }),
    );
    await smtp.stop();
    const options = { smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se', dataDir };
    const first = await startRelay(options);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await post(first.base, valid({ to: `d${i}@exempel.se` }))).json.id);
    await first.close();
    const db = new Database(join(dataDir, 'relay.sqlite'));
    db.prepare('UPDATE mails SET body = ? WHERE id = ?').run('{"to": "d1@exem', ids[1]);
    db.close();
    await smtp.start();
    const again = await startRelay(options);
    cleanups.push(() => again.close());
    await waitFor(() => smtp.mails.length === 2, 60_000, 'the two whole mails');
    assert.deepEqual(smtp.mails.map((mail) => mail.envelope.to[0]).sort(), ['d0@exempel.se', 'd2@exempel.se']);
    const { undeliverable } = await again.store.queueState();
    assert.deepEqual(
      undeliverable.map((mail) => mail.id),
      [ids[1]],
    );
    assert.match(undeliverable[0].error, /damaged/);
  });

  test('an upgrade from the journal-based relay: its unsent mail is sent, its sent mail is not, and the journal (text in clear) is deleted', async () => {
    const smtp = await startSmtp();
    const dataDir = await tempDir();
    cleanups.push(
      () => smtp.stop(),
      () => rm(dataDir, { recursive: true, force: true }),
    );
    const at = Date.now() - 60_000;
    const queued = (id, to) => JSON.stringify({ t: 'q', id, at, c: 'client-hash', r: `${to}-hash`, m: { id, at, share: valid({ to }) } });
    await writeFile(
      join(dataDir, 'journal.ndjson'),
      [
        queued('old-1', 'gammal1@exempel.se'),
        queued('old-2', 'gammal2@exempel.se'),
        JSON.stringify({ t: 's', id: 'old-1', at }),
        '{"t":"q","id":"to',
      ].join('\n') + '\n',
    );
    const relay = await startRelay({ smtpUrl: smtp.url, mailFrom: 'tipsa@trollhattan.se', dataDir });
    cleanups.push(() => relay.close());
    await waitFor(() => smtp.mails.length === 1, 30_000, 'the unsent mail of the old journal');
    await relay.idle();
    assert.deepEqual(
      smtp.mails.map((mail) => mail.envelope.to[0]),
      ['gammal2@exempel.se'],
    );
    assert.ok(!(await readdir(dataDir)).includes('journal.ndjson'));
  });

  test('two processes on one DATA_DIR: 100 requests from one client split between them: exactly 5 accepted, each sent once', async () => {
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
    };
    const a = await spawnRelay(env);
    cleanups.push(() => a.kill());
    const b = await spawnRelay(env);
    cleanups.push(() => b.kill());
    // Ten at a time to each (a client may hold 20 connections open), all at once from the store's view.
    const answers = [];
    for (let batch = 0; batch < 5; batch++)
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, i) => post(i % 2 ? b.base : a.base, valid({ to: `p${batch}-${i}@exempel.se` }))),
        )),
      );
    const accepted = answers.filter((res) => res.status === 202);
    assert.equal(accepted.length, 5, JSON.stringify(answers.map((res) => res.status)));
    assert.equal(answers.filter((res) => res.status === 429).length, 95);
    await waitFor(() => smtp.mails.length >= 5, 30_000, 'five mails');
    await sleep(2_000);
    assert.equal(smtp.mails.length, 5, 'each once');
    assert.deepEqual(new Set(smtp.mails.map((mail) => mail.parsed.messageId)).size, 5);
  });
});
