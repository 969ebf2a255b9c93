const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to create and a page formats the same way over and over, so they are kept. */
function cached<F>(cache: Map<string, F>, locale: string, options: object | undefined, create: (tag: string) => F): F {
  const key = `${locale}\u0000${options ? JSON.stringify(options) : ''}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = create(locale);
    } catch (error) {
      // A page's lang attribute can hold anything; a malformed tag must not break the element.
      // Bad options throw again here, as they should.
      if (!(error instanceof RangeError)) throw error;
      format = create('en');
    }
    cache.set(key, format);
  }
  return format;
}

/**
 * Formats a number for a language tag with `Intl.NumberFormat`:
 * `formatNumber(12345.6, 'de')` is `12.345,6`, in `en` `12,345.6`. A tag
 * that Intl does not accept (from a mistyped `lang` attribute) falls back to
 * English; invalid `options` throw Intl's RangeError.
 */
export function formatNumber(value: number | bigint, locale: string, options?: Intl.NumberFormatOptions): string {
  return cached(numberFormats, locale, options, (tag) => new Intl.NumberFormat(tag, options)).format(value);
}

/**
 * Formats a date for a language tag with `Intl.DateTimeFormat`, by default
 * as a medium date (`3. Nov. 2026`, `Nov 3, 2026`). A tag that Intl does not
 * accept falls back to English; invalid `options` throw Intl's RangeError,
 * and an invalid date throws a RangeError.
 */
export function formatDate(
  date: Date | number,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
): string {
  if (Number.isNaN(typeof date === 'number' ? date : date.getTime())) {
    throw new RangeError('formatDate: the date is invalid (NaN); pass a Date or a time value in milliseconds.');
  }
  return cached(dateFormats, locale, options, (tag) => new Intl.DateTimeFormat(tag, options)).format(date);
}
