import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { openOfflineCache, type OfflineCache } from './offline-cache.js';

// IndexedDB here is fake-indexeddb, a complete in-memory implementation of the IndexedDB API, as
// Node has none; the browser's own is exercised by e2e/tests/element.spec.ts and demo-offline.spec.ts.

let counter = 0;
const open: OfflineCache[] = [];

function freshKey(): string {
  return `allmende:test/offline-${++counter}`;
}

function cache(key: string, doc: Y.Doc): OfflineCache {
  const c = openOfflineCache(key, doc);
  if (!c) throw new Error('expected an offline cache where indexedDB exists');
  open.push(c);
  return c;
}

/** How many records y-indexeddb's `updates` store holds, read with a connection of our own. */
function storedRecords(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const count = db.transaction('updates', 'readonly').objectStore('updates').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
      count.onerror = () => reject(count.error);
    };
  });
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function reopened(key: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  await cache(key, doc).whenLoaded;
  return doc;
}

function typeInto(doc: Y.Doc, text: string): void {
  const t = doc.getText('t');
  for (const ch of text) t.insert(t.length, ch); // one Yjs transaction (and update) per character
}

afterEach(() => {
  for (const c of open.splice(0)) c.destroy();
});

describe('offline cache', () => {
  it('stores a burst of edits as one record, not one per edit, and a new visit reads them', async () => {
    const key = freshKey();
    const doc = new Y.Doc();
    const c = cache(key, doc);
    await c.whenLoaded;
    const before = await storedRecords(key);
    typeInto(doc, 'hello world');
    // Nothing was written in the task that made the edits.
    expect(await storedRecords(key)).toBe(before);
    c.flush();
    await until(async () => (await storedRecords(key)) > before, 'the batch to be stored');
    expect(await storedRecords(key)).toBe(before + 1);
    const again = await reopened(key);
    expect(again.getText('t').toString()).toBe('hello world');
  });

  it('stores pending edits on its own a moment later', async () => {
    const key = freshKey();
    const doc = new Y.Doc();
    await cache(key, doc).whenLoaded;
    const before = await storedRecords(key);
    typeInto(doc, 'later');
    await until(async () => (await storedRecords(key)) > before, 'the timed write');
    expect((await reopened(key)).getText('t').toString()).toBe('later');
  });

  it('stores pending edits on destroy, and when the Y.Doc is destroyed', async () => {
    const keyA = freshKey();
    const a = new Y.Doc();
    const cacheA = cache(keyA, a);
    await cacheA.whenLoaded;
    typeInto(a, 'kept on destroy');
    cacheA.destroy();
    expect((await reopened(keyA)).getText('t').toString()).toBe('kept on destroy');

    const keyB = freshKey();
    const b = new Y.Doc();
    await cache(keyB, b).whenLoaded;
    typeInto(b, 'kept when the doc goes');
    b.destroy();
    expect((await reopened(keyB)).getText('t').toString()).toBe('kept when the doc goes');
  });

  it('removes every listener it added to the Y.Doc on destroy', async () => {
    const doc = new Y.Doc();
    const observers = () => {
      const map = (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers;
      return Object.fromEntries([...map].map(([name, set]) => [name, set.size]).filter(([, n]) => n !== 0));
    };
    const before = observers();
    const c = cache(freshKey(), doc);
    await c.whenLoaded;
    expect(observers()).not.toEqual(before);
    c.destroy();
    expect(observers()).toEqual(before);
  });

  it('stores pending edits when the page is hidden', async () => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    (globalThis as { document?: unknown }).document = page;
    try {
      const key = freshKey();
      const doc = new Y.Doc();
      await cache(key, doc).whenLoaded;
      const before = await storedRecords(key);
      typeInto(doc, 'tab switched');
      page.visibilityState = 'hidden';
      page.dispatchEvent(new Event('visibilitychange'));
      // Written at once, well before the timed write would have happened.
      await until(async () => (await storedRecords(key)) > before, 'the write on hiding');
      expect((await reopened(key)).getText('t').toString()).toBe('tab switched');
    } finally {
      delete (globalThis as { document?: unknown }).document;
    }
  });

  it('reads caches written by y-indexeddb itself, and y-indexeddb reads its caches (same format)', async () => {
    const key = freshKey();
    const plain = new Y.Doc();
    const persistence = new IndexeddbPersistence(key, plain);
    await persistence.whenSynced;
    typeInto(plain, 'from y-indexeddb ');
    await persistence.destroy();
    const ours = await reopened(key);
    expect(ours.getText('t').toString()).toBe('from y-indexeddb ');
    typeInto(ours, 'and from us');
    for (const c of open.splice(0)) c.destroy();

    const reader = new Y.Doc();
    const again = new IndexeddbPersistence(key, reader);
    await again.whenSynced;
    expect(reader.getText('t').toString()).toBe('from y-indexeddb and from us');
    await again.destroy();
  });

  it('does not store again what it read from the cache', async () => {
    const key = freshKey();
    const doc = new Y.Doc();
    const c = cache(key, doc);
    await c.whenLoaded;
    typeInto(doc, 'once');
    c.destroy();
    const records = await storedRecords(key);
    const reader = new Y.Doc();
    const second = cache(key, reader);
    await second.whenLoaded;
    const afterLoad = await storedRecords(key);
    second.flush();
    await new Promise((r) => setTimeout(r, 50));
    // y-indexeddb stores the state once on opening; the updates read back are not written again.
    expect(await storedRecords(key)).toBe(afterLoad);
    expect(afterLoad).toBeLessThanOrEqual(records + 1);
  });
});
