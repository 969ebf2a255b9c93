import * as Y from 'yjs';

/**
 * Tells whether `update` carries no new items, only a delete set. A y-websocket client's sync
 * step 2 always carries its whole delete set, so a read-only client that never typed still sends
 * such an update when it connects; it is dropped like any other, but is not worth a log line.
 * Decodes only the update (already bounded by the pre-validator), never the document: a reader's
 * deletion attempt looks the same and is dropped just as well, only unlogged.
 */
export function isDeleteSetOnly(update: Uint8Array): boolean {
  try {
    return Y.decodeUpdate(update).structs.length === 0;
  } catch {
    return false;
  }
}
