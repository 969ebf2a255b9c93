import pg from 'pg';
import type { DocumentStore, StoredUpdate } from './document-store.js';
import { migrationsTable, pendingMigrations } from './store-migrations.js';

/** Options for {@link PostgresStore.open}. */
export interface PostgresStoreOptions {
  /** A libpq connection URL, such as `postgres://relay:secret@db:5432/allmende`. */
  connectionString: string;
  /** Connections in the pool; default 10. */
  maxConnections?: number;
  /** Called with every error of the engine (failed queries and broken idle connections), for metrics and logs. */
  onError?: (error: Error) => void;
}

interface PendingAppend {
  name: string;
  data: Buffer;
  resolve: (id: number) => void;
  reject: (error: Error) => void;
}

// One statement carries at most this many rows (and about this many bytes) of a group commit.
const maxBatchRows = 1000;
const maxBatchBytes = 8 * 1024 * 1024;
// The advisory lock every relay takes while it migrates the schema, so that instances starting
// together migrate one after the other (an arbitrary constant: "allmende" in ASCII).
const migrationLockKey = 0x616c6d656e6465n;

/**
 * A {@link DocumentStore} in PostgreSQL, using `pg`, for relays that share their documents.
 *
 * Appends are group-committed: while one INSERT is in flight, further appends (of any document)
 * queue up and go out together in the next one, so the relay pays one commit per round trip, not
 * per update, and each update is still durable before its promise resolves. Compaction takes a
 * transaction-scoped advisory lock on the document (`pg_try_advisory_xact_lock`); an instance
 * that does not get it skips compacting that time instead of waiting, and since compaction only
 * deletes the rows it merged, no interleaving loses a row.
 */
export class PostgresStore implements DocumentStore {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;
  readonly #onError: (error: Error) => void;
  #queue: PendingAppend[] = [];
  #flushing: Promise<void> | null = null;
  #closed = false;

  private constructor(pool: pg.Pool, onError: (error: Error) => void) {
    this.#pool = pool;
    this.#onError = onError;
  }

  /** Connects, applies pending schema migrations and resolves with the store; rejects if the database cannot be reached or is newer. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    if (typeof options.connectionString !== 'string' || !/^postgres(ql)?:\/\//.test(options.connectionString)) {
      throw new TypeError('the PostgreSQL URL must start with postgres:// or postgresql://, such as postgres://user:password@host:5432/database');
    }
    const onError = options.onError ?? (() => {});
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10 });
    // An idle connection that breaks emits here; without a listener the process would crash.
    pool.on('error', (error) => onError(error));
    const store = new PostgresStore(pool, onError);
    try {
      await store.#migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  /** Returns the stored rows of document `name` in append order. */
  async load(name: string): Promise<StoredUpdate[]> {
    const result = await this.#query<{ id: string; data: Buffer }>(
      'SELECT id, data FROM document_updates WHERE document = $1 ORDER BY id',
      [name],
    );
    return result.rows.map((row) => ({ id: Number(row.id), data: row.data }));
  }

  /** Returns the row ids of document `name`. */
  async listIds(name: string): Promise<number[]> {
    const result = await this.#query<{ id: string }>('SELECT id FROM document_updates WHERE document = $1', [name]);
    return result.rows.map((row) => Number(row.id));
  }

  /** Returns the rows `ids` of document `name` that still exist. */
  async loadRows(name: string, ids: readonly number[]): Promise<StoredUpdate[]> {
    const result = await this.#query<{ id: string; data: Buffer }>(
      'SELECT id, data FROM document_updates WHERE document = $1 AND id = ANY($2::bigint[]) ORDER BY id',
      [name, ids.map(String)],
    );
    return result.rows.map((row) => ({ id: Number(row.id), data: row.data }));
  }

  /** Appends one update; resolves with its row id after the INSERT carrying it committed. */
  append(name: string, update: Uint8Array): Promise<number> {
    if (this.#closed) return Promise.reject(new Error('the PostgreSQL store is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({ name, data: Buffer.from(update.buffer, update.byteOffset, update.byteLength), resolve, reject });
      this.#flushing ??= this.#flush();
    });
  }

  /** Deletes rows `ids` and inserts `merged` under the document's advisory lock; `null` if another instance holds it. */
  async compact(name: string, ids: readonly number[], merged: Uint8Array): Promise<number | null> {
    const client = await this.#connect();
    try {
      await client.query('BEGIN');
      const lock = await client.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_xact_lock(hashtextextended('allmende-compact:' || $1, 0)) AS locked",
        [name],
      );
      if (lock.rows[0]?.locked !== true) {
        await client.query('ROLLBACK');
        return null;
      }
      await client.query('DELETE FROM document_updates WHERE document = $1 AND id = ANY($2::bigint[])', [name, ids.map(String)]);
      const inserted = await client.query<{ id: string }>(
        'INSERT INTO document_updates (document, data) VALUES ($1, $2) RETURNING id',
        [name, Buffer.from(merged.buffer, merged.byteOffset, merged.byteLength)],
      );
      await client.query('COMMIT');
      return Number(inserted.rows[0]!.id);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw this.#failed(error);
    } finally {
      client.release();
    }
  }

  /** Resolves when the database answers `SELECT 1`. */
  async ping(): Promise<void> {
    await this.#query('SELECT 1', []);
  }

  /** Waits for queued appends to commit, then closes every connection. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    while (this.#flushing !== null) await this.#flushing;
    await this.#pool.end();
  }

  // Sends everything queued as one INSERT, then again while more arrived meanwhile.
  async #flush(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#takeBatch();
      try {
        const result = await this.#query<{ id: string }>(
          `INSERT INTO document_updates (document, data)
           SELECT document, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS rows (document, data, position)
           ORDER BY position RETURNING id`,
          [batch.map((entry) => entry.name), batch.map((entry) => entry.data)],
        );
        // Identity values are drawn in insertion order, which follows `position`.
        const ids = result.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
        if (ids.length !== batch.length) throw new Error(`inserted ${ids.length} rows for ${batch.length} updates`);
        batch.forEach((entry, index) => entry.resolve(ids[index]!));
      } catch (error) {
        const reason = error instanceof Error ? error : new Error(String(error));
        for (const entry of batch) entry.reject(reason);
      }
    }
    this.#flushing = null;
  }

  #takeBatch(): PendingAppend[] {
    let bytes = 0;
    let count = 0;
    while (count < this.#queue.length && count < maxBatchRows && (count === 0 || bytes + this.#queue[count]!.data.byteLength <= maxBatchBytes)) {
      bytes += this.#queue[count]!.data.byteLength;
      count++;
    }
    return this.#queue.splice(0, count);
  }

  async #migrate(): Promise<void> {
    const client = await this.#connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey.toString()]);
      await client.query(`CREATE TABLE IF NOT EXISTS ${migrationsTable} (
        version INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
      const applied = await client.query<{ version: number }>(`SELECT version FROM ${migrationsTable}`);
      for (const migration of pendingMigrations(applied.rows.map((row) => row.version))) {
        await client.query(migration.postgres);
        await client.query(`INSERT INTO ${migrationsTable} (version, description) VALUES ($1, $2)`, [migration.version, migration.description]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async #connect(): Promise<pg.PoolClient> {
    try {
      return await this.#pool.connect();
    } catch (error) {
      throw this.#failed(error);
    }
  }

  async #query<Row extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<Row>> {
    try {
      return await this.#pool.query<Row>(text, values);
    } catch (error) {
      throw this.#failed(error);
    }
  }

  #failed(error: unknown): Error {
    const reason = error instanceof Error ? error : new Error(String(error));
    this.#onError(reason);
    return reason;
  }
}
