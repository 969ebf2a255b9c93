import { TextSelection } from 'prosemirror-state';
import type { EditorState, Selection, Transaction } from 'prosemirror-state';

/** What is needed of the editor view (sync-binding.ts's `SyncView`). */
interface RemoteView {
  readonly state: EditorState;
  dispatch(tr: Transaction): void;
  hasFocus(): boolean;
}

/** Where the DOM selection is: the fields of a `Selection` that prosemirror-view reads. */
interface DomSelectionRange {
  anchorNode: Node | null;
  anchorOffset: number;
  focusNode: Node | null;
  focusOffset: number;
}

/**
 * The parts of prosemirror-view's `EditorView` used here. They are not in its public types (marked
 * internal), which is why this file names them; checked against prosemirror-view 1.42. Each use is
 * guarded: without them (a headless view in tests, another version) the plain path runs.
 */
interface ViewInternals {
  readonly dom?: HTMLElement;
  readonly isDestroyed?: boolean;
  readonly composing?: boolean;
  readonly input?: { mouseDown?: unknown };
  readonly domObserver?: { currentSelection?: DomSelectionRange; setCurSelection?: () => void };
  readonly docView?: { setSelection?: (anchor: number, head: number, view: unknown, force: boolean) => void };
  domSelectionRange?: () => DomSelectionRange;
  posAtDOM?: (node: Node, offset: number) => number;
  scrollToSelection?: () => void;
}

/**
 * The DOM selection as prosemirror-view last wrote or read it, when it is exactly the editor's
 * current text selection and lies outside `[from, to]` (the top-level blocks a remote change
 * replaces, in the current document); else null. Reads no layout: only prosemirror-view's record
 * and its mapping of DOM nodes to positions.
 */
function untouchedSelection(view: ViewInternals, selection: Selection, from: number, to: number): DomSelectionRange | null {
  const known = view.domObserver?.currentSelection;
  if (!known?.anchorNode || !known.focusNode || !(selection instanceof TextSelection)) return null;
  if (view.composing || view.input?.mouseDown || typeof view.posAtDOM !== 'function' || !view.dom) return null;
  if (!view.dom.contains(known.anchorNode) || !view.dom.contains(known.focusNode)) return null;
  try {
    // The record must be the state's selection, and outside the change.
    if (view.posAtDOM(known.anchorNode, known.anchorOffset) !== selection.anchor) return null;
    if (view.posAtDOM(known.focusNode, known.focusOffset) !== selection.head) return null;
  } catch {
    return null;
  }
  if (!(selection.to < from || selection.from > to)) return null;
  return { anchorNode: known.anchorNode, anchorOffset: known.anchorOffset, focusNode: known.focusNode, focusOffset: known.focusOffset };
}

/**
 * Dispatches a change that arrived from others without making the browser lay the page out in
 * the message's task. After a document change, prosemirror-view compares the DOM selection with
 * the editor's (`selectionToDOM`), and in Chromium reading a shadow root's selection after a DOM
 * change forces a layout of the document (about 3 ms of thread time per remote keystroke in the
 * 200-page benchmark document, once for every message). When the change replaced only top-level
 * blocks away from the selection (`[from, to]` in the document before it), the DOM selection's
 * nodes were not touched, so prosemirror-view is given the selection it recorded itself instead of
 * a fresh read; the layout then happens once per frame, with the paint. Afterwards the recorded
 * nodes are checked (still in the editor, at the new selection's positions); if they are not, the
 * selection is written to the DOM as prosemirror-view would have. `replaced` is the range in the
 * document before `tr` (null: nothing replaced, or unknown: the plain path).
 */
export function dispatchRemoteChange(view: RemoteView, tr: Transaction, replaced: { from: number; to: number } | null): void {
  const internals = view as unknown as ViewInternals;
  const snapshot = replaced && typeof internals.domSelectionRange === 'function' && view.hasFocus()
    ? untouchedSelection(internals, view.state.selection, replaced.from, replaced.to)
    : null;
  if (!snapshot) {
    view.dispatch(tr);
    return;
  }
  internals.domSelectionRange = () => snapshot;
  try {
    view.dispatch(tr);
  } finally {
    delete internals.domSelectionRange;
  }
  if (internals.isDestroyed) return;
  const { anchor, head } = view.state.selection;
  let intact: boolean;
  try {
    intact = internals.dom!.contains(snapshot.anchorNode) && internals.dom!.contains(snapshot.focusNode) &&
      internals.posAtDOM!(snapshot.anchorNode!, snapshot.anchorOffset) === anchor && internals.posAtDOM!(snapshot.focusNode!, snapshot.focusOffset) === head;
  } catch {
    intact = false;
  }
  if (!intact) {
    internals.docView?.setSelection?.(anchor, head, view, true);
    internals.domObserver?.setCurSelection?.();
  }
}

/**
 * Keeps the local cursor in view after others' changes above it, once per animation frame and
 * after the DOM has been updated: the frame's layout serves the measurement, instead of a layout
 * forced in every message's task (what `tr.scrollIntoView()` in the change's transaction does).
 * Falls back to a transaction that scrolls when prosemirror-view's `scrollToSelection` is missing.
 */
export function scrollCursorIntoViewNextFrame(view: RemoteView): void {
  const internals = view as unknown as ViewInternals & { [pendingScroll]?: boolean };
  if (internals[pendingScroll]) return;
  const run = (): void => {
    internals[pendingScroll] = false;
    if (internals.isDestroyed || !view.hasFocus()) return;
    if (typeof internals.scrollToSelection === 'function') internals.scrollToSelection();
    else view.dispatch(view.state.tr.scrollIntoView().setMeta('addToHistory', false));
  };
  if (typeof requestAnimationFrame !== 'function') {
    run();
    return;
  }
  internals[pendingScroll] = true;
  requestAnimationFrame(run);
}

const pendingScroll = Symbol('pending scroll to the selection');
