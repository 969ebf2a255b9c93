import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Selection } from 'prosemirror-state';
import { Transform } from 'prosemirror-transform';
import { schema } from '../schema.js';

/** One comment of a thread as files carry it: who, when, what. */
export interface FileComment {
  /** The author's display name (`dc:creator`, `w:author`). */
  readonly author: string;
  /** Milliseconds since 1970 (UTC); 0 when unknown. Files keep whole seconds. */
  readonly time: number;
  /** The text; line breaks separate paragraphs. */
  readonly body: string;
}

/**
 * A comment thread of a document file, anchored by ProseMirror positions in
 * the document it goes with (`from < to`). Exporters take these next to the
 * document; importers return them, with positions in the new document.
 */
export interface FileCommentThread extends FileComment {
  readonly from: number;
  readonly to: number;
  readonly resolved: boolean;
  /** The replies, oldest first. */
  readonly replies: readonly FileComment[];
}

/** Options of the ODT and DOCX writers. */
export interface DocumentExportOptions {
  /** Comment threads to write as annotations; threads whose range is not inside the document are left out. */
  readonly comments?: readonly FileCommentThread[];
}

// Unicode noncharacters: never meant for interchange, so a file's own text cannot hold them (readers strip them).
/** Stands in the text, while a file is read or written, where a comment range starts. */
export const COMMENT_START = '\ufdd0';
/** Stands in the text where a comment range ends. */
export const COMMENT_END = '\ufdd1';
const SENTINELS = /[\ufdd0\ufdd1]/g;

/** Text from a file, with the characters this package uses as comment sentinels removed. */
export const withoutSentinels = (text: string): string => text.replace(SENTINELS, '');

/** What a sentinel in a document being written stands for. */
export interface CommentEvent {
  readonly kind: 'start' | 'end';
  readonly thread: FileCommentThread;
  /** The thread's index in the list the caller passed. */
  readonly index: number;
}

/** The nearest position at or around `pos` where text can go (searching in `dir`), or null. */
function textPosition(doc: ProseMirrorNode, pos: number, dir: 1 | -1): number | null {
  const clamped = Math.max(0, Math.min(doc.content.size, pos));
  const $pos = doc.resolve(clamped);
  if ($pos.parent.inlineContent) return clamped;
  const found = Selection.findFrom($pos, dir, true) ?? Selection.findFrom($pos, -dir as 1 | -1, true);
  return found ? found.from : null;
}

/**
 * The document with a sentinel character where each comment range starts
 * and ends, and the events the sentinels stand for, in document order.
 * Writers walk the document in order and take one event per sentinel.
 */
export function placeCommentSentinels(doc: ProseMirrorNode, threads: readonly FileCommentThread[]): { doc: ProseMirrorNode; events: CommentEvent[] } {
  const placed: { pos: number; event: CommentEvent }[] = [];
  threads.forEach((thread, index) => {
    if (!Number.isInteger(thread.from) || !Number.isInteger(thread.to) || thread.from >= thread.to) return;
    if (thread.from < 0 || thread.to > doc.content.size) return;
    const from = textPosition(doc, thread.from, 1);
    const to = textPosition(doc, thread.to, -1);
    if (from === null || to === null || from >= to) return;
    placed.push({ pos: from, event: { kind: 'start', thread, index } }, { pos: to, event: { kind: 'end', thread, index } });
  });
  // Ends before starts at one place, so ranges that touch do not overlap; inner ranges nest.
  placed.sort((a, b) => a.pos - b.pos || (a.event.kind === b.event.kind ? 0 : a.event.kind === 'end' ? -1 : 1));
  const tr = new Transform(doc);
  // Inserting from the last to the first at the original positions keeps this order (an insert goes before what is there).
  for (let index = placed.length - 1; index >= 0; index--) {
    const { pos, event } = placed[index]!;
    tr.insert(pos, schema.text(event.kind === 'start' ? COMMENT_START : COMMENT_END));
  }
  return { doc: tr.doc, events: placed.map((entry) => entry.event) };
}

/** A comment's place as read from a file: the keys of its start and end sentinels, in the order the reader met them. */
export class CommentMarkers {
  /** For each sentinel the reader put into the text, in order: start or end, and its comment's key. */
  readonly sentinels: { kind: 'start' | 'end'; key: string }[] = [];

  /** The sentinel text for the start of comment `key`. */
  start(key: string): string {
    this.sentinels.push({ kind: 'start', key });
    return COMMENT_START;
  }

  /** The sentinel text for the end of comment `key`. */
  end(key: string): string {
    this.sentinels.push({ kind: 'end', key });
    return COMMENT_END;
  }
}

/** What {@link extractCommentRanges} found. */
export interface ExtractedRanges {
  readonly doc: ProseMirrorNode;
  /** The range of each comment key; a point (a comment without a range) is widened to its paragraph. */
  readonly ranges: Map<string, { from: number; to: number }>;
  /** Keys whose range started but never ended; they run to the end of the paragraph they start in. */
  readonly unclosed: string[];
}

/**
 * Takes the sentinels out of a document read from a file and returns the
 * comment ranges they marked, as positions in the clean document. Sentinels
 * the reader dropped (in text a reader left out) are skipped.
 */
export function extractCommentRanges(doc: ProseMirrorNode, markers: CommentMarkers): ExtractedRanges {
  const found: { pos: number; char: string }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    const text = node.text ?? '';
    for (let index = text.search(SENTINELS); index !== -1; ) {
      found.push({ pos: pos + index, char: text[index]! });
      const next = text.slice(index + 1).search(SENTINELS);
      index = next === -1 ? -1 : index + 1 + next;
    }
  });
  const tr = new Transform(doc);
  for (let index = found.length - 1; index >= 0; index--) tr.delete(found[index]!.pos, found[index]!.pos + 1);
  const clean = tr.doc;
  // Match sentinels to the reader's list by kind, in order (a sentinel the reader wrote always lands in the document or is dropped with its text).
  const queues = { start: markers.sentinels.filter((entry) => entry.kind === 'start'), end: markers.sentinels.filter((entry) => entry.kind === 'end') };
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  let startIndex = 0;
  let endIndex = 0;
  for (const entry of found) {
    const mapped = tr.mapping.map(entry.pos, -1);
    if (entry.char === COMMENT_START) {
      const key = queues.start[startIndex++]?.key;
      if (key !== undefined && !starts.has(key)) starts.set(key, mapped);
    } else {
      const key = queues.end[endIndex++]?.key;
      if (key !== undefined && !ends.has(key)) ends.set(key, mapped);
    }
  }
  const ranges = new Map<string, { from: number; to: number }>();
  const unclosed: string[] = [];
  for (const [key, from] of starts) {
    let to = ends.get(key);
    const $from = clean.resolve(from);
    const blockStart = $from.parent.inlineContent ? $from.start() : from;
    const blockEnd = $from.parent.inlineContent ? $from.end() : from;
    if (to === undefined || to < from) {
      unclosed.push(key);
      to = blockEnd;
    }
    let range = { from, to };
    // A point comment (or one on an empty stretch) is about its paragraph.
    if (range.from >= range.to || clean.textBetween(range.from, range.to, ' ', '\ufffc').trim() === '') range = { from: blockStart, to: blockEnd };
    if (range.from < range.to) ranges.set(key, range);
  }
  return { doc: clean, ranges, unclosed };
}

/** A thread as a reader collects it, before its range is known. */
export interface ReadThread extends FileComment {
  readonly key: string;
  resolved: boolean;
  readonly replies: FileComment[];
}

/**
 * The clean document and the comment threads of a file: ranges from the
 * sentinels, threads in the order the file has them. Counts
 * `comment-range-unclosed` for ranges that never end and `comments-dropped`
 * for threads with no text to be on (kept nowhere else, so the count says
 * what was lost).
 */
export function finishComments(
  doc: ProseMirrorNode,
  markers: CommentMarkers,
  threads: readonly ReadThread[],
  warn: (code: 'comment-range-unclosed' | 'comments-dropped', count: number) => void,
): { doc: ProseMirrorNode; comments: FileCommentThread[] } {
  if (markers.sentinels.length === 0 && threads.length === 0) return { doc, comments: [] };
  const extracted = extractCommentRanges(doc, markers);
  const unclosed = new Set(extracted.unclosed);
  const comments: FileCommentThread[] = [];
  let dropped = 0;
  let open = 0;
  for (const thread of threads) {
    const range = extracted.ranges.get(thread.key);
    if (!range) {
      dropped++;
      continue;
    }
    if (unclosed.has(thread.key)) open++;
    comments.push({ author: thread.author, time: thread.time, body: thread.body, resolved: thread.resolved, replies: thread.replies, from: range.from, to: range.to });
  }
  if (open > 0) warn('comment-range-unclosed', open);
  if (dropped > 0) warn('comments-dropped', dropped);
  return { doc: extracted.doc, comments };
}
