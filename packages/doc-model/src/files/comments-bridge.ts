import type { Schema } from 'prosemirror-model';
import type * as Y from 'yjs';
import { COMMENTS_MAP, COMMENTS_ORIGIN, CommentThreads } from '../review/comment-threads.js';
import type { CommentAuthor } from '../review/comment-threads.js';
import { schema as defaultSchema } from '../schema.js';
import type { FileCommentThread } from './file-comments.js';
import { CONTENT_FRAGMENT } from './ydoc-bridge.js';

/** Where a document's text and comments are: by default `<allmende-doc>`'s layout. */
export interface CommentsBridgeOptions {
  /** The schema of the document (this package's by default). */
  readonly schema?: Schema;
  /** The fragment holding the text (`Y.XmlFragment('content')` by default). */
  readonly fragment?: Y.XmlFragment;
  /** The origin of the Yjs transaction that writes comments (the comments' own origin by default). */
  readonly origin?: unknown;
  /**
   * For {@link writeCommentsToYDoc} after an import: the undo manager whose
   * last step wrote the imported text (the editor's, when the text went in
   * as an editor transaction). The comments join that step, so one undo
   * takes back the text and its comments together instead of leaving the
   * threads orphaned: the manager's scope grows to hold `Y.Map('comments')`,
   * and the comments are written with one of its tracked origins (`origin`
   * if given, which must be tracked). Call `undoManager.stopCapturing()`
   * before writing the text, so the import does not join the typing before it.
   */
  readonly undoManager?: Y.UndoManager;
}

/** A tracked origin of `undoManager` for writing comments: `options.origin` if given (it must be tracked), else the first tracked value that is not a class. */
function trackedOrigin(undoManager: Y.UndoManager, options: CommentsBridgeOptions): unknown {
  if ('origin' in options) {
    if (!undoManager.trackedOrigins.has(options.origin)) throw new RangeError('writeCommentsToYDoc: the undo manager does not track options.origin; pass one of its tracked origins or none.');
    return options.origin;
  }
  for (const origin of undoManager.trackedOrigins) if (typeof origin !== 'function') return origin;
  throw new RangeError('writeCommentsToYDoc: the undo manager tracks no origin a transaction can carry (only classes).');
}

/** Reading needs no user; CommentThreads wants one. */
const READER: CommentAuthor = { id: 'file-export', name: '', color: '#6b7280' };

/**
 * The comment threads of a Y.Doc (its `Y.Map('comments')`) as plain
 * threads for `exportDocument(format, doc, { comments })`, with positions in
 * `docFromYDoc(ydoc)`. Orphaned threads (their text was deleted) have no
 * place in a file and are left out; so are deleted comments.
 */
export function commentsFromYDoc(ydoc: Y.Doc, options: CommentsBridgeOptions = {}): FileCommentThread[] {
  const threads = new CommentThreads(ydoc, { user: READER, schema: options.schema ?? defaultSchema, fragment: options.fragment ?? ydoc.getXmlFragment(CONTENT_FRAGMENT) });
  return threads.list().flatMap((thread) => {
    if (thread.from === null || thread.to === null) return [];
    return [
      {
        from: thread.from,
        to: thread.to,
        author: thread.author.name,
        time: thread.created,
        // A deleted first comment with live replies: the file still needs a comment to hang them on.
        body: thread.deleted ? '…' : thread.body,
        resolved: thread.resolved,
        replies: thread.replies.map((reply) => ({ author: reply.author.name, time: reply.created, body: reply.body })),
      },
    ];
  });
}

/** The author a comment from a file gets: files name people but carry no user id, so the id says where the name came from. */
export function fileCommentAuthor(name: string): CommentAuthor {
  return { id: `file:${name}`, name, color: '#6b7280' };
}

/**
 * Adds the comment threads of an imported file to a Y.Doc whose content is
 * the imported document (write that first, with `writeDocToYDoc` or an
 * editor transaction): each becomes a thread with its author's name and
 * time, replies and resolved state, anchored with Yjs relative positions.
 * Empty comments get the text "…" (a thread needs a text). Returns the
 * number of threads that could not be anchored (their range holds no
 * text), which the caller reports; they are not written. All of it is one
 * Yjs transaction with `options.origin`. With `options.undoManager`, that
 * transaction joins the manager's last step (the imported text), so one
 * undo takes back both; throws a RangeError when the manager belongs to
 * another Y.Doc or does not track `options.origin`.
 */
export function writeCommentsToYDoc(ydoc: Y.Doc, comments: readonly FileCommentThread[], options: CommentsBridgeOptions = {}): number {
  const fragment = options.fragment ?? ydoc.getXmlFragment(CONTENT_FRAGMENT);
  const schema = options.schema ?? defaultSchema;
  const undoManager = options.undoManager;
  if (undoManager && undoManager.doc !== ydoc) throw new RangeError('writeCommentsToYDoc: options.undoManager belongs to another Y.Doc.');
  const origin = undoManager ? trackedOrigin(undoManager, options) : 'origin' in options ? options.origin : COMMENTS_ORIGIN;
  const as = (name: string, time: number): CommentThreads =>
    new CommentThreads(ydoc, { user: fileCommentAuthor(name), schema, fragment, now: () => time });
  const text = (body: string): string => (body.trim() ? body : '…');
  let failed = 0;
  const write = (): void => {
    for (const thread of comments) {
      let id: string;
      try {
        id = as(thread.author, thread.time).add({ from: thread.from, to: thread.to }, text(thread.body));
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        failed++;
        continue;
      }
      for (const reply of thread.replies) as(reply.author, reply.time).reply(id, text(reply.body));
      if (thread.resolved) as(thread.author, thread.time).resolve(id);
    }
  };
  if (!undoManager) {
    ydoc.transact(write, origin);
    return failed;
  }
  undoManager.addToScope(ydoc.getMap(COMMENTS_MAP));
  // Join the step the text made however long that took (Yjs merges within captureTimeout of the last change);
  // after stopCapturing() and no text change, lastChange is 0 and the comments are a step of their own.
  const timeout = undoManager.captureTimeout;
  undoManager.captureTimeout = Number.POSITIVE_INFINITY;
  try {
    ydoc.transact(write, origin);
  } finally {
    undoManager.captureTimeout = timeout;
    // Whatever the user does next is a step of its own.
    undoManager.stopCapturing();
  }
  return failed;
}
