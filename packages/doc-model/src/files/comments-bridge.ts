import type { Schema } from 'prosemirror-model';
import type * as Y from 'yjs';
import { COMMENTS_ORIGIN, CommentThreads } from '../review/comment-threads.js';
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
 * Yjs transaction with `options.origin`.
 */
export function writeCommentsToYDoc(ydoc: Y.Doc, comments: readonly FileCommentThread[], options: CommentsBridgeOptions = {}): number {
  const fragment = options.fragment ?? ydoc.getXmlFragment(CONTENT_FRAGMENT);
  const schema = options.schema ?? defaultSchema;
  const origin = 'origin' in options ? options.origin : COMMENTS_ORIGIN;
  const as = (name: string, time: number): CommentThreads =>
    new CommentThreads(ydoc, { user: fileCommentAuthor(name), schema, fragment, now: () => time });
  const text = (body: string): string => (body.trim() ? body : '…');
  let failed = 0;
  ydoc.transact(() => {
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
  }, origin);
  return failed;
}
