import * as Y from 'yjs';
import { DAY_MS } from './civil.js';
import { formatDuration } from './duration.js';
import { readEvent, seriesFor } from './event-cache.js';
import { cachedDate, fastLocal, formatInstant } from './iso-format.js';
import { parseLocalTime, toEpochMs, type InstantInput } from './local-time.js';
import { eventsMap } from './model.js';
import { overlaps, Series, type Instance, type SeriesFields } from './series.js';
import type { EventStatus, OccurrenceFields } from './types.js';
import { getZone, type Zone } from './zone.js';

/** Options of {@link occurrences}. */
export interface OccurrenceQuery {
  /** Window start, inclusive: ISO 8601 with offset, a plain date or date-time (read in `timeZone`), a Date, epoch ms or a Temporal instant. */
  from: InstantInput;
  /** Window end, exclusive. */
  to: InstantInput;
  /** The viewer's IANA zone: results are given in it, and floating and all-day events are read in it. Default "UTC". */
  timeZone?: string;
  /** Only events of these calendars. */
  calendarIds?: string[];
  /** Called for events whose stored fields cannot be read (left out of the result). */
  onInvalid?: (uid: string, error: Error) => void;
}

/** One occurrence in a window. */
export interface Occurrence {
  uid: string;
  /** Start in the viewer's zone, ISO 8601 with offset ("2026-03-29T09:00:00+02:00"); a date "2026-03-29" for all-day events. */
  start: string;
  /** End (exclusive), in the same form as start. */
  end: string;
  allDay: boolean;
  summary: string;
  /** For instances of a recurring event: the original local start in the event's zone, the key for edits of this occurrence. */
  recurrenceId: string | undefined;
  /** True when this occurrence has its own fields (an override). */
  overridden: true | undefined;
  location: string | undefined;
  status: EventStatus | undefined;
  calendarId: string | undefined;
  /** Start instant, epoch milliseconds (for sorting and layout). */
  startMs: number;
  /** End instant, epoch milliseconds. */
  endMs: number;
}

function format(epoch: number, wall: number, allDay: boolean, view: Zone): string {
  return allDay ? cachedDate(Math.floor(wall / DAY_MS)) : formatInstant(epoch, view);
}

/** The instance an override describes: moved when it sets start, end or duration. */
function overrideInstance(series: Series, master: SeriesFields, rid: string, fields: OccurrenceFields, view: Zone): Instance & { allDay: boolean } {
  const base = series.instanceAt(parseLocalTime(rid).wall);
  if (fields.start === undefined && fields.end === undefined && fields.duration === undefined && fields.timeZone === undefined) {
    return { ...base, allDay: series.allDay };
  }
  const own: SeriesFields = {
    start: fields.start ?? rid,
    timeZone: 'timeZone' in fields ? fields.timeZone : master.timeZone,
    end: fields.end,
    endTimeZone: fields.endTimeZone,
    duration: fields.end === undefined ? fields.duration ?? formatDuration({ days: 0, ms: base.endEpoch - base.startEpoch }) : undefined,
  };
  if (series.allDay && fields.end === undefined && fields.duration === undefined) {
    own.duration = `P${Math.round((base.endWall - base.startWall) / DAY_MS)}D`;
  }
  const moved = new Series(own, view.id);
  return { ...moved.instanceAt(moved.startWall), recurrenceId: rid, allDay: moved.allDay };
}

/**
 * The occurrences of every event in the document that overlap [from, to),
 * sorted by start (then uid and recurrence id). Recurring events are expanded
 * in their own zone and converted to the viewer's; overrides replace the
 * occurrences they name (and may move them into or out of the window); EXDATEs
 * are left out. Series are never replayed from their first instance: the cost
 * follows the window, not the age of the series.
 */
export function occurrences(ydoc: Y.Doc, query: OccurrenceQuery): Occurrence[] {
  const viewZoneId = query.timeZone ?? 'UTC';
  const view = getZone(viewZoneId);
  const from = toEpochMs(query.from, view.id, 'from');
  const to = toEpochMs(query.to, view.id, 'to');
  if (to < from) throw new RangeError('The window ends before it starts: "to" must not be earlier than "from".');
  const calendars = query.calendarIds ? new Set(query.calendarIds) : undefined;
  const out: Occurrence[] = [];
  for (const [uid, map] of eventsMap(ydoc).entries()) {
    if (!(map instanceof Y.Map)) continue;
    const event = readEvent(ydoc, uid, map);
    const { calendarId, summary, location, status, overrides } = event;
    if (calendars && !calendars.has(calendarId ?? '')) continue;
    try {
      const series = seriesFor(event, view.id);
      const allDay = series.allDay;
      const recurring = series.recurring;
      series.forEachBetween(from, to, (startWall, startEpoch, endEpoch, endWall) => {
        const recurrenceId = recurring || overrides ? fastLocal(startWall, allDay) : undefined;
        if (overrides && overrides[recurrenceId!]) return;
        const start = format(startEpoch, startWall, allDay, view);
        // An all-day text depends only on the wall date, any other only on the instant.
        const same = allDay ? endWall === startWall : endEpoch === startEpoch;
        // One literal with every field keeps all occurrences on one hidden class.
        out.push({
          uid,
          start,
          end: same ? start : format(endEpoch, endWall, allDay, view),
          allDay,
          summary,
          recurrenceId: recurring ? recurrenceId : undefined,
          overridden: undefined,
          location,
          status,
          calendarId,
          startMs: startEpoch,
          endMs: endEpoch,
        });
      });
      if (!overrides) continue;
      const exdates = new Set(event.fields.exdates);
      for (const rid of Object.keys(overrides)) {
        if (exdates.has(rid) || !series.has(rid)) continue;
        const own = overrides[rid]!;
        const instance = overrideInstance(series, event.fields, rid, own, view);
        if (!overlaps(instance.startEpoch, instance.endEpoch, from, to)) continue;
        out.push({
          uid,
          start: format(instance.startEpoch, instance.startWall, instance.allDay, view),
          end: format(instance.endEpoch, instance.endWall, instance.allDay, view),
          allDay: instance.allDay,
          summary: own.summary ?? summary,
          recurrenceId: rid,
          overridden: true,
          location: 'location' in own ? own.location : location,
          status: own.status ?? status,
          calendarId,
          startMs: instance.startEpoch,
          endMs: instance.endEpoch,
        });
      }
    } catch (error) {
      query.onInvalid?.(uid, error as Error);
    }
  }
  return sortOccurrences(out);
}

/**
 * Sorts by start, then uid, then recurrence id, so every replica lists ties the same way.
 * Many events start at the same minute, so uids are ranked once and compared as numbers.
 */
function sortOccurrences(list: Occurrence[]): Occurrence[] {
  const uids = [...new Set(list.map((o) => o.uid))].sort();
  const rank = new Map(uids.map((uid, i) => [uid, i]));
  const n = list.length;
  const start = new Float64Array(n);
  const uidRank = new Int32Array(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    start[i] = list[i]!.startMs;
    uidRank[i] = rank.get(list[i]!.uid)!;
    order[i] = i;
  }
  order.sort((a, b) => start[a]! - start[b]! || uidRank[a]! - uidRank[b]! || compareText(list[a]!.recurrenceId ?? '', list[b]!.recurrenceId ?? ''));
  return order.map((i) => list[i]!);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
