import type { CellPos, CellRange } from './selection.js';

/** A range with its corners in order (r0 ≤ r1, c0 ≤ c1). */
export function normalRange(r: CellRange): CellRange {
  return { r0: Math.min(r.r0, r.r1), c0: Math.min(r.c0, r.c1), r1: Math.max(r.r0, r.r1), c1: Math.max(r.c0, r.c1) };
}

/** Whether range `outer` covers all of range `inner`. */
export function covers(outer: CellRange, inner: CellRange): boolean {
  const a = normalRange(outer);
  const b = normalRange(inner);
  return a.r0 <= b.r0 && a.c0 <= b.c0 && a.r1 >= b.r1 && a.c1 >= b.c1;
}

/**
 * The ranges of a multi-range selection (Ctrl+click adds one, as in Excel):
 * the earlier ranges and the current one, normalised, without ranges another
 * one covers (so formatting or clearing touches no cell twice), in the order
 * they were selected, the current one last.
 */
export function selectedRanges(earlier: readonly CellRange[], current: CellRange): CellRange[] {
  const all = [...earlier, current].map(normalRange);
  return all.filter((r, i) => !all.some((other, j) => j !== i && covers(other, r) && (!covers(r, other) || j > i)));
}

/** Whether a cell lies in any of the ranges. */
export function inRanges(ranges: readonly CellRange[], p: CellPos): boolean {
  return ranges.some((r) => {
    const n = normalRange(r);
    return p.row >= n.r0 && p.row <= n.r1 && p.col >= n.c0 && p.col <= n.c1;
  });
}
