import Database from 'better-sqlite3';
import type { DocumentStore } from './document-store.js';

const schemaVersion = 1;

/** The name of the SQLite database file the relay creates inside its data directory. */
export const sqliteFileName = 'allmende-relay.sqlite';

/**
 * A {@link DocumentStore} in one SQLite database file, using better-sqlite3.
 *
 * Each document is a log of rows in `document_updates`; compaction replaces a
 * document's rows by one merged row inside a single transaction, so a crash
 * leaves either the old log or the merged row, never neither.
 */
export class SqliteStore implements DocumentStore {
  readonly #db: Database.Database;
  readonly #selectUpdates: Database.Statement<[string], { data: Buffer }>;
  readonly #insertUpdate: Database.Statement<[string, Buffer]>;
  readonly #deleteUpdates: Database.Statement<[string]>;
  readonly #compact: (name: string, merged: Buffer) => void;

  /** Opens (and if needed creates) the database at `file`. */
  constructor(file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    // In WAL mode, synchronous=NORMAL still writes every commit to the WAL file
    // before returning; only the fsync is deferred to checkpoints. A process
    // crash or SIGKILL therefore loses nothing (the OS holds the written pages);
    // only a power loss or kernel crash can drop the last commits.
    this.#db.pragma('synchronous = NORMAL');
    this.#migrate();
    this.#selectUpdates = this.#db.prepare<[string], { data: Buffer }>(
      'SELECT data FROM document_updates WHERE document = ? ORDER BY id',
    );
    this.#insertUpdate = this.#db.prepare<[string, Buffer]>(
      'INSERT INTO document_updates (document, data) VALUES (?, ?)',
    );
    this.#deleteUpdates = this.#db.prepare<[string]>('DELETE FROM document_updates WHERE document = ?');
    this.#compact = this.#db.transaction((name: string, merged: Buffer) => {
      this.#deleteUpdates.run(name);
      this.#insertUpdate.run(name, merged);
    });
  }

  /** Returns the stored updates of document `name` in append order. */
  load(name: string): Uint8Array[] {
    return this.#selectUpdates.all(name).map((row) => row.data);
  }

  /** Appends one update to the log of document `name`; it is durable when this returns. */
  append(name: string, update: Uint8Array): void {
    this.#insertUpdate.run(name, asBuffer(update));
  }

  /** Replaces the log of document `name` with the single update `merged`, in one transaction. */
  compact(name: string, merged: Uint8Array): void {
    this.#compact(name, asBuffer(merged));
  }

  /** Returns how many log rows document `name` has; compaction brings this back to 1. */
  countUpdates(name: string): number {
    const row = this.#db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM document_updates WHERE document = ?')
      .get(name);
    return row?.n ?? 0;
  }

  /** Closes the database; the WAL is checkpointed into the main file. */
  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #migrate(): void {
    const version = this.#db.pragma('user_version', { simple: true });
    if (version === schemaVersion) return;
    if (version !== 0) {
      throw new RangeError(
        `database has schema version ${String(version)}, this relay understands ${schemaVersion}; use a matching relay version`,
      );
    }
    const create = this.#db.transaction(() => this.#db.exec(`
      CREATE TABLE document_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX document_updates_by_document ON document_updates (document, id);
      PRAGMA user_version = ${schemaVersion};
    `));
    create();
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
