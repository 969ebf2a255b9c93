import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';

/** How {@link findMatches} compares. */
export interface FindOptions {
  /** Match upper and lower case exactly. Default false: then `Ä` finds `ä` and `Straße` finds `STRAßE`. */
  readonly matchCase?: boolean;
  /**
   * Match only whole words: no letter, digit, combining mark or underscore
   * right before or after. Hyphens and apostrophes separate words, as in
   * Word: `Haus` is found in `Haus-Tür`. Default false.
   */
  readonly wholeWord?: boolean;
}

/** A range of document positions. */
export interface TextRange {
  readonly from: number;
  readonly to: number;
}

/** Stands for an inline node that is not text (an image, a line break), so no match spans it. */
const OBJECT_REPLACEMENT = '\uFFFC';
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

function buildPattern(query: string, options: FindOptions): RegExp {
  // Only syntax characters may be escaped in a `u` pattern, so `-` stays as it is.
  const escaped = query.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const body = options.wholeWord ? `(?<!${WORD_CHAR})${escaped}(?!${WORD_CHAR})` : escaped;
  // `u` makes `i` fold case per Unicode (Ä/ä, Σ/σ) and keeps offsets in the original text.
  return new RegExp(body, options.matchCase ? 'gu' : 'giu');
}

/** The text of a textblock in which every offset is a document offset from its start. */
function blockText(block: ProseMirrorNode): string {
  let text = '';
  block.forEach((child) => {
    text += child.isText ? (child.text ?? '') : OBJECT_REPLACEMENT.repeat(child.nodeSize);
  });
  return text;
}

function checkQuery(caller: string, query: unknown): asserts query is string {
  if (typeof query !== 'string') throw new TypeError(`${caller}: the query must be a string, got ${typeof query}.`);
}

/**
 * Finds every occurrence of `query` in the document, in document order, as
 * position ranges. A match may span text with different formatting (`Wort`
 * half bold) but never crosses a paragraph boundary, a line break or an
 * image. Case-insensitive matching folds case per Unicode (so `ä` finds `Ä`,
 * but `ss` does not find `ß`). An empty query finds nothing. Throws a
 * TypeError when `query` is not a string.
 */
export function findMatches(doc: ProseMirrorNode, query: string, options: FindOptions = {}): TextRange[] {
  checkQuery('findMatches', query);
  if (query.length === 0) return [];
  const pattern = buildPattern(query, options);
  const matches: TextRange[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const start = pos + 1;
    const text = blockText(node);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      matches.push({ from: start + match.index, to: start + match.index + match[0].length });
    }
    return false;
  });
  return matches;
}

/** Replaces one match in `tr`, keeping the formatting of its first character. */
function replaceMatch(tr: Transaction, match: TextRange, replacement: string): void {
  if (replacement === '') {
    tr.delete(match.from, match.to);
    return;
  }
  const marks = tr.doc.nodeAt(match.from)?.marks ?? [];
  tr.replaceWith(match.from, match.to, tr.doc.type.schema.text(replacement, marks));
}

/**
 * Returns one transaction that replaces every match of `query` with
 * `replacement`, or null when there is none. Being one transaction, it is
 * one step for undo. Each replacement takes the formatting of the first
 * character it replaces, as in Word.
 */
export function replaceAll(
  state: EditorState,
  query: string,
  replacement: string,
  options: FindOptions = {},
): Transaction | null {
  checkQuery('replaceAll', query);
  if (typeof replacement !== 'string') throw new TypeError('replaceAll: the replacement must be a string.');
  const matches = findMatches(state.doc, query, options);
  if (matches.length === 0) return null;
  const tr = state.tr;
  // Back to front, so the positions of the earlier matches stay valid.
  for (let index = matches.length - 1; index >= 0; index--) replaceMatch(tr, matches[index] as TextRange, replacement);
  return tr.scrollIntoView();
}

/** The first match after `pos` (or before it, backwards), wrapping around the document. */
function nextMatch(matches: readonly TextRange[], pos: number, backwards: boolean): TextRange | undefined {
  if (backwards) {
    const before = matches.filter((match) => match.to <= pos);
    return before[before.length - 1] ?? matches[matches.length - 1];
  }
  return matches.find((match) => match.from >= pos) ?? matches[0];
}

/**
 * Returns a transaction that selects the next match of `query` after the
 * selection (or, with `backwards`, the one before it), wrapping around the
 * end of the document, or null when there is none. With the cursor at the
 * start of a match, that match is next.
 */
export function findNext(
  state: EditorState,
  query: string,
  options: FindOptions = {},
  backwards = false,
): Transaction | null {
  checkQuery('findNext', query);
  const matches = findMatches(state.doc, query, options);
  const { from, to } = state.selection;
  const match = nextMatch(matches, backwards ? from : to, backwards);
  if (!match) return null;
  return state.tr.setSelection(TextSelection.create(state.doc, match.from, match.to)).scrollIntoView();
}

/**
 * Returns a transaction for the Replace button of a find bar: when the
 * selection is exactly a match of `query`, it replaces that match with
 * `replacement` and selects the next match after it; otherwise it only
 * selects the next match (so the user sees what Replace will change). Returns
 * null when there is no match.
 */
export function replaceNext(
  state: EditorState,
  query: string,
  replacement: string,
  options: FindOptions = {},
): Transaction | null {
  checkQuery('replaceNext', query);
  if (typeof replacement !== 'string') throw new TypeError('replaceNext: the replacement must be a string.');
  const matches = findMatches(state.doc, query, options);
  const { from, to } = state.selection;
  const current = matches.find((match) => match.from === from && match.to === to);
  if (!current) return findNext(state, query, options);
  const tr = state.tr;
  replaceMatch(tr, current, replacement);
  const next = nextMatch(findMatches(tr.doc, query, options), current.from + replacement.length, false);
  const selection = next
    ? TextSelection.create(tr.doc, next.from, next.to)
    : TextSelection.create(tr.doc, current.from + replacement.length);
  return tr.setSelection(selection).scrollIntoView();
}
