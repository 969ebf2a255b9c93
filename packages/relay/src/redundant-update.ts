import * as Y from 'yjs';

/**
 * Tells whether `update` adds nothing to the document whose full state is `state`: every struct
 * it carries is already there and every deletion already happened. A y-websocket client's sync
 * step 2 always carries its whole delete set, so a read-only client that never typed still sends
 * such updates; only the others are worth a log line. Decodes the whole state, so call it rarely.
 */
export function isRedundantUpdate(state: Uint8Array, update: Uint8Array): boolean {
  try {
    const stateVector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
    const deleteSet = Y.mergeDeleteSets([Y.decodeUpdate(state).ds]);
    return Y.snapshotContainsUpdate(Y.createSnapshot(deleteSet, stateVector), update);
  } catch {
    return false;
  }
}
