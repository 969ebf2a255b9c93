import { DOMParser, Slice } from 'prosemirror-model';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { fixTables, TableMap } from 'prosemirror-tables';
import { describe, expect, it } from 'vitest';
import { HtmlElement } from './html-dom.js';
import { fragmentToHTML, htmlToSlice } from './sanitize-html.js';
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
    expect(tr.doc.toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph', attrs: { level: 0, align: null, indent: 0 } }] });
  });

  it('still rejects blocks where only inline content belongs', () => {
    expect(() => schema.node('paragraph', null, [p('nested')])).toThrow(RangeError);
  });

  it('creates a paragraph when ProseMirror needs a default block', () => {
    expect(schema.nodes.doc.contentMatch.defaultType).toBe(schema.nodes.paragraph);
    expect(schema.nodes.list_item.contentMatch.defaultType).toBe(schema.nodes.paragraph);
  });

  it('renders paragraphs as <p> and headings as <h1> to <h6>, clamping levels no client should write', () => {
    const toDOM = schema.nodes.paragraph.spec.toDOM!;
    expect(toDOM(schema.node('paragraph'))).toEqual(['p', 0]);
    for (let level = 1; level <= 6; level++) {
      expect(toDOM(schema.node('paragraph', { level }))).toEqual([`h${level}`, 0]);
    }
    expect(toDOM(schema.node('paragraph', { level: 9 }))).toEqual(['h6', 0]);
    expect(toDOM(schema.node('paragraph', { level: -1 }))).toEqual(['p', 0]);
    expect(toDOM(schema.node('paragraph', { level: 'x' }))).toEqual(['p', 0]);
    expect(toDOM(schema.node('paragraph', { level: 2.5 }))).toEqual(['p', 0]);
  });

  it('still reads and renders the heading nodes of older documents', () => {
    const toDOM = schema.nodes.heading.spec.toDOM!;
    expect(toDOM(schema.node('heading', { level: 3 }))).toEqual(['h3', 0]);
    expect(toDOM(schema.node('heading', { level: 9 }))).toEqual(['h6', 0]);
    expect(toDOM(schema.node('heading', { level: 'x' }))).toEqual(['h1', 0]);
    expect(toDOM(schema.node('heading', { level: 0 }))).toEqual(['h1', 0]);
    // Nothing parses into it any more: pasted and imported headings are paragraphs with a level.
    expect(htmlToSlice('<h2>Title</h2>').content.firstChild?.type.name).toBe('paragraph');
  });

  it('parses h1 to h6 and ARIA headings into paragraphs with their level, with alignment and indentation', () => {
    for (let level = 1; level <= 6; level++) {
      const parsed = htmlToSlice(`<h${level} style="text-align:center; margin-left:72pt">T</h${level}>`).content.firstChild!;
      expect(parsed.type.name).toBe('paragraph');
      expect(parsed.attrs).toEqual({ level, align: 'center', indent: 2 });
    }
    expect(htmlToSlice('<p role="heading" aria-level="3">T</p>').content.firstChild?.attrs['level']).toBe(3);
    for (const bad of ['<p role="heading" aria-level="7">T</p>', '<p role="heading">T</p>', '<p aria-level="2">T</p>']) {
      expect(htmlToSlice(bad).content.firstChild?.attrs['level']).toBe(0);
    }
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

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const text = (value: string, ...marks: Mark[]): ProseMirrorNode => schema.text(value, marks);
const node = (name: string, attrs: Record<string, unknown> | null, ...content: ProseMirrorNode[]) =>
  schema.node(name, attrs, content);
const cell = (name: 'table_cell' | 'table_header', value: string, attrs: Record<string, unknown> | null = null) =>
  node(name, attrs, p(value));

/** A document with every node type, mark and non-default attribute. */
function everything(): ProseMirrorNode {
  const m = schema.marks;
  return node(
    'doc',
    null,
    node('paragraph', { level: 3, align: 'center', indent: 1 }, text('Title')),
    node('paragraph', { level: 6 }, text('Small title')),
    node(
      'paragraph',
      { align: 'justify', indent: 2 },
      text('b', m.bold.create()),
      text('i', m.italic.create()),
      text('u', m.underline.create()),
      text('s', m.strikethrough.create()),
      text('sup', m.superscript.create()),
      text('sub', m.subscript.create()),
      text('code', m.code.create()),
      text('red', m.text_color.create({ color: '#c9211e' })),
      text('marked', m.highlight.create({ color: '#ffff00' })),
      text('link', m.link.create({ href: 'https://example.org/a?b=1&c=2', title: 'Example' })),
      text('mail', m.link.create({ href: 'mailto:a@example.org', title: null })),
      node('hard_break', null),
      node('image', { src: PNG, alt: 'A dot', title: 'Dot', width: 120 }),
    ),
    node('blockquote', null, p('quoted')),
    node('code_block', { language: 'js' }, text('let a = 1;\n  a++;')),
    node('horizontal_rule', null),
    node('page_break', null),
    node('bullet_list', null, li(p('bullet'), node('ordered_list', { order: 4 }, li(p('four'))))),
    node('task_list', null, node('task_item', { checked: true }, p('done')), node('task_item', { checked: false }, p('open'))),
    node(
      'table',
      null,
      node('table_row', null, cell('table_header', 'H1'), cell('table_header', 'H2', { colspan: 1, rowspan: 1, colwidth: [200] })),
      node('table_row', null, cell('table_cell', 'wide', { colspan: 2, rowspan: 1, colwidth: [100, 150] })),
    ),
    p('end'),
  );
}

describe('schema round trips', () => {
  it('round-trips every node, mark and attribute through JSON', () => {
    const doc = everything();
    expect(() => doc.check()).not.toThrow();
    expect(schema.nodeFromJSON(JSON.parse(JSON.stringify(doc.toJSON()))).eq(doc)).toBe(true);
  });

  it('parses what its toDOM writes back into the same document, without a DOM', () => {
    const doc = everything();
    const html = fragmentToHTML(doc.content);
    const parsed = htmlToSlice(html).content;
    expect(parsed.toJSON()).toEqual(doc.content.toJSON());
    // And the HTML of the result is stable.
    expect(fragmentToHTML(parsed)).toBe(html);
  });

  it('writes the expected HTML for the new node types', () => {
    const html = fragmentToHTML(everything().content);
    expect(html).toContain('<h3 style="text-align: center; margin-left: 36pt">Title</h3><h6>Small title</h6>');
    expect(html).toContain('<pre data-language="js"><code class="language-js">');
    expect(html).toContain('<ul data-type="task_list"><li data-type="task_item" data-checked="true">');
    expect(html).toContain('<td colspan="2" data-colwidth="100,150">');
    expect(html).toContain('<div data-page-break="" class="page-break" style="break-after: page"></div>');
    expect(html).toContain('<span style="color: #c9211e">red</span>');
    expect(html).toContain('<mark style="background-color: #ffff00">marked</mark>');
  });

  it('uses only selectors that the DOM-free parser supports in its parse rules', () => {
    const probe = new HtmlElement('div');
    for (const rule of DOMParser.fromSchema(schema).rules) {
      if ('tag' in rule && rule.tag) expect(() => probe.matches(rule.tag as string)).not.toThrow();
    }
  });
});

describe('schema under concurrent deletes', () => {
  it('accepts superscript and subscript on the same text, which concurrent formatting produces', () => {
    // y-prosemirror stores each mark as its own Y.Text attribute, so both survive the merge.
    const both = schema.text('2', [schema.marks.superscript.create(), schema.marks.subscript.create()]);
    expect(both.marks.map((mark) => mark.type.name)).toEqual(['superscript', 'subscript']);
    expect(() => schema.node('doc', null, [schema.node('paragraph', null, [schema.text('x'), both])]).check()).not.toThrow();
  });

  it('keeps a table whose rows were all deleted, and rows whose cells were all deleted', () => {
    const rows = [node('table_row', null, cell('table_cell', 'a')), node('table_row', null, cell('table_cell', 'b'))];
    const table = schema.node('table', null, mergeDeletes(rows, [rows[0]!], [rows[1]!]));
    expect(() => schema.node('doc', null, [table, p()]).check()).not.toThrow();
    const cells = [cell('table_cell', 'a'), cell('table_cell', 'b')];
    const row = schema.node('table_row', null, mergeDeletes(cells, [cells[0]!], [cells[1]!]));
    expect(() => schema.node('table', null, [row]).check()).not.toThrow();
  });

  it('keeps a cell whose paragraphs were joined away concurrently, so no column shifts', () => {
    const blocks = [p('one'), p('two')];
    const emptied = schema.node('table_cell', null, mergeDeletes(blocks, [blocks[1]!], [blocks[0]!]));
    const row = schema.node('table_row', null, [emptied, cell('table_cell', 'right')]);
    expect(row.childCount).toBe(2);
    expect(row.child(1).textContent).toBe('right');
  });

  it('keeps an emptied blockquote, task list and task item', () => {
    expect(() => schema.node('blockquote', null, []).check()).not.toThrow();
    expect(() => schema.node('task_list', null, []).check()).not.toThrow();
    const nested = schema.node('task_list', null, [schema.node('task_item', null, [p('nested')])]);
    expect(schema.node('task_item', { checked: true }, [nested]).textContent).toBe('nested');
  });

  it('squares up rows of different lengths with prosemirror-tables fixTables', () => {
    // One user added a column while another added a row: the new row is one cell short.
    const table = node(
      'table',
      null,
      node('table_row', null, cell('table_cell', 'a'), cell('table_cell', 'b'), cell('table_cell', 'new')),
      node('table_row', null, cell('table_cell', 'c'), cell('table_cell', 'd')),
    );
    const state = EditorState.create({ doc: node('doc', null, table, p()) });
    const tr = fixTables(state);
    expect(tr).toBeDefined();
    const fixed = tr!.doc.firstChild!;
    expect(TableMap.get(fixed).problems).toBeNull();
    expect(fixed.child(1).childCount).toBe(3);
  });

  it('accepts attribute values no client would write, instead of dropping the node', () => {
    // y-prosemirror deletes a node whose attributes fail validation; there is none.
    expect(() => schema.node('table_cell', { colspan: 'x', rowspan: null, colwidth: 'wide' }, [p()])).not.toThrow();
    expect(() => schema.node('paragraph', { level: 'x', align: 7, indent: -3 }, [])).not.toThrow();
    expect(() => schema.node('heading', { level: 'x', align: 7, indent: -3 }, [])).not.toThrow();
    expect(() => schema.node('image', { src: 'javascript:alert(1)' })).not.toThrow();
  });
});

describe('schema rendering of untrusted attributes', () => {
  const toDOM = (name: string, attrs: Record<string, unknown>) =>
    schema.nodes[name as 'paragraph']!.spec.toDOM!(schema.node(name, attrs, name === 'image' ? [] : []));
  const markDOM = (name: string, attrs: Record<string, unknown>) =>
    schema.marks[name as 'link']!.spec.toDOM!(schema.mark(name, attrs), true);

  it('renders no href for a link whose target is not http, https or mailto', () => {
    for (const href of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative']) {
      expect(markDOM('link', { href })).toEqual(['a', { rel: 'noopener noreferrer nofollow' }, 0]);
    }
  });

  it('renders no src for an image whose source is not allowed', () => {
    for (const src of ['javascript:alert(1)', 'data:image/svg+xml;base64,PHN2Zz4=', 'file:///c:/x.png', '']) {
      expect(toDOM('image', { src })).toEqual(['img', { alt: '' }]);
    }
  });

  it('renders colours only as #rrggbb, so no CSS can be injected through them', () => {
    expect(markDOM('text_color', { color: 'red; background: url(https://evil)' })).toEqual(['span', 0]);
    expect(markDOM('highlight', { color: 'expression(alert(1))' })).toEqual([
      'mark',
      { style: 'background-color: #ffff00' },
      0,
    ]);
    expect(markDOM('text_color', { color: '#ABCDEF' })).toEqual(['span', { style: 'color: #abcdef' }, 0]);
  });

  it('clamps alignment, indentation, spans and languages', () => {
    expect(toDOM('paragraph', { align: 'left; color: red', indent: 99 })).toEqual(['p', { style: 'margin-left: 288pt' }, 0]);
    expect(toDOM('paragraph', { align: 'right', indent: -1 })).toEqual(['p', { style: 'text-align: right' }, 0]);
    expect(toDOM('table_cell', { colspan: '"><x', rowspan: 1e9, colwidth: ['x'] })).toEqual(['td', { rowspan: '65534' }, 0]);
    expect(toDOM('code_block', { language: '"><script>' })).toEqual(['pre', ['code', 0]]);
  });
});

