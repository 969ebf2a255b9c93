import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findChangeOutsideComments } from './comment-only-check.js';

/** A document with content and one comment, and a copy of it for a commenter to edit. */
function setup(): { state: Uint8Array; commenter: Y.Doc } {
  const owner = new Y.Doc();
  owner.getXmlFragment('content').insert(0, [new Y.XmlText('hello')]);
  owner.getText('title').insert(0, 'Minutes');
  const comment = new Y.Map<unknown>();
  owner.getMap('comments').set('c1', comment);
  comment.set('text', 'first');
  const state = Y.encodeStateAsUpdate(owner);
  const commenter = new Y.Doc();
  Y.applyUpdate(commenter, state);
  return { state, commenter };
}

/** Runs `edit` on the commenter's doc and returns the update it produced. */
function updateOf(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('findChangeOutsideComments', () => {
  it('accepts adding, editing and deleting comments, including nested types', () => {
    const { state, commenter } = setup();
    const comments = commenter.getMap<Y.Map<unknown>>('comments');
    const add = updateOf(commenter, () => {
      const reply = new Y.Map<unknown>();
      comments.set('c2', reply);
      const body = new Y.Text('a reply');
      reply.set('body', body);
    });
    expect(findChangeOutsideComments(state, add)).toBeNull();
    const afterAdd = Y.mergeUpdates([state, add]);
    const edit = updateOf(commenter, () => {
      (comments.get('c2')!.get('body') as Y.Text).insert(0, 'Re: ');
      comments.get('c1')!.set('resolved', true);
    });
    expect(findChangeOutsideComments(afterAdd, edit)).toBeNull();
    const afterEdit = Y.mergeUpdates([afterAdd, edit]);
    const remove = updateOf(commenter, () => comments.delete('c1'));
    expect(findChangeOutsideComments(afterEdit, remove)).toBeNull();
  });

  it('refuses an insertion into another root type, naming it', () => {
    const { state, commenter } = setup();
    const update = updateOf(commenter, (doc) => (doc.getXmlFragment('content').get(0) as Y.XmlText).insert(5, '!'));
    expect(findChangeOutsideComments(state, update)).toBe('it changes "content"');
  });

  it('refuses a deletion in another root type', () => {
    const { state, commenter } = setup();
    const update = updateOf(commenter, (doc) => doc.getText('title').delete(0, 3));
    expect(findChangeOutsideComments(state, update)).toBe('it changes "title"');
  });

  it('refuses a new root type', () => {
    const { state, commenter } = setup();
    const update = updateOf(commenter, (doc) => doc.getMap('settings').set('x', 1));
    expect(findChangeOutsideComments(state, update)).toBe('it changes "settings"');
  });

  it('refuses an update that mixes a comment with another change', () => {
    const { state, commenter } = setup();
    const update = updateOf(commenter, (doc) => {
      doc.transact(() => {
        doc.getMap('comments').set('c9', 'fine');
        doc.getText('title').insert(0, 'x');
      });
    });
    expect(findChangeOutsideComments(state, update)).toBe('it changes "title"');
  });

  it('refuses list content in the comments root', () => {
    const { state, commenter } = setup();
    const update = updateOf(commenter, (doc) => doc.getArray('comments').insert(0, ['sneaky']));
    expect(findChangeOutsideComments(state, update)).toMatch(/list content/);
  });

  it('refuses updates that depend on content the relay lacks', () => {
    const { state, commenter } = setup();
    // Two comments in a row; the second alone cannot be integrated without the first.
    updateOf(commenter, (doc) => doc.getMap('comments').set('c2', 'one'));
    const second = updateOf(commenter, (doc) => doc.getMap('comments').set('c3', 'two'));
    expect(findChangeOutsideComments(state, second)).toMatch(/depends on content/);
  });

  it('refuses deletions of items the relay does not have yet, which could hit future edits of others', () => {
    const { state } = setup();
    const future = new Y.Doc();
    future.clientID = 424242;
    future.getText('content-to-be').insert(0, 'later');
    const ds = new Y.Doc();
    Y.applyUpdate(ds, Y.encodeStateAsUpdate(future));
    const deleteOnly = updateOf(ds, (doc) => doc.getText('content-to-be').delete(0, 5));
    // Keep only the delete set: the relay has never seen client 424242's items.
    const decoded = Y.decodeUpdate(deleteOnly);
    expect(decoded.structs).toHaveLength(0);
    expect(findChangeOutsideComments(state, deleteOnly)).toMatch(/depends on content/);
  });
});
