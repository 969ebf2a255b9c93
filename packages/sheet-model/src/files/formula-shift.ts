import { MAX_COLS, MAX_ROWS } from '../a1.js';
import { mapRefs } from '../binding.js';
import type { A1Ast, A1Range, A1Ref } from '../ast.js';

/** Moves the relative references of a positional formula by `dr` rows and `dc` columns (as a copy does); references pushed off the sheet become #REF!. */
export function shiftA1Formula(ast: A1Ast, dr: number, dc: number): A1Ast {
  const row = (r: number, abs: boolean): number => (abs ? r : r + dr);
  const col = (c: number, abs: boolean): number => (abs ? c : c + dc);
  const ok = (r: number | null, c: number | null): boolean => (r === null || (r >= 0 && r < MAX_ROWS)) && (c === null || (c >= 0 && c < MAX_COLS));
  return mapRefs<A1Ref, A1Range, A1Ref, A1Range>(
    ast,
    (r) => {
      const next = { ...r, row: row(r.row, r.rowAbs), col: col(r.col, r.colAbs) };
      return ok(next.row, next.col) ? { k: 'ref', ref: next } : { k: 'err', v: '#REF!' };
    },
    (g) => {
      const next = {
        ...g,
        r1: g.r1 === null ? null : row(g.r1, g.rowAbs1),
        r2: g.r2 === null ? null : row(g.r2, g.rowAbs2),
        c1: g.c1 === null ? null : col(g.c1, g.colAbs1),
        c2: g.c2 === null ? null : col(g.c2, g.colAbs2),
      };
      return ok(next.r1, next.c1) && ok(next.r2, next.c2) ? { k: 'range', ref: next } : { k: 'err', v: '#REF!' };
    },
  );
}
