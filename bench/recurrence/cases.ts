// The four workloads of issue 7 and a seeded generator for the 1,000 mixed events of (d).
import type { SeriesSpec } from './engines.js';
import { mulberry32 } from '../seeded-random.js';

/** One workload: a series and a window (epoch ms, end exclusive). */
export interface Workload {
  id: string;
  title: string;
  spec: SeriesSpec;
  from: number;
  to: number;
}

export const BERLIN = 'Europe/Berlin';

/** (a), (b) and (c). */
export const SINGLE_WORKLOADS: Workload[] = [
  {
    id: 'a',
    title: '30 daily occurrences in Europe/Berlin (across the March DST change)',
    spec: { dtstart: '20260315T090000', timeZone: BERLIN, rrule: 'FREQ=DAILY;COUNT=30' },
    from: Date.UTC(2026, 0, 1),
    to: Date.UTC(2027, 0, 1),
  },
  {
    id: 'b',
    title: 'last weekday of the month for 20 years (240 instances)',
    spec: { dtstart: '20060131T170000', timeZone: BERLIN, rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=240' },
    from: Date.UTC(2006, 0, 1),
    to: Date.UTC(2027, 0, 1),
  },
  {
    id: 'c',
    title: 'one-week window of a daily series that began in 2006',
    spec: { dtstart: '20060102T080000', timeZone: BERLIN, rrule: 'FREQ=DAILY' },
    from: Date.UTC(2026, 5, 1) - 2 * 3_600_000,
    to: Date.UTC(2026, 5, 8) - 2 * 3_600_000,
  },
];

/** The same one-week window on daily series that began at different times, to show the cost follows the window. */
export function ageWorkloads(): Workload[] {
  const c = SINGLE_WORKLOADS[2]!;
  return ['20260101T080000', '20160104T080000', '20060102T080000', '19960101T080000'].map((dtstart) => ({
    ...c,
    id: `c-${dtstart.slice(0, 4)}`,
    title: `one-week window, daily series since ${dtstart.slice(0, 4)}`,
    spec: { ...c.spec, dtstart },
  }));
}

const ZONES = ['Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];

/**
 * 1,000 recurring events like a shared office calendar holds: daily stand-ups, weekly meetings
 * on one or more weekdays, monthly ones on a day of the month or the nth weekday, yearly ones;
 * some with COUNT, some with UNTIL, most open-ended; started between 2008 and 2026.
 */
export function mixedSeries(count: number, seed = 7): SeriesSpec[] {
  const rand = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const out: SeriesSpec[] = [];
  for (let i = 0; i < count; i++) {
    const year = 2008 + Math.floor(rand() * 19);
    const month = 1 + Math.floor(rand() * 12);
    const hour = 7 + Math.floor(rand() * 11);
    const minute = pick([0, 15, 30, 45]);
    const kind = rand();
    let rule: string;
    let day = 1 + Math.floor(rand() * 28);
    if (kind < 0.2) {
      rule = `FREQ=DAILY${rand() < 0.5 ? `;INTERVAL=${1 + Math.floor(rand() * 3)}` : ''}`;
    } else if (kind < 0.55) {
      const days = [...new Set([pick(WEEKDAYS), pick(WEEKDAYS)])];
      rule = `FREQ=WEEKLY;INTERVAL=${pick([1, 1, 2])};BYDAY=${days.join(',')}`;
      // Start on a matching weekday, as calendar apps do.
      const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
      const want = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'].indexOf(days[0]!);
      day += (want - weekday + 7) % 7;
    } else if (kind < 0.75) {
      rule = 'FREQ=MONTHLY';
    } else if (kind < 0.9) {
      const nth = pick([1, 2, 3, -1]);
      const wd = pick(WEEKDAYS);
      rule = `FREQ=MONTHLY;BYDAY=${nth}${wd}`;
      // Start on the first matching day of that month.
      const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
      const want = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'].indexOf(wd);
      const firstMatch = 1 + ((want - first + 7) % 7);
      const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
      day = nth > 0 ? firstMatch + 7 * (nth - 1) : firstMatch + 7 * Math.floor((days - firstMatch) / 7);
    } else {
      rule = 'FREQ=YEARLY';
    }
    const end = rand();
    if (end < 0.15) rule += `;COUNT=${10 + Math.floor(rand() * 400)}`;
    else if (end < 0.3) rule += `;UNTIL=${year + 1 + Math.floor(rand() * 20)}1231T235959Z`;
    // Normalize a day pushed past the end of the month.
    const date = new Date(Date.UTC(year, month - 1, day));
    const ymd = `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
    out.push({ dtstart: `${ymd}T${pad(hour)}${pad(minute)}00`, timeZone: pick(ZONES), rrule: rule });
  }
  return out;
}
