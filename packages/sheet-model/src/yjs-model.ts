import type * as Y from 'yjs';
import type { IdAst } from './ast.js';
import type { IdSpace } from './binding.js';
import type { ModelSource } from './engine.js';
import type { StoredInput } from './stored-input.js';
import { MAX_COLS, MAX_ROWS } from './a1.js';
import { IdIndex, type IdPositions } from './id-index.js';
import { BlockIndex, withoutIds, type BlockValue, type StoredBlock } from './value-blocks.js';

/** The Yjs types that hold one sheet. Each is a top-level type named `s/<sheetId>/<part>`, so concurrent creation cannot lose data. */
export interface SheetTypes {
  readonly rows: Y.Array<string>;
  readonly cols: Y.Array<string>;
  /**
   * Cell inputs by `rowId:colId`; an entry overrides the sheet's value blocks for its cell, and null marks a cell
   * cleared over a block value. Read cells through {@link YjsModel.cell} and {@link YjsModel.forEachCell}, which combine both.
   */
  readonly cells: Y.Map<StoredInput | null>;
  /** Blocks of plain values written in bulk, by block id (see {@link StoredBlock}). */
  readonly blocks: Y.Map<StoredBlock>;
  /** Number format codes by `rowId:colId`. */
  readonly formats: Y.Map<string>;
  /** Style properties by `rowId:colId:property`, so two users styling one cell merge per property. */
  readonly styles: Y.Map<string | number | boolean>;
  /** Column widths (`w:<colId>`), row heights (`h:<rowId>`), `frozenRows` and `frozenCols`. */
  readonly layout: Y.Map<number>;
  /** Merged ranges by merge id: endpoint ids. */
  readonly merges: Y.Map<{ r1: string; c1: string; r2: string; c2: string }>;
}

/** A named range as stored: its formula in id space and, for sheet-local names, the sheet. */
export interface StoredName {
  readonly name: string;
  readonly s?: string;
  readonly f: IdAst;
}

/**
 * The ids of an array with later duplicates removed (concurrent moves can duplicate an id), plus where each sits in the
 * raw array. `index` is replaced, never changed, when ids are appended or inserted, so whoever read it keeps a
 * consistent snapshot.
 */
export interface VisibleIds {
  readonly ids: string[];
  /** Raw position of each visible id; undefined while the array holds no duplicate (raw and visible positions agree). */
  readonly raw: number[] | undefined;
  index: IdIndex;
}

/** Where the visible id at `i` sits in the raw array. */
export function rawPosition(v: VisibleIds, i: number): number {
  return v.raw === undefined ? i : v.raw[i]!;
}

function visible(arr: Y.Array<string>): VisibleIds {
  return IdIndex.visible(arr.toArray());
}

const idCounters = new WeakMap<Y.Doc, number>();

/** The workbook's Yjs layout and the id bookkeeping on top of it; the engine reads it and the API writes it. */
export class YjsModel implements ModelSource, IdSpace {
  readonly order: Y.Array<string>;
  readonly sheetNames: Y.Map<string>;
  readonly nameMap: Y.Map<StoredName>;
  /** Tab colours by sheet id (`#rrggbb`). */
  readonly sheetColors: Y.Map<string>;
  private readonly types = new Map<string, SheetTypes>();
  private readonly blockIndexes = new Map<string, BlockIndex>();
  private readonly visibleCache = new Map<Y.Array<string>, VisibleIds>();
  private orderCache: string[] | undefined;
  private displayCache: Map<string, string> | undefined;

  constructor(readonly doc: Y.Doc) {
    this.order = doc.getArray<string>('sheetOrder');
    this.sheetNames = doc.getMap<string>('sheetNames');
    this.nameMap = doc.getMap<StoredName>('names');
    this.sheetColors = doc.getMap<string>('sheetColors');
  }

  /** A new id unique to this client: its client id and a counter, in base 36. */
  newId(): string {
    return this.newIds(1)[0]!;
  }

  /** `count` new ids at once (one counter update, one prefix). */
  newIds(count: number): string[] {
    const start = idCounters.get(this.doc) ?? 0;
    idCounters.set(this.doc, start + count);
    const prefix = this.doc.clientID.toString(36) + '.';
    const out: string[] = new Array(count);
    for (let i = 0; i < count; i++) out[i] = prefix + (start + i + 1).toString(36);
    return out;
  }

  /** The Yjs types of a sheet, created on first use. */
  sheet(id: string): SheetTypes {
    let t = this.types.get(id);
    if (!t) {
      const d = this.doc;
      t = {
        rows: d.getArray<string>(`s/${id}/rows`),
        cols: d.getArray<string>(`s/${id}/cols`),
        cells: d.getMap<StoredInput | null>(`s/${id}/cells`),
        blocks: d.getMap<StoredBlock>(`s/${id}/blocks`),
        formats: d.getMap<string>(`s/${id}/formats`),
        styles: d.getMap<string | number | boolean>(`s/${id}/styles`),
        layout: d.getMap<number>(`s/${id}/layout`),
        merges: d.getMap<{ r1: string; c1: string; r2: string; c2: string }>(`s/${id}/merges`),
      };
      this.types.set(id, t);
      this.blockIndexes.set(id, new BlockIndex(t.blocks));
    }
    return t;
  }

  /** Stops following the document's value blocks (the workbook is being closed). */
  destroy(): void {
    for (const index of this.blockIndexes.values()) index.destroy();
  }

  /** The value blocks of a sheet. */
  blockIndex(sheetId: string): BlockIndex {
    this.sheet(sheetId);
    return this.blockIndexes.get(sheetId)!;
  }

  /** Calls `f` for every sheet's block index that recorded changes since the last call. */
  forEachChangedBlockIndex(f: (sheetId: string, index: BlockIndex) => void): void {
    for (const [id, index] of this.blockIndexes) if (index.changed) f(id, index);
  }

  /** Stores plain values as one block (rows × cols, row by row, null where it holds nothing); the cells must be empty. */
  writeBlock(sheetId: string, rows: readonly string[], cols: readonly string[], values: readonly (BlockValue | null)[]): void {
    if (values.length !== rows.length * cols.length) throw new RangeError(`A block of ${rows.length} × ${cols.length} cells needs ${rows.length * cols.length} values, not ${values.length}.`);
    const key = this.newId();
    this.sheet(sheetId).blocks.set(key, { r: rows, c: cols, v: values });
    this.blockIndex(sheetId).sync(key);
  }

  /** Sets or clears (undefined) a cell's own input; clearing a cell a block supplies leaves a null entry that hides it. */
  writeCell(sheetId: string, key: string, input: StoredInput | undefined): void {
    const cells = this.sheet(sheetId).cells;
    if (input !== undefined) cells.set(key, input);
    else if (this.blockIndex(sheetId).valueOfKey(key) !== undefined) {
      if (cells.get(key) !== null) cells.set(key, null);
    } else if (cells.has(key)) cells.delete(key);
  }

  /**
   * A test for whether a cell in one of `rowIds` is vacant: empty with nothing stored for it, neither an entry of its own
   * (not even a cleared one) nor a block value. Prepared for a bulk write of about `cellCount` cells: when the sheet
   * holds fewer entries than that, they are grouped by row once instead of looking up every key.
   */
  vacancyTest(sheetId: string, rowIds: readonly string[], cellCount: number): (rowId: string, colId: string) => boolean {
    const cells = this.sheet(sheetId).cells;
    const index = this.blockIndex(sheetId);
    const own = cells._map.size <= cellCount ? this.ownByRow(sheetId, new Set(rowIds)) : undefined;
    return (rowId, colId) => {
      if (own === undefined ? cells.has(rowId + ':' + colId) : own.get(rowId)?.has(colId) === true) return false;
      return index.holding(rowId).length === 0 || index.owner(rowId, colId) === undefined;
    };
  }

  /** The column ids of the cells with an entry of their own (cleared ones included), by row id; only `rows` if given. */
  private ownByRow(sheetId: string, rows?: ReadonlySet<string>): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    for (const [key, item] of this.sheet(sheetId).cells._map) {
      if (item.deleted) continue;
      const sep = key.indexOf(':');
      const rowId = key.slice(0, sep);
      if (rows !== undefined && !rows.has(rowId)) continue;
      let cols = out.get(rowId);
      if (cols === undefined) out.set(rowId, (cols = new Set()));
      cols.add(key.slice(sep + 1));
    }
    return out;
  }

  /** Rewrites the blocks holding deleted rows or columns without them (their cells vanish with them). */
  dropFromBlocks(sheetId: string, axis: 'rows' | 'cols', deleted: ReadonlySet<string>): void {
    const index = this.blockIndex(sheetId);
    if (index.empty) return;
    const touched = new Set(axis === 'rows' ? [...deleted].flatMap((id) => index.holding(id)) : index.all());
    const blocks = this.sheet(sheetId).blocks;
    for (const b of touched) {
      const next = withoutIds(b, axis, deleted);
      if (next === null) continue;
      if (next === undefined) blocks.delete(b.key);
      else blocks.set(b.key, next);
      index.sync(b.key);
    }
  }

  /** Forgets cached id positions; called whenever rows, columns or the sheet order change. */
  invalidate(): void {
    this.visibleCache.clear();
    this.orderCache = undefined;
    this.displayCache = undefined;
  }

  /** Forgets the displayed sheet names; called whenever a sheet is renamed (locally or by someone else). */
  invalidateNames(): void {
    this.displayCache = undefined;
  }

  /**
   * The name each sheet is shown and addressed by, unique (case-insensitively) on every client: two users renaming
   * two sheets to the same name at once both succeed in the CRDT, so the later sheet in order shows "Name (2)" (the
   * first free number) until someone renames it. It depends only on the shared order and names, so all clients agree.
   */
  displayNames(): ReadonlyMap<string, string> {
    if (this.displayCache) return this.displayCache;
    const ids = this.sheetIds();
    const stored = new Set<string>();
    for (const id of ids) stored.add(this.sheetNames.get(id)!.toLowerCase());
    const taken = new Set<string>();
    const out = new Map<string, string>();
    for (const id of ids) {
      const name = this.sheetNames.get(id)!;
      let shown = name;
      if (taken.has(name.toLowerCase())) {
        let k = 2;
        while (stored.has(`${name} (${k})`.toLowerCase()) || taken.has(`${name} (${k})`.toLowerCase())) k++;
        shown = `${name} (${k})`;
      }
      taken.add(shown.toLowerCase());
      out.set(id, shown);
    }
    this.displayCache = out;
    return out;
  }

  visibleOf(arr: Y.Array<string>): VisibleIds {
    let v = this.visibleCache.get(arr);
    if (!v) {
      v = visible(arr);
      this.visibleCache.set(arr, v);
    }
    return v;
  }

  // ModelSource

  sheetIds(): readonly string[] {
    if (!this.orderCache) this.orderCache = visible(this.order).ids.filter((id) => this.sheetNames.has(id));
    return this.orderCache;
  }
  rows(sheetId: string): readonly string[] {
    return this.visibleOf(this.sheet(sheetId).rows).ids;
  }
  cols(sheetId: string): readonly string[] {
    return this.visibleOf(this.sheet(sheetId).cols).ids;
  }
  rowPositions(sheetId: string): IdPositions {
    return this.visibleOf(this.sheet(sheetId).rows).index;
  }
  colPositions(sheetId: string): IdPositions {
    return this.visibleOf(this.sheet(sheetId).cols).index;
  }
  cells(sheetId: string): Iterable<[string, StoredInput]> {
    const out: [string, StoredInput][] = [];
    this.forEachCell(sheetId, (input, key) => out.push([key, input]));
    return out;
  }
  forEachCell(sheetId: string, f: (input: StoredInput, key: string) => void): void {
    this.forEachOwnCell(sheetId, f);
    this.forEachBlockCell(sheetId, (value, rowId, colId) => f(value, rowId + ':' + colId));
  }
  forEachOwnCell(sheetId: string, f: (input: StoredInput, key: string) => void): void {
    this.sheet(sheetId).cells.forEach((input, key) => {
      if (input !== null) f(input, key);
    });
  }
  forEachBlockCell(sheetId: string, f: (value: BlockValue, rowId: string, colId: string) => void): void {
    const index = this.blockIndex(sheetId);
    if (!index.empty) index.forEach(f, this.ownByRow(sheetId));
  }
  cell(sheetId: string, key: string): StoredInput | undefined {
    const own = this.sheet(sheetId).cells.get(key);
    if (own !== undefined) return own ?? undefined;
    return this.blockIndexes.get(sheetId)!.valueOfKey(key);
  }
  *names(): Iterable<[string, { readonly s?: string; readonly f: IdAst }]> {
    for (const [k, v] of this.nameMap.entries()) yield [k, v];
  }

  // IdSpace

  sheetIdByName(name: string): string | undefined {
    const lower = name.toLowerCase();
    for (const [id, shown] of this.displayNames()) if (shown.toLowerCase() === lower) return id;
    return undefined;
  }
  sheetName(sheetId: string): string | undefined {
    return this.displayNames().get(sheetId);
  }
  rowId(sheetId: string, index: number): string {
    return this.idAt(this.sheet(sheetId).rows, index, MAX_ROWS, 'row');
  }
  colId(sheetId: string, index: number): string {
    return this.idAt(this.sheet(sheetId).cols, index, MAX_COLS, 'column');
  }
  rowIndex(sheetId: string, rowId: string): number {
    return this.visibleOf(this.sheet(sheetId).rows).index.get(rowId) ?? -1;
  }
  colIndex(sheetId: string, colId: string): number {
    return this.visibleOf(this.sheet(sheetId).cols).index.get(colId) ?? -1;
  }

  /** Grows an id array so that `index` exists (new ids at the end), and returns the id there. */
  private idAt(arr: Y.Array<string>, index: number, max: number, what: string): string {
    const v = this.visibleOf(arr);
    if (index < v.ids.length) return v.ids[index]!;
    if (index >= max) throw new RangeError(`The ${what} ${index + 1} lies beyond the sheet's limit of ${max}.`);
    this.ensureLength(arr, index + 1);
    return this.visibleOf(arr).ids[index]!;
  }

  /** Appends fresh ids until the array has at least `length` visible ids. */
  ensureLength(arr: Y.Array<string>, length: number): void {
    const v = this.visibleOf(arr);
    if (v.ids.length >= length) return;
    const add = this.newIds(length - v.ids.length);
    const rawStart = arr.length;
    arr.push(add);
    // Appending keeps the cache valid: extend it instead of rescanning the array
    v.index = v.index.withAppended(add);
    for (let i = 0; i < add.length; i++) {
      v.ids.push(add[i]!);
      v.raw?.push(rawStart + i);
    }
  }

  /** Inserts fresh ids before the visible position `index` and returns them; the cached positions follow without a rescan. */
  insertIds(arr: Y.Array<string>, index: number, count: number): string[] {
    const v = this.visibleOf(arr);
    const ids = this.newIds(count);
    const rawAt = index < v.ids.length ? rawPosition(v, index) : arr.length;
    arr.insert(rawAt, ids);
    let raw: number[] | undefined;
    if (v.raw !== undefined) {
      const old = v.raw;
      raw = old.slice(0, index);
      for (let i = 0; i < count; i++) raw.push(rawAt + i);
      for (let i = index; i < old.length; i++) raw.push(old[i]! + count);
    }
    // The id list changes in place (as appends do): one block move instead of a copy of every id
    const list = v.ids;
    const len = list.length;
    list.length = len + count;
    list.copyWithin(index + count, index, len);
    for (let i = 0; i < count; i++) list[index + i] = ids[i]!;
    this.visibleCache.set(arr, { ids: list, raw, index: v.index.withInserted(index, ids) });
    return ids;
  }

  /** Deletes every raw occurrence of the given ids. */
  deleteIds(arr: Y.Array<string>, ids: ReadonlySet<string>): void {
    const all = arr.toArray();
    let i = all.length - 1;
    while (i >= 0) {
      if (!ids.has(all[i]!)) {
        i--;
        continue;
      }
      let j = i;
      while (j - 1 >= 0 && ids.has(all[j - 1]!)) j--;
      arr.delete(j, i - j + 1);
      i = j - 1;
    }
    this.visibleCache.delete(arr);
  }

  /** Moves ids (in their given order) to before the visible id `before` (or to the end). */
  moveIds(arr: Y.Array<string>, ids: readonly string[], before: string | undefined): void {
    this.deleteIds(arr, new Set(ids));
    const v = this.visibleOf(arr);
    const pos = before === undefined ? arr.length : rawPosition(v, v.index.get(before)!);
    arr.insert(pos, [...ids]);
    this.visibleCache.delete(arr);
  }
}
