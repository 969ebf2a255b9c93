import { columnIndex, MAX_COLS, MAX_ROWS } from './a1.js';
import type { A1Ast } from './ast.js';
import { parseFormula } from './parser.js';

/** A formula parsed once, in the cell it was first seen in. */
interface Template {
  /** Undefined when the formula has a range with one absolute and one relative end on an axis (see {@link shiftable}). */
  readonly ast: A1Ast | undefined;
  readonly row: number;
  readonly col: number;
}

// Characters the tokenizer reads as part of a word (references, names, numbers)
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 36 || c === 92 || c > 127;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The first non-blank character code from `i` in direction `step`, or -1 at either end. */
function neighbour(text: string, i: number, step: 1 | -1): number {
  while (i >= 0 && i < text.length && isBlank(text.charCodeAt(i))) i += step;
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;
const MAX_TEMPLATES = 10_000;

/**
 * The formula as seen from the cell it is in (row, col): every cell reference replaced by its offset from the cell
 * (or its absolute position where it has `$`), everything else verbatim. Two formulas with the same key are the same
 * formula copied to another cell, as R1C1 notation would show them (`=A1+1` in A2 and `=A2+1` in A3).
 *
 * Returns undefined for formulas where reading positions from the text alone is not certain: whole rows or columns
 * (`A:A`, `1:3`, whose letters are not shifted by copying), references beyond the sheet's limits, unclosed quotes.
 * Words that look like references but are not (function names such as `LOG10(`, sheet names before `!`) are kept
 * verbatim, and so is everything inside quotes.
 */
export function relativeKey(text: string, row: number, col: number): string | undefined {
  let key = '';
  let from = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 39) {
      // "text" or 'sheet name', with doubled quotes inside: verbatim
      let j = i + 1;
      for (;;) {
        if (j >= n) return undefined;
        if (text.charCodeAt(j) === c) {
          if (text.charCodeAt(j + 1) === c) {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      i = j + 1;
      continue;
    }
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordChar(text.charCodeAt(j))) j++;
    // The parser skips white space between tokens, so the neighbours that matter are the next non-blank characters
    const before = neighbour(text, i - 1, -1);
    const after = neighbour(text, j, 1);
    const m = after === 40 /* ( */ || after === 33 /* ! */ ? null : CELL.exec(text.slice(i, j));
    if (m === null) {
      // A word next to ":" that is not a cell (A:A, 1:3, a sheet name inside a range) is a position the key cannot shift
      if (before === 58 || after === 58) return undefined;
      i = j;
      continue;
    }
    const refCol = columnIndex(m[2]!);
    const refRow = Number(m[4]) - 1;
    if (refCol < 0 || refCol >= MAX_COLS || refRow < 0 || refRow >= MAX_ROWS) return undefined;
    key += text.slice(from, i) + '\u0001' + (m[1] ? 'C' + refCol : 'c' + (refCol - col)) + (m[3] ? 'R' + refRow : 'r' + (refRow - row)) + '\u0001';
    from = j;
    i = j;
  }
  return key + text.slice(from);
}

/**
 * Parses formulas once per distinct relative form: a column of `=A1+1`, `=A2+1`, … is parsed once and each further
 * cell only binds the shared tree with its own offset. Formulas that fail to parse are not kept (each throws as usual).
 */
export class FormulaTemplates {
  private readonly templates = new Map<string, Template>();

  /** The A1 syntax tree of `text` written in (row, col), and the offset to apply to its relative references. */
  parse(text: string, row: number, col: number): { ast: A1Ast; dr: number; dc: number } {
    const key = relativeKey(text, row, col);
    if (key === undefined) return { ast: parseFormula(text), dr: 0, dc: 0 };
    const t = this.templates.get(key);
    if (t) return t.ast ? { ast: t.ast, dr: row - t.row, dc: col - t.col } : { ast: parseFormula(text), dr: 0, dc: 0 };
    const ast = parseFormula(text);
    // A bound on memory: a workbook of all-different formulas gains nothing from keeping them
    if (this.templates.size >= MAX_TEMPLATES) this.templates.clear();
    this.templates.set(key, { ast: shiftable(ast) ? ast : undefined, row, col });
    return { ast, dr: 0, dc: 0 };
  }
}

/**
 * Whether shifting the tree gives what parsing the shifted text gives. Not so for a range with one `$` end and one
 * relative end on the same axis (`A$5:A1`): moved until both ends meet, the parser keeps the written order of the `$`
 * flags, which the tree no longer knows.
 */
function shiftable(ast: A1Ast): boolean {
  switch (ast.k) {
    case 'range': {
      const g = ast.ref;
      return g.rowAbs1 === g.rowAbs2 && g.colAbs1 === g.colAbs2;
    }
    case 'fn': return ast.args.every(shiftable);
    case 'bin': return shiftable(ast.a) && shiftable(ast.b);
    case 'neg': case 'plus': case 'pct': case 'paren': return shiftable(ast.a);
    default: return true;
  }
}
