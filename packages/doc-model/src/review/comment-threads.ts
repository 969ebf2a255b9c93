import type { Schema } from 'prosemirror-model';
import * as Y from 'yjs';
import { isHexColor } from '../color.js';
import { decodeAnchor, encodeAnchor, FragmentPositions } from './anchor.js';
import { parseMentions } from './mentions.js';
import type { Mention, Person } from './mentions.js';
import { randomId } from './random-id.js';

// Storage, in the root `Y.Map('comments')` (the only part of a document a
// connection with the `comment` role may change; the relay checks that
// every change sits under a key of that map):
//
//   comments: Y.Map
//     <thread id>: Y.Map          one thread; fields merge one by one, so a
//                                 resolve and an edit made at once both stay
//       start, end: Uint8Array    Y.RelativePosition over Y.XmlFragment('content')
//       quote: string             the text the comment was made on
//       author: { id, name, color }
//       created: number           ms since 1970, UTC
//       edited: number | null
//       body: string
//       mentions: { id, name }[]
//       resolved: boolean, resolvedBy: author | null, resolvedAt: number | null
//       deleted: boolean          a tombstone, see below
//       replies: Y.Map
//         <reply id>: { id, author, created, edited, body, mentions, deleted }
//
// That maps one to one onto ODF (office:annotation with dc:creator, dc:date
// and a text:p per paragraph of the body, office:annotation-end for the
// range; replies as annotations whose parent is the thread) and onto Word
// (w:comment with w:author, w:date, w:initials; commentRangeStart/End;
// replies and the resolved flag in commentsExtended's paraIdParent and
// w15:done).
//
// Deleting never removes a key. A deleted thread or reply is a tombstone
// (`deleted: true`, body emptied): a reply written at the same moment as
// the thread's deletion then still has a thread to live in, and shows under
// a "deleted comment" placeholder. `list()` leaves out deleted threads
// without live replies and deleted replies.

/** Who wrote a comment: a user id (the token's subject), a display name and a `#rrggbb` colour. */
export interface CommentAuthor {
  readonly id: string;
  readonly name: string;
  readonly color: string;
}

/** A thread's state: `orphaned` when the text it was anchored to is gone (it is still listed), else `resolved` or `open`. */
export type ThreadState = 'open' | 'resolved' | 'orphaned';

/** One reply in a thread, as {@link CommentThreads.list} returns it. */
export interface CommentReply {
  readonly id: string;
  readonly author: CommentAuthor;
  readonly created: number;
  readonly edited: number | null;
  readonly body: string;
  readonly mentions: readonly Mention[];
}

/** One thread, as {@link CommentThreads.list} returns it. */
export interface CommentThread {
  readonly id: string;
  readonly author: CommentAuthor;
  readonly created: number;
  readonly edited: number | null;
  /** The first comment's text; empty when it was deleted. */
  readonly body: string;
  readonly mentions: readonly Mention[];
  /** True when the first comment was deleted but replies remain: show a placeholder. */
  readonly deleted: boolean;
  readonly resolved: boolean;
  readonly resolvedBy: CommentAuthor | null;
  readonly resolvedAt: number | null;
  /** The text the comment was made on, as it was then. */
  readonly quote: string;
  readonly state: ThreadState;
  /** Where the commented text is now (ProseMirror positions); null when orphaned. */
  readonly from: number | null;
  readonly to: number | null;
  /** The replies, oldest first. */
  readonly replies: readonly CommentReply[];
}

/** Options of {@link CommentThreads}. */
export interface CommentThreadsOptions {
  /** The current user, who writes new comments and may edit and delete their own. */
  readonly user: CommentAuthor;
  /** The schema the content fragment is edited with. */
  readonly schema: Schema;
  /** The document content the anchors point into; `Y.XmlFragment('content')` by default. */
  readonly fragment?: Y.XmlFragment;
  /** The clock, in ms since 1970; `Date.now` by default. */
  readonly now?: () => number;
  /** New ids; random by default. */
  readonly newId?: () => string;
}

/** The root map of comments; the name the relay's comment-only check allows. */
export const COMMENTS_MAP = 'comments';

/** The longest comment body accepted, in UTF-16 code units. */
export const MAX_COMMENT_LENGTH = 20_000;

/** The origin of the transactions {@link CommentThreads} makes, so observers can tell them apart. */
export const COMMENTS_ORIGIN = Symbol('allmende-comments');

type ReplyRecord = {
  id?: unknown;
  author?: unknown;
  created?: unknown;
  edited?: unknown;
  body?: unknown;
  mentions?: unknown;
  deleted?: unknown;
};

/**
 * Comment threads of one shared document, in its `Y.Map('comments')`,
 * anchored to the text with Yjs relative positions so they follow every
 * concurrent edit. Every change is one Yjs transaction. Bad arguments throw
 * a RangeError or TypeError and change nothing; anything another client
 * wrote into the map that does not fit is read defensively (a thread without
 * an anchor is orphaned, a field of the wrong type takes its default).
 */
export class CommentThreads {
  readonly doc: Y.Doc;
  readonly map: Y.Map<unknown>;
  readonly fragment: Y.XmlFragment;
  private readonly user: CommentAuthor;
  private readonly schema: Schema;
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(doc: Y.Doc, options: CommentThreadsOptions) {
    if (!(doc instanceof Y.Doc)) throw new TypeError('CommentThreads needs a Y.Doc.');
    checkAuthor(options.user, 'options.user');
    this.doc = doc;
    this.map = doc.getMap(COMMENTS_MAP);
    this.fragment = options.fragment ?? doc.getXmlFragment('content');
    if (this.fragment.doc !== doc) throw new RangeError('options.fragment belongs to another Y.Doc.');
    this.user = { ...options.user };
    this.schema = options.schema;
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomId;
  }

  /** The current user. */
  get currentUser(): CommentAuthor {
    return this.user;
  }

  /**
   * Starts a thread on the text between ProseMirror positions `from` and
   * `to` (from < to) and returns its id. `people` are those who can be
   * mentioned, to recognise their full names after `@`.
   */
  add(range: { from: number; to: number }, body: string, people: readonly Person[] = []): string {
    const text = checkBody(body);
    const positions = new FragmentPositions(this.fragment, this.schema);
    const { from, to } = range;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from >= to) {
      throw new RangeError(`A comment needs a range of text: from (${from}) must be an integer before to (${to}).`);
    }
    const quote = positions.textBetween(from, to);
    if (quote.trim() === '' && !positions.hasLeafBetween(from, to)) {
      throw new RangeError('A comment needs some text to be on; the range holds none.');
    }
    const start = encodeAnchor(positions.relativePosition(from, 0));
    const end = encodeAnchor(positions.relativePosition(to, -1));
    const id = this.newId();
    this.doc.transact(() => {
      const thread = new Y.Map<unknown>();
      thread.set('start', start);
      thread.set('end', end);
      thread.set('quote', quote.slice(0, MAX_COMMENT_LENGTH));
      thread.set('author', { ...this.user });
      thread.set('created', this.now());
      thread.set('edited', null);
      thread.set('body', text);
      thread.set('mentions', parseMentions(text, people));
      thread.set('resolved', false);
      thread.set('resolvedBy', null);
      thread.set('resolvedAt', null);
      thread.set('deleted', false);
      thread.set('replies', new Y.Map<unknown>());
      this.map.set(id, thread);
    }, COMMENTS_ORIGIN);
    return id;
  }

  /** Adds a reply to a thread (also to a resolved or orphaned one) and returns its id. */
  reply(threadId: string, body: string, people: readonly Person[] = []): string {
    const text = checkBody(body);
    const thread = this.thread(threadId);
    const id = this.newId();
    this.doc.transact(() => {
      let replies = thread.get('replies');
      if (!(replies instanceof Y.Map)) {
        replies = new Y.Map<unknown>();
        thread.set('replies', replies);
      }
      (replies as Y.Map<unknown>).set(id, {
        id,
        author: { ...this.user },
        created: this.now(),
        edited: null,
        body: text,
        mentions: parseMentions(text, people),
        deleted: false,
      });
    }, COMMENTS_ORIGIN);
    return id;
  }

  /** Changes the text of a thread's first comment (with `replyId`, of a reply); only its author may. */
  edit(threadId: string, body: string, options: { replyId?: string; people?: readonly Person[] } = {}): void {
    const text = checkBody(body);
    const mentions = parseMentions(text, options.people ?? []);
    const thread = this.thread(threadId);
    if (options.replyId !== undefined) {
      const { replies, record } = this.reply_(thread, threadId, options.replyId);
      this.checkOwn(record.author, 'edit');
      this.doc.transact(() => replies.set(options.replyId!, { ...record, body: text, mentions, edited: this.now() }), COMMENTS_ORIGIN);
      return;
    }
    if (thread.get('deleted') === true) throw new RangeError(`Comment ${threadId} was deleted; it cannot be edited.`);
    this.checkOwn(thread.get('author'), 'edit');
    this.doc.transact(() => {
      thread.set('body', text);
      thread.set('mentions', mentions);
      thread.set('edited', this.now());
    }, COMMENTS_ORIGIN);
  }

  /**
   * Deletes a thread's first comment (with `replyId`, a reply); only its
   * author may. Both stay as tombstones (see the top of this file): a thread
   * with replies shows as a deleted placeholder, one without disappears.
   */
  delete(threadId: string, options: { replyId?: string } = {}): void {
    const thread = this.thread(threadId);
    if (options.replyId !== undefined) {
      const { replies, record } = this.reply_(thread, threadId, options.replyId);
      this.checkOwn(record.author, 'delete');
      this.doc.transact(() => replies.set(options.replyId!, { ...record, body: '', mentions: [], deleted: true }), COMMENTS_ORIGIN);
      return;
    }
    this.checkOwn(thread.get('author'), 'delete');
    this.doc.transact(() => {
      thread.set('deleted', true);
      thread.set('body', '');
      thread.set('mentions', []);
    }, COMMENTS_ORIGIN);
  }

  /** Marks a thread resolved (anyone who may comment may). */
  resolve(threadId: string): void {
    const thread = this.thread(threadId);
    this.doc.transact(() => {
      thread.set('resolved', true);
      thread.set('resolvedBy', { ...this.user });
      thread.set('resolvedAt', this.now());
    }, COMMENTS_ORIGIN);
  }

  /** Opens a resolved thread again. */
  reopen(threadId: string): void {
    const thread = this.thread(threadId);
    this.doc.transact(() => {
      thread.set('resolved', false);
      thread.set('resolvedBy', null);
      thread.set('resolvedAt', null);
    }, COMMENTS_ORIGIN);
  }

  /**
   * The threads in document order (by where their text starts; orphaned ones
   * last, oldest first), each with its state and current range. Deleted
   * threads without live replies and deleted replies are left out.
   */
  list(): CommentThread[] {
    const positions = new FragmentPositions(this.fragment, this.schema);
    const threads: CommentThread[] = [];
    this.map.forEach((value, id) => {
      if (!(value instanceof Y.Map)) return;
      const thread = readThread(id, value as Y.Map<unknown>, positions);
      if (thread.deleted && thread.replies.length === 0) return;
      threads.push(thread);
    });
    return threads.sort(documentOrder);
  }

  /** Everyone who wrote a comment or reply in this document (live or deleted), each once, for @mentions. */
  authors(): CommentAuthor[] {
    const byId = new Map<string, CommentAuthor>();
    this.map.forEach((value) => {
      if (!(value instanceof Y.Map)) return;
      const author = readAuthor(value.get('author'));
      if (author) byId.set(author.id, author);
      const replies = value.get('replies');
      if (replies instanceof Y.Map) {
        replies.forEach((record) => {
          const replyAuthor = readAuthor((record as ReplyRecord | null)?.author);
          if (replyAuthor) byId.set(replyAuthor.id, replyAuthor);
        });
      }
    });
    return [...byId.values()];
  }

  /** Calls `listener` after every change to the comments or, since ranges move with it, the content. */
  observe(listener: () => void): () => void {
    const onComments = (): void => listener();
    const onContent = (): void => listener();
    this.map.observeDeep(onComments);
    this.fragment.observeDeep(onContent);
    return () => {
      this.map.unobserveDeep(onComments);
      this.fragment.unobserveDeep(onContent);
    };
  }

  private thread(threadId: string): Y.Map<unknown> {
    if (typeof threadId !== 'string') throw new TypeError('A thread id must be a string.');
    const thread = this.map.get(threadId);
    if (!(thread instanceof Y.Map)) throw new RangeError(`There is no comment thread ${JSON.stringify(threadId)} in this document.`);
    return thread as Y.Map<unknown>;
  }

  private reply_(thread: Y.Map<unknown>, threadId: string, replyId: string): { replies: Y.Map<unknown>; record: ReplyRecord } {
    const replies = thread.get('replies');
    const record = replies instanceof Y.Map ? (replies.get(replyId) as ReplyRecord | undefined) : undefined;
    if (!(replies instanceof Y.Map) || typeof record !== 'object' || record === null || record.deleted === true) {
      throw new RangeError(`Thread ${JSON.stringify(threadId)} has no reply ${JSON.stringify(replyId)}.`);
    }
    return { replies: replies as Y.Map<unknown>, record };
  }

  private checkOwn(author: unknown, action: 'edit' | 'delete'): void {
    const owner = readAuthor(author);
    if (owner?.id !== this.user.id) {
      throw new RangeError(`Only the author of a comment may ${action} it; it was written by ${owner ? JSON.stringify(owner.name) : 'someone else'}.`);
    }
  }
}

function checkAuthor(author: CommentAuthor | undefined, name: string): void {
  if (typeof author !== 'object' || author === null) throw new TypeError(`${name} must be { id, name, color }.`);
  if (typeof author.id !== 'string' || author.id === '') throw new RangeError(`${name}.id must be a non-empty string.`);
  if (typeof author.name !== 'string') throw new TypeError(`${name}.name must be a string.`);
  if (!isHexColor(author.color)) throw new RangeError(`${name}.color must be a #rrggbb colour, got ${JSON.stringify(author.color)}.`);
}

function checkBody(body: string): string {
  if (typeof body !== 'string') throw new TypeError('A comment body must be a string.');
  const text = body.trim();
  if (text === '') throw new RangeError('A comment cannot be empty.');
  if (text.length > MAX_COMMENT_LENGTH) throw new RangeError(`A comment may be at most ${MAX_COMMENT_LENGTH} characters long; this one has ${text.length}.`);
  return text;
}

const UNKNOWN_AUTHOR: CommentAuthor = { id: '', name: '', color: '#6b7280' };

function readAuthor(value: unknown): CommentAuthor | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, name, color } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '') return null;
  return { id, name: typeof name === 'string' ? name : '', color: isHexColor(color) ? color : UNKNOWN_AUTHOR.color };
}

const readTime = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const readText = (value: unknown): string => (typeof value === 'string' ? value : '');

function readMentions(value: unknown): Mention[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { id, name } = entry as Record<string, unknown>;
    return typeof name === 'string' ? [{ id: typeof id === 'string' ? id : null, name }] : [];
  });
}

function readReplies(value: unknown): CommentReply[] {
  if (!(value instanceof Y.Map)) return [];
  const replies: CommentReply[] = [];
  value.forEach((entry, key) => {
    if (typeof entry !== 'object' || entry === null) return;
    const record = entry as ReplyRecord;
    if (record.deleted === true) return;
    replies.push({
      id: key,
      author: readAuthor(record.author) ?? UNKNOWN_AUTHOR,
      created: readTime(record.created) ?? 0,
      edited: readTime(record.edited),
      body: readText(record.body),
      mentions: readMentions(record.mentions),
    });
  });
  return replies.sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function readThread(id: string, thread: Y.Map<unknown>, positions: FragmentPositions): CommentThread {
  const start = decodeAnchor(thread.get('start'));
  const end = decodeAnchor(thread.get('end'));
  const from = start ? positions.absolutePosition(start) : null;
  const to = end ? positions.absolutePosition(end) : null;
  const anchored = from !== null && to !== null && from < to;
  const resolved = thread.get('resolved') === true;
  return {
    id,
    author: readAuthor(thread.get('author')) ?? UNKNOWN_AUTHOR,
    created: readTime(thread.get('created')) ?? 0,
    edited: readTime(thread.get('edited')),
    body: readText(thread.get('body')),
    mentions: readMentions(thread.get('mentions')),
    deleted: thread.get('deleted') === true,
    resolved,
    resolvedBy: resolved ? readAuthor(thread.get('resolvedBy')) : null,
    resolvedAt: resolved ? readTime(thread.get('resolvedAt')) : null,
    quote: readText(thread.get('quote')),
    state: !anchored ? 'orphaned' : resolved ? 'resolved' : 'open',
    from: anchored ? from : null,
    to: anchored ? to : null,
    replies: readReplies(thread.get('replies')),
  };
}

function documentOrder(a: CommentThread, b: CommentThread): number {
  if (a.from !== null && b.from !== null && a.from !== b.from) return a.from - b.from;
  if ((a.from === null) !== (b.from === null)) return a.from === null ? 1 : -1;
  return a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
