/**
 * The shared store: with REDIS_URL, the queue (BullMQ) and the limits (rate-limiter-flexible) live in
 * Redis, so every relay behind one load balancer counts and delivers together.
 *
 * Durability is Redis's: run it with `appendonly yes` (and `appendfsync always` for the same promise
 * as the embedded journal), or an accepted message can be lost with Redis itself.
 */
import { randomBytes } from 'node:crypto';
import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { QueuedMail } from './mail.js';
import {
  backoff,
  IDEMPOTENCY_MS,
  VISITOR_LIMITS,
  type Limits,
  type Outcome,
  type QueueState,
  type Store,
  type StoreContext,
  type Submission,
} from './store.js';
import { errorSummary } from './errors.js';

const PREFIX = 'ik-share-relay';
const QUEUE = 'mail';

interface JobData {
  mail: QueuedMail;
  client: string;
  subnet: string;
  recipient: string;
  sender?: string;
}

export async function openRedisStore(redisUrl: string, context: StoreContext): Promise<Store> {
  const { limits, retry, log, mailServer, now } = context;
  // Requests fail fast when Redis is away (the visitor gets a 503, nothing is used up); the worker's
  // own connections wait and reconnect, as BullMQ requires.
  const requests = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 3000, lazyConnect: true });
  requests.on('error', (error) => log.warn({ err: errorSummary(error) }, 'redis: connection problem'));
  await requests.connect();
  const workerConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  workerConnection.on('error', () => {}); // reported by the request connection already
  const queueConnection = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: 3000 });
  queueConnection.on('error', () => {});

  await requests.set(`${PREFIX}:secret`, randomBytes(32).toString('base64url'), 'NX');
  const secret = (await requests.get(`${PREFIX}:secret`))!;

  const limiter = (name: string, spec: { max: number; windowMs: number }) =>
    new RateLimiterRedis({
      storeClient: requests,
      keyPrefix: `${PREFIX}:limit:${name}`,
      points: spec.max,
      duration: Math.ceil(spec.windowMs / 1000),
      rejectIfRedisNotReady: true,
    });
  const perClient = limiter('client', limits.perClient);
  const perSubnet = limiter('subnet', limits.perSubnet);
  const perRecipient = limiter('recipient', limits.perRecipient);
  const perHour = limiter('hour', limits.perHour);
  const perDay = limiter('day', limits.perDay);
  const countsFor = (data: { client: string; subnet: string; recipient: string }) =>
    [
      [perClient, data.client, 'perClient'],
      [perSubnet, data.subnet ?? data.client, 'perSubnet'],
      [perRecipient, data.recipient, 'perRecipient'],
      [perHour, '*', 'perHour'],
      [perDay, '*', 'perDay'],
    ] as const satisfies ReadonlyArray<readonly [RateLimiterRedis, string, keyof Limits]>;
  const giveBack = async (taken: ReadonlyArray<readonly [RateLimiterRedis, string, ...unknown[]]>) => {
    await Promise.all(taken.map(([limit, key]) => limit.reward(key, 1).catch(() => {})));
  };

  const queue = new Queue<JobData>(QUEUE, { connection: queueConnection, prefix: PREFIX, skipWaitingForReady: true });
  queue.on('error', () => {});

  let serverFailures = 0;
  let probeAt = 0;
  const worker = new Worker<JobData>(
    QUEUE,
    async (job: Job<JobData>, token?: string) => {
      const { mail } = job.data;
      if (mailServer.state === 'failing' && now() < probeAt) {
        // Waits for the next probe, without an attempt (and without a connection to the mail server).
        await job.moveToDelayed(Date.now() + (probeAt - now()) + Math.random() * 1000, token);
        throw new DelayedError();
      }
      if (Date.now() - mail.at > retry.giveUpMs) {
        await giveBack(countsFor(job.data));
        throw new UnrecoverableError('too old: given up');
      }
      try {
        await context.deliver(mail);
      } catch (error) {
        if (context.isPermanent(error)) {
          await giveBack(countsFor(job.data));
          throw new UnrecoverableError(errorSummary(error).message ?? 'refused');
        }
        if (mailServer.state !== 'failing') Object.assign(mailServer, { state: 'failing', since: now() });
        mailServer.error = errorSummary(error).message;
        // This relay pauses sending, the pause growing to retry.maxMs: while the mail server is down,
        // a few jobs probe it per pause, rather than every job retrying on its own.
        const pauseMs = backoff(++serverFailures, retry);
        probeAt = now() + pauseMs;
        log.warn({ id: mail.id, retryInMs: Math.round(pauseMs), err: errorSummary(error) }, 'mail not sent yet; will retry');
        await job.moveToDelayed(Date.now() + pauseMs, token);
        throw new DelayedError();
      }
      serverFailures = 0;
      if (mailServer.state !== 'reachable') Object.assign(mailServer, { state: 'reachable', since: now(), error: undefined });
      log.info({ id: mail.id, attempts: job.attemptsMade + 1, queuedMs: Date.now() - mail.at }, 'mail sent');
    },
    {
      connection: workerConnection,
      prefix: PREFIX,
      concurrency: context.concurrency,
      // A relay killed mid-send has its job taken over by another (or by itself after the restart) within
      // about lockDuration; a job is never failed for having stalled.
      lockDuration: 15_000,
      stalledInterval: 15_000,
      maxStalledCount: 1_000,
      settings: { backoffStrategy: (attemptsMade: number) => backoff(attemptsMade, retry) },
    },
  );
  worker.on('error', () => {});
  worker.on('failed', (job, error) => {
    if (job && error instanceof UnrecoverableError)
      log.error(
        { id: job.data.mail.id, to: job.data.recipient, from: job.data.sender, err: errorSummary(error) },
        'mail undeliverable: given up, kept for `industrikommun-share-relay status`',
      );
  });

  const keyName = (key: string) => `${PREFIX}:idempotency:${key}`;

  const submit = async (submission: Submission): Promise<Outcome> => {
    const { mail, key } = submission;
    if (key) {
      // Claims the key for this request; a repeat finds either the earlier answer or the claim.
      const claimed = await requests.set(keyName(key), 'pending', 'PX', 30_000, 'NX');
      if (!claimed) {
        for (let tries = 0; tries < 50; tries++) {
          const value = await requests.get(keyName(key));
          if (value && value !== 'pending') {
            const [id, fingerprint] = value.split(' ');
            return fingerprint === submission.fingerprint ? { kind: 'repeated', id } : { kind: 'conflict' };
          }
          if (!value) return submit(submission);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return { kind: 'inFlight' };
      }
    }
    const release = async () => {
      if (key) await requests.del(keyName(key)).catch(() => {});
    };
    const taken: Array<readonly [RateLimiterRedis, string]> = [];
    let consuming: keyof Limits = 'perClient';
    try {
      for (const [limit, limitKey, name] of countsFor(submission)) {
        consuming = name;
        await limit.consume(limitKey, 1);
        taken.push([limit, limitKey]);
      }
    } catch (rejection) {
      await giveBack(taken);
      await release();
      if (rejection instanceof RateLimiterRes)
        return {
          kind: 'limited',
          retryAfterMs: rejection.msBeforeNext,
          limit: consuming,
          scope: VISITOR_LIMITS.includes(consuming) ? 'visitor' : 'service',
        };
      log.error({ err: errorSummary(rejection) }, 'redis: could not check the limits');
      return { kind: 'unavailable', retryAfterS: 30, reason: 'redis unavailable' };
    }
    try {
      const waiting = await queue.count();
      if (waiting >= context.maxQueued) {
        await giveBack(taken);
        await release();
        return { kind: 'unavailable', retryAfterS: 60, reason: 'queue full' };
      }
      await queue.add(
        'share',
        { mail, client: submission.client, subnet: submission.subnet, recipient: submission.recipient, sender: submission.sender },
        {
          jobId: mail.id,
          attempts: 1_000_000,
          backoff: { type: 'custom' },
          // Sent mail leaves Redis at once; a given-up one is kept 30 days, for `status`.
          removeOnComplete: true,
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      );
    } catch (error) {
      await giveBack(taken);
      await release();
      log.error({ err: errorSummary(error) }, 'redis: could not store a message');
      return { kind: 'unavailable', retryAfterS: 30, reason: 'redis unavailable' };
    }
    if (key) await requests.set(keyName(key), `${mail.id} ${submission.fingerprint}`, 'PX', IDEMPOTENCY_MS).catch(() => {});
    return { kind: 'accepted', id: mail.id };
  };

  return {
    description: `Redis at ${new URL(redisUrl).host}`,
    secret,
    async submit(submission) {
      try {
        return await submit(submission);
      } catch (error) {
        log.error({ err: errorSummary(error) }, 'redis: request failed');
        return { kind: 'unavailable', retryAfterS: 30, reason: 'redis unavailable' };
      }
    },
    async health() {
      try {
        const ok = (await requests.ping()) === 'PONG' && queueConnection.status === 'ready';
        return ok ? { canStore: true } : { canStore: false, reason: 'redis not ready' };
      } catch (error) {
        return { canStore: false, reason: `redis: ${errorSummary(error).message}` };
      }
    },
    queueState: () => redisQueueState(queue, now()),
    async idle() {
      for (;;) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
        if (Object.values(counts).every((n) => n === 0)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async close() {
      // With Redis gone, BullMQ would wait for it forever: give the mail being sent a few seconds, then go.
      const atMost = (promise: Promise<unknown>) =>
        Promise.race([promise.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
      await atMost(worker.close());
      await atMost(queue.close());
      for (const connection of [requests, workerConnection, queueConnection]) connection.disconnect();
    },
  };
}

/** The queue's state from BullMQ: waiting and delayed jobs, and the failed ones (given up). */
async function redisQueueState(queue: Queue<JobData>, at: number): Promise<QueueState> {
  const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  const queued = Object.values(counts).reduce((sum, n) => sum + n, 0);
  let oldestMs: number | null = null;
  for (const state of ['waiting', 'delayed', 'prioritized', 'active'] as const) {
    const jobs = await queue.getJobs([state], 0, -1, true);
    for (const job of jobs) if (job?.data?.mail) oldestMs = Math.max(oldestMs ?? 0, at - job.data.mail.at);
    if (jobs.length > 1000) break; // a bound on what a status check reads
  }
  const failed = await queue.getFailed(0, 999);
  const undeliverable = failed
    .filter((job) => job?.data?.mail)
    .map((job) => ({
      id: job.data.mail.id,
      acceptedAt: job.data.mail.at,
      givenUpAt: job.finishedOn,
      to: job.data.recipient,
      from: job.data.sender,
      attempts: job.attemptsMade,
      error: job.failedReason,
    }));
  return { queued, oldestMs, undeliverable };
}

/** For `status` with REDIS_URL: reads the queue without starting a worker. */
export async function redisStatus(redisUrl: string): Promise<QueueState> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  connection.on('error', () => {});
  await connection.connect();
  const queue = new Queue<JobData>(QUEUE, { connection, prefix: PREFIX });
  try {
    return await redisQueueState(queue, Date.now());
  } finally {
    await queue.close().catch(() => {});
    connection.disconnect();
  }
}
