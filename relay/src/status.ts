/**
 * `industrikommun-share-relay status`: the queue's length, its oldest mail's age and the mails given
 * up, read from the store (addresses only as the logs' hashes).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE, openDatabase, type Db } from './database.js';
import type { QueueState } from './store.js';

export function readQueueState(db: Db, now: number): QueueState {
  const { queued, oldest } = db.prepare(`SELECT count(*) AS queued, min(at) AS oldest FROM mails WHERE state = 'queued'`).get() as {
    queued: number;
    oldest: number | null;
  };
  const undeliverable = db
    .prepare(
      `SELECT id, at AS acceptedAt, done_at AS givenUpAt, recipient AS "to", sender AS "from", attempts, last_error AS error
       FROM mails WHERE state = 'undeliverable' ORDER BY done_at DESC LIMIT 1000`,
    )
    .all() as QueueState['undeliverable'];
  return { queued, oldestMs: oldest === null ? null : Math.max(0, now - oldest), undeliverable };
}

export function embeddedQueueState(dataDir: string): QueueState {
  if (!existsSync(join(dataDir, DATABASE_FILE))) throw new Error(`no store in ${dataDir} (set DATA_DIR to the relay's)`);
  const db = openDatabase(dataDir, { readonly: true });
  try {
    return readQueueState(db, Date.now());
  } finally {
    db.close();
  }
}

const duration = (ms: number) => {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1000)} s`;
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} d ${hours % 24} h`;
};

/** The report, as plain lines. */
export function formatQueueState(state: QueueState): string {
  const lines = [
    `queued: ${state.queued}`,
    `oldest queued: ${state.oldestMs === null ? '-' : duration(state.oldestMs)}`,
    `undeliverable: ${state.undeliverable.length}`,
  ];
  for (const mail of state.undeliverable)
    lines.push(
      `  ${mail.id}  accepted ${new Date(mail.acceptedAt).toISOString()}` +
        `${mail.givenUpAt ? `  given up ${new Date(mail.givenUpAt).toISOString()}` : ''}` +
        `  to ${mail.to ?? '?'}  from ${mail.from ?? '?'}  attempts ${mail.attempts}  ${mail.error ?? ''}`.trimEnd(),
    );
  return `${lines.join('\n')}\n`;
}
