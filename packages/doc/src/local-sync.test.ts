import { schema } from '@allmende/doc-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { initProseMirrorDoc, prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { noteDocumentInSync, writeDocument } from './local-sync.js';
import type { LocalSyncBinding } from './local-sync.js';
import { relativePosition } from './relative-position.js';

const n = schema.nodes;
const p = (value: string) => n.paragraph!.create(null, value ? schema.text(value) : null);

function setup(): { ydoc: Y.Doc; binding: LocalSyncBinding; state: EditorState } {
  const ydoc = new Y.Doc();
  const type = ydoc.getXmlFragment('content');
  prosemirrorToYXmlFragment(
    n.doc!.create(null, [n.heading!.create({ level: 1 }, schema.text('Title')), p('first'), p('second'), n.bullet_list!.create(null, n.list_item!.create(null, p('item'))), p('last')]),
    type,
  );
  const { doc, mapping } = initProseMirrorDoc(type, schema);
  const binding: LocalSyncBinding = { type, doc: ydoc, mapping: mapping as LocalSyncBinding['mapping'], isOMark: new Map(), beforeTransactionSelection: null, prosemirrorView: null };
  noteDocumentInSync(binding, doc);
  return { ydoc, binding, state: EditorState.create({ schema, doc }) };
}

const yContent = (binding: LocalSyncBinding): ProseMirrorNode => yXmlFragmentToProseMirrorRootNode(binding.type, schema);
const topTypes = (binding: LocalSyncBinding): unknown[] => binding.type.toArray();
/** The position at the end of the text of top-level block `index`. */
const endOfBlock = (doc: ProseMirrorNode, index: number): number => {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos + doc.child(index).nodeSize - 1;
};

describe('writeDocument (local changes to Yjs)', () => {
  it('writes typing into one block to that block\'s Y element only, keeping every top-level Y type', () => {
    const { binding, state } = setup();
    const before = topTypes(binding);
    const typed = state.apply(state.tr.insertText('!', endOfBlock(state.doc, 2)));
    expect(writeDocument(binding, typed.doc)).toBe(true);
    expect(yContent(binding).eq(typed.doc)).toBe(true);
    expect(topTypes(binding)).toEqual(before);
    // The next keystroke builds on what was written.
    const again = typed.apply(typed.tr.insertText('?', endOfBlock(typed.doc, 4)));
    expect(writeDocument(binding, again.doc)).toBe(true);
    expect(yContent(binding).eq(again.doc)).toBe(true);
  });

  it('writes formatting across several blocks in place', () => {
    const { binding, state } = setup();
    const from = 2;
    const to = endOfBlock(state.doc, 2);
    const bold = state.apply(state.tr.addMark(from, to, schema.marks.bold!.create()));
    expect(writeDocument(binding, bold.doc)).toBe(true);
    expect(yContent(binding).eq(bold.doc)).toBe(true);
  });

  it('writes the whole fragment as y-prosemirror does when blocks are added, removed or change type', () => {
    const { binding, state } = setup();
    const split = state.apply(state.tr.setSelection(TextSelection.create(state.doc, endOfBlock(state.doc, 1) - 2)).split(endOfBlock(state.doc, 1) - 2));
    expect(writeDocument(binding, split.doc)).toBe(false);
    expect(yContent(binding).eq(split.doc)).toBe(true);
    const start = endOfBlock(split.doc, 2) - 1;
    const heading = split.apply(split.tr.setBlockType(start, start, n.heading!, { level: 2 }));
    expect(writeDocument(binding, heading.doc)).toBe(false);
    expect(yContent(binding).eq(heading.doc)).toBe(true);
    // Back on the short way once Yjs holds the document again.
    const typed = heading.apply(heading.tr.insertText('x', 3));
    expect(writeDocument(binding, typed.doc)).toBe(true);
    expect(yContent(binding).eq(typed.doc)).toBe(true);
  });

  it('takes the long way when Yjs changed behind its back, and still writes the document', () => {
    const { ydoc, binding, state } = setup();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(ydoc));
    other.getXmlFragment('content').insert(1, [new Y.XmlElement('paragraph')]);
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(ydoc)));
    const typed = state.apply(state.tr.insertText('!', endOfBlock(state.doc, 2)));
    expect(writeDocument(binding, typed.doc)).toBe(false);
    expect(yContent(binding).eq(typed.doc)).toBe(true);
  });

  it('leaves Yjs alone when nothing changed, and positions resolve without a walk afterwards', () => {
    const { binding, state, ydoc } = setup();
    let updates = 0;
    ydoc.on('update', () => updates++);
    const moved = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)));
    expect(writeDocument(binding, moved.doc)).toBe(true);
    expect(updates).toBe(0);
    const typed = moved.apply(moved.tr.insertText('!', endOfBlock(moved.doc, 4)));
    relativePosition(endOfBlock(moved.doc, 4), binding, moved.doc);
    writeDocument(binding, typed.doc);
    expect(updates).toBe(1);
    const pos = endOfBlock(typed.doc, 4);
    expect(Y.createAbsolutePositionFromRelativePosition(relativePosition(pos, binding, typed.doc), ydoc)?.index).toBe('last!'.length);
  });
});
