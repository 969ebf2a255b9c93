import * as Y from 'yjs';
import { formatLocalTime, parseLocalTime } from './local-time.js';
import { parseDuration } from './duration.js';
import { normalizeRecurrenceId, probeRule, Series } from './series.js';
import type {
  Alarm, Attendee, CalendarInfo, EventData, EventInput, OccurrenceFields,
} from './types.js';
import { getZone } from './zone.js';

/** Name of the root map holding events: uid → Y.Map of fields. */
export const EVENTS_KEY = 'events';
/** Name of the root map holding calendars: id → Y.Map (name, color, description). */
export const CALENDARS_KEY = 'calendars';
/** Name of the root map holding VTIMEZONE definitions imported from files: TZID → { zone, lines }. */
export const TIMEZONES_KEY = 'vtimezones';
/** Name of the root map holding what a file had besides events: calendar properties and other components, verbatim. */
export const ICAL_KEY = 'ical';

/** Fields stored as plain values on an event or override map. */
export const SCALAR_FIELDS = [
  'summary', 'description', 'location', 'start', 'end', 'duration', 'timeZone', 'endTimeZone',
  'status', 'transparency', 'categories', 'organizer', 'url', 'sequence', 'created', 'modified',
  'extra', 'icalParams', 'calendarId', 'rrule', 'relatedTo',
] as const;

/** Fields an override may carry. */
export const OVERRIDE_FIELDS = [
  'summary', 'description', 'location', 'start', 'end', 'duration', 'timeZone', 'endTimeZone',
  'status', 'transparency', 'categories', 'organizer', 'url', 'sequence', 'created', 'modified',
  'extra', 'icalParams', 'attendees', 'alarms',
] as const;

/** The root map of events. */
export function eventsMap(ydoc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return ydoc.getMap(EVENTS_KEY);
}

/** The root map of calendars. */
export function calendarsMap(ydoc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return ydoc.getMap(CALENDARS_KEY);
}

/** The Y.Map of one event, or a RangeError naming the uid. */
export function eventMap(ydoc: Y.Doc, uid: string): Y.Map<unknown> {
  const map = eventsMap(ydoc).get(uid);
  if (!(map instanceof Y.Map)) throw new RangeError(`No event with uid "${uid}".`);
  return map;
}

/** A child Y.Map of an event (attendees, alarms, rdates, exdates, overrides). */
export function childMap(event: Y.Map<unknown>, name: 'attendees' | 'alarms' | 'rdates' | 'exdates' | 'overrides'): Y.Map<unknown> {
  const map = event.get(name);
  if (map instanceof Y.Map) return map;
  // Events created by other code paths may lack a child map; add it in the caller's transaction.
  const created = new Y.Map<unknown>();
  event.set(name, created);
  return created;
}

function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** A new unique id for an event, alarm or calendar. */
export function newId(): string {
  return randomId();
}

/** The key of an attendee: its e-mail address in lower case without "mailto:". */
export function attendeeKey(email: string): string {
  return email.replace(/^mailto:/i, '').trim().toLowerCase();
}

function checkText(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') throw new TypeError(`${name} must be a string.`);
}

/**
 * Checks the fields of an event or override and normalizes local times.
 * Throws a RangeError or TypeError naming the first bad field.
 */
export function validateFields(fields: OccurrenceFields & { rrule?: string; rdates?: string[]; exdates?: string[] }, master?: OccurrenceFields): void {
  for (const name of ['summary', 'description', 'location', 'url', 'created', 'modified', 'end', 'duration', 'endTimeZone'] as const) {
    checkText(name, fields[name]);
  }
  if (fields.status !== undefined && !['TENTATIVE', 'CONFIRMED', 'CANCELLED'].includes(fields.status)) {
    throw new RangeError(`status "${fields.status}" must be TENTATIVE, CONFIRMED or CANCELLED.`);
  }
  if (fields.transparency !== undefined && !['OPAQUE', 'TRANSPARENT'].includes(fields.transparency)) {
    throw new RangeError(`transparency "${fields.transparency}" must be OPAQUE or TRANSPARENT.`);
  }
  if (fields.sequence !== undefined && (!Number.isInteger(fields.sequence) || fields.sequence < 0)) {
    throw new RangeError('sequence must be a non-negative integer.');
  }
  if (fields.categories !== undefined && (!Array.isArray(fields.categories) || fields.categories.some((c) => typeof c !== 'string'))) {
    throw new TypeError('categories must be an array of strings.');
  }
  if (fields.extra !== undefined && (!Array.isArray(fields.extra) || fields.extra.some((c) => typeof c !== 'string'))) {
    throw new TypeError('extra must be an array of content lines (strings).');
  }
  for (const a of fields.attendees ?? []) {
    if (!a || typeof a.email !== 'string' || attendeeKey(a.email) === '') throw new TypeError('Every attendee needs an email.');
  }
  for (const a of fields.alarms ?? []) {
    if (!a || typeof a.action !== 'string' || typeof a.trigger !== 'string') throw new TypeError('Every alarm needs an action and a trigger.');
    if (!/^[+-]?P/.test(a.trigger) && !/^\d{8}T\d{6}Z$/.test(a.trigger)) {
      throw new RangeError(`Alarm trigger "${a.trigger}" must be a duration ("-PT15M") or a UTC date-time ("20260301T080000Z").`);
    }
  }
  if (fields.duration !== undefined) parseDuration(fields.duration);
  const start = fields.start ?? master?.start;
  if (start === undefined) throw new RangeError('An event needs a start.');
  const timeZone = 'timeZone' in fields ? fields.timeZone : master?.timeZone;
  if (timeZone !== undefined) getZone(timeZone);
  if (fields.endTimeZone !== undefined) getZone(fields.endTimeZone);
  const allDay = parseLocalTime(start, 'start').allDay;
  if (allDay && timeZone) throw new RangeError('An all-day event has no time zone: leave timeZone out when the start is a date.');
  // Building a Series checks end, duration and their relation to start.
  new Series({
    start,
    end: 'end' in fields ? fields.end : fields.start === undefined ? master?.end : undefined,
    duration: fields.duration,
    timeZone,
    endTimeZone: fields.endTimeZone,
  }, 'UTC');
  if (fields.rrule !== undefined && fields.rrule !== '') probeRule(fields.rrule, start);
  for (const r of fields.rdates ?? []) normalizeRecurrenceId(r, allDay);
  for (const r of fields.exdates ?? []) normalizeRecurrenceId(r, allDay);
}

/** Writes plain fields onto an event or override map; undefined deletes a field. */
export function writeScalar(map: Y.Map<unknown>, name: string, value: unknown): void {
  if (value === undefined || value === null) {
    if (map.has(name)) map.delete(name);
  } else if (JSON.stringify(map.get(name)) !== JSON.stringify(value)) {
    map.set(name, value);
  }
}

function cleanAttendee(a: Attendee): Attendee {
  const out: Attendee = { email: a.email.replace(/^mailto:/i, '') };
  if (a.name) out.name = a.name;
  if (a.role) out.role = a.role;
  if (a.partstat) out.partstat = a.partstat;
  if (a.rsvp !== undefined) out.rsvp = a.rsvp;
  if (a.params && Object.keys(a.params).length > 0) out.params = { ...a.params };
  return out;
}

/** Replaces the attendees of an event, keyed by e-mail so that each attendee merges on its own. */
export function writeAttendees(map: Y.Map<unknown>, attendees: Attendee[]): void {
  const keep = new Set<string>();
  for (const a of attendees) {
    const key = attendeeKey(a.email);
    keep.add(key);
    writeScalar(map, key, cleanAttendee(a));
  }
  for (const key of [...map.keys()]) if (!keep.has(key)) map.delete(key);
}

/** Replaces the alarms of an event, keyed by alarm id. */
export function writeAlarms(map: Y.Map<unknown>, alarms: Alarm[]): void {
  const keep = new Set<string>();
  for (const a of alarms) {
    const alarm = { ...a, id: a.id || newId() };
    keep.add(alarm.id);
    writeScalar(map, alarm.id, alarm);
  }
  for (const key of [...map.keys()]) if (!keep.has(key)) map.delete(key);
}

/** Sorted values of a keyed child map. */
function sortedValues<T>(map: Y.Map<unknown> | undefined): T[] {
  if (!(map instanceof Y.Map)) return [];
  return [...map.keys()].sort().map((k) => map.get(k) as T);
}

/** Sorted keys of a set-like child map. */
export function sortedKeys(map: unknown): string[] {
  return map instanceof Y.Map ? [...map.keys()].sort() : [];
}

/** Reads an override map into recurrence id → fields. */
export function readOverrides(map: unknown): Record<string, OccurrenceFields> {
  const out: Record<string, OccurrenceFields> = {};
  if (!(map instanceof Y.Map)) return out;
  for (const key of [...map.keys()].sort()) {
    const bar = key.indexOf('|');
    if (bar < 0) continue;
    const rid = key.slice(0, bar);
    const field = key.slice(bar + 1);
    (out[rid] ??= {} as OccurrenceFields);
    (out[rid] as Record<string, unknown>)[field] = map.get(key);
  }
  return out;
}

/** Reads one event into a plain object. */
export function readEvent(uid: string, map: Y.Map<unknown>): EventData {
  const data: Record<string, unknown> = { uid };
  for (const name of SCALAR_FIELDS) {
    const v = map.get(name);
    if (v !== undefined) data[name] = v;
  }
  const attendees = sortedValues<Attendee>(map.get('attendees') as Y.Map<unknown>);
  if (attendees.length) data.attendees = attendees;
  const alarms = sortedValues<Alarm>(map.get('alarms') as Y.Map<unknown>);
  if (alarms.length) data.alarms = alarms;
  const rdates = sortedKeys(map.get('rdates'));
  if (rdates.length) data.rdates = rdates;
  const exdates = sortedKeys(map.get('exdates'));
  if (exdates.length) data.exdates = exdates;
  data.overrides = readOverrides(map.get('overrides'));
  return data as unknown as EventData;
}

/** Writes the fields of `input` onto a new event map (inside the caller's transaction). */
export function writeNewEvent(map: Y.Map<unknown>, input: EventInput): void {
  const allDay = parseLocalTime(input.start, 'start').allDay;
  for (const name of SCALAR_FIELDS) {
    const value = name === 'start' ? formatLocalTime(parseLocalTime(input.start).wall, allDay) : (input as unknown as Record<string, unknown>)[name];
    writeScalar(map, name, value === '' && (name === 'rrule' || name === 'end') ? undefined : value);
  }
  const attendees = new Y.Map<unknown>();
  const alarms = new Y.Map<unknown>();
  const rdates = new Y.Map<unknown>();
  const exdates = new Y.Map<unknown>();
  map.set('attendees', attendees);
  map.set('alarms', alarms);
  map.set('rdates', rdates);
  map.set('exdates', exdates);
  map.set('overrides', new Y.Map<unknown>());
  writeAttendees(attendees, input.attendees ?? []);
  writeAlarms(alarms, input.alarms ?? []);
  for (const r of input.rdates ?? []) rdates.set(normalizeRecurrenceId(r, allDay), true);
  for (const r of input.exdates ?? []) exdates.set(normalizeRecurrenceId(r, allDay), true);
}

/**
 * Adds an event to the document and returns its uid. Every field is checked
 * first (a RangeError/TypeError names the bad one) and nothing is written
 * when one is wrong.
 */
export function createEvent(ydoc: Y.Doc, input: EventInput): string {
  validateFields(input);
  const uid = input.uid ?? newId();
  if (typeof uid !== 'string' || uid === '') throw new TypeError('uid must be a non-empty string.');
  const events = eventsMap(ydoc);
  if (events.has(uid)) throw new RangeError(`An event with uid "${uid}" already exists: use updateEvent.`);
  ydoc.transact(() => {
    const map = new Y.Map<unknown>();
    events.set(uid, map);
    writeNewEvent(map, input);
  });
  return uid;
}

/** The event with `uid`, or undefined. */
export function getEvent(ydoc: Y.Doc, uid: string): EventData | undefined {
  const map = eventsMap(ydoc).get(uid);
  return map instanceof Y.Map ? readEvent(uid, map) : undefined;
}

/** All events, sorted by uid. */
export function listEvents(ydoc: Y.Doc): EventData[] {
  const events = eventsMap(ydoc);
  return [...events.keys()].sort().map((uid) => readEvent(uid, events.get(uid)!));
}

/** Adds or replaces a calendar's name, colour and description; returns its id. */
export function setCalendar(ydoc: Y.Doc, info: Omit<CalendarInfo, 'id'> & { id?: string }): string {
  if (typeof info.name !== 'string' || info.name.trim() === '') throw new TypeError('A calendar needs a name.');
  if (info.color !== undefined && !/^#[0-9a-f]{3,8}$/i.test(info.color) && !/^[a-z]+$/i.test(info.color)) {
    throw new RangeError(`Calendar colour "${info.color}" must be a hex colour such as "#3366cc" or a CSS colour name.`);
  }
  const id = info.id ?? newId();
  const calendars = calendarsMap(ydoc);
  ydoc.transact(() => {
    let map = calendars.get(id);
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<unknown>();
      calendars.set(id, map);
    }
    writeScalar(map, 'name', info.name);
    writeScalar(map, 'color', info.color);
    writeScalar(map, 'description', info.description);
  });
  return id;
}

/** All calendars, sorted by id. */
export function listCalendars(ydoc: Y.Doc): CalendarInfo[] {
  const calendars = calendarsMap(ydoc);
  return [...calendars.keys()].sort().map((id) => {
    const map = calendars.get(id)!;
    const info: CalendarInfo = { id, name: String(map.get('name') ?? '') };
    const color = map.get('color');
    const description = map.get('description');
    if (typeof color === 'string') info.color = color;
    if (typeof description === 'string') info.description = description;
    return info;
  });
}

/** Removes a calendar; with `deleteEvents`, also the events that belong to it. */
export function deleteCalendar(ydoc: Y.Doc, id: string, options: { deleteEvents?: boolean } = {}): void {
  ydoc.transact(() => {
    calendarsMap(ydoc).delete(id);
    if (options.deleteEvents) {
      const events = eventsMap(ydoc);
      for (const uid of [...events.keys()]) if (events.get(uid)?.get('calendarId') === id) events.delete(uid);
    }
  });
}
