import { parseRRule } from '@allmende/calendar-model';
import { isoWeekday } from './date-math.js';

/** The repeat choices the event dialog offers. */
export type RepeatKind = 'none' | 'daily' | 'weekly' | 'monthly-date' | 'monthly-weekday' | 'yearly' | 'custom';

/** How a recurrence ends. */
export type RepeatEnd = 'never' | 'on' | 'after';

/** The recurrence part of the event dialog. */
export interface RecurrenceForm {
  kind: RepeatKind;
  /** Every n days, weeks, months or years. */
  interval: number;
  /** Weekly: the days, as RRULE codes (MO … SU). */
  weekdays: string[];
  ends: RepeatEnd;
  /** Last day (inclusive), "YYYY-MM-DD", for `ends: 'on'`. */
  until: string;
  /** Number of occurrences, for `ends: 'after'`. */
  count: number;
  /** The RRULE text, for `kind: 'custom'`. */
  custom: string;
}

const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The weekday code of a date ("2026-11-30" → "MO"). */
export function weekdayCode(date: string): string {
  return CODES[isoWeekday(date) - 1]!;
}

/** The ordinal of a date's weekday in its month: 1 … 4, or −1 for the last one (so "the last Monday" stays last in every month). */
export function weekdayOrdinal(date: string): number {
  const day = Number(date.slice(8, 10));
  const n = Math.ceil(day / 7);
  return n >= 5 ? -1 : n;
}

/** The form for an event without a rule, on the date `start` begins. */
export function emptyRecurrence(start: string): RecurrenceForm {
  return { kind: 'none', interval: 1, weekdays: [weekdayCode(start.slice(0, 10))], ends: 'never', until: '', count: 10, custom: '' };
}

/** What an UNTIL on the last day needs: the end of that day as a UTC "YYYYMMDDTHHMMSSZ", or a DATE for all-day events. */
export type UntilWriter = (lastDay: string) => string;

/**
 * The RRULE of a filled-in form, or `undefined` for "does not repeat".
 * `start` is the event's local start; `until` writes the UNTIL value (see
 * {@link UntilWriter}). Throws a `RangeError` with a message for people when
 * the form or the custom rule is not valid (the engine's parser checks it).
 */
export function formToRRule(form: RecurrenceForm, start: string, until: UntilWriter): string | undefined {
  if (form.kind === 'none') return undefined;
  if (form.kind === 'custom') {
    const text = form.custom.trim().replace(/^RRULE:/i, '');
    if (!text) throw new RangeError('Enter a rule such as FREQ=WEEKLY;BYDAY=MO,WE.');
    parseRRule(text);
    return text;
  }
  if (!Number.isInteger(form.interval) || form.interval < 1 || form.interval > 999) {
    throw new RangeError('The interval must be a whole number from 1 to 999.');
  }
  const date = start.slice(0, 10);
  const parts: string[] = [];
  switch (form.kind) {
    case 'daily':
      parts.push('FREQ=DAILY');
      break;
    case 'weekly': {
      const days = CODES.filter((code) => form.weekdays.includes(code));
      if (days.length === 0) throw new RangeError('Choose at least one weekday.');
      parts.push('FREQ=WEEKLY', `BYDAY=${days.join(',')}`);
      break;
    }
    case 'monthly-date':
      parts.push('FREQ=MONTHLY', `BYMONTHDAY=${Number(date.slice(8, 10))}`);
      break;
    case 'monthly-weekday':
      parts.push('FREQ=MONTHLY', `BYDAY=${weekdayOrdinal(date)}${weekdayCode(date)}`);
      break;
    case 'yearly':
      parts.push('FREQ=YEARLY');
      break;
  }
  if (form.interval !== 1) parts.push(`INTERVAL=${form.interval}`);
  if (form.ends === 'on') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.until)) throw new RangeError('Choose the date the series ends on.');
    if (form.until < date) throw new RangeError('The series cannot end before it starts.');
    parts.push(`UNTIL=${until(form.until)}`);
  } else if (form.ends === 'after') {
    if (!Number.isInteger(form.count) || form.count < 1 || form.count > 9999) throw new RangeError('The number of times must be a whole number from 1 to 9999.');
    parts.push(`COUNT=${form.count}`);
  }
  const rule = parts.join(';');
  parseRRule(rule);
  return rule;
}

/**
 * The form that shows an event's rule: one of the simple choices when the
 * rule is exactly what that choice writes, else `custom` with the rule text.
 * `untilDay` turns an UNTIL value back into the last day in the event's zone.
 */
export function rruleToForm(rrule: string | undefined, start: string, untilDay: (until: string) => string): RecurrenceForm {
  const form = emptyRecurrence(start);
  if (!rrule) return form;
  const custom = { ...form, kind: 'custom' as const, custom: rrule };
  const parts = new Map<string, string>();
  for (const part of rrule.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) return custom;
    parts.set(part.slice(0, eq).toUpperCase(), part.slice(eq + 1).toUpperCase());
  }
  const date = start.slice(0, 10);
  const freq = parts.get('FREQ');
  const interval = parts.get('INTERVAL') ?? '1';
  if (!/^\d{1,3}$/.test(interval) || Number(interval) < 1) return custom;
  form.interval = Number(interval);
  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count !== undefined) {
    if (!/^\d{1,4}$/.test(count)) return custom;
    form.ends = 'after';
    form.count = Number(count);
  } else if (until !== undefined) {
    form.ends = 'on';
    form.until = untilDay(until);
  }
  const known = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL']);
  const byday = parts.get('BYDAY');
  const bymonthday = parts.get('BYMONTHDAY');
  const rest = [...parts.keys()].filter((key) => !known.has(key) && key !== 'BYDAY' && key !== 'BYMONTHDAY');
  if (rest.length > 0) return custom;
  if (freq === 'DAILY' && !byday && !bymonthday) form.kind = 'daily';
  else if (freq === 'YEARLY' && !byday && !bymonthday) form.kind = 'yearly';
  else if (freq === 'WEEKLY' && !bymonthday) {
    const days = byday ? byday.split(',') : [weekdayCode(date)];
    if (!days.every((d) => CODES.includes(d))) return custom;
    form.kind = 'weekly';
    form.weekdays = days;
  } else if (freq === 'MONTHLY' && !byday && (bymonthday === undefined || Number(bymonthday) === Number(date.slice(8, 10)))) {
    form.kind = 'monthly-date';
  } else if (freq === 'MONTHLY' && !bymonthday && byday === `${weekdayOrdinal(date)}${weekdayCode(date)}`) {
    form.kind = 'monthly-weekday';
  } else return custom;
  return form;
}
