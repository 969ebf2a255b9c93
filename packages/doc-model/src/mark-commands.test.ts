import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import {
  removeLink,
  setHighlight,
  setLink,
  setTextColor,
  toggleBold,
  toggleCode,
  toggleItalic,
  toggleStrikethrough,
  toggleSubscript,
  toggleSuperscript,
  toggleUnderline,
} from './mark-commands.js';
import { run, select } from './command.test-support.js';
import { schema } from './schema.js';

type Child = ProseMirrorNode | string;
const kids = (children: Child[]): ProseMirrorNode[] =>
  children.map((child) => (typeof child === 'string' ? schema.text(child) : child));
const doc = (...c: Child[]) => schema.node('doc', null, kids(c));
const p = (...c: Child[]) => schema.node('paragraph', null, kids(c));
const b = (text: string) => schema.text(text, [schema.marks.bold.create()]);
const mark = (name: string, attrs: Record<string, unknown> | null = null) => schema.marks[name as 'bold']!.create(attrs);
const marked = (text: string, ...marks: ReturnType<typeof mark>[]) => schema.text(text, marks);

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

describe('the other mark toggles', () => {
  it('toggle underline, strikethrough, inline code and back', () => {
    const cases: Array<[Command, string]> = [
      [toggleUnderline, 'underline'],
      [toggleStrikethrough, 'strikethrough'],
      [toggleCode, 'code'],
    ];
    for (const [command, name] of cases) {
      const on = run(select(doc(p('one two')), 'two', 'two'), command);
      expect(on.doc.eq(doc(p('one ', marked('two', mark(name)))))).toBe(true);
      expect(run(on, command).doc.eq(doc(p('one two')))).toBe(true);
    }
  });

  it('make superscript replace subscript and the other way round', () => {
    const sup = run(select(doc(p('x2')), '2', '2'), toggleSuperscript);
    expect(sup.doc.eq(doc(p('x', marked('2', mark('superscript')))))).toBe(true);
    const sub = run(sup, toggleSubscript);
    expect(sub.doc.eq(doc(p('x', marked('2', mark('subscript')))))).toBe(true);
  });

  it('make superscript replace subscript for the text typed next', () => {
    const sub = run(select(doc(p('x')), 'x'), toggleSubscript);
    const sup = run(sub, toggleSuperscript);
    expect(sup.storedMarks?.map((stored) => stored.type.name)).toEqual(['superscript']);
  });

  it('remove one of superscript and subscript from text that concurrent edits gave both', () => {
    const both = doc(p('x', marked('2', mark('superscript'), mark('subscript'))));
    const sup = run(select(both, '2', '2'), toggleSubscript);
    expect(sup.doc.eq(doc(p('x', marked('2', mark('superscript')))))).toBe(true);
  });

  it('are not applicable inside a code block', () => {
    const code = doc(schema.node('code_block', null, [schema.text('let x')]));
    expect(toggleBold(EditorState.create({ doc: code, selection: TextSelection.create(code, 1, 4) }))).toBe(false);
    expect(setTextColor('#ff0000')(EditorState.create({ doc: code, selection: TextSelection.create(code, 2) }))).toBe(false);
  });
});

describe('setTextColor and setHighlight', () => {
  it('colour the selection and replace an earlier colour', () => {
    const red = run(select(doc(p('one two')), 'two', 'two'), setTextColor('#FF0000'));
    expect(red.doc.eq(doc(p('one ', marked('two', mark('text_color', { color: '#ff0000' })))))).toBe(true);
    const blue = run(red, setTextColor('#0000ff'));
    expect(blue.doc.eq(doc(p('one ', marked('two', mark('text_color', { color: '#0000ff' })))))).toBe(true);
    expect(run(blue, setTextColor(null)).doc.eq(doc(p('one two')))).toBe(true);
  });

  it('set the colour for the text typed next at a collapsed cursor', () => {
    const state = run(select(doc(p('one')), 'ne'), setHighlight('#ffff00'));
    expect(state.storedMarks?.map((m) => [m.type.name, m.attrs['color']])).toEqual([['highlight', '#ffff00']]);
  });

  it('keep text colour and highlight independent', () => {
    const coloured = run(select(doc(p('word')), 'word', 'word'), setTextColor('#00ff00'));
    const both = run(coloured, setHighlight('#ffff00'));
    expect(both.doc.firstChild!.firstChild!.marks.map((m) => m.type.name).sort()).toEqual(['highlight', 'text_color']);
  });

  it('throw a RangeError for colours that are not #rrggbb', () => {
    for (const color of ['red', '#fff', 'rgb(1,2,3)', '#12345g', 'expression(alert(1))']) {
      expect(() => setTextColor(color)).toThrow(RangeError);
      expect(() => setHighlight(color)).toThrow(RangeError);
    }
  });
});

describe('setLink and removeLink', () => {
  const link = (href: string, title: string | null = null) => mark('link', { href, title });

  it('links the selected text', () => {
    const state = run(select(doc(p('see the docs')), 'docs', 'docs'), setLink('https://example.org/docs', 'Docs'));
    expect(state.doc.eq(doc(p('see the ', marked('docs', link('https://example.org/docs', 'Docs')))))).toBe(true);
  });

  it('changes the target of the link around a collapsed cursor', () => {
    const start = doc(p('see ', marked('docs', link('https://old.example')), ' now'));
    const state = run(select(start, 'ocs'), setLink('https://new.example'));
    expect(state.doc.eq(doc(p('see ', marked('docs', link('https://new.example')), ' now')))).toBe(true);
  });

  it('inserts the address as linked text at a cursor outside links', () => {
    const state = run(select(doc(p('mail: ')), ': '), setLink('mailto:info@example.org'));
    expect(state.doc.textContent).toBe('mailinfo@example.org: ');
    expect(state.doc.firstChild!.child(1).marks[0]?.attrs['href']).toBe('mailto:info@example.org');
  });

  it('throws a RangeError for schemes other than http, https and mailto, and for relative links', () => {
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>', 'ftp://x', '/path', 'www.example.org', 'https:evil']) {
      expect(() => setLink(href)).toThrow(RangeError);
    }
  });

  it('removes the whole link around the cursor, or the links in a selection', () => {
    const start = doc(p('see ', marked('docs', link('https://example.org')), ' now'));
    expect(run(select(start, 'ocs'), removeLink).doc.eq(doc(p('see docs now')))).toBe(true);
    expect(run(select(start, 'see', 'now'), removeLink).doc.eq(doc(p('see docs now')))).toBe(true);
  });

  it('is not applicable without a link', () => {
    expect(removeLink(select(doc(p('plain')), 'lain'))).toBe(false);
    expect(removeLink(select(doc(p('plain')), 'plain', 'plain'))).toBe(false);
  });
});
