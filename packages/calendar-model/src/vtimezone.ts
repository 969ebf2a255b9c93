import { Temporal } from 'temporal-polyfill';
import { civilFromDays, DAY_MS, daysInMonth, formatOffset, weekdayOfDays } from './civil.js';
import { WEEKDAYS } from './rrule.js';

function basicOffset(ms: number): string {
  return formatOffset(ms).replace(':', '');
}

function basicWall(wall: number): string {
  const d = new Date(wall);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${String(d.getUTCFullYear()).padStart(4, '0')}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/**
 * A VTIMEZONE for an IANA zone, built from Temporal's transitions in `year`:
 * one STANDARD (and one DAYLIGHT) observance with a yearly RRULE, the way
 * calendar servers write them. Readers that know the IANA name (we do) ignore
 * it; others get the rules in force that year.
 */
export function buildVTimezone(zoneId: string, year: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zoneId}`];
  const startOfYear = Temporal.PlainDate.from({ year, month: 1, day: 1 }).toZonedDateTime({ timeZone: zoneId });
  const transitions: Temporal.ZonedDateTime[] = [];
  let cursor: Temporal.ZonedDateTime | null = startOfYear;
  while (transitions.length < 2) {
    cursor = cursor.getTimeZoneTransition('next');
    if (!cursor || cursor.year !== year) break;
    transitions.push(cursor);
  }
  if (transitions.length === 0) {
    const offset = basicOffset(startOfYear.offsetNanoseconds / 1e6);
    lines.push('BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD');
  }
  for (const t of transitions) {
    const after = t.offsetNanoseconds / 1e6;
    const before = t.subtract({ nanoseconds: 1 }).offsetNanoseconds / 1e6;
    const wallBefore = t.epochMilliseconds + before;
    const days = Math.floor(wallBefore / DAY_MS);
    const { year: y, month, day } = civilFromDays(days);
    const weekday = WEEKDAYS[weekdayOfDays(days) - 1];
    const nth = day + 7 > daysInMonth(y, month) ? -1 : Math.ceil(day / 7);
    const kind = after > before ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${basicWall(wallBefore)}`,
      `RRULE:FREQ=YEARLY;BYMONTH=${month};BYDAY=${nth}${weekday}`,
      `TZOFFSETFROM:${basicOffset(before)}`,
      `TZOFFSETTO:${basicOffset(after)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
