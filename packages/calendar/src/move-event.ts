import { deleteEvent, getEvent, updateEvent } from '@allmende/calendar-model';
import type { EditMode, EventData, EventPatch, Occurrence } from '@allmende/calendar-model';
import type * as Y from 'yjs';
import { msToWall, wallToMs } from './date-math.js';
import { addWallMinutes, wallInZone } from './zone-time.js';

/** How far an occurrence is moved: its start and its end, in minutes (all-day events: multiples of 1440). */
export interface MoveDelta {
  start: number;
  end: number;
}

/** Whether an event repeats (so an edit of one occurrence asks this / following / all). */
export function isRecurring(event: EventData | undefined): boolean {
  return !!event && (!!event.rrule || (event.rdates?.length ?? 0) > 0);
}

/** The local start and end of an occurrence in its event's own zone (as stored), or as dates for all-day events. */
export function occurrenceWall(occ: Occurrence, event: EventData): { start: string; end: string } {
  if (occ.allDay) return { start: occ.start, end: occ.end };
  const zone = event.timeZone;
  if (!zone) return { start: occ.start.slice(0, 19), end: occ.end.slice(0, 19) };
  return { start: wallInZone(occ.startMs, zone), end: wallInZone(occ.endMs, zone) };
}

/**
 * The patch that moves or resizes occurrence `occ` by `delta`, for edit
 * `mode`: the occurrence's own times for `this` and `following` (and for a
 * single event), the series' first start moved by as much for `all`.
 */
export function movePatch(event: EventData, occ: Occurrence, delta: MoveDelta, mode: EditMode): EventPatch {
  const { start, end } = occurrenceWall(occ, event);
  const newStart = addWallMinutes(start, delta.start);
  let newEnd = addWallMinutes(end, delta.end);
  if (wallToMs(newEnd) <= wallToMs(newStart)) newEnd = addWallMinutes(newStart, occ.allDay ? 1440 : 15);
  const patch: EventPatch = {};
  if (mode === 'all' && isRecurring(event)) {
    const seriesStart = addWallMinutes(event.start, delta.start);
    patch.start = seriesStart;
    patch.end = addWallMinutes(seriesStart, (wallToMs(newEnd) - wallToMs(newStart)) / 60_000);
  } else {
    patch.start = newStart;
    patch.end = newEnd;
  }
  if (event.duration !== undefined) patch.duration = undefined;
  if (event.endTimeZone !== undefined && event.endTimeZone !== event.timeZone) patch.endTimeZone = undefined;
  return patch;
}

/**
 * Moves or resizes an occurrence in the document. A single event ignores
 * `mode`; an occurrence of a series is changed as `mode` says. Returns the uid
 * of the event that holds the occurrence afterwards (a new series for `following`).
 */
export function moveOccurrence(ydoc: Y.Doc, occ: Occurrence, delta: MoveDelta, mode: EditMode): string {
  const event = getEvent(ydoc, occ.uid);
  if (!event) throw new RangeError(`The event "${occ.uid}" no longer exists; someone may have deleted it.`);
  const recurring = isRecurring(event) && occ.recurrenceId !== undefined;
  const effective: EditMode = recurring ? mode : 'all';
  const patch = movePatch(event, occ, delta, effective);
  return updateEvent(ydoc, occ.uid, patch, effective === 'all' ? {} : { mode: effective, recurrenceId: occ.recurrenceId! });
}

/** Deletes an occurrence: the event, or for a series the occurrences `mode` names. */
export function deleteOccurrence(ydoc: Y.Doc, occ: Occurrence, mode: EditMode): void {
  const event = getEvent(ydoc, occ.uid);
  if (!event) return;
  if (!isRecurring(event) || occ.recurrenceId === undefined || mode === 'all') deleteEvent(ydoc, occ.uid);
  else deleteEvent(ydoc, occ.uid, { mode, recurrenceId: occ.recurrenceId });
}

/** An occurrence shown moved by `start` minutes and with its end moved by `end` minutes (in the viewer's wall time). */
export function shifted(occ: Occurrence, start: number, end: number): Occurrence {
  if (start === 0 && end === 0) return occ;
  const move = (text: string, minutes: number): string => {
    if (text.length === 10) return msToWall(wallToMs(text) + minutes * 60_000).slice(0, 10);
    return msToWall(wallToMs(text.slice(0, 19)) + minutes * 60_000) + text.slice(19);
  };
  return { ...occ, start: move(occ.start, start), end: move(occ.end, end), startMs: occ.startMs + start * 60_000, endMs: occ.endMs + end * 60_000 };
}
