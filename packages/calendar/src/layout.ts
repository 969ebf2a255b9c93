/** A timed item in one day column: minutes since midnight, end exclusive. */
export interface TimedSpan {
  start: number;
  end: number;
}

/** Where a timed item sits in its day column: column index, how many columns it spans, out of `columns`. */
export interface ColumnPlacement {
  column: number;
  span: number;
  columns: number;
}

/** The shortest height an event is drawn with, in minutes, so a zero-length event can be seen and grabbed. */
export const MIN_VISIBLE_MINUTES = 20;

/**
 * Lays out overlapping timed events side by side, as calendar apps do: items
 * that overlap (directly or through others) form a cluster whose width is
 * divided into as many columns as it needs at its busiest; each item takes
 * the leftmost free column and widens to the right over columns that are
 * free for its whole time. Pure; the result is in input order.
 */
export function packColumns(items: readonly TimedSpan[]): ColumnPlacement[] {
  const order = items
    .map((item, index) => ({ index, start: item.start, end: Math.max(item.end, item.start + MIN_VISIBLE_MINUTES) }))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
  const result: ColumnPlacement[] = new Array<ColumnPlacement>(items.length);
  let cluster: { index: number; start: number; end: number; column: number }[] = [];
  let columnEnds: number[] = [];
  let clusterEnd = -Infinity;
  const flush = (): void => {
    const columns = columnEnds.length;
    for (const item of cluster) {
      let span = 1;
      while (item.column + span < columns && cluster.every((o) => o.column !== item.column + span || o.end <= item.start || o.start >= item.end)) span++;
      result[item.index] = { column: item.column, span, columns };
    }
    cluster = [];
    columnEnds = [];
  };
  for (const item of order) {
    if (item.start >= clusterEnd) {
      flush();
      clusterEnd = -Infinity;
    }
    let column = columnEnds.findIndex((end) => end <= item.start);
    if (column < 0) {
      column = columnEnds.length;
      columnEnds.push(item.end);
    } else columnEnds[column] = item.end;
    cluster.push({ ...item, column });
    clusterEnd = Math.max(clusterEnd, item.end);
  }
  flush();
  return result;
}

/** An item spanning whole days within one row of days: first and last column index (inclusive). */
export interface DaySpan {
  first: number;
  last: number;
}

/**
 * Puts day-spanning items (all-day and multi-day events, and the single-day
 * entries of a month cell) into lanes so that none overlap: each takes the
 * lowest free lane, longer items first where they start on the same day.
 * Returns the lane of each item, in input order.
 *
 * `limit`: only the lanes below it are of interest (a month cell shows a few);
 * an item that finds none of them free gets lane `limit` and takes no lane, so
 * a busy day's hundred events do not make a hundred lanes to search. The
 * lanes below `limit` are the same as without it, and so are the counts of
 * {@link hiddenPerDay} for `visible` ≤ `limit`.
 */
export function packLanes(items: readonly DaySpan[], limit = Infinity): number[] {
  const order = items.map((item, index) => ({ first: item.first, last: item.last, index })).sort((a, b) => a.first - b.first || b.last - a.last || a.index - b.index);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(items.length);
  for (const item of order) {
    let lane = laneEnds.findIndex((end) => end < item.first);
    if (lane >= 0) laneEnds[lane] = item.last;
    else if (laneEnds.length < limit) {
      lane = laneEnds.length;
      laneEnds.push(item.last);
    } else lane = limit;
    lanes[item.index] = lane;
  }
  return lanes;
}

/**
 * How many items of each day are hidden when a month cell shows `visible`
 * lanes: an item in a lane at or beyond the last visible one counts for every
 * day it covers, and the last lane is given to the "+N more" line when
 * anything is hidden that day.
 */
export function hiddenPerDay(items: readonly DaySpan[], lanes: readonly number[], days: number, visible: number): number[] {
  const busiest = new Array<number>(days).fill(-1);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    for (let d = Math.max(0, item.first); d <= Math.min(days - 1, item.last); d++) busiest[d] = Math.max(busiest[d]!, lanes[i]!);
  }
  const hidden = new Array<number>(days).fill(0);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    for (let d = Math.max(0, item.first); d <= Math.min(days - 1, item.last); d++) {
      const overflow = busiest[d]! >= visible;
      if (lanes[i]! >= (overflow ? visible - 1 : visible)) hidden[d]!++;
    }
  }
  return hidden;
}
