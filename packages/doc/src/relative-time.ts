const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * How long ago `time` was, in words of `locale` ("5 minutes ago", "vor 5
 * Minuten", "yesterday"); `justNow` under a minute, and for times in the
 * future (a clock running ahead on another machine).
 */
export function relativeTime(time: number, now: number, locale: string, justNow: string): string {
  const seconds = Math.round((now - time) / 1000);
  if (!Number.isFinite(seconds) || seconds < 60) return justNow;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return justNow;
}
