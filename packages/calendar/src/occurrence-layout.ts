import type { Occurrence } from '@allmende/calendar-model';
import { addDays, daysBetween, minuteOfDay } from './date-math.js';
import { packColumns, packLanes } from './layout.js';
import type { ColumnPlacement } from './layout.js';

/** A stable key of one occurrence: its uid and recurrence id. */
export function occurrenceKey(occ: Pick<Occurrence, 'uid' | 'recurrenceId'>): string {
  return `${occ.uid}|${occ.recurrenceId ?? ''}`;
}

/** The first day an occurrence covers, in the viewer's zone. */
export function firstDay(occ: Occurrence): string {
  return occ.start.slice(0, 10);
}

/** The last day an occurrence covers (its end is exclusive: an event ending at midnight ends the day before). */
export function lastDay(occ: Occurrence): string {
  const endDate = occ.end.slice(0, 10);
  if (occ.allDay) return addDays(endDate, -1) < firstDay(occ) ? firstDay(occ) : addDays(endDate, -1);
  if (occ.end.length > 10 && minuteOfDay(occ.end) === 0 && occ.end.slice(11, 19) === '00:00:00' && endDate > firstDay(occ)) return addDays(endDate, -1);
  return endDate < firstDay(occ) ? firstDay(occ) : endDate;
}

/** Whether an occurrence belongs in the all-day lane: all-day events and timed ones lasting a day or more. */
export function inAllDayLane(occ: Occurrence): boolean {
  return occ.allDay || occ.endMs - occ.startMs >= 86_400_000;
}

/** An occurrence cut to one row of days: the columns it covers, its lane, and whether it goes on before or after the row. */
export interface DaySegment {
  occ: Occurrence;
  first: number;
  last: number;
  lane: number;
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/**
 * Cuts occurrences to a row of consecutive `days` and packs them into lanes.
 * The order of `occs` decides ties: pass multi-day and all-day ones before
 * timed ones (see {@link monthOrder}).
 */
export function daySegments(occs: readonly Occurrence[], days: readonly string[]): DaySegment[] {
  if (days.length === 0) return [];
  const from = days[0]!;
  const to = days[days.length - 1]!;
  const segments: Omit<DaySegment, 'lane'>[] = [];
  for (const occ of occs) {
    const a = firstDay(occ);
    const b = lastDay(occ);
    if (b < from || a > to) continue;
    segments.push({
      occ,
      first: Math.max(0, daysBetween(from, a)),
      last: Math.min(days.length - 1, daysBetween(from, b)),
      continuesBefore: a < from,
      continuesAfter: b > to,
    });
  }
  const lanes = packLanes(segments);
  return segments.map((s, i) => ({ ...s, lane: lanes[i]! }));
}

/** Month cells list events spanning days first, then all-day ones, then timed ones by start, as calendar apps do. */
export function monthOrder(occs: readonly Occurrence[]): Occurrence[] {
  const rank = (o: Occurrence): number => (firstDay(o) !== lastDay(o) ? 0 : o.allDay ? 1 : 2);
  return [...occs].sort((a, b) => rank(a) - rank(b) || a.startMs - b.startMs || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/** A timed occurrence placed in one day column: minutes from midnight, and its column among overlapping ones. */
export interface TimedBox extends ColumnPlacement {
  occ: Occurrence;
  top: number;
  bottom: number;
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/** The timed occurrences of each day (those shorter than a day; a night event shows in both columns), laid out side by side. */
export function timedBoxes(occs: readonly Occurrence[], days: readonly string[]): TimedBox[][] {
  const perDay: Omit<TimedBox, keyof ColumnPlacement>[][] = days.map(() => []);
  const index = new Map(days.map((d, i) => [d, i]));
  for (const occ of occs) {
    if (inAllDayLane(occ)) continue;
    const a = firstDay(occ);
    const endDate = occ.end.slice(0, 10);
    for (let d = a; d <= endDate; d = addDays(d, 1)) {
      const i = index.get(d);
      const top = d === a ? minuteOfDay(occ.start) : 0;
      const bottom = d === endDate ? minuteOfDay(occ.end) : 1440;
      if (d !== a && bottom === 0) break;
      if (i !== undefined) perDay[i]!.push({ occ, top, bottom, continuesBefore: d !== a, continuesAfter: d !== endDate });
    }
  }
  return perDay.map((items) => {
    const placed = packColumns(items.map((b) => ({ start: b.top, end: b.bottom })));
    return items.map((b, i) => ({ ...b, ...placed[i]! }));
  });
}
