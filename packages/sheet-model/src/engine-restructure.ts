import { linkAt, linkCount, RangeDep, type CellNode, type SheetState } from './engine-graph.js';
import type { Scalar } from './values.js';
import type { IdPositions } from './id-index.js';

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

/** A structural edit seen as old position → new position (-1 if deleted); `insertAt`/`inserted` describe a single block insert. */
interface PositionMap {
  /** Made on first use: a plain insert needs it only when the sheet has ranges to check. */
  readonly map: Int32Array;
  readonly same: boolean;
  readonly added: number;
  /** Set when the edit only inserted `added` ids before old position `insertAt` (the common "insert rows" case). */
  readonly insertAt: number;
}

/**
 * Maps old positions to new ones. A single inserted or deleted block (the usual edit) is found by comparing the two
 * lists from both ends, without looking any id up; anything else looks up every old id in the new index.
 */
function positionMap(oldIds: readonly string[], newIds: readonly string[], newIndex: IdPositions): PositionMap {
  const n = oldIds.length;
  const m = newIds.length;
  const shorter = Math.min(n, m);
  let p = 0;
  while (p < shorter && oldIds[p] === newIds[p]) p++;
  let q = 0;
  while (q < shorter - p && oldIds[n - 1 - q] === newIds[m - 1 - q]) q++;
  if (p + q === n) {
    // Only an insert (or nothing at all)
    let made: Int32Array | undefined;
    return {
      get map() {
        if (!made) {
          made = new Int32Array(n);
          for (let i = 0; i < n; i++) made[i] = i < p ? i : i + (m - n);
        }
        return made;
      },
      same: n === m,
      added: m - n,
      insertAt: m > n ? p : -1,
    };
  }
  const map = new Int32Array(n);
  if (p + q === m) {
    // Only a deleted block
    const d = n - m;
    for (let i = 0; i < n; i++) map[i] = i < p ? i : i < p + d ? -1 : i - d;
    return { map, same: false, added: 0, insertAt: -1 };
  }
  let same = n === m;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const pos = newIndex.get(oldIds[i]!) ?? -1;
    map[i] = pos;
    if (pos !== i) same = false;
    if (pos >= 0) kept++;
  }
  return { map, same, added: m - kept, insertAt: -1 };
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
export function restructureSheet(
  sheet: SheetState,
  newRowIds: readonly string[],
  newColIds: readonly string[],
  newRowIndex: IdPositions,
  newColIndex: IdPositions,
): RestructureResult {
  const rows = positionMap(sheet.rowIds, newRowIds, newRowIndex);
  const cols = positionMap(sheet.colIds, newColIds, newColIndex);
  const dead: CellNode[] = [];
  const lost: string[] = [];
  const relink = new Set<CellNode>();
  if (rows.same && cols.same) return { changed: false, added: undefined, dead, lost, relink };

  if (cols.same && rows.insertAt >= 0) insertRowsInPlace(sheet, rows.insertAt, rows.added);
  else if (rows.same && cols.insertAt >= 0) insertColsInPlace(sheet, cols.insertAt, cols.added);
  else moveCells(sheet, rows.map, cols.map, newColIds.length, dead, lost, relink);

  // Ranges: follow their endpoint ids; a range whose contents changed re-links its formulas
  const all = sheet.allRanges();
  const rowBreaks = rows.same || all.size === 0 ? undefined : breakCounts(rows.map);
  const colBreaks = cols.same || all.size === 0 ? undefined : breakCounts(cols.map);
  const ranges = new Map<string, RangeDep>();
  const buckets: RangeDep[][] = newColIds.map(() => []);
  for (const g of all) {
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
  // The engine keeps its own copy of the ids (the model appends to its arrays in place); a plain insert opens a gap in it
  if (cols.same && rows.insertAt >= 0) spliceIn(sheet.rowIds, rows.insertAt, newRowIds, rows.added);
  else sheet.rowIds = newRowIds.slice();
  if (rows.same && cols.insertAt >= 0) spliceIn(sheet.colIds, cols.insertAt, newColIds, cols.added);
  else sheet.colIds = newColIds.slice();
  sheet.rowIndex = newRowIndex;
  sheet.colIndex = newColIndex;
  sheet.ranges = ranges;
  sheet.buckets = buckets;
  sheet.colVersion = newColIds.map(() => 0);
  for (let c = sheet.grid.length; c < newColIds.length; c++) {
    sheet.grid.push([]);
    sheet.values.push([]);
  }
  sheet.lookupCache.clear();
  sheet.formulaRows = undefined;
  return { changed: true, added, dead, lost, relink };
}

/** Moves every node and value to its new position (any edit: deletes, moves, several blocks). */
function moveCells(sheet: SheetState, rowMap: Int32Array, colMap: Int32Array, width: number, dead: CellNode[], lost: string[], relink: Set<CellNode>): void {
  const grid: (CellNode | undefined)[][] = [];
  const values: (Scalar | undefined)[][] = [];
  for (let c = 0; c < width; c++) {
    grid.push([]);
    values.push([]);
  }
  for (let oc = 0; oc < sheet.grid.length; oc++) {
    const nc = colMap[oc]!;
    const column = sheet.grid[oc]!;
    const vals = sheet.values[oc]!;
    for (let r = 0; r < column.length; r++) {
      const n = column[r];
      if (n === undefined) continue;
      const nr = nc < 0 ? -1 : rowMap[r]!;
      if (nr < 0) {
        if (vals[r] === undefined) lost.push(sheet.rowIds[r]! + ':' + sheet.colIds[oc]!);
        n.dead = true;
        dead.push(n);
        for (let i = 0, k = linkCount(n.dependents); i < k; i++) relink.add(linkAt(n.dependents, i));
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
      const nr = nc < 0 ? -1 : rowMap[r]!;
      if (nr >= 0) out[nr] = v;
      else lost.push(sheet.rowIds[r]! + ':' + sheet.colIds[oc]!);
    }
  }

  sheet.grid = grid;
  sheet.values = values;
}

/** Opens `count` empty rows before old row `at` in every column, shifting the nodes below: no node moves column, nothing is rebuilt. */
function insertRowsInPlace(sheet: SheetState, at: number, count: number): void {
  for (let c = 0; c < sheet.grid.length; c++) {
    const column = sheet.grid[c]!;
    if (column.length > at) {
      openGap(column, at, count);
      for (let r = at + count; r < column.length; r++) {
        const n = column[r];
        if (n !== undefined) n.row = r;
      }
    }
    const vals = sheet.values[c]!;
    if (vals.length > at) openGap(vals, at, count);
  }
}

/** Opens `count` empty columns before old column `at`, shifting the columns right of it. */
function insertColsInPlace(sheet: SheetState, at: number, count: number): void {
  const emptyCols = <T>(): T[][] => Array.from({ length: count }, () => []);
  sheet.grid.splice(at, 0, ...emptyCols<CellNode | undefined>());
  sheet.values.splice(at, 0, ...emptyCols<Scalar | undefined>());
  for (let c = at + count; c < sheet.grid.length; c++) for (const n of sheet.grid[c]!) if (n !== undefined) n.col = c;
}

/** Copies `count` ids from `from` at `at` into `ids` at `at`, moving the rest back (no new array for the whole list). */
function spliceIn(ids: string[], at: number, from: readonly string[], count: number): void {
  openGap(ids, at, count);
  for (let i = 0; i < count; i++) ids[at + i] = from[at + i]!;
}

/** Inserts `count` undefined entries before `at` (one block move, no spread of a large argument list). */
function openGap<T>(a: (T | undefined)[], at: number, count: number): void {
  const len = a.length;
  a.length = len + count;
  a.copyWithin(at + count, at, len);
  a.fill(undefined, at, at + count);
}
