import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { indentListItem, outdentListItem, splitListItem, toggleBulletList, toggleOrderedList, toggleTaskChecked, toggleTaskCheckedAt, toggleTaskList } from './list-commands.js';
import { run, select } from './command.test-support.js';
import { schema } from './schema.js';

type Child = ProseMirrorNode | string;
const kids = (children: Child[]): ProseMirrorNode[] =>
  children.map((child) => (typeof child === 'string' ? schema.text(child) : child));
const doc = (...c: Child[]) => schema.node('doc', null, kids(c));
const p = (...c: Child[]) => schema.node('paragraph', null, kids(c));
const ul = (...c: Child[]) => schema.node('bullet_list', null, kids(c));
const ol = (...c: Child[]) => schema.node('ordered_list', { order: 1 }, kids(c));
const li = (...c: Child[]) => schema.node('list_item', null, kids(c));
const task = (checked: boolean, ...c: Child[]) => schema.node('task_item', { checked }, kids(c));
const tasks = (...c: Child[]) => schema.node('task_list', null, kids(c));

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

describe('task lists', () => {
  it('wraps paragraphs in a task list with unchecked items', () => {
    const state = run(select(doc(p('one'), p('two')), 'one', 'two'), toggleTaskList);
    expect(state.doc.eq(doc(tasks(task(false, p('one')), task(false, p('two')))))).toBe(true);
  });

  it('turns a bullet list into a task list and a task list into a numbered list', () => {
    const asTasks = run(select(doc(ul(li(p('one')), li(p('two')))), 'two'), toggleTaskList);
    expect(asTasks.doc.eq(doc(tasks(task(false, p('one')), task(false, p('two')))))).toBe(true);
    expect(asTasks.selection.$from.parent.textContent).toBe('two');
    const numbered = run(asTasks, toggleOrderedList);
    expect(numbered.doc.eq(doc(ol(li(p('one')), li(p('two')))))).toBe(true);
  });

  it('lifts items out of a task list when toggled again', () => {
    const state = run(select(doc(tasks(task(true, p('one')))), 'one'), toggleTaskList);
    expect(state.doc.eq(doc(p('one')))).toBe(true);
  });

  it('checks and unchecks the item at the cursor', () => {
    const checked = run(select(doc(tasks(task(false, p('one')), task(false, p('two')))), 'two'), toggleTaskChecked);
    expect(checked.doc.eq(doc(tasks(task(false, p('one')), task(true, p('two')))))).toBe(true);
    expect(run(checked, toggleTaskChecked).doc.eq(doc(tasks(task(false, p('one')), task(false, p('two')))))).toBe(true);
    expect(toggleTaskChecked(select(doc(ul(li(p('x')))), 'x'))).toBe(false);
  });

  it('checks the item at a position, for a checkbox click', () => {
    const start = doc(p('before'), tasks(task(false, p('one')), task(false, p('two'))));
    const second = start.child(0).nodeSize + 1 + start.child(1).child(0).nodeSize;
    const state = run(EditorState.create({ doc: start }), toggleTaskCheckedAt(second));
    expect(state.doc.child(1).child(1).attrs['checked']).toBe(true);
    expect(toggleTaskCheckedAt(0)(EditorState.create({ doc: start }))).toBe(false);
    expect(toggleTaskCheckedAt(-5)(EditorState.create({ doc: start }))).toBe(false);
  });

  it('starts a new unchecked item on Enter in a checked one', () => {
    const state = run(select(doc(tasks(task(true, p('onetwo')))), 'two'), splitListItem);
    expect(state.doc.eq(doc(tasks(task(true, p('one')), task(false, p('two')))))).toBe(true);
  });

  it('nests a task item into a task list in the item before it', () => {
    const state = run(select(doc(tasks(task(false, p('one')), task(true, p('two')))), 'two'), indentListItem);
    expect(state.doc.eq(doc(tasks(task(false, p('one'), tasks(task(true, p('two')))))))).toBe(true);
    expect(run(state, outdentListItem).doc.eq(doc(tasks(task(false, p('one')), task(true, p('two')))))).toBe(true);
  });
});
