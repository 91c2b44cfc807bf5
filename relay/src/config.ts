/** RelayOptions from environment variables, as the README documents them. */
import { DEFAULT_LIMITS, type Limits } from './store.js';
import type { RelayOptions } from './relay.js';

export class ConfigError extends Error {}

/** Reads the environment. Throws a ConfigError whose message is the one line to show. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): RelayOptions {
  const text = (name: string) => env[name]?.trim() || undefined;
  const integer = (name: string, fallback: number, min = 0) => {
    const value = text(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min)
      throw new ConfigError(`${name} must be a whole number of at least ${min} (it is "${value}")`);
    return Number(value);
  };
  const allowedPages = text('ALLOWED_PAGES');
  if (!allowedPages)
    throw new ConfigError('set ALLOWED_PAGES to the origins whose pages may be shared, e.g. ALLOWED_PAGES=https://www.trollhattan.se');
  const smtpUrl = text('SMTP_URL');
  const mailFrom = text('MAIL_FROM');
  if (smtpUrl && !mailFrom)
    throw new ConfigError(
      "set MAIL_FROM (required with SMTP_URL) to the municipality's own sender address, e.g. MAIL_FROM='\"Trollhättans stad\" <noreply@trollhattan.se>'",
    );
  if (smtpUrl && !/^smtps?:\/\/[^/]/i.test(smtpUrl))
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.se:465');
  const redisUrl = text('REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//i.test(redisUrl))
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379');
  const limit = (name: string, fallback: Limits[keyof Limits]) => ({
    max: integer(`LIMIT_${name}`, fallback.max),
    windowMs: integer(`LIMIT_${name}_WINDOW`, fallback.windowMs / 1000, 1) * 1000,
  });
  const port = integer('PORT', 8787);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535 (it is ${port})`);
  return {
    allowedPages,
    host: text('HOST') ?? '127.0.0.1',
    port,
    smtpUrl,
    mailFrom,
    dataDir: text('DATA_DIR') ?? './relay-data',
    redisUrl,
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
