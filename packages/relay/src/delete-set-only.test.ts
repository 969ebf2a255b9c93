import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isDeleteSetOnly } from './delete-set-only.js';

function documentWithDeletions(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello world');
  doc.getText('t').delete(0, 6);
  doc.getMap('m').set('k', 1);
  doc.getMap('m').set('k', 2);
  return doc;
}

describe('isDeleteSetOnly', () => {
  it('recognizes the sync step 2 of a client that has nothing new, even with its whole delete set', () => {
    const state = Y.encodeStateAsUpdate(documentWithDeletions());
    const reader = new Y.Doc();
    Y.applyUpdate(reader, state);
    const syncStep2 = Y.encodeStateAsUpdate(reader, Y.encodeStateVectorFromUpdate(state));
    expect(Y.decodeUpdate(syncStep2).ds.clients.size).toBeGreaterThan(0);
    expect(isDeleteSetOnly(syncStep2)).toBe(true);
  });

  it('sees new content, and treats malformed bytes as not harmless', () => {
    const state = Y.encodeStateAsUpdate(documentWithDeletions());
    const reader = new Y.Doc();
    Y.applyUpdate(reader, state);
    const vector = Y.encodeStateVector(reader);
    reader.getText('t').insert(0, '!');
    expect(isDeleteSetOnly(Y.encodeStateAsUpdate(reader, vector))).toBe(false);
    expect(isDeleteSetOnly(new Uint8Array([255, 255, 255]))).toBe(false);
  });
});
