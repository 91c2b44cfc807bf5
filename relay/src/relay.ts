/**
 * The relay: HTTP in front of a store. `createRelay(options)` gives a Node request handler (to mount
 * in another server, e.g. a dev server) and `listen()` for the hardened stand-alone server.
 */
import { IDEMPOTENCY_KEY_PATTERN, type Language as Lang } from '#contract';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { checkOptions } from './config.js';
import { openEmbeddedStore } from './embedded.js';
import { clientAddress, clientKey, createHasher, normaliseRecipient, subnetKey } from './keys.js';
import { refusalLog } from './refusals.js';
import { composeMail, emlTransport, isPermanent, smtpTransport, type QueuedMail, type Transport } from './mail.js';
import { isOriginAllowed } from './pages.js';
import { errorSummary } from './errors.js';
import { openRedisStore } from './redis.js';
import type { Limits, MailServerState, Retry, Store } from './store.js';
import { langOfAcceptLanguage as langOf, MESSAGES, say } from './messages.js';
import { validateShare } from './validate.js';

export interface RelayOptions {
  /** origins or URL prefixes whose pages may be shared (`ALLOWED_PAGES`) */
  allowedPages: string | readonly string[];
  /** where the stand-alone server listens; default 127.0.0.1:8787 (`HOST`, `PORT`; 0 picks a free port) */
  host?: string;
  port?: number;
  /** `smtp://` or `smtps://` URL; without it mails are written as `.eml` files under `dataDir/outbox` */
  smtpUrl?: string;
  /** the sender address; required with `smtpUrl` */
  mailFrom?: string;
  /** the embedded store's directory; default `./relay-data` */
  dataDir?: string;
  /** queue and limits in Redis instead of `dataDir` */
  redisUrl?: string;
  /** how many reverse proxies stand in front (their X-Forwarded-For is believed); default 0 */
  trustProxy?: number;
  /** where the form POSTs; default `/api/share` */
  path?: string;
  limits?: Partial<Limits>;
  retry?: Partial<Retry>;
  /** waiting messages at most before the relay answers 503; default 10 000 */
  maxQueued?: number;
  /** open connections at most (stand-alone server); default 1 000 */
  maxConnections?: number;
  /** open connections per client at most, when not behind a proxy; default 20 */
  maxConnectionsPerClient?: number;
  /** ms to receive a request's headers, and its whole body; defaults 5 000 and 10 000 */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** a pino logger, or a level for the default one (stdout, JSON); default `info` */
  logger?: Logger | string;
  /** the clock, ms since the epoch; default Date.now (tests move it to check days-long schedules) */
  clock?: () => number;
}

export interface Relay {
  /** Answers the request when it is the relay's (returns true), else returns false and leaves it alone. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Starts the stand-alone server; resolves with its base URL. */
  listen(): Promise<string>;
  /** Resolves when no mail is waiting or being sent. */
  idle(): Promise<void>;
  /** Stops listening, lets the mail being sent finish, closes the store. Queued mail stays queued. */
  close(): Promise<void>;
  readonly log: Logger;
  readonly server: Server | undefined;
  readonly store: Store;
  readonly transport: Transport;
}

const MAX_BODY_BYTES = 16 * 1024; // a full form is a few KB at most

export async function createRelay(options: RelayOptions): Promise<Relay> {
  const log =
    typeof options.logger === 'object'
      ? options.logger
      : pino({ level: options.logger ?? 'info', base: { service: 'industrikommun-share-relay' } });
  // Every setting checked in one place (config.ts), whether it came from the environment or from code.
  const { allowedPages, dataDir, smtpUrl, redisUrl, trustProxy, limits, retry, ...checked } = checkOptions(options);
  const path = options.path ?? '/api/share';
  const now = options.clock ?? Date.now;
  const mailServer: MailServerState = { state: 'unknown', since: now() };
  const mailFrom = checked.mailFrom ?? '"Tipsa en vän (utveckling)" <noreply@localhost.invalid>';

  let transport: Transport;
  if (smtpUrl) {
    transport = smtpTransport(smtpUrl);
  } else {
    transport = emlTransport(join(dataDir, 'outbox'));
    log.warn({ outbox: join(dataDir, 'outbox') }, 'SMTP_URL is not set: mails are written as .eml files, not sent (a development default)');
  }

  const context = {
    limits,
    retry,
    log,
    isPermanent,
    maxQueued: options.maxQueued ?? 10_000,
    concurrency: 4,
    now,
    mailServer,
    deliver: (mail: QueuedMail) => transport.send(composeMail(mail, mailFrom), mail),
  };
  const store = redisUrl ? await openRedisStore(redisUrl, context) : await openEmbeddedStore(dataDir, context);
  const hash = createHasher(store.secret);
  const refused = refusalLog(log, now);
  // The mail server is checked at start: a failure is a warning and the health state, never a
  // refusal to start (an outage of the mail server must not stop a restart; mail waits in the queue).
  void transport.verify?.().then(
    () => mailServer.state === 'unknown' && Object.assign(mailServer, { state: 'reachable', since: now() }),
    (error: unknown) => {
      if (mailServer.state === 'reachable') return;
      Object.assign(mailServer, { state: 'failing', since: now(), error: errorSummary(error).message });
      log.warn({ err: errorSummary(error) }, 'the mail server did not answer the check at start: mail is queued until it does');
    },
  );
  log.info(
    {
      store: store.description,
      mail: transport.description,
      allowedPages: allowedPages.map((page) => page.origin + page.path),
      trustProxy,
    },
    'relay ready',
  );

  function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, {
      'Cache-Control': 'no-store', // answers are per request
      'X-Content-Type-Options': 'nosniff',
      ...(text && { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) }),
      ...headers,
    });
    res.end(text);
  }

  /** CORS for the allowed sites only. Preflights ask for Content-Type and Idempotency-Key. */
  function corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin || !isOriginAllowed(origin, allowedPages)) return { Vary: 'Origin' };
    return {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
      'Access-Control-Expose-Headers': 'Retry-After',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
  }

  async function share(req: IncomingMessage, res: ServerResponse, started: number) {
    const cors = corsHeaders(req);
    let lang: Lang = langOf(req.headers['accept-language']);
    const client = hash(clientKey(clientAddress(req, trustProxy)));
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}, fields: Record<string, unknown> = {}) => {
      send(res, status, body, { ...cors, ...headers });
      // Refusals are logged sampled (a flood must not become a flood of log lines); the rest one line each.
      if (typeof fields.refused === 'string') refused(fields.refused, { status, client, ms: Date.now() - started, ...fields });
      else log.info({ status, client, ms: Date.now() - started, ...fields }, 'share request');
    };
    // A form on another site cannot post here: browsers name the page's origin on every cross-site POST
    // (`null` from a sandboxed frame or a file, which no page of ALLOWED_PAGES is).
    const origin = req.headers.origin;
    if (origin && !isOriginAllowed(origin, allowedPages))
      return answer(403, { errors: {}, message: MESSAGES[lang].origin }, {}, { refused: 'origin' });
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return answer(415, { errors: {}, message: MESSAGES[lang].badType }, {}, { refused: 'content-type' });
    const rawKey = req.headers['idempotency-key'];
    if (rawKey !== undefined && (typeof rawKey !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(rawKey)))
      return answer(400, { errors: {}, message: MESSAGES[lang].badKey }, {}, { refused: 'idempotency-key' });
    const text = await readBody(req, MAX_BODY_BYTES);
    if (text === null) return answer(413, { errors: {}, message: MESSAGES[lang].tooLarge }, { Connection: 'close' }, { refused: 'size' });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return answer(400, { errors: {}, message: MESSAGES[lang].badJson }, {}, { refused: 'json' });
    const input = body as Record<string, unknown>;
    // People never see the honeypot; bots fill every field. Claim success so the bot learns nothing.
    if (input.website != null && input.website !== '') return answer(202, { ok: true, id: randomUUID() }, {}, { refused: 'honeypot' });
    const result = validateShare(input, allowedPages, lang);
    if ('errors' in result) return answer(422, { errors: result.errors }, {}, { refused: 'invalid', fields: Object.keys(result.errors) });
    const valid = result.share;
    lang = valid.lang;
    const mail: QueuedMail = { id: randomUUID(), at: now(), share: valid };
    const key = rawKey ? hash(`idempotency:${rawKey}`) : undefined;
    const recipient = hash(normaliseRecipient(valid.to));
    const sender = hash(normaliseRecipient(valid.from));
    const subnet = hash(subnetKey(clientAddress(req, trustProxy)));
    // What "the same message" means for an Idempotency-Key: every field the mail is made of.
    const fingerprint = hash(
      `share:${JSON.stringify([valid.to, valid.name, valid.from, valid.message, valid.url, valid.title, valid.lang])}`,
    );
    const outcome = await store.submit({ mail, key, fingerprint, client, subnet, recipient, sender });
    const who = { to: recipient, from: sender, lang };
    switch (outcome.kind) {
      case 'accepted':
        return answer(202, { ok: true, id: outcome.id }, {}, { id: outcome.id, ...who });
      case 'repeated':
        return answer(202, { ok: true, id: outcome.id }, {}, { id: outcome.id, repeated: true });
      case 'conflict':
        return answer(422, { errors: {}, message: MESSAGES[lang].keyReused }, {}, { refused: 'idempotency-key-reused' });
      case 'limited': {
        const seconds = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
        const message = say(lang, outcome.scope === 'visitor' ? 'limitClient' : 'limitService', {
          n: Math.max(1, Math.round(seconds / 60)),
        });
        return answer(
          429,
          { errors: {}, message, limit: outcome.scope },
          { 'Retry-After': String(seconds) },
          { refused: `limit:${outcome.limit}`, ...who },
        );
      }
      case 'inFlight':
        return answer(409, { errors: {}, message: MESSAGES[lang].inFlight }, { 'Retry-After': '2' }, { refused: 'in-flight' });
      case 'unavailable':
        return answer(
          503,
          { errors: {}, message: MESSAGES[lang].busy },
          { 'Retry-After': String(outcome.retryAfterS) },
          { refused: outcome.reason },
        );
    }
  }

  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const started = Date.now();
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') send(res, 405, { message: 'Use GET' }, { Allow: 'GET, HEAD' });
      else void healthReport().then((report) => send(res, report.ok ? 200 : 503, report, report.ok ? {} : { 'Retry-After': '10' }));
      return true;
    }
    if (pathname !== path) return false;
    if (req.method === 'OPTIONS') send(res, 204, undefined, { ...corsHeaders(req), Allow: 'POST, OPTIONS' });
    else if (req.method !== 'POST')
      send(res, 405, { errors: {}, message: MESSAGES.en.method.replace('{method}', 'POST') }, { Allow: 'POST, OPTIONS' });
    else
      share(req, res, started).catch((error) => {
        // Only the request stream can fail in there, i.e. the client went away: no one is left to answer.
        log.debug({ err: { message: (error as Error).message } }, 'request ended early');
        res.destroy();
      });
    return true;
  }

  /** GET /healthz: can it store (a real write), the mail server's state, the queue. No personal data. */
  async function healthReport() {
    const at = now();
    const [health, queue] = await Promise.all([
      store.health(),
      store.queueState().catch(() => ({ queued: null, oldestMs: null, undeliverable: [] as unknown[] })),
    ]);
    return {
      ok: health.canStore,
      store: health.canStore ? 'writable' : `cannot store: ${health.reason}`,
      mailServer: {
        state: mailServer.state,
        since: new Date(mailServer.since).toISOString(),
        ...(mailServer.state === 'failing' && { failingForSeconds: Math.round((at - mailServer.since) / 1000), error: mailServer.error }),
      },
      queued: queue.queued,
      oldestQueuedSeconds: queue.oldestMs === null ? null : Math.round(queue.oldestMs / 1000),
      undeliverable: queue.undeliverable.length,
    };
  }

  let server: Server | undefined;
  const connectionsPerClient = new Map<string, number>();

  async function listen() {
    const maxPerClient = options.maxConnectionsPerClient ?? 20;
    server = createServer(
      {
        // Slowloris: a request must send its headers within 5 s and its whole body within 10 s.
        headersTimeout: options.headersTimeoutMs ?? 5_000,
        requestTimeout: options.requestTimeoutMs ?? 10_000,
        keepAliveTimeout: 5_000,
        connectionsCheckingInterval: 500,
      },
      (req, res) => {
        if (!handle(req, res)) send(res, 404, { errors: {}, message: MESSAGES[langOf(req.headers['accept-language'])].notFound });
      },
    );
    server.maxConnections = options.maxConnections ?? 1_000;
    // One host cannot hold many connections open. Behind a proxy every connection is the proxy's,
    // and the proxy does this itself.
    if (trustProxy === 0)
      server.on('connection', (socket: Socket) => {
        const key = clientKey(socket.remoteAddress ?? 'unknown');
        const open = (connectionsPerClient.get(key) ?? 0) + 1;
        connectionsPerClient.set(key, open);
        socket.once('close', () => {
          const left = (connectionsPerClient.get(key) ?? 1) - 1;
          if (left) connectionsPerClient.set(key, left);
          else connectionsPerClient.delete(key);
        });
        if (open > maxPerClient) socket.destroy();
      });
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((done, fail) => {
      server!.once('error', fail);
      server!.listen(options.port ?? 8787, host, () => done());
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    log.info({ url, path }, 'listening');
    return url;
  }

  let closing: Promise<void> | undefined;
  return {
    handle,
    listen,
    idle: () => store.idle(),
    close() {
      closing ??= (async () => {
        if (server) {
          const closed = new Promise((done) => server!.close(done));
          server.closeAllConnections();
          await closed;
        }
        await store.close();
        transport.close();
      })();
      return closing;
    },
    log,
    get server() {
      return server;
    },
    store,
    transport,
  };
}

/**
 * The body as text, or null once it passes `limit` bytes. The rest is still read and discarded, so
 * the client gets the 413 rather than a reset connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((done, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done(null);
      else chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
    req.on('close', () => fail(new Error('request closed before its end')));
  });
}
