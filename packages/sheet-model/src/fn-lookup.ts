import { ERR } from './errors.js';
import { area, int, scalar, textMatcher, hasWildcard } from './fn-args.js';
import type { FunctionTable } from './function-types.js';
import { compareValues, isArea, isError, MatrixArea, type Area, type Scalar } from './values.js';

/** A block that can answer exact-match lookups from an index it keeps between recalculations (the engine's ranges do). */
export interface IndexedArea extends Area {
  /** Returns the first offset along a column (or row) whose value equals `key` exactly, or -1. */
  exactOffset(line: number, byColumn: boolean, key: number | string | boolean): number;
}

function isIndexed(a: Area): a is IndexedArea {
  return typeof (a as Partial<IndexedArea>).exactOffset === 'function';
}

type Line = { len: number; at(i: number): Scalar };

function lineOf(a: Area, index: number, byColumn: boolean): Line {
  return byColumn ? { len: a.height, at: (i) => a.at(i, index) } : { len: a.width, at: (i) => a.at(index, i) };
}

/** Finds `key` exactly (case-insensitive text, wildcards in text keys) along a line; returns the offset or -1. */
function exactFind(a: Area, index: number, byColumn: boolean, key: number | string | boolean, reverse = false): number {
  if (!reverse && isIndexed(a) && !(typeof key === 'string' && (hasWildcard(key) || key.includes('~')))) return a.exactOffset(index, byColumn, key);
  const line = lineOf(a, index, byColumn);
  const match = typeof key === 'string' ? textMatcher(key) : undefined;
  for (let k = 0; k < line.len; k++) {
    const i = reverse ? line.len - 1 - k : k;
    const v = line.at(i);
    if (match ? typeof v === 'string' && match(v) : v === key) return i;
  }
  return -1;
}

/** Binary search for the last value ≤ key (ascending) along a line, skipping values of other types as Excel does. */
function approxFind(a: Area, index: number, byColumn: boolean, key: number | string | boolean, descending = false): number {
  const line = lineOf(a, index, byColumn);
  let lo = 0;
  let hi = line.len - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = line.at(mid);
    if (v === null || isError(v) || typeof v !== typeof key) {
      // Step over blanks and other types by a linear probe downwards
      let j = mid - 1;
      while (j >= lo && (line.at(j) === null || typeof line.at(j) !== typeof key)) j--;
      if (j < lo) {
        lo = mid + 1;
        continue;
      }
      const c = compareValues(line.at(j) as number, key);
      if (descending ? c >= 0 : c <= 0) {
        found = j;
        lo = mid + 1;
      } else hi = j - 1;
      continue;
    }
    const c = compareValues(v, key);
    if (descending ? c >= 0 : c <= 0) {
      found = mid;
      if (c === 0 && !descending) lo = mid + 1;
      else lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function lookupKey(v: Scalar): number | string | boolean | undefined {
  return v === null ? 0 : isError(v) ? undefined : v;
}

function vhlookup(byColumn: boolean): FunctionTable[string] {
  return { min: 3, max: 4, call: ([k, t, i, m]) => {
    const key = scalar(k!);
    if (isError(key)) return key;
    const table = area(t);
    if (isError(table)) return table;
    const idx = int(i);
    if (isError(idx)) return idx;
    const approx = m === undefined || m === null ? true : scalar(m);
    if (isError(approx)) return approx;
    const span = byColumn ? table.width : table.height;
    if (idx < 1) return ERR.value;
    if (idx > span) return ERR.ref;
    const kk = lookupKey(key)!;
    const exact = approx === false || approx === 0;
    const pos = exact ? exactFind(table, 0, byColumn, kk) : approxFind(table, 0, byColumn, kk);
    if (pos < 0) return ERR.na;
    const v = byColumn ? table.at(pos, idx - 1) : table.at(idx - 1, pos);
    return v ?? 0;
  } };
}

/** Lookup functions: VLOOKUP, HLOOKUP, XLOOKUP, INDEX, MATCH, CHOOSE, ROWS, COLUMNS, ROW, COLUMN, TRANSPOSE. */
export const lookupFunctions: FunctionTable = {
  VLOOKUP: vhlookup(true),
  HLOOKUP: vhlookup(false),
  MATCH: { min: 2, max: 3, call: ([k, r, t]) => {
    const key = scalar(k!);
    if (isError(key)) return key;
    const a = area(r);
    if (isError(a)) return a;
    if (a.height !== 1 && a.width !== 1) return ERR.na;
    const byColumn = a.width === 1;
    const type = t === undefined ? 1 : int(t);
    if (isError(type)) return type;
    const kk = lookupKey(key)!;
    const pos = type === 0 ? exactFind(a, 0, byColumn, kk) : approxFind(a, 0, byColumn, kk, type < 0);
    return pos < 0 ? ERR.na : pos + 1;
  } },
  INDEX: { min: 2, max: 3, call: ([t, r, c]) => {
    const a = area(t);
    if (isError(a)) return a;
    let row = int(r);
    let col = c === undefined ? 0 : int(c);
    if (isError(row)) return row;
    if (isError(col)) return col;
    if (c === undefined && a.height === 1) [row, col] = [1, row];
    if (row < 0 || col < 0) return ERR.value;
    if (row > a.height || col > a.width) return ERR.ref;
    if (row === 0 && col === 0) return a;
    if (row === 0) return new MatrixArea(Array.from({ length: a.height }, (_, i) => [a.at(i, col - 1)]));
    if (col === 0) {
      if (a.width === 1) return a.at(row - 1, 0) ?? 0;
      return new MatrixArea([Array.from({ length: a.width }, (_, j) => a.at(row - 1, j))]);
    }
    return a.at(row - 1, col - 1) ?? 0;
  } },
  XLOOKUP: { min: 3, max: 6, call: ([k, l, r, nf, mm, sm]) => {
    const key = scalar(k!);
    if (isError(key)) return key;
    const look = area(l);
    if (isError(look)) return look;
    const ret = area(r);
    if (isError(ret)) return ret;
    if (look.height !== 1 && look.width !== 1) return ERR.value;
    const byColumn = look.width === 1;
    const len = byColumn ? look.height : look.width;
    if ((byColumn ? ret.height : ret.width) !== len) return ERR.value;
    const mode = mm === undefined || mm === null ? 0 : int(mm);
    const search = sm === undefined || sm === null ? 1 : int(sm);
    if (isError(mode)) return mode;
    if (isError(search)) return search;
    const kk = lookupKey(key)!;
    let pos = -1;
    if (mode === 0 || mode === 2) {
      pos = mode === 0 && typeof kk === 'string' && !hasWildcard(kk)
        ? exactFind(look, 0, byColumn, kk.replace(/~/g, '~~'), search < 0)
        : exactFind(look, 0, byColumn, kk, search < 0);
    } else if (mode === -1 || mode === 1) {
      let best = -1;
      let bestV: Scalar = null;
      for (let i = 0; i < len; i++) {
        const v = byColumn ? look.at(i, 0) : look.at(0, i);
        if (v === null || isError(v)) continue;
        const c = compareValues(v, kk);
        if (c === 0) {
          best = i;
          break;
        }
        if ((mode === -1 && c < 0 && (best < 0 || compareValues(v, bestV as number) > 0)) || (mode === 1 && c > 0 && (best < 0 || compareValues(v, bestV as number) < 0))) {
          best = i;
          bestV = v;
        }
      }
      pos = best;
    } else return ERR.value;
    if (pos < 0) return nf === undefined ? ERR.na : nf;
    if (byColumn) return ret.width === 1 ? ret.at(pos, 0) ?? 0 : new MatrixArea([Array.from({ length: ret.width }, (_, j) => ret.at(pos, j))]);
    return ret.height === 1 ? ret.at(0, pos) ?? 0 : new MatrixArea(Array.from({ length: ret.height }, (_, i) => [ret.at(i, pos)]));
  } },
  CHOOSE: { min: 2, max: 255, lazy: (args) => {
    const i = int(args[0]!());
    if (isError(i)) return i;
    if (i < 1 || i >= args.length) return ERR.value;
    return args[i]!() ?? 0;
  } },
  ROWS: { min: 1, max: 1, call: ([a]) => (isArea(a!) ? a.height : isError(a) ? a : 1) },
  COLUMNS: { min: 1, max: 1, call: ([a]) => (isArea(a!) ? a.width : isError(a) ? a : 1) },
  ROW: { min: 0, max: 1, call: (args, ctx) => (args.length === 0 ? ctx.row + 1 : rowOf(args[0]!)) },
  COLUMN: { min: 0, max: 1, call: (args, ctx) => (args.length === 0 ? ctx.col + 1 : colOf(args[0]!)) },
  TRANSPOSE: { min: 1, max: 1, call: ([a]) => {
    if (!isArea(a!)) return a!;
    return new MatrixArea(Array.from({ length: a.width }, (_, c) => Array.from({ length: a.height }, (_, r) => a.at(r, c))));
  } },
};

/** A block that knows where it sits on its sheet (the engine's ranges do), for ROW(A5) and COLUMN(C1). */
export interface PlacedArea extends Area {
  readonly top: number;
  readonly left: number;
}

function rowOf(a: unknown): Scalar {
  const p = a as Partial<PlacedArea>;
  return typeof p.top === 'number' ? p.top + 1 : ERR.value;
}
function colOf(a: unknown): Scalar {
  const p = a as Partial<PlacedArea>;
  return typeof p.left === 'number' ? p.left + 1 : ERR.value;
}
