import { AllSelection, NodeSelection, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from 'y-prosemirror';
import type { ProsemirrorBinding } from 'y-prosemirror';
import type * as Y from 'yjs';

/** A selection as y-prosemirror keeps it on undo stack items: Yjs relative positions. */
interface RelativeSelection {
  readonly type: string;
  readonly anchor: unknown;
  readonly head: unknown;
}

/**
 * Puts the user's cursor back where it was before the change that undo or
 * redo just reverted (call it from the undo manager's `stack-item-popped`).
 *
 * y-prosemirror stores that selection as relative positions on each undo
 * stack item and means to restore it, but Yjs fires `stack-item-popped`
 * only after the undo's changes reached the editor, so the restore never
 * happens (y-prosemirror issue #186). Worse, the selection stays pending
 * and is applied to the next change that arrives from someone else,
 * throwing the cursor to an old place in the middle of typing. This reads
 * the stored selection, clears the pending one, and selects it, mapped
 * through everything that happened since (also others' edits).
 */
export function restoreUndoSelection(view: EditorView, stackItem: { meta: Map<unknown, unknown> }): void {
  const binding = (ySyncPluginKey.getState(view.state) as { binding?: ProsemirrorBinding | null } | undefined)?.binding;
  if (!binding) return;
  const stored = stackItem.meta.get(binding) as RelativeSelection | null | undefined;
  (binding as unknown as { beforeTransactionSelection: unknown }).beforeTransactionSelection = null;
  if (!stored || stored.anchor == null || stored.head == null) return;
  const doc = view.state.doc;
  if (stored.type === 'all') {
    view.dispatch(view.state.tr.setSelection(new AllSelection(doc)));
    return;
  }
  const resolve = (relative: unknown): number | null => {
    const pos = relativePositionToAbsolutePosition(binding.doc as Y.Doc, binding.type as Y.XmlFragment, relative, binding.mapping);
    return pos === null ? null : Math.max(0, Math.min(pos, doc.content.size));
  };
  const anchor = resolve(stored.anchor);
  const head = resolve(stored.head);
  if (anchor === null || head === null) return;
  const nodeAfter = doc.resolve(anchor).nodeAfter;
  const selection =
    stored.type === 'node' && nodeAfter && NodeSelection.isSelectable(nodeAfter)
      ? NodeSelection.create(doc, anchor)
      : TextSelection.between(doc.resolve(anchor), doc.resolve(head));
  view.dispatch(view.state.tr.setSelection(selection).scrollIntoView());
}
