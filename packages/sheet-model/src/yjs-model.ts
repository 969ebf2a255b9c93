import type * as Y from 'yjs';
import type { IdAst } from './ast.js';
import type { IdSpace } from './binding.js';
import type { ModelSource } from './engine.js';
import type { StoredInput } from './stored-input.js';
import { MAX_COLS, MAX_ROWS } from './a1.js';
import { IdIndex, type IdPositions } from './id-index.js';

/** The Yjs types that hold one sheet. Each is a top-level type named `s/<sheetId>/<part>`, so concurrent creation cannot lose data. */
export interface SheetTypes {
  readonly rows: Y.Array<string>;
  readonly cols: Y.Array<string>;
  /** Cell inputs by `rowId:colId`. */
  readonly cells: Y.Map<StoredInput>;
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
        cells: d.getMap<StoredInput>(`s/${id}/cells`),
        formats: d.getMap<string>(`s/${id}/formats`),
        styles: d.getMap<string | number | boolean>(`s/${id}/styles`),
        layout: d.getMap<number>(`s/${id}/layout`),
        merges: d.getMap<{ r1: string; c1: string; r2: string; c2: string }>(`s/${id}/merges`),
      };
      this.types.set(id, t);
    }
    return t;
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
    return this.sheet(sheetId).cells.entries();
  }
  forEachCell(sheetId: string, f: (input: StoredInput, key: string) => void): void {
    this.sheet(sheetId).cells.forEach(f);
  }
  cell(sheetId: string, key: string): StoredInput | undefined {
    return this.sheet(sheetId).cells.get(key);
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
