import { Slice } from 'prosemirror-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { schema } from './schema.js';

// y-prosemirror rebuilds every element from the merged Y.XmlFragment with
// `schema.node(name, attrs, children)`, which checks the children against the
// content expression and makes y-prosemirror delete the element when they do
// not fit. These tests build exactly the child lists that concurrent deletes
// produce and call that same function.

const p = (text = ''): ProseMirrorNode => schema.node('paragraph', null, text ? [schema.text(text)] : []);
const li = (...blocks: ProseMirrorNode[]): ProseMirrorNode => schema.node('list_item', null, blocks);

/** Yjs keeps a child when no side deleted it: the intersection of the survivors. */
function mergeDeletes(original: readonly ProseMirrorNode[], ...survivors: ProseMirrorNode[][]): ProseMirrorNode[] {
  return original.filter((child) => survivors.every((kept) => kept.includes(child)));
}

describe('schema', () => {
  it('accepts an empty list after two users each deleted one of its two items', () => {
    const items = [li(p('one')), li(p('two'))];
    const merged = mergeDeletes(items, [items[0]!], [items[1]!]);
    expect(merged).toHaveLength(0);
    for (const name of ['bullet_list', 'ordered_list'] as const) {
      const list = schema.node(name, null, merged);
      expect(list.childCount).toBe(0);
      const doc = schema.node('doc', null, [list, p('after')]);
      expect(() => doc.check()).not.toThrow();
    }
  });

  it('keeps a list item whose paragraphs were deleted concurrently, with its nested list', () => {
    const nested = schema.node('bullet_list', null, [li(p('nested text'))]);
    const children = [p('first'), p('second'), nested];
    const merged = mergeDeletes(children, [children[1]!, nested], [children[0]!, nested]);
    const item = schema.node('list_item', null, merged);
    expect(item.firstChild?.type.name).toBe('bullet_list');
    expect(item.textContent).toBe('nested text');
  });

  it('accepts an empty list item', () => {
    expect(() => schema.node('list_item', null, []).check()).not.toThrow();
  });

  it('refills a document whose blocks were all deleted concurrently with an empty paragraph', () => {
    // y-prosemirror replaces the root's content with whatever survived the merge, here nothing.
    const doc = schema.node('doc', null, [p('one'), p('two')]);
    const state = EditorState.create({ doc });
    const tr = state.tr.replace(0, doc.content.size, Slice.empty);
    expect(() => tr.doc.check()).not.toThrow();
    expect(tr.doc.toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('still rejects blocks where only inline content belongs', () => {
    expect(() => schema.node('paragraph', null, [p('nested')])).toThrow(RangeError);
  });

  it('creates a paragraph when ProseMirror needs a default block', () => {
    expect(schema.nodes.doc.contentMatch.defaultType).toBe(schema.nodes.paragraph);
    expect(schema.nodes.list_item.contentMatch.defaultType).toBe(schema.nodes.paragraph);
  });

  it('renders headings with out-of-range levels as the nearest valid level', () => {
    const toDOM = schema.nodes.heading.spec.toDOM!;
    expect(toDOM(schema.node('heading', { level: 3 }))).toEqual(['h3', 0]);
    expect(toDOM(schema.node('heading', { level: 9 }))).toEqual(['h6', 0]);
    expect(toDOM(schema.node('heading', { level: 'x' }))).toEqual(['h1', 0]);
  });

  it('renders the start number of an ordered list only when it is not 1', () => {
    const toDOM = schema.nodes.ordered_list.spec.toDOM!;
    expect(toDOM(schema.node('ordered_list', { order: 1 }))).toEqual(['ol', 0]);
    expect(toDOM(schema.node('ordered_list', { order: 4 }))).toEqual(['ol', { start: '4' }, 0]);
  });

  it('round-trips a document through JSON', () => {
    const doc = schema.node('doc', null, [
      schema.node('heading', { level: 2 }, [schema.text('Title')]),
      schema.node('paragraph', null, [
        schema.text('bold', [schema.marks.bold.create()]),
        schema.node('hard_break'),
        schema.text('italic', [schema.marks.italic.create()]),
      ]),
      schema.node('ordered_list', { order: 3 }, [li(p('item'))]),
    ]);
    expect(schema.nodeFromJSON(doc.toJSON()).eq(doc)).toBe(true);
  });
});
