import { columnLetters } from './a1.js';
import type { A1Ast, A1Range, A1Ref, Ast, IdAst, IdRange, IdRef } from './ast.js';
import { printAst, quoteSheetName } from './printer.js';

/** How formulas are translated between positions (A1 text) and ids (storage). */
export interface IdSpace {
  /** The id of the sheet with this name (case-insensitive), or undefined. */
  sheetIdByName(name: string): string | undefined;
  /** The current name of a sheet, or undefined if it was deleted. */
  sheetName(sheetId: string): string | undefined;
  /** The row id at a position, growing the sheet if the position lies beyond its last row. */
  rowId(sheetId: string, index: number): string;
  /** The column id at a position, growing the sheet if needed. */
  colId(sheetId: string, index: number): string;
  /** The position of a row id, or -1 if the row was deleted. */
  rowIndex(sheetId: string, rowId: string): number;
  /** The position of a column id, or -1 if the column was deleted. */
  colIndex(sheetId: string, colId: string): number;
}

/** Maps the references of a syntax tree, keeping its shape. */
export function mapRefs<R1, G1, R2, G2>(ast: Ast<R1, G1>, ref: (r: R1) => Ast<R2, G2>, range: (g: G1) => Ast<R2, G2>): Ast<R2, G2> {
  const m = (a: Ast<R1, G1>): Ast<R2, G2> => {
    switch (a.k) {
      case 'ref': return ref(a.ref);
      case 'range': return range(a.ref);
      case 'fn': return { k: 'fn', name: a.name, args: a.args.map(m) };
      case 'bin': return { k: 'bin', op: a.op, a: m(a.a), b: m(a.b) };
      case 'neg': case 'plus': case 'pct': case 'paren': return { k: a.k, a: m(a.a) };
      case 'arr': return { k: 'arr', rows: a.rows.map((r) => r.map(m)) };
      default: return a;
    }
  };
  return m(ast);
}

/**
 * Binds an A1 syntax tree to ids, as written in the sheet `home`; references to unknown sheets become #REF!. `dr` and
 * `dc` shift the relative (no `$`) parts of every reference, which is how a formula parsed in one cell is reused for
 * another cell where the same formula was written relative to it (`=A1+1` in A2 and `=A2+1` in A3).
 */
export function bindFormula(ast: A1Ast, home: string, space: IdSpace, dr = 0, dc = 0, nums?: readonly number[]): IdAst {
  // Written as plain recursion without closures or spreads: this runs once per formula cell when a sheet is filled
  bindNums = nums;
  bindNumIndex = 0;
  try {
    const out = bindNode(ast, home, space, dr, dc);
    if (nums !== undefined && bindNumIndex !== nums.length) throw new Error(`bindFormula: the formula holds ${bindNumIndex} numbers, not ${nums.length}.`);
    return out;
  } finally {
    bindNums = undefined;
  }
}

// The numbers that replace the tree's numbers in the current bindFormula call (in visiting order), and the next one
let bindNums: readonly number[] | undefined;
let bindNumIndex = 0;

function bindNode(a: A1Ast, home: string, space: IdSpace, dr: number, dc: number): IdAst {
  switch (a.k) {
    case 'num': return bindNums === undefined ? a : { k: 'num', v: bindNums[bindNumIndex++]! };
    case 'ref': return bindRef(a.ref, home, space, dr, dc);
    case 'range': return bindRange(a.ref, home, space, dr, dc);
    case 'fn': {
      const args: IdAst[] = new Array(a.args.length);
      for (let i = 0; i < args.length; i++) args[i] = bindNode(a.args[i]!, home, space, dr, dc);
      return { k: 'fn', name: a.name, args };
    }
    case 'bin': return { k: 'bin', op: a.op, a: bindNode(a.a, home, space, dr, dc), b: bindNode(a.b, home, space, dr, dc) };
    case 'neg': case 'plus': case 'pct': case 'paren': return { k: a.k, a: bindNode(a.a, home, space, dr, dc) };
    // Array constants hold no references and keep their own numbers
    case 'arr': return a as IdAst;
    default: return a;
  }
}

function bindRef(r: A1Ref, home: string, space: IdSpace, dr: number, dc: number): IdAst {
  const s = r.sheet === undefined ? home : space.sheetIdByName(r.sheet);
  if (s === undefined) return { k: 'err', v: '#REF!' };
  const a = (r.rowAbs ? 1 : 0) | (r.colAbs ? 2 : 0);
  const row = space.rowId(s, r.rowAbs ? r.row : r.row + dr);
  const col = space.colId(s, r.colAbs ? r.col : r.col + dc);
  let ref: IdRef;
  if (r.sheet !== undefined) ref = a ? { s, r: row, c: col, a } : { s, r: row, c: col };
  else ref = a ? { r: row, c: col, a } : { r: row, c: col };
  return { k: 'ref', ref };
}

function bindRange(g: A1Range, home: string, space: IdSpace, dr: number, dc: number): IdAst {
  const s = g.sheet === undefined ? home : space.sheetIdByName(g.sheet);
  if (s === undefined) return { k: 'err', v: '#REF!' };
  let r1 = g.r1 === null || g.rowAbs1 ? g.r1 : g.r1 + dr;
  let r2 = g.r2 === null || g.rowAbs2 ? g.r2 : g.r2 + dr;
  let c1 = g.c1 === null || g.colAbs1 ? g.c1 : g.c1 + dc;
  let c2 = g.c2 === null || g.colAbs2 ? g.c2 : g.c2 + dc;
  let ra1 = g.rowAbs1, ra2 = g.rowAbs2, ca1 = g.colAbs1, ca2 = g.colAbs2;
  // A shift can reorder a range with one absolute end (A$5:A1 moved down); keep the top-left first, as the parser does
  if (r1 !== null && r2 !== null && r1 > r2) [r1, r2, ra1, ra2] = [r2, r1, ra2, ra1];
  if (c1 !== null && c2 !== null && c1 > c2) [c1, c2, ca1, ca2] = [c2, c1, ca2, ca1];
  const a = (ra1 ? 1 : 0) | (ca1 ? 2 : 0) | (ra2 ? 4 : 0) | (ca2 ? 8 : 0);
  const ir1 = r1 === null ? null : space.rowId(s, r1);
  const ic1 = c1 === null ? null : space.colId(s, c1);
  const ir2 = r2 === null ? null : space.rowId(s, r2);
  const ic2 = c2 === null ? null : space.colId(s, c2);
  let ref: IdRange;
  if (g.sheet !== undefined) ref = a ? { s, r1: ir1, c1: ic1, r2: ir2, c2: ic2, a } : { s, r1: ir1, c1: ic1, r2: ir2, c2: ic2 };
  else ref = a ? { r1: ir1, c1: ic1, r2: ir2, c2: ic2, a } : { r1: ir1, c1: ic1, r2: ir2, c2: ic2 };
  return { k: 'range', ref };
}

/** Prints a stored formula as A1 text with `=`, as seen from the sheet `home`; deleted rows, columns or sheets print as #REF!. */
export function formulaText(ast: IdAst, home: string, space: IdSpace): string {
  const prefix = (s: string | undefined): string | undefined => {
    if (s === undefined) return '';
    const n = space.sheetName(s);
    return n === undefined ? undefined : quoteSheetName(n) + '!';
  };
  const ref = (r: IdRef): string => {
    const p = prefix(r.s);
    const sheet = r.s ?? home;
    const row = space.rowIndex(sheet, r.r);
    const col = space.colIndex(sheet, r.c);
    if (p === undefined || row < 0 || col < 0) return '#REF!';
    const a = r.a ?? 0;
    return p + (a & 2 ? '$' : '') + columnLetters(col) + (a & 1 ? '$' : '') + String(row + 1);
  };
  const range = (g: IdRange): string => {
    const p = prefix(g.s);
    const sheet = g.s ?? home;
    const a = g.a ?? 0;
    const d = (bit: number): string => (a & bit ? '$' : '');
    const r1 = g.r1 === null ? null : space.rowIndex(sheet, g.r1);
    const r2 = g.r2 === null ? null : space.rowIndex(sheet, g.r2);
    const c1 = g.c1 === null ? null : space.colIndex(sheet, g.c1);
    const c2 = g.c2 === null ? null : space.colIndex(sheet, g.c2);
    if (p === undefined || r1 === -1 || r2 === -1 || c1 === -1 || c2 === -1) return '#REF!';
    if (r1 === null || r2 === null) return p + d(2) + columnLetters(c1 ?? 0) + ':' + d(8) + columnLetters(c2 ?? 0);
    if (c1 === null || c2 === null) return p + d(1) + String(r1 + 1) + ':' + d(4) + String(r2 + 1);
    return p + d(2) + columnLetters(c1) + d(1) + String(r1 + 1) + ':' + d(8) + columnLetters(c2) + d(4) + String(r2 + 1);
  };
  return '=' + printAst(ast, ref, range);
}
