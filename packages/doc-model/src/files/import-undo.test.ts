import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { ySyncPluginKey } from 'y-prosemirror';
import { COMMENTS_ORIGIN, CommentThreads } from '../review/comment-threads.js';
import { schema } from '../schema.js';
import { writeCommentsToYDoc } from './comments-bridge.js';
import { fromDOCX } from './docx-read.js';
import { toDOCX } from './docx-write.js';
import type { FileCommentThread } from './file-comments.js';
import { docFromYDoc, writeDocToYDoc } from './ydoc-bridge.js';
import { Y } from './yjs.test-support.js';

const p = (text: string): ProseMirrorNode => schema.node('paragraph', null, [schema.text(text)]);
const doc = (...texts: string[]): ProseMirrorNode => schema.node('doc', null, texts.map(p));

/** An undo manager as `<allmende-doc>` has one: y-prosemirror's, over the content fragment, tracking the sync plugin's key. */
function editorUndoManager(ydoc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(ydoc.getXmlFragment('content'), {
    trackedOrigins: new Set([ySyncPluginKey]),
    captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
  });
}

/** A DOCX file with two comment threads (one with a reply, one resolved), read back as an import result. */
function importedFile(): ReturnType<typeof fromDOCX> {
  const source = doc('Der Rat beschließt die Satzung.', 'Zweiter Absatz.');
  const comments: FileCommentThread[] = [
    { from: 5, to: 8, author: 'Ada', time: Date.UTC(2026, 10, 2), body: 'Welcher Rat?', resolved: false, replies: [{ author: 'Bo', time: Date.UTC(2026, 10, 3), body: 'Der Stadtrat.' }] },
    { from: 42, to: 48, author: 'Bo', time: Date.UTC(2026, 10, 4), body: 'Erledigt.', resolved: true, replies: [] },
  ];
  const result = fromDOCX(toDOCX(source, { comments }));
  expect(result.comments).toHaveLength(2);
  return result;
}

const reader = (ydoc: Y.Doc): CommentThreads => new CommentThreads(ydoc, { user: { id: 'reader', name: 'Reader', color: '#000000' }, schema });

/** Writes an import the way the element does: its own undo step, the text through the editor's origin, then the comments into that step. */
function importAsEditor(ydoc: Y.Doc, undo: Y.UndoManager, result: ReturnType<typeof fromDOCX>, delay = 0): number {
  undo.stopCapturing();
  writeDocToYDoc(ydoc, result.doc, ySyncPluginKey);
  // A slow machine: the comments come later than Yjs's capture timeout after the text.
  undo.lastChange -= delay;
  return writeCommentsToYDoc(ydoc, result.comments, { undoManager: undo });
}

describe('undoing an import with comments', () => {
  it('one undo takes back the text and its comment threads: none is left orphaned', () => {
    const ydoc = new Y.Doc();
    const undo = editorUndoManager(ydoc);
    writeDocToYDoc(ydoc, doc('Vorher getippt.'), ySyncPluginKey);
    const result = importedFile();
    expect(importAsEditor(ydoc, undo, result)).toBe(0);
    const threads = reader(ydoc).list();
    expect(threads.map((thread) => [thread.state, thread.body, thread.replies.length])).toEqual([
      ['open', 'Welcher Rat?', 1],
      ['resolved', 'Erledigt.', 0],
    ]);
    expect(undo.undoStack).toHaveLength(2);

    undo.undo();
    expect(docFromYDoc(ydoc).eq(doc('Vorher getippt.'))).toBe(true);
    expect(reader(ydoc).list()).toEqual([]);
    expect(ydoc.getMap('comments').size).toBe(0);

    // The typing before the import is a step of its own.
    undo.undo();
    expect(docFromYDoc(ydoc).textContent).toBe('');
  });

  it('joins the comments to the text step even when they come after the capture timeout', () => {
    const ydoc = new Y.Doc();
    const undo = editorUndoManager(ydoc);
    writeDocToYDoc(ydoc, doc('Alt'), ySyncPluginKey);
    importAsEditor(ydoc, undo, importedFile(), 60_000);
    expect(undo.undoStack).toHaveLength(2);
    undo.undo();
    expect(docFromYDoc(ydoc).eq(doc('Alt'))).toBe(true);
    expect(reader(ydoc).list()).toEqual([]);
  });

  it('redo brings text and threads back; the threads keep their text but stay orphaned (anchors do not follow redone text)', () => {
    const ydoc = new Y.Doc();
    const undo = editorUndoManager(ydoc);
    const result = importedFile();
    importAsEditor(ydoc, undo, result);
    undo.undo();
    undo.redo();
    expect(docFromYDoc(ydoc).eq(result.doc)).toBe(true);
    const threads = reader(ydoc).list();
    expect(threads.map((thread) => [thread.body, thread.quote, thread.replies.map((reply) => reply.body)])).toEqual([
      ['Welcher Rat?', 'Rat', ['Der Stadtrat.']],
      ['Erledigt.', 'Absatz', []],
    ]);
    expect(threads.every((thread) => thread.state === 'orphaned')).toBe(true);
  });

  it('does not take along comments written afterwards, by this user or others', () => {
    const ydoc = new Y.Doc();
    const undo = editorUndoManager(ydoc);
    writeDocToYDoc(ydoc, doc('Alt'), ySyncPluginKey);
    importAsEditor(ydoc, undo, importedFile());
    const later = new CommentThreads(ydoc, { user: { id: 'u-cy', name: 'Cy', color: '#123456' }, schema });
    later.add({ from: 2, to: 5 }, 'Später');
    undo.undo();
    // The later thread was on imported text: it is orphaned, not lost, and it is the only one.
    expect(reader(ydoc).list().map((thread) => [thread.body, thread.state])).toEqual([['Später', 'orphaned']]);
  });

  it('refuses an undo manager of another document or an origin it does not track, and writes nothing', () => {
    const ydoc = new Y.Doc();
    const result = importedFile();
    writeDocToYDoc(ydoc, result.doc, ySyncPluginKey);
    expect(() => writeCommentsToYDoc(ydoc, result.comments, { undoManager: editorUndoManager(new Y.Doc()) })).toThrow(RangeError);
    expect(() => writeCommentsToYDoc(ydoc, result.comments, { undoManager: editorUndoManager(ydoc), origin: COMMENTS_ORIGIN })).toThrow(/does not track options.origin/);
    expect(ydoc.getMap('comments').size).toBe(0);
  });

  it('without an undo manager, writes the comments under their own origin as before (not undone with the text)', () => {
    const ydoc = new Y.Doc();
    const undo = editorUndoManager(ydoc);
    const result = importedFile();
    undo.stopCapturing();
    writeDocToYDoc(ydoc, result.doc, ySyncPluginKey);
    writeCommentsToYDoc(ydoc, result.comments);
    undo.undo();
    expect(reader(ydoc).list().map((thread) => thread.state)).toEqual(['orphaned', 'orphaned']);
  });
});
