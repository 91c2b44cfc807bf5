/** `industrikommun-share-relay`: configuration from the environment, then the stand-alone server. */
import { ConfigError, optionsFromEnv } from './config.js';
import { createRelay, type Relay } from './relay.js';
import { redisStatus } from './redis.js';
import { embeddedQueueState, formatQueueState } from './status.js';

const NAME = 'industrikommun-share-relay';

/** `industrikommun-share-relay status`: the queue and the undeliverable mail, from DATA_DIR or REDIS_URL. */
async function status() {
  const redisUrl = process.env.REDIS_URL?.trim();
  try {
    const state = redisUrl ? await redisStatus(redisUrl) : embeddedQueueState(process.env.DATA_DIR?.trim() || './relay-data');
    process.stdout.write(formatQueueState(state));
    process.exit(0);
  } catch (error) {
    process.stderr.write(`${NAME} status: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

export async function main() {
  if (process.argv[2] === 'status') return status();
  let relay: Relay;
  try {
    relay = await createRelay(optionsFromEnv());
    await relay.listen();
  } catch (error) {
    // One line saying what to set: a missing or bad setting is the common case at first start.
    const message = error instanceof ConfigError ? error.message : `could not start: ${(error as Error).message}`;
    process.stderr.write(`${NAME}: ${message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    relay.log.info({ signal }, 'stopping: mail being sent finishes, queued mail stays queued');
    const force = setTimeout(() => process.exit(0), 10_000);
    force.unref();
    await relay.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
