import {
  civilFromDays, DAY_MS, daysFromCivil, daysInMonth, weekdayOfDays,
} from './civil.js';
import type { RecurrenceRule, WeekdayNum } from './rrule.js';

const YEARLY = 0, MONTHLY = 1, WEEKLY = 2, DAILY = 3, HOURLY = 4, MINUTELY = 5, SECONDLY = 6;
const FREQ_INDEX: Record<string, number> = {
  YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY, SECONDLY,
};
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
const SECOND_MS = 1000;
/** One Gregorian cycle: if a rule finds nothing for this long it never will again. */
const CYCLE_MS = 146_097 * DAY_MS;
/** RFC 5545 years have four digits; nothing is generated after 9999-12-31. */
const MAX_WALL = daysFromCivil(10_000, 1, 1) * DAY_MS;

function sortedUnique(values: number[]): number[] {
  values.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (i === 0 || values[i] !== values[i - 1]) values[n++] = values[i]!;
  }
  values.length = n;
  return values;
}

function flags(values: number[] | undefined, size: number, normalize = (v: number) => v): Uint8Array | null {
  if (!values) return null;
  const out = new Uint8Array(size);
  for (const v of values) out[normalize(v)] = 1;
  return out;
}

/**
 * Expands one RRULE from its DTSTART in local wall time (milliseconds as if
 * the local date-time were UTC). It never walks the series from DTSTART to
 * answer a window: it jumps to the first period that can touch the window.
 * A COUNT is turned once into the wall time of the last instance (in closed
 * form when every period holds the same number of instances, otherwise by one
 * counting pass), and then treated like UNTIL.
 */
export class RuleExpander {
  private readonly freq: number;
  private readonly interval: number;
  private readonly start: number;
  private readonly startDay: number;
  private readonly startYear: number;
  private readonly startMonthIndex: number;
  private readonly startWeek: number;
  private readonly wkst: number;
  private readonly byMonth: Uint8Array | null;
  private readonly byMonthDay: number[] | null;
  private readonly byYearDay: number[] | null;
  private readonly byWeekNo: number[] | null;
  private readonly byDayPlain: Uint8Array | null;
  private readonly byDayOrdinal: WeekdayNum[] | null;
  private readonly byHour: Uint8Array | null;
  private readonly byMinute: Uint8Array | null;
  private readonly bySecond: Uint8Array | null;
  private readonly bySetPos: number[] | null;
  /** Offsets within a day (DAILY and coarser) or within the period (finer). */
  private readonly times: number[];
  private readonly count: number | undefined;
  private untilWall: number;
  private readonly untilEpoch: number;
  private readonly toEpoch: (wall: number) => number;
  private counted = false;
  /** For a COUNT rule that had to be counted: every instance, so later windows are a binary search. */
  private countWalls: number[] | undefined;
  /** Periods examined so far (the work done); tests use it to show a window query does not replay the series. */
  periodsScanned = 0;

  /**
   * @param rule a parsed rule
   * @param start DTSTART as wall milliseconds
   * @param allDay whether DTSTART is a DATE (times of day are then ignored)
   * @param toEpoch converts a wall time of the event's zone to an instant; used only for a UTC UNTIL
   */
  constructor(rule: RecurrenceRule, start: number, allDay: boolean, toEpoch: (wall: number) => number) {
    const freq = FREQ_INDEX[rule.freq]!;
    if (allDay && (freq > DAILY || rule.byHour || rule.byMinute || rule.bySecond)) {
      throw new RangeError(`RRULE FREQ=${rule.freq} with times of day cannot repeat an all-day event: use DAILY or coarser without BYHOUR/BYMINUTE/BYSECOND.`);
    }
    this.freq = freq;
    this.interval = rule.interval;
    this.start = start;
    this.toEpoch = toEpoch;
    const d0 = Math.floor(start / DAY_MS);
    const civil = civilFromDays(d0);
    this.startDay = d0;
    this.startYear = civil.year;
    this.startMonthIndex = civil.year * 12 + civil.month - 1;
    this.wkst = rule.wkst;
    this.startWeek = d0 - ((weekdayOfDays(d0) - rule.wkst + 7) % 7);
    const t0 = start - d0 * DAY_MS;
    const h0 = Math.floor(t0 / HOUR_MS);
    const mi0 = Math.floor((t0 % HOUR_MS) / MINUTE_MS);
    const s0 = Math.floor((t0 % MINUTE_MS) / SECOND_MS);

    let byMonth = rule.byMonth;
    let byMonthDay = rule.byMonthDay;
    let byDay = rule.byDay;
    if (freq === YEARLY && rule.byWeekNo && !rule.byYearDay && !rule.byMonthDay && !rule.byDay) {
      // "Information not contained in the rule is derived from DTSTART" (RFC 5545 §3.3.10):
      // a week number without a weekday means DTSTART's weekday, as FREQ=YEARLY;BYMONTH=1 means DTSTART's day.
      byDay = [{ n: 0, weekday: weekdayOfDays(d0) }];
    }
    if (!rule.byWeekNo && !rule.byYearDay && !rule.byMonthDay && !rule.byDay) {
      if (freq === YEARLY) {
        byMonth ??= [civil.month];
        byMonthDay = [civil.day];
      } else if (freq === MONTHLY) {
        byMonthDay = [civil.day];
      } else if (freq === WEEKLY) {
        byDay = [{ n: 0, weekday: weekdayOfDays(d0) }];
      }
    }
    this.byMonth = flags(byMonth, 13);
    this.byMonthDay = byMonthDay ? sortedUnique([...byMonthDay]) : null;
    this.byYearDay = rule.byYearDay ?? null;
    this.byWeekNo = rule.byWeekNo ?? null;
    const plain = byDay?.filter((d) => d.n === 0).map((d) => d.weekday);
    const ordinal = byDay?.filter((d) => d.n !== 0);
    this.byDayPlain = byDay ? flags(plain, 8) : null;
    this.byDayOrdinal = ordinal && ordinal.length > 0 ? ordinal : null;
    this.bySetPos = rule.bySetPos ?? null;
    this.count = rule.count;

    const seconds = (rule.bySecond ?? [s0]).filter((s) => s < 60);
    const minutes = rule.byMinute ?? [mi0];
    const hours = rule.byHour ?? [h0];
    let times: number[] = [];
    if (allDay) {
      times = [0];
    } else if (freq <= DAILY) {
      for (const h of hours) for (const m of minutes) for (const s of seconds) times.push(h * HOUR_MS + m * MINUTE_MS + s * SECOND_MS);
    } else if (freq === HOURLY) {
      for (const m of minutes) for (const s of seconds) times.push(m * MINUTE_MS + s * SECOND_MS);
    } else if (freq === MINUTELY) {
      for (const s of seconds) times.push(s * SECOND_MS);
    } else {
      times = [0];
    }
    this.times = sortedUnique(times);
    this.byHour = freq >= HOURLY ? flags(rule.byHour, 24) : null;
    this.byMinute = freq >= MINUTELY ? flags(rule.byMinute, 60) : null;
    this.bySecond = freq >= SECONDLY ? flags(rule.bySecond, 61) : null;

    this.untilWall = Infinity;
    this.untilEpoch = Infinity;
    const until = rule.until;
    if (until?.kind === 'date') this.untilWall = allDay ? until.days * DAY_MS : (until.days + 1) * DAY_MS - 1;
    else if (until?.kind === 'local') this.untilWall = until.wall;
    else if (until?.kind === 'utc') {
      this.untilEpoch = until.epoch;
      // Offsets stay within ±26 h, so this wall time is certainly past the end.
      this.untilWall = until.epoch + 26 * HOUR_MS;
    }
  }

  /** Wall time of the last instance, or Infinity for an unbounded rule. */
  get lastWall(): number {
    this.resolveCount();
    return this.untilWall;
  }

  private resolveCount(): void {
    if (this.counted || this.count === undefined) return;
    this.counted = true;
    this.untilWall = this.findCountEnd(this.count);
  }

  private isRegular(): boolean {
    if (this.bySetPos || this.byMonth || this.byMonthDay || this.byYearDay || this.byWeekNo || this.byDayOrdinal) return false;
    if (this.freq === WEEKLY) return true;
    if (this.freq === DAILY) return !this.byDayPlain;
    if (this.freq >= HOURLY) return !this.byDayPlain && !this.byHour && !this.byMinute && !this.bySecond;
    return false;
  }

  private findCountEnd(count: number): number {
    const first = this.candidates(0);
    let n = 1;
    let last = this.start;
    for (const c of first) {
      if (c <= this.start) continue;
      if (n === count) return last;
      n++;
      last = c;
    }
    if (n === count) return last;
    if (this.isRegular()) {
      const perPeriod = this.candidates(1).length;
      if (perPeriod === 0) return last;
      const index = count - n - 1;
      const period = 1 + Math.floor(index / perPeriod);
      const found = this.candidates(period)[index % perPeriod];
      return found === undefined || found > MAX_WALL ? MAX_WALL : found;
    }
    // Irregular rules are counted instance by instance; keep them (COUNT is finite) for later windows.
    const walls = count <= 100_000 ? [this.start, ...first.filter((c) => c > this.start)] : undefined;
    let result = last;
    this.scan(1, MAX_WALL, (c) => {
      if (c <= this.start) return true;
      n++;
      result = c;
      walls?.push(c);
      return n < count;
    });
    this.countWalls = walls;
    return result;
  }

  /**
   * Instances whose wall time lies in [wallFrom, wallTo], ascending. DTSTART
   * is always the first instance, as RFC 5545 says, even when it does not
   * match the rule.
   */
  between(wallFrom: number, wallTo: number): number[] {
    this.resolveCount();
    const counted = this.countWalls;
    if (counted) {
      let lo = 0;
      let hi = counted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (counted[mid]! < wallFrom) lo = mid + 1;
        else hi = mid;
      }
      const slice: number[] = [];
      for (let i = lo; i < counted.length && counted[i]! <= wallTo; i++) slice.push(counted[i]!);
      return slice;
    }
    const out: number[] = [];
    const start = this.start;
    if (start >= wallFrom && start <= wallTo) out.push(start);
    const to = Math.min(wallTo, this.untilWall);
    if (to <= start) return out;
    const from = Math.max(wallFrom, start);
    const checkEpoch = this.untilEpoch !== Infinity;
    // A YEARLY period with BYWEEKNO may begin in the last days of the previous year.
    const lookBack = this.freq === YEARLY ? 7 * DAY_MS : 0;
    this.scan(Math.max(0, this.periodOf(from - lookBack)), to, (c) => {
      if (c <= start || c < from) return true;
      if (c > to) return false;
      if (checkEpoch && this.toEpoch(c) > this.untilEpoch) return false;
      out.push(c);
      return true;
    });
    return out;
  }

  /** The first instance after a wall time, or undefined when the rule has ended (or never matches again). */
  firstAfter(wall: number): number | undefined {
    this.resolveCount();
    if (this.start > wall) return this.start;
    let found: number | undefined;
    this.scan(Math.max(0, this.periodOf(wall - (this.freq === YEARLY ? 7 * DAY_MS : 0))), Math.min(this.untilWall, MAX_WALL), (c) => {
      if (c <= wall || c <= this.start) return true;
      if (c <= this.untilWall && (this.untilEpoch === Infinity || this.toEpoch(c) <= this.untilEpoch)) found = c;
      return false;
    });
    return found;
  }

  /** Visits candidates from period `p` until one period starts after `wallTo` or `visit` returns false. */
  private scan(p: number, wallTo: number, visit: (wall: number) => boolean): void {
    let lastFound = this.lowerBound(p);
    const limit = Math.min(wallTo, MAX_WALL);
    for (;;) {
      const lower = this.lowerBound(p);
      if (lower > limit || lower - lastFound > CYCLE_MS) return;
      const found = this.candidates(p);
      this.periodsScanned++;
      if (found.length > 0) {
        lastFound = found[found.length - 1]!;
        for (const c of found) if (!visit(c)) return;
        p++;
      } else {
        p = this.nextPeriod(p);
      }
    }
  }

  /** The period index holding a wall time (may be negative before DTSTART). */
  private periodOf(wall: number): number {
    const day = Math.floor(wall / DAY_MS);
    let n: number;
    switch (this.freq) {
      case YEARLY: n = civilFromDays(day).year - this.startYear; break;
      case MONTHLY: {
        const c = civilFromDays(day);
        n = c.year * 12 + c.month - 1 - this.startMonthIndex;
        break;
      }
      case WEEKLY: n = Math.floor((day - this.startWeek) / 7); break;
      case DAILY: n = day - this.startDay; break;
      case HOURLY: n = Math.floor(wall / HOUR_MS) - Math.floor(this.start / HOUR_MS); break;
      case MINUTELY: n = Math.floor(wall / MINUTE_MS) - Math.floor(this.start / MINUTE_MS); break;
      default: n = Math.floor(wall / SECOND_MS) - Math.floor(this.start / SECOND_MS);
    }
    return Math.floor(n / this.interval);
  }

  /** The earliest wall time any candidate of period `p` can have. */
  private lowerBound(p: number): number {
    const k = p * this.interval;
    switch (this.freq) {
      case YEARLY: return (daysFromCivil(this.startYear + k, 1, 1) - 7) * DAY_MS;
      case MONTHLY: {
        const m = this.startMonthIndex + k;
        return daysFromCivil(Math.floor(m / 12), (m % 12) + 1, 1) * DAY_MS;
      }
      case WEEKLY: return (this.startWeek + 7 * k) * DAY_MS;
      case DAILY: return (this.startDay + k) * DAY_MS;
      case HOURLY: return (Math.floor(this.start / HOUR_MS) + k) * HOUR_MS;
      case MINUTELY: return (Math.floor(this.start / MINUTE_MS) + k) * MINUTE_MS;
      default: return (Math.floor(this.start / SECOND_MS) + k) * SECOND_MS;
    }
  }

  /** After an empty period: the next period worth trying (skips whole days or hours that a filter rules out). */
  private nextPeriod(p: number): number {
    if (this.freq < HOURLY) return p + 1;
    const unit = this.freq === HOURLY ? HOUR_MS : this.freq === MINUTELY ? MINUTE_MS : SECOND_MS;
    const wall = this.lowerBound(p);
    const day = Math.floor(wall / DAY_MS);
    let next: number;
    if (!this.dayMatches(day)) next = (day + 1) * DAY_MS;
    else if (this.freq >= MINUTELY && this.byHour && !this.byHour[Math.floor(wall / HOUR_MS) % 24]) next = (Math.floor(wall / HOUR_MS) + 1) * HOUR_MS;
    else return p + 1;
    const base = Math.floor(this.start / unit);
    return Math.max(p + 1, Math.ceil((next / unit - base) / this.interval));
  }

  /** Whether a day passes BYMONTH, BYYEARDAY, BYMONTHDAY and plain BYDAY (for DAILY and finer). */
  private dayMatches(day: number): boolean {
    if (!this.byMonth && !this.byMonthDay && !this.byYearDay && !this.byDayPlain) return true;
    const c = civilFromDays(day);
    if (this.byMonth && !this.byMonth[c.month]) return false;
    if (this.byDayPlain && !this.byDayPlain[weekdayOfDays(day)]) return false;
    if (this.byMonthDay && !this.matchesMonthDay(c.year, c.month, c.day)) return false;
    if (this.byYearDay && !this.matchesYearDay(day, c.year)) return false;
    return true;
  }

  private matchesMonthDay(year: number, month: number, dayOfMonth: number): boolean {
    const dim = daysInMonth(year, month);
    for (const md of this.byMonthDay!) if ((md > 0 ? md : dim + md + 1) === dayOfMonth) return true;
    return false;
  }

  private matchesYearDay(day: number, year: number): boolean {
    const jan1 = daysFromCivil(year, 1, 1);
    const diy = daysFromCivil(year + 1, 1, 1) - jan1;
    const yd = day - jan1 + 1;
    for (const v of this.byYearDay!) if ((v > 0 ? v : diy + v + 1) === yd) return true;
    return false;
  }

  /** Days of [first, last] selected by ordinal BYDAY entries counted within that range. */
  private ordinalDays(first: number, last: number): Set<number> {
    const out = new Set<number>();
    const wdFirst = weekdayOfDays(first);
    const wdLast = weekdayOfDays(last);
    for (const { n, weekday } of this.byDayOrdinal!) {
      const d = n > 0
        ? first + ((weekday - wdFirst + 7) % 7) + 7 * (n - 1)
        : last - ((wdLast - weekday + 7) % 7) + 7 * (n + 1);
      if (d >= first && d <= last) out.add(d);
    }
    return out;
  }

  /** Days in [first, last] passing every day filter; `scope` is the range ordinals count in. */
  private filterDays(first: number, last: number, out: number[], scopeFirst: number, scopeLast: number): void {
    const ordinals = this.byDayOrdinal ? this.ordinalDays(scopeFirst, scopeLast) : null;
    const anyByDay = this.byDayPlain !== null || ordinals !== null;
    let wd = weekdayOfDays(first);
    for (let day = first; day <= last; day++, wd = wd === 7 ? 1 : wd + 1) {
      if (anyByDay && !((this.byDayPlain?.[wd] ?? 0) || ordinals?.has(day))) continue;
      if (this.byMonth || this.byMonthDay || this.byYearDay) {
        const c = civilFromDays(day);
        if (this.byMonth && !this.byMonth[c.month]) continue;
        if (this.byMonthDay && !this.matchesMonthDay(c.year, c.month, c.day)) continue;
        if (this.byYearDay && !this.matchesYearDay(day, c.year)) continue;
      }
      out.push(day);
    }
  }

  /** Days of one month that pass the filters, with ordinals counted in that month. */
  private monthDays(year: number, month: number, out: number[]): void {
    const first = daysFromCivil(year, month, 1);
    const dim = daysInMonth(year, month);
    if (this.byMonthDay && !this.byDayPlain && !this.byDayOrdinal && !this.byYearDay) {
      const days: number[] = [];
      for (const md of this.byMonthDay) {
        const d = md > 0 ? md : dim + md + 1;
        if (d >= 1 && d <= dim) days.push(first + d - 1);
      }
      for (const d of sortedUnique(days)) out.push(d);
      return;
    }
    this.filterDays(first, first + dim - 1, out, first, first + dim - 1);
  }

  private yearDays(year: number): number[] {
    const days: number[] = [];
    const jan1 = daysFromCivil(year, 1, 1);
    const dec31 = daysFromCivil(year + 1, 1, 1) - 1;
    if (this.byWeekNo) {
      const week1 = this.firstWeek(year);
      const weeks = (this.firstWeek(year + 1) - week1) / 7;
      const starts: number[] = [];
      for (const w of this.byWeekNo) {
        const index = w > 0 ? w : weeks + w + 1;
        if (index >= 1 && index <= weeks) starts.push(week1 + 7 * (index - 1));
      }
      for (const s of sortedUnique(starts)) this.filterDays(s, s + 6, days, jan1, dec31);
      return days;
    }
    if (this.byYearDay || (this.byDayOrdinal && !this.byMonth)) {
      this.filterDays(jan1, dec31, days, jan1, dec31);
      return days;
    }
    for (let month = 1; month <= 12; month++) {
      if (this.byMonth && !this.byMonth[month]) continue;
      this.monthDays(year, month, days);
    }
    return days;
  }

  /** First day of week 1 of `year`: the first week (starting on WKST) with at least four days in the year. */
  private firstWeek(year: number): number {
    const jan1 = daysFromCivil(year, 1, 1);
    const weekStart = jan1 - ((weekdayOfDays(jan1) - this.wkst + 7) % 7);
    return jan1 - weekStart <= 3 ? weekStart : weekStart + 7;
  }

  /** All candidate wall times of period `p`, ascending, after BYSETPOS. */
  private candidates(p: number): number[] {
    const k = p * this.interval;
    let result: number[];
    if (this.freq <= DAILY) {
      let days: number[];
      switch (this.freq) {
        case YEARLY: days = this.yearDays(this.startYear + k); break;
        case MONTHLY: {
          const m = this.startMonthIndex + k;
          const month = (m % 12) + 1;
          days = [];
          if (!this.byMonth || this.byMonth[month]) this.monthDays(Math.floor(m / 12), month, days);
          break;
        }
        case WEEKLY: {
          days = [];
          const s = this.startWeek + 7 * k;
          this.filterDays(s, s + 6, days, s, s + 6);
          break;
        }
        default: {
          const day = this.startDay + k;
          days = this.dayMatches(day) ? [day] : [];
        }
      }
      const times = this.times;
      result = new Array<number>(days.length * times.length);
      let i = 0;
      for (const day of days) {
        const base = day * DAY_MS;
        for (const t of times) result[i++] = base + t;
      }
    } else {
      const wall = this.lowerBound(p);
      const day = Math.floor(wall / DAY_MS);
      if (!this.dayMatches(day)) return [];
      if (this.byHour && !this.byHour[Math.floor(wall / HOUR_MS) % 24]) return [];
      if (this.byMinute && !this.byMinute[Math.floor(wall / MINUTE_MS) % 60]) return [];
      if (this.bySecond && !this.bySecond[Math.floor(wall / SECOND_MS) % 60]) return [];
      result = this.times.map((t) => wall + t);
    }
    if (this.bySetPos && result.length > 0) {
      const picked: number[] = [];
      for (const pos of this.bySetPos) {
        const value = result[pos > 0 ? pos - 1 : result.length + pos];
        if (value !== undefined) picked.push(value);
      }
      result = sortedUnique(picked);
    }
    return result;
  }
}
