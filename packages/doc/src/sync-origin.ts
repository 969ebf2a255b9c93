import type { Transaction } from 'prosemirror-state';
import { ySyncPluginKey } from 'y-prosemirror';

/** What y-prosemirror's sync plugin puts on the transactions it creates from Yjs changes. */
interface SyncMeta {
  readonly isChangeOrigin?: boolean;
  readonly isUndoRedoOperation?: boolean;
}

/**
 * Tells whether a transaction carries content that arrived through Yjs from
 * someone else (or from the stored document when it loads), as opposed to
 * this user's own edits, undo and redo. Plugins that add to the document in
 * `appendTransaction` must skip these: every client would add the same
 * thing, and the copies would all survive the merge.
 */
export function isRemoteSync(tr: Transaction): boolean {
  const sync = tr.getMeta(ySyncPluginKey) as SyncMeta | undefined;
  return sync?.isChangeOrigin === true && sync.isUndoRedoOperation !== true;
}

/** Tells whether a transaction is the local user's edit (including their undo and redo) that changes the document. */
export function isLocalEdit(tr: Transaction): boolean {
  return tr.docChanged && !isRemoteSync(tr);
}
