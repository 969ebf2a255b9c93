import * as Y from 'yjs';
import { formatDate, formatWall } from './civil.js';
import {
  formatParams, param, parseComponents, splitTextList, unescapeText, type Component, type ContentLine,
} from './ical-lines.js';
import {
  childMap, eventsMap, ICAL_KEY, TIMEZONES_KEY, validateFields, writeNewEvent, writeScalar,
} from './model.js';
import { formatRRule, parseICalDateTime, parseRRule, type Until } from './rrule.js';
import { probeRule } from './series.js';
import type { Alarm, Attendee, EventInput, OccurrenceFields, Organizer, PartStat } from './types.js';
import { resolveTzid } from './tzid.js';
import { getZone } from './zone.js';

/** Options of {@link importICS}. */
export interface ImportOptions {
  /** Calendar the imported events belong to. */
  calendarId?: string;
}

/** What {@link importICS} did. */
export interface ImportResult {
  /** Uids of the imported events, in file order. */
  uids: string[];
  /** Things read with a fallback (unknown time zones read as UTC, RDATE periods, …). */
  warnings: string[];
}

interface Context {
  zones: Map<string, string>;
  warnings: string[];
  warned: Set<string>;
}

const PARTSTATS = ['NEEDS-ACTION', 'ACCEPTED', 'DECLINED', 'TENTATIVE', 'DELEGATED'];

function fail(line: ContentLine | Component, uid: string | undefined, message: string): never {
  throw new RangeError(`iCalendar line ${line.line}${uid ? ` (event ${uid})` : ''}: ${message}`);
}

/** The IANA zone of a property's TZID, with a warning and UTC when it is unknown. */
function zoneOf(line: ContentLine, ctx: Context): string | undefined {
  const tzid = param(line, 'TZID');
  if (tzid === undefined) return undefined;
  let zone = ctx.zones.get(tzid) ?? resolveTzid(tzid);
  if (!zone) {
    zone = 'UTC';
    if (!ctx.warned.has(tzid)) {
      ctx.warned.add(tzid);
      ctx.warnings.push(`Unknown time zone "${tzid}" (line ${line.line}): its times are read as UTC.`);
    }
  }
  ctx.zones.set(tzid, zone);
  return zone;
}

interface Stamp {
  value: Until;
  zone: string | undefined;
}

function dateTime(line: ContentLine, uid: string | undefined, ctx: Context, raw = line.value): Stamp {
  const value = parseICalDateTime(raw.trim());
  if (!value) fail(line, uid, `${line.name} value "${raw}" is not a DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS[Z]).`);
  const type = param(line, 'VALUE');
  if (type === 'DATE' && value.kind !== 'date') fail(line, uid, `${line.name} says VALUE=DATE but holds a date-time.`);
  return { value, zone: value.kind === 'local' ? zoneOf(line, ctx) : undefined };
}

/** A DTSTART as model fields: local start and zone. */
function startFields(stamp: Stamp): { start: string; timeZone?: string } {
  const v = stamp.value;
  if (v.kind === 'date') return { start: formatDate(v.days) };
  if (v.kind === 'utc') return { start: formatWall(v.epoch), timeZone: 'UTC' };
  return stamp.zone ? { start: formatWall(v.wall), timeZone: stamp.zone } : { start: formatWall(v.wall) };
}

/** A date-time of another property converted to the local time of the event's zone. */
function toEventLocal(stamp: Stamp, allDay: boolean, eventZone: string | undefined): string | undefined {
  const v = stamp.value;
  if (allDay) return v.kind === 'date' ? formatDate(v.days) : undefined;
  if (v.kind === 'date') return undefined;
  if (!eventZone) return formatWall(v.kind === 'utc' ? v.epoch : v.wall);
  const epoch = v.kind === 'utc' ? v.epoch : stamp.zone ? getZone(stamp.zone).toEpoch(v.wall) : getZone(eventZone).toEpoch(v.wall);
  return formatWall(getZone(eventZone).toWall(epoch));
}

function utcStamp(line: ContentLine): string | undefined {
  const v = parseICalDateTime(line.value.trim());
  if (!v || v.kind !== 'utc') return undefined;
  return `${formatWall(v.epoch)}Z`;
}

function mailto(value: string): string {
  return value.replace(/^mailto:/i, '');
}

function otherParams(line: ContentLine, known: string[]): Record<string, string> | undefined {
  const rest = line.params.filter(([n]) => !known.includes(n));
  if (rest.length === 0) return undefined;
  return Object.fromEntries(rest.map(([n, values]) => [n, values.join(',')]));
}

function readAttendee(line: ContentLine): Attendee {
  const attendee: Attendee = { email: mailto(line.value) };
  const cn = param(line, 'CN');
  const role = param(line, 'ROLE');
  const partstat = param(line, 'PARTSTAT')?.toUpperCase();
  const rsvp = param(line, 'RSVP');
  if (cn !== undefined) attendee.name = cn;
  if (role !== undefined) attendee.role = role;
  if (partstat !== undefined && PARTSTATS.includes(partstat)) attendee.partstat = partstat as PartStat;
  if (rsvp !== undefined) attendee.rsvp = rsvp.toUpperCase() === 'TRUE';
  const params = otherParams(line, ['CN', 'ROLE', 'RSVP', ...(attendee.partstat ? ['PARTSTAT'] : [])]);
  if (params) attendee.params = params;
  return attendee;
}

function readAlarm(component: Component, uid: string, index: number): Alarm {
  const alarm: Alarm = { id: `${uid}#alarm${index + 1}`, action: '', trigger: '' };
  const extra: string[] = [];
  for (const line of component.properties) {
    switch (line.name) {
      case 'ACTION': alarm.action = line.value.toUpperCase(); break;
      case 'TRIGGER': {
        alarm.trigger = line.value.trim();
        const related = param(line, 'RELATED')?.toUpperCase();
        if (related === 'END' || related === 'START') alarm.related = related;
        break;
      }
      case 'DESCRIPTION': alarm.description = unescapeText(line.value); break;
      case 'SUMMARY': alarm.summary = unescapeText(line.value); break;
      case 'REPEAT': alarm.repeat = Number(line.value); break;
      case 'DURATION': alarm.duration = line.value.trim(); break;
      case 'UID': case 'X-WR-ALARMUID': alarm.id = line.value; extra.push(line.raw); break;
      default: extra.push(line.raw);
    }
  }
  for (const child of component.components) extra.push(...child.raw);
  if (!alarm.action) fail(component, uid, 'a VALARM needs an ACTION.');
  if (!alarm.trigger) fail(component, uid, 'a VALARM needs a TRIGGER.');
  if (extra.length) alarm.extra = extra;
  return alarm;
}

interface ReadEvent {
  uid: string;
  recurrenceId?: Stamp;
  recurrenceLine?: string;
  input: EventInput;
  line: number;
}

const TEXT_FIELDS: Record<string, 'summary' | 'description' | 'location'> = { SUMMARY: 'summary', DESCRIPTION: 'description', LOCATION: 'location' };

function readEvent(component: Component, ctx: Context): ReadEvent {
  const uidLine = component.properties.find((l) => l.name === 'UID');
  if (!uidLine || uidLine.value.trim() === '') fail(component, undefined, 'a VEVENT needs a UID.');
  const uid = uidLine.value.trim();
  const dtstart = component.properties.find((l) => l.name === 'DTSTART');
  if (!dtstart) fail(component, uid, 'a VEVENT needs a DTSTART.');
  const start = dateTime(dtstart, uid, ctx);
  const input: EventInput = { uid, ...startFields(start) };
  const allDay = start.value.kind === 'date';
  const icalParams: Record<string, string> = {};
  const extra: string[] = [];
  const alarms: Alarm[] = [];
  const attendees: Attendee[] = [];
  const rdates: string[] = [];
  const exdates: string[] = [];
  const categories: string[] = [];
  let recurrenceId: Stamp | undefined;
  let recurrenceLine = '';
  const keepParams = (line: ContentLine, known: string[]): void => {
    const rest = line.params.filter(([n]) => !known.includes(n));
    if (rest.length) icalParams[line.name] = formatParams(rest);
  };
  for (const line of component.properties) {
    const text = TEXT_FIELDS[line.name];
    if (text) {
      input[text] = unescapeText(line.value);
      keepParams(line, []);
      continue;
    }
    switch (line.name) {
      case 'UID': break;
      case 'DTSTART': keepParams(line, ['TZID', 'VALUE']); break;
      case 'DTEND': {
        const end = dateTime(line, uid, ctx);
        if ((end.value.kind === 'date') !== allDay) fail(line, uid, 'DTEND must be a DATE exactly when DTSTART is one.');
        const fields = startFields(end);
        input.end = fields.start;
        if (fields.timeZone !== input.timeZone) {
          if (fields.timeZone && input.timeZone) input.endTimeZone = fields.timeZone;
          else if (input.timeZone && !fields.timeZone) fail(line, uid, 'DTEND is floating while DTSTART has a time zone.');
          else if (!input.timeZone && fields.timeZone) fail(line, uid, 'DTEND has a time zone while DTSTART is floating.');
        }
        keepParams(line, ['TZID', 'VALUE']);
        break;
      }
      case 'DURATION': input.duration = line.value.trim(); break;
      case 'STATUS': {
        const status = line.value.toUpperCase();
        if (status === 'TENTATIVE' || status === 'CONFIRMED' || status === 'CANCELLED') input.status = status;
        else extra.push(line.raw);
        break;
      }
      case 'TRANSP': {
        const t = line.value.toUpperCase();
        if (t === 'OPAQUE' || t === 'TRANSPARENT') input.transparency = t;
        else extra.push(line.raw);
        break;
      }
      case 'CATEGORIES': categories.push(...splitTextList(line.value)); break;
      case 'URL': input.url = line.value; keepParams(line, ['VALUE']); break;
      case 'ORGANIZER': {
        const organizer: Organizer = { email: mailto(line.value) };
        const cn = param(line, 'CN');
        if (cn !== undefined) organizer.name = cn;
        const params = otherParams(line, ['CN']);
        if (params) organizer.params = params;
        input.organizer = organizer;
        break;
      }
      case 'ATTENDEE': attendees.push(readAttendee(line)); break;
      case 'CREATED': case 'LAST-MODIFIED': {
        const stamp = utcStamp(line);
        if (stamp) input[line.name === 'CREATED' ? 'created' : 'modified'] = stamp;
        else extra.push(line.raw);
        break;
      }
      case 'SEQUENCE': {
        if (!/^\d+$/.test(line.value.trim())) fail(line, uid, `SEQUENCE "${line.value}" is not a non-negative integer.`);
        input.sequence = Number(line.value.trim());
        break;
      }
      case 'RRULE': {
        if (input.rrule !== undefined) {
          ctx.warnings.push(`Event ${uid} has more than one RRULE (line ${line.line}); the extra rule is kept in the file but not expanded.`);
          extra.push(line.raw);
          break;
        }
        try {
          input.rrule = formatRRule(parseRRule(line.value));
          probeRule(input.rrule, input.start);
        } catch (error) {
          fail(line, uid, (error as Error).message);
        }
        break;
      }
      case 'RDATE': case 'EXDATE': {
        const target = line.name === 'RDATE' ? rdates : exdates;
        const isPeriod = param(line, 'VALUE') === 'PERIOD';
        for (const part of line.value.split(',')) {
          const first = isPeriod ? part.split('/')[0]! : part;
          const local = toEventLocal(dateTime(line, uid, ctx, first), allDay, input.timeZone);
          if (local === undefined) fail(line, uid, `${line.name} "${part}" must be a ${allDay ? 'DATE' : 'DATE-TIME'} like DTSTART.`);
          target.push(local);
        }
        if (isPeriod) ctx.warnings.push(`Event ${uid}: RDATE periods (line ${line.line}) are read as start times with the event's duration.`);
        break;
      }
      case 'RECURRENCE-ID': {
        recurrenceId = dateTime(line, uid, ctx);
        recurrenceLine = line.raw;
        if (param(line, 'RANGE')) ctx.warnings.push(`Event ${uid}: RECURRENCE-ID;RANGE (line ${line.line}) is read as a single occurrence.`);
        break;
      }
      case 'RELATED-TO': input.relatedTo = line.value; break;
      default: extra.push(line.raw);
    }
  }
  for (const child of component.components) {
    if (child.name === 'VALARM') alarms.push(readAlarm(child, uid, alarms.length));
    else extra.push(...child.raw);
  }
  if (input.end !== undefined && input.duration !== undefined) fail(component, uid, 'a VEVENT cannot have both DTEND and DURATION.');
  if (categories.length) input.categories = categories;
  if (attendees.length) input.attendees = attendees;
  if (alarms.length) input.alarms = alarms;
  if (rdates.length) input.rdates = rdates;
  if (exdates.length) input.exdates = exdates;
  if (extra.length) input.extra = extra;
  if (Object.keys(icalParams).length) input.icalParams = icalParams;
  try {
    validateFields(input);
  } catch (error) {
    fail(component, uid, (error as Error).message);
  }
  return recurrenceId ? { uid, recurrenceId, recurrenceLine, input, line: component.line } : { uid, input, line: component.line };
}

/** Override fields: what an override VEVENT says, with RFC defaults for a missing end. */
function overrideFields(read: ReadEvent): OccurrenceFields {
  const { uid: _uid, rrule: _rrule, rdates: _rdates, exdates: _exdates, relatedTo: _related, calendarId: _cal, ...fields } = read.input;
  void _uid; void _rrule; void _rdates; void _exdates; void _related; void _cal;
  // An override without DTEND or DURATION lasts zero time (a day when all-day), as RFC 5545 §3.6.1 says.
  if (fields.end === undefined && fields.duration === undefined) fields.duration = fields.start.length === 10 ? 'P1D' : 'PT0S';
  return fields;
}

/**
 * Imports an iCalendar (.ics) text into the document: VEVENTs with their
 * recurrence (RRULE, RDATE, EXDATE), overrides (RECURRENCE-ID), attendees and
 * alarms; TZIDs are mapped to IANA zones (VTIMEZONE definitions are kept and
 * written back on export). Properties, parameters and components the model does
 * not use are kept verbatim. Events with a UID already in the document are
 * replaced. The whole file is read and checked first: a malformed line, an
 * impossible rule or a bad value throws a RangeError naming the line and the
 * document is left untouched. Unknown time zones are read as UTC with a warning.
 */
export function importICS(ydoc: Y.Doc, text: string, options: ImportOptions = {}): ImportResult {
  const roots = parseComponents(text);
  const calendars = roots.filter((c) => c.name === 'VCALENDAR');
  if (calendars.length === 0) throw new RangeError('iCalendar input has no BEGIN:VCALENDAR … END:VCALENDAR.');
  const ctx: Context = { zones: new Map(), warnings: [], warned: new Set() };
  const timezones: [string, { zone: string | undefined; lines: string[] }][] = [];
  const calendarProps: string[] = [];
  const otherComponents: string[][] = [];
  const masters = new Map<string, ReadEvent>();
  const overrides: ReadEvent[] = [];
  for (const calendar of calendars) {
    for (const tz of calendar.components.filter((c) => c.name === 'VTIMEZONE')) {
      const tzid = tz.properties.find((l) => l.name === 'TZID')?.value;
      if (!tzid) fail(tz, undefined, 'a VTIMEZONE needs a TZID.');
      const lic = tz.properties.find((l) => l.name === 'X-LIC-LOCATION')?.value;
      const zone = resolveTzid(tzid, lic);
      if (zone) ctx.zones.set(tzid, zone);
      timezones.push([tzid, { zone, lines: tz.raw }]);
    }
    for (const line of calendar.properties) {
      if (!['VERSION', 'PRODID', 'CALSCALE'].includes(line.name)) calendarProps.push(line.raw);
    }
    for (const component of calendar.components) {
      if (component.name === 'VTIMEZONE') continue;
      if (component.name !== 'VEVENT') {
        otherComponents.push(component.raw);
        continue;
      }
      const read = readEvent(component, ctx);
      if (options.calendarId !== undefined) read.input.calendarId = options.calendarId;
      if (read.recurrenceId) overrides.push(read);
      else if (masters.has(read.uid)) fail(component, read.uid, `UID "${read.uid}" appears twice without RECURRENCE-ID.`);
      else masters.set(read.uid, read);
    }
  }
  const overrideWrites: [string, string, OccurrenceFields][] = [];
  for (const read of overrides) {
    const master = masters.get(read.uid);
    if (!master) {
      // A lone occurrence (an invitation to one instance): keep it as an event of its own.
      ctx.warnings.push(`Event ${read.uid} (line ${read.line}) overrides an occurrence of a series that is not in the file; it is imported as a single event.`);
      masters.set(read.uid, { ...read, input: { ...read.input, extra: [read.recurrenceLine!, ...(read.input.extra ?? [])] } });
      continue;
    }
    const allDay = master.input.start.length === 10;
    const rid = toEventLocal(read.recurrenceId!, allDay, master.input.timeZone);
    if (rid === undefined) fail({ line: read.line } as Component, read.uid, `RECURRENCE-ID must be a ${allDay ? 'DATE' : 'DATE-TIME'} like the series' DTSTART.`);
    overrideWrites.push([read.uid, rid, overrideFields(read)]);
  }
  ydoc.transact(() => {
    const events = eventsMap(ydoc);
    for (const [uid, read] of masters) {
      const map = new Y.Map<unknown>();
      events.set(uid, map);
      writeNewEvent(map, read.input);
    }
    for (const [uid, rid, fields] of overrideWrites) {
      const map = childMap(events.get(uid)!, 'overrides');
      for (const [name, value] of Object.entries(fields)) writeScalar(map, `${rid}|${name}`, value);
    }
    const tzMap = ydoc.getMap<unknown>(TIMEZONES_KEY);
    for (const [tzid, value] of timezones) tzMap.set(tzid, value);
    const ical = ydoc.getMap<unknown>(ICAL_KEY);
    if (calendarProps.length) ical.set('calendarProperties', calendarProps);
    if (otherComponents.length) ical.set('components', [...((ical.get('components') as string[][] | undefined) ?? []), ...otherComponents]);
  });
  return { uids: [...masters.keys()], warnings: ctx.warnings };
}
