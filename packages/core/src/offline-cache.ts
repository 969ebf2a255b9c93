import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { cancelTimer, later, type TimerHandle } from './timers.js';

/** A local copy of a document that survives reloads while the relay is unreachable. */
export interface OfflineCache {
  /** Resolves once the cached content has been applied to the Y.Doc. */
  readonly whenLoaded: Promise<void>;
  /** Writes the edits not yet stored at once (they are otherwise stored a moment after they were made). */
  flush(): void;
  /** Stores what is pending and stops caching; the stored copy stays for the next visit. */
  destroy(): void;
}

/**
 * How long local edits are collected before they are stored together. A keystroke then costs no
 * IndexedDB transaction of its own; the edits of a burst of typing become one record.
 */
export const STORE_DELAY_MS = 250;

/** The page lifecycle events used here, typed without the DOM lib (this package has none). */
interface EventSource {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/** The part of IndexedDB's database interface used here, typed without the DOM lib. */
interface IdbDatabase {
  transaction(stores: string[], mode: 'readwrite'): {
    objectStore(name: string): { add(value: unknown): unknown };
    commit?: () => void;
  };
}

interface PageGlobals {
  indexedDB?: unknown;
  addEventListener?: EventSource['addEventListener'];
  removeEventListener?: EventSource['removeEventListener'];
  document?: EventSource & { visibilityState?: string };
}

/**
 * Opens the IndexedDB cache for a document, or returns `null` where there is no IndexedDB
 * (Node, workers without it, some private browsing modes).
 *
 * The store is y-indexeddb's, unchanged (one database per document, its `updates` store holding
 * Yjs updates), so caches written by earlier versions open as before. What differs is when local
 * edits are written: y-indexeddb opens an IndexedDB transaction for every Yjs update, inside the
 * task that made it (a keystroke's). Here the updates of {@link STORE_DELAY_MS} are merged with
 * `Y.mergeUpdates` and stored as one record, in a task of their own; they are written at once when
 * the page is hidden or left (`visibilitychange`, `pagehide`), and on destroy.
 */
export function openOfflineCache(key: string, doc: Y.Doc): OfflineCache | null {
  const g = globalThis as PageGlobals;
  if (typeof g.indexedDB === 'undefined') return null;
  const persistence = new IndexeddbPersistence(key, doc);
  // Take over y-indexeddb's per-update write and its reaction to the doc's destruction, so that
  // pending edits are stored first.
  doc.off('update', persistence._storeUpdate);
  doc.off('destroy', persistence.destroy);

  let pending: Uint8Array[] = [];
  let timer: TimerHandle | null = null;
  let destroyed = false;

  const store = (leaving: boolean): void => {
    if (timer !== null) cancelTimer(timer);
    timer = null;
    if (pending.length === 0) return;
    const update = pending.length === 1 ? pending[0]! : Y.mergeUpdates(pending);
    pending = [];
    const db = persistence.db as unknown as IdbDatabase | null;
    if (leaving && db) {
      // The page is going away: a transaction still open when it unloads is aborted, so commit it
      // at once. The record is the one y-indexeddb's writer adds (an auto-keyed update).
      try {
        const transaction = db.transaction(['updates'], 'readwrite');
        transaction.objectStore('updates').add(update);
        transaction.commit?.();
        persistence._dbsize++;
        return;
      } catch {
        // fall through to y-indexeddb's writer
      }
    }
    // y-indexeddb's own writer: the same record format, and its compaction after 500 records.
    // Before the database is open it stores nothing, as before: once open, it stores the whole
    // document state before reading the cache, which includes these edits.
    persistence._storeUpdate(update, null);
  };
  const flush = (): void => store(false);
  const flushLeaving = (): void => store(true);
  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === persistence) return; // read from this cache
    pending.push(update);
    timer ??= later(flush, STORE_DELAY_MS);
  };
  const onVisibility = (): void => {
    if (g.document?.visibilityState === 'hidden') flushLeaving();
  };
  const destroy = (): void => {
    if (destroyed) return;
    destroyed = true;
    flush();
    doc.off('update', onUpdate);
    doc.off('destroy', destroy);
    g.removeEventListener?.('pagehide', flushLeaving);
    g.document?.removeEventListener('visibilitychange', onVisibility);
    void persistence.destroy();
  };

  doc.on('update', onUpdate);
  doc.on('destroy', destroy);
  g.addEventListener?.('pagehide', flushLeaving);
  g.document?.addEventListener('visibilitychange', onVisibility);
  return {
    whenLoaded: persistence.whenSynced.then(() => undefined),
    flush,
    destroy,
  };
}
