/** What the HTTP side needs from a store (embedded journal or Redis), and the limits both enforce. */
import { IDEMPOTENCY_WINDOW_MS } from '#contract';
import type { Logger } from 'pino';
import type { QueuedMail } from './mail.js';

export interface LimitSpec {
  max: number;
  windowMs: number;
}

export interface Limits {
  /** per client (IPv4 address, IPv6 /64) */
  perClient: LimitSpec;
  /** per normalised recipient address */
  perRecipient: LimitSpec;
  /** the whole relay, per hour */
  perHour: LimitSpec;
  /** the whole relay, per day */
  perDay: LimitSpec;
}

const MINUTE = 60_000;
export const DEFAULT_LIMITS: Limits = {
  perClient: { max: 5, windowMs: 10 * MINUTE },
  perRecipient: { max: 5, windowMs: 24 * 60 * MINUTE },
  perHour: { max: 200, windowMs: 60 * MINUTE },
  perDay: { max: 1000, windowMs: 24 * 60 * MINUTE },
};

/** How long an Idempotency-Key is remembered. */
export const IDEMPOTENCY_MS = IDEMPOTENCY_WINDOW_MS;

/** What one accepted message counts against, as hashes: a store never holds a raw address for counting. */
export interface Submission {
  mail: QueuedMail;
  /** hash of the Idempotency-Key header, when the request had one */
  key?: string;
  /** hash of the client key */
  client: string;
  /** hash of the normalised recipient */
  recipient: string;
}

export type Outcome =
  | { kind: 'accepted'; id: string }
  /** the Idempotency-Key was seen: the earlier message's id; nothing new is stored */
  | { kind: 'repeated'; id: string }
  | { kind: 'limited'; retryAfterMs: number }
  /** the message could not be stored (disk, Redis, queue full); nothing was used up */
  | { kind: 'unavailable'; retryAfterS: number; reason: string }
  /** a request with the same Idempotency-Key is being handled right now */
  | { kind: 'inFlight' };

export interface Store {
  readonly description: string;
  /** the secret for hashing addresses, kept with the store so every instance sharing it hashes alike */
  readonly secret: string;
  submit(submission: Submission): Promise<Outcome>;
  /** can it accept work now */
  healthy(): Promise<boolean>;
  /** resolves once no message is waiting or being sent (for tests and graceful shutdown) */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface Retry {
  /** first retry after this many ms, doubling */
  minMs: number;
  /** never waits longer than this between attempts: queued mail goes out within a minute of the mail server's return */
  maxMs: number;
  /** a message not delivered within this age is given up (and logged) */
  giveUpMs: number;
}

export const DEFAULT_RETRY: Retry = { minMs: 1000, maxMs: 30_000, giveUpMs: 3 * 24 * 60 * MINUTE };

export const backoff = (attempt: number, retry: Retry) =>
  Math.min(retry.maxMs, retry.minMs * 2 ** Math.max(0, attempt - 1)) * (0.8 + Math.random() * 0.2);

export interface Deliverer {
  /** sends one message; throws on failure */
  (mail: QueuedMail): Promise<void>;
}

export interface StoreContext {
  limits: Limits;
  retry: Retry;
  deliver: Deliverer;
  isPermanent: (error: unknown) => boolean;
  log: Logger;
  /** messages waiting at most; beyond it the relay answers 503 (bounded disk and memory) */
  maxQueued: number;
  concurrency: number;
}
