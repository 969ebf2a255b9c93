import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { FORMAT_CHANGE, decodeFormatting, formatDifference, isFormattingType } from './format-changes.js';
import type { FormatDifference } from './format-changes.js';
import { suggestionAttrsOf } from './suggestion-marks.js';
import type { SuggestionAttrs, SuggestionKind } from './suggestion-marks.js';

/** The transaction meta key that tells suggest mode to leave a transaction alone (accepting, rejecting). */
export const SUGGESTION_DIRECT = 'allmende-suggestion-direct';

/** One piece of suggested text: a text (or inline) node's range and its suggestion mark; `format` for a formatting change. */
export interface SuggestionPiece {
  readonly kind: SuggestionKind | 'format';
  readonly from: number;
  readonly to: number;
  readonly mark: Mark;
  readonly attrs: SuggestionAttrs;
}

/**
 * One suggestion, as {@link listSuggestions} returns it: all pieces with one
 * id. A replacement (text typed over a selection in suggest mode) has both
 * deleted and inserted text under one id; accepting or rejecting it acts on both.
 */
export interface Suggestion extends SuggestionAttrs {
  readonly kind: SuggestionKind | 'replacement' | 'format';
  /** The text proposed for removal. */
  readonly deletedText: string;
  /** The text proposed for insertion. */
  readonly insertedText: string;
  /** The text whose formatting a `format` suggestion changes. */
  readonly formattedText: string;
  /** What a `format` suggestion changes, by mark name (from its first piece); empty lists for the other kinds. */
  readonly format: FormatDifference;
  /** Where its first piece starts and its last one ends. */
  readonly from: number;
  readonly to: number;
}

/** Every piece of suggested text in a document, in document order, adjacent pieces of one mark joined. */
export function suggestionPieces(doc: ProseMirrorNode, from = 0, to = doc.content.size): SuggestionPiece[] {
  const pieces: SuggestionPiece[] = [];
  const lastOfKind = new Map<SuggestionPiece['kind'], number>();
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const name = mark.type.name === FORMAT_CHANGE ? 'format' : mark.type.name;
      if (name !== 'insertion' && name !== 'deletion' && name !== 'format') continue;
      const start = Math.max(from, pos);
      const end = Math.min(to, pos + node.nodeSize);
      const index = lastOfKind.get(name);
      const last = index === undefined ? undefined : pieces[index];
      if (index !== undefined && last && last.to === start && last.mark.eq(mark)) {
        pieces[index] = { ...last, to: end };
      } else {
        lastOfKind.set(name, pieces.length);
        pieces.push({ kind: name, from: start, to: end, mark, attrs: suggestionAttrsOf(mark) });
      }
    }
    return false;
  });
  return pieces.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** The suggestions of a document in document order, one entry per suggestion id. */
export function listSuggestions(doc: ProseMirrorNode): Suggestion[] {
  interface Entry {
    attrs: SuggestionAttrs;
    kinds: Set<SuggestionPiece['kind']>;
    text: Record<SuggestionPiece['kind'], string[]>;
    format: FormatDifference | null;
    from: number;
    to: number;
  }
  const byId = new Map<string, Entry>();
  for (const piece of suggestionPieces(doc)) {
    let entry = byId.get(piece.attrs.id);
    if (!entry) {
      entry = { attrs: piece.attrs, kinds: new Set(), text: { insertion: [], deletion: [], format: [] }, format: null, from: piece.from, to: piece.to };
      byId.set(piece.attrs.id, entry);
    }
    entry.kinds.add(piece.kind);
    entry.text[piece.kind].push(doc.textBetween(piece.from, piece.to, ' ', '\ufffc'));
    if (piece.kind === 'format' && entry.format === null) {
      entry.format = formatDifference(decodeFormatting(doc.type.schema, piece.mark.attrs['before']), doc.nodeAt(piece.from)?.marks ?? []);
    }
    entry.from = Math.min(entry.from, piece.from);
    entry.to = Math.max(entry.to, piece.to);
  }
  return [...byId.values()].map(({ attrs, kinds, text, format, from, to }) => ({
    ...attrs,
    kind: kinds.has('insertion') && kinds.has('deletion') ? 'replacement' : kinds.has('insertion') ? 'insertion' : kinds.has('deletion') ? 'deletion' : 'format',
    deletedText: text.deletion.join(''),
    insertedText: text.insertion.join(''),
    formattedText: text.format.join(''),
    format: format ?? { added: [], removed: [] },
    from,
    to,
  }));
}

/** Rejecting a formatting change: the text's formatting becomes what `before` says, and the suggestion mark goes. */
function restoreFormatting(tr: Transaction, piece: SuggestionPiece): void {
  const schema = tr.doc.type.schema;
  for (const type of Object.values(schema.marks)) if (isFormattingType(type)) tr.removeMark(piece.from, piece.to, type);
  for (const mark of decodeFormatting(schema, piece.mark.attrs['before'])) tr.addMark(piece.from, piece.to, mark);
}

/**
 * Accepting keeps what a suggestion proposes: inserted text loses its mark,
 * deleted text goes, formatted text keeps its new formatting. Rejecting
 * restores what was there: inserted text goes, deleted text loses its mark,
 * formatted text gets its old formatting back. Formatting is settled first
 * (it moves nothing); pieces are removed from the end backwards so earlier
 * positions stay valid; marks are removed through the mapping.
 */
function settle(tr: Transaction, all: readonly SuggestionPiece[], accept: boolean): void {
  const formats = all.filter((piece) => piece.kind === 'format');
  for (const piece of formats) {
    if (!accept) restoreFormatting(tr, piece);
    tr.removeMark(piece.from, piece.to, piece.mark);
  }
  const pieces = all.filter((piece) => piece.kind !== 'format');
  const removeText = pieces.filter((piece) => (piece.kind === 'deletion') === accept);
  const keepText = pieces.filter((piece) => (piece.kind === 'deletion') !== accept);
  for (const piece of keepText) tr.removeMark(piece.from, piece.to, piece.mark);
  for (const piece of [...removeText].sort((a, b) => b.from - a.from)) {
    const from = tr.mapping.map(piece.from, 1);
    const to = tr.mapping.map(piece.to, -1);
    if (from < to) tr.delete(from, to);
  }
  tr.setMeta(SUGGESTION_DIRECT, true);
}

function settleCommand(accept: boolean, select: (piece: SuggestionPiece) => boolean): Command {
  return (state: EditorState, dispatch) => {
    const pieces = suggestionPieces(state.doc).filter(select);
    if (pieces.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      settle(tr, pieces, accept);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

function checkId(id: string): void {
  if (typeof id !== 'string' || id === '') throw new TypeError('A suggestion id must be a non-empty string.');
}

/** Accepts one suggestion (every piece with this id) in one transaction; false when there is none. */
export function acceptSuggestion(id: string): Command {
  checkId(id);
  return settleCommand(true, (piece) => piece.attrs.id === id);
}

/** Rejects one suggestion (every piece with this id) in one transaction; false when there is none. */
export function rejectSuggestion(id: string): Command {
  checkId(id);
  return settleCommand(false, (piece) => piece.attrs.id === id);
}

/** Accepts every suggestion in the document in one transaction. */
export const acceptAllSuggestions: Command = settleCommand(true, () => true);

/** Rejects every suggestion in the document in one transaction. */
export const rejectAllSuggestions: Command = settleCommand(false, () => true);
