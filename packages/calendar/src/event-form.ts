import type { Alarm, Attendee, EventData, EventPatch, Occurrence, PartStat } from '@allmende/calendar-model';
import { addDays, wallToMs } from './date-math.js';
import { emptyRecurrence, formToRRule, rruleToForm } from './recurrence-form.js';
import type { RecurrenceForm } from './recurrence-form.js';
import { addWallMinutes, epochOfWall, wallInZone } from './zone-time.js';

/** One attendee row of the dialog. */
export interface AttendeeRow {
  email: string;
  name: string;
  partstat: PartStat;
}

/** One reminder row: minutes before the start, or an alarm the dialog cannot show as such (kept unchanged). */
export interface ReminderRow {
  id: string;
  minutes: number;
}

/** The fields of the event dialog. */
export interface EventForm {
  title: string;
  calendarId: string;
  allDay: boolean;
  /** "YYYY-MM-DD". */
  startDate: string;
  /** "HH:MM". */
  startTime: string;
  endDate: string;
  endTime: string;
  /** IANA zone, or "" for a floating time. */
  timeZone: string;
  recurrence: RecurrenceForm;
  location: string;
  description: string;
  attendees: AttendeeRow[];
  reminders: ReminderRow[];
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;
const SIMPLE_TRIGGER = /^-P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;

/** Minutes before the start of a trigger such as "-PT15M" or "-P1D", or null for any other kind of trigger. */
export function triggerMinutes(alarm: Alarm): number | null {
  if (alarm.related === 'END') return null;
  const m = SIMPLE_TRIGGER.exec(alarm.trigger);
  if (!m || alarm.trigger === '-P') return null;
  return Number(m[1] ?? 0) * 10080 + Number(m[2] ?? 0) * 1440 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}

/** The trigger of a reminder `minutes` before the start. */
export function minutesTrigger(minutes: number): string {
  if (minutes === 0) return 'PT0M';
  if (minutes % 1440 === 0) return `-P${minutes / 1440}D`;
  return `-PT${minutes}M`;
}

/** A new event's form: `start`/`end` local wall times ("YYYY-MM-DDTHH:MM:SS", or dates for all-day). */
export function newEventForm(start: string, end: string, calendarId: string, timeZone: string): EventForm {
  const allDay = start.length === 10;
  return {
    title: '',
    calendarId,
    allDay,
    startDate: start.slice(0, 10),
    startTime: allDay ? '09:00' : start.slice(11, 16),
    endDate: allDay ? addDays(end, -1) : end.slice(0, 10),
    endTime: allDay ? '10:00' : end.slice(11, 16),
    timeZone,
    recurrence: emptyRecurrence(start),
    location: '',
    description: '',
    attendees: [],
    reminders: [],
  };
}

/**
 * The form of a stored event, showing `occ` (one occurrence; its own times,
 * read in the event's zone) or the series start when there is none.
 */
export function eventForm(event: EventData, occ: Occurrence | undefined, viewerZone: string): EventForm {
  const override = occ?.recurrenceId ? event.overrides[occ.recurrenceId] : undefined;
  const fields = { ...event, ...override };
  const allDay = event.start.length === 10;
  const zone = event.timeZone ?? '';
  let start: string;
  let end: string;
  if (occ && allDay) {
    start = occ.start;
    end = occ.end;
  } else if (occ) {
    start = zone ? wallInZone(occ.startMs, zone) : occ.start.slice(0, 19);
    end = zone ? wallInZone(occ.endMs, zone) : occ.end.slice(0, 19);
  } else {
    start = event.start;
    end = event.end ?? event.start;
    if (!allDay && event.end && event.endTimeZone && event.endTimeZone !== zone && zone) {
      end = wallInZone(epochOfWall(event.end, event.endTimeZone), zone);
    }
  }
  const untilDay = (until: string): string => {
    const date = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
    if (!until.endsWith('Z')) return date;
    const utc = `${date}T${until.slice(9, 11)}:${until.slice(11, 13)}:${until.slice(13, 15)}`;
    return wallInZone(wallToMs(utc), zone || viewerZone).slice(0, 10);
  };
  return {
    title: fields.summary ?? '',
    calendarId: event.calendarId ?? '',
    allDay,
    startDate: start.slice(0, 10),
    startTime: allDay ? '09:00' : start.slice(11, 16),
    endDate: allDay ? addDays(end.slice(0, 10), -1) : end.slice(0, 10),
    endTime: allDay ? '10:00' : end.slice(11, 16),
    timeZone: zone,
    recurrence: rruleToForm(event.rrule, event.start, untilDay),
    location: fields.location ?? '',
    description: fields.description ?? '',
    attendees: (fields.attendees ?? []).map((a) => ({ email: a.email, name: a.name ?? '', partstat: a.partstat ?? 'NEEDS-ACTION' })),
    reminders: (fields.alarms ?? []).map((a) => ({ id: a.id, minutes: triggerMinutes(a) ?? -1 })),
  };
}

/** The local start and (exclusive) end a form describes. */
export function formTimes(form: EventForm): { start: string; end: string } {
  if (form.allDay) return { start: form.startDate, end: addDays(form.endDate, 1) };
  return { start: `${form.startDate}T${form.startTime}:00`, end: `${form.endDate}T${form.endTime}:00` };
}

/** Checks a form; returns the first problem as a message key and argument, or null. */
export function formProblem(form: EventForm): { key: 'endBeforeStart' } | { key: 'badEmail'; email: string } | null {
  const { start, end } = formTimes(form);
  if (!/^\d{4}-\d{2}-\d{2}/.test(form.startDate) || !/^\d{4}-\d{2}-\d{2}/.test(form.endDate)) return { key: 'endBeforeStart' };
  if (!form.allDay && (!/^\d{2}:\d{2}$/.test(form.startTime) || !/^\d{2}:\d{2}$/.test(form.endTime))) return { key: 'endBeforeStart' };
  if (wallToMs(end) < wallToMs(start) || (form.allDay && end <= start)) return { key: 'endBeforeStart' };
  for (const a of form.attendees) if (!EMAIL.test(a.email.trim())) return { key: 'badEmail', email: a.email };
  return null;
}

function untilWriter(form: EventForm, viewerZone: string): (day: string) => string {
  return (day: string): string => {
    const compact = day.replace(/-/g, '');
    if (form.allDay) return compact;
    if (!form.timeZone) return `${compact}T235959`;
    const end = new Date(epochOfWall(`${addDays(day, 1)}T00:00:00`, form.timeZone || viewerZone) - 1000).toISOString();
    return `${end.slice(0, 4)}${end.slice(5, 7)}${end.slice(8, 10)}T${end.slice(11, 13)}${end.slice(14, 16)}${end.slice(17, 19)}Z`;
  };
}

/** The RRULE of the form (see {@link formToRRule}); throws a RangeError with a message for people. */
export function formRRule(form: EventForm, viewerZone: string): string | undefined {
  return formToRRule(form.recurrence, formTimes(form).start, untilWriter(form, viewerZone));
}

function attendeesOf(form: EventForm, previous: readonly Attendee[]): Attendee[] {
  const byEmail = new Map(previous.map((a) => [a.email.toLowerCase(), a]));
  return form.attendees.map((row) => {
    const before = byEmail.get(row.email.trim().toLowerCase());
    const out: Attendee = { ...before, email: row.email.trim(), partstat: row.partstat };
    if (row.name.trim()) out.name = row.name.trim();
    else delete out.name;
    return out;
  });
}

function alarmsOf(form: EventForm, previous: readonly Alarm[], title: string): Alarm[] {
  const byId = new Map(previous.map((a) => [a.id, a]));
  return form.reminders.map((row) => {
    const before = byId.get(row.id);
    if (before && row.minutes < 0) return before;
    if (before && triggerMinutes(before) === row.minutes) return before;
    return { ...before, id: row.id, action: before?.action ?? 'DISPLAY', trigger: minutesTrigger(Math.max(0, row.minutes)), description: before?.description ?? (title || 'Reminder') };
  });
}

/**
 * The fields to write for a filled-in form: only those that differ from
 * `initial` (the form as it was opened), so that a field someone else changed
 * meanwhile is not overwritten with the value this dialog showed.
 * `event` is the stored event (absent for a new one); for a series edited
 * "all", a changed start moves the series by the same amount.
 */
export function formPatch(
  form: EventForm,
  initial: EventForm | null,
  event: EventData | undefined,
  viewerZone: string,
  mode: 'this' | 'following' | 'all',
): EventPatch {
  const patch: EventPatch = {};
  const changed = <K extends keyof EventForm>(key: K): boolean => !initial || JSON.stringify(form[key]) !== JSON.stringify(initial[key]);
  const title = form.title.trim();
  if (changed('title')) patch.summary = title;
  if (changed('location')) patch.location = form.location.trim() || undefined;
  if (changed('description')) patch.description = form.description || undefined;
  if (mode !== 'this' && changed('calendarId')) patch.calendarId = form.calendarId || undefined;
  if (changed('attendees')) patch.attendees = attendeesOf(form, event?.attendees ?? []);
  if (changed('reminders')) patch.alarms = alarmsOf(form, event?.alarms ?? [], title);
  const timing = ['allDay', 'startDate', 'startTime', 'endDate', 'endTime', 'timeZone'] as const;
  if (!initial || timing.some((k) => changed(k))) {
    const { start, end } = formTimes(form);
    patch.timeZone = form.allDay ? undefined : form.timeZone || undefined;
    patch.endTimeZone = undefined;
    if (mode === 'all' && event && initial && event.rrule && !initial.allDay === !form.allDay) {
      // The dialog shows one occurrence; a series edit moves the series start by as much as that one moved.
      const was = formTimes(initial);
      const shift = (wallToMs(start) - wallToMs(was.start)) / 60_000;
      const seriesStart = addWallMinutes(event.start, shift);
      patch.start = seriesStart;
      patch.end = addWallMinutes(seriesStart, (wallToMs(end) - wallToMs(start)) / 60_000);
    } else {
      patch.start = start;
      patch.end = end;
    }
    if (event?.duration !== undefined) patch.duration = undefined;
  }
  if (mode !== 'this' && changed('recurrence')) patch.rrule = formRRule(form, viewerZone);
  else if (mode !== 'this' && !initial) {
    const rule = formRRule(form, viewerZone);
    if (rule) patch.rrule = rule;
  }
  return patch;
}
