import { schema, toggleBold } from '@allmende/doc-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command, PluginView, Transaction } from 'prosemirror-state';
import { afterEach, describe, expect, it } from 'vitest';
import { redoCommand, undoCommand, yUndoPlugin, yUndoPluginKey, ySyncPlugin } from 'y-prosemirror';
import * as Y from 'yjs';
import { recordUndoSelection, restoreUndoSelection } from './undo-selection.js';
import type { UndoStackEvent } from './undo-selection.js';

// y-prosemirror's sync and undo plugins with a real Y.UndoManager, driven
// through a minimal stand-in for prosemirror-view's EditorView (the tests
// run in Node, without a DOM): it applies transactions and updates the
// plugin views, which is all the plugins and the undo selection use. The
// element wires the same listeners (allmende-doc.ts).

class HeadlessView {
  state: EditorState;
  private readonly views: PluginView[] = [];
  readonly undoManager: Y.UndoManager;

  constructor(fragment: Y.XmlFragment) {
    this.state = EditorState.create({ schema, plugins: [ySyncPlugin(fragment), yUndoPlugin()] });
    for (const plugin of this.state.plugins) {
      const view = plugin.spec.view?.(this as never);
      if (view) this.views.push(view);
    }
    this.undoManager = yUndoPluginKey.getState(this.state)!.undoManager;
    const record = (event: UndoStackEvent) => recordUndoSelection(this, event, this.undoManager);
    this.undoManager.on('stack-item-added', record);
    this.undoManager.on('stack-item-updated', record);
    this.undoManager.on('stack-item-popped', (event: UndoStackEvent) => restoreUndoSelection(this, event));
  }

  dispatch(tr: Transaction): void {
    const previous = this.state;
    this.state = this.state.apply(tr);
    for (const view of this.views) view.update?.(this as never, previous);
  }

  hasFocus(): boolean {
    return false;
  }

  run(command: Command): boolean {
    return command(this.state, (tr) => this.dispatch(tr));
  }

  /** Puts the cursor at `pos`, or selects `pos`–`head`; a click ends the current undo step. */
  select(pos: number, head = pos): void {
    this.dispatch(this.state.tr.setSelection(TextSelection.create(this.state.doc, pos, head)).setMeta('addToHistory', false));
    this.undoManager.stopCapturing();
  }

  type(text: string): void {
    this.dispatch(this.state.tr.insertText(text));
  }

  /** The document with `|` at the cursor (or `[`…`]` around a selection), block by block. */
  show(): string {
    const { from, to, empty } = this.state.selection;
    const blocks: string[] = [];
    this.state.doc.descendants((node: ProseMirrorNode, pos: number) => {
      if (!node.isTextblock) return true;
      let text = '';
      for (let offset = 0; offset <= node.content.size; offset++) {
        const at = pos + 1 + offset;
        if (at === from) text += empty ? '|' : '[';
        if (at === to && !empty) text += ']';
        if (offset < node.content.size) text += node.textBetween(offset, offset + 1, '', '\ufffc');
      }
      blocks.push(text);
      return false;
    });
    return blocks.join(' / ');
  }

  destroy(): void {
    for (const view of this.views) view.destroy?.();
  }
}

const views: HeadlessView[] = [];

/** An editor on a new Y.Doc holding the paragraphs `texts`, seeded into the Y.Doc (not the editor), with an empty undo stack. */
function editorWith(...texts: string[]): HeadlessView {
  const ydoc = new Y.Doc();
  const fragment = ydoc.getXmlFragment('content');
  ydoc.transact(() => {
    for (const text of texts) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.push([paragraph]);
    }
  });
  const view = new HeadlessView(fragment);
  views.push(view);
  return view;
}

afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
});

describe('undo and redo put the cursor where the change is', () => {
  it('puts the cursor after the redone text, so typing continues there', () => {
    const view = editorWith('Start here');
    view.select(7);
    view.type('Hello ');
    expect(view.show()).toBe('Start Hello |here');
    view.select(1);
    expect(view.run(undoCommand)).toBe(true);
    expect(view.show()).toBe('Start |here');
    view.select(1);
    expect(view.run(redoCommand)).toBe(true);
    expect(view.show()).toBe('Start Hello |here');
    view.type('again ');
    expect(view.show()).toBe('Start Hello again |here');
  });

  it('puts the cursor after text redone at the end of a paragraph', () => {
    const view = editorWith('one', 'two');
    view.select(4);
    view.type(' more');
    view.select(6);
    view.run(undoCommand);
    expect(view.show()).toBe('one| / two');
    view.select(6);
    view.run(redoCommand);
    expect(view.show()).toBe('one more| / two');
  });

  it('selects the text again when redoing formatting', () => {
    const view = editorWith('a word here');
    view.select(3, 7);
    view.run(toggleBold);
    view.select(1);
    view.run(undoCommand);
    expect(view.show()).toBe('a [word] here');
    view.select(11);
    view.run(redoCommand);
    expect(view.show()).toBe('a [word] here');
    expect(view.state.doc.firstChild?.child(1).marks.map((mark) => mark.type.name)).toEqual(['bold']);
  });

  it('keeps returning to the same two places through undo, redo, undo, redo', () => {
    const view = editorWith('ab');
    view.select(2);
    view.type('XYZ');
    for (let round = 0; round < 2; round++) {
      view.select(1);
      view.run(undoCommand);
      expect(view.show()).toBe('a|b');
      view.select(3);
      view.run(redoCommand);
      expect(view.show()).toBe('aXYZ|b');
    }
  });

  it('puts the cursor at the end of typing that started a new paragraph', () => {
    const view = editorWith('first');
    view.select(6);
    view.run((state, dispatch) => {
      dispatch?.(state.tr.split(6).insertText('second'));
      return true;
    });
    expect(view.show()).toBe('first / second|');
    view.select(1);
    view.run(undoCommand);
    expect(view.show()).toBe('first|');
    view.select(1);
    view.run(redoCommand);
    expect(view.show()).toBe('first / second|');
  });

  it('redoes the most recent of several steps to its own place', () => {
    const view = editorWith('one two');
    view.select(4);
    view.type('A');
    view.select(9);
    view.type('B');
    expect(view.show()).toBe('oneA twoB|');
    view.run(undoCommand);
    view.run(undoCommand);
    expect(view.show()).toBe('one| two');
    view.run(redoCommand);
    expect(view.show()).toBe('oneA| two');
    view.run(redoCommand);
    expect(view.show()).toBe('oneA twoB|');
  });

  it('follows edits other users made in between', () => {
    const view = editorWith('text');
    const ydoc = (view.state.plugins[0]!.getState(view.state) as { doc: Y.Doc }).doc;
    view.select(5);
    view.type(' mine');
    view.select(1);
    view.run(undoCommand);
    // Someone else writes at the start of the paragraph while the change is undone.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(ydoc));
    const text = (remote.getXmlFragment('content').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(0, 'Their ');
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(ydoc)));
    expect(view.state.doc.textContent).toBe('Their text');
    view.select(1);
    view.run(redoCommand);
    expect(view.show()).toBe('Their text mine|');
  });

  it('does nothing and keeps the cursor when there is nothing to redo', () => {
    const view = editorWith('text');
    view.select(3);
    expect(view.run(redoCommand)).toBe(false);
    expect(view.show()).toBe('te|xt');
  });
});
