/**
 * The embedded store's one SQLite file (`DATA_DIR/relay.sqlite`): opened with the settings that make
 * an acknowledged message survive a crash and two processes share it, and brought to the current
 * schema by numbered migrations (`PRAGMA user_version`).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

export const DATABASE_FILE = 'relay.sqlite';

/**
 * Each entry takes the schema from version `index` to `index + 1`; a shipped entry is never edited,
 * a change is a new entry. Times are ms since the epoch; every address is an HMAC (see keys.ts),
 * except in `mails.body`, which is the message itself and is erased once the mail is sent.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE mails (
     id TEXT PRIMARY KEY,
     at INTEGER NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'undeliverable')),
     idempotency_key TEXT,
     fingerprint TEXT NOT NULL,
     client TEXT NOT NULL,
     subnet TEXT NOT NULL,
     recipient TEXT NOT NULL,
     sender TEXT NOT NULL,
     counted INTEGER NOT NULL DEFAULT 1,
     body TEXT,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_at INTEGER NOT NULL DEFAULT 0,
     owner TEXT,
     last_error TEXT,
     done_at INTEGER
   );
   CREATE INDEX mails_queued ON mails (next_at) WHERE state = 'queued';
   CREATE INDEX mails_queued_at ON mails (at) WHERE state = 'queued';
   CREATE INDEX mails_done ON mails (state, done_at);
   CREATE UNIQUE INDEX mails_idempotency_key ON mails (idempotency_key) WHERE idempotency_key IS NOT NULL;
   CREATE TABLE hits (
     limit_name TEXT NOT NULL,
     key TEXT NOT NULL,
     bucket INTEGER NOT NULL,
     count INTEGER NOT NULL,
     expires INTEGER NOT NULL,
     PRIMARY KEY (limit_name, key, bucket)
   ) WITHOUT ROWID;
   CREATE INDEX hits_expires ON hits (expires);
   CREATE TABLE workers (owner TEXT PRIMARY KEY, seen INTEGER NOT NULL) WITHOUT ROWID;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function openDatabase(dataDir: string, { readonly = false } = {}): Db {
  if (!readonly) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, DATABASE_FILE), { fileMustExist: readonly });
  // A second process waits for the other's transaction rather than failing at once.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // Each commit is on the disk before the relay answers 2xx.
  db.pragma('synchronous = FULL');
  // Deleted and overwritten text is overwritten with zeros in the file, not only unlinked.
  db.pragma('secure_delete = ON');
  db.pragma('foreign_keys = ON');
  if (!readonly) migrate(db);
  else if (version(db) !== SCHEMA_VERSION)
    throw new Error(`${join(dataDir, DATABASE_FILE)} has schema ${version(db)}, expected ${SCHEMA_VERSION}`);
  return db;
}

const version = (db: Db) => db.pragma('user_version', { simple: true }) as number;

function migrate(db: Db) {
  // IMMEDIATE: two processes starting together migrate one after the other, never both.
  db.transaction(() => {
    const from = version(db);
    if (from > SCHEMA_VERSION)
      throw new Error(`the store in this DATA_DIR has schema ${from}, newer than this relay's ${SCHEMA_VERSION}: run the newer relay`);
    for (let step = from; step < SCHEMA_VERSION; step++) db.exec(MIGRATIONS[step]);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/**
 * The hashing secret lives with the data it protects: a new DATA_DIR gets a new one. A `secret` file
 * from the journal-based relay is taken over, so hashes in older logs still match.
 */
export function loadSecret(db: Db, dataDir: string): string {
  let candidate = randomBytes(32).toString('base64url');
  try {
    candidate = readFileSync(join(dataDir, 'secret'), 'utf8').trim() || candidate;
  } catch {
    // no earlier secret
  }
  db.prepare(`INSERT OR IGNORE INTO meta (name, value) VALUES ('secret', ?)`).run(candidate);
  return (db.prepare(`SELECT value FROM meta WHERE name = 'secret'`).get() as { value: string }).value;
}
