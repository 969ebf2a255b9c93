import { schema } from '@allmende/doc-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { dispatchRemoteChange, scrollCursorIntoViewNextFrame } from './remote-dispatch.js';
import { HeadlessView } from './sync.test-support.js';

const p = (text: string): ProseMirrorNode => schema.nodes['paragraph']!.create(null, schema.text(text));

/** A DOM selection boundary: prosemirror-view's record holds nodes; these stand in for text nodes at known positions. */
interface FakeNode { pos: number; connected: boolean }
type Range = { anchorNode: FakeNode | null; anchorOffset: number; focusNode: FakeNode | null; focusOffset: number };

/**
 * A headless view with focus and the prosemirror-view internals remote-dispatch.ts reads: the recorded DOM
 * selection, the DOM read it replaces (counted), positions of DOM nodes, and the selection writer.
 */
class FocusedView extends HeadlessView {
  readonly domReads: Range[] = [];
  readonly readsDuringDispatch: Range[] = [];
  readonly forcedWrites: Array<[number, number]> = [];
  readonly domObserver: { currentSelection: Range; setCurSelection: () => void };
  readonly dom = { contains: (node: FakeNode) => node.connected };
  readonly docView = { setSelection: (anchor: number, head: number, _view: unknown, force: boolean) => { if (force) this.forcedWrites.push([anchor, head]); } };
  /** Where the recorded nodes are after the next dispatch (what prosemirror-view's DOM would say). */
  shiftAfterDispatch = 0;
  private dispatching = false;

  constructor(state: EditorState, recorded: Range) {
    super(state);
    this.domObserver = { currentSelection: recorded, setCurSelection: () => {} };
  }

  override hasFocus(): boolean {
    return true;
  }

  domSelectionRange(): Range {
    const fresh = { ...this.domObserver.currentSelection };
    this.domReads.push(fresh);
    return fresh;
  }

  posAtDOM(node: FakeNode, offset: number): number {
    return node.pos + offset + (this.dispatching ? 0 : this.shift);
  }

  private shift = 0;

  override dispatch(tr: Transaction): void {
    this.dispatching = true;
    // What prosemirror-view's selection sync reads while the document changes.
    this.readsDuringDispatch.push((this as unknown as { domSelectionRange(): Range }).domSelectionRange());
    super.dispatch(tr);
    this.dispatching = false;
    this.shift = this.shiftAfterDispatch;
  }
}

/** Three paragraphs, the caret at the end of the third (`at`); a recorded DOM selection at `recordedAt`. */
function setup(recordedAt: number): { view: FocusedView; caret: number; node: FakeNode } {
  const doc = schema.nodes['doc']!.create(null, [p('one'), p('two'), p('three')]);
  const caret = doc.content.size - 1;
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, caret) });
  const node = { pos: recordedAt, connected: true };
  return { view: new FocusedView(state, { anchorNode: node, anchorOffset: 0, focusNode: node, focusOffset: 0 }), caret, node };
}

/** A remote edit: "x" appended to the first paragraph; the range it replaced (the first block, 0–5). */
function remoteEdit(view: HeadlessView): { tr: Transaction; replaced: { from: number; to: number } } {
  return { tr: view.state.tr.insertText('x', 4), replaced: { from: 0, to: 5 } };
}

describe('dispatchRemoteChange', () => {
  it('gives prosemirror-view its recorded selection when the change left the selection\'s blocks alone', () => {
    const { view, caret } = setup(0);
    view.domObserver.currentSelection.anchorOffset = caret;
    view.domObserver.currentSelection.focusOffset = caret;
    view.shiftAfterDispatch = 1; // the caret's nodes now sit one position later, as the new selection does
    const { tr, replaced } = remoteEdit(view);
    dispatchRemoteChange(view, tr, replaced);
    expect(view.state.doc.child(0).textContent).toBe('onex');
    expect(view.state.selection.head).toBe(caret + 1);
    // Read during the dispatch: the record (no fresh DOM read), and the view's own method is back afterwards.
    expect(view.domReads).toEqual([]);
    expect(view.readsDuringDispatch[0]).toMatchObject({ anchorOffset: caret, focusOffset: caret });
    expect(Object.prototype.hasOwnProperty.call(view, 'domSelectionRange')).toBe(false);
    expect(view.forcedWrites).toEqual([]);
  });

  it('writes the selection to the DOM when the recorded nodes are no longer where the selection is', () => {
    const { view, caret, node } = setup(0);
    view.domObserver.currentSelection.anchorOffset = caret;
    view.domObserver.currentSelection.focusOffset = caret;
    const { tr, replaced } = remoteEdit(view);
    node.connected = true;
    view.shiftAfterDispatch = 0; // the nodes did not follow the change: their position is stale
    dispatchRemoteChange(view, tr, replaced);
    expect(view.forcedWrites).toEqual([[caret + 1, caret + 1]]);
  });

  it('reads the DOM as usual when the record is not the editor\'s selection, or the change touched it, or nothing is known', () => {
    // The record is elsewhere (the browser moved the selection and prosemirror-view has not read it yet).
    const stale = setup(0);
    dispatchRemoteChange(stale.view, remoteEdit(stale.view).tr, remoteEdit(stale.view).replaced);
    expect(stale.view.domReads).toHaveLength(1);

    // The change replaced the selection's block.
    const touched = setup(0);
    touched.view.domObserver.currentSelection.anchorOffset = touched.caret;
    touched.view.domObserver.currentSelection.focusOffset = touched.caret;
    dispatchRemoteChange(touched.view, touched.view.state.tr.insertText('y', touched.caret), { from: 10, to: touched.view.state.doc.content.size });
    expect(touched.view.domReads).toHaveLength(1);

    // No range given (undo, redo, a restored selection), or a record whose nodes left the editor.
    const unknown = setup(0);
    unknown.view.domObserver.currentSelection.anchorOffset = unknown.caret;
    unknown.view.domObserver.currentSelection.focusOffset = unknown.caret;
    dispatchRemoteChange(unknown.view, remoteEdit(unknown.view).tr, null);
    expect(unknown.view.domReads).toHaveLength(1);
    const detached = setup(0);
    detached.node.connected = false;
    dispatchRemoteChange(detached.view, remoteEdit(detached.view).tr, remoteEdit(detached.view).replaced);
    expect(detached.view.domReads).toHaveLength(1);
  });

  it('dispatches unchanged in a view without prosemirror-view\'s internals', () => {
    const doc = schema.nodes['doc']!.create(null, [p('one'), p('two')]);
    const view = new HeadlessView(EditorState.create({ doc }));
    const tr = view.state.tr.insertText('x', 4);
    dispatchRemoteChange(view, tr, { from: 0, to: 5 });
    expect(view.dispatched).toEqual([tr]);
    expect(view.state.doc.child(0).textContent).toBe('onex');
  });
});

describe('scrollCursorIntoViewNextFrame', () => {
  it('scrolls with a transaction where there are no frames and no scrollToSelection, and only with focus', () => {
    const { view } = setup(0);
    scrollCursorIntoViewNextFrame(view);
    expect(view.dispatched).toHaveLength(1);
    expect(view.dispatched[0]!.scrolledIntoView).toBe(true);
    expect(view.dispatched[0]!.docChanged).toBe(false);

    const unfocused = new HeadlessView(EditorState.create({ doc: schema.nodes['doc']!.create(null, [p('one')]) }));
    scrollCursorIntoViewNextFrame(unfocused);
    expect(unfocused.dispatched).toEqual([]);
  });
});
