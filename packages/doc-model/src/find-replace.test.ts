import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { findMatches, findNext, replaceAll, replaceNext } from './find-replace.js';
import { schema } from './schema.js';

type Child = ProseMirrorNode | string;
const kids = (children: Child[]) => children.map((c) => (typeof c === 'string' ? schema.text(c) : c));
const doc = (...c: Child[]) => schema.node('doc', null, kids(c));
const p = (...c: Child[]) => schema.node('paragraph', null, kids(c));
const bold = (text: string) => schema.text(text, [schema.marks.bold.create()]);
const texts = (d: ProseMirrorNode, ranges: Array<{ from: number; to: number }>) =>
  ranges.map(({ from, to }) => d.textBetween(from, to));

describe('findMatches', () => {
  it('finds every occurrence, ignoring case by default, including umlauts', () => {
    const d = doc(p('Äpfel und äpfel'), p('ÄPFEL'));
    expect(texts(d, findMatches(d, 'äpfel'))).toEqual(['Äpfel', 'äpfel', 'ÄPFEL']);
    expect(texts(d, findMatches(d, 'äpfel', { matchCase: true }))).toEqual(['äpfel']);
  });

  it('finds text across formatting within a paragraph, but not across paragraphs or line breaks', () => {
    const d = doc(p('Wort', bold('teil'), ' end'), p('ab'), p('cd'), p('a', schema.node('hard_break'), 'b'));
    const matches = findMatches(d, 'wortteil');
    expect(matches).toEqual([{ from: 1, to: 9 }]);
    expect(findMatches(d, 'bc')).toEqual([]);
    expect(texts(d, findMatches(d, 'ab'))).toEqual(['ab']);
  });

  it('matches whole words only when asked, treating hyphens as word boundaries', () => {
    const d = doc(p('Haus Hausbau Haus-Tür Rathaus haus.'));
    expect(findMatches(d, 'haus')).toHaveLength(5);
    expect(texts(d, findMatches(d, 'haus', { wholeWord: true }))).toEqual(['Haus', 'Haus', 'haus']);
    const umlaut = doc(p('Tür Türen'));
    expect(texts(umlaut, findMatches(umlaut, 'tür', { wholeWord: true }))).toEqual(['Tür']);
  });

  it('treats the query as text, not as a pattern', () => {
    const d = doc(p('1+1 (a) [b] a.b axb $x-y'));
    expect(texts(d, findMatches(d, '1+1'))).toEqual(['1+1']);
    expect(texts(d, findMatches(d, '(a)'))).toEqual(['(a)']);
    expect(texts(d, findMatches(d, 'a.b'))).toEqual(['a.b']);
    expect(texts(d, findMatches(d, '$x-y'))).toEqual(['$x-y']);
  });

  it('finds nothing for an empty query and rejects non-strings', () => {
    expect(findMatches(doc(p('x')), '')).toEqual([]);
    expect(() => findMatches(doc(p('x')), 5 as unknown as string)).toThrow(TypeError);
  });

  it('finds text in table cells and code blocks', () => {
    const cell = schema.node('table_cell', null, [p('needle')]);
    const d = doc(
      schema.node('table', null, [schema.node('table_row', null, [cell])]),
      schema.node('code_block', null, [schema.text('needle()')]),
    );
    expect(findMatches(d, 'needle')).toHaveLength(2);
  });
});

describe('replaceAll', () => {
  it('replaces every match in one transaction that undoes as one step', () => {
    const d = doc(p('eins ', bold('zwei'), ' eins'), p('EINS'));
    const state = EditorState.create({ doc: d });
    const tr = replaceAll(state, 'eins', 'drei')!;
    expect(tr.doc.textContent).toBe('drei zwei dreidrei');
    // Undo applies the inverted steps of this one transaction, last first.
    const inverted = tr.steps.map((step, index) => step.invert(tr.docs[index]!)).reverse();
    let undone = tr.doc;
    for (const step of inverted) undone = step.apply(undone).doc!;
    expect(undone.eq(d)).toBe(true);
  });

  it('keeps the formatting of the first replaced character', () => {
    const state = EditorState.create({ doc: doc(p('x ', bold('alt'), ' y')) });
    const next = state.apply(replaceAll(state, 'alt', 'neu')!);
    expect(next.doc.eq(doc(p('x ', bold('neu'), ' y')))).toBe(true);
  });

  it('deletes matches for an empty replacement and returns null without matches', () => {
    const state = EditorState.create({ doc: doc(p('a-b-c')) });
    expect(state.apply(replaceAll(state, '-', '')!).doc.textContent).toBe('abc');
    expect(replaceAll(state, 'zzz', 'y')).toBeNull();
  });

  it('respects match case and whole word', () => {
    const state = EditorState.create({ doc: doc(p('Rat Rathaus rat')) });
    expect(state.apply(replaceAll(state, 'rat', 'X', { wholeWord: true, matchCase: true })!).doc.textContent).toBe(
      'Rat Rathaus X',
    );
  });
});

describe('findNext and replaceNext', () => {
  const start = () => {
    const d = doc(p('one two one two one'));
    return EditorState.create({ doc: d, selection: TextSelection.create(d, 1) });
  };

  it('selects the next match and wraps around the end', () => {
    let state = start();
    const picked: string[] = [];
    for (let i = 0; i < 4; i++) {
      state = state.apply(findNext(state, 'one')!);
      picked.push(`${state.selection.from}`);
    }
    expect(picked).toEqual(['1', '9', '17', '1']);
    expect(state.apply(findNext(state, 'one', {}, true)!).selection.from).toBe(17);
    expect(findNext(state, 'zzz')).toBeNull();
  });

  it('first selects a match, then replaces it and selects the next', () => {
    let state = start();
    state = state.apply(replaceNext(state, 'two', '2')!);
    expect(state.doc.textContent).toBe('one two one two one');
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe('two');
    state = state.apply(replaceNext(state, 'two', '2')!);
    expect(state.doc.textContent).toBe('one 2 one two one');
    expect(state.selection.from).toBe(11);
    state = state.apply(replaceNext(state, 'two', '2')!);
    expect(state.doc.textContent).toBe('one 2 one 2 one');
    expect(state.selection.empty).toBe(true);
  });

  it('does not loop when the replacement contains the query', () => {
    let state = start();
    state = state.apply(replaceNext(state, 'one', 'one one')!);
    state = state.apply(replaceNext(state, 'one', 'one one')!);
    expect(state.doc.textContent).toBe('one one two one two one');
    // The next match after the inserted text, not the "one" inside it.
    expect(state.selection.from).toBe(13);
  });
});
