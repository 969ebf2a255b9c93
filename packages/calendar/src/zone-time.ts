import { msToWall, wallToMs } from './date-math.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The browser's IANA time zone ("Europe/Berlin"), or "UTC" when it has none. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The local wall-clock time "YYYY-MM-DDTHH:MM:SS" of an instant in `zone`; a floating time (no zone) is read in UTC terms of `fallback`. */
export function wallInZone(epochMs: number, zone: string): string {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}:${parts['second']}`;
}

/**
 * The instant of a local wall-clock time in `zone`. A time in a
 * spring-forward gap moves forward by the gap and a time that occurs twice
 * means the earlier one, as the engine reads them (RFC 5545 §3.3.5).
 */
export function epochOfWall(wall: string, zone: string): number {
  const target = wallToMs(wall);
  const offsetAt = (epoch: number): number => wallToMs(wallInZone(epoch, zone)) - epoch;
  // The offset an hour before and after brackets any transition near the target.
  const before = offsetAt(target - 3_600_000 * 24);
  const after = offsetAt(target + 3_600_000 * 24);
  const a = target - before;
  const b = target - after;
  const aOk = wallToMs(wallInZone(a, zone)) === target;
  const bOk = wallToMs(wallInZone(b, zone)) === target;
  if (aOk && bOk) return Math.min(a, b);
  if (aOk) return a;
  if (bOk) return b;
  // In a gap: the wall time read with the offset before the gap lands after it.
  return target - before;
}

/** The wall time `minutes` later than `wall`, on the clock (no zone). */
export function addWallMinutes(wall: string, minutes: number): string {
  const out = msToWall(wallToMs(wall) + minutes * 60_000);
  return wall.length === 10 ? out.slice(0, 10) : out;
}

/** IANA zone names for the dialog's time zone select: the browser's list, or a short list of common ones. */
export function timeZoneNames(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  try {
    const all = intl.supportedValuesOf?.('timeZone');
    if (all && all.length > 0) return all.includes('UTC') ? all : ['UTC', ...all];
  } catch {
    // Older browsers: fall through to the short list.
  }
  return ['UTC', 'Europe/Berlin', 'Europe/Vienna', 'Europe/Zurich', 'Europe/London', 'Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo'];
}
