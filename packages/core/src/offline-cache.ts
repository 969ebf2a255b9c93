import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/** A local copy of a document that survives reloads while the relay is unreachable. */
export interface OfflineCache {
  /** Resolves once the cached content has been applied to the Y.Doc. */
  readonly whenLoaded: Promise<void>;
  /** Stops caching; the stored copy stays for the next visit. */
  destroy(): void;
}

/**
 * Opens the IndexedDB cache for a document, or returns `null` where there is no IndexedDB
 * (Node, workers without it, some private browsing modes).
 */
export function openOfflineCache(key: string, doc: Y.Doc): OfflineCache | null {
  if (typeof (globalThis as { indexedDB?: unknown }).indexedDB === 'undefined') return null;
  const persistence = new IndexeddbPersistence(key, doc);
  return {
    whenLoaded: persistence.whenSynced.then(() => undefined),
    destroy: () => void persistence.destroy(),
  };
}
