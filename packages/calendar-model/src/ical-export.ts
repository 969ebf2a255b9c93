import type * as Y from 'yjs';
import { escapeText, foldLine, paramValue } from './ical-lines.js';
import { parseLocalTime } from './local-time.js';
import { eventsMap, ICAL_KEY, readEvent, TIMEZONES_KEY } from './model.js';
import { formatICalDateTime } from './rrule.js';
import { Series } from './series.js';
import { formatDuration } from './duration.js';
import type { Alarm, Attendee, EventData, OccurrenceFields } from './types.js';
import { buildVTimezone } from './vtimezone.js';

/** Options of {@link exportICS}. */
export interface ExportOptions {
  /** Only events of this calendar. */
  calendarId?: string;
  /** Only this event (with its overrides); the file then holds no other components of imported files. */
  uid?: string;
  /** PRODID of the file. */
  prodId?: string;
  /** DTSTAMP for events that have no modified or created time (default: now). */
  now?: () => Date;
}

function basic(local: string): string {
  const { wall, allDay } = parseLocalTime(local);
  return formatICalDateTime(allDay ? { kind: 'date', days: Math.floor(wall / 86_400_000) } : { kind: 'local', wall });
}

function basicStamp(iso: string): string {
  return iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/** "DTSTART;TZID=Europe/Berlin:20260329T090000" and its kin. */
function timeLine(name: string, local: string, zone: string | undefined, tzids: Map<string, string>, params = ''): string {
  if (local.length === 10) return `${name};VALUE=DATE${params}:${basic(local)}`;
  if (zone === 'UTC') return `${name}${params}:${basic(local)}Z`;
  if (zone) return `${name};TZID=${paramValue(tzids.get(zone) ?? zone)}${params}:${basic(local)}`;
  return `${name}${params}:${basic(local)}`;
}

function attendeeLine(a: Attendee): string {
  let line = 'ATTENDEE';
  if (a.name !== undefined) line += `;CN=${paramValue(a.name)}`;
  if (a.role !== undefined) line += `;ROLE=${a.role}`;
  if (a.partstat !== undefined) line += `;PARTSTAT=${a.partstat}`;
  if (a.rsvp !== undefined) line += `;RSVP=${a.rsvp ? 'TRUE' : 'FALSE'}`;
  for (const [n, v] of Object.entries(a.params ?? {})) line += `;${n}=${v.split(',').map(paramValue).join(',')}`;
  return `${line}:mailto:${a.email}`;
}

function alarmLines(alarm: Alarm): string[] {
  const lines = ['BEGIN:VALARM', `ACTION:${alarm.action}`];
  const absolute = /^\d{8}T\d{6}Z$/.test(alarm.trigger);
  lines.push(`TRIGGER${absolute ? ';VALUE=DATE-TIME' : alarm.related ? `;RELATED=${alarm.related}` : ''}:${alarm.trigger}`);
  if (alarm.description !== undefined) lines.push(`DESCRIPTION:${escapeText(alarm.description)}`);
  if (alarm.summary !== undefined) lines.push(`SUMMARY:${escapeText(alarm.summary)}`);
  if (alarm.repeat !== undefined) lines.push(`REPEAT:${alarm.repeat}`);
  if (alarm.duration !== undefined) lines.push(`DURATION:${alarm.duration}`);
  lines.push(...(alarm.extra ?? []), 'END:VALARM');
  return lines;
}

/** Unknown properties first, unknown sub-components (BEGIN … END blocks) after them. */
function splitExtra(extra: string[] | undefined): { props: string[]; blocks: string[] } {
  const props: string[] = [];
  const blocks: string[] = [];
  let depth = 0;
  for (const line of extra ?? []) {
    if (/^BEGIN:/i.test(line)) depth++;
    (depth > 0 ? blocks : props).push(line);
    if (/^END:/i.test(line)) depth--;
  }
  return { props, blocks };
}

function eventLines(
  uid: string, fields: OccurrenceFields & { start: string }, series: EventData | undefined, rid: string | undefined,
  tzids: Map<string, string>, fallbackStamp: string,
): string[] {
  const p = (name: string): string => fields.icalParams?.[name] ?? '';
  const lines = ['BEGIN:VEVENT', `UID:${uid}`];
  const { props, blocks } = splitExtra(fields.extra);
  if (!props.some((l) => /^DTSTAMP[;:]/i.test(l))) lines.push(`DTSTAMP:${basicStamp(fields.modified ?? fields.created ?? fallbackStamp)}`);
  if (rid !== undefined && series) lines.push(timeLine('RECURRENCE-ID', rid, series.timeZone, tzids));
  lines.push(timeLine('DTSTART', fields.start, fields.timeZone, tzids, p('DTSTART')));
  if (fields.end !== undefined) lines.push(timeLine('DTEND', fields.end, fields.endTimeZone ?? fields.timeZone, tzids, p('DTEND')));
  else if (fields.duration !== undefined) lines.push(`DURATION:${fields.duration}`);
  if (series && rid === undefined) {
    if (series.rrule) lines.push(`RRULE:${series.rrule}`);
    for (const r of series.rdates ?? []) lines.push(timeLine('RDATE', r, series.timeZone, tzids));
    for (const r of series.exdates ?? []) lines.push(timeLine('EXDATE', r, series.timeZone, tzids));
    if (series.relatedTo) lines.push(`RELATED-TO:${series.relatedTo}`);
  }
  if (fields.summary !== undefined) lines.push(`SUMMARY${p('SUMMARY')}:${escapeText(fields.summary)}`);
  if (fields.description !== undefined) lines.push(`DESCRIPTION${p('DESCRIPTION')}:${escapeText(fields.description)}`);
  if (fields.location !== undefined) lines.push(`LOCATION${p('LOCATION')}:${escapeText(fields.location)}`);
  if (fields.status !== undefined) lines.push(`STATUS:${fields.status}`);
  if (fields.transparency !== undefined) lines.push(`TRANSP:${fields.transparency}`);
  if (fields.categories?.length) lines.push(`CATEGORIES:${fields.categories.map(escapeText).join(',')}`);
  if (fields.url !== undefined) lines.push(`URL${p('URL')}:${fields.url}`);
  if (fields.organizer) {
    const o = fields.organizer;
    let line = 'ORGANIZER';
    if (o.name !== undefined) line += `;CN=${paramValue(o.name)}`;
    for (const [n, v] of Object.entries(o.params ?? {})) line += `;${n}=${v.split(',').map(paramValue).join(',')}`;
    lines.push(`${line}:mailto:${o.email}`);
  }
  for (const a of fields.attendees ?? []) lines.push(attendeeLine(a));
  if (fields.created !== undefined) lines.push(`CREATED:${basicStamp(fields.created)}`);
  if (fields.modified !== undefined) lines.push(`LAST-MODIFIED:${basicStamp(fields.modified)}`);
  if (fields.sequence !== undefined) lines.push(`SEQUENCE:${fields.sequence}`);
  lines.push(...props, ...blocks);
  for (const alarm of fields.alarms ?? []) lines.push(...alarmLines(alarm));
  lines.push('END:VEVENT');
  return lines;
}

/** The series' length as a DURATION (exact when it has an end), or undefined for the RFC default. */
function seriesLength(event: EventData): string | undefined {
  if (event.duration !== undefined) return event.duration;
  if (event.end === undefined) return undefined;
  const instance = new Series(event, 'UTC').instanceAt(parseLocalTime(event.start).wall);
  if (event.start.length === 10) return `P${Math.round((instance.endWall - instance.startWall) / 86_400_000)}D`;
  return formatDuration({ days: 0, ms: instance.endEpoch - instance.startEpoch });
}

/**
 * Writes the document's events as an iCalendar (RFC 5545) text with CRLF
 * line ends and lines folded at 75 octets. Each zone in use gets a VTIMEZONE:
 * the one imported with it when there is one, otherwise one built from
 * Temporal. Overrides are written as VEVENTs with RECURRENCE-ID and every
 * field of the occurrence. Unknown properties and components that came in
 * with an import are written back unchanged.
 */
export function exportICS(ydoc: Y.Doc, options: ExportOptions = {}): string {
  const fallbackStamp = (options.now ? options.now() : new Date()).toISOString();
  const events = eventsMap(ydoc);
  const list = [...events.keys()].sort().map((uid) => readEvent(uid, events.get(uid)!))
    .filter((e) => (options.calendarId === undefined || e.calendarId === options.calendarId) && (options.uid === undefined || e.uid === options.uid));
  const stored = ydoc.getMap<{ zone?: string; lines: string[] }>(TIMEZONES_KEY);
  const tzids = new Map<string, string>();
  const zoneYears = new Map<string, number>();
  const useZone = (zone: string | undefined, start: string): void => {
    if (!zone || zone === 'UTC') return;
    const year = Number(start.slice(0, 4));
    zoneYears.set(zone, Math.min(zoneYears.get(zone) ?? year, year));
  };
  for (const event of list) {
    useZone(event.timeZone, event.start);
    useZone(event.endTimeZone, event.start);
    for (const o of Object.values(event.overrides)) {
      useZone(o.timeZone, o.start ?? event.start);
      useZone(o.endTimeZone, o.start ?? event.start);
    }
  }
  const timezoneLines: string[] = [];
  for (const zone of [...zoneYears.keys()].sort()) {
    const imported = [...stored.keys()].sort().find((tzid) => stored.get(tzid)?.zone === zone);
    if (imported) {
      tzids.set(zone, imported);
      timezoneLines.push(...stored.get(imported)!.lines);
    } else {
      timezoneLines.push(...buildVTimezone(zone, zoneYears.get(zone)!));
    }
  }
  const ical = ydoc.getMap<unknown>(ICAL_KEY);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${options.prodId ?? '-//Allmende//Calendar 0.1//EN'}`, 'CALSCALE:GREGORIAN'];
  lines.push(...((ical.get('calendarProperties') as string[] | undefined) ?? []));
  lines.push(...timezoneLines);
  for (const event of list) {
    lines.push(...eventLines(event.uid, event, event, undefined, tzids, fallbackStamp));
    for (const rid of Object.keys(event.overrides).sort()) {
      const own = event.overrides[rid]!;
      const merged: OccurrenceFields & { start: string } = { ...event, ...own, start: own.start ?? rid };
      if (own.end === undefined && own.duration === undefined) {
        // The occurrence keeps the series' length, whatever its start.
        delete merged.end;
        delete merged.duration;
        const length = seriesLength(event);
        if (length !== undefined) merged.duration = length;
      } else if (own.end === undefined) {
        delete merged.end;
      } else {
        delete merged.duration;
      }
      if (!('extra' in own)) delete merged.extra;
      lines.push(...eventLines(event.uid, merged, event, rid, tzids, fallbackStamp));
    }
  }
  if (options.uid === undefined) for (const block of (ical.get('components') as string[][] | undefined) ?? []) lines.push(...block);
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}
