import { Temporal } from 'temporal-polyfill';
import { DAY_MS, formatDate, formatWall, wallFromParts, daysInMonth } from './civil.js';

/** A parsed local start or end: wall milliseconds and whether it is a date without time. */
export interface LocalTime {
  wall: number;
  allDay: boolean;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Parses a local date ("2026-03-29", an all-day date) or date-time
 * ("2026-03-29T09:30" or "2026-03-29T09:30:00", a wall-clock time read in
 * the event's zone, or floating without one). Throws a RangeError otherwise.
 */
export function parseLocalTime(text: string, what = 'time'): LocalTime {
  if (typeof text !== 'string') throw new TypeError(`The ${what} must be a string such as "2026-03-29T09:30:00" or "2026-03-29".`);
  const m = LOCAL.exec(text);
  if (!m) {
    throw new RangeError(`The ${what} "${text}" is not a local date "YYYY-MM-DD" or date-time "YYYY-MM-DDTHH:MM[:SS]" (put the zone in timeZone, not in the string).`);
  }
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`The ${what} "${text}" names a day that does not exist.`);
  }
  if (m[4] === undefined) return { wall: wallFromParts(year, month, day), allDay: true };
  const hour = Number(m[4]), minute = Number(m[5]), second = Number(m[6] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) throw new RangeError(`The ${what} "${text}" has a time of day out of range.`);
  return { wall: wallFromParts(year, month, day, hour, minute, second), allDay: false };
}

/** Formats wall milliseconds back to the local form `parseLocalTime` reads. */
export function formatLocalTime(wall: number, allDay: boolean): string {
  return allDay ? formatDate(Math.floor(wall / DAY_MS)) : formatWall(wall);
}

/** Something that names an instant: an ISO 8601 string with an offset or Z, a Date, epoch milliseconds, or a Temporal.Instant/ZonedDateTime. */
export type InstantInput = string | number | Date | Temporal.Instant | Temporal.ZonedDateTime;

/**
 * Epoch milliseconds of an instant. A string without an offset (a plain date
 * or date-time) is read in `timeZone`, so `{ from: '2026-03-01' }` means
 * midnight in the viewer's zone.
 */
export function toEpochMs(value: InstantInput, timeZone: string, what: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number of epoch milliseconds.`);
    return value;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new RangeError(`${what} is an invalid Date.`);
    return ms;
  }
  if (value instanceof Temporal.Instant || value instanceof Temporal.ZonedDateTime) return value.epochMilliseconds;
  if (typeof value === 'string') {
    try {
      if (/(?:Z|[+-]\d{2}(?::?\d{2})?)(?:\[.*\])?$/i.test(value) && value.includes('T')) {
        return Temporal.Instant.from(value).epochMilliseconds;
      }
      return Temporal.PlainDateTime.from(value).toZonedDateTime(timeZone).epochMilliseconds;
    } catch {
      throw new RangeError(`${what} "${value}" is not an ISO 8601 date-time such as "2026-03-01T00:00:00+01:00" or "2026-03-01".`);
    }
  }
  throw new TypeError(`${what} must be an ISO 8601 string, a Date, epoch milliseconds or a Temporal instant.`);
}
