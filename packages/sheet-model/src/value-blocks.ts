import type * as Y from 'yjs';

/** A plain value a block can hold: what a cell holds when it is not a formula. */
export type BlockValue = number | string | boolean;

/**
 * A block of plain values as stored in `s/<sheetId>/blocks` (one `Y.Map` entry per block): row ids, column ids and the
 * values row by row (`v[i * c.length + j]` is the cell at row `r[i]`, column `c[j]`), null where the block holds nothing.
 * A bulk write of many plain values into empty cells stores them this way instead of one `cells` entry per cell; an
 * entry in `cells` for the same cell (a later edit, or null for a cleared cell) overrides the block. Blocks are never
 * rewritten by cell edits, only when rows or columns they hold are deleted.
 */
export interface StoredBlock {
  readonly r: readonly string[];
  readonly c: readonly string[];
  readonly v: readonly (BlockValue | null)[];
}

/** The most cells one block holds: a row or column delete rewrites the blocks it touches, so they stay small. */
export const BLOCK_CELLS = 4096;
/** Fewer plain values than this in one block's rows are written per cell: a block is for bulk writes. */
export const BLOCK_MIN_VALUES = 16;

/** A stored block with lookups by id. */
export class Block {
  readonly rowAt = new Map<string, number>();
  readonly colAt = new Map<string, number>();
  /** Whether an id repeats within the block (only a damaged document does that); the first occurrence counts. */
  readonly repeats: boolean;

  constructor(readonly key: string, readonly src: StoredBlock) {
    for (let i = 0; i < src.r.length; i++) if (!this.rowAt.has(src.r[i]!)) this.rowAt.set(src.r[i]!, i);
    for (let j = 0; j < src.c.length; j++) if (!this.colAt.has(src.c[j]!)) this.colAt.set(src.c[j]!, j);
    this.repeats = this.rowAt.size !== src.r.length || this.colAt.size !== src.c.length;
  }

  /** The value at a row and column id, or undefined when the block holds none there. */
  get(rowId: string, colId: string): BlockValue | undefined {
    const i = this.rowAt.get(rowId);
    if (i === undefined) return undefined;
    const j = this.colAt.get(colId);
    if (j === undefined) return undefined;
    return valueOf(this.src.v[i * this.src.c.length + j]);
  }
}

/** A slot's value if it is one a block may hold, else undefined (null, a hole, or anything a damaged document holds). */
export function valueOf(x: unknown): BlockValue | undefined {
  if (typeof x === 'number') return Number.isFinite(x) ? x : undefined;
  return typeof x === 'string' || typeof x === 'boolean' ? x : undefined;
}

/** The block in a stored entry, or undefined when the entry does not have a block's shape (it is then ignored). */
function decode(key: string, raw: unknown): Block | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { r, c, v } = raw as Partial<StoredBlock>;
  if (!Array.isArray(r) || !Array.isArray(c) || !Array.isArray(v) || v.length !== r.length * c.length) return undefined;
  if (!r.every((x) => typeof x === 'string') || !c.every((x) => typeof x === 'string')) return undefined;
  return new Block(key, raw as StoredBlock);
}

/**
 * The value blocks of one sheet, indexed by row id, kept in step with the `Y.Map` that stores them: local writes call
 * {@link sync} at once (so reads in the same transaction see them), remote changes and undo arrive through the map's
 * observer. Every change is recorded so the engine can be told which cells changed.
 */
export class BlockIndex {
  private readonly blocks = new Map<string, Block>();
  /** The blocks holding each row, highest key first: where blocks overlap (two concurrent bulk writes), the highest key wins. */
  private readonly byRow = new Map<string, Block[]>();
  private changes: [Block | undefined, Block | undefined][] = [];

  private readonly observer = (e: Y.YMapEvent<StoredBlock>): void => {
    for (const key of e.keysChanged) this.sync(key);
  };

  constructor(private readonly map: Y.Map<StoredBlock>) {
    map.forEach((raw, key) => {
      const b = decode(key, raw);
      if (b) this.add(b);
    });
    map.observe(this.observer);
  }

  /** Stops following the stored blocks. */
  destroy(): void {
    this.map.unobserve(this.observer);
  }

  /** Whether the sheet has no block (then every read is the `cells` map alone). */
  get empty(): boolean {
    return this.blocks.size === 0;
  }

  /** Every block, for rewrites. */
  all(): IterableIterator<Block> {
    return this.blocks.values();
  }

  /** The blocks that hold a row. */
  holding(rowId: string): readonly Block[] {
    return this.byRow.get(rowId) ?? [];
  }

  /** Brings the index in line with the stored entry `key` and records the change. */
  sync(key: string): void {
    const raw = this.map.get(key);
    const old = this.blocks.get(key);
    if (old?.src === raw || (old === undefined && raw === undefined)) return;
    if (old) this.drop(old);
    const next = raw === undefined ? undefined : decode(key, raw);
    if (next) this.add(next);
    if (old || next) this.changes.push([old, next]);
  }

  /** The block that supplies a cell (the highest key among those holding a value there), or undefined. */
  owner(rowId: string, colId: string): Block | undefined {
    const list = this.byRow.get(rowId);
    if (list === undefined) return undefined;
    for (const b of list) if (b.get(rowId, colId) !== undefined) return b;
    return undefined;
  }

  /** The block value of a cell key (`rowId:colId`), or undefined. */
  valueOfKey(key: string): BlockValue | undefined {
    if (this.blocks.size === 0) return undefined;
    const sep = key.indexOf(':');
    const rowId = key.slice(0, sep);
    const list = this.byRow.get(rowId);
    if (list === undefined) return undefined;
    const colId = key.slice(sep + 1);
    for (const b of list) {
      const v = b.get(rowId, colId);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /**
   * Calls `f` for every cell a block supplies, except the cells in `overrides` (column ids by row id: the cells that
   * have an entry of their own). Ids come apart, so callers that look them up need not split keys.
   */
  forEach(f: (value: BlockValue, rowId: string, colId: string) => void, overrides: ReadonlyMap<string, ReadonlySet<string>>): void {
    for (const b of this.blocks.values()) {
      const { r, c, v } = b.src;
      const w = c.length;
      for (let i = 0; i < r.length; i++) {
        const rowId = r[i]!;
        if (b.repeats && b.rowAt.get(rowId) !== i) continue;
        const shared = this.byRow.get(rowId)!.length > 1;
        const own = overrides.get(rowId);
        for (let j = 0; j < w; j++) {
          const x = valueOf(v[i * w + j]);
          if (x === undefined) continue;
          const colId = c[j]!;
          if (b.repeats && b.colAt.get(colId) !== j) continue;
          if (shared && this.owner(rowId, colId) !== b) continue;
          if (own === undefined || !own.has(colId)) f(x, rowId, colId);
        }
      }
    }
  }

  /** Whether changes were recorded since the last {@link takeChangedKeys}. */
  get changed(): boolean {
    return this.changes.length > 0;
  }

  /** Forgets the recorded changes (the engine rebuilds anyway). */
  dropChanges(): void {
    this.changes = [];
  }

  /** The cell keys whose block value may have changed since the last call, and forgets them. */
  takeChangedKeys(): Set<string> {
    const out = new Set<string>();
    for (const [old, next] of this.changes) {
      if (old) forEachSlot(old, (rowId, colId, x) => {
        if (next?.get(rowId, colId) !== x) out.add(rowId + ':' + colId);
      });
      if (next) forEachSlot(next, (rowId, colId, x) => {
        if (old?.get(rowId, colId) !== x) out.add(rowId + ':' + colId);
      });
    }
    this.changes = [];
    return out;
  }

  private add(b: Block): void {
    this.blocks.set(b.key, b);
    for (const rowId of b.rowAt.keys()) {
      const list = this.byRow.get(rowId);
      if (list === undefined) this.byRow.set(rowId, [b]);
      else {
        list.push(b);
        list.sort((x, y) => (x.key < y.key ? 1 : x.key > y.key ? -1 : 0));
      }
    }
  }

  private drop(b: Block): void {
    this.blocks.delete(b.key);
    for (const rowId of b.rowAt.keys()) {
      const list = this.byRow.get(rowId);
      if (list === undefined) continue;
      const i = list.indexOf(b);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.byRow.delete(rowId);
    }
  }
}

function forEachSlot(b: Block, f: (rowId: string, colId: string, x: BlockValue) => void): void {
  const { r, c, v } = b.src;
  const w = c.length;
  for (let i = 0; i < r.length; i++) {
    for (let j = 0; j < w; j++) {
      const x = valueOf(v[i * w + j]);
      if (x !== undefined) f(r[i]!, c[j]!, x);
    }
  }
}

/**
 * The block without the given rows or columns (for a delete), or undefined when nothing of it is left. Returns the
 * block's own entry when it holds none of them.
 */
export function withoutIds(b: Block, axis: 'rows' | 'cols', deleted: ReadonlySet<string>): StoredBlock | undefined | null {
  const { r, c, v } = b.src;
  const ids = axis === 'rows' ? r : c;
  if (!ids.some((id) => deleted.has(id))) return null;
  const keepRows: number[] = [];
  const keepCols: number[] = [];
  for (let i = 0; i < r.length; i++) if (axis !== 'rows' || !deleted.has(r[i]!)) keepRows.push(i);
  for (let j = 0; j < c.length; j++) if (axis !== 'cols' || !deleted.has(c[j]!)) keepCols.push(j);
  const w = c.length;
  const values: (BlockValue | null)[] = [];
  let any = false;
  for (const i of keepRows) {
    for (const j of keepCols) {
      const x = valueOf(v[i * w + j]) ?? null;
      if (x !== null) any = true;
      values.push(x);
    }
  }
  if (!any) return undefined;
  return { r: keepRows.map((i) => r[i]!), c: keepCols.map((j) => c[j]!), v: values };
}
