import { listCalendars, setCalendar } from '@allmende/calendar-model';
import type { CalendarInfo } from '@allmende/calendar-model';
import type * as Y from 'yjs';
import { CALENDAR_COLORS } from './calendar-sidebar.js';

/** The id of the calendar events go into before anyone has made one (fixed, so two first events at once make one calendar). */
export const DEFAULT_CALENDAR_ID = 'default';

/** The calendar new events go into: the first shown one, else the first one, else the default calendar (created on save). */
export function targetCalendar(doc: Y.Doc | null, hidden: ReadonlySet<string>): string {
  const list = doc ? listCalendars(doc) : [];
  return (list.find((c) => !hidden.has(c.id)) ?? list[0])?.id ?? DEFAULT_CALENDAR_ID;
}

/** Creates the default calendar, named `name`, if `id` names it and it does not exist yet. */
export function ensureCalendar(doc: Y.Doc, id: string, name: string): void {
  if (id !== DEFAULT_CALENDAR_ID || listCalendars(doc).some((c) => c.id === id)) return;
  setCalendar(doc, { id: DEFAULT_CALENDAR_ID, name, color: CALENDAR_COLORS[0]! });
}

/** The calendars to choose from in dialogs: the document's, or the default one (named `defaultName`) before any exists. */
export function calendarChoices(calendars: readonly CalendarInfo[], defaultName: string): CalendarInfo[] {
  return calendars.length ? [...calendars] : [{ id: DEFAULT_CALENDAR_ID, name: defaultName }];
}

/** The colour each calendar is drawn in: its own, or one of the palette by its position. */
export function calendarColors(calendars: readonly CalendarInfo[]): Map<string, string> {
  return new Map(calendars.map((c, i) => [c.id, c.color ?? CALENDAR_COLORS[i % CALENDAR_COLORS.length]!]));
}
