import { parseErrorCode, type ErrorCode } from './errors.js';

/** A lexical token of a formula. `word` covers references, names, function names and TRUE/FALSE; `sheet` is a `Name!` or `'Name'!` prefix. */
export type Token =
  | { readonly t: 'num'; readonly v: number; readonly text: string; readonly pos: number }
  | { readonly t: 'str'; readonly v: string; readonly pos: number }
  | { readonly t: 'err'; readonly v: ErrorCode; readonly pos: number }
  | { readonly t: 'word'; readonly v: string; readonly pos: number }
  | { readonly t: 'sheet'; readonly v: string; readonly pos: number }
  | { readonly t: 'op'; readonly v: string; readonly pos: number }
  | { readonly t: 'end'; readonly pos: number };

/** Thrown for formula text that cannot be read; `pos` is the character offset of the problem. */
export class FormulaSyntaxError extends Error {
  constructor(message: string, readonly pos: number) {
    super(message);
    this.name = 'FormulaSyntaxError';
  }
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 36 || c === 92 || c > 127;
}

const OPS2 = new Set(['<=', '>=', '<>']);
const OPS1 = new Set(['+', '-', '*', '/', '^', '&', '=', '<', '>', '%', '(', ')', ',', ';', ':', '{', '}']);
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;

/** Splits formula text (without the leading `=`) into tokens; throws {@link FormulaSyntaxError} on a stray character or an unterminated string. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  // Reads a text in `quote`s starting at the opening one (a doubled quote stands for itself); leaves `i` after the closing one.
  const readQuoted = (quote: string, unclosed: string, pos: number): string => {
    let s = '';
    i++;
    for (;;) {
      if (i >= n) throw new FormulaSyntaxError(unclosed, pos);
      const ch = src[i]!;
      if (ch === quote) {
        if (src[i + 1] !== quote) {
          i++;
          return s;
        }
        i++;
      }
      s += ch;
      i++;
    }
  };
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const pos = i;
    if (c === 34) {
      // "..." with "" as an escaped quote
      const s = readQuoted('"', 'A text in quotes is not closed; add the closing ".', pos);
      out.push({ t: 'str', v: s, pos });
      continue;
    }
    if (c === 39) {
      // 'Sheet name'! with '' as an escaped apostrophe
      const s = readQuoted("'", "A quoted sheet name is not closed; add the closing '.", pos);
      if (src[i] !== '!') throw new FormulaSyntaxError(`The quoted sheet name '${s}' must be followed by ! and a reference.`, pos);
      i++;
      out.push({ t: 'sheet', v: s, pos });
      continue;
    }
    if (c === 35) {
      // #DIV/0! and friends
      const m = /^#(DIV\/0!|VALUE!|REF!|NAME\?|N\/A|NUM!|NULL!|CIRC!|ERROR!)/i.exec(src.slice(i));
      const code = m ? parseErrorCode(m[0]) : undefined;
      if (!m || !code) throw new FormulaSyntaxError(`Unknown error value at "${src.slice(i, i + 8)}".`, pos);
      out.push({ t: 'err', v: code, pos });
      i += m[0].length;
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = NUMBER.exec(src.slice(i, i + 400))!;
      // A number directly followed by letters is a word (a name like "1st" is invalid anyway, but a row range "1:1" is not)
      const after = src.charCodeAt(i + m[0].length);
      if (!Number.isNaN(after) && isWordChar(after) && after !== 46 && !(after >= 48 && after <= 57)) {
        throw new FormulaSyntaxError(`"${src.slice(i, i + m[0].length + 1)}" is neither a number nor a reference.`, pos);
      }
      out.push({ t: 'num', v: Number(m[0]), text: m[0], pos });
      i += m[0].length;
      continue;
    }
    if (isWordChar(c)) {
      let j = i + 1;
      while (j < n && isWordChar(src.charCodeAt(j))) j++;
      const word = src.slice(i, j);
      if (src[j] === '!') {
        out.push({ t: 'sheet', v: word, pos });
        i = j + 1;
        continue;
      }
      out.push({ t: 'word', v: word, pos });
      i = j;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (OPS2.has(two)) {
      out.push({ t: 'op', v: two, pos });
      i += 2;
      continue;
    }
    const one = src[i]!;
    if (OPS1.has(one)) {
      out.push({ t: 'op', v: one, pos });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`Unexpected character "${one}" at position ${i + 1}.`, pos);
  }
  out.push({ t: 'end', pos: n });
  return out;
}
