import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { AllSelection, EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { schema } from './schema.js';
import { activeBlock, activeMarks, isMarkActive } from './selection-state.js';

type Child = ProseMirrorNode | string;
const kids = (children: Child[]) => children.map((c) => (typeof c === 'string' ? schema.text(c) : c));
const doc = (...c: Child[]) => schema.node('doc', null, kids(c));
const p = (...c: Child[]) => schema.node('paragraph', null, kids(c));
const h = (level: number, ...c: Child[]) => schema.node('paragraph', { level }, kids(c));
const li = (...c: Child[]) => schema.node('list_item', null, kids(c));
const ul = (...c: Child[]) => schema.node('bullet_list', null, kids(c));
const ol = (...c: Child[]) => schema.node('ordered_list', null, kids(c));
const b = (text: string) => schema.text(text, [schema.marks.bold.create()]);

const state = (d: ProseMirrorNode, anchor: number, head = anchor) =>
  EditorState.create({ doc: d, selection: TextSelection.create(d, anchor, head) });

describe('isMarkActive', () => {
  // doc(p("plain ", bold("strong"))): "plain " is 1..7, "strong" is 7..13.
  const mixed = doc(p('plain ', b('strong')));

  it('is true for a cursor inside bold text and false inside plain text', () => {
    expect(isMarkActive(state(mixed, 10), schema.marks.bold)).toBe(true);
    expect(isMarkActive(state(mixed, 3), 'bold')).toBe(false);
  });

  it('follows stored marks at the cursor', () => {
    const start = state(mixed, 3);
    const stored = start.apply(start.tr.addStoredMark(schema.marks.bold.create()));
    expect(isMarkActive(stored, 'bold')).toBe(true);
  });

  it('is true only when all selected text has the mark', () => {
    expect(isMarkActive(state(mixed, 7, 13), 'bold')).toBe(true);
    expect(isMarkActive(state(mixed, 3, 13), 'bold')).toBe(false);
  });

  it('ignores unmarked whitespace at the edges of the selection', () => {
    expect(isMarkActive(state(mixed, 6, 13), 'bold')).toBe(true);
  });

  it('is false when nothing selected can carry the mark', () => {
    const empty = doc(p(), p());
    const all = EditorState.create({ doc: empty, selection: new AllSelection(empty) });
    expect(isMarkActive(all, 'bold')).toBe(false);
  });

  it('rejects unknown mark names', () => {
    expect(() => isMarkActive(state(mixed, 3), 'blink')).toThrow(RangeError);
  });
});

describe('activeBlock', () => {
  it('reports a paragraph outside lists', () => {
    expect(activeBlock(state(doc(p('text')), 2))).toEqual({
      type: 'paragraph',
      level: 0,
      list: null,
      align: 'left',
      indent: 0,
      language: null,
      checked: null,
      blockquote: false,
      inTable: false,
    });
  });

  it('reports the heading level', () => {
    expect(activeBlock(state(doc(h(3, 'title')), 2))).toMatchObject({ type: 'paragraph', level: 3, list: null });
  });

  it('reports a null level when the selection spans different levels, and null types for different types', () => {
    const d = doc(h(1, 'one'), h(2, 'two'));
    expect(activeBlock(state(d, 2, d.content.size - 1))).toMatchObject({ type: 'paragraph', level: null });
    const body = doc(h(1, 'one'), p('two'));
    expect(activeBlock(state(body, 2, body.content.size - 1))).toMatchObject({ type: 'paragraph', level: null });
    const same = doc(h(2, 'one'), h(2, 'two'));
    expect(activeBlock(state(same, 2, same.content.size - 1))).toMatchObject({ type: 'paragraph', level: 2, list: null });
    const code = doc(p('one'), schema.node('code_block', null, [schema.text('two')]));
    expect(activeBlock(state(code, 2, code.content.size - 1))).toMatchObject({ type: null, level: null });
  });

  it('reports the heading nodes of older documents as paragraphs with their level', () => {
    const legacy = (level: unknown) => schema.node('heading', { level }, [schema.text('old')]);
    expect(activeBlock(state(doc(legacy(2)), 2))).toMatchObject({ type: 'paragraph', level: 2, align: 'left' });
    expect(activeBlock(state(doc(legacy('x')), 2))).toMatchObject({ type: 'paragraph', level: 1 });
    const mixed = doc(legacy(4), h(4, 'new'));
    expect(activeBlock(state(mixed, 2, mixed.content.size - 1))).toMatchObject({ type: 'paragraph', level: 4 });
  });

  it('clamps levels any client could have written into 0 to 6', () => {
    expect(activeBlock(state(doc(h(9, 'deep')), 2)).level).toBe(6);
    expect(activeBlock(state(doc(h(-2, 'low')), 2)).level).toBe(0);
    expect(activeBlock(state(doc(schema.node('paragraph', { level: 'x' }, [schema.text('odd')])), 2)).level).toBe(0);
  });

  it('reports the innermost list around the selection', () => {
    const d = doc(ol(li(p('outer'), ul(li(p('inner'))))));
    // "outer" starts at 4, "inner" at 14.
    expect(activeBlock(state(d, 5)).list).toBe('ordered_list');
    expect(activeBlock(state(d, 15)).list).toBe('bullet_list');
  });
});

describe('activeBlock for the toolbar', () => {
  const para = (attrs: Record<string, unknown>, text: string) => schema.node('paragraph', attrs, [schema.text(text)]);

  it('reports the shared alignment and indentation, and null when they differ', () => {
    const d = doc(para({ align: 'center', indent: 2 }, 'one'), para({ align: 'center', indent: 1 }, 'two'));
    expect(activeBlock(state(d, 2))).toMatchObject({ align: 'center', indent: 2 });
    expect(activeBlock(state(d, 2, d.content.size - 1))).toMatchObject({ align: 'center', indent: null });
    const mixed = doc(para({ align: 'right' }, 'one'), p('two'));
    expect(activeBlock(state(mixed, 2, mixed.content.size - 1)).align).toBeNull();
  });

  it('reports task lists with the checked state, blockquotes, tables and code languages', () => {
    const task = schema.node('task_list', null, [schema.node('task_item', { checked: true }, [p('done')])]);
    expect(activeBlock(state(doc(task), 3))).toMatchObject({ list: 'task_list', checked: true });
    const quote = doc(schema.node('blockquote', null, [p('q')]));
    expect(activeBlock(state(quote, 2)).blockquote).toBe(true);
    const cell = schema.node('table_cell', null, [p('c')]);
    const table = doc(schema.node('table', null, [schema.node('table_row', null, [cell])]));
    expect(activeBlock(state(table, 4))).toMatchObject({ inTable: true, blockquote: false, list: null });
    const code = doc(schema.node('code_block', { language: 'js' }, [schema.text('x')]));
    expect(activeBlock(state(code, 1))).toMatchObject({ type: 'code_block', language: 'js', align: null });
  });
});

describe('activeMarks', () => {
  const m = schema.marks;
  const red = m.text_color.create({ color: '#ff0000' });
  const yellow = m.highlight.create({ color: '#ffff00' });
  const link = m.link.create({ href: 'https://example.org', title: 'Ex' });
  // "plain " 1..7, "styled" 7..13 (red, highlighted, underlined, superscript), "link" 13..17.
  const d = doc(
    p(
      'plain ',
      schema.text('styled', [red, yellow, m.underline.create(), m.superscript.create()]),
      schema.text('link', [link]),
    ),
  );

  it('reports toggles, colours and the link of a selection', () => {
    expect(activeMarks(state(d, 7, 13))).toEqual({
      bold: false,
      italic: false,
      underline: true,
      strikethrough: false,
      superscript: true,
      subscript: false,
      code: false,
      textColor: '#ff0000',
      highlight: '#ffff00',
      link: null,
    });
  });

  it('reports null colours when the selection mixes them', () => {
    expect(activeMarks(state(d, 3, 10))).toMatchObject({ textColor: null, highlight: null, underline: false });
  });

  it('reports the link around the cursor, also at its end', () => {
    expect(activeMarks(state(d, 15)).link).toEqual({ href: 'https://example.org', title: 'Ex' });
    expect(activeMarks(state(d, 17)).link).toEqual({ href: 'https://example.org', title: 'Ex' });
    expect(activeMarks(state(d, 3)).link).toBeNull();
  });
});

