import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isRedundantUpdate } from './redundant-update.js';

function documentWithDeletions(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello world');
  doc.getText('t').delete(0, 6);
  doc.getMap('m').set('k', 1);
  doc.getMap('m').set('k', 2);
  return doc;
}

describe('isRedundantUpdate', () => {
  it('recognizes the sync step 2 of a client that has nothing new, even with its whole delete set', () => {
    const relayDoc = documentWithDeletions();
    const state = Y.encodeStateAsUpdate(relayDoc);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, state);
    const syncStep2 = Y.encodeStateAsUpdate(reader, Y.encodeStateVectorFromUpdate(state));
    expect(Y.decodeUpdate(syncStep2).ds.clients.size).toBeGreaterThan(0);
    expect(isRedundantUpdate(state, syncStep2)).toBe(true);
    expect(isRedundantUpdate(Y.mergeUpdates([state, new Uint8Array([0, 0])]), syncStep2)).toBe(true);
  });

  it('sees new content and new deletions', () => {
    const relayDoc = documentWithDeletions();
    const state = Y.encodeStateAsUpdate(relayDoc);
    const reader = new Y.Doc();
    Y.applyUpdate(reader, state);
    const vector = Y.encodeStateVector(reader);
    reader.getText('t').insert(0, '!');
    expect(isRedundantUpdate(state, Y.encodeStateAsUpdate(reader, vector))).toBe(false);

    const deleter = new Y.Doc();
    Y.applyUpdate(deleter, state);
    deleter.getText('t').delete(0, 1);
    expect(isRedundantUpdate(state, Y.encodeStateAsUpdate(deleter, Y.encodeStateVector(deleter)))).toBe(false);
  });
});
