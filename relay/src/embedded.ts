/**
 * The embedded store: queue, Idempotency-Keys and rate-limit counters in one journal under DATA_DIR.
 *
 * Records:
 * - `q` queued: a message accepted (full text, limit keys as hashes, the Idempotency-Key's hash);
 * - `s` sent: the mail server accepted it;
 * - `f` failed: given up (permanent refusal or too old); its limit slots are given back;
 * - `k` kept: after a rewrite, a message already sent, reduced to its hashes, timestamps and id,
 *   which is all the limits and the Idempotency-Keys need for their 24 hours.
 *
 * A message is in the journal (synced) before the relay answers 2xx, and marked sent right after
 * the mail server's "250 OK". The one window left: a crash after the mail server accepted a mail
 * and before the `s` record reached the disk (the time of one fdatasync, about a millisecond) sends
 * that mail again after the restart, with the same Message-ID.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Journal, type JournalRecord } from './journal.js';
import type { QueuedMail } from './mail.js';
import { backoff, IDEMPOTENCY_MS, type LimitSpec, type Outcome, type Store, type StoreContext, type Submission } from './store.js';

/** Sliding-window counter: at most `max` events per key within any `windowMs`. */
class SlidingLimit {
  private hits = new Map<string, number[]>();
  constructor(readonly spec: LimitSpec) {}

  /** ms until `key` has a free slot, 0 when it has one now */
  wait(key: string, now: number): number {
    const times = this.recent(key, now);
    return times.length < this.spec.max ? 0 : times[times.length - this.spec.max] + this.spec.windowMs - now;
  }
  add(key: string, at: number) {
    const times = this.hits.get(key);
    if (times) {
      times.push(at);
      if (times.length > 1 && times[times.length - 2] > at) times.sort((a, b) => a - b);
    } else this.hits.set(key, [at]);
  }
  remove(key: string, at: number) {
    const times = this.hits.get(key);
    const index = times?.indexOf(at) ?? -1;
    if (index >= 0) times!.splice(index, 1);
    if (times && !times.length) this.hits.delete(key);
  }
  /** Forgets what can no longer matter: memory stays bounded by what the windows can hold. */
  sweep(now: number) {
    for (const key of this.hits.keys()) this.recent(key, now);
  }
  get size() {
    return this.hits.size;
  }
  private recent(key: string, now: number) {
    const times = this.hits.get(key);
    if (!times) return [];
    let drop = 0;
    while (drop < times.length && now - times[drop] >= this.spec.windowMs) drop++;
    if (drop) times.splice(0, drop);
    if (!times.length) this.hits.delete(key);
    return times;
  }
}

interface History {
  id: string;
  at: number;
  key?: string;
  client: string;
  recipient: string;
}

interface Pending {
  mail: QueuedMail;
  attempts: number;
  nextAt: number;
  sending: boolean;
  /** the mail server took it but the `s` record could not be written: never send again in this process */
  sent: boolean;
}

const SITE = '*';
const REWRITE_BYTES = 4 * 1024 * 1024;
const REWRITE_EVERY_MS = 10 * 60_000;
const SWEEP_EVERY_MS = 60_000;

export async function openEmbeddedStore(dataDir: string, context: StoreContext): Promise<Store> {
  const { limits, retry, log } = context;
  const perClient = new SlidingLimit(limits.perClient);
  const perRecipient = new SlidingLimit(limits.perRecipient);
  const perHour = new SlidingLimit(limits.perHour);
  const perDay = new SlidingLimit(limits.perDay);
  const keep = Math.max(IDEMPOTENCY_MS, ...Object.values(limits).map((spec: LimitSpec) => spec.windowMs));
  const history = new Map<string, History>();
  const keys = new Map<string, string>(); // Idempotency-Key hash → message id
  const pending = new Map<string, Pending>();
  const inFlight = new Map<string, Promise<Outcome>>();
  const idleWaiters = new Set<() => void>();
  let sentSinceRewrite = 0;

  const count = (entry: History, sign: 1 | -1) => {
    const op = sign > 0 ? 'add' : 'remove';
    perClient[op](entry.client, entry.at);
    perRecipient[op](entry.recipient, entry.at);
    perHour[op](SITE, entry.at);
    perDay[op](SITE, entry.at);
  };

  // A new message's counts are taken before its record is written (so that concurrent requests see
  // them) and given back if the write fails; a replayed one is counted when read.
  const apply = (record: JournalRecord, replaying: boolean) => {
    const now = Date.now();
    if (record.t === 'q' || record.t === 'k') {
      const entry = { id: record.id, at: record.at, key: record.key, client: record.c, recipient: record.r } as History;
      if (now - entry.at >= keep) return;
      history.set(entry.id, entry);
      if (entry.key && now - entry.at < IDEMPOTENCY_MS) keys.set(entry.key, entry.id);
      if (replaying) count(entry, 1);
      if (record.t === 'q') pending.set(entry.id, { mail: record.m as QueuedMail, attempts: 0, nextAt: 0, sending: false, sent: false });
    } else if (record.t === 's') {
      pending.delete(record.id as string);
      sentSinceRewrite++;
    } else if (record.t === 'f') {
      pending.delete(record.id as string);
      const entry = history.get(record.id as string);
      if (entry) count(entry, -1);
      history.delete(record.id as string);
    }
  };

  const { journal, damaged } = await Journal.open(dataDir, apply);
  if (damaged) log.warn({ damaged }, 'journal: skipped damaged lines');
  const secret = await loadSecret(dataDir);

  const snapshot = (): JournalRecord[] => {
    const now = Date.now();
    const records: JournalRecord[] = [];
    for (const entry of history.values()) {
      if (now - entry.at >= keep) {
        history.delete(entry.id);
        continue;
      }
      const base = { id: entry.id, at: entry.at, key: entry.key, c: entry.client, r: entry.recipient };
      const waiting = pending.get(entry.id);
      records.push(waiting && !waiting.sent ? { t: 'q', ...base, m: waiting.mail } : { t: 'k', ...base });
    }
    for (const [key, id] of keys) if (!history.has(id)) keys.delete(key);
    return records;
  };

  const rewrite = async () => {
    try {
      await journal.rewrite(snapshot);
      sentSinceRewrite = 0;
    } catch (error) {
      log.error({ err: error }, 'journal: rewrite failed; the old journal stays in use');
    }
  };
  // Sent messages' text leaves the disk at the next rewrite: at start, then every 10 minutes.
  await rewrite();
  const housekeeping = setInterval(() => {
    const now = Date.now();
    for (const limit of [perClient, perRecipient, perHour, perDay]) limit.sweep(now);
    for (const [key, id] of keys) {
      const entry = history.get(id);
      if (!entry || now - entry.at >= IDEMPOTENCY_MS) keys.delete(key);
    }
  }, SWEEP_EVERY_MS);
  const rewriter = setInterval(() => {
    if (sentSinceRewrite || journal.appendedSince > REWRITE_BYTES) void rewrite();
  }, REWRITE_EVERY_MS);
  housekeeping.unref();
  rewriter.unref();

  // The worker: sends what is due, a few at a time, and sleeps until the next retry is due.
  let timer: NodeJS.Timeout | undefined;
  let sending = 0;
  let closing = false;
  const wake = () => {
    if (closing) return;
    clearTimeout(timer);
    const now = Date.now();
    let next = Infinity;
    for (const item of pending.values()) {
      if (item.sending || item.sent) continue;
      if (item.nextAt <= now && sending < context.concurrency) void deliver(item);
      else next = Math.min(next, item.nextAt);
    }
    if (next < Infinity) timer = setTimeout(wake, Math.max(10, next - now));
    notifyIdle();
  };
  const notifyIdle = () => {
    const busy = [...pending.values()].some((item) => !item.sent);
    if (!busy && sending === 0) for (const resolve of idleWaiters) resolve();
  };

  const deliver = async (item: Pending) => {
    const { mail } = item;
    item.sending = true;
    sending++;
    item.attempts++;
    const finished = () => {
      item.sending = false;
      sending--;
      setImmediate(wake);
    };
    try {
      if (Date.now() - mail.at > retry.giveUpMs) throw Object.assign(new Error('too old: given up'), { giveUp: true });
      await context.deliver(mail);
    } catch (error) {
      const giveUp = (error as { giveUp?: boolean }).giveUp || context.isPermanent(error);
      if (giveUp) {
        log.error({ id: mail.id, attempts: item.attempts, err: errorSummary(error) }, 'mail given up');
        await journal.append([{ t: 'f', id: mail.id, at: Date.now() }]).catch(() => (item.sent = true));
      } else {
        item.nextAt = Date.now() + backoff(item.attempts, retry);
        log.warn(
          { id: mail.id, attempts: item.attempts, retryInMs: Math.round(item.nextAt - Date.now()), err: errorSummary(error) },
          'mail not sent yet; will retry',
        );
      }
      return finished();
    }
    log.info({ id: mail.id, attempts: item.attempts, queuedMs: Date.now() - mail.at }, 'mail sent');
    try {
      await journal.append([{ t: 's', id: mail.id, at: Date.now() }]);
    } catch (error) {
      item.sent = true;
      log.error({ id: mail.id, err: errorSummary(error) }, 'mail sent but not marked sent: it would be sent again after a restart');
    }
    finished();
  };

  const submit = async (submission: Submission): Promise<Outcome> => {
    const { mail, key } = submission;
    const now = Date.now();
    const waitMs = Math.max(
      perClient.wait(submission.client, now),
      perRecipient.wait(submission.recipient, now),
      perHour.wait(SITE, now),
      perDay.wait(SITE, now),
    );
    if (waitMs > 0) return { kind: 'limited', retryAfterMs: waitMs };
    if (pending.size >= context.maxQueued) return { kind: 'unavailable', retryAfterS: 60, reason: 'queue full' };
    const entry: History = { id: mail.id, at: now, key, client: submission.client, recipient: submission.recipient };
    count(entry, 1);
    try {
      await journal.append([{ t: 'q', id: mail.id, at: now, key, c: entry.client, r: entry.recipient, m: { ...mail, at: now } }]);
    } catch (error) {
      count(entry, -1);
      log.error({ err: errorSummary(error) }, 'journal: could not store a message');
      return { kind: 'unavailable', retryAfterS: 30, reason: 'journal write failed' };
    }
    wake();
    return { kind: 'accepted', id: mail.id };
  };

  // What the journal still holds from before a restart goes out now.
  if (pending.size) log.info({ queued: pending.size }, 'journal: resuming queued mail');
  setImmediate(wake);

  return {
    description: `embedded journal in ${dataDir}`,
    secret,
    submit(submission) {
      const { key } = submission;
      if (key) {
        const earlier = keys.get(key);
        if (earlier) return Promise.resolve({ kind: 'repeated', id: earlier });
        if (inFlight.has(key))
          return inFlight.get(key)!.then((outcome) => (outcome.kind === 'accepted' ? { kind: 'repeated', id: outcome.id } : outcome));
      }
      const outcome = submit(submission);
      if (key) {
        inFlight.set(key, outcome);
        void outcome.finally(() => inFlight.delete(key));
      }
      return outcome;
    },
    async healthy() {
      return !closing && pending.size < context.maxQueued;
    },
    idle() {
      return new Promise<void>((resolve) => {
        const done = () => {
          idleWaiters.delete(done);
          resolve();
        };
        idleWaiters.add(done);
        notifyIdle();
      });
    },
    async close() {
      closing = true;
      clearTimeout(timer);
      clearInterval(housekeeping);
      clearInterval(rewriter);
      while (sending > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await journal.close();
    },
  };
}

/** The hashing secret lives with the data it protects: a new DATA_DIR gets a new one. */
async function loadSecret(dataDir: string) {
  const path = join(dataDir, 'secret');
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    await writeFile(path, `${secret}\n`, { mode: 0o600, flag: 'wx' }).catch(() => {});
    return (await readFile(path, 'utf8')).trim();
  }
}

/** What an error may say in a log: its code and the server's reply, never the message's content. */
export function errorSummary(error: unknown) {
  const { code, responseCode, message } = (error ?? {}) as { code?: string; responseCode?: number; message?: string };
  // Mail servers quote the recipient in their refusals: addresses are cut out.
  return {
    code,
    responseCode,
    message: typeof message === 'string' ? message.replace(/[^\s<>@]+@[^\s<>]+/g, '<address>').slice(0, 300) : undefined,
  };
}
