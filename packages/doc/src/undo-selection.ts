import { AllSelection, NodeSelection, TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from 'y-prosemirror';
import type { ProsemirrorBinding } from 'y-prosemirror';
import type * as Y from 'yjs';
import { relativeSelection } from './relative-position.js';
import type { PositionBinding } from './relative-position.js';

/** A selection as y-prosemirror keeps it on undo stack items: Yjs relative positions. */
interface RelativeSelection {
  readonly type: string;
  readonly anchor: unknown;
  readonly head: unknown;
}

/** The part of an editor view the undo selection needs. */
export interface UndoSelectionView {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
}

/** The part of a Y.UndoManager event (`stack-item-added`, `-updated`, `-popped`) used here. */
export interface UndoStackEvent {
  readonly stackItem: { readonly meta: Map<unknown, unknown> };
  /** For added and updated items: the stack they are on. For popped items: the stack they came from. */
  readonly type: 'undo' | 'redo';
}

/** The part of a Y.UndoManager read here: the item being undone or redone while its inverse is recorded. */
export interface UndoManagerState {
  readonly currStackItem: { readonly meta: Map<unknown, unknown> } | null;
}

/**
 * Where the selection was before and after a change, stored on the undo
 * stack items of that change under this key: undo puts the cursor where it
 * was before, redo where it was after (at the end of re-inserted text, or
 * around re-applied formatting), as word processors do.
 */
const SELECTIONS = Symbol('allmende selections around a change');

interface SelectionsAround {
  readonly before: RelativeSelection | null;
  readonly after: RelativeSelection | null;
}

function bindingOf(state: EditorState): ProsemirrorBinding | null {
  return (ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding | null } | undefined)?.binding ?? null;
}

/**
 * Records where the selection is around a change on its undo stack item
 * (call it from the undo manager's `stack-item-added` and
 * `stack-item-updated`, after y-prosemirror's own listener, which is
 * registered when the view is created).
 *
 * For a change the user made, the selection before it is the one
 * y-prosemirror stored on the item, and the selection after it is the
 * editor's selection now (when changes are merged into one undo step, the
 * last one's). For the item that undo or redo pushes onto the opposite stack,
 * both are copied from the item being undone or redone, so that undo, redo,
 * undo… keep returning to the same two places rather than to where the
 * user pressed the keys.
 */
export function recordUndoSelection(view: UndoSelectionView, event: UndoStackEvent, undoManager: UndoManagerState): void {
  const binding = bindingOf(view.state);
  if (!binding) return;
  const { meta } = event.stackItem;
  const source = undoManager.currStackItem;
  if (source && source !== event.stackItem) {
    const around = source.meta.get(SELECTIONS) as SelectionsAround | undefined;
    if (around) meta.set(SELECTIONS, around);
    return;
  }
  const previous = meta.get(SELECTIONS) as SelectionsAround | undefined;
  const before = previous?.before ?? (meta.get(binding) as RelativeSelection | null | undefined) ?? null;
  meta.set(SELECTIONS, { before, after: relativeSelection(binding as unknown as PositionBinding, view.state) });
}

/**
 * Puts the user's cursor back after undo or redo (call it from the undo
 * manager's `stack-item-popped`): after undo where it was before the
 * change, after redo where it was after the change.
 *
 * y-prosemirror stores the selection before a change as relative positions
 * on each undo stack item and means to restore it, but Yjs fires
 * `stack-item-popped` only after the undo's changes reached the editor, so
 * the restore never happens (y-prosemirror issue #186). Worse, the selection
 * stays pending and is applied to the next change that arrives from someone
 * else, throwing the cursor to an old place in the middle of typing. For
 * redo it would restore where undo was pressed, not where the redone change
 * is. This clears the pending selection and selects the recorded one, mapped
 * through everything that happened since (also others' edits); an item
 * without a record (recorded before this element bound the view) falls back
 * to y-prosemirror's.
 */
export function restoreUndoSelection(view: UndoSelectionView, event: UndoStackEvent): void {
  const binding = bindingOf(view.state);
  if (!binding) return;
  const { meta } = event.stackItem;
  (binding as unknown as { beforeTransactionSelection: unknown }).beforeTransactionSelection = null;
  const around = meta.get(SELECTIONS) as SelectionsAround | undefined;
  const fallback = (meta.get(binding) as RelativeSelection | null | undefined) ?? null;
  const stored = (event.type === 'undo' ? around?.before : around?.after) ?? fallback;
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
