import { fillEmptyContainers, schema } from '@allmende/doc-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { ySyncPluginKey } from 'y-prosemirror';
import { changedRangeOf, fillEmptyContainersPlugin } from './fill-empty-plugin.js';
import { localTableEditing } from './table-plugins.js';

const { doc, paragraph, table, table_row: row, table_cell: cell } = schema.nodes;
const p = (text = '') => paragraph!.create(null, text ? schema.text(text) : null);
const c = (...content: ProseMirrorNode[]) => cell!.create(null, content);

function stateWith(...blocks: ProseMirrorNode[]): EditorState {
  return EditorState.create({ schema, doc: doc!.create(null, blocks), plugins: [localTableEditing(), fillEmptyContainersPlugin()] });
}

/** Marks a transaction the way y-prosemirror marks content that arrived from others. */
function asRemote(tr: Transaction): Transaction {
  return tr.setMeta(ySyncPluginKey, { isChangeOrigin: true });
}

/** A 2×2 table followed by a paragraph; the second row's cells can be dropped to make it ragged. */
const square = () => table!.create(null, [row!.create(null, [c(p('a')), c(p('b'))]), row!.create(null, [c(p('c')), c(p('d'))])]);

/** Deletes the last cell of the second row, leaving a row one cell short. */
function dropLastCell(state: EditorState): Transaction {
  let cellPos = -1;
  state.doc.descendants((node, pos) => {
    if (node.type === cell && node.textContent === 'd') cellPos = pos;
    return cellPos < 0;
  });
  const node = state.doc.nodeAt(cellPos)!;
  return state.tr.delete(cellPos, cellPos + node.nodeSize);
}

const rowLengths = (state: EditorState) => {
  const lengths: number[] = [];
  state.doc.descendants((node) => {
    if (node.type === row) lengths.push(node.childCount);
    return node.type !== row;
  });
  return lengths;
};

describe('localTableEditing', () => {
  it('repairs a table the local user left ragged', () => {
    const state = stateWith(square(), p('after'));
    const next = state.apply(dropLastCell(state));
    expect(rowLengths(next)).toEqual([2, 2]);
  });

  it('leaves a ragged table that arrived from others to the client that made it', () => {
    const state = stateWith(square(), p('after'));
    const { state: next } = state.applyTransaction(asRemote(dropLastCell(state)));
    expect(rowLengths(next)).toEqual([2, 1]);
  });

  it('does not repair a remote change on a later local edit elsewhere', () => {
    const state = stateWith(square(), p('after'));
    const afterRemote = state.applyTransaction(asRemote(dropLastCell(state))).state;
    // The local edit does not touch the table, so this client does not add the cell the other client will.
    const typed = afterRemote.applyTransaction(afterRemote.tr.insertText('!', afterRemote.doc.content.size - 1)).state;
    expect(rowLengths(typed)).toEqual([2, 1]);
  });
});

describe('fillEmptyContainersPlugin', () => {
  function emptyFirstCell(state: EditorState): Transaction {
    // table(0) > row(1) > cell(2) > paragraph(3) "a": remove the paragraph.
    return state.tr.delete(3, 3 + state.doc.nodeAt(3)!.nodeSize);
  }

  it('puts a paragraph into a cell the local user emptied', () => {
    const state = stateWith(square());
    const next = state.apply(emptyFirstCell(state));
    expect(next.doc.nodeAt(2)!.childCount).toBe(1);
    expect(next.doc.nodeAt(3)!.type).toBe(paragraph);
  });

  it('leaves a cell emptied by others alone', () => {
    const state = stateWith(square());
    const next = state.applyTransaction(asRemote(emptyFirstCell(state))).state;
    expect(next.doc.nodeAt(2)!.childCount).toBe(0);
  });

  it('agrees with the model: no change where nothing is empty', () => {
    const state = stateWith(square());
    const tr = state.tr.insertText('x', 4);
    expect(fillEmptyContainers(state.apply(tr).tr, changedRangeOf([tr]))).toEqual([]);
  });
});

describe('changedRangeOf', () => {
  it('covers the changes of several transactions in the final document', () => {
    const state = stateWith(p('hello'), p('world'));
    const first = state.tr.insertText('A', 1);
    const second = state.apply(first).tr.insertText('B', 10);
    expect(changedRangeOf([first, second])).toEqual({ from: 1, to: 11 });
    expect(changedRangeOf([state.tr])).toBeNull();
  });
});

describe('a table left without cells by concurrent column deletes', () => {
  it('can be selected and deleted with Backspace instead of throwing', async () => {
    const { baseKeymap } = await import('prosemirror-commands');
    const { TextSelection } = await import('prosemirror-state');
    const hollow = table!.create(null, [row!.create(null, []), row!.create(null, [])]);
    let state = stateWith(hollow, p('after'));
    const afterStart = state.doc.content.size - 'after'.length - 1;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, afterStart)));
    let next = state;
    const dispatch = (tr: Transaction) => { next = next.apply(tr); };
    expect(() => baseKeymap['Backspace']!(state, dispatch)).not.toThrow();
    expect(() => baseKeymap['Backspace']!(next, dispatch)).not.toThrow();
    expect(next.doc.textContent).toBe('after');
  });
});
