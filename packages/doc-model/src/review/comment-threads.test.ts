import { EditorState } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { prosemirrorToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
// The relay's own check of what a connection with the `comment` role may send: the comment model must pass it.
import { findChangeOutsideComments } from '@allmende/relay';
import { schema } from '../schema.js';
import { CommentThreads, COMMENTS_MAP, MAX_COMMENT_LENGTH } from './comment-threads.js';
import type { CommentAuthor } from './comment-threads.js';
import { FragmentPositions } from './anchor.js';

const ada: CommentAuthor = { id: 'u-ada', name: 'Ada Lovelace', color: '#aa3377' };
const bob: CommentAuthor = { id: 'u-bob', name: 'Bob', color: '#228833' };

function paragraphs(...texts: string[]): ProseMirrorNode {
  return schema.node('doc', null, texts.map((text) => schema.node('paragraph', null, text ? [schema.text(text)] : [])));
}

/** A Y.Doc holding `doc` in its content fragment, as y-prosemirror writes it. */
function ydocWith(doc: ProseMirrorNode, clientID = 1): Y.Doc {
  const ydoc = new Y.Doc();
  ydoc.clientID = clientID;
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment('content'));
  return ydoc;
}

/** The document position of the first occurrence of `text`. */
function find(doc: ProseMirrorNode, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    const index = node.isText ? node.text!.indexOf(text) : -1;
    if (found === null && index >= 0) found = { from: pos + index, to: pos + index + text.length };
    return found === null;
  });
  if (!found) throw new Error(`${text} not found`);
  return found;
}

const pmDoc = (ydoc: Y.Doc): ProseMirrorNode => yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment('content'), schema);

/** Edits the fragment as the editor would: a new ProseMirror document written back with updateYFragment. */
function edit(ydoc: Y.Doc, change: (state: EditorState) => EditorState): void {
  const fragment = ydoc.getXmlFragment('content');
  const before = EditorState.create({ schema, doc: pmDoc(ydoc) });
  const after = change(before);
  ydoc.transact(() => updateYFragment(ydoc, fragment, after.doc, { mapping: new Map(), isOMark: new Map() }));
}

const sync = (a: Y.Doc, b: Y.Doc): void => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('positions on the Y types', () => {
  it('round-trips every position of a document with blocks, lists, tables and inline nodes', () => {
    const doc = schema.node('doc', null, [
      schema.node('paragraph', { level: 1 }, [schema.text('Title')]),
      schema.node('bullet_list', null, [schema.node('list_item', null, [schema.node('paragraph', null, [schema.text('one'), schema.node('hard_break'), schema.text('two')])])]),
      schema.node('table', null, [schema.node('table_row', null, [schema.node('table_cell', null, [schema.node('paragraph', null, [schema.text('cell')])])])]),
      schema.node('paragraph', null, [schema.text('a'), schema.node('image', { src: 'https://example.org/x.png' }), schema.text('b')]),
      schema.node('paragraph'),
    ]);
    const ydoc = ydocWith(doc);
    const positions = new FragmentPositions(ydoc.getXmlFragment('content'), schema);
    expect(positions.contentSize).toBe(doc.content.size);
    for (let pos = 0; pos <= doc.content.size; pos++) {
      for (const assoc of [0, -1]) expect(positions.absolutePosition(positions.relativePosition(pos, assoc)), `${pos}/${assoc}`).toBe(pos);
    }
    expect(positions.textBetween(0, doc.content.size)).toBe(doc.textBetween(0, doc.content.size, '\n', ''));
    expect(() => positions.relativePosition(doc.content.size + 1, 0)).toThrow(RangeError);
    expect(() => positions.relativePosition(-1, 0)).toThrow(RangeError);
  });
});

describe('comment threads', () => {
  function setup() {
    const ydoc = ydocWith(paragraphs('Hello brave new world', 'second paragraph'));
    let clock = 100;
    const threads = new CommentThreads(ydoc, { user: ada, schema, now: () => ++clock });
    return { ydoc, threads };
  }

  it('anchors a thread to its text, which grows with edits inside and not at its edges', () => {
    const { ydoc, threads } = setup();
    const id = threads.add(find(pmDoc(ydoc), 'brave new'), 'Too bold?');
    edit(ydoc, (state) => state.apply(state.tr.insertText('X', find(state.doc, 'brave').from)));
    edit(ydoc, (state) => state.apply(state.tr.insertText('Y', find(state.doc, ' world').from)));
    edit(ydoc, (state) => state.apply(state.tr.insertText('very ', find(state.doc, 'new').from)));
    edit(ydoc, (state) => state.apply(state.tr.insertText('>> ', 1)));
    const [thread] = threads.list();
    expect(thread).toMatchObject({ id, state: 'open', quote: 'brave new', body: 'Too bold?', author: ada, created: 101, edited: null });
    expect(pmDoc(ydoc).textBetween(thread!.from!, thread!.to!)).toBe('brave very new');
  });

  it('keeps a thread whose text was deleted as orphaned', () => {
    const { ydoc, threads } = setup();
    const id = threads.add(find(pmDoc(ydoc), 'second'), 'Which one?');
    edit(ydoc, (state) => {
      const doc = state.doc;
      return state.apply(state.tr.delete(doc.child(0).nodeSize, doc.content.size));
    });
    expect(threads.list()).toMatchObject([{ id, state: 'orphaned', from: null, to: null, quote: 'second', body: 'Which one?' }]);
  });

  it('replies, edits and deletes only what is one\'s own, resolves and reopens', () => {
    const { ydoc, threads } = setup();
    const id = threads.add(find(pmDoc(ydoc), 'world'), 'Check @Bob and @Ada Lovelace', [ada, bob]);
    const bobs = new CommentThreads(ydoc, { user: bob, schema });
    const reply = bobs.reply(id, 'Fine by me');
    expect(() => bobs.edit(id, 'hijack')).toThrow(/Only the author/);
    expect(() => bobs.delete(id)).toThrow(/Only the author/);
    expect(() => threads.edit(id, 'hijack', { replyId: reply })).toThrow(/Only the author/);
    bobs.edit(id, 'Fine by me, @Ada Lovelace', { replyId: reply, people: [ada] });
    threads.edit(id, 'Check @Bob');
    bobs.resolve(id);
    let [thread] = threads.list();
    expect(thread).toMatchObject({ state: 'resolved', resolved: true, resolvedBy: bob, body: 'Check @Bob' });
    expect(thread!.edited).not.toBeNull();
    expect(thread!.replies).toMatchObject([{ id: reply, author: bob, body: 'Fine by me, @Ada Lovelace', mentions: [{ id: 'u-ada', name: 'Ada Lovelace' }] }]);
    expect(thread!.replies[0]!.edited).not.toBeNull();
    threads.reopen(id);
    expect(threads.list()[0]).toMatchObject({ state: 'open', resolvedBy: null });
    // Deleting the first comment keeps the thread as a placeholder while a reply lives.
    threads.delete(id);
    [thread] = threads.list();
    expect(thread).toMatchObject({ deleted: true, body: '' });
    expect(thread!.replies).toHaveLength(1);
    expect(() => threads.edit(id, 'back')).toThrow(/deleted/);
    bobs.delete(id, { replyId: reply });
    expect(threads.list()).toEqual([]);
    expect(threads.authors().map((author) => author.id).sort()).toEqual(['u-ada', 'u-bob']);
  });

  it('refuses bad input and changes nothing', () => {
    const { ydoc, threads } = setup();
    const before = Y.encodeStateAsUpdate(ydoc);
    const range = find(pmDoc(ydoc), 'world');
    expect(() => threads.add(range, '   ')).toThrow(RangeError);
    expect(() => threads.add(range, 'x'.repeat(MAX_COMMENT_LENGTH + 1))).toThrow(RangeError);
    expect(() => threads.add({ from: range.to, to: range.from }, 'backwards')).toThrow(RangeError);
    expect(() => threads.add({ from: 0, to: 10_000 }, 'outside')).toThrow(RangeError);
    expect(() => threads.add({ from: 1.5, to: 3 }, 'fraction')).toThrow(RangeError);
    expect(() => threads.reply('nope', 'hi')).toThrow(/no comment thread/);
    expect(() => threads.resolve('nope')).toThrow(RangeError);
    expect(() => new CommentThreads(ydoc, { user: { id: '', name: 'x', color: '#000000' }, schema })).toThrow(RangeError);
    expect(() => new CommentThreads(ydoc, { user: { id: 'x', name: 'x', color: 'red' }, schema })).toThrow(RangeError);
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before);
  });

  it('reads what another client wrote wrongly without throwing', () => {
    const { ydoc, threads } = setup();
    const map = ydoc.getMap(COMMENTS_MAP);
    const broken = new Y.Map<unknown>();
    map.set('broken', broken);
    broken.set('body', 42);
    broken.set('start', new Uint8Array([255, 255]));
    map.set('not-a-thread', 'hello');
    expect(threads.list()).toMatchObject([{ id: 'broken', state: 'orphaned', body: '', author: { id: '' }, replies: [] }]);
    expect(() => threads.reply('not-a-thread', 'x')).toThrow(RangeError);
  });

  it('a reply written while the thread is deleted elsewhere survives', () => {
    const a = ydocWith(paragraphs('shared text'), 1);
    const b = new Y.Doc();
    b.clientID = 2;
    sync(a, b);
    const adas = new CommentThreads(a, { user: ada, schema });
    const id = adas.add(find(pmDoc(a), 'shared'), 'first');
    sync(a, b);
    adas.delete(id);
    new CommentThreads(b, { user: bob, schema }).reply(id, 'an answer');
    sync(a, b);
    for (const doc of [a, b]) {
      expect(new CommentThreads(doc, { user: ada, schema }).list()).toMatchObject([{ id, deleted: true, replies: [{ body: 'an answer' }] }]);
    }
  });

  it('sends only updates that a connection with the comment role may send', () => {
    const writer = ydocWith(paragraphs('Budget 2027', 'Item two'), 1);
    const commenter = new Y.Doc();
    commenter.clientID = 2;
    sync(writer, commenter);
    const updates: Uint8Array[] = [];
    commenter.on('update', (update: Uint8Array) => updates.push(update));
    const threads = new CommentThreads(commenter, { user: bob, schema });
    const id = threads.add(find(pmDoc(commenter), 'Budget'), 'Why 2027?');
    const reply = threads.reply(id, 'and @Ada?', [ada]);
    threads.edit(id, 'Why not 2026?');
    threads.edit(id, 'edited', { replyId: reply });
    threads.resolve(id);
    threads.reopen(id);
    threads.delete(id, { replyId: reply });
    threads.delete(id);
    expect(updates.length).toBeGreaterThanOrEqual(8);
    let state = Y.encodeStateAsUpdate(writer);
    for (const update of updates) {
      expect(findChangeOutsideComments(state, update)).toBeNull();
      state = Y.mergeUpdates([state, update]);
    }
    // The check is not vacuous: a change to the text from the same client is refused.
    const text = new Y.Doc();
    Y.applyUpdate(text, state);
    const vandal: Uint8Array[] = [];
    text.on('update', (update: Uint8Array) => vandal.push(update));
    (text.getXmlFragment('content').get(0) as Y.XmlElement).insert(0, [new Y.XmlText('vandalism')]);
    expect(findChangeOutsideComments(state, vandal[0]!)).toMatch(/changes "content"/);
  });
});
