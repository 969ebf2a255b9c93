/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Days since 1970-01-01 of a plain ISO date ("2026-11-30"). */
export function dayNumber(date: string): number {
  const m = ISO_DATE.exec(date.slice(0, 10));
  if (!m) throw new RangeError(`"${date}" is not an ISO date (YYYY-MM-DD).`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/** The plain ISO date of a day number (see {@link dayNumber}). */
export function isoDate(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `date` moved by `days` days. */
export function addDays(date: string, days: number): string {
  return isoDate(dayNumber(date) + days);
}

/** `date` moved by `months` months; the day is clamped to the length of the target month (Jan 31 + 1 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The first day of the week that contains `date`, for weeks starting on ISO weekday `firstDay`. */
export function startOfWeek(date: string, firstDay: number): string {
  const back = (isoWeekday(date) - firstDay + 7) % 7;
  return addDays(date, -back);
}

/** The first day of the month of `date`. */
export function startOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Local wall-clock text "YYYY-MM-DDTHH:MM:SS" as milliseconds on a UTC time line, for arithmetic without a zone. */
export function wallToMs(wall: string): number {
  if (wall.length === 10) return dayNumber(wall) * DAY_MS;
  const m = ISO_WALL.exec(wall);
  if (!m) throw new RangeError(`"${wall}" is not a local date-time (YYYY-MM-DDTHH:MM[:SS]).`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

/** The inverse of {@link wallToMs}: "YYYY-MM-DDTHH:MM:SS". */
export function msToWall(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Minutes since midnight of a local date-time text ("2026-03-29T09:30:00+02:00" → 570); 0 for a plain date. */
export function minuteOfDay(wall: string): number {
  if (wall.length <= 10) return 0;
  return Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16));
}

/** A local date-time text for a date and a minute of the day ("2026-03-29", 570 → "2026-03-29T09:30:00"); minutes past 24 h roll over. */
export function wallAt(date: string, minute: number): string {
  return msToWall(dayNumber(date) * DAY_MS + minute * 60_000);
}

/** The view kinds of `<allmende-calendar>`. */
export type CalendarView = 'month' | 'week' | 'workweek' | 'day' | 'agenda' | 'year';

/** The views in menu order. */
export const VIEWS: readonly CalendarView[] = ['day', 'workweek', 'week', 'month', 'year', 'agenda'];

/** Days shown by the agenda view. */
export const AGENDA_DAYS = 30;

/** The days a view shows for a date: `from` inclusive, `to` exclusive, and the days of its grid. */
export interface ViewRange {
  from: string;
  to: string;
  days: string[];
}

/**
 * The range a view covers around `date`: the weeks spanning its month (month
 * view, whole weeks from `firstDay`), its week or work week (Monday to Friday,
 * whatever the first day), the day, the year, or 30 days from the date (agenda).
 */
export function viewRange(view: CalendarView, date: string, firstDay: number): ViewRange {
  let from: string;
  let to: string;
  switch (view) {
    case 'month': {
      const first = startOfMonth(date);
      from = startOfWeek(first, firstDay);
      const next = addMonths(first, 1);
      const endWeek = startOfWeek(addDays(next, -1), firstDay);
      to = addDays(endWeek, 7);
      break;
    }
    case 'week':
      from = startOfWeek(date, firstDay);
      to = addDays(from, 7);
      break;
    case 'workweek':
      from = startOfWeek(date, 1);
      to = addDays(from, 5);
      break;
    case 'day':
      from = date;
      to = addDays(date, 1);
      break;
    case 'year':
      from = `${date.slice(0, 4)}-01-01`;
      to = `${String(Number(date.slice(0, 4)) + 1).padStart(4, '0')}-01-01`;
      break;
    case 'agenda':
      from = date;
      to = addDays(date, AGENDA_DAYS);
      break;
  }
  const days: string[] = [];
  if (view !== 'year' && view !== 'agenda') for (let d = from; d < to; d = addDays(d, 1)) days.push(d);
  return { from, to, days };
}

/** The date the previous (`step` −1) or next (+1) page of a view starts from. */
export function stepDate(view: CalendarView, date: string, step: number): string {
  switch (view) {
    case 'month':
      return addMonths(startOfMonth(date), step);
    case 'week':
    case 'workweek':
      return addDays(date, 7 * step);
    case 'day':
      return addDays(date, step);
    case 'year':
      return addMonths(date, 12 * step);
    case 'agenda':
      return addDays(date, AGENDA_DAYS * step);
  }
}

/** Regions whose weeks start on Sunday (CLDR), for browsers without `Intl.Locale` week info. */
const SUNDAY_REGIONS = new Set(['US', 'CA', 'MX', 'BR', 'JP', 'IL', 'KR', 'TW', 'PH', 'IN', 'ZA', 'HK', 'SA', 'PE', 'CO', 'GT', 'AR']);

interface WeekInfoLocale {
  getWeekInfo?: () => { firstDay?: number };
  weekInfo?: { firstDay?: number };
}

/**
 * The ISO weekday a week starts on in `locale`: from `Intl.Locale` week
 * information where the browser has it, else Monday, except Sunday for the
 * regions that use it (a bare `en` counts as `en-US`, as `Intl` reads it).
 */
export function weekStart(locale: string): number {
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(locale || 'en');
  } catch {
    return 1;
  }
  const info = tag as unknown as WeekInfoLocale;
  const first = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay;
  if (typeof first === 'number' && first >= 1 && first <= 7) return first;
  const region = tag.region ?? (tag.language === 'en' ? 'US' : undefined);
  return region && SUNDAY_REGIONS.has(region) ? 7 : 1;
}
