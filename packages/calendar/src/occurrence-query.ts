import { occurrences } from '@allmende/calendar-model';
import type { Occurrence } from '@allmende/calendar-model';
import type * as Y from 'yjs';
import { DEFAULT_CALENDAR_ID } from './calendar-choices.js';
import type { CreatePreview, Grab } from './calendar-host.js';
import { wallAt, wallToMs } from './date-math.js';
import { shifted } from './move-event.js';
import { occurrenceKey } from './occurrence-layout.js';

/** What one query asks for: the window (local dates, `to` exclusive), the viewer's zone, and the calendars hidden. */
export interface OccurrenceWindow {
  from: string;
  to: string;
  timeZone: string;
  hidden: ReadonlySet<string>;
  /** Counts the document's changes: a new value means the document changed since the last query. */
  revision: number;
}

/**
 * The occurrences a view shows, with the last answer kept: renders for a drag
 * preview, focus or presence reuse it until the page, zone, calendars shown or
 * document change, so series are expanded once per page.
 */
export class OccurrenceQuery {
  private last: { key: string; doc: Y.Doc; hidden: ReadonlySet<string>; occs: Occurrence[] } | null = null;

  /** The occurrences of the window in `doc`, in the engine's order, without those of hidden calendars. */
  get(doc: Y.Doc, window: OccurrenceWindow): Occurrence[] {
    const key = `${window.from}|${window.to}|${window.timeZone}|${window.revision}`;
    const cached = this.last;
    if (cached && cached.key === key && cached.doc === doc && cached.hidden === window.hidden) return cached.occs;
    const all = occurrences(doc, {
      from: window.from,
      to: window.to,
      timeZone: window.timeZone,
      onInvalid: (uid, error) => console.warn(`<allmende-calendar>: event ${uid} cannot be read and is not shown:`, error.message),
    });
    const hidden = window.hidden;
    const occs = hidden.size === 0 ? all : all.filter((o) => !hidden.has(o.calendarId ?? DEFAULT_CALENDAR_ID));
    this.last = { key, doc, hidden, occs };
    return occs;
  }
}

/** The uid of the preview of an event being drawn (no real uid can hold a NUL). */
export const NEW_EVENT_UID = '\u0000new';

/**
 * The occurrences with the previews drawn in: the one being moved or resized
 * shifted by the grab, and the new event being drawn (titled `newTitle`): a
 * timed one in the week and day views, whole days (`allDay`) in the month view
 * and the all-day lane.
 */
export function withPreview(occs: Occurrence[], grab: Grab | null, create: CreatePreview | null, newTitle: string): Occurrence[] {
  let out = occs;
  if (grab) {
    const key = occurrenceKey(grab.occ);
    out = out.map((o) => (occurrenceKey(o) === key ? shifted(o, grab.start, grab.end) : o));
  }
  if (create) {
    const start = create.allDay ? create.date : wallAt(create.date, create.start);
    const end = create.allDay ? create.endDate : wallAt(create.date, create.end);
    out = [...out, {
      uid: NEW_EVENT_UID, start, end, allDay: create.allDay, summary: newTitle, recurrenceId: undefined,
      overridden: undefined, location: undefined, status: undefined, calendarId: undefined, startMs: wallToMs(start), endMs: wallToMs(end),
    }];
  }
  return out;
}
