import { ERR, FormulaError } from './errors.js';
import { isArea, isError, textToNumber, toBoolean, toNumber, toText, type Arg, type Area, type Scalar } from './values.js';

/** Reduces an argument to a single value (top-left of a block). */
export function scalar(a: Arg): Scalar {
  if (!isArea(a)) return a;
  return a.height > 0 && a.width > 0 ? a.at(0, 0) : ERR.value;
}

/** Reads an argument as a number (Excel coercion), or the error. */
export function num(a: Arg | undefined): number | FormulaError {
  return toNumber(a === undefined ? null : scalar(a));
}

/** Reads an argument as an integer, truncated toward zero, or the error. */
export function int(a: Arg | undefined): number | FormulaError {
  const n = num(a);
  return isError(n) ? n : Math.trunc(n);
}

/** Reads an argument as text, or the error. */
export function text(a: Arg | undefined): string | FormulaError {
  return toText(a === undefined ? null : scalar(a));
}

/** Reads an argument as a boolean, or the error. */
export function bool(a: Arg | undefined): boolean | FormulaError {
  return toBoolean(a === undefined ? null : scalar(a));
}

/** Visits every value of a block row by row; stops early when `f` returns false. */
export function eachInArea(a: Area, f: (v: Scalar, r: number, c: number) => boolean | void): void {
  for (let r = 0; r < a.height; r++) for (let c = 0; c < a.width; c++) if (f(a.at(r, c), r, c) === false) return;
}

/**
 * Collects the numbers of aggregate arguments as SUM does: direct arguments are coerced (text "3" and TRUE count),
 * inside ranges only numbers count and text, booleans and empty cells are skipped; the first error wins.
 */
export function collectNumbers(args: readonly Arg[], into: number[] = []): number[] | FormulaError {
  for (const a of args) {
    if (isArea(a)) {
      let err: FormulaError | undefined;
      eachInArea(a, (v) => {
        if (typeof v === 'number') into.push(v);
        else if (isError(v)) {
          err = v;
          return false;
        }
        return true;
      });
      if (err) return err;
    } else if (a !== null) {
      const n = toNumber(a);
      if (isError(n)) return n;
      into.push(n);
    }
  }
  return into;
}

/** Like {@link collectNumbers}, but text and booleans inside ranges count (text as 0), as the *A functions (AVERAGEA, MAXA) do. */
export function collectNumbersA(args: readonly Arg[]): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (isArea(a)) {
      let err: FormulaError | undefined;
      eachInArea(a, (v) => {
        if (typeof v === 'number') out.push(v);
        else if (typeof v === 'boolean') out.push(v ? 1 : 0);
        else if (typeof v === 'string') out.push(0);
        else if (isError(v)) {
          err = v;
          return false;
        }
        return true;
      });
      if (err) return err;
    } else if (a !== null) {
      const n = toNumber(a);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

/** Returns the first error among values, if any. */
export function firstError(...vals: unknown[]): FormulaError | undefined {
  for (const v of vals) if (v instanceof FormulaError) return v;
  return undefined;
}

function wildcardRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '~' && i + 1 < pattern.length) {
      re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}

/** Returns whether text uses the wildcards `*` or `?` (unescaped). */
export function hasWildcard(s: string): boolean {
  return /(^|[^~])[*?]/.test(s);
}

/** Builds a text matcher for lookups: case-insensitive, with `*`, `?` and `~` as Excel's wildcards. */
export function textMatcher(pattern: string): (s: string) => boolean {
  if (!hasWildcard(pattern) && !pattern.includes('~')) {
    const lower = pattern.toLowerCase();
    return (s) => s.toLowerCase() === lower;
  }
  const re = wildcardRegex(pattern);
  return (s) => re.test(s);
}

/**
 * Builds the predicate for a criteria argument of COUNTIF, SUMIF and their kin: a number or boolean matches equal values;
 * text may start with =, <>, <, >, <= or >=, compares numbers numerically and text case-insensitively with wildcards;
 * "" matches empty cells.
 */
export function criterion(crit: Scalar): (v: Scalar) => boolean {
  if (typeof crit === 'number') return (v) => v === crit || (typeof v === 'string' && textToNumber(v) === crit);
  if (typeof crit === 'boolean') return (v) => v === crit;
  if (crit === null) return (v) => v === null || v === '';
  if (isError(crit)) return (v) => v === crit;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(crit)!;
  const op = m[1] ?? '';
  const rest = m[2]!;
  const n = rest.trim() === '' ? undefined : textToNumber(rest);
  const upper = rest.toUpperCase();
  const b = upper === 'TRUE' ? true : upper === 'FALSE' ? false : undefined;
  if (op === '' || op === '=') {
    if (rest === '') return op === '' ? (v) => v === null || v === '' : (v) => v === null || v === '';
    if (n !== undefined) return (v) => v === n || (typeof v === 'string' && textToNumber(v) === n);
    if (b !== undefined) return (v) => v === b;
    const m2 = textMatcher(rest);
    return (v) => typeof v === 'string' && m2(v);
  }
  if (op === '<>') {
    if (rest === '') return (v) => v !== null && v !== '';
    if (n !== undefined) return (v) => v !== n;
    if (b !== undefined) return (v) => v !== b;
    const m2 = textMatcher(rest);
    return (v) => !(typeof v === 'string' && m2(v));
  }
  const cmp = (c: number): boolean => (op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0);
  if (n !== undefined) return (v) => typeof v === 'number' && cmp(v < n ? -1 : v > n ? 1 : 0);
  const lower = rest.toLowerCase();
  return (v) => {
    if (typeof v !== 'string') return false;
    const s = v.toLowerCase();
    return cmp(s < lower ? -1 : s > lower ? 1 : 0);
  };
}

/** Requires an argument to be a block (a range or array); returns #VALUE! otherwise. */
export function area(a: Arg | undefined): Area | FormulaError {
  if (a !== undefined && isArea(a)) return a;
  if (a !== undefined && isError(a)) return a;
  return ERR.value;
}
