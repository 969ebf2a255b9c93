import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { afterPaint } from './after-paint.js';

/** Sends a provider's outgoing messages in batches; see {@link batchOutgoing}. */
export interface OutgoingBatch {
  /** Sends what is pending now. */
  flush(): void;
  /** Sends what is pending and hands sending back to the provider's own per-update handlers. */
  destroy(): void;
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * The most update bytes merged into one message. Callers that split a large change into several
 * updates (the sheet's file import, so that each fits a relay's message limit) keep their split:
 * updates are merged only while the merged ones stay below this, and a larger one goes alone.
 */
export const MAX_MERGED_BYTES = 1024 * 1024;

/**
 * Makes a y-websocket provider send local edits and presence once per frame, after the paint,
 * instead of inside the task that made them. y-websocket encodes and sends every Yjs update (one
 * or more per keystroke) and every presence change as it happens, so that work sat between a
 * keystroke and its paint. Here the updates made until the next frame has painted are merged with
 * `Y.mergeUpdates` and sent as one message (up to {@link MAX_MERGED_BYTES}), followed by one presence message for the clients whose
 * presence changed; the wire protocol is unchanged. Others see an edit at most a frame later.
 *
 * Presence the provider received from the relay is not sent back (stock y-websocket echoes it,
 * which tells nobody anything new).
 */
export function batchOutgoing(provider: WebsocketProvider, doc: Y.Doc, awareness: Awareness): OutgoingBatch {
  const sendUpdate = provider._updateHandler;
  const sendAwareness = provider._awarenessUpdateHandler;
  doc.off('update', sendUpdate);
  awareness.off('update', sendAwareness);

  let updates: Uint8Array[] = [];
  const changedClients = new Set<number>();
  let cancel: (() => void) | null = null;

  const flush = (): void => {
    cancel?.();
    cancel = null;
    if (updates.length > 0) {
      const pending = updates;
      updates = [];
      for (const group of groupsUpTo(pending, MAX_MERGED_BYTES)) sendUpdate(group.length === 1 ? group[0]! : Y.mergeUpdates(group), null);
    }
    if (changedClients.size > 0) {
      const updated = [...changedClients];
      changedClients.clear();
      sendAwareness({ added: [], updated, removed: [] }, null);
    }
  };
  const schedule = (): void => {
    cancel ??= afterPaint(flush);
  };
  const onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === provider) return; // came from the relay
    updates.push(update);
    schedule();
  };
  const onAwareness = (changes: AwarenessChanges, origin: unknown): void => {
    if (origin === provider) return;
    for (const list of [changes.added, changes.updated, changes.removed]) for (const client of list) changedClients.add(client);
    schedule();
  };
  doc.on('update', onUpdate);
  awareness.on('update', onAwareness);
  return {
    flush,
    destroy: () => {
      flush();
      doc.off('update', onUpdate);
      awareness.off('update', onAwareness);
      // The provider's destroy() unsubscribes its own handlers; give them back so it finds them.
      doc.on('update', sendUpdate);
      awareness.on('update', sendAwareness);
    },
  };
}

/** Consecutive runs of `updates` whose sizes add up to at most `limit` bytes (a larger update is a run of its own). */
function groupsUpTo(updates: Uint8Array[], limit: number): Uint8Array[][] {
  const groups: Uint8Array[][] = [];
  let current: Uint8Array[] = [];
  let bytes = 0;
  for (const update of updates) {
    if (current.length > 0 && bytes + update.length > limit) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(update);
    bytes += update.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
