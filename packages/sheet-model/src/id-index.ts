/** Read access to the positions of row or column ids: what the model, the engine and the file writers look up. */
export interface IdPositions {
  /** The position of an id, or undefined if it is not in the list. */
  get(id: string): number | undefined;
  /** The position of the id `s.slice(start, end)`; saves making the string where it can. */
  getSub(s: string, start: number, end: number): number | undefined;
  /** Whether the id is in the list. */
  has(id: string): boolean;
  /** How many ids the list holds. */
  readonly size: number;
}

/**
 * A run of ids `prefix + base36(start)`, `prefix + base36(start + 1)`, … sitting at consecutive positions from `pos`.
 * Ids that do not have this form are runs of their own (`opaque`, `len` 1).
 */
interface Run {
  /** The id's prefix, or for an opaque run the whole id. */
  readonly prefix: string;
  readonly start: number;
  len: number;
  pos: number;
  readonly opaque: boolean;
}

// Above this many runs per id the runs stop paying off (ids shuffled by many moves): a hash map is used instead
const MAX_RUN_SHARE = 4;
const MIN_RUNS_FOR_MAP = 256;

// The result of the last parseId call; module-level so that parsing allocates nothing but the prefix string
let parsedPrefix = '';
let parsedCounter = 0;

/**
 * Splits an id into a prefix and a counter in canonical base 36 (lowercase, no leading zero, at most 10 digits), as
 * the model creates them (`<client>.<counter>`, and `r<n>`/`c<n>` for the first sheet). Each id has at most one such
 * split, so two different ids never share prefix and counter.
 */
function parseId(id: string): boolean {
  const dot = id.lastIndexOf('.');
  const from = dot >= 0 ? dot + 1 : 1;
  const n = id.length - from;
  if (n < 1 || n > 10 || (n > 1 && id.charCodeAt(from) === 48)) return false;
  let v = 0;
  for (let i = from; i < id.length; i++) {
    const c = id.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 122) d = c - 87;
    else return false;
    v = v * 36 + d;
  }
  parsedPrefix = id.slice(0, from);
  parsedCounter = v;
  return true;
}

/** Whether `id` is the id right after the end of run `r`: its prefix and the next counter in canonical base 36. */
function extendsRun(id: string, r: Run): boolean {
  const p = r.prefix;
  const from = p.length;
  const n = id.length - from;
  if (r.opaque || n < 1 || n > 10 || (n > 1 && id.charCodeAt(from) === 48) || !id.startsWith(p)) return false;
  let v = 0;
  for (let i = from; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c >= 48 && c <= 57) v = v * 36 + (c - 48);
    else if (c >= 97 && c <= 122) v = v * 36 + (c - 87);
    else return false;
  }
  return v === r.start + r.len;
}

/**
 * The positions of a list of unique ids. Ids made by one client in one go (a block of new rows) are consecutive
 * counters, so the index keeps runs of them instead of one hash entry per id: building it for 100,000 fresh rows
 * hashes nothing, and inserting rows shifts a few runs instead of re-numbering every id after the insert. Instances
 * are never changed once handed out (the engine keeps the one it last saw); edits return a new index.
 */
export class IdIndex implements IdPositions {
  private runs: Run[] = [];
  /** Runs of parsed ids by prefix, sorted by start counter. */
  private byPrefix = new Map<string, Run[]>();
  /** Ids that have no prefix/counter form: their single-id runs. */
  private opaque = new Map<string, Run>();
  /** Set when ids are too scattered for runs: every id's position. */
  private map: Map<string, number> | undefined;
  private count = 0;
  /** The prefix looked up last and its run list (lists change in place, so the pair stays valid). */
  private lastPrefix = '';
  private lastList: Run[] | undefined;
  /** Off while runs are re-added after an insert, when the run list is briefly incomplete. */
  private scatterCheck = true;

  private constructor() {}

  /** An index of `ids`, which must be unique. */
  static of(ids: readonly string[]): IdIndex {
    const x = new IdIndex();
    x.appendAll(ids);
    return x;
  }

  /**
   * The visible ids of a raw id list in which concurrent moves can leave an id twice: later duplicates are dropped.
   * Returns the visible ids, the raw position of each (undefined when there is no duplicate, so raw and visible
   * positions are the same), and their index.
   */
  static visible(all: readonly string[]): { ids: string[]; raw: number[] | undefined; index: IdIndex } {
    const x = new IdIndex();
    const ids: string[] = [];
    let raw: number[] | undefined;
    for (let i = 0; i < all.length; i++) {
      const id = all[i]!;
      if (!x.addIfNew(id)) {
        raw ??= Array.from({ length: i }, (_, j) => j);
        continue;
      }
      ids.push(id);
      raw?.push(i);
    }
    return { ids, raw, index: x };
  }

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  get(id: string): number | undefined {
    return this.getSub(id, 0, id.length);
  }

  /**
   * The position of the id `s.slice(start, end)`, found without making that string (a cell key `rowId:colId` holds two
   * ids, and the engine reads every stored key when it builds its graph).
   */
  getSub(s: string, start: number, end: number): number | undefined {
    if (this.map) return this.map.get(s.slice(start, end));
    let dot = -1;
    for (let i = end - 1; i >= start; i--) {
      if (s.charCodeAt(i) === 46) {
        dot = i;
        break;
      }
    }
    const from = dot >= 0 ? dot + 1 : start + 1;
    const n = end - from;
    if (n < 1 || n > 10 || (n > 1 && s.charCodeAt(from) === 48)) return this.opaque.get(s.slice(start, end))?.pos;
    let k = 0;
    for (let i = from; i < end; i++) {
      const c = s.charCodeAt(i);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if (c >= 97 && c <= 122) d = c - 87;
      else return this.opaque.get(s.slice(start, end))?.pos;
      k = k * 36 + d;
    }
    let list: Run[] | undefined;
    const last = this.lastPrefix;
    if (last.length === from - start && s.startsWith(last, start)) list = this.lastList;
    else {
      const prefix = s.slice(start, from);
      list = this.byPrefix.get(prefix);
      if (!list) return undefined;
      this.lastPrefix = prefix;
      this.lastList = list;
    }
    let lo = 0;
    let hi = list!.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list![mid]!;
      if (k < r.start) hi = mid - 1;
      else if (k >= r.start + r.len) lo = mid + 1;
      else return r.pos + (k - r.start);
    }
    return undefined;
  }

  /** A new index with `ids` (not yet present) appended at the end. */
  withAppended(ids: readonly string[]): IdIndex {
    const x = this.clone();
    x.appendAll(ids);
    return x;
  }

  /** A new index with `ids` (not yet present) inserted before position `at`; later ids move back by `ids.length`. */
  withInserted(at: number, ids: readonly string[]): IdIndex {
    if (at >= this.count) return this.withAppended(ids);
    const x = this.clone();
    const k = ids.length;
    if (x.map) {
      // Scattered ids: renumber those after the insert (no cheaper way without runs)
      for (const [id, p] of x.map) if (p >= at) x.map.set(id, p + k);
      for (let i = 0; i < k; i++) x.map.set(ids[i]!, at + i);
      x.count += k;
      return x;
    }
    // Split the run that holds position `at`, so the new ids go between two runs
    let i = x.runIndexAt(at);
    const r = x.runs[i]!;
    if (r.pos < at) {
      const head = at - r.pos;
      const tail: Run = { prefix: r.prefix, start: r.start + head, len: r.len - head, pos: at, opaque: false };
      r.len = head;
      x.runs.splice(i + 1, 0, tail);
      x.sortedInsert(tail);
      i++;
    }
    for (let j = i; j < x.runs.length; j++) x.runs[j]!.pos += k;
    const after = x.runs.splice(i);
    x.count = at;
    x.scatterCheck = false;
    x.appendAll(ids);
    x.scatterCheck = true;
    for (const run of after) {
      x.runs.push(run);
      x.count += run.len;
    }
    x.checkScatter();
    return x;
  }

  /** The run that covers a position (runs are in position order). */
  private runIndexAt(p: number): number {
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runs[mid]!.pos <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private clone(): IdIndex {
    const x = new IdIndex();
    x.count = this.count;
    if (this.map) {
      x.map = new Map(this.map);
      return x;
    }
    const copies = new Map<Run, Run>();
    x.runs = this.runs.map((r) => {
      const c: Run = { prefix: r.prefix, start: r.start, len: r.len, pos: r.pos, opaque: r.opaque };
      copies.set(r, c);
      return c;
    });
    for (const [p, list] of this.byPrefix) x.byPrefix.set(p, list.map((r) => copies.get(r)!));
    for (const [id, r] of this.opaque) x.opaque.set(id, copies.get(r)!);
    return x;
  }

  private appendAll(ids: readonly string[]): void {
    for (let i = 0; i < ids.length; i++) {
      if (!this.addIfNew(ids[i]!)) throw new RangeError(`The id "${ids[i]!}" is already in the list.`);
    }
  }

  /** Appends an id unless it is already present; returns whether it was added. */
  private addIfNew(id: string): boolean {
    if (this.map) {
      if (this.map.has(id)) return false;
      this.map.set(id, this.count++);
      return true;
    }
    const tail = this.runs[this.runs.length - 1];
    // The common case of a block of new ids: the next counter of the last run (checked without cutting out the prefix)
    if (tail !== undefined && extendsRun(id, tail) && this.isLastOfPrefix(tail)) {
      tail.len++;
      this.count++;
      return true;
    }
    if (!parseId(id)) {
      if (this.opaque.has(id)) return false;
      const r: Run = { prefix: id, start: 0, len: 1, pos: this.count++, opaque: true };
      this.runs.push(r);
      this.opaque.set(id, r);
      this.checkScatter();
      return true;
    }
    const prefix = parsedPrefix;
    const k = parsedCounter;
    const last = this.runs[this.runs.length - 1];
    if (last !== undefined && last.prefix === prefix && !last.opaque && last.start + last.len === k && this.isLastOfPrefix(last)) {
      last.len++;
      this.count++;
      return true;
    }
    if (this.get(id) !== undefined) return false;
    const r: Run = { prefix, start: k, len: 1, pos: this.count++, opaque: false };
    this.runs.push(r);
    this.sortedInsert(r);
    this.checkScatter();
    return true;
  }

  /** Whether extending `r` by one counter cannot collide with another run of its prefix (none starts after it). */
  private isLastOfPrefix(r: Run): boolean {
    const list = this.byPrefix.get(r.prefix);
    if (!list) return false;
    const i = list.indexOf(r, Math.max(0, list.length - 2));
    if (i === list.length - 1) return true;
    if (i >= 0) return list[i + 1]!.start > r.start + r.len;
    // Not among the last two: find it by start
    const j = this.lowerStart(list, r.start);
    return j + 1 >= list.length || list[j + 1]!.start > r.start + r.len;
  }

  private lowerStart(list: readonly Run[], start: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private sortedInsert(r: Run): void {
    let list = this.byPrefix.get(r.prefix);
    if (!list) this.byPrefix.set(r.prefix, (list = []));
    if (list.length === 0 || list[list.length - 1]!.start < r.start) list.push(r);
    else list.splice(this.lowerStart(list, r.start), 0, r);
  }

  /** Falls back to one hash entry per id when runs stop being much fewer than ids. */
  private checkScatter(): void {
    if (!this.scatterCheck || this.runs.length < MIN_RUNS_FOR_MAP || this.runs.length * MAX_RUN_SHARE < this.count) return;
    const map = new Map<string, number>();
    for (const r of this.runs) {
      if (r.opaque) map.set(r.prefix, r.pos);
      else for (let i = 0; i < r.len; i++) map.set(r.prefix + (r.start + i).toString(36), r.pos + i);
    }
    this.map = map;
    this.runs = [];
    this.byPrefix.clear();
    this.opaque.clear();
  }
}
