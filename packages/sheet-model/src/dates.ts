const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Converts a calendar date to a serial day number counted from 1899-12-30 (serial 1 is 1899-12-31), rolling over months and days as Excel's DATE does. */
export function dateToSerial(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(0, 0, 0, 0);
  return Math.round((d.getTime() - EPOCH) / DAY_MS);
}

/** A calendar date split into its parts, with the weekday (0 = Sunday). */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly weekday: number;
}

/** Converts a serial day number (its integer part) back to a calendar date. */
export function serialToDate(serial: number): CivilDate {
  const d = new Date(EPOCH + Math.floor(serial) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() };
}

/** Splits the fractional part of a serial into hours, minutes and seconds (rounded to whole seconds). */
export function serialToTime(serial: number): { hour: number; minute: number; second: number } {
  let secs = Math.round((serial - Math.floor(serial)) * 86_400);
  if (secs >= 86_400) secs = 86_399;
  return { hour: Math.floor(secs / 3600), minute: Math.floor((secs % 3600) / 60), second: secs % 60 };
}

/** Converts a JavaScript time (milliseconds since 1970, UTC) to a serial date-time. */
export function msToSerial(ms: number): number {
  return (ms - EPOCH) / DAY_MS;
}

/** Returns the number of days in a month. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/;
const DMY = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/;
const MDY = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/;
const TIME = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

function valid(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Reads date or time text (2024-03-01, 01.03.2024, 3/1/2024, 14:30, optionally with a time) as a serial; undefined if it is not one. */
export function parseDateText(s: string): number | undefined {
  const t = TIME.exec(s);
  if (t) {
    const h = Number(t[1]);
    const mi = Number(t[2]);
    const se = Number(t[3] ?? 0);
    if (h > 23 || mi > 59 || se > 59) return undefined;
    return (h * 3600 + mi * 60 + se) / 86_400;
  }
  let y: number, m: number, d: number, rest: RegExpExecArray;
  const iso = ISO.exec(s);
  const dmy = iso ? null : DMY.exec(s);
  const mdy = iso || dmy ? null : MDY.exec(s);
  if (iso) [y, m, d, rest] = [Number(iso[1]), Number(iso[2]), Number(iso[3]), iso];
  else if (dmy) [y, m, d, rest] = [Number(dmy[3]), Number(dmy[2]), Number(dmy[1]), dmy];
  else if (mdy) [y, m, d, rest] = [Number(mdy[3]), Number(mdy[1]), Number(mdy[2]), mdy];
  else return undefined;
  if (!valid(y, m, d)) return undefined;
  const h = Number(rest[4] ?? 0);
  const mi = Number(rest[5] ?? 0);
  const se = Number(rest[6] ?? 0);
  if (h > 23 || mi > 59 || se > 59) return undefined;
  return dateToSerial(y, m, d) + (h * 3600 + mi * 60 + se) / 86_400;
}
