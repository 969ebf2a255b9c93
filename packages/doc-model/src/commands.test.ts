import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import {
  indentListItem,
  outdentListItem,
  setHeading,
  setParagraph,
  splitListItem,
  toggleBold,
  toggleBulletList,
  toggleItalic,
  toggleOrderedList,
} from './commands.js';
import { schema } from './schema.js';

type Child = ProseMirrorNode | string;
const kids = (children: Child[]): ProseMirrorNode[] =>
  children.map((child) => (typeof child === 'string' ? schema.text(child) : child));
const doc = (...c: Child[]) => schema.node('doc', null, kids(c));
const p = (...c: Child[]) => schema.node('paragraph', null, kids(c));
const h = (level: number, ...c: Child[]) => schema.node('heading', { level }, kids(c));
const ul = (...c: Child[]) => schema.node('bullet_list', null, kids(c));
const ol = (...c: Child[]) => schema.node('ordered_list', { order: 1 }, kids(c));
const li = (...c: Child[]) => schema.node('list_item', null, kids(c));
const b = (text: string) => schema.text(text, [schema.marks.bold.create()]);

/** The document position just before the first occurrence of `text`. */
function at(node: ProseMirrorNode, text: string): number {
  let found = -1;
  node.descendants((child, pos) => {
    if (found >= 0) return false;
    const index = child.isText ? child.text!.indexOf(text) : -1;
    if (index >= 0) found = pos + index;
    return true;
  });
  if (found < 0) throw new Error(`"${text}" is not in ${node.toString()}`);
  return found;
}

/** A state with the text `from` (and up to the end of `to`) selected. */
function select(d: ProseMirrorNode, from: string, to?: string): EditorState {
  const anchor = at(d, from);
  const head = to === undefined ? anchor : at(d, to) + to.length;
  return EditorState.create({ doc: d, selection: TextSelection.create(d, anchor, head) });
}

function run(state: EditorState, command: Command): EditorState {
  let next: EditorState | undefined;
  const applied = command(state, (tr) => {
    next = state.apply(tr);
  });
  expect(applied).toBe(true);
  if (!next) throw new Error('the command applied but dispatched nothing');
  return next;
}

describe('toggleBold', () => {
  it('makes the selected text bold', () => {
    const state = run(select(doc(p('one two')), 'two', 'two'), toggleBold);
    expect(state.doc.eq(doc(p('one ', b('two'))))).toBe(true);
  });

  it('removes bold when the whole selection is bold', () => {
    const state = run(select(doc(p('one ', b('two'))), 'two', 'two'), toggleBold);
    expect(state.doc.eq(doc(p('one two')))).toBe(true);
  });

  it('makes the whole selection bold when only part of it is', () => {
    const state = run(select(doc(p('one ', b('two'))), 'one', 'two'), toggleBold);
    expect(state.doc.eq(doc(p(b('one two'))))).toBe(true);
  });

  it('sets the mark for the next typed text at a collapsed cursor', () => {
    const state = run(select(doc(p('one')), 'ne'), toggleBold);
    expect(state.storedMarks?.map((mark) => mark.type.name)).toEqual(['bold']);
  });
});

describe('toggleItalic', () => {
  it('makes the selected text italic', () => {
    const state = run(select(doc(p('one two')), 'one', 'one'), toggleItalic);
    expect(state.doc.eq(doc(p(schema.text('one', [schema.marks.italic.create()]), ' two')))).toBe(true);
  });
});

describe('setHeading and setParagraph', () => {
  it('turns the paragraph at the cursor into a heading of the given level', () => {
    const state = run(select(doc(p('title'), p('body')), 'itle'), setHeading(2));
    expect(state.doc.eq(doc(h(2, 'title'), p('body')))).toBe(true);
  });

  it('changes the level of a heading', () => {
    const state = run(select(doc(h(1, 'title')), 'itle'), setHeading(3));
    expect(state.doc.eq(doc(h(3, 'title')))).toBe(true);
  });

  it('turns a heading back into a paragraph', () => {
    const state = run(select(doc(h(2, 'title')), 'itle'), setParagraph);
    expect(state.doc.eq(doc(p('title')))).toBe(true);
  });

  it('rejects levels outside 1 to 6', () => {
    for (const level of [0, 7, 2.5, Number.NaN]) {
      expect(() => setHeading(level)).toThrow(RangeError);
    }
  });

  it('is not applicable when the block already has that type', () => {
    expect(setParagraph(select(doc(p('text')), 'ext'))).toBe(false);
  });
});

describe('toggleBulletList', () => {
  it('wraps the selected paragraphs in a bullet list', () => {
    const state = run(select(doc(p('one'), p('two')), 'one', 'two'), toggleBulletList);
    expect(state.doc.eq(doc(ul(li(p('one')), li(p('two')))))).toBe(true);
  });

  it('lifts the items out when they already are in a bullet list', () => {
    const state = run(select(doc(ul(li(p('one')), li(p('two')))), 'one', 'two'), toggleBulletList);
    expect(state.doc.eq(doc(p('one'), p('two')))).toBe(true);
  });

  it('turns the numbered list around the cursor into a bullet list', () => {
    const state = run(select(doc(ol(li(p('one')), li(p('two')))), 'two'), toggleBulletList);
    expect(state.doc.eq(doc(ul(li(p('one')), li(p('two')))))).toBe(true);
  });

  it('acts on the innermost list only', () => {
    const start = doc(ol(li(p('outer'), ol(li(p('inner'))))));
    const state = run(select(start, 'inner'), toggleBulletList);
    expect(state.doc.eq(doc(ol(li(p('outer'), ul(li(p('inner')))))))).toBe(true);
  });
});

describe('toggleOrderedList', () => {
  it('wraps the paragraph in a numbered list starting at 1', () => {
    const state = run(select(doc(p('one')), 'one'), toggleOrderedList);
    expect(state.doc.eq(doc(ol(li(p('one')))))).toBe(true);
    expect(state.doc.firstChild?.attrs['order']).toBe(1);
  });

  it('turns a bullet list into a numbered list', () => {
    const state = run(select(doc(ul(li(p('one')))), 'one'), toggleOrderedList);
    expect(state.doc.eq(doc(ol(li(p('one')))))).toBe(true);
  });
});

describe('list item commands', () => {
  it('splits the list item at the cursor', () => {
    const state = run(select(doc(ul(li(p('onetwo')))), 'two'), splitListItem);
    expect(state.doc.eq(doc(ul(li(p('one')), li(p('two')))))).toBe(true);
  });

  it('leaves Enter in an empty top-level item to the next binding', () => {
    const start = doc(ul(li(p('one')), li(p())));
    const state = EditorState.create({ doc: start, selection: TextSelection.create(start, start.content.size - 3) });
    expect(splitListItem(state)).toBe(false);
  });

  it('moves an empty last nested item up a level and puts the cursor in a paragraph there', () => {
    const start = doc(ul(li(p('outer'), ul(li(p('inner')), li(p())))));
    // Inside the empty paragraph: before the closing tokens of p, li, ul, li, ul.
    const cursor = start.content.size - 5;
    const state = run(
      EditorState.create({ doc: start, selection: TextSelection.create(start, cursor) }),
      splitListItem,
    );
    expect(state.doc.eq(doc(ul(li(p('outer'), ul(li(p('inner')))), li(p()))))).toBe(true);
    expect(state.selection.$from.parent.type.name).toBe('paragraph');
    expect(state.selection.$from.node(-1).type.name).toBe('list_item');
  });

  it('indents an item into the one before it and outdents it back', () => {
    const start = doc(ul(li(p('one')), li(p('two'))));
    const indented = run(select(start, 'two'), indentListItem);
    expect(indented.doc.eq(doc(ul(li(p('one'), ul(li(p('two')))))))).toBe(true);
    const outdented = run(indented, outdentListItem);
    expect(outdented.doc.eq(start)).toBe(true);
  });

  it('does not indent outside lists, so Tab can move focus', () => {
    expect(indentListItem(select(doc(p('text')), 'text'))).toBe(false);
  });
});
