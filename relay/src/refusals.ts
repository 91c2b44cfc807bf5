/**
 * Refusals logged sampled: per reason, the first in each minute, then one in every 100, each line
 * with how many of that reason it stands for. A flood of refusals costs a few lines, not one each.
 */
import type { Logger } from 'pino';

const EVERY = 100;
const MINUTE = 60_000;

export function refusalLog(log: Logger, now: () => number) {
  const seen = new Map<string, { minute: number; count: number }>();
  return (reason: string, fields: Record<string, unknown>) => {
    const minute = Math.floor(now() / MINUTE);
    let entry = seen.get(reason);
    if (!entry || entry.minute !== minute) {
      if (seen.size > 1000) seen.clear(); // reasons are a short fixed list; a guard all the same
      entry = { minute, count: 0 };
      seen.set(reason, entry);
    }
    entry.count++;
    if (entry.count === 1 || entry.count % EVERY === 0)
      log.info(
        { ...fields, sampled: { reason, countThisMinute: entry.count, oneLineFor: entry.count === 1 ? 1 : EVERY } },
        'share request',
      );
  };
}
