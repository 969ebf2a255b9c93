import type { EventInput } from '@allmende/calendar-model';
import { mulberry32 } from '../seeded-random.js';

/** How a benchmark calendar is filled: recurring series that touch every page, and single events per page. */
export interface SeedPlan {
  /** First day of the first page, ISO. */
  from: string;
  /** Pages that get single events (months or weeks). */
  pages: number;
  /** Days per page for spreading the single events (28 for a month, 7 for a week). */
  daysPerPage: number;
  singlesPerPage: number;
  dailySeries: number;
  weeklySeries: number;
}

/** Month view: ≈2,000 occurrences on every month page (40 daily and 60 weekly series ≈ 1,460, plus 600 single events a month). */
export const MONTH_PLAN: SeedPlan = { from: '2026-01-01', pages: 13, daysPerPage: 31, singlesPerPage: 600, dailySeries: 40, weeklySeries: 60 };
/** Week view: ≈500 occurrences on every week page (30 daily series = 210, plus 290 single events a week). */
export const WEEK_PLAN: SeedPlan = { from: '2026-01-05', pages: 13, daysPerPage: 7, singlesPerPage: 290, dailySeries: 30, weeklySeries: 0 };

const ZONE = 'Europe/Berlin';
const TITLES = ['Stand-up', 'Planning', 'Review', 'Budget', 'Call with the district', 'Workshop', '1:1', 'Lunch', 'Training', 'Committee'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dayPlus(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The events of a plan: series first, then single events (a tenth of them all-day, some spanning days). */
export function seedEvents(plan: SeedPlan, calendars: readonly string[]): EventInput[] {
  const rnd = mulberry32(20261130);
  const out: EventInput[] = [];
  const time = (): [string, string] => {
    const start = 7 * 60 + Math.floor(rnd() * 44) * 15;
    const length = 15 * (1 + Math.floor(rnd() * 8));
    const end = Math.min(start + length, 23 * 60 + 45);
    return [`${pad(Math.floor(start / 60))}:${pad(start % 60)}:00`, `${pad(Math.floor(end / 60))}:${pad(end % 60)}:00`];
  };
  const cal = (): string => calendars[Math.floor(rnd() * calendars.length)]!;
  for (let i = 0; i < plan.dailySeries; i++) {
    const [s, e] = time();
    out.push({ summary: `${TITLES[i % TITLES.length]} (daily ${i + 1})`, calendarId: cal(), start: `${plan.from}T${s}`, end: `${plan.from}T${e}`, timeZone: ZONE, rrule: 'FREQ=DAILY' });
  }
  for (let i = 0; i < plan.weeklySeries; i++) {
    const [s, e] = time();
    const day = dayPlus(plan.from, i % 7);
    out.push({ summary: `${TITLES[i % TITLES.length]} (weekly ${i + 1})`, calendarId: cal(), start: `${day}T${s}`, end: `${day}T${e}`, timeZone: ZONE, rrule: 'FREQ=WEEKLY' });
  }
  for (let page = 0; page < plan.pages; page++) {
    for (let i = 0; i < plan.singlesPerPage; i++) {
      const day = dayPlus(plan.from, page * plan.daysPerPage + Math.floor(rnd() * plan.daysPerPage));
      const title = `${TITLES[Math.floor(rnd() * TITLES.length)]} ${page + 1}.${i + 1}`;
      if (rnd() < 0.1) {
        out.push({ summary: title, calendarId: cal(), start: day, end: dayPlus(day, 1 + Math.floor(rnd() * 3)) });
      } else {
        const [s, e] = time();
        out.push({ summary: title, calendarId: cal(), start: `${day}T${s}`, end: `${day}T${e}`, timeZone: ZONE });
      }
    }
  }
  return out;
}
