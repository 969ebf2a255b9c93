import { ERR, FormulaError } from './errors.js';
import { parseDateText } from './dates.js';

/** A computed cell value: a number, text, boolean, an error, or null for an empty cell. */
export type Scalar = number | string | boolean | null | FormulaError;

/** A rectangular block of values a function receives for a range or an array constant. */
export interface Area {
  readonly kind: 'area';
  readonly height: number;
  readonly width: number;
  /** The value at a zero-based offset inside the block; null where the cell is empty. */
  at(row: number, col: number): Scalar;
  /**
   * Optional fast path for aggregates: the storage of one column of the block and the slice [start, end) it covers
   * (entries may be undefined for empty cells). Engines that store columns contiguously provide it.
   */
  column?(col: number): { readonly values: readonly (Scalar | undefined)[]; readonly start: number; readonly end: number };
}

/** What a function argument evaluates to: a single value or a block. */
export type Arg = Scalar | Area;

/** Returns whether `a` is a block of values rather than a single value. */
export function isArea(a: Arg): a is Area {
  return a !== null && typeof a === 'object' && (a as Area).kind === 'area';
}

/** Returns whether `v` is an error value. */
export function isError(v: unknown): v is FormulaError {
  return v instanceof FormulaError;
}

/** A block backed by a two-dimensional array, used for array constants and computed arrays. */
export class MatrixArea implements Area {
  readonly kind = 'area';
  readonly height: number;
  readonly width: number;
  constructor(readonly rows: readonly (readonly Scalar[])[]) {
    this.height = rows.length;
    this.width = rows[0]?.length ?? 0;
  }
  at(row: number, col: number): Scalar {
    return this.rows[row]?.[col] ?? null;
  }
}

const NUMERIC_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const PERCENT_TEXT = /^\s*([+-]?(\d+(\.\d*)?|\.\d+))\s*%\s*$/;

/** Converts text the way Excel does when text meets arithmetic: "12", "1e3", "50%" and date text become numbers; anything else is undefined. */
export function textToNumber(s: string): number | undefined {
  if (NUMERIC_TEXT.test(s)) return Number(s);
  const p = PERCENT_TEXT.exec(s);
  if (p) return Number(p[1]) / 100;
  const grouped = /^\s*[+-]?\d{1,3}(,\d{3})+(\.\d*)?\s*$/.exec(s);
  if (grouped) return Number(s.replace(/,/g, ''));
  return parseDateText(s);
}

/** Coerces a value for arithmetic: empty is 0, booleans are 1/0, numeric text is parsed; other text is #VALUE!. Errors pass through. */
export function toNumber(v: Scalar): number | FormulaError {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const n = textToNumber(v);
    return n === undefined ? ERR.value : n;
  }
  return v;
}

/** Formats a number as Excel's General format does in formulas: up to 15 significant digits, no grouping, `.` as decimal point. */
export function numberToText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) {
    const [m, e] = n.toExponential(14).split('e') as [string, string];
    const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
    const exp = Number(e);
    return `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const s = n.toPrecision(15);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Coerces a value to text: empty is "", booleans are TRUE/FALSE, numbers as in General format. Errors pass through. */
export function toText(v: Scalar): string | FormulaError {
  if (typeof v === 'string') return v;
  if (v === null) return '';
  if (typeof v === 'number') return numberToText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

/** Coerces a value to a boolean: numbers are true unless 0, text "TRUE"/"FALSE" (any case); other text is #VALUE!. Errors pass through. */
export function toBoolean(v: Scalar): boolean | FormulaError {
  if (typeof v === 'boolean') return v;
  if (v === null) return false;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const u = v.toUpperCase();
    if (u === 'TRUE') return true;
    if (u === 'FALSE') return false;
    return ERR.value;
  }
  return v;
}

function typeRank(v: number | string | boolean): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/**
 * Compares two values as Excel's comparison operators do: numbers sort before text before booleans, text compares
 * case-insensitively, and an empty cell counts as 0, "" or FALSE to match the other side. Returns -1, 0 or 1.
 */
export function compareValues(a: number | string | boolean | null, b: number | string | boolean | null): number {
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
