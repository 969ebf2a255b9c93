/**
 * Durable storage for documents kept as a log of Yjs updates (V1 encoding).
 *
 * The relay calls every method synchronously and relies on each call having
 * reached durable storage when it returns: an update is appended before it is
 * broadcast. The relay holds the only copy of a loaded document in memory, so
 * `compact` may replace the whole log. An adapter for an asynchronous engine
 * such as PostgreSQL will need this interface to return promises and the relay
 * to serialize calls per document.
 */
export interface DocumentStore {
  /** Returns the stored updates of document `name` in append order, or an empty array if it has none. */
  load(name: string): Uint8Array[];
  /** Appends one update to the log of document `name` and makes it durable before returning. */
  append(name: string, update: Uint8Array): void;
  /** Atomically replaces the whole log of document `name` with the single update `merged`. */
  compact(name: string, merged: Uint8Array): void;
  /** Releases the store's resources; no other method may be called afterwards. */
  close(): void;
}
