import { daysFromCivil, daysInMonth, DAY_MS, wallFromParts } from './civil.js';

/** Recurrence frequencies, from the coarsest to the finest. */
export const FREQUENCIES = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY', 'MINUTELY', 'SECONDLY'] as const;

/** A recurrence frequency (RFC 5545 §3.3.10). */
export type Frequency = (typeof FREQUENCIES)[number];

/** Weekday codes in ISO order: index 0 is Monday. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** One BYDAY entry: an ISO weekday (1 = Monday … 7 = Sunday), with an ordinal (0 = every). */
export interface WeekdayNum {
  n: number;
  weekday: number;
}

/** The UNTIL bound of a rule: a date, a floating local date-time, or a UTC instant. */
export type Until =
  | { kind: 'date'; days: number }
  | { kind: 'local'; wall: number }
  | { kind: 'utc'; epoch: number };

/** A parsed, validated RRULE. */
export interface RecurrenceRule {
  freq: Frequency;
  interval: number;
  count?: number;
  until?: Until;
  /** ISO weekday the week starts on (1 = Monday, the default). */
  wkst: number;
  bySecond?: number[];
  byMinute?: number[];
  byHour?: number[];
  byDay?: WeekdayNum[];
  byMonthDay?: number[];
  byYearDay?: number[];
  byWeekNo?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  /** Rule parts named X-… kept verbatim so that a round trip loses nothing. */
  extensions?: [string, string][];
}

function fail(source: string, why: string): never {
  throw new RangeError(`Invalid RRULE "${source}": ${why}.`);
}

function parseIntList(source: string, name: string, value: string, max: number): number[] {
  if (value === '') fail(source, `${name} is empty`);
  return value.split(',').map((part) => {
    if (!/^[+-]?\d{1,4}$/.test(part)) fail(source, `${name} value "${part}" is not an integer`);
    const n = Number(part);
    if (n === 0 || Math.abs(n) > max) fail(source, `${name}=${part} is out of range (±1…${max})`);
    return n;
  });
}

function parseUnsignedList(source: string, name: string, value: string, min: number, max: number): number[] {
  if (value === '') fail(source, `${name} is empty`);
  return value.split(',').map((part) => {
    if (!/^\d{1,2}$/.test(part)) fail(source, `${name} value "${part}" is not an unsigned integer`);
    const n = Number(part);
    if (n < min || n > max) fail(source, `${name}=${part} is out of range (${min}…${max})`);
    return n;
  });
}

function parseWeekday(source: string, code: string): number {
  const index = (WEEKDAYS as readonly string[]).indexOf(code);
  if (index < 0) fail(source, `"${code}" is not a weekday (MO, TU, WE, TH, FR, SA, SU)`);
  return index + 1;
}

/** Parses an iCalendar DATE or DATE-TIME value used by UNTIL, RDATE and EXDATE. */
export function parseICalDateTime(value: string): Until | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, z] = m;
  const year = Number(y), month = Number(mo), day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  const days = daysFromCivil(year, month, day);
  if (h === undefined) return { kind: 'date', days };
  const hour = Number(h), minute = Number(mi), second = Number(s);
  if (hour > 23 || minute > 59 || second > 60) return undefined;
  const wall = wallFromParts(year, month, day, hour, minute, Math.min(second, 59));
  return z ? { kind: 'utc', epoch: wall } : { kind: 'local', wall };
}

const PART_ORDER = [
  'FREQ', 'UNTIL', 'COUNT', 'INTERVAL', 'BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY',
  'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYMONTH', 'BYSETPOS', 'WKST',
] as const;

/**
 * Parses an RRULE value ("FREQ=MONTHLY;BYDAY=-1FR", with or without the
 * "RRULE:" prefix) and checks every part against RFC 5545 §3.3.10. Throws a
 * RangeError naming the offending part for a missing FREQ, a value out of
 * range (BYMONTHDAY=32), both COUNT and UNTIL, a part the frequency does not
 * allow, or a combination that can never match a date (BYMONTH=2;BYMONTHDAY=30).
 */
export function parseRRule(text: string): RecurrenceRule {
  if (typeof text !== 'string') throw new TypeError('An RRULE must be a string.');
  const source = text.trim().replace(/^RRULE:/i, '');
  if (source === '') fail(text, 'it is empty');
  const parts = new Map<string, string>();
  const extensions: [string, string][] = [];
  for (const piece of source.split(';')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    if (eq <= 0) fail(source, `"${piece}" is not NAME=VALUE`);
    const name = piece.slice(0, eq).toUpperCase();
    const value = piece.slice(eq + 1).toUpperCase();
    if (name.startsWith('X-')) {
      extensions.push([name, piece.slice(eq + 1)]);
      continue;
    }
    if (!(PART_ORDER as readonly string[]).includes(name)) fail(source, `unknown rule part ${name}`);
    if (parts.has(name)) fail(source, `${name} appears twice`);
    parts.set(name, value);
  }
  const freqText = parts.get('FREQ');
  if (freqText === undefined) fail(source, 'FREQ is missing (for example FREQ=WEEKLY)');
  if (!(FREQUENCIES as readonly string[]).includes(freqText)) fail(source, `FREQ=${freqText} is not one of ${FREQUENCIES.join(', ')}`);
  const freq = freqText as Frequency;
  const rule: RecurrenceRule = { freq, interval: 1, wkst: 1 };

  const intervalText = parts.get('INTERVAL');
  if (intervalText !== undefined) {
    if (!/^\d{1,9}$/.test(intervalText) || Number(intervalText) < 1) fail(source, `INTERVAL=${intervalText} must be a positive integer`);
    rule.interval = Number(intervalText);
  }
  const countText = parts.get('COUNT');
  if (countText !== undefined) {
    if (!/^\d{1,9}$/.test(countText) || Number(countText) < 1) fail(source, `COUNT=${countText} must be a positive integer`);
    rule.count = Number(countText);
  }
  const untilText = parts.get('UNTIL');
  if (untilText !== undefined) {
    if (countText !== undefined) fail(source, 'COUNT and UNTIL cannot both be given');
    const until = parseICalDateTime(untilText);
    if (!until) fail(source, `UNTIL=${untilText} is not a DATE (YYYYMMDD) or DATE-TIME (YYYYMMDDTHHMMSS[Z])`);
    rule.until = until;
  }
  const wkst = parts.get('WKST');
  if (wkst !== undefined) rule.wkst = parseWeekday(source, wkst);

  const get = (name: string): string | undefined => parts.get(name);
  const bySecond = get('BYSECOND');
  if (bySecond !== undefined) rule.bySecond = parseUnsignedList(source, 'BYSECOND', bySecond, 0, 60);
  const byMinute = get('BYMINUTE');
  if (byMinute !== undefined) rule.byMinute = parseUnsignedList(source, 'BYMINUTE', byMinute, 0, 59);
  const byHour = get('BYHOUR');
  if (byHour !== undefined) rule.byHour = parseUnsignedList(source, 'BYHOUR', byHour, 0, 23);
  const byMonthDay = get('BYMONTHDAY');
  if (byMonthDay !== undefined) {
    if (freq === 'WEEKLY') fail(source, 'BYMONTHDAY is not allowed with FREQ=WEEKLY');
    rule.byMonthDay = parseIntList(source, 'BYMONTHDAY', byMonthDay, 31);
  }
  const byYearDay = get('BYYEARDAY');
  if (byYearDay !== undefined) {
    if (freq === 'DAILY' || freq === 'WEEKLY' || freq === 'MONTHLY') fail(source, `BYYEARDAY is not allowed with FREQ=${freq}`);
    rule.byYearDay = parseIntList(source, 'BYYEARDAY', byYearDay, 366);
  }
  const byWeekNo = get('BYWEEKNO');
  if (byWeekNo !== undefined) {
    if (freq !== 'YEARLY') fail(source, 'BYWEEKNO is only allowed with FREQ=YEARLY');
    rule.byWeekNo = parseIntList(source, 'BYWEEKNO', byWeekNo, 53);
  }
  const byMonth = get('BYMONTH');
  if (byMonth !== undefined) rule.byMonth = parseUnsignedList(source, 'BYMONTH', byMonth, 1, 12);
  const byDay = get('BYDAY');
  if (byDay !== undefined) {
    if (byDay === '') fail(source, 'BYDAY is empty');
    rule.byDay = byDay.split(',').map((entry) => {
      const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(entry);
      if (!m) fail(source, `BYDAY value "${entry}" is not [±n]WEEKDAY`);
      const n = m[1] === undefined ? 0 : Number(m[1]);
      if (m[1] !== undefined) {
        if (n === 0 || Math.abs(n) > 53) fail(source, `BYDAY ordinal ${m[1]} is out of range (±1…53)`);
        if (freq !== 'MONTHLY' && freq !== 'YEARLY') fail(source, `BYDAY=${entry}: an ordinal needs FREQ=MONTHLY or FREQ=YEARLY`);
        if (freq === 'YEARLY' && rule.byWeekNo) fail(source, `BYDAY=${entry}: an ordinal cannot be combined with BYWEEKNO`);
        if (freq === 'MONTHLY' && Math.abs(n) > 5) fail(source, `BYDAY=${entry}: a month has at most 5 of each weekday`);
        if (freq === 'YEARLY' && rule.byMonth && Math.abs(n) > 5) fail(source, `BYDAY=${entry}: within BYMONTH a month has at most 5 of each weekday`);
      }
      return { n, weekday: parseWeekday(source, m[2]!) };
    });
  }
  const bySetPos = get('BYSETPOS');
  if (bySetPos !== undefined) {
    rule.bySetPos = parseIntList(source, 'BYSETPOS', bySetPos, 366);
    const hasBy = ['BYSECOND', 'BYMINUTE', 'BYHOUR', 'BYDAY', 'BYMONTHDAY', 'BYYEARDAY', 'BYWEEKNO', 'BYMONTH'].some((p) => parts.has(p));
    if (!hasBy) fail(source, 'BYSETPOS needs another BYxxx part to select from');
  }
  if (extensions.length > 0) rule.extensions = extensions;
  checkSatisfiable(source, rule);
  return rule;
}

const MAX_MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function checkSatisfiable(source: string, rule: RecurrenceRule): void {
  if (rule.byMonth && rule.byMonthDay) {
    const possible = rule.byMonth.some((month) =>
      rule.byMonthDay!.some((d) => Math.abs(d) <= MAX_MONTH_DAYS[month]!));
    if (!possible) fail(source, `no month in BYMONTH=${rule.byMonth.join(',')} has day ${rule.byMonthDay.join(',')}`);
  }
}

function list(values: number[] | undefined): string | undefined {
  return values?.join(',');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Formats an UNTIL, RDATE or EXDATE value in iCalendar basic form. */
export function formatICalDateTime(value: Until): string {
  const wall = value.kind === 'date' ? value.days * DAY_MS : value.kind === 'local' ? value.wall : value.epoch;
  const d = new Date(wall);
  const date = `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
  if (value.kind === 'date') return date;
  const time = `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  return value.kind === 'utc' ? `${date}${time}Z` : `${date}${time}`;
}

/** Writes a rule back as an RRULE value, in a canonical part order. */
export function formatRRule(rule: RecurrenceRule): string {
  const out: string[] = [`FREQ=${rule.freq}`];
  if (rule.until) out.push(`UNTIL=${formatICalDateTime(rule.until)}`);
  if (rule.count !== undefined) out.push(`COUNT=${rule.count}`);
  if (rule.interval !== 1) out.push(`INTERVAL=${rule.interval}`);
  const add = (name: string, value: string | undefined): void => {
    if (value !== undefined) out.push(`${name}=${value}`);
  };
  add('BYSECOND', list(rule.bySecond));
  add('BYMINUTE', list(rule.byMinute));
  add('BYHOUR', list(rule.byHour));
  add('BYDAY', rule.byDay?.map((d) => `${d.n === 0 ? '' : d.n}${WEEKDAYS[d.weekday - 1]}`).join(','));
  add('BYMONTHDAY', list(rule.byMonthDay));
  add('BYYEARDAY', list(rule.byYearDay));
  add('BYWEEKNO', list(rule.byWeekNo));
  add('BYMONTH', list(rule.byMonth));
  add('BYSETPOS', list(rule.bySetPos));
  if (rule.wkst !== 1) out.push(`WKST=${WEEKDAYS[rule.wkst - 1]}`);
  for (const [name, value] of rule.extensions ?? []) out.push(`${name}=${value}`);
  return out.join(';');
}
