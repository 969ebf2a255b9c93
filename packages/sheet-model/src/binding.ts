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

/** Binds an A1 syntax tree to ids, as written in the sheet `home`; references to unknown sheets become #REF!. */
export function bindFormula(ast: A1Ast, home: string, space: IdSpace): IdAst {
  const sheetOf = (name: string | undefined): string | undefined => (name === undefined ? home : space.sheetIdByName(name));
  return mapRefs<A1Ref, A1Range, IdRef, IdRange>(
    ast,
    (r) => {
      const s = sheetOf(r.sheet);
      if (s === undefined) return { k: 'err', v: '#REF!' };
      const a = (r.rowAbs ? 1 : 0) | (r.colAbs ? 2 : 0);
      return { k: 'ref', ref: { ...(r.sheet !== undefined ? { s } : {}), r: space.rowId(s, r.row), c: space.colId(s, r.col), ...(a ? { a } : {}) } };
    },
    (g) => {
      const s = sheetOf(g.sheet);
      if (s === undefined) return { k: 'err', v: '#REF!' };
      const a = (g.rowAbs1 ? 1 : 0) | (g.colAbs1 ? 2 : 0) | (g.rowAbs2 ? 4 : 0) | (g.colAbs2 ? 8 : 0);
      return {
        k: 'range',
        ref: {
          ...(g.sheet !== undefined ? { s } : {}),
          r1: g.r1 === null ? null : space.rowId(s, g.r1),
          c1: g.c1 === null ? null : space.colId(s, g.c1),
          r2: g.r2 === null ? null : space.rowId(s, g.r2),
          c2: g.c2 === null ? null : space.colId(s, g.c2),
          ...(a ? { a } : {}),
        },
      };
    },
  );
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
