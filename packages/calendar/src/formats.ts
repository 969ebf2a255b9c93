import { dayNumber, DAY_MS } from './date-math.js';

/** Date and time texts in one locale, through cached `Intl.DateTimeFormat`s (plain dates and times are formatted in UTC, so no zone shifts them). */
export class Formats {
  readonly locale: string;
  readonly #cache = new Map<string, Intl.DateTimeFormat>();
  /** Texts already formatted, by kind and input: a view asks for the same dates and times hundreds of times per render. */
  readonly #texts = new Map<string, string>();

  constructor(locale: string) {
    this.locale = locale;
  }

  #format(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    let f = this.#cache.get(key);
    if (!f) {
      try {
        f = new Intl.DateTimeFormat(this.locale, { ...options, timeZone: 'UTC' });
      } catch {
        f = new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
      }
      this.#cache.set(key, f);
    }
    return f;
  }

  #memo(key: string, make: () => string): string {
    let text = this.#texts.get(key);
    if (text === undefined) {
      text = make();
      if (this.#texts.size > 20_000) this.#texts.clear();
      this.#texts.set(key, text);
    }
    return text;
  }

  #date(date: string): Date {
    return new Date(dayNumber(date) * DAY_MS);
  }

  /** "Montag, 30. November 2026" / "Monday, November 30, 2026". */
  fullDate(date: string): string {
    return this.#memo(`fullDate:${date}`, () => this.#format('full', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(this.#date(date)));
  }

  /** "30. Nov." / "Nov 30". */
  shortDate(date: string): string {
    return this.#memo(`shortDate:${date}`, () => this.#format('short', { day: 'numeric', month: 'short' }).format(this.#date(date)));
  }

  /** "Mo., 30. Nov." / "Mon, Nov 30". */
  weekdayDate(date: string): string {
    return this.#memo(`weekdayDate:${date}`, () => this.#format('wdshort', { weekday: 'short', day: 'numeric', month: 'short' }).format(this.#date(date)));
  }

  /** "Mo." / "Mon". */
  weekday(date: string): string {
    return this.#memo(`weekday:${date}`, () => this.#format('wd', { weekday: 'short' }).format(this.#date(date)));
  }

  /** "M" / "M": the narrow weekday. */
  weekdayNarrow(date: string): string {
    return this.#memo(`weekdayNarrow:${date}`, () => this.#format('wdn', { weekday: 'narrow' }).format(this.#date(date)));
  }

  /** The day of the month, "30". */
  dayOfMonth(date: string): string {
    return String(Number(date.slice(8, 10)));
  }

  /** "November 2026". */
  monthYear(date: string): string {
    return this.#memo(`monthYear:${date}`, () => this.#format('my', { month: 'long', year: 'numeric' }).format(this.#date(date)));
  }

  /** "November". */
  monthName(date: string): string {
    return this.#memo(`monthName:${date}`, () => this.#format('m', { month: 'long' }).format(this.#date(date)));
  }

  /** "09:30" / "9:30 AM" for a minute of the day. */
  time(minute: number): string {
    return this.#memo(`time:${minute}`, () => this.#format('t', { hour: 'numeric', minute: '2-digit' }).format(new Date(minute * 60_000)));
  }

  /** "09" / "9 AM": the label of an hour line. */
  hour(hour: number): string {
    return this.#format('h', { hour: 'numeric' }).format(new Date(hour * 3_600_000));
  }

  /** A range of days, "30. Nov. – 6. Dez. 2026". */
  dateRange(from: string, lastDay: string): string {
    const f = this.#format('range', { day: 'numeric', month: 'short', year: 'numeric' });
    return f.formatRange(this.#date(from), this.#date(lastDay));
  }
}

/** The ISO 8601 week number of a date. */
export function isoWeekNumber(date: string): number {
  const day = dayNumber(date);
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  const thursday = day - weekday + 4;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Math.round(Date.UTC(year, 0, 1) / DAY_MS);
  return Math.floor((thursday - jan1) / 7) + 1;
}
