import type { Node as ProseMirrorNode } from 'prosemirror-model';

// Text that no reader sees: soft hyphens, zero-width spaces and joiners, the
// byte-order mark.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
// `\s` with `u` covers the no-break and the typographic spaces (U+00A0, U+2009, U+202F).
const SEPARATOR = /[\s\u200b]+/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Scripts written without spaces between words; Word counts each character of them as a word.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** The text of each textblock, with line breaks and images as spaces. */
function textblocks(doc: ProseMirrorNode): string[] {
  const blocks: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let text = '';
    node.forEach((child) => {
      text += child.isText ? (child.text ?? '') : ' ';
    });
    blocks.push(text);
    return false;
  });
  return blocks;
}

/**
 * Counts the words of a document as word processors do: a word is a run of
 * characters between spaces (or line and paragraph breaks) that holds at
 * least one letter or digit. So `Straße`, `Bäume`, `E-Mail-Adresse`,
 * `und/oder`, `3,5` and `Müller's` are one word each, `z. B.` is two, and a
 * dash between spaces is none. Formatting does not split words. In Chinese
 * and Japanese, each ideograph or kana counts as a word, as in Word.
 */
export function countWords(doc: ProseMirrorNode): number {
  let count = 0;
  for (const block of textblocks(doc)) {
    for (const token of block.replace(INVISIBLE, '').split(SEPARATOR)) {
      if (!token) continue;
      const unspaced = token.match(UNSPACED)?.length ?? 0;
      count += unspaced;
      const rest = unspaced > 0 ? token.replace(UNSPACED, ' ').split(SEPARATOR) : [token];
      for (const part of rest) if (LETTER_OR_DIGIT.test(part)) count++;
    }
  }
  return count;
}

/** Options of {@link countCharacters}. */
export interface CountCharactersOptions {
  /** Count spaces (and other white space) too. Default true. */
  readonly spaces?: boolean;
}

let graphemes: Intl.Segmenter | null | undefined;

/** The number of user-perceived characters in `text`. */
function graphemeCount(text: string): number {
  // Latin text without combining marks (German included) has one character per code unit.
  // eslint-disable-next-line no-control-regex
  if (/^[\u0000-\u02ff]*$/.test(text)) return text.length;
  if (graphemes === undefined) {
    graphemes = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  if (!graphemes) return [...text].length;
  let count = 0;
  for (const segment of graphemes.segment(text)) if (segment.segment) count++;
  return count;
}

/**
 * Counts the characters of a document as a reader sees them: `ä` is one
 * character whether stored as one code point or as `a` with a combining
 * mark, and so is an emoji with skin tone. Paragraph and line breaks,
 * images, soft hyphens and zero-width characters do not count. With
 * `spaces: false`, white space (including no-break spaces) does not count
 * either, like Word's "characters (no spaces)".
 */
export function countCharacters(doc: ProseMirrorNode, options: CountCharactersOptions = {}): number {
  const spaces = options.spaces ?? true;
  let count = 0;
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let text = '';
    node.forEach((child) => {
      if (child.isText) text += child.text ?? '';
    });
    text = text.replace(INVISIBLE, '');
    count += graphemeCount(spaces ? text : text.replace(/\s+/gu, ''));
    return false;
  });
  return count;
}
