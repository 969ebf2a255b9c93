import { schema } from '@allmende/doc-model';
import { AllSelection, EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { ACTIVE_BLOCK_CLASS, activeBlockRanges, blockVisibilityKey, blockVisibilityPlugin } from './block-visibility.js';

const p = (text: string) => schema.nodes.paragraph!.create(null, text ? schema.text(text) : null);
const doc = schema.nodes.doc!.create(null, [p('zero'), p('one'), p('two'), p('three'), p('four')]);
/** The start of top-level block `index` plus `offset`. */
const at = (index: number, offset = 1): number => {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos + offset;
};

function stateWith(from: number, to = from): EditorState {
  return EditorState.create({ schema, doc, plugins: [blockVisibilityPlugin()], selection: TextSelection.create(doc, from, to) });
}

/** The indexes of the blocks marked active in `state`. */
function marked(state: EditorState): number[] {
  const indexes: number[] = [];
  for (const decoration of blockVisibilityKey.getState(state)!.find()) {
    expect((decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs['class']).toBe(ACTIVE_BLOCK_CLASS);
    state.doc.forEach((_block, offset, index) => {
      if (offset === decoration.from) indexes.push(index);
    });
  }
  return indexes;
}

describe('blockVisibilityPlugin', () => {
  it('marks the block holding the caret, and every block a selection spans', () => {
    expect(marked(stateWith(at(2, 2)))).toEqual([2]);
    expect(marked(stateWith(at(1, 2), at(3, 1)))).toEqual([1, 2, 3]);
    const all = stateWith(1);
    expect(marked(all.apply(all.tr.setSelection(new AllSelection(all.doc))))).toEqual([0, 1, 2, 3, 4]);
  });

  it('follows the caret to another block and into a block Enter just created', () => {
    let state = stateWith(at(1, 3));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(4, 2))));
    expect(marked(state)).toEqual([4]);
    state = state.apply(state.tr.split(state.selection.from));
    expect(state.doc.childCount).toBe(6);
    expect(marked(state)).toEqual([5]);
    state = state.apply(state.tr.insertText('x'));
    expect(marked(state)).toEqual([5]);
  });

  it('keeps the same decorations while typing inside one block, so nothing is redrawn', () => {
    const state = stateWith(at(2, 3));
    const typed = state.apply(state.tr.insertText('abc'));
    expect(blockVisibilityKey.getState(typed)!.find()).toHaveLength(1);
    expect(marked(typed)).toEqual([2]);
    const moved = typed.apply(typed.tr.setMeta('unrelated', true));
    expect(blockVisibilityKey.getState(moved)).toBe(blockVisibilityKey.getState(typed));
  });

  it('gives sorted, merged block ranges and nothing for an empty document', () => {
    expect(activeBlockRanges(stateWith(at(0, 0 + 1)))).toEqual([[0, 0]]);
    const empty = EditorState.create({ schema, doc: schema.nodes.doc!.create(null, []) });
    expect(activeBlockRanges(empty)).toEqual([]);
  });
});
