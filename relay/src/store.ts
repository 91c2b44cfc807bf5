/** What the HTTP side needs from a store (embedded SQLite or Redis), and the limits both enforce. */
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
  /** per network (IPv4 /24, IPv6 /48): a handful of addresses cannot use up the service's limits alone */
  perSubnet: LimitSpec;
  /** per normalised recipient address */
  perRecipient: LimitSpec;
  /** the whole relay, per hour */
  perHour: LimitSpec;
  /** the whole relay, per day */
  perDay: LimitSpec;
}

/** The limit that is the visitor's own; the others (their network's, the recipient's, the whole relay's) are the service's for now. */
export const VISITOR_LIMITS: ReadonlyArray<keyof Limits> = ['perClient'];

const MINUTE = 60_000;
export const DEFAULT_LIMITS: Limits = {
  perClient: { max: 5, windowMs: 10 * MINUTE },
  perSubnet: { max: 20, windowMs: 60 * MINUTE },
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
  /** hash of the message's content: the same key with another message is refused */
  fingerprint: string;
  /** hash of the client key */
  client: string;
  /** hash of the client's network (IPv4 /24, IPv6 /48) */
  subnet: string;
  /** hash of the normalised recipient (as in the logs' `to`) */
  recipient: string;
  /** hash of the normalised sender (as in the logs' `from`) */
  sender: string;
}

export type Outcome =
  | { kind: 'accepted'; id: string }
  /** the Idempotency-Key was seen with the same message: the earlier message's id; nothing new is stored */
  | { kind: 'repeated'; id: string }
  /** the Idempotency-Key was seen with another message: nothing is stored */
  | { kind: 'conflict' }
  /** `scope` says whose limit it was: the visitor's own, or the whole service's */
  | { kind: 'limited'; retryAfterMs: number; limit: keyof Limits; scope: 'visitor' | 'service' }
  /** the message could not be stored (disk, Redis, queue full); nothing was used up */
  | { kind: 'unavailable'; retryAfterS: number; reason: string }
  /** a request with the same Idempotency-Key is being handled right now */
  | { kind: 'inFlight' };

/** One mail given up, as `status` shows it: addresses only as the logs' hashes. */
export interface Undeliverable {
  id: string;
  acceptedAt: number;
  givenUpAt?: number;
  to?: string;
  from?: string;
  attempts: number;
  error?: string;
}

export interface QueueState {
  queued: number;
  /** age of the oldest queued mail in ms, null when none is queued */
  oldestMs: number | null;
  undeliverable: Undeliverable[];
}

export interface Health {
  canStore: boolean;
  /** why it cannot, when it cannot */
  reason?: string;
}

export interface Store {
  readonly description: string;
  /** the secret for hashing addresses, kept with the store so every instance sharing it hashes alike */
  readonly secret: string;
  submit(submission: Submission): Promise<Outcome>;
  /** can it store work now (a real write) */
  health(): Promise<Health>;
  queueState(): Promise<QueueState>;
  /** resolves once no message is waiting or being sent (for tests and graceful shutdown) */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface Retry {
  /** first retry after this many ms, doubling */
  minMs: number;
  /** never waits longer than this between attempts: queued mail goes out within a minute of the mail server's return */
  maxMs: number;
  /** a message not delivered within this age is kept as undeliverable (and logged at error level) */
  giveUpMs: number;
}

export const DEFAULT_RETRY: Retry = { minMs: 1000, maxMs: 30_000, giveUpMs: 3 * 24 * 60 * MINUTE };

export const backoff = (attempt: number, retry: Retry) =>
  Math.min(retry.maxMs, retry.minMs * 2 ** Math.max(0, attempt - 1)) * (0.8 + Math.random() * 0.2);

export interface Deliverer {
  /** sends one message; throws on failure */
  (mail: QueuedMail): Promise<void>;
}

/** What the relay knows of its mail server: from the check at start and from every attempt since. */
export interface MailServerState {
  state: 'unknown' | 'reachable' | 'failing';
  /** since when it is in that state (ms, the store's clock) */
  since: number;
  /** the last failure, without addresses */
  error?: string;
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
  /** the clock (tests move it) */
  now: () => number;
  mailServer: MailServerState;
}

/** Which limit is hit first, and when a slot frees; the visitor's own before the service's. */
export function pickLimit(waits: Array<[keyof Limits, number]>): Outcome | undefined {
  const hit = waits.filter(([, ms]) => ms > 0);
  if (!hit.length) return undefined;
  const own = hit.filter(([name]) => VISITOR_LIMITS.includes(name));
  const [limit] = (own.length ? own : hit).reduce((a, b) => (b[1] > a[1] ? b : a));
  // Retry-After waits for every limit that is hit: an earlier retry would only be refused again.
  const retryAfterMs = Math.max(...hit.map(([, ms]) => ms));
  return { kind: 'limited', retryAfterMs, limit, scope: VISITOR_LIMITS.includes(limit) ? 'visitor' : 'service' };
}
