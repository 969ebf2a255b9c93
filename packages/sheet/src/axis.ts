/**
 * The geometry of one axis of the grid (rows or columns): how many there are,
 * the default size, and the few that were resized. Offsets and hit tests are
 * O(log n) in the number of resized entries, so a million rows cost nothing
 * until someone resizes them.
 */
export class Axis {
  /** The number of rows or columns. */
  readonly count: number;
  /** The size of an entry nobody resized, in CSS pixels. */
  readonly defaultSize: number;
  /** Resized indexes, ascending. */
  private readonly indexes: number[];
  /** `deltas[k]`: the sum of (size − default) of `indexes[0..k]`. */
  private readonly deltas: number[];
  private readonly sizes: Map<number, number>;

  /**
   * @param count the number of entries (at least 0)
   * @param defaultSize the size of entries not in `custom` (more than 0)
   * @param custom sizes by index; entries outside 0..count-1 are ignored
   */
  constructor(count: number, defaultSize: number, custom: ReadonlyMap<number, number> = new Map()) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`Axis: count must be a whole number of at least 0, got ${count}.`);
    if (!(defaultSize > 0)) throw new RangeError(`Axis: defaultSize must be more than 0, got ${defaultSize}.`);
    this.count = count;
    this.defaultSize = defaultSize;
    this.sizes = new Map();
    for (const [index, size] of custom) {
      if (Number.isInteger(index) && index >= 0 && index < count && size >= 0 && Number.isFinite(size)) this.sizes.set(index, size);
    }
    this.indexes = [...this.sizes.keys()].sort((a, b) => a - b);
    this.deltas = [];
    let sum = 0;
    for (const index of this.indexes) {
      sum += this.sizes.get(index)! - defaultSize;
      this.deltas.push(sum);
    }
  }

  /** The size of entry `index`. */
  size(index: number): number {
    return this.sizes.get(index) ?? this.defaultSize;
  }

  /** The number of resized entries before `index`. */
  private resizedBefore(index: number): number {
    let lo = 0;
    let hi = this.indexes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.indexes[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where entry `index` starts, from the start of the axis; `offset(count)` is the total size. */
  offset(index: number): number {
    const i = Math.max(0, Math.min(index, this.count));
    const k = this.resizedBefore(i);
    return i * this.defaultSize + (k > 0 ? this.deltas[k - 1]! : 0);
  }

  /** The total size of the axis. */
  get total(): number {
    return this.offset(this.count);
  }

  /** The entry at `position` (clamped to the first and last entry); -1 when the axis is empty. */
  indexAt(position: number): number {
    if (this.count === 0) return -1;
    if (position <= 0) return 0;
    let lo = 0;
    let hi = this.count - 1;
    // The last entry whose start is at or before `position`.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offset(mid) <= position) lo = mid;
      else hi = mid - 1;
    }
    // Zero-sized (hidden) entries share their start with the next; prefer the visible one.
    while (lo < this.count - 1 && this.size(lo) === 0) lo++;
    return lo;
  }

  /**
   * The entries that are at least partly inside `[start, start + length)`,
   * as a half-open range `[first, end)`.
   */
  visible(start: number, length: number): { first: number; end: number } {
    if (this.count === 0 || length <= 0) return { first: 0, end: 0 };
    const first = this.indexAt(start);
    let end = first;
    const stop = start + length;
    while (end < this.count && this.offset(end) < stop) end++;
    return { first, end: Math.max(end, first + 1) };
  }
}

/**
 * The largest scrollable size the grid gives the browser. Chromium caps
 * element sizes near 33.5 million pixels and Firefox near 17.9 million;
 * beyond this, scroll positions are scaled (see {@link scrollToContent}).
 */
export const MAX_SCROLL_SIZE = 15_000_000;

/**
 * Maps a scroll position to a content position on an axis whose content is
 * larger than {@link MAX_SCROLL_SIZE}: linear, so that the ends meet the ends.
 * `content` and `viewport` are the full content size and the visible size.
 */
export function scrollToContent(scroll: number, content: number, viewport: number): number {
  const scrollSize = Math.min(content, MAX_SCROLL_SIZE);
  const scrollRange = scrollSize - viewport;
  const contentRange = content - viewport;
  if (scrollRange <= 0 || contentRange <= 0) return 0;
  return Math.max(0, Math.min(contentRange, (scroll / scrollRange) * contentRange));
}

/** The inverse of {@link scrollToContent}: the scroll position that shows content position `position` first. */
export function contentToScroll(position: number, content: number, viewport: number): number {
  const scrollSize = Math.min(content, MAX_SCROLL_SIZE);
  const scrollRange = scrollSize - viewport;
  const contentRange = content - viewport;
  if (scrollRange <= 0 || contentRange <= 0) return 0;
  return Math.max(0, Math.min(scrollRange, (position / contentRange) * scrollRange));
}
