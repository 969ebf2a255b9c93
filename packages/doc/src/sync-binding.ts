import { Fragment, Slice } from 'prosemirror-model';
import type { Mark, Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import { AllSelection, NodeSelection, Plugin, TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { ySyncPlugin, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { localChangeWriter, noteDocumentInSync } from './local-sync.js';
import { absolutePosition, knownTopLevelTypes, relativeSelection, sameTopLevelTypes } from './relative-position.js';
import { dispatchRemoteChange, scrollCursorIntoViewNextFrame } from './remote-dispatch.js';

/**
 * The parts of y-prosemirror's `ProsemirrorBinding` that the incremental
 * sync uses. They are not in y-prosemirror's types, which is why this file
 * names them; checked against y-prosemirror 1.3.7.
 */
export interface SyncBinding {
  readonly type: Y.XmlFragment;
  readonly doc: Y.Doc;
  /** Y type → the ProseMirror node drawn for it (for a Y.XmlText: its text nodes). */
  readonly mapping: Map<YType, ProseMirrorNode | ProseMirrorNode[]>;
  /** Marks that may overlap themselves, by type (y-prosemirror's cache; `updateYFragment` reads it). */
  readonly isOMark: Map<unknown, boolean>;
  /** The local selection as relative positions, taken before each Yjs transaction. */
  beforeTransactionSelection: { type: string; anchor: unknown; head: unknown } | null;
  /** Takes `beforeTransactionSelection` (registered on the Y.Doc by `initView`). */
  beforeAllTransactions: () => void;
  /** Writes the editor's document to Yjs after a local transaction. */
  _prosemirrorChanged(doc: ProseMirrorNode): void;
  /** Runs `f` unless the binding is already inside one of its own updates. */
  mux(f: () => void): void;
  prosemirrorView: SyncView | null;
  /** The function the binding observes its fragment with (set before `initView`). */
  _observeFunction: (events: ReadonlyArray<Y.YEvent<YType>>, transaction: Y.Transaction) => void;
  /** Whether the local cursor is on screen (measures the DOM selection; y-prosemirror's). */
  _isLocalCursorInView(): boolean;
  renderSnapshot(snapshot: unknown, prevSnapshot: unknown): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type: Yjs's own type parameter
type YType = Y.AbstractType<any>;

/** What the binding needs from the editor view. */
export interface SyncView {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
  hasFocus(): boolean;
}

/** y-prosemirror writes marks that may overlap themselves as `name--hash` attributes. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function marksOf(attributes: Record<string, unknown> | undefined, schema: Schema): Mark[] {
  const marks: Mark[] = [];
  for (const key in attributes) {
    const name = HASHED_MARK.exec(key)?.[1] ?? key;
    marks.push(schema.mark(name, attributes[key] as Record<string, unknown> | null));
  }
  return marks;
}

/**
 * The text nodes of a Y.XmlText, or null when its content does not fit the
 * schema (an unknown mark, an embed): the Y.XmlText is then deleted, as
 * y-prosemirror does with content a concurrent edit made invalid.
 */
function textNodes(text: Y.XmlText, schema: Schema): ProseMirrorNode[] | null {
  // Two Y.XmlText side by side (y-prosemirror issue #160) would repeat characters: merge a following one this client made.
  const next = (text._item?.right?.content as { type?: unknown } | undefined)?.type;
  if (next instanceof Y.Text && next._item && !next._item.deleted && next._item.id.client === next.doc?.clientID) {
    text.applyDelta([{ retain: text.length }, ...next.toDelta()]);
    next.doc.transact((tr) => next._item!.delete(tr));
  }
  try {
    return (text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>).map((op) => {
      if (typeof op.insert !== 'string') throw new TypeError('an embed in a text');
      return schema.text(op.insert, marksOf(op.attributes, schema));
    });
  } catch {
    text.doc?.transact((tr) => text._item?.delete(tr), ySyncPluginKey);
    return null;
  }
}

/**
 * The ProseMirror node for a Y element: the one drawn before when the
 * element has not changed since (the binding's mapping forgets changed
 * elements), else a new one, reusing unchanged descendants. Null when the
 * element does not fit the schema; it is deleted then, as y-prosemirror does.
 */
export function nodeOfElement(element: Y.XmlElement | Y.XmlHook, schema: Schema, mapping: SyncBinding['mapping']): ProseMirrorNode | null {
  const known = mapping.get(element);
  if (known !== undefined && !Array.isArray(known)) return known;
  if (!(element instanceof Y.XmlElement)) return null;
  const children: ProseMirrorNode[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      children.push(...(textNodes(child, schema) ?? []));
    } else if (child instanceof Y.XmlElement) {
      const node = nodeOfElement(child, schema, mapping);
      if (node) children.push(node);
    }
  }
  try {
    const node = schema.node(element.nodeName, element.getAttributes() as Record<string, unknown>, children);
    mapping.set(element, node);
    return node;
  } catch {
    element.doc?.transact((tr) => element._item?.delete(tr), ySyncPluginKey);
    mapping.delete(element);
    return null;
  }
}

/** The range of top-level children that differ between `doc` and `children`, compared by identity from both ends. */
export function changedChildren(doc: ProseMirrorNode, children: readonly ProseMirrorNode[]): { from: number; to: number; start: number; endNew: number } | null {
  const oldCount = doc.childCount;
  let start = 0;
  while (start < oldCount && start < children.length && doc.child(start) === children[start]) start++;
  let endOld = oldCount;
  let endNew = children.length;
  while (endOld > start && endNew > start && doc.child(endOld - 1) === children[endNew - 1]) {
    endOld--;
    endNew--;
  }
  if (start === endOld && start === endNew) return null;
  let from = 0;
  for (let index = 0; index < start; index++) from += doc.child(index).nodeSize;
  let to = from;
  for (let index = start; index < endOld; index++) to += doc.child(index).nodeSize;
  return { from, to, start, endNew };
}

/**
 * The top-level blocks a Yjs change inside existing blocks touched, built
 * again (from the first to the last touched, unchanged ones between reused),
 * with their range in `doc`; `'none'` when it touched none. Null when the
 * change added or removed top-level blocks, or the top-level Y types of
 * `doc` are not known without a walk over the whole fragment: the caller
 * then compares every block.
 */
function changedInPlace(binding: SyncBinding, doc: ProseMirrorNode, transaction: Y.Transaction): { from: number; to: number; nodes: ProseMirrorNode[] } | 'none' | null {
  if (transaction.changed.has(binding.type as unknown as YType)) return null;
  const types = knownTopLevelTypes(binding, doc);
  if (types === null) return null;
  let first = Number.POSITIVE_INFINITY;
  let last = -1;
  /** Notes the top-level block holding `type`; false when that block is not one of `doc`'s. */
  const note = (type: YType): boolean => {
    let top = type;
    while (top._item !== null && top._item.parent !== binding.type) top = top._item.parent as YType;
    // The fragment itself (a parent of every change in it), or a type outside it.
    if (top._item === null) return true;
    const index = types.indexOf(top);
    if (index < 0) return false;
    first = Math.min(first, index);
    last = Math.max(last, index);
    return true;
  };
  for (const type of transaction.changed.keys()) if (!note(type)) return null;
  for (const type of transaction.changedParentTypes.keys()) if (!note(type)) return null;
  if (last < 0) return 'none';
  const nodes: ProseMirrorNode[] = [];
  for (let index = first; index <= last; index++) {
    const element = types[index];
    const node = element instanceof Y.XmlElement ? nodeOfElement(element, doc.type.schema, binding.mapping) : null;
    if (node === null) return null;
    nodes.push(node);
  }
  const $start = doc.resolve(0);
  return { from: $start.posAtIndex(first, 0), to: $start.posAtIndex(last + 1, 0), nodes };
}

/** Puts the local selection back where it was before the Yjs change, from the relative positions taken before it. */
function restoreSelection(tr: Transaction, binding: SyncBinding): void {
  const stored = binding.beforeTransactionSelection;
  if (!stored || stored.anchor == null || stored.head == null) return;
  const doc = tr.doc;
  if (stored.type === 'all') {
    tr.setSelection(new AllSelection(doc));
    return;
  }
  const resolve = (relative: unknown): number | null => {
    const pos = absolutePosition(binding.doc, binding, doc, relative as Y.RelativePosition);
    return pos === null ? null : Math.max(0, Math.min(pos, doc.content.size));
  };
  const anchor = resolve(stored.anchor);
  const head = resolve(stored.head);
  if (anchor === null || head === null) return;
  // Unchanged positions: leave the mapped selection alone (no selection update to draw).
  if (tr.selection.anchor === anchor && tr.selection.head === head && (tr.selection.toJSON() as { type: string }).type === stored.type) return;
  const nodeAfter = doc.resolve(anchor).nodeAfter;
  tr.setSelection(
    stored.type === 'node' && nodeAfter && NodeSelection.isSelectable(nodeAfter)
      ? NodeSelection.create(doc, anchor)
      : TextSelection.between(doc.resolve(anchor), doc.resolve(head)),
  );
}

/**
 * Applies a change that arrived through Yjs (someone else's edit, or undo
 * and redo) to the editor: our replacement of y-prosemirror's
 * `ProsemirrorBinding._typeChanged`. y-prosemirror 1.3 replaces the whole
 * document for every such change, so every plugin and decoration set sees a
 * change of everything (find highlights are lost, cursors are rebuilt) and
 * a long document pays for all of it on each remote keystroke. This
 * replaces only the top-level blocks that changed, keeps the meta data
 * y-prosemirror's plugins read (`isChangeOrigin`, `isUndoRedoOperation`, no
 * history), puts the selection back from the relative positions taken
 * before the change, and keeps the local cursor in view only when the change
 * was before it (a change after the cursor cannot move it, so no layout is
 * measured for it).
 */
export function applyYjsChange(binding: SyncBinding, events: ReadonlyArray<Y.YEvent<YType>>, transaction: Y.Transaction): void {
  const view = binding.prosemirrorView;
  if (!view) return;
  const sync = ySyncPluginKey.getState(view.state) as { snapshot?: unknown; prevSnapshot?: unknown } | undefined;
  if (events.length === 0 || sync?.snapshot != null || sync?.prevSnapshot != null) {
    // Version snapshots are drawn by y-prosemirror as before.
    binding.renderSnapshot(sync?.snapshot, sync?.prevSnapshot);
    return;
  }
  binding.mux(() => {
    const { mapping } = binding;
    // Forget what was drawn for changed and deleted types, so they are built again.
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) mapping.delete(struct.content.type);
    });
    transaction.changed.forEach((_keys, type) => mapping.delete(type));
    transaction.changedParentTypes.forEach((_events, type) => mapping.delete(type));

    const state = view.state;
    const tr = state.tr.setMeta('addToHistory', false);
    let range: { from: number; to: number } | null;
    const inPlace = changedInPlace(binding, state.doc, transaction);
    if (inPlace !== null) {
      range = inPlace === 'none' ? null : inPlace;
      if (inPlace !== 'none') tr.replace(inPlace.from, inPlace.to, new Slice(Fragment.fromArray(inPlace.nodes), 0, 0));
    } else {
      const children: ProseMirrorNode[] = [];
      for (const element of binding.type.toArray()) {
        const node = element instanceof Y.XmlText ? null : nodeOfElement(element, state.schema, mapping);
        if (node) children.push(node);
      }
      const changed = changedChildren(state.doc, children);
      range = changed;
      if (changed) tr.replace(changed.from, changed.to, new Slice(Fragment.fromArray(children.slice(changed.start, changed.endNew)), 0, 0));
    }
    const undoRedo = transaction.origin instanceof Y.UndoManager;
    // A change that left the selection's blocks alone moved the selection only by the size of what it replaced
    // before it: the mapped selection is exact, and no relative position needs to be resolved (a walk from the
    // document's start). Otherwise, and for undo and redo, the selection comes back from its relative positions.
    const selection = state.selection;
    if (undoRedo || (range !== null && !(selection.to < range.from || selection.from > range.to))) restoreSelection(tr, binding);
    tr.setMeta(ySyncPluginKey, { isChangeOrigin: true, isUndoRedoOperation: undoRedo });
    // Keep the local cursor in view when the change was before it (once per frame, with the frame's layout).
    const keepInView = range !== null && binding.beforeTransactionSelection !== null && range.from <= state.selection.to &&
      view.hasFocus() && binding._isLocalCursorInView();
    // Without forcing a layout in this task when the selection's blocks were left alone (remote-dispatch.ts).
    dispatchRemoteChange(view, tr, undoRedo || tr.selectionSet ? null : range);
    if (keepInView) scrollCursorIntoViewNextFrame(view);
    // No block added or removed at the top: positions in the new document start from the same list of Y types.
    if (!transaction.changed.has(binding.type as unknown as YType)) sameTopLevelTypes(binding, state.doc, view.state.doc);
    // Yjs holds what was drawn now (not what plugins may have appended to it: that is still to be written).
    noteDocumentInSync(binding, tr.doc);
  });
}

/**
 * Makes a y-prosemirror binding incremental in both directions: changes
 * from Yjs are applied with {@link applyYjsChange}, local changes are
 * written with local-sync.ts's writer (only the top-level blocks a
 * transaction changed), and the selection is taken as relative positions
 * with relative-position.ts (from the block holding it, not from the start
 * of the document). `isLocalUpdate` says whether the binding is writing a
 * local change now: the selection taken before that Yjs transaction would be
 * replaced inside it, so it is not taken then. Call it before the binding is
 * given its view: the binding registers `_observeFunction` and
 * `beforeAllTransactions` in `initView` and removes them when destroyed.
 */
export function installIncrementalSync(binding: SyncBinding, isLocalUpdate: () => boolean = () => false): void {
  binding._observeFunction = (events, transaction) => applyYjsChange(binding, events, transaction);
  binding._prosemirrorChanged = localChangeWriter(binding as never);
  binding.beforeAllTransactions = () => {
    const view = binding.prosemirrorView;
    if (binding.beforeTransactionSelection === null && view != null && !isLocalUpdate()) {
      binding.beforeTransactionSelection = relativeSelection(binding, view.state);
    }
  };
}

/**
 * y-prosemirror's `ySyncPlugin` for `fragment`, with changes from Yjs
 * applied incrementally ({@link installIncrementalSync}). Everything else
 * (writing local edits to Yjs, the plugin key and state, snapshots) is
 * y-prosemirror's.
 */
export function incrementalSyncPlugin(fragment: Y.XmlFragment): Plugin {
  const plugin = ySyncPlugin(fragment) as Plugin;
  const view = plugin.spec.view!;
  return new Plugin({
    ...plugin.spec,
    view(editorView) {
      const binding = (ySyncPluginKey.getState(editorView.state) as { binding: SyncBinding }).binding;
      let updating = false;
      installIncrementalSync(binding, () => updating);
      const pluginView = view(editorView);
      return {
        ...pluginView,
        update(updated, previous) {
          // y-prosemirror's update writes the local change to Yjs (binding._prosemirrorChanged).
          updating = true;
          try {
            pluginView.update?.(updated, previous);
          } finally {
            updating = false;
          }
        },
      };
    },
  });
}
