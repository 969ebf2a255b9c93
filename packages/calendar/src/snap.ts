import { addDays } from './date-math.js';

/** The grid events snap to, in minutes. */
export const SNAP_MINUTES = 15;

/** Minutes in a day. */
export const DAY_MINUTES = 1440;

/** Rounds minutes to the nearest multiple of `step` (15 by default). */
export function snapMinutes(minutes: number, step = SNAP_MINUTES): number {
  return Math.round(minutes / step) * step;
}

/** The minute of the day under a pointer `y` pixels below the top of a day column `hourHeight` pixels per hour high, snapped and kept within the day. */
export function minuteAt(y: number, hourHeight: number, step = SNAP_MINUTES): number {
  return clamp(snapMinutes((y / hourHeight) * 60, step), 0, DAY_MINUTES);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * The time range a drag on empty time selects: from where it started to
 * where the pointer is now, in either direction, snapped, at least one step
 * long, within the day. The start is rounded down and the end up so the
 * slot the pointer is in is always included.
 */
export function createRange(anchorMinute: number, pointerMinute: number, step = SNAP_MINUTES): { start: number; end: number } {
  const a = Math.floor(clamp(Math.min(anchorMinute, pointerMinute), 0, DAY_MINUTES - step) / step) * step;
  const b = Math.ceil(clamp(Math.max(anchorMinute, pointerMinute), 0, DAY_MINUTES) / step) * step;
  return { start: a, end: Math.max(b, a + step) };
}

/**
 * Where an event dragged by `deltaMinutes` starts: the delta is snapped, so
 * an event at 09:07 moved by 14 minutes goes to 09:22 (it keeps its offset
 * within the grid, as calendar apps do), and a drag under half a step does
 * not move it at all.
 */
export function moveDelta(deltaMinutes: number, step = SNAP_MINUTES): number {
  return snapMinutes(deltaMinutes, step);
}

/**
 * The new end of an event whose bottom edge is dragged to `pointerMinute`:
 * snapped to the grid, at least one step after the start.
 */
export function resizeEnd(startMinute: number, pointerMinute: number, step = SNAP_MINUTES): number {
  return Math.max(startMinute + step, snapMinutes(pointerMinute, step));
}

/**
 * The new start of an event whose top edge is dragged to `pointerMinute`
 * (minutes from the midnight of its first day; `endMinute` likewise, so past
 * 1440 for an event ending the next day): snapped to the grid, not before
 * midnight and at least one step before the end.
 */
export function resizeStart(endMinute: number, pointerMinute: number, step = SNAP_MINUTES): number {
  return Math.max(0, Math.min(endMinute - step, snapMinutes(pointerMinute, step)));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The whole days a drag across days selects (in the month view or the
 * all-day lane): from the earlier to the later of the day it started on and
 * the day the pointer is on, both included, as an all-day event's start and
 * exclusive end (`end` is the day after the last). Throws a RangeError for a
 * day that is not `YYYY-MM-DD`.
 */
export function dayRange(anchorDay: string, pointerDay: string): { start: string; end: string } {
  for (const day of [anchorDay, pointerDay]) {
    if (!ISO_DATE.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new RangeError(`"${day}" is not a date (YYYY-MM-DD).`);
  }
  const [first, last] = anchorDay <= pointerDay ? [anchorDay, pointerDay] : [pointerDay, anchorDay];
  return { start: first, end: addDays(last, 1) };
}

