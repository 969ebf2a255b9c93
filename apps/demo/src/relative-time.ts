/**
 * When something changed, as the file list shows it: "just now" under a
 * minute, then "2 minutes ago", "3 hours ago", "yesterday" up to a week, and
 * the date after that ("12 Mar 2026"), in `locale`. A time in the future
 * (another client's clock runs ahead) reads as just now.
 */
export function formatModified(time: number, now: number, locale: string, justNow: string): string {
  const seconds = Math.round((now - time) / 1000);
  if (seconds < 60) return justNow;
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  const days = Math.floor(hours / 24);
  if (days < 7) return relative.format(-days, 'day');
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(time);
}
