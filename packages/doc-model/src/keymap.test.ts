import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { buildKeymap } from './keymap.js';
import { schema } from './schema.js';

const keys = buildKeymap(schema);
const text = (value: string) => schema.text(value);
const p = (value = '') => schema.node('paragraph', null, value ? [text(value)] : []);
const li = (...blocks: ProseMirrorNode[]) => schema.node('list_item', null, blocks);
const ul = (...items: ProseMirrorNode[]) => schema.node('bullet_list', null, items);
const doc = (...blocks: ProseMirrorNode[]) => schema.node('doc', null, blocks);

/** Presses `key` with the cursor (or selection) at the given positions. */
function press(start: ProseMirrorNode, key: string, anchor: number, head = anchor): EditorState | null {
  const command = keys[key];
  if (!command) throw new Error(`no binding for ${key}`);
  const state = EditorState.create({ doc: start, selection: TextSelection.create(start, anchor, head) });
  let next: EditorState | null = null;
  command(state, (tr) => {
    next = state.apply(tr);
  });
  return next;
}

describe('buildKeymap', () => {
  it('binds Mod-b and Mod-i to bold and italic', () => {
    const bold = press(doc(p('word')), 'Mod-b', 1, 5);
    expect(bold?.doc.eq(doc(schema.node('paragraph', null, [schema.text('word', [schema.marks.bold.create()])])))).toBe(
      true,
    );
    const italic = press(doc(p('word')), 'Mod-i', 1, 5);
    expect(italic?.doc.firstChild?.firstChild?.marks.map((mark) => mark.type.name)).toEqual(['italic']);
  });

  it('binds Ctrl-Alt-1 to Ctrl-Alt-6 to headings and Ctrl-Alt-0 to paragraph', () => {
    for (let level = 1; level <= 6; level++) {
      const state = press(doc(p('title')), `Ctrl-Alt-${level}`, 2);
      expect(state?.doc.firstChild?.type.name).toBe('paragraph');
      expect(state?.doc.firstChild?.attrs['level']).toBe(level);
    }
    const heading = doc(schema.node('paragraph', { level: 2 }, [text('title')]));
    expect(press(heading, 'Ctrl-Alt-0', 2)?.doc.eq(doc(p('title')))).toBe(true);
  });

  it('splits list items on Enter and leaves Enter outside lists to the base keymap', () => {
    const start = doc(ul(li(p('onetwo'))));
    expect(press(start, 'Enter', 6)?.doc.eq(doc(ul(li(p('one')), li(p('two')))))).toBe(true);
    expect(press(doc(p('plain')), 'Enter', 3)).toBeNull();
  });

  it('nests a list item on Tab and lifts it on Shift-Tab', () => {
    const start = doc(ul(li(p('one')), li(p('two'))));
    // Cursor inside "two": doc > ul > li > p, after "t".
    const nested = press(start, 'Tab', 11);
    expect(nested?.doc.eq(doc(ul(li(p('one'), ul(li(p('two')))))))).toBe(true);
    const lifted = press(nested!.doc, 'Shift-Tab', nested!.selection.from);
    expect(lifted?.doc.eq(start)).toBe(true);
  });

  it('inserts a line break on Shift-Enter', () => {
    const state = press(doc(p('ab')), 'Shift-Enter', 2);
    expect(state?.doc.firstChild?.childCount).toBe(3);
    expect(state?.doc.firstChild?.child(1).type.name).toBe('hard_break');
  });

  it('does not bind undo or redo', () => {
    expect(Object.keys(keys).filter((key) => /-(z|y|Z|Y)$/.test(key))).toEqual([]);
  });

  it('binds the other mark shortcuts', () => {
    const cases: Array<[string, string]> = [
      ['Mod-u', 'underline'],
      ['Mod-Shift-x', 'strikethrough'],
      ['Mod-.', 'superscript'],
      ['Mod-,', 'subscript'],
      ['Mod-e', 'code'],
    ];
    for (const [key, mark] of cases) {
      const state = press(doc(p('word')), key, 1, 5);
      expect(state?.doc.firstChild?.firstChild?.marks.map((m) => m.type.name)).toEqual([mark]);
    }
  });

  it('calls the link callback on Mod-k and leaves Mod-k unbound without one', () => {
    expect(keys['Mod-k']).toBeUndefined();
    const calls: string[] = [];
    const withLink = buildKeymap(schema, {
      onLink: (state) => {
        calls.push(state.doc.textBetween(state.selection.from, state.selection.to));
        return true;
      },
    });
    const start = doc(p('word'));
    const state = EditorState.create({ doc: start, selection: TextSelection.create(start, 1, 5) });
    expect(withLink['Mod-k']!(state)).toBe(true);
    expect(calls).toEqual(['word']);
  });

  it('aligns with Mod-Shift-L, E, R and J', () => {
    const cases: Array<[string, string | null]> = [
      ['Mod-Shift-e', 'center'],
      ['Mod-Shift-r', 'right'],
      ['Mod-Shift-j', 'justify'],
      ['Mod-Shift-l', null],
    ];
    for (const [key, align] of cases) {
      expect(press(doc(p('text')), key, 2)?.doc.firstChild?.attrs['align']).toBe(align);
    }
  });

  it('toggles task lists, blockquotes and code blocks', () => {
    expect(press(doc(p('x')), 'Mod-Shift-9', 1)?.doc.firstChild?.type.name).toBe('task_list');
    expect(press(doc(p('x')), 'Mod-Shift-b', 1)?.doc.firstChild?.type.name).toBe('blockquote');
    expect(press(doc(p('x')), 'Mod-Alt-c', 1)?.doc.firstChild?.type.name).toBe('code_block');
  });

  it('moves between table cells on Tab and Shift-Tab', () => {
    const cell = (value: string) => schema.node('table_cell', null, [p(value)]);
    const table = schema.node('table', null, [schema.node('table_row', null, [cell('a'), cell('b')])]);
    const start = doc(table);
    // table > row > cell > paragraph: "a" starts at 4, "b" at 9.
    const next = press(start, 'Tab', 4);
    expect(next?.selection.$from.parent.textContent).toBe('b');
    const back = press(next!.doc, 'Shift-Tab', next!.selection.from);
    expect(back?.selection.$from.parent.textContent).toBe('a');
    expect(press(doc(p('x')), 'Tab', 1)).toBeNull();
  });

  it('inserts a page break on Mod-Enter and leaves a code block with it', () => {
    expect(press(doc(p('ab')), 'Mod-Enter', 2)?.doc.child(1).type.name).toBe('page_break');
    const code = doc(schema.node('code_block', null, [text('x')]));
    const left = press(code, 'Mod-Enter', 2);
    expect(left?.doc.childCount).toBe(2);
    expect(left?.doc.child(1).type.name).toBe('paragraph');
  });

  it('indents paragraphs on Mod-] and outdents them on Mod-[', () => {
    const indented = press(doc(p('x')), 'Mod-]', 1);
    expect(indented?.doc.firstChild?.attrs['indent']).toBe(1);
    expect(press(indented!.doc, 'Mod-[', 1)?.doc.firstChild?.attrs['indent']).toBe(0);
  });
});
