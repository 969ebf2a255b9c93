import type { IdAst, IdRange, IdRef } from './ast.js';
import { ERR, FormulaError } from './errors.js';
import { compile, scalarOf, type Compiled, type CompileEnv } from './evaluator.js';
import type { CallContext } from './function-types.js';
import { lookupFunction } from './functions.js';
import type { IndexedArea, PlacedArea } from './fn-lookup.js';
import { msToSerial } from './dates.js';
import { isBadInput, isFormulaInput, type StoredInput } from './stored-input.js';
import { isArea, isError, type Scalar } from './values.js';

/** What the engine reads from the workbook model when it (re)builds. */
export interface ModelSource {
  sheetIds(): readonly string[];
  rows(sheetId: string): readonly string[];
  cols(sheetId: string): readonly string[];
  cells(sheetId: string): Iterable<[string, StoredInput]>;
  cell(sheetId: string, key: string): StoredInput | undefined;
  names(): Iterable<[string, { readonly s?: string; readonly f: IdAst }]>;
}

const CLEAN = 0;
const DIRTY = 1;

const NONE: readonly CellNode[] = [];
const NO_RANGES: readonly RangeDep[] = [];

/** One cell in the dependency graph; empty cells that formulas reference exist as placeholders. */
class CellNode {
  compiled: Compiled | undefined = undefined;
  value: Scalar = null;
  state = CLEAN;
  /** Formulas that reference this cell directly (ranges are indexed separately). */
  dependents: CellNode[] | undefined = undefined;
  precedents: readonly CellNode[] = NONE;
  ranges: readonly RangeDep[] = NO_RANGES;
  selfRef = false;
  cursor = 0;
  /** Visit stamp of the dependents walk. */
  mark = 0;
  preds: readonly CellNode[] = NONE;
  // Tarjan bookkeeping, valid while `pass` equals the engine's pass
  pass = 0;
  index = 0;
  low = 0;
  onStack = false;
  constructor(
    readonly sheet: SheetState,
    /** Position on the sheet, fixed until the next rebuild. */
    readonly row: number,
    readonly col: number,
  ) {}
}

/** A range some formulas read, resolved to positions; shared by all formulas that name the same range. */
class RangeDep {
  readonly dependents = new Set<CellNode>();
  readonly area: GridArea;
  formulaCache: CellNode[] | undefined;
  formulaCachePass = -1;
  constructor(
    readonly sheet: SheetState,
    readonly top: number,
    readonly left: number,
    readonly bottom: number,
    readonly right: number,
  ) {
    this.area = new GridArea(sheet, top, left, bottom - top + 1, right - left + 1);
  }
  contains(r: number, c: number): boolean {
    return r >= this.top && r <= this.bottom && c >= this.left && c <= this.right;
  }
}

/** The engine's view of one sheet: positions of ids, nodes, a column-major grid for range reads, and range indexes. */
class SheetState {
  readonly rowIndex = new Map<string, number>();
  readonly colIndex = new Map<string, number>();
  /** grid[col][row]: the graph node at a position; only formulas and cells that formulas reference have one. */
  readonly grid: (CellNode | undefined)[][];
  /** values[col][row]: every computed value (undefined where empty), for fast range reads without node objects. */
  readonly values: (Scalar | undefined)[][];
  readonly ranges = new Map<string, RangeDep>();
  /** Ranges by the columns they cover, for finding the formulas a changed cell feeds. */
  readonly buckets: RangeDep[][];
  readonly colVersion: number[];
  readonly lookupCache = new Map<string, { version: number; map: Map<unknown, number> }>();
  formulaRows: number[][] | undefined;
  constructor(
    readonly id: string,
    readonly rowIds: readonly string[],
    readonly colIds: readonly string[],
  ) {
    rowIds.forEach((r, i) => this.rowIndex.set(r, i));
    colIds.forEach((c, i) => this.colIndex.set(c, i));
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
    const r = this.rowIndex.get(key.slice(0, sep));
    const c = this.colIndex.get(key.slice(sep + 1));
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
}

function lowerBound(a: readonly number[], x: number): number {
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

/** A single cell seen as a 1×1 block, for reference arguments of functions. */
class SingleArea implements PlacedArea {
  readonly kind = 'area';
  readonly height = 1;
  readonly width = 1;
  readonly top: number;
  readonly left: number;
  constructor(private readonly node: CellNode) {
    this.top = node.row;
    this.left = node.col;
  }
  at(row: number, col: number): Scalar {
    return row === 0 && col === 0 ? this.node.value : null;
  }
}

/** A range read as a block of values, straight from the grid; it keeps exact-match indexes per column. */
class GridArea implements IndexedArea, PlacedArea {
  readonly kind = 'area';
  constructor(
    readonly sheet: SheetState,
    readonly top: number,
    readonly left: number,
    readonly height: number,
    readonly width: number,
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

/** Counts of work done, for tests that check an edit recalculates only its dependents. */
export interface RecalcStats {
  /** Formulas evaluated in the last recalculation. */
  evaluated: number;
  /** Whether the last recalculation rebuilt everything (after a structural change). */
  full: boolean;
}

/**
 * The calculation engine: mirrors the workbook into a dependency graph of cell nodes and recalculates incrementally.
 * Single-cell references are graph edges; ranges are shared, position-indexed objects per sheet (one per distinct
 * range, bucketed by column), so a range adds no edge per cell. Cycles are found as strongly connected components and
 * every cell on a cycle evaluates to #CIRC!.
 */
export class Engine {
  private sheets = new Map<string, SheetState>();
  private names = new Map<string, { s?: string; f: IdAst }>();
  private pass = 0;
  private markCounter = 0;
  private needsRebuild = true;
  private readonly changed = new Map<string, Set<string>>();
  private readonly volatiles = new Set<CellNode>();
  private nowSerial = 0;
  private current: CellNode | undefined;
  /** Work done by the last recalculation. */
  readonly stats: RecalcStats = { evaluated: 0, full: false };
  private readonly ctx: CallContext;

  constructor(private readonly source: ModelSource, private readonly random: () => number = Math.random) {
    const current = (): CellNode | undefined => this.current;
    const now = (): number => this.nowSerial;
    this.ctx = {
      get row() { return current()?.row ?? 0; },
      get col() { return current()?.col ?? 0; },
      get now() { return now(); },
      random: () => this.random(),
    };
  }

  /** Marks everything for a rebuild: rows, columns, sheets or names changed. */
  invalidateStructure(): void {
    this.needsRebuild = true;
  }

  /** Records that a cell's input changed. */
  invalidateCell(sheetId: string, key: string): void {
    if (this.needsRebuild) return;
    let s = this.changed.get(sheetId);
    if (!s) this.changed.set(sheetId, (s = new Set()));
    s.add(key);
  }

  /** Whether a recalculation is pending. */
  get stale(): boolean {
    return this.needsRebuild || this.changed.size > 0;
  }

  /** Returns the computed value of a cell by ids, recalculating first if anything changed. */
  value(sheetId: string, rowId: string, colId: string): Scalar {
    if (this.stale) this.recalculate();
    const s = this.sheets.get(sheetId);
    if (!s) return null;
    const r = s.rowIndex.get(rowId);
    const c = s.colIndex.get(colId);
    return r === undefined || c === undefined ? null : s.values[c]![r] ?? null;
  }

  /** Recalculates what changed since the last call (everything after a structural change); volatile formulas always. */
  recalculate(): void {
    this.nowSerial = msToSerial(Date.now() - new Date().getTimezoneOffset() * 60_000);
    if (this.needsRebuild) {
      this.rebuild();
      return;
    }
    const roots: CellNode[] = [];
    for (const [sheetId, keys] of this.changed) {
      const sheet = this.sheets.get(sheetId);
      if (!sheet) continue;
      for (const key of keys) {
        const node = sheet.nodeOfKey(key, true);
        if (!node) continue; // a cell of a deleted row or column
        this.setInput(node, this.source.cell(sheetId, key));
        roots.push(node);
      }
    }
    this.changed.clear();
    for (const v of this.volatiles) roots.push(v);
    this.stats.full = false;
    this.evaluate(this.affected(roots));
  }

  private rebuild(): void {
    this.needsRebuild = false;
    this.changed.clear();
    this.volatiles.clear();
    this.sheets = new Map();
    for (const id of this.source.sheetIds()) this.sheets.set(id, new SheetState(id, this.source.rows(id), this.source.cols(id)));
    this.names = new Map(this.source.names());
    const formulas: CellNode[] = [];
    const asts: IdAst[] = [];
    for (const sheet of this.sheets.values()) {
      for (const [key, input] of this.source.cells(sheet.id)) {
        const sep = key.indexOf(':');
        const r = sheet.rowIndex.get(key.slice(0, sep));
        const c = sheet.colIndex.get(key.slice(sep + 1));
        if (r === undefined || c === undefined) continue;
        if (isFormulaInput(input)) {
          const node = sheet.nodeAt(r, c);
          formulas.push(node);
          asts.push(input.f);
        } else {
          // Plain values get no node unless a formula references them
          const v = plainValue(input);
          sheet.values[c]![r] = v;
          const n = sheet.grid[c]![r];
          if (n) n.value = v;
        }
      }
    }
    for (let i = 0; i < formulas.length; i++) {
      const node = formulas[i]!;
      this.link(node, asts[i]!);
      node.state = DIRTY;
    }
    this.stats.full = true;
    this.evaluate(formulas);
  }

  private setInput(node: CellNode, input: StoredInput | undefined): void {
    const wasFormula = node.compiled !== undefined;
    this.unlink(node);
    if (isFormulaInput(input)) this.link(node, input.f);
    else this.setValue(node, plainValue(input));
    if (wasFormula || node.compiled) node.sheet.formulaRows = undefined;
  }

  private setValue(node: CellNode, v: Scalar): void {
    if (node.value === v) return;
    node.value = v;
    node.sheet.values[node.col]![node.row] = v;
    if (node.col >= 0) node.sheet.colVersion[node.col]!++;
  }

  private unlink(node: CellNode): void {
    for (const p of node.precedents) {
      const d = p.dependents;
      if (!d) continue;
      const i = d.indexOf(node);
      if (i >= 0) {
        d[i] = d[d.length - 1]!;
        d.pop();
      }
    }
    for (const r of node.ranges) {
      r.dependents.delete(node);
      if (r.dependents.size === 0) this.dropRange(r);
    }
    node.precedents = NONE;
    node.ranges = NO_RANGES;
    node.compiled = undefined;
    node.selfRef = false;
    this.volatiles.delete(node);
  }

  private dropRange(r: RangeDep): void {
    const s = r.sheet;
    for (const [k, v] of s.ranges) {
      if (v === r) {
        s.ranges.delete(k);
        break;
      }
    }
    for (let c = r.left; c <= r.right && c < s.buckets.length; c++) {
      const b = s.buckets[c]!;
      const i = b.indexOf(r);
      if (i >= 0) b.splice(i, 1);
    }
  }

  private rangeDep(sheet: SheetState, top: number, left: number, bottom: number, right: number): RangeDep {
    const key = `${top}:${left}:${bottom}:${right}`;
    let r = sheet.ranges.get(key);
    if (!r) {
      r = new RangeDep(sheet, top, left, bottom, right);
      sheet.ranges.set(key, r);
      for (let c = left; c <= right; c++) sheet.buckets[c]!.push(r);
    }
    return r;
  }

  // State of the formula being linked; the compile environment below reads it, so linking allocates no closures of its own
  private linkHome: SheetState | undefined;
  private linkPrecedents: CellNode[] = [];
  private linkRanges: RangeDep[] = [];
  private readonly nameStack: string[] = [];
  private readonly env: CompileEnv = {
    cell: (ref: IdRef) => {
      const p = this.refNode(ref);
      if (isError(p)) return p;
      return () => p.value;
    },
    cellArea: (ref: IdRef) => {
      const p = this.refNode(ref);
      if (isError(p)) return p;
      const area = new SingleArea(p);
      return () => area;
    },
    range: (g: IdRange) => {
      const sheet = g.s === undefined ? this.linkHome! : this.sheets.get(g.s);
      if (!sheet) return ERR.ref;
      const top = g.r1 === null ? 0 : sheet.rowIndex.get(g.r1);
      const bottom = g.r2 === null ? sheet.rowIds.length - 1 : sheet.rowIndex.get(g.r2);
      const left = g.c1 === null ? 0 : sheet.colIndex.get(g.c1);
      const right = g.c2 === null ? sheet.colIds.length - 1 : sheet.colIndex.get(g.c2);
      if (top === undefined || bottom === undefined || left === undefined || right === undefined || bottom < top || right < left) return ERR.ref;
      const dep = this.rangeDep(sheet, top, left, bottom, right);
      if (!this.linkRanges.includes(dep)) this.linkRanges.push(dep);
      const area = dep.area;
      return () => area;
    },
    name: (n: string) => {
      const def = this.names.get(n);
      if (!def || this.nameStack.includes(n)) return def ? () => ERR.circ : undefined;
      this.nameStack.push(n);
      // A name's references belong to the sheet it was defined on
      const s = def.s;
      const env: CompileEnv = s === undefined ? this.env : {
        ...this.env,
        cell: (r: IdRef) => this.env.cell(r.s === undefined ? { ...r, s } : r),
        cellArea: (r: IdRef) => this.env.cellArea(r.s === undefined ? { ...r, s } : r),
        range: (g: IdRange) => this.env.range(g.s === undefined ? { ...g, s } : g),
      };
      const c = compile(def.f, env);
      this.nameStack.pop();
      return c;
    },
    fn: (name: string) => {
      const f = lookupFunction(name);
      if (f?.volatile) this.linkVolatile = true;
      return f;
    },
  };
  private linkVolatile = false;

  private refNode(ref: IdRef): CellNode | FormulaError {
    const sheet = ref.s === undefined ? this.linkHome! : this.sheets.get(ref.s);
    if (!sheet) return ERR.ref;
    const r = sheet.rowIndex.get(ref.r);
    const c = sheet.colIndex.get(ref.c);
    if (r === undefined || c === undefined) return ERR.ref;
    const p = sheet.nodeAt(r, c);
    if (!this.linkPrecedents.includes(p)) this.linkPrecedents.push(p);
    return p;
  }

  private link(node: CellNode, ast: IdAst): void {
    const home = node.sheet;
    this.linkHome = home;
    this.linkPrecedents = [];
    this.linkRanges = [];
    this.linkVolatile = false;
    node.compiled = compile(ast, this.env);
    const precedents = this.linkPrecedents;
    const ranges = this.linkRanges;
    node.precedents = precedents.length === 0 ? NONE : precedents;
    node.ranges = ranges.length === 0 ? NO_RANGES : ranges;
    for (const p of precedents) {
      if (p.dependents) p.dependents.push(node);
      else p.dependents = [node];
      if (p === node) node.selfRef = true;
    }
    for (const g of ranges) {
      g.dependents.add(node);
      if (g.sheet === home && g.contains(node.row, node.col)) node.selfRef = true;
    }
    if (this.linkVolatile) this.volatiles.add(node);
    home.formulaRows = undefined;
  }

  /** The formulas to recompute after `roots` changed: everything reachable through references and ranges. */
  private affected(roots: CellNode[]): CellNode[] {
    const out: CellNode[] = [];
    const stack: CellNode[] = [];
    const mark = ++this.markCounter;
    const push = (d: CellNode): void => {
      if (d.compiled && d.state !== DIRTY) {
        d.state = DIRTY;
        out.push(d);
      }
      if (d.mark !== mark) {
        d.mark = mark;
        stack.push(d);
      }
    };
    for (const r of roots) push(r);
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.dependents) for (const d of n.dependents) push(d);
      const r = n.row;
      for (const g of n.sheet.buckets[n.col]!) if (g.top <= r && r <= g.bottom) for (const d of g.dependents) push(d);
    }
    return out;
  }

  private formulasIn(g: RangeDep): CellNode[] {
    if (g.formulaCachePass === this.pass && g.formulaCache) return g.formulaCache;
    const out: CellNode[] = [];
    const s = g.sheet;
    for (let c = g.left; c <= g.right; c++) {
      const rows = s.formulaRowsOf(c);
      if (rows.length === 0) continue;
      for (let i = lowerBound(rows, g.top); i < rows.length && rows[i]! <= g.bottom; i++) {
        const n = s.grid[c]![rows[i]!];
        if (n) out.push(n);
      }
    }
    g.formulaCache = out;
    g.formulaCachePass = this.pass;
    return out;
  }

  private dirtyPrecedents(n: CellNode): readonly CellNode[] {
    if (n.ranges.length === 0) return n.precedents;
    const out: CellNode[] = [...n.precedents];
    for (const g of n.ranges) for (const p of this.formulasIn(g)) if (p.state === DIRTY) out.push(p);
    return out;
  }

  /** Evaluates dirty formulas in dependency order (Tarjan's algorithm over precedents); cycles become #CIRC!. */
  private evaluate(dirty: CellNode[]): void {
    this.pass++;
    const pass = this.pass;
    let index = 0;
    let evaluated = 0;
    const stack: CellNode[] = [];
    const frames: CellNode[] = [];
    const start = (n: CellNode): void => {
      n.pass = pass;
      n.index = n.low = index++;
      n.onStack = true;
      n.cursor = 0;
      n.preds = this.dirtyPrecedents(n);
      stack.push(n);
      frames.push(n);
    };
    for (const root of dirty) {
      if (root.state !== DIRTY || root.pass === pass) continue;
      start(root);
      while (frames.length > 0) {
        const f = frames[frames.length - 1]!;
        if (f.cursor < f.preds.length) {
          const p = f.preds[f.cursor++]!;
          if (p.state !== DIRTY) continue;
          if (p.pass !== pass) start(p);
          else if (p.onStack && p.index < f.low) f.low = p.index;
          continue;
        }
        frames.pop();
        f.preds = NONE;
        const n = f;
        const parent = frames[frames.length - 1];
        if (parent && n.low < parent.low) parent.low = n.low;
        if (n.low !== n.index) continue;
        // n is the root of a strongly connected component
        if (stack[stack.length - 1] === n && !n.selfRef) {
          stack.pop();
          n.onStack = false;
          this.current = n;
          let v: Scalar;
          try {
            const r = n.compiled!(this.ctx);
            v = isArea(r) ? scalarOf(r) : r;
          } catch (e) {
            // One formula must never stop the others: a string grown beyond what JavaScript can hold is #NUM!, anything else #VALUE!
            v = e instanceof RangeError ? ERR.num : ERR.value;
          }
          this.setValue(n, v === null ? 0 : v);
          n.state = CLEAN;
          evaluated++;
          continue;
        }
        let m: CellNode;
        do {
          m = stack.pop()!;
          m.onStack = false;
          this.setValue(m, ERR.circ);
          m.state = CLEAN;
        } while (m !== n);
      }
    }
    this.current = undefined;
    this.stats.evaluated = evaluated;
  }
}

function plainValue(input: StoredInput | undefined): Scalar {
  if (input === undefined) return null;
  if (isBadInput(input)) return ERR.parse;
  if (typeof input === 'object') return null;
  return input;
}

/** Re-exported so callers can recognise errors without importing the errors module. */
export { FormulaError };
