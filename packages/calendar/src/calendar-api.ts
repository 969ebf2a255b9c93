import {
  createEvent, deleteCalendar, deleteEvent, exportICS, getEvent, importICS, listCalendars, listEvents, occurrences,
  setCalendar, setParticipation, updateEvent,
} from '@allmende/calendar-model';
import type * as Y from 'yjs';

/**
 * The calendar engine (`@allmende/calendar-model`) bound to one Y.Doc: the
 * same functions without the `ydoc` argument. `<allmende-calendar>` exposes
 * one as `el.calendar`, so hosts and tests can read and change the calendar
 * without importing the engine themselves.
 */
export interface CalendarApi {
  readonly doc: Y.Doc;
  createEvent(input: Parameters<typeof createEvent>[1]): string;
  getEvent(uid: string): ReturnType<typeof getEvent>;
  listEvents(): ReturnType<typeof listEvents>;
  updateEvent(uid: string, patch: Parameters<typeof updateEvent>[2], options?: Parameters<typeof updateEvent>[3]): string;
  deleteEvent(uid: string, options?: Parameters<typeof deleteEvent>[2]): void;
  setParticipation(...args: Parameters<typeof setParticipation> extends [Y.Doc, ...infer R] ? R : never): void;
  setCalendar(info: Parameters<typeof setCalendar>[1]): string;
  listCalendars(): ReturnType<typeof listCalendars>;
  deleteCalendar(id: string, options?: Parameters<typeof deleteCalendar>[2]): void;
  occurrences(query: Parameters<typeof occurrences>[1]): ReturnType<typeof occurrences>;
  importICS(text: string, options?: Parameters<typeof importICS>[2]): ReturnType<typeof importICS>;
  exportICS(options?: Parameters<typeof exportICS>[1]): string;
}

/** The engine's functions bound to `doc`. */
export function bindCalendar(doc: Y.Doc): CalendarApi {
  return {
    doc,
    createEvent: (input) => createEvent(doc, input),
    getEvent: (uid) => getEvent(doc, uid),
    listEvents: () => listEvents(doc),
    updateEvent: (uid, patch, options) => updateEvent(doc, uid, patch, options),
    deleteEvent: (uid, options) => deleteEvent(doc, uid, options),
    setParticipation: (...args) => setParticipation(doc, ...args),
    setCalendar: (info) => setCalendar(doc, info),
    listCalendars: () => listCalendars(doc),
    deleteCalendar: (id, options) => deleteCalendar(doc, id, options),
    occurrences: (query) => occurrences(doc, query),
    importICS: (text, options) => importICS(doc, text, options),
    exportICS: (options) => exportICS(doc, options),
  };
}
