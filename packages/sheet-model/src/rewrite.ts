import type { IdPositions } from './id-index.js';
import type { IdAst, IdRange, IdRef } from './ast.js';
import { mapRefs } from './binding.js';

/**
 * Shrinks ranges whose endpoint rows (or columns) are being deleted, as Excel does: an endpoint moves inward to the
 * nearest surviving row of the range. Single references are left alone; they turn into #REF! because their id is gone.
 * Returns the same tree when nothing changed.
 */
export function shrinkRanges(
  ast: IdAst,
  home: string,
  sheetId: string,
  axis: 'row' | 'col',
  order: readonly string[],
  position: IdPositions,
  deleted: ReadonlySet<string>,
): IdAst {
  let changed = false;
  const out = mapRefs<IdRef, IdRange, IdRef, IdRange>(
    ast,
    (r) => ({ k: 'ref', ref: r }),
    (g) => {
      if ((g.s ?? home) !== sheetId) return { k: 'range', ref: g };
      const a = axis === 'row' ? g.r1 : g.c1;
      const b = axis === 'row' ? g.r2 : g.c2;
      if (a === null || b === null || (!deleted.has(a) && !deleted.has(b))) return { k: 'range', ref: g };
      const p1 = position.get(a);
      const p2 = position.get(b);
      if (p1 === undefined || p2 === undefined) return { k: 'range', ref: g };
      let lo = p1;
      while (lo <= p2 && deleted.has(order[lo]!)) lo++;
      let hi = p2;
      while (hi >= p1 && deleted.has(order[hi]!)) hi--;
      if (lo > hi) return { k: 'range', ref: g };
      changed = true;
      const next: IdRange = axis === 'row' ? { ...g, r1: order[lo]!, r2: order[hi]! } : { ...g, c1: order[lo]!, c2: order[hi]! };
      return { k: 'range', ref: next };
    },
  );
  return changed ? out : ast;
}

/**
 * Moves a formula's relative row references by `delta` rows, as when a sort moves the cell: a relative reference keeps
 * its distance to the cell. References whose new row would fall outside the sheet keep their old row.
 */
export function shiftRelativeRows(ast: IdAst, home: string, delta: number, order: (sheet: string) => readonly string[], position: (sheet: string, id: string) => number): IdAst {
  if (delta === 0) return ast;
  const shift = (sheet: string, id: string, abs: boolean): string => {
    if (abs) return id;
    const p = position(sheet, id);
    const ids = order(sheet);
    if (p < 0 || p + delta < 0 || p + delta >= ids.length) return id;
    return ids[p + delta]!;
  };
  return mapRefs<IdRef, IdRange, IdRef, IdRange>(
    ast,
    (r) => ({ k: 'ref', ref: { ...r, r: shift(r.s ?? home, r.r, ((r.a ?? 0) & 1) !== 0) } }),
    (g) => {
      const s = g.s ?? home;
      const a = g.a ?? 0;
      return { k: 'range', ref: { ...g, r1: g.r1 === null ? null : shift(s, g.r1, (a & 1) !== 0), r2: g.r2 === null ? null : shift(s, g.r2, (a & 4) !== 0) } };
    },
  );
}
