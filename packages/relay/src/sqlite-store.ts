import Database from 'better-sqlite3';
import type { DocumentStore, StoredUpdate } from './document-store.js';
import { migrationsTable, pendingMigrations } from './store-migrations.js';

/** The name of the SQLite database file the relay creates inside its data directory. */
export const sqliteFileName = 'allmende-relay.sqlite';

/**
 * A {@link DocumentStore} in one SQLite database file, using better-sqlite3: the embedded
 * default for one relay process.
 *
 * better-sqlite3 works synchronously. Appends are group-committed: those made in one turn of the
 * event loop are inserted in one transaction right after it (`setImmediate`), and each promise
 * resolves once that transaction is in the WAL, before the relay can broadcast the update; a
 * burst of updates then costs one commit instead of one each. Each document is a log of
 * rows in `document_updates`; compaction deletes the merged rows and inserts the merged one inside
 * a single transaction, so a crash leaves either the old rows or the merged row, never neither.
 */
export class SqliteStore implements DocumentStore {
  readonly kind = 'sqlite';
  readonly #db: Database.Database;
  readonly #selectUpdates: Database.Statement<[string], { id: number; data: Buffer }>;
  readonly #insertUpdate: Database.Statement<[string, Buffer]>;
  readonly #compact: (name: string, ids: readonly number[], merged: Buffer) => number;
  readonly #insertBatch: (batch: PendingAppend[]) => number[];
  #queue: PendingAppend[] = [];
  #flushScheduled = false;

  /** Opens (and if needed creates and migrates) the database at `file`. Throws if it was migrated by a newer relay. */
  constructor(file: string) {
    this.#db = new Database(file);
    try {
      this.#db.pragma('journal_mode = WAL');
      // In WAL mode, synchronous=NORMAL still writes every commit to the WAL file before
      // returning; only the fsync is deferred to checkpoints. A process crash or SIGKILL
      // therefore loses nothing (the OS holds the written pages); only a power loss or kernel
      // crash can drop the last commits.
      this.#db.pragma('synchronous = NORMAL');
      this.#migrate();
    } catch (error) {
      this.#db.close();
      throw error;
    }
    this.#selectUpdates = this.#db.prepare<[string], { id: number; data: Buffer }>(
      'SELECT id, data FROM document_updates WHERE document = ? ORDER BY id',
    );
    this.#insertUpdate = this.#db.prepare<[string, Buffer]>('INSERT INTO document_updates (document, data) VALUES (?, ?)');
    const deleteUpdate = this.#db.prepare<[string, number]>('DELETE FROM document_updates WHERE document = ? AND id = ?');
    this.#insertBatch = this.#db.transaction((batch: PendingAppend[]) => batch.map((entry) => Number(this.#insertUpdate.run(entry.name, entry.data).lastInsertRowid)));
    this.#compact = this.#db.transaction((name: string, ids: readonly number[], merged: Buffer) => {
      for (const id of ids) deleteUpdate.run(name, id);
      return Number(this.#insertUpdate.run(name, merged).lastInsertRowid);
    });
  }

  /** Returns the stored rows of document `name` in append order. */
  load(name: string): Promise<StoredUpdate[]> {
    return settle(() => this.#selectUpdates.all(name).map((row) => ({ id: row.id, data: row.data })));
  }

  /** Returns the row ids of document `name`. */
  listIds(name: string): Promise<number[]> {
    return settle(() => this.#db.prepare<[string], { id: number }>('SELECT id FROM document_updates WHERE document = ?').all(name).map((row) => row.id));
  }

  /** Returns the rows `ids` of document `name` that still exist. */
  loadRows(name: string, ids: readonly number[]): Promise<StoredUpdate[]> {
    const wanted = new Set(ids);
    return this.load(name).then((rows) => rows.filter((row) => wanted.has(row.id)));
  }

  /** Appends one update to the log of document `name`; resolves with its row id once it is in the WAL. */
  append(name: string, update: Uint8Array): Promise<number> {
    if (!this.#db.open) return Promise.reject(new Error('the SQLite store is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ name, data: asBuffer(update), resolve, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  /** Deletes rows `ids` of document `name` and inserts `merged`, in one transaction (after pending appends). */
  compact(name: string, ids: readonly number[], merged: Uint8Array): Promise<number | null> {
    this.#flush();
    return settle(() => this.#compact(name, ids, asBuffer(merged)));
  }

  /** Resolves if the database file can be read. */
  ping(): Promise<void> {
    return settle(() => {
      this.#db.prepare('SELECT 1').get();
    });
  }

  /** Commits pending appends and closes the database; the WAL is checkpointed into the main file. */
  close(): Promise<void> {
    this.#flush();
    if (this.#db.open) this.#db.close();
    return Promise.resolve();
  }

  #flush(): void {
    this.#flushScheduled = false;
    const batch = this.#queue;
    if (batch.length === 0) return;
    this.#queue = [];
    let ids: number[];
    try {
      if (!this.#db.open) throw new Error('the SQLite store is closed');
      ids = this.#insertBatch(batch);
    } catch (error) {
      const reason = error instanceof Error ? error : new Error(String(error));
      for (const entry of batch) entry.reject(reason);
      return;
    }
    batch.forEach((entry, index) => entry.resolve(ids[index]!));
  }

  #migrate(): void {
    this.#db.exec(`CREATE TABLE IF NOT EXISTS ${migrationsTable} (
      version INTEGER PRIMARY KEY,
      description TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = this.#db.prepare<[], { version: number }>(`SELECT version FROM ${migrationsTable}`).all().map((row) => row.version);
    // Relays before the migrations table recorded schema version 1 in user_version; its statements are idempotent.
    for (const migration of pendingMigrations(applied)) {
      this.#db.transaction(() => {
        this.#db.exec(migration.sqlite);
        this.#db
          .prepare(`INSERT INTO ${migrationsTable} (version, description, applied_at) VALUES (?, ?, ?)`)
          .run(migration.version, migration.description, new Date().toISOString());
        this.#db.pragma(`user_version = ${migration.version}`);
      })();
    }
  }
}

interface PendingAppend {
  name: string;
  data: Buffer;
  resolve: (id: number) => void;
  reject: (error: Error) => void;
}

// better-sqlite3 throws synchronously; the interface reports failures as rejections.
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
