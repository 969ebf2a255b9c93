import type { IdAst, IdRange, IdRef } from './ast.js';
import { ERR, FormulaError } from './errors.js';
import { arith, compile, scalarOf, type Compiled, type CompileEnv } from './evaluator.js';
import type { CallContext } from './function-types.js';
import { lookupFunction } from './functions.js';
import { CLEAN, DIRTY, linkAt, linkCount, lowerBound, NO_RANGES, NONE, RangeDep, SheetState, SingleArea, withLink, withoutLink, type CellNode, type NodeLinks } from './engine-graph.js';
import { restructureSheet } from './engine-restructure.js';
import { msToSerial } from './dates.js';
import type { IdPositions } from './id-index.js';
import { isBadInput, isFormulaInput, type StoredInput } from './stored-input.js';
import { isArea, isError, type Scalar } from './values.js';

/** What the engine reads from the workbook model when it (re)builds. */
export interface ModelSource {
  sheetIds(): readonly string[];
  rows(sheetId: string): readonly string[];
  cols(sheetId: string): readonly string[];
  /** Positions of the row ids; the same object until the rows change (a new one is returned then). */
  rowPositions(sheetId: string): IdPositions;
  /** Positions of the column ids, like {@link rowPositions}. */
  colPositions(sheetId: string): IdPositions;
  cells(sheetId: string): Iterable<[string, StoredInput]>;
  /** Calls `f` for every stored cell (cheaper than iterating {@link cells}: no entry arrays). */
  forEachCell(sheetId: string, f: (input: StoredInput, key: string) => void): void;
  /** Calls `f` for every cell with an input of its own (not supplied by a value block). */
  forEachOwnCell(sheetId: string, f: (input: StoredInput, key: string) => void): void;
  /** Calls `f` for every cell a value block supplies (cells with an input of their own are left out), ids apart. */
  forEachBlockCell(sheetId: string, f: (value: number | string | boolean, rowId: string, colId: string) => void): void;
  cell(sheetId: string, key: string): StoredInput | undefined;
  names(): Iterable<[string, { readonly s?: string; readonly f: IdAst }]>;
}

/** Counts of work done, for tests that check an edit recalculates only its dependents. */
export interface RecalcStats {
  /** Formulas evaluated in the last recalculation. */
  evaluated: number;
  /** Whether the last recalculation rebuilt the whole graph (after sheets or named ranges changed). */
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
  private needsRebuild = true;
  /** Sheets whose sheet list may have changed (a rename or delete); checked cheaply before deciding to rebuild. */
  private sheetsMaybeChanged = false;
  /** Sheets whose rows or columns changed since the last recalculation. */
  private readonly restructured = new Set<string>();
  private readonly changed = new Map<string, Set<string>>();
  private readonly volatiles = new Set<CellNode>();
  /** Formulas that call ROW() or COLUMN(): a structural edit can change their result without changing their inputs. */
  private readonly positionals = new Set<CellNode>();
  /** Formulas with a reference to a row, column or sheet that does not exist (#REF!): an undo can bring it back. */
  private readonly broken = new Set<CellNode>();
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

  /** Marks everything for a rebuild: sheets were added, deleted or reordered, or named ranges changed. */
  invalidateStructure(): void {
    this.needsRebuild = true;
  }

  /** Records that sheet names changed: a rebuild follows only if the list of sheets itself changed. */
  invalidateSheetNames(): void {
    this.sheetsMaybeChanged = true;
  }

  /** Records that a sheet's rows or columns changed (insert, delete, move): its graph is moved, not rebuilt. */
  invalidateAxes(sheetId: string): void {
    this.restructured.add(sheetId);
  }

  /** Records that a cell's input changed. */
  invalidateCell(sheetId: string, key: string): void {
    if (this.needsRebuild) return;
    let s = this.changed.get(sheetId);
    if (!s) this.changed.set(sheetId, (s = new Set()));
    s.add(key);
  }

  /** Whether the next recalculation rebuilds everything (then single cell changes need not be reported). */
  get rebuilding(): boolean {
    return this.needsRebuild;
  }

  /** Whether a recalculation is pending. */
  get stale(): boolean {
    return this.needsRebuild || this.sheetsMaybeChanged || this.restructured.size > 0 || this.changed.size > 0;
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
    if (this.sheetsMaybeChanged) {
      this.sheetsMaybeChanged = false;
      const ids = this.source.sheetIds();
      if (ids.length !== this.sheets.size || ids.some((id) => !this.sheets.has(id))) this.needsRebuild = true;
    }
    if (!this.needsRebuild) for (const id of this.restructured) if (!this.sheets.has(id)) this.needsRebuild = true;
    if (this.needsRebuild) {
      this.rebuild();
      return;
    }
    const roots: CellNode[] = [];
    if (this.restructured.size > 0) this.restructure(roots);
    for (const [sheetId, keys] of this.changed) {
      const sheet = this.sheets.get(sheetId);
      if (!sheet) continue;
      for (const key of keys) {
        const node = sheet.nodeOfKey(key, true);
        if (!node) {
          // A cell of a deleted (or not yet visible) row or column: kept in case the row comes back
          if (this.source.cell(sheetId, key) !== undefined) sheet.addOrphan(key);
          continue;
        }
        this.setInput(node, this.source.cell(sheetId, key));
        roots.push(node);
      }
    }
    this.changed.clear();
    for (const v of this.volatiles) roots.push(v);
    this.stats.full = false;
    this.evaluate(this.affected(roots));
  }

  /** Moves the graphs of sheets whose rows or columns changed, re-links the formulas that must see it, and adds them to `roots`. */
  private restructure(roots: CellNode[]): void {
    const relink = new Set<CellNode>();
    const dead: CellNode[] = [];
    let changed = false;
    for (const id of this.restructured) {
      const sheet = this.sheets.get(id)!;
      const r = restructureSheet(sheet, this.source.rows(id), this.source.cols(id), this.source.rowPositions(id), this.source.colPositions(id));
      if (!r.changed) continue;
      changed = true;
      for (const key of r.lost) if (this.source.cell(id, key) !== undefined) sheet.addOrphan(key);
      if (r.added) this.adoptCells(sheet, r.added);
      for (const n of r.dead) dead.push(n);
      for (const n of r.relink) relink.add(n);
    }
    this.restructured.clear();
    if (!changed) return;
    for (const n of dead) if (n.compiled) this.unlink(n);
    // A reference that did not exist may exist again (an undone delete, a range moved back into order)
    for (const n of this.broken) relink.add(n);
    for (const n of relink) {
      if (n.dead) continue;
      this.unlink(n);
      const s = n.sheet;
      const input = this.source.cell(s.id, s.rowIds[n.row]! + ':' + s.colIds[n.col]!);
      if (isFormulaInput(input)) this.link(n, input.f);
      roots.push(n);
    }
    // ROW() and COLUMN() may read a position that moved
    for (const n of this.positionals) roots.push(n);
  }

  /**
   * Treats stored cells in rows or columns that just appeared as changed: an undone delete brings back a row whose
   * cells someone may have edited meanwhile, and such cells must enter the graph like any other edit.
   */
  private adoptCells(sheet: SheetState, added: ReadonlySet<string>): void {
    let keys = this.changed.get(sheet.id);
    for (const id of added) {
      const waiting = sheet.orphans.get(id);
      if (!waiting) continue;
      sheet.orphans.delete(id);
      if (!keys) this.changed.set(sheet.id, (keys = new Set()));
      // A key still missing its other id is orphaned again when it is processed
      for (const key of waiting) keys.add(key);
    }
  }

  private rebuild(): void {
    this.needsRebuild = false;
    this.sheetsMaybeChanged = false;
    this.restructured.clear();
    this.changed.clear();
    this.volatiles.clear();
    this.positionals.clear();
    this.broken.clear();
    this.sheets = new Map();
    for (const id of this.source.sheetIds()) this.sheets.set(id, new SheetState(id, this.source.rows(id), this.source.cols(id), this.source.rowPositions(id), this.source.colPositions(id)));
    this.names = new Map(this.source.names());
    const formulas: CellNode[] = [];
    const asts: IdAst[] = [];
    for (const sheet of this.sheets.values()) {
      let lastRowId: string | undefined;
      let r: number | undefined;
      this.source.forEachBlockCell(sheet.id, (v, rowId, colId) => {
        if (rowId !== lastRowId) {
          lastRowId = rowId;
          r = sheet.rowIndex.get(rowId);
        }
        const c = sheet.colIndex.get(colId);
        if (r === undefined || c === undefined) {
          sheet.addOrphan(rowId + ':' + colId);
          return;
        }
        sheet.values[c]![r] = v;
        const n = sheet.grid[c]![r];
        if (n) n.value = v;
      });
      this.source.forEachOwnCell(sheet.id, (input, key) => {
        const sep = key.indexOf(':');
        const r = sheet.rowIndex.getSub(key, 0, sep);
        const c = sheet.colIndex.getSub(key, sep + 1, key.length);
        if (r === undefined || c === undefined) {
          sheet.addOrphan(key);
          return;
        }
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
      });
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
    const ps = node.precedents;
    for (let i = 0, k = linkCount(ps); i < k; i++) {
      const p = linkAt(ps, i);
      p.dependents = withoutLink(p.dependents, node);
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
    this.positionals.delete(node);
    this.broken.delete(node);
  }

  private dropRange(r: RangeDep): void {
    const s = r.sheet;
    if (r.dead) return;
    const key = RangeDep.key(r.top, r.left, r.bottom, r.right, r.openBits);
    if (s.ranges.get(key) === r) s.ranges.delete(key);
    for (let c = r.left; c <= r.right && c < s.buckets.length; c++) {
      const b = s.buckets[c]!;
      const i = b.indexOf(r);
      if (i >= 0) b.splice(i, 1);
    }
  }

  private rangeDep(sheet: SheetState, top: number, left: number, bottom: number, right: number, g: IdRange): RangeDep {
    const open = (g.r1 === null ? 1 : 0) | (g.r2 === null ? 2 : 0) | (g.c1 === null ? 4 : 0) | (g.c2 === null ? 8 : 0);
    const key = RangeDep.key(top, left, bottom, right, open);
    let r = sheet.ranges.get(key);
    if (!r) {
      r = new RangeDep(sheet, top, left, bottom, right, g.r1, g.r2, g.c1, g.c2);
      sheet.ranges.set(key, r);
      for (let c = left; c <= right; c++) sheet.buckets[c]!.push(r);
    }
    return r;
  }

  // State of the formula being linked; the compile environment below reads it, so linking allocates no closures of its own
  private linkHome: SheetState | undefined;
  // Scratch lists reused by every link; each formula keeps an exact-size copy (a growing array would keep spare capacity)
  private readonly linkPrecedents: CellNode[] = [];
  private readonly linkRanges: RangeDep[] = [];
  private readonly nameStack: string[] = [];
  private readonly env: CompileEnv = {
    cell: (ref: IdRef) => {
      const p = this.refNode(ref);
      if (isError(p)) return p;
      return () => p.value;
    },
    cellHolder: (ref: IdRef) => this.refNode(ref),
    cellArea: (ref: IdRef) => {
      const p = this.refNode(ref);
      if (isError(p)) return p;
      const area = new SingleArea(p);
      return () => area;
    },
    range: (g: IdRange) => {
      const sheet = g.s === undefined ? this.linkHome! : this.sheets.get(g.s);
      if (!sheet) {
        this.linkBroken = true;
        return ERR.ref;
      }
      const top = g.r1 === null ? 0 : sheet.rowIndex.get(g.r1);
      const bottom = g.r2 === null ? sheet.rowIds.length - 1 : sheet.rowIndex.get(g.r2);
      const left = g.c1 === null ? 0 : sheet.colIndex.get(g.c1);
      const right = g.c2 === null ? sheet.colIds.length - 1 : sheet.colIndex.get(g.c2);
      if (top === undefined || bottom === undefined || left === undefined || right === undefined || bottom < top || right < left) {
        this.linkBroken = true;
        return ERR.ref;
      }
      const dep = this.rangeDep(sheet, top, left, bottom, right, g);
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
        cellHolder: (r: IdRef) => this.refNode(r.s === undefined ? { ...r, s } : r),
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
      if (name === 'ROW' || name === 'COLUMN') this.linkPositional = true;
      return f;
    },
  };
  private linkVolatile = false;
  private linkPositional = false;
  private linkBroken = false;

  private refNode(ref: IdRef): CellNode | FormulaError {
    const sheet = ref.s === undefined ? this.linkHome! : this.sheets.get(ref.s);
    const r = sheet?.rowIndex.get(ref.r);
    const c = sheet?.colIndex.get(ref.c);
    if (!sheet || r === undefined || c === undefined) {
      this.linkBroken = true;
      return ERR.ref;
    }
    const p = sheet.nodeAt(r, c);
    if (!this.linkPrecedents.includes(p)) this.linkPrecedents.push(p);
    return p;
  }

  private link(node: CellNode, ast: IdAst): void {
    const home = node.sheet;
    this.linkHome = home;
    this.linkPrecedents.length = 0;
    this.linkRanges.length = 0;
    this.linkVolatile = false;
    this.linkPositional = false;
    this.linkBroken = false;
    node.compiled = this.cellOp(ast) ?? compile(ast, this.env);
    const lp = this.linkPrecedents;
    const precedents: NodeLinks = lp.length === 0 ? NONE : lp.length === 1 ? lp[0]! : lp.slice();
    const ranges = this.linkRanges.length === 0 ? NO_RANGES : this.linkRanges.slice();
    node.precedents = precedents;
    node.ranges = ranges;
    for (let i = 0; i < lp.length; i++) {
      const p = lp[i]!;
      p.dependents = withLink(p.dependents, node);
      if (p === node) node.selfRef = true;
    }
    for (const g of ranges) {
      g.dependents.add(node);
      if (g.sheet === home && g.contains(node.row, node.col)) node.selfRef = true;
    }
    if (this.linkVolatile) this.volatiles.add(node);
    if (this.linkPositional) this.positionals.add(node);
    if (this.linkBroken) this.broken.add(node);
    home.formulaRows = undefined;
  }

  /**
   * `=A1+1` (a cell reference and a number, added, subtracted or multiplied): the formula's single precedent is the
   * cell, so one function per operator and number serves every such formula, reading the cell through the node being
   * evaluated. A filled-down column of them then costs no closure per cell. Undefined for any other formula.
   */
  private cellOp(ast: IdAst): Compiled | undefined {
    if (ast.k !== 'bin' || ast.a.k !== 'ref' || ast.b.k !== 'num') return undefined;
    const op = ast.op;
    if (op !== '+' && op !== '-' && op !== '*') return undefined;
    const p = this.refNode(ast.a.ref);
    if (isError(p)) return () => p;
    const k = ast.b.v;
    const key = op + k;
    let f = this.cellOps.get(key);
    if (!f) {
      const current = (): CellNode => this.current!;
      f = () => {
        const v = (current().precedents as CellNode).value;
        if (typeof v === 'number') {
          const r = op === '+' ? v + k : op === '-' ? v - k : v * k;
          return Number.isFinite(r) ? r : ERR.num;
        }
        return arith(op, v, k);
      };
      // A bound on memory for sheets with many different constants
      if (this.cellOps.size >= 10_000) this.cellOps.clear();
      this.cellOps.set(key, f);
    }
    return f;
  }
  private readonly cellOps = new Map<string, Compiled>();

  /** The formulas to recompute after `roots` changed: everything reachable through references and ranges. */
  private affected(roots: CellNode[]): CellNode[] {
    const out: CellNode[] = [];
    const stack: CellNode[] = [];
    const mark = ++this.pass;
    const push = (d: CellNode): void => {
      if (d.compiled && d.state !== DIRTY) {
        d.state = DIRTY;
        out.push(d);
      }
      if (d.pass !== mark) {
        d.pass = mark;
        stack.push(d);
      }
    };
    for (const r of roots) push(r);
    while (stack.length > 0) {
      const n = stack.pop()!;
      const ds = n.dependents;
      for (let i = 0, k = linkCount(ds); i < k; i++) push(linkAt(ds, i));
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

  private dirtyPrecedents(n: CellNode): NodeLinks {
    if (n.ranges.length === 0) return n.precedents;
    const ps = n.precedents;
    const out: CellNode[] = [];
    for (let i = 0, k = linkCount(ps); i < k; i++) out.push(linkAt(ps, i));
    for (const g of n.ranges) for (const p of this.formulasIn(g)) if (p.state === DIRTY) out.push(p);
    return out;
  }

  /**
   * Evaluates dirty formulas in dependency order (Tarjan's algorithm over precedents); cycles become #CIRC!. A visited
   * node that is still DIRTY is on Tarjan's stack (a node turns CLEAN when it leaves it), so no flag is kept for that;
   * the walk's cursor and precedent lists live in stacks beside the frames, not in the nodes.
   */
  private evaluate(dirty: CellNode[]): void {
    const pass = ++this.pass;
    let index = 0;
    let evaluated = 0;
    const stack: CellNode[] = [];
    const frames: CellNode[] = [];
    const cursors: number[] = [];
    const predLists: NodeLinks[] = [];
    const start = (n: CellNode): void => {
      n.pass = pass;
      n.index = n.low = index++;
      stack.push(n);
      frames.push(n);
      cursors.push(0);
      predLists.push(this.dirtyPrecedents(n));
    };
    for (const root of dirty) {
      if (root.state !== DIRTY || root.pass === pass) continue;
      start(root);
      while (frames.length > 0) {
        const top = frames.length - 1;
        const f = frames[top]!;
        const preds = predLists[top]!;
        const cursor = cursors[top]!;
        if (cursor < linkCount(preds)) {
          cursors[top] = cursor + 1;
          const p = linkAt(preds, cursor);
          if (p.state !== DIRTY) continue;
          if (p.pass !== pass) start(p);
          else if (p.index < f.low) f.low = p.index;
          continue;
        }
        frames.pop();
        cursors.pop();
        predLists.pop();
        const n = f;
        const parent = frames[frames.length - 1];
        if (parent && n.low < parent.low) parent.low = n.low;
        if (n.low !== n.index) continue;
        // n is the root of a strongly connected component
        if (stack[stack.length - 1] === n && !n.selfRef) {
          stack.pop();
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
