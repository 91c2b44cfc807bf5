/**
 * An append-only journal of JSON lines under DATA_DIR, written with fdatasync before anything it
 * records is acted on. No native code (unlike SQLite bindings), so `npm ci` needs no compiler and no
 * binary download on any machine.
 *
 * Concurrent appends are committed together (one write, one sync), which is what keeps a burst of
 * requests fast. A crash can leave at most a torn last line, which was never acknowledged and is
 * cut off at the next start. A failed write is truncated away, so the file never holds half a record
 * followed by good ones.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export type JournalRecord = { t: string } & Record<string, unknown>;

interface Waiting {
  text: string;
  records: JournalRecord[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class Journal {
  private file!: FileHandle;
  private size = 0;
  private waiting: Waiting[] = [];
  private rewriteWanted: (() => JournalRecord[]) | null = null;
  private rewriteDone: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  private running = false;
  private closed = false;
  /** bytes written since the last rewrite, so the owner can decide when to compact */
  appendedSince = 0;

  private constructor(
    readonly dir: string,
    private readonly apply: (record: JournalRecord) => void,
  ) {}

  get path() {
    return join(this.dir, 'journal.ndjson');
  }

  /**
   * Opens (creating) the journal and replays every whole record through `apply`, in order.
   * Returns the journal and how many damaged lines were skipped.
   */
  static async open(dir: string, apply: (record: JournalRecord, replaying: boolean) => void) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const journal = new Journal(dir, (record) => apply(record, false));
    let text = '';
    try {
      text = await readFile(journal.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // Everything after the last newline is a write the crash interrupted: it was never acknowledged.
    const whole = text.slice(0, text.lastIndexOf('\n') + 1);
    let damaged = 0;
    for (const line of whole.split('\n')) {
      if (!line) continue;
      let record: JournalRecord;
      try {
        record = JSON.parse(line);
      } catch {
        damaged++;
        continue;
      }
      apply(record, true);
    }
    journal.file = await open(journal.path, 'a', 0o600);
    journal.size = Buffer.byteLength(whole);
    if (journal.size !== Buffer.byteLength(text)) await journal.file.truncate(journal.size);
    return { journal, damaged };
  }

  /** Resolves once the records are on disk (and applied); rejects, applying nothing, if they could not be written. */
  append(records: JournalRecord[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the journal is closed'));
    const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
    return new Promise((resolve, reject) => {
      this.waiting.push({ text, records, resolve, reject });
      void this.run();
    });
  }

  /**
   * Replaces the file with `snapshot()`'s records, taken when the rewrite runs, between appends:
   * written to a new file, synced, renamed over the old one and the directory synced.
   */
  rewrite(snapshot: () => JournalRecord[]): Promise<void> {
    this.rewriteWanted = snapshot;
    return new Promise((resolve, reject) => {
      this.rewriteDone.push({ resolve, reject });
      void this.run();
    });
  }

  async close() {
    this.closed = true;
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.file?.close();
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length || this.rewriteWanted) {
        if (this.waiting.length) await this.commit(this.waiting.splice(0));
        else await this.compact();
      }
    } finally {
      this.running = false;
    }
  }

  private async commit(batch: Waiting[]) {
    const bytes = Buffer.from(batch.map((item) => item.text).join(''));
    try {
      const { bytesWritten } = await this.file.write(bytes);
      if (bytesWritten !== bytes.length) throw new Error(`short write to the journal (${bytesWritten} of ${bytes.length} bytes)`);
      await this.file.datasync();
    } catch (error) {
      await this.file.truncate(this.size).catch(() => {});
      for (const item of batch) item.reject(error);
      return;
    }
    this.size += bytes.length;
    this.appendedSince += bytes.length;
    for (const item of batch) {
      for (const record of item.records) this.apply(record);
      item.resolve();
    }
  }

  private async compact() {
    const snapshot = this.rewriteWanted!;
    this.rewriteWanted = null;
    const done = this.rewriteDone.splice(0);
    try {
      const records = snapshot();
      const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
      const temporary = join(this.dir, `journal.${randomBytes(6).toString('hex')}.tmp`);
      const next = await open(temporary, 'w', 0o600);
      try {
        await next.writeFile(text);
        await next.sync();
      } finally {
        await next.close();
      }
      await rename(temporary, this.path);
      const dir = await open(this.dir, 'r');
      await dir.sync().finally(() => dir.close());
      await this.file.close();
      this.file = await open(this.path, 'a', 0o600);
      this.size = Buffer.byteLength(text);
      this.appendedSince = 0;
      for (const item of done) item.resolve();
    } catch (error) {
      for (const item of done) item.reject(error);
    }
  }
}
