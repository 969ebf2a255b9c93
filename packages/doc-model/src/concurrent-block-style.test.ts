import { Slice } from 'prosemirror-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { setAlignment, setHeading, setParagraph, toggleBlockquote, toggleCodeBlock } from './block-commands.js';
import { toggleBulletList } from './list-commands.js';
import { schema } from './schema.js';

// Two users change one block at the same moment, bound to Yjs the way
// <allmende-doc> binds them: every local state is written into the shared
// Y.XmlFragment with y-prosemirror's `updateYFragment` (what ySyncPlugin does
// after each transaction), and remote changes are read back with
// `initProseMirrorDoc` and `tr.replace` (what it does after a remote Yjs
// transaction). One user changes the block's style while the other types
// into it; then the two exchange their updates.

type BindingMeta = Parameters<typeof updateYFragment>[3];

/** A user: a Y.Doc and the editor state bound to its fragment. */
class Replica {
  readonly ydoc = new Y.Doc();
  readonly fragment = this.ydoc.getXmlFragment('content');
  state: EditorState;
  private meta: BindingMeta = { mapping: new Map(), isOMark: new Map() };

  constructor(clientID: number) {
    this.ydoc.clientID = clientID;
    this.state = EditorState.create({ schema });
  }

  /** Applies a local transaction and writes the new document into the Y.Doc. */
  apply(tr: Transaction): void {
    this.state = this.state.apply(tr);
    this.ydoc.transact(() => updateYFragment(this.ydoc, this.fragment, this.state.doc, this.meta), ySyncPluginKey);
  }

  /** Puts the cursor into the text `text` (after its first `offset` characters) and runs `command`. */
  runAt(text: string, offset: number, command: Command): void {
    this.apply(this.state.tr.setSelection(TextSelection.create(this.state.doc, positionOf(this.state.doc, text) + offset)));
    const applied = command(this.state, (tr) => this.apply(tr));
    expect(applied).toBe(true);
  }

  /** Types `text` at the end of the textblock that contains `inBlock`. */
  typeAtEndOf(inBlock: string, text: string): void {
    const $pos = this.state.doc.resolve(positionOf(this.state.doc, inBlock));
    this.apply(this.state.tr.insertText(text, $pos.end()));
  }

  /** Reads the fragment back after remote changes, as ySyncPlugin does. */
  readBack(): void {
    const { doc, meta } = initProseMirrorDoc(this.fragment, schema);
    const tr = this.state.tr
      .replace(0, this.state.doc.content.size, new Slice(doc.content, 0, 0))
      .setMeta(ySyncPluginKey, { isChangeOrigin: true });
    this.state = this.state.apply(tr);
    this.meta = meta;
  }
}

function positionOf(doc: ProseMirrorNode, text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    const index = node.isText ? (node.text ?? '').indexOf(text) : -1;
    if (index >= 0) found = pos + index;
    return true;
  });
  if (found < 0) throw new Error(`"${text}" is not in ${doc.toString()}`);
  return found;
}

/** Two users who both have `blocks` (seeded once, by the first). */
function twoUsers(...blocks: ProseMirrorNode[]): [Replica, Replica] {
  const ada = new Replica(1);
  const bob = new Replica(2);
  ada.apply(ada.state.tr.replaceWith(0, ada.state.doc.content.size, blocks));
  Y.applyUpdate(bob.ydoc, Y.encodeStateAsUpdate(ada.ydoc));
  bob.readBack();
  expect(bob.state.doc.eq(ada.state.doc)).toBe(true);
  return [ada, bob];
}

/** Exchanges what each user has and the other lacks, in both directions, and reads it back. */
function sync(a: Replica, b: Replica): void {
  const toB = Y.encodeStateAsUpdate(a.ydoc, Y.encodeStateVector(b.ydoc));
  const toA = Y.encodeStateAsUpdate(b.ydoc, Y.encodeStateVector(a.ydoc));
  Y.applyUpdate(b.ydoc, toB);
  Y.applyUpdate(a.ydoc, toA);
  a.readBack();
  b.readBack();
  expect(a.fragment.toString()).toBe(b.fragment.toString());
  expect(a.state.doc.eq(b.state.doc)).toBe(true);
}

const p = (text: string, attrs: Record<string, unknown> | null = null) => schema.node('paragraph', attrs, [schema.text(text)]);

describe('changing the style of a block while someone types into it', () => {
  it('keeps the typed text when one user makes a paragraph a heading', () => {
    const [ada, bob] = twoUsers(p('Minutes of the meeting'), p('Body'));
    const element = ada.fragment.get(0);
    ada.runAt('Minutes', 3, setHeading(1));
    // The same Y.XmlElement, with a new attribute: nothing was deleted.
    expect(ada.fragment.get(0)).toBe(element);
    expect(element).toBeInstanceOf(Y.XmlElement);
    expect((element as Y.XmlElement).getAttribute('level')).toBe(1);
    bob.typeAtEndOf('Minutes', ' on Monday');
    sync(ada, bob);
    const first = ada.state.doc.firstChild!;
    expect(first.type.name).toBe('paragraph');
    expect(first.attrs['level']).toBe(1);
    expect(first.textContent).toBe('Minutes of the meeting on Monday');
    expect(ada.state.doc.child(1).textContent).toBe('Body');
  });

  it('keeps the typed text when one user turns a heading back into body text or changes its level', () => {
    for (const command of [setParagraph, setHeading(3)]) {
      const [ada, bob] = twoUsers(p('Agenda', { level: 2 }));
      ada.runAt('Agenda', 0, command);
      bob.typeAtEndOf('Agenda', ' for today');
      sync(ada, bob);
      expect(bob.state.doc.firstChild?.textContent).toBe('Agenda for today');
      expect(bob.state.doc.firstChild?.attrs['level']).toBe(command === setParagraph ? 0 : 3);
    }
  });

  it('keeps both style changes when one user sets the level and the other the alignment', () => {
    const [ada, bob] = twoUsers(p('Title'));
    ada.runAt('Title', 1, setHeading(2));
    bob.runAt('Title', 1, setAlignment('center'));
    bob.typeAtEndOf('Title', '!');
    sync(ada, bob);
    expect(ada.state.doc.firstChild?.attrs).toEqual({ level: 2, align: 'center', indent: 0 });
    expect(ada.state.doc.firstChild?.textContent).toBe('Title!');
  });

  it('picks one level for everyone when two users set different levels at once', () => {
    const [ada, bob] = twoUsers(p('Title'));
    ada.runAt('Title', 1, setHeading(1));
    bob.runAt('Title', 1, setHeading(4));
    sync(ada, bob);
    expect([1, 4]).toContain(ada.state.doc.firstChild?.attrs['level']);
    expect(ada.state.doc.childCount).toBe(1);
  });

  it('reads a heading node written by an older version and lets it change style without losing it', () => {
    const [ada, bob] = twoUsers(schema.node('heading', { level: 2 }, [schema.text('Old title')]), p('Text'));
    expect(bob.state.doc.firstChild?.type.name).toBe('heading');
    expect(bob.fragment.toString()).toContain('<heading');
    ada.runAt('Old title', 1, setHeading(3));
    sync(ada, bob);
    expect(bob.state.doc.firstChild?.type.name).toBe('paragraph');
    expect(bob.state.doc.firstChild?.attrs['level']).toBe(3);
    expect(bob.state.doc.textContent).toBe('Old titleText');
  });

  // What the model cannot prevent (README, "Concurrent edits"): y-prosemirror
  // stores a node as a Y.XmlElement named after its type, and Yjs can neither
  // rename nor move an element. Turning a paragraph into a code block, or
  // wrapping it in a list or a quote, deletes the paragraph's element and
  // inserts a new one holding a copy of its text; what the other user typed
  // into the old element at that moment is deleted with it. All replicas
  // agree. These tests pin that behaviour down so a change in it is noticed.
  it('still loses text typed into a paragraph that someone turns into a code block at the same moment', () => {
    const [ada, bob] = twoUsers(p('let x'));
    ada.runAt('let x', 0, toggleCodeBlock());
    bob.typeAtEndOf('let x', ' = 1');
    sync(ada, bob);
    expect(ada.state.doc.firstChild?.type.name).toBe('code_block');
    expect(ada.state.doc.textContent).toBe('let x');
  });

  it('still loses text typed into a paragraph that someone wraps in a list or quote at the same moment', () => {
    for (const wrap of [toggleBulletList, toggleBlockquote]) {
      const [ada, bob] = twoUsers(p('item'));
      ada.runAt('item', 0, wrap);
      bob.typeAtEndOf('item', ' typed');
      sync(ada, bob);
      expect(ada.state.doc.firstChild?.type.name).toBe(wrap === toggleBulletList ? 'bullet_list' : 'blockquote');
      expect(ada.state.doc.textContent).toBe('item');
    }
  });
});
