import { RangeDep, type CellNode, type SheetState } from './engine-graph.js';
import type { Scalar } from './values.js';

/** What a structural edit did to one sheet's graph, for the engine to finish: which formulas to re-link. */
export interface RestructureResult {
  /** Whether the rows or columns changed at all. */
  readonly changed: boolean;
  /** Row and column ids that were not there before (an insert, or an undone delete that brings ids back), if any. */
  readonly added: ReadonlySet<string> | undefined;
  /** Nodes whose row or column was deleted. */
  readonly dead: CellNode[];
  /** Keys (`rowId:colId`) of cells that had a value or node at a deleted position; the engine keeps those still stored. */
  readonly lost: string[];
  /** Formulas to re-link: they read a deleted cell, or a range that was cut, moved apart or changed its contents. */
  readonly relink: Set<CellNode>;
}

/** old position → new position (-1 if deleted), and whether anything differs. */
function positionMap(oldIds: readonly string[], newIndex: ReadonlyMap<string, number>): { map: Int32Array; same: boolean; added: number } {
  const map = new Int32Array(oldIds.length);
  let same = oldIds.length === newIndex.size;
  let kept = 0;
  for (let i = 0; i < oldIds.length; i++) {
    const p = newIndex.get(oldIds[i]!) ?? -1;
    map[i] = p;
    if (p !== i) same = false;
    if (p >= 0) kept++;
  }
  return { map, same, added: newIndex.size - kept };
}

/** breaks[i] counts positions p < i where p and p+1 stop being neighbours; a span is intact iff no break lies inside it. */
function breakCounts(map: Int32Array): Int32Array {
  const out = new Int32Array(map.length + 1);
  for (let i = 0; i + 1 < map.length; i++) {
    const brk = map[i]! < 0 || map[i + 1] !== map[i]! + 1 ? 1 : 0;
    out[i + 1] = out[i]! + brk;
  }
  if (map.length > 0) out[map.length] = out[map.length - 1]!;
  return out;
}

function intact(map: Int32Array, breaks: Int32Array, from: number, to: number): boolean {
  return map[from]! >= 0 && breaks[to]! - breaks[from]! === 0;
}

/**
 * Moves one sheet's nodes, values and ranges to the positions of its new row and column ids, in time proportional to
 * the sheet's contents rather than a rebuild of the whole graph. Ranges whose contents stay the same (everything
 * between their endpoints moved together) keep their dependents linked and computed; the others are returned for
 * re-linking and recalculation.
 */
export function restructureSheet(sheet: SheetState, newRowIds: readonly string[], newColIds: readonly string[]): RestructureResult {
  const newRowIndex = new Map<string, number>();
  newRowIds.forEach((r, i) => newRowIndex.set(r, i));
  const newColIndex = new Map<string, number>();
  newColIds.forEach((c, i) => newColIndex.set(c, i));
  const rows = positionMap(sheet.rowIds, newRowIndex);
  const cols = positionMap(sheet.colIds, newColIndex);
  const dead: CellNode[] = [];
  const lost: string[] = [];
  const relink = new Set<CellNode>();
  if (rows.same && cols.same) return { changed: false, added: undefined, dead, lost, relink };

  // Cells: move every node and value to its new position
  const grid: (CellNode | undefined)[][] = newColIds.map(() => []);
  const values: (Scalar | undefined)[][] = newColIds.map(() => []);
  for (let oc = 0; oc < sheet.grid.length; oc++) {
    const nc = cols.map[oc]!;
    const column = sheet.grid[oc]!;
    const vals = sheet.values[oc]!;
    for (let r = 0; r < column.length; r++) {
      const n = column[r];
      if (n === undefined) continue;
      const nr = nc < 0 ? -1 : rows.map[r]!;
      if (nr < 0) {
        if (vals[r] === undefined) lost.push(sheet.rowIds[r]! + ':' + sheet.colIds[oc]!);
        n.dead = true;
        dead.push(n);
        if (n.dependents) for (const d of n.dependents) relink.add(d);
        continue;
      }
      n.row = nr;
      n.col = nc;
      grid[nc]![nr] = n;
    }
    const out = values[nc] ?? [];
    for (let r = 0; r < vals.length; r++) {
      const v = vals[r];
      if (v === undefined) continue;
      const nr = nc < 0 ? -1 : rows.map[r]!;
      if (nr >= 0) out[nr] = v;
      else lost.push(sheet.rowIds[r]! + ':' + sheet.colIds[oc]!);
    }
  }

  // Ranges: follow their endpoint ids; a range whose contents changed re-links its formulas
  const rowBreaks = rows.same ? undefined : breakCounts(rows.map);
  const colBreaks = cols.same ? undefined : breakCounts(cols.map);
  const ranges = new Map<string, RangeDep>();
  const buckets: RangeDep[][] = newColIds.map(() => []);
  for (const g of sheet.allRanges()) {
    const top = g.r1 === null ? 0 : newRowIndex.get(g.r1);
    const bottom = g.r2 === null ? newRowIds.length - 1 : newRowIndex.get(g.r2);
    const left = g.c1 === null ? 0 : newColIndex.get(g.c1);
    const right = g.c2 === null ? newColIds.length - 1 : newColIndex.get(g.c2);
    if (top === undefined || bottom === undefined || left === undefined || right === undefined || bottom < top || right < left) {
      g.dead = true;
      for (const d of g.dependents) relink.add(d);
      continue;
    }
    const rowsIntact = rows.same || (g.r1 !== null && g.r2 !== null && intact(rows.map, rowBreaks!, g.top, g.bottom) && rows.map[g.top] === top);
    const colsIntact = cols.same || (g.c1 !== null && g.c2 !== null && intact(cols.map, colBreaks!, g.left, g.right) && cols.map[g.left] === left);
    if (!rowsIntact || !colsIntact) for (const d of g.dependents) relink.add(d);
    g.moveTo(top, left, bottom, right);
    const key = RangeDep.key(top, left, bottom, right, g.openBits);
    if (!ranges.has(key)) ranges.set(key, g);
    for (let c = left; c <= right; c++) buckets[c]!.push(g);
  }

  let added: Set<string> | undefined;
  // Only ids that some stored cell waits for matter
  if ((rows.added > 0 || cols.added > 0) && sheet.orphans.size > 0) {
    added = new Set();
    if (rows.added > 0) for (const id of newRowIds) if (!sheet.rowIndex.has(id)) added.add(id);
    if (cols.added > 0) for (const id of newColIds) if (!sheet.colIndex.has(id)) added.add(id);
  }
  sheet.rowIds = newRowIds.slice();
  sheet.colIds = newColIds.slice();
  sheet.rowIndex = newRowIndex;
  sheet.colIndex = newColIndex;
  sheet.grid = grid;
  sheet.values = values;
  sheet.ranges = ranges;
  sheet.buckets = buckets;
  sheet.colVersion = newColIds.map(() => 0);
  sheet.lookupCache.clear();
  sheet.formulaRows = undefined;
  return { changed: true, added, dead, lost, relink };
}
