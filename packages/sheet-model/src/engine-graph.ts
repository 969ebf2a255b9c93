import type { Compiled } from './evaluator.js';
import type { IdPositions } from './id-index.js';
import type { IndexedArea, PlacedArea } from './fn-lookup.js';
import type { Scalar } from './values.js';

// The engine's graph: cell nodes, shared ranges and the per-sheet position state. Positions are those of the last
// (re)structure; a structural edit moves nodes and ranges to their new positions instead of rebuilding them.

export const CLEAN = 0;
export const DIRTY = 1;

export const NONE: readonly CellNode[] = [];
export const NO_RANGES: readonly RangeDep[] = [];

/**
 * Nodes linked to a node: none, one (held directly: most cells of a filled sheet have exactly one, and an array per cell
 * would cost more than the node itself) or several.
 */
export type NodeLinks = CellNode | readonly CellNode[];

/** One cell in the dependency graph; empty cells that formulas reference exist as placeholders. */
export class CellNode {
  compiled: Compiled | undefined = undefined;
  value: Scalar = null;
  state = CLEAN;
  /** Formulas that reference this cell directly (ranges are indexed separately). */
  dependents: NodeLinks = NONE;
  /** The cells this formula references directly. */
  precedents: NodeLinks = NONE;
  ranges: readonly RangeDep[] = NO_RANGES;
  selfRef = false;
  /** Set when the node's row or column was deleted; formulas that referenced it are re-linked. */
  dead = false;
  /**
   * Visit stamp, shared by the dependents walk and the evaluation (each takes a fresh stamp from one counter). During
   * an evaluation, a node whose stamp is current and that is still DIRTY is on Tarjan's stack.
   */
  pass = 0;
  // Tarjan bookkeeping, valid while `pass` equals the engine's pass
  index = 0;
  low = 0;
  constructor(
    readonly sheet: SheetState,
    /** Position on the sheet; moved by structural edits. */
    public row: number,
    public col: number,
  ) {}
}

/** How many nodes a link list holds. */
export function linkCount(l: NodeLinks): number {
  return l instanceof CellNode ? 1 : l.length;
}

/** The i-th node of a link list. */
export function linkAt(l: NodeLinks, i: number): CellNode {
  return l instanceof CellNode ? l : l[i]!;
}

/** A link list with `n` added (it may already be there; callers add each link once). */
export function withLink(l: NodeLinks, n: CellNode): NodeLinks {
  if (l instanceof CellNode) return [l, n];
  if (l.length === 0) return n;
  (l as CellNode[]).push(n);
  return l;
}

/** A link list without one occurrence of `n`. */
export function withoutLink(l: NodeLinks, n: CellNode): NodeLinks {
  if (l instanceof CellNode) return l === n ? NONE : l;
  const i = l.indexOf(n);
  if (i < 0) return l;
  const a = l as CellNode[];
  a[i] = a[a.length - 1]!;
  a.pop();
  return a.length === 1 ? a[0]! : a.length === 0 ? NONE : a;
}

/**
 * A range some formulas read, resolved to positions; shared by all formulas that name the same range. It remembers its
 * endpoint ids (null for an open end, as in A:A) so a structural edit can move it.
 */
export class RangeDep {
  readonly dependents = new Set<CellNode>();
  readonly area: GridArea;
  formulaCache: CellNode[] | undefined;
  formulaCachePass = -1;
  dead = false;
  constructor(
    readonly sheet: SheetState,
    public top: number,
    public left: number,
    public bottom: number,
    public right: number,
    readonly r1: string | null,
    readonly r2: string | null,
    readonly c1: string | null,
    readonly c2: string | null,
  ) {
    this.area = new GridArea(sheet, top, left, bottom - top + 1, right - left + 1);
  }
  contains(r: number, c: number): boolean {
    return r >= this.top && r <= this.bottom && c >= this.left && c <= this.right;
  }
  /** Moves the range to new positions; compiled formulas keep reading through the same area object. */
  moveTo(top: number, left: number, bottom: number, right: number): void {
    this.top = top;
    this.left = left;
    this.bottom = bottom;
    this.right = right;
    this.area.top = top;
    this.area.left = left;
    this.area.height = bottom - top + 1;
    this.area.width = right - left + 1;
  }
  /** The key under which equal ranges are shared: positions plus which ends are open. */
  static key(top: number, left: number, bottom: number, right: number, open: number): string {
    return `${top}:${left}:${bottom}:${right}:${open}`;
  }
  get openBits(): number {
    return (this.r1 === null ? 1 : 0) | (this.r2 === null ? 2 : 0) | (this.c1 === null ? 4 : 0) | (this.c2 === null ? 8 : 0);
  }
}

/** The engine's view of one sheet: positions of ids, nodes, a column-major grid for range reads, and range indexes. */
export class SheetState {
  rowIds: string[];
  colIds: string[];
  /** Positions of the ids: the model's index, which it never changes in place. */
  rowIndex: IdPositions;
  colIndex: IdPositions;
  /** grid[col][row]: the graph node at a position; only formulas and cells that formulas reference have one. */
  grid: (CellNode | undefined)[][];
  /** values[col][row]: every computed value (undefined where empty), for fast range reads without node objects. */
  values: (Scalar | undefined)[][];
  ranges = new Map<string, RangeDep>();
  /** Ranges by the columns they cover, for finding the formulas a changed cell feeds. */
  buckets: RangeDep[][];
  colVersion: number[];
  readonly lookupCache = new Map<string, { version: number; map: Map<unknown, number> }>();
  formulaRows: number[][] | undefined;
  /**
   * Stored cells whose row or column is not visible (deleted, or not yet arrived), by the missing id. An undone delete
   * brings such a row back with cells someone edited meanwhile; they enter the graph when their id reappears.
   */
  readonly orphans = new Map<string, Set<string>>();
  constructor(
    readonly id: string,
    rowIds: readonly string[],
    colIds: readonly string[],
    rowIndex: IdPositions,
    colIndex: IdPositions,
  ) {
    // Copies: the model extends its cached arrays in place, and a structural edit compares old with new
    this.rowIds = rowIds.slice();
    this.colIds = colIds.slice();
    this.rowIndex = rowIndex;
    this.colIndex = colIndex;
    this.grid = colIds.map(() => []);
    this.values = colIds.map(() => []);
    this.buckets = colIds.map(() => []);
    this.colVersion = colIds.map(() => 0);
  }

  /** The node at a position, created on first use (empty cells that formulas reference get placeholder nodes). */
  nodeAt(row: number, col: number): CellNode {
    const column = this.grid[col]!;
    let n = column[row];
    if (n === undefined) {
      n = new CellNode(this, row, col);
      n.value = this.values[col]![row] ?? null;
      column[row] = n;
    }
    return n;
  }

  /** The node of a cell key (`rowId:colId`), or undefined if its row or column does not exist. */
  nodeOfKey(key: string, create: boolean): CellNode | undefined {
    const sep = key.indexOf(':');
    const r = this.rowIndex.getSub(key, 0, sep);
    const c = this.colIndex.getSub(key, sep + 1, key.length);
    if (r === undefined || c === undefined) return undefined;
    return create ? this.nodeAt(r, c) : this.grid[c]![r];
  }

  /** Sorted row positions of formula cells per column, rebuilt lazily after formulas are added or removed. */
  formulaRowsOf(col: number): number[] {
    if (!this.formulaRows) {
      const fr: number[][] = this.colIds.map(() => []);
      for (let c = 0; c < this.grid.length; c++) {
        const column = this.grid[c]!;
        const out = fr[c]!;
        for (let r = 0; r < column.length; r++) if (column[r]?.compiled) out.push(r);
      }
      this.formulaRows = fr;
    }
    return this.formulaRows[col] ?? [];
  }

  /** Remembers a stored cell key whose row or column is not visible now. */
  addOrphan(key: string): void {
    const sep = key.indexOf(':');
    for (const id of [key.slice(0, sep), key.slice(sep + 1)]) {
      if (this.rowIndex.has(id) || this.colIndex.has(id)) continue;
      let keys = this.orphans.get(id);
      if (!keys) this.orphans.set(id, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Every range of the sheet once. */
  allRanges(): Set<RangeDep> {
    const out = new Set<RangeDep>();
    for (const b of this.buckets) for (const g of b) out.add(g);
    return out;
  }
}

export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lookupKey(v: unknown): unknown {
  return typeof v === 'string' ? 's:' + v.toLowerCase() : typeof v === 'boolean' ? (v ? 'b:1' : 'b:0') : v;
}

/** A single cell seen as a 1×1 block, for reference arguments of functions; its position follows the node. */
export class SingleArea implements PlacedArea {
  readonly kind = 'area';
  readonly height = 1;
  readonly width = 1;
  constructor(private readonly node: CellNode) {}
  get top(): number {
    return this.node.row;
  }
  get left(): number {
    return this.node.col;
  }
  at(row: number, col: number): Scalar {
    return row === 0 && col === 0 ? this.node.value : null;
  }
}

/** A range read as a block of values, straight from the grid; it keeps exact-match indexes per column. */
export class GridArea implements IndexedArea, PlacedArea {
  readonly kind = 'area';
  constructor(
    readonly sheet: SheetState,
    public top: number,
    public left: number,
    public height: number,
    public width: number,
  ) {}
  at(row: number, col: number): Scalar {
    if (row < 0 || col < 0 || row >= this.height || col >= this.width) return null;
    const v = this.sheet.values[this.left + col]?.[this.top + row];
    return v === undefined ? null : v;
  }
  column(col: number): { values: readonly (Scalar | undefined)[]; start: number; end: number } {
    const values = this.sheet.values[this.left + col] ?? [];
    return { values, start: this.top, end: Math.min(this.top + this.height, values.length) };
  }
  exactOffset(line: number, byColumn: boolean, key: number | string | boolean): number {
    if (!byColumn) {
      for (let i = 0; i < this.width; i++) {
        const v = this.at(line, i);
        if (lookupKey(v) === lookupKey(key)) return i;
      }
      return -1;
    }
    const col = this.left + line;
    const cacheKey = `${col}:${this.top}:${this.height}`;
    const version = this.sheet.colVersion[col] ?? 0;
    let entry = this.sheet.lookupCache.get(cacheKey);
    if (!entry || entry.version !== version) {
      const map = new Map<unknown, number>();
      const column = this.sheet.values[col] ?? [];
      const end = Math.min(this.top + this.height, column.length);
      for (let r = this.top; r < end; r++) {
        const v = column[r];
        if (v === undefined || v === null || typeof v === 'object') continue;
        const k = lookupKey(v);
        if (!map.has(k)) map.set(k, r - this.top);
      }
      entry = { version, map };
      this.sheet.lookupCache.set(cacheKey, entry);
    }
    return entry.map.get(lookupKey(key)) ?? -1;
  }
}
