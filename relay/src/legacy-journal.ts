/**
 * Upgrading from the journal-based relay (0.1): the messages its `journal.ndjson` still held unsent
 * are taken into the SQLite store at the first start, so an upgrade loses nothing accepted. The
 * journal (which holds message text in clear) is deleted once they are committed.
 */
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Db } from './database.js';

interface JournalQueued {
  t: 'q';
  id: string;
  at: number;
  key?: string;
  c: string;
  r: string;
  m: { share: unknown };
}

export function importLegacyJournal(db: Db, dataDir: string, log: Logger) {
  const path = join(dataDir, 'journal.ndjson');
  if (!existsSync(path)) return;
  const queued = new Map<string, JournalQueued>();
  let damaged = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as { t: string; id: string };
      if (record.t === 'q') queued.set(record.id, record as JournalQueued);
      else if (record.t === 's' || record.t === 'f') queued.delete(record.id);
    } catch {
      damaged++;
    }
  }
  const insert = db.prepare(
    `INSERT OR IGNORE INTO mails (id, at, state, fingerprint, client, subnet, recipient, sender, body)
     VALUES (?, ?, 'queued', '', ?, ?, ?, '', ?)`,
  );
  db.transaction(() => {
    for (const record of queued.values()) insert.run(record.id, record.at, record.c, record.c, record.r, JSON.stringify(record.m.share));
  }).immediate();
  unlinkSync(path);
  log.warn({ imported: queued.size, damaged }, 'store: took the unsent mail of the old journal into relay.sqlite and deleted the journal');
}
