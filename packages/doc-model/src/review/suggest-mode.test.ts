import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { Fragment, Slice } from 'prosemirror-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { ySyncPluginKey } from 'y-prosemirror';
import { schema } from '../schema.js';
import { isSuggestMode, setSuggestMode, suggestBackspace, suggestDelete, suggestModePlugin } from './suggest-mode.js';
import type { SuggestionAuthor } from './suggest-mode.js';
import { acceptAllSuggestions, acceptSuggestion, listSuggestions, rejectAllSuggestions, rejectSuggestion } from './suggestions.js';

const ada: SuggestionAuthor = { id: 'u-ada', name: 'Ada', color: '#aa3377' };
const bob: SuggestionAuthor = { id: 'u-bob', name: 'Bob', color: '#228833' };

/** A user's editor state over `doc`, with suggest mode installed (and on unless told otherwise). */
function editor(doc: ProseMirrorNode, user: SuggestionAuthor, on = true): EditorState {
  let counter = 0;
  const plugin = suggestModePlugin({ user: () => user, now: () => 1_000, newId: () => `${user.id}-${++counter}` });
  let state = EditorState.create({ doc, plugins: [plugin] });
  if (on) state = state.apply(state.tr.setMeta(plugin.spec.key!, { enabled: true }));
  return state;
}

function paragraphs(...texts: string[]): ProseMirrorNode {
  return schema.node('doc', null, texts.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : [])));
}

function cursorAt(state: EditorState, pos: number, head = pos): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos, head)));
}

/** The keys as the element binds them: suggest mode's own, then ProseMirror's base keymap. */
const backspace = chainCommands(suggestBackspace, baseKeymap['Backspace']!);
const del = chainCommands(suggestDelete, baseKeymap['Delete']!);

function run(state: EditorState, command: Command): EditorState {
  let next = state;
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
  return next;
}

/** Typing as prosemirror-view's handleTextInput does: insert text over the selection. */
const type = (text: string): Command => (state, dispatch) => {
  dispatch?.(state.tr.insertText(text));
  return true;
};

function typeEach(state: EditorState, text: string): EditorState {
  for (const char of text) state = run(state, type(char));
  return state;
}

/** The text of a document with suggestions spelled out: [+inserted] and [-deleted]. */
function shown(doc: ProseMirrorNode): string {
  const blocks: string[] = [];
  doc.forEach((block) => {
    let text = '';
    block.forEach((node) => {
      const content = node.text ?? '';
      const inserted = node.marks.some((mark) => mark.type.name === 'insertion');
      const deleted = node.marks.some((mark) => mark.type.name === 'deletion');
      text += inserted && deleted ? `[+-${content}]` : inserted ? `[+${content}]` : deleted ? `[-${content}]` : content;
    });
    blocks.push(text);
  });
  return blocks.join('|');
}

describe('suggest mode', () => {
  it('is off until turned on, and then plain edits stay plain', () => {
    let state = editor(paragraphs('hello'), ada, false);
    expect(isSuggestMode(state)).toBe(false);
    state = run(cursorAt(state, 6), type('!'));
    expect(shown(state.doc)).toBe('hello!');
    state = run(state, setSuggestMode(true));
    expect(isSuggestMode(state)).toBe(true);
    state = run(state, type('?'));
    expect(shown(state.doc)).toBe('hello![+?]');
  });

  it('marks typed text as this user\'s insertion, one suggestion for a word typed letter by letter', () => {
    let state = cursorAt(editor(paragraphs('hello world'), ada), 6);
    state = typeEach(state, ' big');
    expect(shown(state.doc)).toBe('hello[+ big] world');
    expect(state.selection.head).toBe(10);
    const suggestions = listSuggestions(state.doc);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ kind: 'insertion', insertedText: ' big', authorId: 'u-ada', authorName: 'Ada', color: '#aa3377', time: 1_000 });
  });

  it('Backspace marks the character before for deletion, moves the cursor before it and keeps going', () => {
    let state = cursorAt(editor(paragraphs('hello world'), ada), 12);
    state = run(state, backspace);
    expect(shown(state.doc)).toBe('hello worl[-d]');
    expect(state.selection.head).toBe(11);
    state = run(state, backspace);
    state = run(state, backspace);
    expect(shown(state.doc)).toBe('hello wo[-rld]');
    expect(state.selection.head).toBe(9);
    expect(listSuggestions(state.doc)).toMatchObject([{ kind: 'deletion', deletedText: 'rld' }]);
  });

  it('Backspace steps over text already marked for deletion', () => {
    let state = cursorAt(editor(paragraphs('abcdef'), ada), 7);
    state = run(state, backspace);
    state = run(state, backspace);
    // The cursor is put back after the marked text, as a click would.
    state = cursorAt(state, 7);
    state = run(state, backspace);
    expect(shown(state.doc)).toBe('abc[-def]');
    expect(state.selection.head).toBe(4);
  });

  it('Delete marks the character after and moves the cursor past it', () => {
    let state = cursorAt(editor(paragraphs('hello world'), ada), 1);
    state = run(state, del);
    state = run(state, del);
    expect(shown(state.doc)).toBe('[-he]llo world');
    expect(state.selection.head).toBe(3);
    // Delete again right before marked text skips it.
    state = cursorAt(state, 1);
    state = run(state, del);
    expect(shown(state.doc)).toBe('[-hel]lo world');
  });

  it('really removes this user\'s own suggested insertion, but only marks another user\'s', () => {
    let state = cursorAt(editor(paragraphs('ab'), ada), 2);
    state = typeEach(state, 'XYZ');
    state = run(state, backspace);
    expect(shown(state.doc)).toBe('a[+XY]b');
    // Bob deletes Ada's suggestion: it becomes both an insertion and a deletion.
    let bobs = editor(state.doc, bob);
    bobs = cursorAt(bobs, 2, 4);
    bobs = run(bobs, backspace);
    expect(shown(bobs.doc)).toBe('a[+-XY]b');
    expect(listSuggestions(bobs.doc).map((suggestion) => suggestion.authorId).sort()).toEqual(['u-ada', 'u-bob']);
  });

  it('typing over a selection is one replacement: the old text marked, the new text after it', () => {
    let state = cursorAt(editor(paragraphs('the red car'), ada), 5, 8);
    state = typeEach(state, 'blue');
    expect(shown(state.doc)).toBe('the [-red][+blue] car');
    expect(state.selection.head).toBe(12);
    const [replacement, ...rest] = listSuggestions(state.doc);
    expect(rest).toEqual([]);
    expect(replacement).toMatchObject({ kind: 'replacement', deletedText: 'red', insertedText: 'blue' });
  });

  it('deleting a selection across paragraphs marks the text and keeps both paragraphs', () => {
    let state = cursorAt(editor(paragraphs('first line', 'second line'), ada), 7, 20);
    state = run(state, backspace);
    expect(shown(state.doc)).toBe('first [-line]|[-second ]line');
    expect(state.selection.head).toBe(7);
  });

  it('marks pasted paragraphs as inserted and loses none of the text around them', () => {
    let state = cursorAt(editor(paragraphs('before after'), ada), 8);
    const pasted = new Slice(Fragment.from([schema.node('paragraph', null, [schema.text('one')]), schema.node('paragraph', null, [schema.text('two')])]), 1, 1);
    state = run(state, (s, dispatch) => {
      dispatch?.(s.tr.replaceSelection(pasted));
      return true;
    });
    expect(shown(state.doc)).toBe('before [+one]|[+two]after');
    expect(listSuggestions(state.doc)).toMatchObject([{ kind: 'insertion', insertedText: 'onetwo' }]);
  });

  it('Enter splits the paragraph as a plain edit and loses no text; Backspace at a block start joins', () => {
    let state = cursorAt(editor(paragraphs('hello world'), ada), 6);
    state = run(state, baseKeymap['Enter']!);
    expect(shown(state.doc)).toBe('hello| world');
    state = run(state, backspace);
    expect(shown(state.doc)).toBe('hello world');
  });

  it('leaves remote changes and undo alone', () => {
    let state = cursorAt(editor(paragraphs('abc'), ada), 4);
    state = state.apply(state.tr.insertText('remote', 1).setMeta(ySyncPluginKey, { isChangeOrigin: true }));
    expect(shown(state.doc)).toBe('remoteabc');
  });
});

describe('accepting and rejecting suggestions', () => {
  function suggested(): EditorState {
    let state = cursorAt(editor(paragraphs('the red car is fast'), ada), 5, 8);
    state = typeEach(state, 'blue');
    state = cursorAt(state, state.doc.content.size - 1);
    state = typeEach(state, '!');
    state = cursorAt(state, state.doc.textContent.indexOf('fast') + 1);
    for (let i = 0; i < 3; i++) state = run(state, backspace);
    return state;
  }

  it('sets up three suggestions', () => {
    expect(shown(suggested().doc)).toBe('the [-red][+blue] car [-is ]fast[+!]');
    expect(listSuggestions(suggested().doc).map((suggestion) => suggestion.kind)).toEqual(['replacement', 'deletion', 'insertion']);
  });

  it('accepting one keeps what it proposes, rejecting one restores what was there', () => {
    const state = suggested();
    const [replace, remove, add] = listSuggestions(state.doc);
    expect(shown(run(state, acceptSuggestion(replace!.id)).doc)).toBe('the blue car [-is ]fast[+!]');
    expect(shown(run(state, rejectSuggestion(replace!.id)).doc)).toBe('the red car [-is ]fast[+!]');
    expect(shown(run(state, acceptSuggestion(remove!.id)).doc)).toBe('the [-red][+blue] car fast[+!]');
    expect(shown(run(state, rejectSuggestion(remove!.id)).doc)).toBe('the [-red][+blue] car is fast[+!]');
    expect(shown(run(state, acceptSuggestion(add!.id)).doc)).toBe('the [-red][+blue] car [-is ]fast!');
    expect(shown(run(state, rejectSuggestion(add!.id)).doc)).toBe('the [-red][+blue] car [-is ]fast');
  });

  it('accepts or rejects all in one transaction', () => {
    const state = suggested();
    let transactions = 0;
    const count: Command = (s, dispatch) => acceptAllSuggestions(s, (tr) => { transactions++; dispatch?.(tr); });
    expect(shown(run(state, count).doc)).toBe('the blue car fast!');
    expect(transactions).toBe(1);
    expect(shown(run(state, rejectAllSuggestions).doc)).toBe('the red car is fast');
  });

  it('is not itself turned into a suggestion in suggest mode, and reports when there is nothing to do', () => {
    const state = suggested();
    const accepted = run(state, acceptAllSuggestions);
    expect(listSuggestions(accepted.doc)).toEqual([]);
    expect(acceptSuggestion('no-such-id')(state)).toBe(false);
    expect(rejectAllSuggestions(accepted)).toBe(false);
    expect(() => acceptSuggestion('')).toThrow(TypeError);
  });
});

describe('suggested formatting', () => {
  const bold = schema.marks['bold']!;
  const italic = schema.marks['italic']!;
  const color = schema.marks['text_color']!;

  /** The document's text with formatting spelled out: *bold*, _italic_, {format suggestion}. */
  function formatted(doc: ProseMirrorNode): string {
    let text = '';
    doc.descendants((node) => {
      if (!node.isText) return true;
      let piece = node.text ?? '';
      if (bold.isInSet(node.marks)) piece = `*${piece}*`;
      if (italic.isInSet(node.marks)) piece = `_${piece}_`;
      if (node.marks.some((mark) => mark.type.name === 'format_change')) piece = `{${piece}}`;
      text += piece;
      return false;
    });
    return text;
  }
  const toggle = (type: typeof bold, attrs?: Record<string, unknown>): Command => (state, dispatch) => {
    const { from, to } = state.selection;
    const has = state.doc.rangeHasMark(from, to, type);
    dispatch?.(has ? state.tr.removeMark(from, to, type) : state.tr.addMark(from, to, type.create(attrs)));
    return true;
  };

  it('applies the formatting and remembers what it was, as one suggestion with author and time', () => {
    const state = run(cursorAt(editor(paragraphs('the red car'), ada), 5, 8), toggle(bold));
    expect(formatted(state.doc)).toBe('the {*red*} car');
    const [suggestion] = listSuggestions(state.doc);
    expect(suggestion).toMatchObject({ kind: 'format', formattedText: 'red', authorId: 'u-ada', authorName: 'Ada', time: 1_000, format: { added: ['bold'], removed: [] } });
  });

  it('keeps the first formatting through further changes and drops the suggestion when it is back', () => {
    let state = run(cursorAt(editor(paragraphs('the red car'), ada), 5, 8), toggle(bold));
    state = run(state, toggle(italic));
    expect(formatted(state.doc)).toBe('the {_*red*_} car');
    expect(listSuggestions(state.doc)).toHaveLength(1);
    expect(listSuggestions(state.doc)[0]!.format).toEqual({ added: ['bold', 'italic'], removed: [] });
    state = run(run(state, toggle(italic)), toggle(bold));
    expect(formatted(state.doc)).toBe('the red car');
    expect(listSuggestions(state.doc)).toEqual([]);
  });

  it('rejecting restores each piece\'s own old formatting, accepting keeps the new one', () => {
    let base = editor(paragraphs('one two three'), ada, false);
    base = run(cursorAt(base, 1, 4), toggle(italic));
    base = run(cursorAt(base, 5, 8), toggle(color, { color: '#ff0000' }));
    let state = base.apply(base.tr.setMeta(base.plugins[0]!.spec.key!, { enabled: true }));
    state = run(cursorAt(state, 1, 14), toggle(bold));
    expect(formatted(state.doc)).toBe('{_*one*_}{* *}{*two*}{* three*}');
    const [suggestion] = listSuggestions(state.doc);
    expect(suggestion!.formattedText).toBe('one two three');
    const rejected = run(state, rejectSuggestion(suggestion!.id)).doc;
    expect(formatted(rejected)).toBe('_one_ two three');
    expect(rejected.eq(base.doc)).toBe(true);
    const accepted = run(state, acceptSuggestion(suggestion!.id)).doc;
    expect(formatted(accepted)).toBe('_*one*_* **two** three*'); // "two" is its own text node: it is red
    expect(listSuggestions(accepted)).toEqual([]);
  });

  it('formats the user\'s own suggested insertion directly, and another user\'s format suggestion keeps its original formatting', () => {
    let state = cursorAt(editor(paragraphs('ab'), ada), 2);
    state = typeEach(state, 'XY');
    state = run(cursorAt(state, 2, 4), toggle(bold));
    expect(listSuggestions(state.doc).map((s) => s.kind)).toEqual(['insertion']);

    let first = run(cursorAt(editor(paragraphs('plain'), ada), 1, 6), toggle(bold));
    const asBob = editor(first.doc, bob);
    const second = run(cursorAt(asBob, 1, 6), toggle(italic));
    const [suggestion] = listSuggestions(second.doc);
    expect(suggestion).toMatchObject({ authorId: 'u-bob', format: { added: ['bold', 'italic'], removed: [] } });
    first = run(second, rejectSuggestion(suggestion!.id));
    expect(formatted(first.doc)).toBe('plain');
  });

  it('marks only the ranges an edit formatted, not another user\'s suggestion between them', () => {
    const bobs = run(cursorAt(editor(paragraphs('one two three'), bob), 5, 8), toggle(italic));
    let state = editor(bobs.doc, ada);
    // One transaction that bolds "one" and "three" (as a command over several table cells does).
    state = run(state, (s, dispatch) => (dispatch?.(s.tr.addMark(1, 4, bold.create()).addMark(9, 14, bold.create())), true));
    expect(formatted(state.doc)).toBe('{*one*} {_two_} {*three*}');
    const authors = listSuggestions(state.doc).map((suggestion) => `${suggestion.authorName}:${suggestion.formattedText}`);
    expect(authors).toEqual(['Ada:onethree', 'Bob:two']);
  });

  it('leaves formatting alone outside suggest mode, and reads a broken before attribute as no formatting', () => {
    const off = run(cursorAt(editor(paragraphs('word'), ada, false), 1, 5), toggle(bold));
    expect(formatted(off.doc)).toBe('*word*');
    const broken = schema.marks['format_change']!.create({ id: 'x', before: '{not json' });
    const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('word', [bold.create(), broken])])]);
    const state = editor(doc, ada);
    expect(listSuggestions(doc)[0]!.format).toEqual({ added: ['bold'], removed: [] });
    expect(formatted(run(state, rejectSuggestion('x')).doc)).toBe('word');
  });
});
