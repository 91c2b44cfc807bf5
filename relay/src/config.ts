/**
 * The relay's settings, checked in one place. `optionsFromEnv` reads the environment as the README
 * documents it; `checkOptions` (which `createRelay` runs on whatever it is given, from the environment or
 * from code) refuses what cannot work. Each refusal is a ConfigError whose message is the one line the
 * bin prints: the setting, what is wrong and what to write.
 */
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import addressparser from 'nodemailer/lib/addressparser/index.js';
import { ConfigError } from './config-error.js';
import { parseAllowedPages, type AllowedPage } from './pages.js';
import type { RelayOptions } from './relay.js';
import { DEFAULT_LIMITS, DEFAULT_RETRY, type LimitSpec, type Limits, type Retry } from './store.js';

export { ConfigError };

/** What `createRelay` works with, once checked. */
export interface CheckedOptions {
  allowedPages: AllowedPage[];
  dataDir: string;
  smtpUrl?: string;
  mailFrom?: string;
  redisUrl?: string;
  trustProxy: number;
  limits: Limits;
  retry: Retry;
}

// As for the form's addresses: a domain with a dot (the HTML standard's rule, narrowed).
const ADDRESS =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const MAIL_FROM_EXAMPLE = `MAIL_FROM='"Trollhättans stad" <noreply@trollhattan.se>'`;

/** Checks options (from the environment or from code). Throws a ConfigError naming the first setting that cannot work. */
export function checkOptions(options: RelayOptions): CheckedOptions {
  if (options.allowedPages == null || (typeof options.allowedPages === 'string' && !options.allowedPages.trim()))
    throw new ConfigError(
      'ALLOWED_PAGES',
      'missing',
      'ALLOWED_PAGES is not set: write the addresses whose pages may be shared, comma-separated, e.g. ALLOWED_PAGES=https://www.trollhattan.se',
    );
  const allowedPages = parseAllowedPages(options.allowedPages);
  const smtpUrl = options.smtpUrl?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/\s]/i.test(smtpUrl))
    throw new ConfigError(
      'SMTP_URL',
      'format',
      'SMTP_URL must be an smtp:// or smtps:// URL, e.g. SMTP_URL=smtps://user:password@smtp.example.se:465',
    );
  const mailFrom = options.mailFrom?.trim() || undefined;
  if (smtpUrl && !mailFrom)
    throw new ConfigError(
      'MAIL_FROM',
      'missing',
      `MAIL_FROM is not set (it is required with SMTP_URL): write the municipality's own sender address, e.g. ${MAIL_FROM_EXAMPLE}`,
    );
  if (mailFrom) checkMailFrom(mailFrom);
  const redisUrl = options.redisUrl?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\/\S/i.test(redisUrl))
    throw new ConfigError('REDIS_URL', 'format', 'REDIS_URL must be a redis:// or rediss:// URL, e.g. REDIS_URL=redis://127.0.0.1:6379');
  const trustProxy = options.trustProxy ?? 0;
  if (!Number.isInteger(trustProxy) || trustProxy < 0)
    throw new ConfigError('TRUST_PROXY', 'format', `TRUST_PROXY must be a whole number of 0 or more (it is ${trustProxy})`);
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  for (const [name, spec] of Object.entries(limits) as Array<[string, LimitSpec]>)
    if (!(Number.isInteger(spec.max) && spec.max >= 0 && spec.windowMs > 0))
      throw new ConfigError('limits', 'format', `limit ${name}: max must be a whole number of 0 or more, and windowMs above 0`);
  const dataDir = resolve(options.dataDir ?? './relay-data');
  // The directory holds the embedded store, and the outbox when there is no SMTP_URL.
  if (!redisUrl || !smtpUrl) checkDataDir(dataDir);
  return { allowedPages, dataDir, smtpUrl, mailFrom, redisUrl, trustProxy, limits, retry: { ...DEFAULT_RETRY, ...options.retry } };
}

/** One address, with or without a display name, and no line break (it becomes the From header). */
function checkMailFrom(mailFrom: string) {
  const parsed = /[\r\n]/.test(mailFrom) ? [] : addressparser(mailFrom);
  const one = parsed.length === 1 && 'address' in parsed[0] ? parsed[0] : undefined;
  if (!one || !ADDRESS.test(one.address ?? ''))
    throw new ConfigError(
      'MAIL_FROM',
      'format',
      `MAIL_FROM must be one e-mail address, with or without a name (it is "${mailFrom.replace(/[\r\n]/g, ' ')}"), e.g. ${MAIL_FROM_EXAMPLE}`,
    );
}

/** Created when missing; refused when it is no directory or cannot be written to (tried with a file, since root passes any mode check). */
function checkDataDir(dataDir: string) {
  const refuse = (why: string) =>
    new ConfigError(
      'DATA_DIR',
      'unwritable',
      `DATA_DIR ${dataDir} ${why}: write a directory the relay's user can write to, e.g. DATA_DIR=/var/lib/industrikommun-share-relay`,
    );
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) throw refuse('is not a directory');
  try {
    // Each missing directory on its own: Node 20's recursive mkdir never returns on some file systems (/proc).
    const missing: string[] = [];
    for (let dir = dataDir; !existsSync(dir); dir = dirname(dir)) missing.unshift(dir);
    for (const dir of missing) mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    throw refuse(`cannot be created (${(error as NodeJS.ErrnoException).code})`);
  }
  const probe = join(dataDir, `.write-test-${process.pid}`);
  try {
    accessSync(dataDir, constants.W_OK);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw refuse(`cannot be written to (${(error as NodeJS.ErrnoException).code})`);
  }
}

/** Reads the environment into RelayOptions: numbers parsed here, everything else checked by `checkOptions`. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): RelayOptions {
  const text = (name: string) => env[name]?.trim() || undefined;
  const integer = (name: string, fallback: number, min = 0) => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min)
      throw new ConfigError(name, 'format', `${name} must be a whole number of at least ${min} (it is "${value}")`);
    return Number(value);
  };
  const limit = (name: string, fallback: Limits[keyof Limits]) => ({
    max: integer(`LIMIT_${name}`, fallback.max),
    windowMs: integer(`LIMIT_${name}_WINDOW`, fallback.windowMs / 1000, 1) * 1000,
  });
  const port = integer('PORT', 8787);
  if (port > 65535) throw new ConfigError('PORT', 'format', `PORT must be at most 65535 (it is ${port})`);
  return {
    allowedPages: text('ALLOWED_PAGES') ?? '',
    host: text('HOST') ?? '127.0.0.1',
    port,
    smtpUrl: text('SMTP_URL'),
    mailFrom: text('MAIL_FROM'),
    dataDir: text('DATA_DIR') ?? './relay-data',
    redisUrl: text('REDIS_URL'),
    trustProxy: integer('TRUST_PROXY', 0),
    limits: {
      perClient: limit('PER_CLIENT', DEFAULT_LIMITS.perClient),
      perSubnet: limit('PER_SUBNET', DEFAULT_LIMITS.perSubnet),
      perRecipient: limit('PER_RECIPIENT', DEFAULT_LIMITS.perRecipient),
      perHour: { max: integer('LIMIT_PER_HOUR', DEFAULT_LIMITS.perHour.max), windowMs: DEFAULT_LIMITS.perHour.windowMs },
      perDay: { max: integer('LIMIT_PER_DAY', DEFAULT_LIMITS.perDay.max), windowMs: DEFAULT_LIMITS.perDay.windowMs },
    },
    maxQueued: integer('MAX_QUEUED', 10_000, 1),
    maxConnections: integer('MAX_CONNECTIONS', 1_000, 1),
    maxConnectionsPerClient: integer('MAX_CONNECTIONS_PER_CLIENT', 20, 1),
    logger: text('LOG_LEVEL') ?? 'info',
  };
}
