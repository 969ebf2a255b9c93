import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, NodeSelection, TextSelection } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { AttrStep } from 'prosemirror-transform';
import { splitBlock } from 'prosemirror-commands';
import { describe, expect, it } from 'vitest';
import {
  decreaseIndent,
  increaseIndent,
  indentBlock,
  insertHardBreak,
  insertHorizontalRule,
  insertImage,
  insertPageBreak,
  outdentBlock,
  setAlignment,
  setCodeBlockLanguage,
  setHeading,
  setParagraph,
  toggleBlockquote,
  toggleCodeBlock,
} from './block-commands.js';
import { MAX_IMAGE_BYTES } from './image-source.js';
import { run, select } from './command.test-support.js';
import { schema } from './schema.js';

type Child = ProseMirrorNode | string;
const kids = (children: Child[]): ProseMirrorNode[] =>
  children.map((child) => (typeof child === 'string' ? schema.text(child) : child));
const doc = (...c: Child[]) => schema.node('doc', null, kids(c));
const p = (...c: Child[]) => schema.node('paragraph', null, kids(c));
const h = (level: number, ...c: Child[]) => schema.node('paragraph', { level }, kids(c));
const ul = (...c: Child[]) => schema.node('bullet_list', null, kids(c));
const li = (...c: Child[]) => schema.node('list_item', null, kids(c));
const b = (text: string) => schema.text(text, [schema.marks.bold.create()]);

const para = (attrs: Record<string, unknown>, ...c: Child[]) => schema.node('paragraph', attrs, kids(c));
const quote = (...c: Child[]) => schema.node('blockquote', null, kids(c));
const code = (text: string, language: string | null = null) =>
  schema.node('code_block', { language }, text ? [schema.text(text)] : []);
const hr = () => schema.node('horizontal_rule');
const pageBreak = () => schema.node('page_break');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const at0 = (d: ProseMirrorNode, pos: number) => EditorState.create({ doc: d, selection: TextSelection.create(d, pos) });

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
    expect(setHeading(2)(select(doc(h(2, 'text')), 'ext'))).toBe(false);
  });

  it('changes only the level attribute, keeping alignment and indentation', () => {
    const start = select(doc(para({ align: 'center', indent: 2 }, 'title')), 'itle');
    let dispatched: Transaction | undefined;
    setHeading(1)(start, (tr) => {
      dispatched = tr;
    });
    // One attribute step: in the shared document the same element keeps its text (see schema.ts).
    expect(dispatched?.steps.map((step) => step.constructor)).toEqual([AttrStep]);
    const heading = start.apply(dispatched!);
    expect(heading.doc.eq(doc(para({ level: 1, align: 'center', indent: 2 }, 'title')))).toBe(true);
    const body = run(heading, setParagraph);
    expect(body.doc.eq(doc(para({ align: 'center', indent: 2 }, 'title')))).toBe(true);
  });

  it('sets the level of every textblock in the selection, in lists too', () => {
    const state = run(select(doc(p('one'), h(3, 'two'), ul(li(p('three')))), 'ne', 'thr'), setHeading(2));
    expect(state.doc.eq(doc(h(2, 'one'), h(2, 'two'), ul(li(h(2, 'three')))))).toBe(true);
  });

  it('turns a code block into a heading, with its line breaks', () => {
    const state = run(select(doc(code('a\nb')), 'a'), setHeading(4));
    expect(state.doc.eq(doc(h(4, 'a', schema.node('hard_break'), 'b')))).toBe(true);
  });

  it('continues a heading with body text after Enter at its end, and keeps both halves headings when split inside', () => {
    const atEnd = run(at0(doc(h(2, 'title')), 6), splitBlock);
    expect(atEnd.doc.eq(doc(h(2, 'title'), p()))).toBe(true);
    const inside = run(at0(doc(h(2, 'title')), 3), splitBlock);
    expect(inside.doc.eq(doc(h(2, 'ti'), h(2, 'tle')))).toBe(true);
  });

  it('turns the heading nodes of older documents into paragraphs with a level, keeping their attributes', () => {
    const legacy = schema.node('heading', { level: 2, align: 'right', indent: 1 }, [schema.text('old')]);
    const heading = run(select(doc(legacy), 'ld'), setHeading(2));
    expect(heading.doc.eq(doc(para({ level: 2, align: 'right', indent: 1 }, 'old')))).toBe(true);
    const body = run(select(doc(legacy), 'ld'), setParagraph);
    expect(body.doc.eq(doc(para({ align: 'right', indent: 1 }, 'old')))).toBe(true);
  });
});

describe('setAlignment', () => {
  it('aligns the paragraphs and headings in the selection', () => {
    const state = run(select(doc(h(1, 'title'), p('body')), 'title', 'body'), setAlignment('center'));
    expect(state.doc.eq(doc(para({ level: 1, align: 'center' }, 'title'), para({ align: 'center' }, 'body')))).toBe(true);
  });

  it('stores left, the default, as null', () => {
    const state = run(select(doc(para({ align: 'right' }, 'text')), 'ext'), setAlignment('left'));
    expect(state.doc.firstChild?.attrs['align']).toBeNull();
  });

  it('throws a RangeError for unknown alignments and is not applicable to code blocks', () => {
    expect(() => setAlignment('middle' as 'center')).toThrow(RangeError);
    expect(setAlignment('center')(at0(doc(code('x')), 1))).toBe(false);
  });
});

describe('paragraph indentation', () => {
  it('indents and outdents one step at a time between 0 and 8', () => {
    let state = select(doc(p('text')), 'ext');
    for (let step = 1; step <= 8; step++) {
      state = run(state, indentBlock);
      expect(state.doc.firstChild?.attrs['indent']).toBe(step);
    }
    expect(indentBlock(state)).toBe(false);
    state = run(state, outdentBlock);
    expect(state.doc.firstChild?.attrs['indent']).toBe(7);
    expect(outdentBlock(select(doc(p('flat')), 'lat'))).toBe(false);
  });

  it('leaves paragraphs in lists to list nesting', () => {
    expect(indentBlock(select(doc(ul(li(p('item')))), 'tem'))).toBe(false);
  });

  it('nests list items or indents paragraphs through increaseIndent and decreaseIndent', () => {
    const list = run(select(doc(ul(li(p('one')), li(p('two')))), 'two'), increaseIndent);
    expect(list.doc.eq(doc(ul(li(p('one'), ul(li(p('two')))))))).toBe(true);
    const paragraph = run(select(doc(p('text')), 'ext'), increaseIndent);
    expect(paragraph.doc.firstChild?.attrs['indent']).toBe(1);
    expect(run(paragraph, decreaseIndent).doc.firstChild?.attrs['indent']).toBe(0);
  });
});

describe('toggleBlockquote', () => {
  it('wraps the selected blocks in a blockquote and lifts them out again', () => {
    const quoted = run(select(doc(p('one'), p('two')), 'one', 'two'), toggleBlockquote);
    expect(quoted.doc.eq(doc(quote(p('one'), p('two'))))).toBe(true);
    expect(run(quoted, toggleBlockquote).doc.eq(doc(p('one'), p('two')))).toBe(true);
  });
});

describe('toggleCodeBlock and setCodeBlockLanguage', () => {
  it('turns a paragraph into a code block, line breaks into newlines and marks away, and back', () => {
    const start = doc(p(b('let'), ' a', schema.node('hard_break'), 'a++'));
    const state = run(select(start, 'let'), toggleCodeBlock('js'));
    expect(state.doc.eq(doc(code('let a\na++', 'js')))).toBe(true);
    const back = run(state, toggleCodeBlock());
    expect(back.doc.firstChild?.type.name).toBe('paragraph');
    expect(back.doc.eq(doc(p('let a', schema.node('hard_break'), 'a++')))).toBe(true);
  });

  it('sets the language and rejects names that are not plain', () => {
    const state = run(at0(doc(code('x')), 1), setCodeBlockLanguage('python'));
    expect(state.doc.firstChild?.attrs['language']).toBe('python');
    expect(() => toggleCodeBlock('js"><script>')).toThrow(RangeError);
    expect(() => setCodeBlockLanguage('a b')).toThrow(RangeError);
    expect(setCodeBlockLanguage('js')(select(doc(p('x')), 'x'))).toBe(false);
  });
});

describe('inserting blocks', () => {
  it('splits the paragraph for a horizontal rule and puts the cursor after it', () => {
    const state = run(select(doc(p('onetwo')), 'two'), insertHorizontalRule);
    expect(state.doc.eq(doc(p('one'), hr(), p('two')))).toBe(true);
    expect(state.selection.$from.parent.textContent).toBe('two');
  });

  it('adds a paragraph after a page break at the end of the document', () => {
    const start = doc(p('end'));
    const state = run(at0(start, 4), insertPageBreak);
    expect(state.doc.eq(doc(p('end'), pageBreak(), p()))).toBe(true);
    expect(state.selection.$from.parent.type.name).toBe('paragraph');
    expect(state.selection.from).toBe(state.doc.content.size - 1);
  });

  it('refuses a page break inside a table', () => {
    const cell = schema.node('table_cell', null, [p('x')]);
    const table = schema.node('table', null, [schema.node('table_row', null, [cell])]);
    expect(insertPageBreak(at0(doc(table), 4))).toBe(false);
    expect(insertHorizontalRule(at0(doc(table), 4))).toBe(true);
  });

  it('inserts a line break', () => {
    const state = run(select(doc(p('ab')), 'b'), insertHardBreak);
    expect(state.doc.eq(doc(p('a', schema.node('hard_break'), 'b')))).toBe(true);
  });
});

describe('insertImage', () => {
  it('inserts an image with alt text at the cursor', () => {
    const state = run(select(doc(p('ab')), 'b'), insertImage({ src: PNG, alt: 'dot', width: 40 }));
    const image = state.doc.firstChild!.child(1);
    expect(image.type.name).toBe('image');
    expect(image.attrs).toEqual({ src: PNG, alt: 'dot', title: null, width: 40 });
  });

  it('accepts http(s) images and replaces a selected image', () => {
    const start = doc(p(schema.node('image', { src: PNG })));
    const selected = EditorState.create({ doc: start, selection: NodeSelection.create(start, 1) });
    const state = run(selected, insertImage({ src: 'https://example.org/a.png' }));
    expect(state.doc.firstChild!.childCount).toBe(1);
    expect(state.doc.firstChild!.firstChild!.attrs['src']).toBe('https://example.org/a.png');
  });

  it('throws a RangeError for sources that are not allowed, images over the cap and bad widths', () => {
    for (const src of ['javascript:alert(1)', 'data:image/svg+xml;base64,PHN2Zz4=', 'file:///C:/a.png', 'a.png']) {
      expect(() => insertImage({ src })).toThrow(RangeError);
    }
    const big = `data:image/png;base64,${'A'.repeat(Math.ceil((MAX_IMAGE_BYTES + 3) / 3) * 4)}`;
    expect(() => insertImage({ src: big })).toThrow(/MAX_IMAGE_BYTES/);
    expect(() => insertImage({ src: PNG, width: -1 })).toThrow(RangeError);
  });

  it('is not applicable in a code block', () => {
    expect(insertImage({ src: PNG })(at0(doc(code('x')), 1))).toBe(false);
  });
});
