/**
 * Proleptic Gregorian calendar arithmetic on plain integers. The recurrence
 * engine works on "wall time": milliseconds counted as if the local date and
 * time were UTC, so that adding a day is adding 86,400,000 whatever the zone.
 */

/** Milliseconds in a nominal day. */
export const DAY_MS = 86_400_000;

/** Whether `year` is a leap year in the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1]!;
}

/** The number of days in `year`. */
export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** Days since 1970-01-01 of a calendar date (month 1–12); days may overflow. */
export function daysFromCivil(year: number, month: number, day: number): number {
  // Shift the year to start in March so the leap day is the last day of the year.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** A calendar date. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: era * 400 + yoe + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function weekdayOfDays(days: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/** Wall milliseconds of a local date and time. */
export function wallFromParts(
  year: number, month: number, day: number, hour = 0, minute = 0, second = 0,
): number {
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** Local date and time fields of wall milliseconds. */
export interface WallParts extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

/** Splits wall milliseconds into calendar fields. */
export function partsFromWall(wall: number): WallParts {
  const days = Math.floor(wall / DAY_MS);
  const secs = Math.floor((wall - days * DAY_MS) / 1000);
  const date = civilFromDays(days);
  return {
    year: date.year,
    month: date.month,
    day: date.day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor(secs / 60) % 60,
    second: secs % 60,
  };
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

function year4(year: number): string {
  return year >= 1000 && year <= 9999 ? String(year) : year < 0 ? `-${String(-year).padStart(4, '0')}` : String(year).padStart(4, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year4(year)}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}`;
}

/** `YYYY-MM-DDTHH:MM:SS` of wall milliseconds. */
export function formatWall(wall: number): string {
  const days = Math.floor(wall / DAY_MS);
  const secs = Math.floor((wall - days * DAY_MS) / 1000);
  const { year, month, day } = civilFromDays(days);
  return `${year4(year)}-${TWO_DIGITS[month]}-${TWO_DIGITS[day]}T${TWO_DIGITS[Math.floor(secs / 3600)]}:${TWO_DIGITS[Math.floor(secs / 60) % 60]}:${TWO_DIGITS[secs % 60]}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `+HH:MM` of an offset in milliseconds. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${pad(h, 2)}:${pad(m, 2)}${s ? `:${pad(s, 2)}` : ''}`;
}
