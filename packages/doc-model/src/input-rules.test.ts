import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Schema } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { buildInputRules } from './input-rules.js';
import { buildKeymap } from './keymap.js';
import { schema } from './schema.js';

const rules = buildInputRules(schema);
type FakeView = Parameters<NonNullable<typeof rules.props.handleTextInput>>[0];

/**
 * Types `text` character by character at the cursor, the way the editor view
 * offers each input to the input-rule plugin before inserting it itself.
 */
function type(state: EditorState, text: string): EditorState {
  const view = {
    state,
    composing: false,
    dispatch(tr: Transaction) {
      view.state = view.state.apply(tr);
    },
  };
  for (const char of text) {
    const { from, to } = view.state.selection;
    const insert = () => view.state.tr.insertText(char, from, to);
    const handled = rules.props.handleTextInput!.call(rules, view as unknown as FakeView, from, to, char, insert);
    if (!handled) view.dispatch(insert());
  }
  return view.state;
}

function emptyParagraph(): EditorState {
  const doc = schema.node('doc', null, [schema.node('paragraph')]);
  return EditorState.create({ doc, plugins: [rules], selection: TextSelection.create(doc, 1) });
}

const shape = (doc: ProseMirrorNode): unknown => doc.toJSON();
const PLAIN = { level: 0, align: null, indent: 0 };

describe('buildInputRules', () => {
  it('turns "# " to "###### " into headings of levels 1 to 6', () => {
    for (let level = 1; level <= 6; level++) {
      const state = type(emptyParagraph(), `${'#'.repeat(level)} Title`);
      expect(shape(state.doc)).toEqual({
        type: 'doc',
        content: [
          { type: 'paragraph', attrs: { level, align: null, indent: 0 }, content: [{ type: 'text', text: 'Title' }] },
        ],
      });
    }
  });

  it('keeps the alignment of the paragraph it makes a heading, and leaves headings alone for rules and task lists', () => {
    const centered = schema.node('doc', null, [schema.node('paragraph', { align: 'center', indent: 1 })]);
    const start = EditorState.create({ doc: centered, plugins: [rules], selection: TextSelection.create(centered, 1) });
    expect(type(start, '## T').doc.firstChild?.attrs).toEqual({ level: 2, align: 'center', indent: 1 });
    const inHeading = type(emptyParagraph(), '# ---');
    expect(inHeading.doc.childCount).toBe(1);
    expect(inHeading.doc.textContent).toBe('---');
    expect(type(emptyParagraph(), '# [ ] x').doc.firstChild?.type.name).toBe('paragraph');
  });

  it('leaves seven hashes as text', () => {
    const state = type(emptyParagraph(), '####### x');
    expect(state.doc.firstChild?.type.name).toBe('paragraph');
    expect(state.doc.textContent).toBe('####### x');
  });

  it('turns "- " and "* " into a bullet list', () => {
    for (const marker of ['-', '*']) {
      const state = type(emptyParagraph(), `${marker} item`);
      expect(shape(state.doc)).toEqual({
        type: 'doc',
        content: [
          {
            type: 'bullet_list',
            content: [
              {
                type: 'list_item',
                content: [{ type: 'paragraph', attrs: PLAIN, content: [{ type: 'text', text: 'item' }] }],
              },
            ],
          },
        ],
      });
    }
  });

  it('turns "1. " into a numbered list starting at that number', () => {
    const one = type(emptyParagraph(), '1. first');
    expect(one.doc.firstChild?.type.name).toBe('ordered_list');
    expect(one.doc.firstChild?.attrs['order']).toBe(1);
    expect(one.doc.textContent).toBe('first');
    const five = type(emptyParagraph(), '5. fifth');
    expect(five.doc.firstChild?.attrs['order']).toBe(5);
  });

  it('only applies at the start of a textblock', () => {
    const state = type(emptyParagraph(), 'see # here - and 1. there');
    expect(state.doc.firstChild?.type.name).toBe('paragraph');
    expect(state.doc.textContent).toBe('see # here - and 1. there');
  });

  it('is undone by Backspace right after it applied', () => {
    const state = type(emptyParagraph(), '## ');
    expect(state.doc.firstChild?.attrs['level']).toBe(2);
    let undone: EditorState | undefined;
    const handled = buildKeymap(schema)['Backspace']!(state, (tr) => {
      undone = state.apply(tr);
    });
    expect(handled).toBe(true);
    expect(undone?.doc.firstChild?.attrs['level']).toBe(0);
    expect(undone?.doc.textContent).toBe('## ');
  });

  it('rejects a schema without list nodes', () => {
    const tiny = new Schema({ nodes: { doc: { content: 'text*' }, text: {} } });
    expect(() => buildInputRules(tiny)).toThrow(TypeError);
    expect(() => buildInputRules(tiny)).toThrow(/bullet_list/);
  });

  it('turns "> " into a blockquote', () => {
    const state = type(emptyParagraph(), '> quoted');
    expect(state.doc.firstChild?.type.name).toBe('blockquote');
    expect(state.doc.textContent).toBe('quoted');
  });

  it('turns three backticks into a code block, where rules stop applying', () => {
    const state = type(emptyParagraph(), '```# not a heading');
    expect(state.doc.firstChild?.type.name).toBe('code_block');
    expect(state.doc.textContent).toBe('# not a heading');
  });

  it('turns "- [ ] " and "- [x] " into a task list', () => {
    const open = type(emptyParagraph(), '- [ ] todo');
    expect(shape(open.doc)).toEqual({
      type: 'doc',
      content: [
        {
          type: 'task_list',
          content: [
            {
              type: 'task_item',
              attrs: { checked: false },
              content: [{ type: 'paragraph', attrs: PLAIN, content: [{ type: 'text', text: 'todo' }] }],
            },
          ],
        },
      ],
    });
    const done = type(emptyParagraph(), '[x] done');
    expect(done.doc.firstChild?.type.name).toBe('task_list');
    expect(done.doc.firstChild?.firstChild?.attrs['checked']).toBe(true);
    expect(done.doc.textContent).toBe('done');
  });

  it('turns "---" into a horizontal rule with the cursor in a paragraph below', () => {
    const state = type(emptyParagraph(), '---next');
    expect(state.doc.childCount).toBe(2);
    expect(state.doc.firstChild?.type.name).toBe('horizontal_rule');
    expect(state.doc.lastChild?.textContent).toBe('next');
  });

  it('leaves "---" alone when other text follows in the paragraph', () => {
    const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('tail')])]);
    const start = EditorState.create({ doc, plugins: [rules], selection: TextSelection.create(doc, 1) });
    const state = type(start, '---');
    expect(state.doc.firstChild?.type.name).toBe('paragraph');
    expect(state.doc.textContent).toBe('---tail');
  });
});

