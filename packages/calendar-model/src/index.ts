export { occurrences } from './occurrences.js';
export type { Occurrence, OccurrenceQuery } from './occurrences.js';
export {
  createEvent, getEvent, listEvents, setCalendar, listCalendars, deleteCalendar,
  EVENTS_KEY, CALENDARS_KEY, TIMEZONES_KEY, ICAL_KEY,
} from './model.js';
export { updateEvent, deleteEvent, setParticipation } from './edit.js';
export type { EditMode, EditOptions, EventPatch } from './edit.js';
export { expandRecurrence } from './recurrence.js';
export type { ExpandOptions, ExpandedInstance } from './recurrence.js';
export { parseRRule, formatRRule, FREQUENCIES, WEEKDAYS } from './rrule.js';
export type { RecurrenceRule, Frequency, WeekdayNum, Until } from './rrule.js';
export { isTimeZone } from './zone.js';
export type { InstantInput } from './local-time.js';
export type {
  Alarm, Attendee, CalendarInfo, EventData, EventInput, EventStatus, OccurrenceFields, Organizer, PartStat,
} from './types.js';
export { importICS } from './ical-import.js';
export type { ImportOptions, ImportResult } from './ical-import.js';
export { exportICS } from './ical-export.js';
export type { ExportOptions } from './ical-export.js';
export { ICalSyntaxError } from './ical-lines.js';
export { clearExpansionCache } from './series.js';
export { createUndoManager } from './undo.js';
export type { CalendarUndoOptions } from './undo.js';
