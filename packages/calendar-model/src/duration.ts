import { DAY_MS } from './civil.js';

/** A duration split into nominal days (which follow the wall clock) and exact milliseconds. */
export interface SplitDuration {
  days: number;
  ms: number;
}

const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/**
 * Parses a non-negative ISO 8601 / RFC 5545 duration ("PT1H30M", "P1D",
 * "P2W"). Weeks and days are nominal; hours, minutes and seconds are exact.
 */
export function parseDuration(text: string): SplitDuration {
  const m = typeof text === 'string' ? DURATION.exec(text.replace(/^\+/, '')) : null;
  if (!m || text === 'P' || /T$/.test(text)) {
    throw new RangeError(`The duration "${String(text)}" is not an ISO 8601 duration such as "PT1H30M" or "P1D" (negative durations are not allowed).`);
  }
  const [, w, d, h, mi, s] = m;
  return {
    days: Number(w ?? 0) * 7 + Number(d ?? 0),
    ms: ((Number(h ?? 0) * 60 + Number(mi ?? 0)) * 60 + Number(s ?? 0)) * 1000,
  };
}

/** Formats a split duration as ISO 8601 ("P1DT2H", "PT0S"). */
export function formatDuration({ days, ms }: SplitDuration): string {
  const secs = Math.round(ms / 1000);
  const h = Math.floor(secs / 3600), m = Math.floor((secs % 3600) / 60), s = secs % 60;
  const date = days ? `${days}D` : '';
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  if (!date && !time) return days === 0 && ms === 0 ? 'PT0S' : 'P0D';
  return `P${date}${time ? `T${time}` : ''}`;
}

/** The longest this duration can last in milliseconds (a nominal day may have 25 hours). */
export function maxDurationMs({ days, ms }: SplitDuration): number {
  return days * (DAY_MS + 3_600_000) + ms;
}
