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

/** How many windows a query keeps: the page shown, the pages before and after it (fetched ahead), and one spare. */
export const KEPT_WINDOWS = 4;

interface Kept {
  key: string;
  doc: Y.Doc;
  hidden: ReadonlySet<string>;
  occs: Occurrence[];
}

/**
 * The occurrences a view shows, with the last few answers kept: renders for a
 * drag preview, focus or presence reuse them until the page, zone, calendars
 * shown or document change, so series are expanded once per page. The element
 * fetches the pages before and after the one shown ahead, at idle
 * ({@link OccurrenceQuery.prefetch}), so that "next" and "previous" find them.
 */
export class OccurrenceQuery {
  /** Least recently used first. */
  private kept: Kept[] = [];

  /** The occurrences of the window in `doc`, in the engine's order, without those of hidden calendars. */
  get(doc: Y.Doc, window: OccurrenceWindow): Occurrence[] {
    const key = windowKey(window);
    const at = this.kept.findIndex((k) => k.key === key && k.doc === doc && k.hidden === window.hidden);
    if (at >= 0) {
      const [hit] = this.kept.splice(at, 1);
      this.kept.push(hit!);
      return hit!.occs;
    }
    const all = occurrences(doc, {
      from: window.from,
      to: window.to,
      timeZone: window.timeZone,
      onInvalid: (uid, error) => console.warn(`<allmende-calendar>: event ${uid} cannot be read and is not shown:`, error.message),
    });
    const hidden = window.hidden;
    const occs = hidden.size === 0 ? all : all.filter((o) => !hidden.has(o.calendarId ?? DEFAULT_CALENDAR_ID));
    // Answers for an older revision of the document can never be asked for again.
    this.kept = this.kept.filter((k) => k.doc === doc && k.key.endsWith(`|${window.revision}`));
    this.kept.push({ key, doc, hidden, occs });
    if (this.kept.length > KEPT_WINDOWS) this.kept.splice(0, this.kept.length - KEPT_WINDOWS);
    return occs;
  }

  /** The kept answer for the window, or null (does not expand anything, nor change which answers are kept). */
  peek(doc: Y.Doc, window: OccurrenceWindow): Occurrence[] | null {
    const key = windowKey(window);
    return this.kept.find((k) => k.key === key && k.doc === doc && k.hidden === window.hidden)?.occs ?? null;
  }

  /** Expands a window ahead of time, so that a later {@link get} of it is answered from what is kept. */
  prefetch(doc: Y.Doc, window: OccurrenceWindow): void {
    const key = windowKey(window);
    if (this.kept.some((k) => k.key === key && k.doc === doc && k.hidden === window.hidden)) return;
    // Kept as the least recently used: the page shown stays when more pages are fetched ahead than are kept.
    this.get(doc, window);
    this.kept.unshift(this.kept.pop()!);
  }

  /** Forgets every kept answer (the element lets go of its document). */
  clear(): void {
    this.kept = [];
  }
}

function windowKey(window: OccurrenceWindow): string {
  return `${window.from}|${window.to}|${window.timeZone}|${window.revision}`;
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
