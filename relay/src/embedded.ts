/**
 * The embedded store: queue, Idempotency-Keys, limit windows and undeliverable mail in one SQLite
 * file under DATA_DIR (see database.ts). Every process on that DATA_DIR shares it: the limit check
 * and the insert are one `BEGIN IMMEDIATE` transaction, and a mail being sent is claimed by its
 * process (`owner`, with a heartbeat in `workers`), so two processes neither over-accept nor send twice.
 *
 * A message is committed (fsynced) before the relay answers 2xx, and marked sent right after the mail
 * server's "250 OK". The one window left: a crash between the two sends that mail again after the
 * restart, with the same Message-ID. Once sent, the message's text and addresses are erased
 * (`secure_delete` zeroes them in the file) and the WAL is checkpointed and truncated within a minute.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, loadSecret, openDatabase } from './database.js';
import { importLegacyJournal } from './legacy-journal.js';
import type { QueuedMail } from './mail.js';
import {
  backoff,
  IDEMPOTENCY_MS,
  pickLimit,
  type Health,
  type LimitSpec,
  type Limits,
  type Outcome,
  type QueueState,
  type Store,
  type StoreContext,
  type Submission,
} from './store.js';
import { errorSummary } from './errors.js';
import { readQueueState } from './status.js';

/** Each limit counts in 60 buckets per window: a bounded read per check, never more than `max` in any window (Retry-After may be up to one bucket, 1/60 of the window, longer). */
const BUCKETS = 60;
/** A process not seen for this long has died: its claimed mails are free to take. */
const DEAD_AFTER_MS = 10_000;
const HOUSEKEEPING_MS = 60_000;
/** Sent mail's text is gone from every file within this time (README, GDPR table). */
export const ERASED_WITHIN_MS = 60_000;
/** Undeliverable mail is kept this long for `status`, then deleted. */
const UNDELIVERABLE_KEPT_MS = 30 * 24 * 3600_000;
const POLL_MS = 1_000;

interface Claimed {
  id: string;
  at: number;
  body: string | null;
  attempts: number;
}

export async function openEmbeddedStore(dataDir: string, context: StoreContext): Promise<Store> {
  const { limits, retry, log, now, mailServer } = context;
  const db = openDatabase(dataDir);
  const secret = loadSecret(db, dataDir);
  importLegacyJournal(db, dataDir, log);
  const owner = randomUUID();
  const limitNames = Object.keys(limits) as Array<keyof Limits>;
  const bucketMs = (spec: LimitSpec) => Math.max(1, Math.floor(spec.windowMs / BUCKETS));

  const statements = {
    byKey: db.prepare<[string], { id: string; at: number; fingerprint: string }>(
      'SELECT id, at, fingerprint FROM mails WHERE idempotency_key = ?',
    ),
    forgetKey: db.prepare<[string]>('UPDATE mails SET idempotency_key = NULL WHERE id = ?'),
    hits: db.prepare<[string, string, number], { bucket: number; count: number }>(
      'SELECT bucket, count FROM hits WHERE limit_name = ? AND key = ? AND bucket >= ? AND count > 0 ORDER BY bucket',
    ),
    hit: db.prepare<[string, string, number, number, number]>(
      `INSERT INTO hits (limit_name, key, bucket, count, expires) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (limit_name, key, bucket) DO UPDATE SET count = count + excluded.count`,
    ),
    queued: db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM mails WHERE state = 'queued'`),
    insert: db.prepare(
      `INSERT INTO mails (id, at, state, idempotency_key, fingerprint, client, subnet, recipient, sender, body)
       VALUES (@id, @at, 'queued', @key, @fingerprint, @client, @subnet, @recipient, @sender, @body)`,
    ),
    heartbeat: db.prepare<[string, number]>(
      'INSERT INTO workers (owner, seen) VALUES (?, ?) ON CONFLICT (owner) DO UPDATE SET seen = excluded.seen',
    ),
    claim: db.prepare<[string, number, string, number, number], Claimed>(
      `UPDATE mails SET owner = ? WHERE id IN (
         SELECT id FROM mails WHERE state = 'queued' AND next_at <= ?
           AND (owner IS NULL OR (owner <> ? AND owner NOT IN (SELECT owner FROM workers WHERE seen > ?)))
         ORDER BY next_at, at LIMIT ?)
       RETURNING id, at, body, attempts`,
    ),
    sent: db.prepare<[number, string]>(
      `UPDATE mails SET state = 'sent', body = NULL, owner = NULL, done_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?`,
    ),
    retryLater: db.prepare<[number, string | null, string]>(
      'UPDATE mails SET owner = NULL, attempts = attempts + 1, next_at = ?, last_error = ? WHERE id = ?',
    ),
    release: db.prepare<[string]>('UPDATE mails SET owner = NULL WHERE owner = ?'),
    giveUp: db.prepare<[number, string, string], { id: string; at: number; attempts: number; recipient: string; sender: string }>(
      `UPDATE mails SET state = 'undeliverable', counted = 0, owner = NULL, done_at = ?, last_error = coalesce(?, last_error)
       WHERE id = ? RETURNING id, at, attempts, recipient, sender`,
    ),
    tooOld: db.prepare<[number, string, number], { id: string }>(
      `SELECT id FROM mails WHERE state = 'queued' AND at < ?
         AND (owner IS NULL OR (owner <> ? AND owner NOT IN (SELECT owner FROM workers WHERE seen > ?)))`,
    ),
    limitKeys: db.prepare<[string], { at: number; client: string; subnet: string; recipient: string }>(
      'SELECT at, client, subnet, recipient FROM mails WHERE id = ?',
    ),
  };

  const limitKey = (name: keyof Limits, keys: { client: string; subnet: string; recipient: string }) =>
    name === 'perClient' ? keys.client : name === 'perSubnet' ? keys.subnet : name === 'perRecipient' ? keys.recipient : '*';

  /** ms until `key` has a free slot under `name`, 0 when it has one now. */
  const wait = (name: keyof Limits, key: string, at: number) => {
    const spec = limits[name];
    const size = bucketMs(spec);
    const current = Math.floor(at / size);
    const rows = statements.hits.all(name, key, current - BUCKETS);
    let total = rows.reduce((sum, row) => sum + row.count, 0);
    if (total < spec.max) return 0;
    for (const row of rows) {
      total -= row.count;
      if (total < spec.max) return Math.max(1, (row.bucket + BUCKETS + 1) * size - at);
    }
    return spec.windowMs; // max 0: never
  };
  const count = (keys: { client: string; subnet: string; recipient: string }, at: number, sign: 1 | -1) => {
    for (const name of limitNames) {
      const size = bucketMs(limits[name]);
      const bucket = Math.floor(at / size);
      statements.hit.run(name, limitKey(name, keys), bucket, sign, (bucket + BUCKETS + 1) * size);
    }
  };

  const submitInTransaction = db.transaction((submission: Submission, at: number): Outcome => {
    const { key, mail } = submission;
    if (key) {
      const earlier = statements.byKey.get(key);
      if (earlier && at - earlier.at < IDEMPOTENCY_MS)
        return earlier.fingerprint === submission.fingerprint ? { kind: 'repeated', id: earlier.id } : { kind: 'conflict' };
      if (earlier) statements.forgetKey.run(earlier.id);
    }
    const limited = pickLimit(limitNames.map((name) => [name, wait(name, limitKey(name, submission), at)]));
    if (limited) return limited;
    if (statements.queued.get()!.n >= context.maxQueued) return { kind: 'unavailable', retryAfterS: 60, reason: 'queue full' };
    statements.insert.run({ ...submission, key: key ?? null, id: mail.id, at, body: JSON.stringify(mail.share) });
    count(submission, at, 1);
    return { kind: 'accepted', id: mail.id };
  });

  // The worker: claims what is due, a few at a time; while the mail server fails, one mail at a
  // time probes it, with a growing pause (at most retry.maxMs), so a long queue costs nothing.
  let timer: NodeJS.Timeout | undefined;
  let sending = 0;
  let closing = false;
  let serverFailures = 0;
  let probeAt = 0;
  let lastHousekeeping = -Infinity;
  let lastCleanup = -Infinity;
  let lastCheckpoint = now();
  let unerased = 0;
  const schedule = (ms: number) => {
    if (closing) return;
    clearTimeout(timer);
    timer = setTimeout(pass, ms);
  };
  const wake = () => schedule(0);

  function pass() {
    if (closing) return;
    const at = now();
    try {
      if (at - lastHousekeeping >= POLL_MS) housekeeping(at);
      const slots = mailServer.state === 'failing' ? (sending === 0 && at >= probeAt ? 1 : 0) : context.concurrency - sending;
      if (slots > 0)
        for (const row of db.transaction(() => statements.claim.all(owner, at, owner, at - DEAD_AFTER_MS, slots)).immediate())
          void deliver(row);
      // Sent text leaves the WAL file: when the worker rests (at most once a second), and within a minute under load.
      if (unerased && ((sending === 0 && at - lastCheckpoint >= 1_000) || at - lastCheckpoint >= ERASED_WITHIN_MS / 2)) checkpoint(at);
    } catch (error) {
      log.error({ err: errorSummary(error) }, 'store: the worker could not read or write the database');
    }
    schedule(POLL_MS);
  }

  function housekeeping(at: number) {
    lastHousekeeping = at;
    statements.heartbeat.run(owner, at);
    for (const { id } of statements.tooOld.all(at - retry.giveUpMs, owner, at - DEAD_AFTER_MS))
      undeliverable(id, at, `not delivered within ${Math.round(retry.giveUpMs / 3600_000)} hours`);
    if (at - lastCleanup >= HOUSEKEEPING_MS) {
      lastCleanup = at;
      db.prepare('DELETE FROM hits WHERE expires < ?').run(at);
      db.prepare(`DELETE FROM mails WHERE state = 'sent' AND at < ?`).run(at - IDEMPOTENCY_MS);
      db.prepare(`DELETE FROM mails WHERE state = 'undeliverable' AND done_at < ?`).run(at - UNDELIVERABLE_KEPT_MS);
      db.prepare('DELETE FROM workers WHERE seen < ?').run(at - 10 * DEAD_AFTER_MS);
    }
  }

  function checkpoint(at: number) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
    if (result.busy) return; // another process is reading: next pass
    unerased = 0;
    lastCheckpoint = at;
  }

  /** Given up: kept for `status`, logged at error level, its limit slots given back. */
  function undeliverable(id: string, at: number, reason: string) {
    db.transaction(() => {
      const keys = statements.limitKeys.get(id);
      const row = statements.giveUp.get(at, reason, id);
      if (keys && row) count(keys, keys.at, -1);
      if (row)
        log.error(
          { id, to: row.recipient, from: row.sender, attempts: row.attempts, queuedMs: at - row.at, reason },
          'mail undeliverable: given up, kept for `industrikommun-share-relay status`',
        );
    }).immediate();
  }

  async function deliver(row: Claimed) {
    let mail: QueuedMail;
    try {
      mail = { id: row.id, at: row.at, share: JSON.parse(row.body ?? 'null') };
      if (!mail.share || typeof mail.share.to !== 'string') throw new Error('no message in the row');
    } catch (error) {
      // One damaged row stops nothing else: it is set aside, visibly.
      undeliverable(row.id, now(), `damaged row: ${(error as Error).message}`);
      return;
    }
    sending++;
    const attempts = row.attempts + 1;
    try {
      try {
        await context.deliver(mail);
      } catch (error) {
        const at = now();
        const summary = errorSummary(error);
        if (context.isPermanent(error)) {
          undeliverable(row.id, at, `refused by the mail server: ${summary.message ?? summary.code}`);
          return;
        }
        serverFailures++;
        if (mailServer.state !== 'failing') Object.assign(mailServer, { state: 'failing', since: at });
        mailServer.error = summary.message ?? summary.code;
        probeAt = at + backoff(serverFailures, retry);
        const nextAt = at + backoff(attempts, retry);
        statements.retryLater.run(nextAt, mailServer.error ?? null, row.id);
        log.warn({ id: row.id, attempts, retryInMs: Math.round(nextAt - at), err: summary }, 'mail not sent yet; will retry');
        return;
      }
      const at = now();
      serverFailures = 0;
      if (mailServer.state !== 'reachable') Object.assign(mailServer, { state: 'reachable', since: at, error: undefined });
      log.info({ id: row.id, attempts, queuedMs: at - row.at }, 'mail sent');
      try {
        statements.sent.run(at, row.id);
        unerased++;
      } catch (error) {
        // Still claimed by this process, so never sent again by it; after a restart it would be.
        log.error({ id: row.id, err: errorSummary(error) }, 'mail sent but not marked sent: it would be sent again after a restart');
      }
    } catch (error) {
      log.error({ id: row.id, err: errorSummary(error) }, 'store: could not record an attempt');
    } finally {
      sending--;
      if (!closing) setImmediate(pass);
    }
  }

  statements.heartbeat.run(owner, now());
  const waiting = statements.queued.get()!.n;
  if (waiting) log.info({ queued: waiting }, 'store: resuming queued mail');
  wake();

  return {
    description: `embedded SQLite store in ${join(dataDir, DATABASE_FILE)}`,
    secret,
    async submit(submission) {
      let outcome: Outcome;
      try {
        outcome = submitInTransaction.immediate(submission, now());
      } catch (error) {
        log.error({ err: errorSummary(error) }, 'store: could not store a message');
        return { kind: 'unavailable', retryAfterS: 30, reason: 'store write failed' };
      }
      if (outcome.kind === 'accepted' && sending < context.concurrency) wake();
      return outcome;
    },
    async health(): Promise<Health> {
      if (closing) return { canStore: false, reason: 'closing' };
      try {
        db.prepare(`INSERT INTO meta (name, value) VALUES ('health', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value`).run(
          String(now()),
        );
        // The directory itself must take new files too (the WAL, a restart's files).
        const probe = join(dataDir, `.healthz-${owner}`);
        const fd = openSync(probe, 'w', 0o600);
        try {
          writeSync(fd, 'ok');
          fsyncSync(fd);
        } finally {
          closeSync(fd);
          unlinkSync(probe);
        }
        return { canStore: true };
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string };
        return { canStore: false, reason: code ?? message ?? 'write failed' };
      }
    },
    async queueState(): Promise<QueueState> {
      return readQueueState(db, now());
    },
    idle() {
      return new Promise<void>((resolve) => {
        const check = () => (sending === 0 && statements.queued.get()!.n === 0 ? resolve() : setTimeout(check, 20));
        check();
      });
    },
    async close() {
      closing = true;
      clearTimeout(timer);
      while (sending > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      try {
        statements.release.run(owner);
        db.prepare('DELETE FROM workers WHERE owner = ?').run(owner);
        if (unerased) db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // nothing more can be done: another process, or the next start, takes over
      }
      db.close();
    },
  };
}
