import type { Occurrence } from '@allmende/calendar-model';
import { dayNumber } from './date-math.js';
import { hiddenPerDay, packLanes } from './layout.js';
import { firstDay, lastDay } from './occurrence-layout.js';
import type { DaySegment } from './occurrence-layout.js';

/** Height of the day number line and of one lane in a month cell, in rem. */
export const HEAD_REM = 1.85;
export const LANE_REM = 1.375;

/** One chip a month cell draws: a bar or dotted line starting in that cell, and its inline placement. */
export interface MonthChip extends DaySegment {
  /** Whether it is drawn as a bar (all-day, multi-day, or cut at the row's or the visible lanes' edge) rather than a dotted line. */
  readonly bar: boolean;
  /** Its placement in the cell as an inline style (numbers only, built here, never from others' text). */
  readonly style: string;
}

/** One week row of a month page: the chips each day's cell draws (bars start there), and how many events each day hides. */
export interface MonthWeekLayout {
  readonly chips: readonly (readonly MonthChip[])[];
  /** Per day: the events hidden behind "+N more" (0: none hidden, no "+N more"). */
  readonly hidden: readonly number[];
}

/** A month page laid out for `lanes` visible lanes per cell: everything its template needs but texts and DOM. */
export interface MonthLayout {
  /** The page's first day, its length in days (a multiple of 7) and the visible lanes per cell it was laid out for. */
  readonly from: string;
  readonly days: number;
  readonly lanes: number;
  readonly weeks: readonly MonthWeekLayout[];
}

/** Month cells list events spanning days first, then all-day ones, then timed ones by start (as `monthOrder`). */
function rankOf(occ: Occurrence, first: number, last: number): number {
  return first !== last ? 0 : occ.allDay ? 1 : 2;
}

interface Placed {
  occ: Occurrence;
  first: number;
  last: number;
  rank: number;
}

/**
 * Lays out a month page: `occs` (any order) cut to each week row of `days` (consecutive, whole weeks), packed into
 * lanes, and cut again where a cell shows only `lanes` lanes (the last one going to "+N more" on a day that hides
 * anything). Pure and without DOM, so it can run while the browser is idle, before the page is shown
 * ({@link monthLayoutOf}). Each occurrence's first and last day are worked out once, not once per week row.
 */
export function layOutMonth(occs: readonly Occurrence[], days: readonly string[], lanes: number): MonthLayout {
  if (days.length === 0 || days.length % 7 !== 0) throw new RangeError(`A month page has whole weeks of days, not ${days.length} days.`);
  if (!Number.isFinite(lanes) || lanes < 1) throw new RangeError(`A month cell has at least one lane, not ${lanes}.`);
  const visible = Math.floor(lanes);
  const start = dayNumber(days[0]!);
  const n = days.length;
  const placed: Placed[] = [];
  for (const occ of occs) {
    const first = dayNumber(firstDay(occ)) - start;
    const last = dayNumber(lastDay(occ)) - start;
    if (last < 0 || first > n - 1) continue;
    placed.push({ occ, first, last, rank: rankOf(occ, first, last) });
  }
  placed.sort((a, b) => a.rank - b.rank || a.occ.startMs - b.occ.startMs || (a.occ.uid < b.occ.uid ? -1 : a.occ.uid > b.occ.uid ? 1 : 0));
  const weeks: MonthWeekLayout[] = [];
  for (let w = 0; w < n; w += 7) {
    const segs: Omit<DaySegment, 'lane'>[] = [];
    for (const p of placed) {
      if (p.last < w || p.first > w + 6) continue;
      segs.push({ occ: p.occ, first: Math.max(0, p.first - w), last: Math.min(6, p.last - w), continuesBefore: p.first < w, continuesAfter: p.last > w + 6 });
    }
    // Lanes past the visible ones are only counted ("+N more"), not packed.
    weeks.push(layOutWeek(segs, packLanes(segs, visible), visible));
  }
  return { from: days[0]!, days: n, lanes: visible, weeks };
}

/** The chips and hidden counts of one week row whose segments have their lanes. */
function layOutWeek(segs: readonly Omit<DaySegment, 'lane'>[], laneOf: readonly number[], lanes: number): MonthWeekLayout {
  const hidden = hiddenPerDay(segs, laneOf, 7, lanes);
  const limit = hidden.map((h) => (h > 0 ? lanes - 1 : lanes));
  const chips: MonthChip[][] = [[], [], [], [], [], [], []];
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const lane = laneOf[i]!;
    // A bar is drawn from the first day where its lane is visible, up to the last day in a row where it still is.
    for (let d = s.first; d <= s.last; d++) {
      if (lane >= limit[d]!) continue;
      let last = d;
      while (last < s.last && lane < limit[last + 1]!) last++;
      const seg: DaySegment = {
        occ: s.occ, first: d, last, lane,
        continuesBefore: s.continuesBefore || d > s.first,
        continuesAfter: s.continuesAfter || last < s.last,
      };
      chips[d]!.push({ ...seg, bar: seg.occ.allDay || seg.continuesBefore || seg.continuesAfter || last > d, style: chipStyle(lane, last - d + 1) });
      d = last;
    }
  }
  return { chips, hidden };
}

/** A chip's placement: its lane's top, across `span` cells (their 1 px borders included), 2 px in from each side. */
function chipStyle(lane: number, span: number): string {
  const px = span - 5;
  return `top:${HEAD_REM + lane * LANE_REM}rem;left:2px;width:calc(${span * 100}% ${px < 0 ? '-' : '+'} ${Math.abs(px)}px);`;
}

/** The layouts kept, by the query's answer they were made from (a new answer, after any change, is a new array). */
const kept = new WeakMap<readonly Occurrence[], MonthLayout>();

/**
 * The layout of a month page, kept with the occurrences it was made from: the element lays out the next page at idle
 * (see page-prefetch.ts), and the press that shows it finds the layout here and only renders. The query returns a new
 * array whenever the document, the zone or the calendars shown change, so a kept layout can never be out of date; a
 * different first day (the locale's week start) or number of lanes (a resize) lays the page out again.
 */
export function monthLayoutOf(occs: readonly Occurrence[], days: readonly string[], lanes: number): MonthLayout {
  const layout = kept.get(occs);
  if (layout && layout.from === days[0] && layout.days === days.length && layout.lanes === Math.floor(lanes)) return layout;
  const made = layOutMonth(occs, days, lanes);
  kept.set(occs, made);
  return made;
}
