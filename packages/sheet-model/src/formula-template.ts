import { MAX_COLS, MAX_ROWS } from './a1.js';
import type { A1Ast } from './ast.js';
import { parseFormula } from './parser.js';

/** A formula parsed once, in the cell it was first seen in. */
interface Template {
  /** Undefined when the formula has a range with one absolute and one relative end on an axis (see {@link shiftable}). */
  readonly ast: A1Ast | undefined;
  readonly row: number;
  readonly col: number;
  /**
   * For a key with number placeholders: the numbers the tree holds, in the order the text has them. Undefined when
   * the tree's numbers are not exactly the placeholders (an exponent, a number in an array constant, a sign folded in):
   * then the key without placeholders is used instead.
   */
  readonly nums?: readonly number[] | undefined;
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

/** The numbers of the last relativeKey call with placeholders, in text order. */
const keyNumbers: number[] = [];

const OTHER = 0;
const NUMBER = 1;
const EXPONENT = 2;

/** Whether `text.slice(i, j)` is a plain decimal number (`12`, `1.5`), the start of one with an exponent (`1e`), or other. */
function numberWord(text: string, i: number, j: number): number {
  let p = i;
  while (p < j && isDigit(text.charCodeAt(p))) p++;
  if (p === i) return OTHER;
  if (p < j && text.charCodeAt(p) === 46) {
    const dot = ++p;
    while (p < j && isDigit(text.charCodeAt(p))) p++;
    if (p === dot) return p < j && (text.charCodeAt(p) | 0x20) === 101 ? EXPONENT : OTHER;
  }
  if (p === j) return NUMBER;
  return (text.charCodeAt(p) | 0x20) === 101 ? EXPONENT : OTHER;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// The result of the last matchCell call (module-level, so matching allocates nothing)
let cellCol = 0;
let cellRow = 0;
let cellColAbs = false;
let cellRowAbs = false;

/**
 * Whether `text.slice(i, j)` is a cell reference `$?` + 1–3 letters + `$?` + 1–7 digits; sets cellCol (zero-based,
 * -1 beyond XFD), cellRow (zero-based) and the `$` flags.
 */
function matchCell(text: string, i: number, j: number): boolean {
  let p = i;
  cellColAbs = text.charCodeAt(p) === 36;
  if (cellColAbs) p++;
  let col = 0;
  const letters = p;
  while (p < j) {
    const c = text.charCodeAt(p) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    p++;
  }
  if (p === letters || p - letters > 3) return false;
  cellRowAbs = text.charCodeAt(p) === 36;
  if (cellRowAbs) p++;
  const digits = p;
  let row = 0;
  while (p < j) {
    const c = text.charCodeAt(p);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
    p++;
  }
  if (p === digits || p - digits > 7 || p !== j) return false;
  cellCol = col > MAX_COLS ? -1 : col - 1;
  cellRow = row - 1;
  return true;
}
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
export function relativeKey(text: string, row: number, col: number, numbers = false): string | undefined {
  let key = numbers ? '\u0003' : '';
  if (numbers) keyNumbers.length = 0;
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
    const isCell = after !== 40 /* ( */ && after !== 33 /* ! */ && matchCell(text, i, j);
    if (!isCell) {
      // A word next to ":" that is not a cell (A:A, 1:3, a sheet name inside a range) is a position the key cannot shift
      if (before === 58 || after === 58) return undefined;
      if (numbers && after !== 40 && after !== 33) {
        const kind = numberWord(text, i, j);
        // `1e+5` splits into the words "1e" and "5": such a formula gets no placeholders at all
        if (kind === EXPONENT) return relativeKey(text, row, col, false);
        if (kind === NUMBER) {
          key += text.slice(from, i) + '\u0002';
          keyNumbers.push(Number(text.slice(i, j)));
          from = j;
        }
      }
      i = j;
      continue;
    }
    const refCol = cellCol;
    const refRow = cellRow;
    if (refCol < 0 || refCol >= MAX_COLS || refRow < 0 || refRow >= MAX_ROWS) return undefined;
    key += text.slice(from, i) + '\u0001' + (cellColAbs ? 'C' + refCol : 'c' + (refCol - col)) + (cellRowAbs ? 'R' + refRow : 'r' + (refRow - row)) + '\u0001';
    from = j;
    i = j;
  }
  return key + text.slice(from);
}

/**
 * Parses formulas once per distinct relative form: a column of `=A1+1`, `=A2+1`, … is parsed once and each further
 * cell only binds the shared tree with its own offset. Plain numbers are placeholders of the form too, so
 * `=VLOOKUP(17,$A$1:$T$9999,20,FALSE)` and `=VLOOKUP(42,…)` share one tree and each cell binds it with its own numbers.
 * Formulas that fail to parse are not kept (each throws as usual).
 */
export class FormulaTemplates {
  private readonly templates = new Map<string, Template>();

  /**
   * The A1 syntax tree of `text` written in (row, col), the offset to apply to its relative references and, where
   * they differ from the tree's, the numbers to put in place of the tree's numbers (in the tree's order).
   */
  parse(text: string, row: number, col: number): { ast: A1Ast; dr: number; dc: number; nums?: readonly number[] | undefined } {
    const key = relativeKey(text, row, col, true);
    if (key === undefined) return { ast: parseFormula(text), dr: 0, dc: 0 };
    const t = this.templates.get(key);
    if (t) {
      if (!t.ast) return { ast: parseFormula(text), dr: 0, dc: 0 };
      if (t.nums) return { ast: t.ast, dr: row - t.row, dc: col - t.col, nums: sameNumbers(t.nums, keyNumbers) ? undefined : keyNumbers.slice() };
      return this.parseWithoutNumbers(text, row, col);
    }
    const ast = parseFormula(text);
    const nums = keyNumbers.slice();
    const ok = shiftable(ast);
    this.remember(key, { ast: ok ? ast : undefined, row, col, nums: ok && sameNumbers(treeNumbers(ast), nums) ? nums : undefined });
    return { ast, dr: 0, dc: 0 };
  }

  /** The same with the numbers kept verbatim in the key, for formulas whose numbers cannot be placeholders. */
  private parseWithoutNumbers(text: string, row: number, col: number): { ast: A1Ast; dr: number; dc: number } {
    const key = relativeKey(text, row, col);
    if (key === undefined) return { ast: parseFormula(text), dr: 0, dc: 0 };
    const t = this.templates.get(key);
    if (t) return t.ast ? { ast: t.ast, dr: row - t.row, dc: col - t.col } : { ast: parseFormula(text), dr: 0, dc: 0 };
    const ast = parseFormula(text);
    this.remember(key, { ast: shiftable(ast) ? ast : undefined, row, col });
    return { ast, dr: 0, dc: 0 };
  }

  private remember(key: string, t: Template): void {
    // A bound on memory: a workbook of all-different formulas gains nothing from keeping them
    if (this.templates.size >= MAX_TEMPLATES) this.templates.clear();
    this.templates.set(key, t);
  }
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** The numbers of a tree in the order binding visits them (array constants are left out: binding keeps them). */
function treeNumbers(ast: A1Ast, out: number[] = []): number[] {
  switch (ast.k) {
    case 'num': out.push(ast.v); break;
    case 'fn': for (const a of ast.args) treeNumbers(a, out); break;
    case 'bin': treeNumbers(ast.a, out); treeNumbers(ast.b, out); break;
    case 'neg': case 'plus': case 'pct': case 'paren': treeNumbers(ast.a, out); break;
    default: break;
  }
  return out;
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
