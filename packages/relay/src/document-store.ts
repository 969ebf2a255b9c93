/** One row of a document's log: its id in the store and the Yjs update (V1 encoding) it holds. */
export interface StoredUpdate {
  /** The row id, unique within the store; it names exactly this row when the log is compacted. */
  readonly id: number;
  /** The update bytes. */
  readonly data: Uint8Array;
}

/**
 * Durable storage for documents kept as a log of Yjs updates (V1 encoding), implemented for
 * SQLite ({@link SqliteStore}) and PostgreSQL ({@link PostgresStore}).
 *
 * Every method returns a promise that settles once the work reached durable storage: the relay
 * broadcasts an update only after its `append` resolved. Several relay instances may share one
 * store, so `compact` never replaces "the whole log": it deletes exactly the rows whose ids it is
 * given (those whose content `merged` contains) and adds `merged` as a new row, in one
 * transaction. A row that another instance appended meanwhile is never touched.
 */
export interface DocumentStore {
  /** A short name of the engine for logs and metrics, such as `sqlite` or `postgres`. */
  readonly kind: string;
  /** Returns the stored rows of document `name` in append order, or an empty array if it has none. */
  load(name: string): Promise<StoredUpdate[]>;
  /** Returns the ids of the stored rows of document `name`, without their data (cheap: used to find rows an instance lacks). */
  listIds(name: string): Promise<number[]>;
  /** Returns the rows `ids` of document `name` that still exist, in id order. */
  loadRows(name: string, ids: readonly number[]): Promise<StoredUpdate[]>;
  /** Appends one update to the log of document `name`; resolves with the new row's id once it is durable. */
  append(name: string, update: Uint8Array): Promise<number>;
  /**
   * In one transaction, deletes the rows `ids` of document `name` and adds `merged`, which must
   * contain the content of all of them. Resolves with the new row's id, or with `null` when another
   * relay instance is compacting the same document right now (nothing was changed then).
   */
  compact(name: string, ids: readonly number[], merged: Uint8Array): Promise<number | null>;
  /** Resolves when the engine answers a trivial query; rejects with the reason otherwise. */
  ping(): Promise<void>;
  /** Waits for pending writes and releases the store's resources; no other method may be called afterwards. */
  close(): Promise<void>;
}
