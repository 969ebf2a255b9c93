import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';

/** Tells whether a document is the single empty paragraph the editor shows for empty content. */
export function isBlankDoc(doc: ProseMirrorNode): boolean {
  return doc.childCount === 0 || (doc.childCount === 1 && doc.firstChild!.isTextblock && doc.firstChild!.content.size === 0);
}

/** The part of y-prosemirror's binding this module patches. */
interface WritableBinding {
  type: Y.XmlFragment;
  _prosemirrorChanged?: (doc: ProseMirrorNode) => void;
}

/**
 * Keeps y-prosemirror from writing the placeholder paragraph of an empty
 * document into the Y.Doc. The schema's root is `block+`, so the editor
 * shows one empty paragraph when the shared content is empty; y-prosemirror
 * writes the editor's document back after every transaction, so merely
 * clicking into an empty document (or moving the cursor after undoing
 * everything) would add that paragraph to the shared content: every client
 * that does so adds its own, and after an undo to empty, redo brings the
 * content back below a stray empty paragraph. Real edits are written as
 * before; only "shared content empty, editor shows the placeholder" is
 * skipped. Does nothing if y-prosemirror's binding lacks the method it
 * patches (a later version).
 */
export function keepEmptyDocumentUnwritten(view: EditorView): void {
  const binding = (ySyncPluginKey.getState(view.state) as { binding?: WritableBinding | null } | undefined)?.binding;
  const write = binding?._prosemirrorChanged;
  if (!binding || typeof write !== 'function') return;
  binding._prosemirrorChanged = function (this: WritableBinding, doc: ProseMirrorNode) {
    if (this.type.length === 0 && isBlankDoc(doc)) return;
    write.call(this, doc);
  };
}
