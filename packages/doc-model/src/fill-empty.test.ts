import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { fillEmptyContainers } from './fill-empty.js';
import { schema } from './schema.js';

const p = (text = '') => schema.node('paragraph', null, text ? [schema.text(text)] : []);
const doc = (...blocks: ProseMirrorNode[]) => schema.node('doc', null, blocks);
const cell = (...blocks: ProseMirrorNode[]) => schema.node('table_cell', null, blocks);
const row = (...cells: ProseMirrorNode[]) => schema.node('table_row', null, cells);

describe('fillEmptyContainers', () => {
  it('puts a paragraph into the cells and items a transaction emptied, and says where', () => {
    const start = doc(schema.node('table', null, [row(cell(p('a')), cell(p('b')))]));
    const tr = EditorState.create({ doc: start }).tr;
    // Delete the paragraphs of both cells: table 0, row 1, cell 2, p 3..6, cell 7, p 8..11.
    tr.delete(8, 11).delete(3, 6);
    expect(tr.doc.firstChild!.firstChild!.child(0).childCount).toBe(0);
    const filled = fillEmptyContainers(tr);
    expect(filled).toEqual([4, 8]);
    tr.doc.firstChild!.firstChild!.forEach((filledCell) => expect(filledCell.firstChild?.type.name).toBe('paragraph'));
    expect(tr.doc.resolve(8).parent.type.name).toBe('paragraph');
  });

  it('fills empty containers in a given range, for an appendTransaction', () => {
    const start = doc(schema.node('bullet_list', null, [schema.node('list_item', null, [])]), p('x'));
    const tr = EditorState.create({ doc: start }).tr;
    expect(fillEmptyContainers(tr)).toEqual([]);
    expect(fillEmptyContainers(tr, { from: 0, to: start.content.size })).toEqual([3]);
    expect(tr.doc.firstChild!.firstChild!.firstChild?.type.name).toBe('paragraph');
  });
});
