import { schema } from '@allmende/doc-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { absolutePositionToRelativePosition, initProseMirrorDoc, prosemirrorToYXmlFragment, relativePositionToAbsolutePosition } from 'y-prosemirror';
import * as Y from 'yjs';
import { absolutePosition, relativePosition, relativeSelection } from './relative-position.js';
import type { PositionBinding } from './relative-position.js';

const n = schema.nodes;
const text = (value: string, marks: string[] = []) => schema.text(value, marks.map((name) => schema.mark(name)));
const p = (...content: ProseMirrorNode[]) => n.paragraph!.create(null, content);

/** A document with every kind of block: nesting, empty blocks, leaf blocks, inline leaves and marks. */
function sampleDoc(): ProseMirrorNode {
  const cell = (value: string) => n.table_cell!.create(null, value ? p(text(value)) : p());
  return n.doc!.create(null, [
    n.heading!.create({ level: 1 }, text('Title')),
    p(text('plain '), text('bold', ['bold']), text(' and '), text('both', ['bold', 'italic'])),
    p(),
    p(text('line'), n.hard_break!.create(), text('break'), n.image!.create({ src: 'https://example.org/a.png' })),
    n.bullet_list!.create(null, [
      n.list_item!.create(null, [p(text('one')), n.bullet_list!.create(null, [n.list_item!.create(null, p(text('nested')))])]),
      n.list_item!.create(null, p()),
    ]),
    n.page_break!.create(),
    n.table!.create(null, [n.table_row!.create(null, [cell('a'), cell('')]), n.table_row!.create(null, [cell('c'), cell('d')])]),
    n.blockquote!.create(null, [p(text('quoted'))]),
    n.horizontal_rule!.create(),
    p(text('last')),
  ]);
}

/** A Y.Doc holding `doc`, and the ProseMirror document and mapping y-prosemirror draws from it. */
function bound(ydoc: Y.Doc): { binding: PositionBinding; doc: ProseMirrorNode } {
  const type = ydoc.getXmlFragment('content');
  const { doc, mapping } = initProseMirrorDoc(type, schema);
  return { binding: { type, mapping: mapping as PositionBinding['mapping'] }, doc };
}

/** Checks every position of `doc`: the same relative position as y-prosemirror's, resolving back to the position. */
function expectSameEverywhere(ydoc: Y.Doc, binding: PositionBinding, doc: ProseMirrorNode, resolve = true): void {
  for (let pos = 0; pos <= doc.content.size; pos++) {
    const ours = relativePosition(pos, binding, doc);
    const theirs = absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never) as Y.RelativePosition;
    expect(Y.relativePositionToJSON(ours), `position ${pos}`).toEqual(Y.relativePositionToJSON(theirs));
    expect(ours.assoc, `assoc at ${pos}`).toBe(theirs.assoc);
    if (!resolve) continue;
    const resolved = relativePositionToAbsolutePosition(ydoc, binding.type, theirs, binding.mapping as never);
    expect(relativePositionToAbsolutePosition(ydoc, binding.type, ours, binding.mapping as never), `position ${pos} resolved`).toBe(resolved);
    expect(absolutePosition(ydoc, binding, doc, theirs), `position ${pos} resolved by absolutePosition`).toBe(resolved);
  }
}

describe('relativePosition', () => {
  it('gives the relative position y-prosemirror gives, at every position of every kind of block', () => {
    const ydoc = new Y.Doc();
    prosemirrorToYXmlFragment(sampleDoc(), ydoc.getXmlFragment('content'));
    const { binding, doc } = bound(ydoc);
    expect(doc.eq(sampleDoc())).toBe(true);
    expectSameEverywhere(ydoc, binding, doc);
  });

  it('stays the same after edits left deleted items and split texts in Yjs', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('content');
    prosemirrorToYXmlFragment(sampleDoc(), fragment);
    const second = fragment.get(1) as Y.XmlElement;
    const texts = second.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText);
    texts[0]!.insert(2, 'XY');
    texts[0]!.delete(0, 1);
    fragment.delete(2, 1); // the empty paragraph
    fragment.insert(3, [new Y.XmlElement('paragraph')]);
    const last = fragment.get(fragment.length - 1) as Y.XmlElement;
    (last.get(0) as Y.XmlText).insert(4, ' word');
    const { binding, doc } = bound(ydoc);
    expectSameEverywhere(ydoc, binding, doc);
  });

  it('falls back to y-prosemirror when the Y types are not the document\'s children, with the same result', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('content');
    prosemirrorToYXmlFragment(sampleDoc(), fragment);
    const { binding, doc } = bound(ydoc);
    // A block added in Yjs that the document does not show yet.
    fragment.insert(1, [new Y.XmlElement('paragraph')]);
    // (y-prosemirror cannot resolve positions through a block it never drew, so only the positions are compared.)
    expectSameEverywhere(ydoc, binding, doc, false);
    // A block of the document deleted in Yjs.
    const again = bound(ydoc);
    fragment.delete(4, 1);
    expectSameEverywhere(ydoc, again.binding, again.doc, false);
  });

  it('handles an empty fragment and a document with one empty paragraph', () => {
    const ydoc = new Y.Doc();
    const { binding, doc } = bound(ydoc);
    expect(doc.childCount).toBe(0);
    expectSameEverywhere(ydoc, binding, doc);
    ydoc.getXmlFragment('content').insert(0, [new Y.XmlElement('paragraph')]);
    const filled = bound(ydoc);
    expectSameEverywhere(ydoc, filled.binding, filled.doc);
  });

  it('gives both ends of the selection with its type, as getRelativeSelection does', () => {
    const ydoc = new Y.Doc();
    prosemirrorToYXmlFragment(sampleDoc(), ydoc.getXmlFragment('content'));
    const { binding, doc } = bound(ydoc);
    const state = EditorState.create({ schema, doc, selection: TextSelection.create(doc, 3, 12) });
    const selection = relativeSelection(binding, state);
    expect(selection.type).toBe('text');
    expect(relativePositionToAbsolutePosition(ydoc, binding.type, selection.anchor, binding.mapping as never)).toBe(3);
    expect(relativePositionToAbsolutePosition(ydoc, binding.type, selection.head, binding.mapping as never)).toBe(12);
  });
});

describe('absolutePosition', () => {
  it('resolves positions in blocks deleted since, in other types and at the ends as y-prosemirror does', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('content');
    prosemirrorToYXmlFragment(sampleDoc(), fragment);
    const before = bound(ydoc);
    const inSecond = relativePosition(8, before.binding, before.doc);
    const inLast = relativePosition(before.doc.content.size - 2, before.binding, before.doc);
    const atEnd = relativePosition(before.doc.content.size, before.binding, before.doc);
    const elsewhere = Y.createRelativePositionFromTypeIndex(ydoc.getText('other'), 0);
    ydoc.getText('other').insert(0, 'x');
    fragment.delete(1, 1);
    (fragment.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Long ')]);
    const after = bound(ydoc);
    for (const [name, relative] of Object.entries({ inSecond, inLast, atEnd, elsewhere })) {
      expect(absolutePosition(ydoc, after.binding, after.doc, relative), name).toBe(
        relativePositionToAbsolutePosition(ydoc, after.binding.type, relative, after.binding.mapping as never),
      );
    }
    expect(absolutePosition(ydoc, after.binding, after.doc, elsewhere)).toBeNull();
    expect(absolutePosition(ydoc, after.binding, after.doc, inLast)).toBe(after.doc.content.size - 2);
  });

  it('asks y-prosemirror when the Y types are not the document\'s children', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment('content');
    prosemirrorToYXmlFragment(sampleDoc(), fragment);
    const { binding, doc } = bound(ydoc);
    const relative = relativePosition(doc.content.size - 2, binding, doc);
    // The document is not the one the mapping was drawn for: the answer is y-prosemirror's.
    const other = doc.copy(doc.content.cut(0, doc.content.size - doc.lastChild!.nodeSize));
    expect(absolutePosition(ydoc, binding, other, relative)).toBe(
      relativePositionToAbsolutePosition(ydoc, binding.type, relative, binding.mapping as never),
    );
  });
});
