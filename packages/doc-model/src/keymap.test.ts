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
      expect(state?.doc.firstChild?.type.name).toBe('heading');
      expect(state?.doc.firstChild?.attrs['level']).toBe(level);
    }
    const heading = doc(schema.node('heading', { level: 2 }, [text('title')]));
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
});
