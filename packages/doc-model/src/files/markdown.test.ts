import { describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import { fromMarkdown } from './markdown-read.js';
import { escapeMarkdown, toMarkdown } from './markdown-write.js';
import type { Node as ProseMirrorNode } from 'prosemirror-model';

const md = (text: string): ProseMirrorNode => fromMarkdown(text).doc;
const p = (text: string): ProseMirrorNode => schema.node('paragraph', null, text ? [schema.text(text)] : []);
const doc = (...blocks: ProseMirrorNode[]): ProseMirrorNode => schema.node('doc', null, blocks);

/** A compact outline of a document: node names with text, for readable expectations. */
function outline(node: ProseMirrorNode): unknown {
  if (node.isText) return node.text;
  const attrs = Object.entries(node.attrs)
    .filter(([key, value]) => value !== null && !(key === 'level' && value === 0) && !(key === 'indent' && value === 0) && !(['colspan', 'rowspan'].includes(key) && value === 1) && !(key === 'order' && value === 1))
    .map(([key, value]) => `${key}=${String(value)}`);
  const children: unknown[] = [];
  node.forEach((child) => children.push(outline(child)));
  return [node.type.name + (attrs.length ? `(${attrs.join(',')})` : ''), ...children];
}

describe('Markdown import', () => {
  it('reads nested lists of mixed kinds, with start numbers', () => {
    expect(outline(md('3. drei\n4. vier\n   - a\n     1. tief\n   - b\n'))).toEqual([
      'doc',
      ['ordered_list(order=3)', ['list_item', ['paragraph', 'drei']], ['list_item', ['paragraph', 'vier'], ['bullet_list', ['list_item', ['paragraph', 'a'], ['ordered_list', ['list_item', ['paragraph', 'tief']]]], ['list_item', ['paragraph', 'b']]]]],
    ]);
  });

  it('reads GFM task lists, nested too, and keeps ordinary lists that only mention brackets', () => {
    expect(outline(md('- [ ] offen\n- [x] erledigt\n  - [X] auch\n'))).toEqual([
      'doc',
      ['task_list', ['task_item(checked=false)', ['paragraph', 'offen']], ['task_item(checked=true)', ['paragraph', 'erledigt'], ['task_list', ['task_item(checked=true)', ['paragraph', 'auch']]]]],
    ]);
    expect(outline(md('- [ ] eins\n- zwei\n'))).toEqual(['doc', ['bullet_list', ['list_item', ['paragraph', '[ ] eins']], ['list_item', ['paragraph', 'zwei']]]]);
  });

  it('reads GFM tables with column alignment as paragraph alignment in the cells', () => {
    expect(outline(md('| A | B | C |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n'))).toEqual([
      'doc',
      ['table', ['table_row', ['table_header', ['paragraph', 'A']], ['table_header', ['paragraph(align=center)', 'B']], ['table_header', ['paragraph(align=right)', 'C']]], ['table_row', ['table_cell', ['paragraph', '1']], ['table_cell', ['paragraph(align=center)', '2']], ['table_cell', ['paragraph(align=right)', '3']]]],
    ]);
  });

  it('reads both kinds of hard break and joins soft breaks with a space', () => {
    const result = md('eins  \nzwei\\\ndrei\nvier');
    expect(outline(result)).toEqual(['doc', ['paragraph', 'eins', ['hard_break'], 'zwei', ['hard_break'], 'drei vier']]);
  });

  it('reads marks, links, images, code, quotes and rules', () => {
    const result = md('**f** *k* ~~s~~ `c` [l](https://example.org "T") ![alt](https://example.org/a.png)\n\n> q\n\n---\n\n```js\nx\n```\n');
    expect(outline(result)).toEqual([
      'doc',
      ['paragraph', 'f', ' ', 'k', ' ', 's', ' ', 'c', ' ', 'l', ' ', ['image(src=https://example.org/a.png,alt=alt)']],
      ['blockquote', ['paragraph', 'q']],
      ['horizontal_rule'],
      ['code_block(language=js)', 'x'],
    ]);
    const marks = result.firstChild!.content.content.map((node) => node.marks.map((mark) => mark.type.name).join('+'));
    expect(marks).toEqual(['bold', '', 'italic', '', 'strikethrough', '', 'code', '', 'link', '', '']);
    expect(result.firstChild!.child(8).marks[0]!.attrs).toEqual({ href: 'https://example.org', title: 'T' });
  });

  it('drops unsafe raw HTML and links, keeping their text', () => {
    expect(outline(md('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b onclick="x">fett</b>\n'))).toEqual(['doc', ['paragraph', '[x](javascript:alert(1)) ', 'fett']]);
  });
});

describe('Markdown export', () => {
  it('escapes characters Markdown would read as syntax, and they read back literally', () => {
    const tricky = [
      '# keine Überschrift',
      '1. keine Liste',
      '- kein Punkt',
      '> kein Zitat',
      '*nicht kursiv* und _nicht_ und **nicht fett**',
      '[kein](link) und ![kein](bild) und <b>kein Tag</b>',
      '`kein Code` ~~nicht durch~~ | kein | Tisch |',
      'a\\b & &amp; 5 * 3 = 15',
      '+ plus',
      '=== unterstrichen',
      '2) auch keine Liste',
    ];
    const source = doc(...tricky.map(p));
    const text = toMarkdown(source);
    expect(fromMarkdown(text).doc.eq(source)).toBe(true);
    expect(escapeMarkdown('a*b', false)).toBe('a\\*b');
  });

  it('keeps two lists of the same kind apart with a different marker', () => {
    const list = (name: string, attrs: Record<string, unknown> | null, ...items: string[]): ProseMirrorNode =>
      schema.node(name, attrs, items.map((item) => schema.node('list_item', null, [p(item)])));
    const source = doc(list('ordered_list', { order: 1 }, 'a', 'b'), list('ordered_list', { order: 5 }, 'c'), list('bullet_list', null, 'd'), list('bullet_list', null, 'e'));
    const text = toMarkdown(source);
    expect(text).toBe('1. a\n2. b\n\n5) c\n\n- d\n\n* e\n');
    expect(fromMarkdown(text).doc.eq(source)).toBe(true);
  });

  it('writes hard breaks as backslash line ends and marks around spaces correctly', () => {
    const bold = schema.marks.bold.create();
    const source = doc(schema.node('paragraph', null, [schema.text('a '), schema.text('fett ', [bold]), schema.text('b'), schema.node('hard_break'), schema.text('c')]));
    const text = toMarkdown(source);
    expect(text).toBe('a **fett** b\\\nc\n');
    // The space moves out of the bold text (Markdown cannot close emphasis after a space); the text stays.
    const back = fromMarkdown(text).doc;
    expect(back.textContent).toBe(source.textContent);
    expect(back.firstChild!.child(1).text).toBe('fett');
  });

  it('writes simple tables as GFM with alignment and others as HTML', () => {
    const cell = (name: string, text: string, align: string | null = null, attrs: Record<string, unknown> = {}): ProseMirrorNode =>
      schema.node(name, attrs, [schema.node('paragraph', { align }, [schema.text(text)])]);
    const simple = doc(
      schema.node('table', null, [
        schema.node('table_row', null, [cell('table_header', 'A'), cell('table_header', 'B|C', 'right')]),
        schema.node('table_row', null, [cell('table_cell', '1'), cell('table_cell', '2', 'right')]),
      ]),
    );
    expect(toMarkdown(simple)).toBe('| A | B\\|C |\n| --- | ---: |\n| 1 | 2 |\n');
    expect(fromMarkdown(toMarkdown(simple)).doc.eq(simple)).toBe(true);
    const merged = doc(schema.node('table', null, [schema.node('table_row', null, [cell('table_cell', 'breit', null, { colspan: 2 })]), schema.node('table_row', null, [cell('table_cell', 'x'), cell('table_cell', 'y')])]));
    expect(toMarkdown(merged)).toMatch(/^<table>/);
    expect(fromMarkdown(toMarkdown(merged)).doc.eq(merged)).toBe(true);
  });

  it('writes code blocks with a fence longer than the backticks inside', () => {
    const source = doc(schema.node('code_block', { language: 'md' }, [schema.text('```\ninner\n```')]));
    const text = toMarkdown(source);
    expect(text.startsWith('````md\n')).toBe(true);
    expect(fromMarkdown(text).doc.eq(source)).toBe(true);
  });
});
