import { Temporal } from 'temporal-polyfill';
import { DAY_MS } from './civil.js';

interface Segment {
  start: number;
  end: number;
  offset: number;
}

/**
 * The offsets of one IANA time zone, read from Temporal and cached as
 * segments of constant offset between two transitions, so that converting
 * thousands of instances costs a binary search each instead of a Temporal call.
 */
export class Zone {
  /** The canonical IANA identifier, as Temporal spells it. */
  readonly id: string;
  private readonly segments: Segment[] = [];
  private last: Segment | undefined;
  private readonly fixed: boolean;

  /** Use {@link getZone}; the constructor assumes a valid identifier. */
  constructor(id: string) {
    this.id = id;
    this.fixed = id === 'UTC';
  }

  /** The UTC offset in milliseconds at an instant (epoch milliseconds). */
  offsetAt(epochMs: number): number {
    if (this.fixed) return 0;
    const last = this.last;
    if (last && epochMs >= last.start && epochMs < last.end) return last.offset;
    const segments = this.segments;
    let lo = 0;
    let hi = segments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid]!.end <= epochMs) lo = mid + 1;
      else hi = mid;
    }
    const found = segments[lo];
    if (found && epochMs >= found.start) {
      this.last = found;
      return found.offset;
    }
    const segment = this.readSegment(epochMs);
    segments.splice(lo, 0, segment);
    this.last = segment;
    return segment.offset;
  }

  private readSegment(epochMs: number): Segment {
    const zdt = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(this.id);
    const offset = zdt.offsetNanoseconds / 1e6;
    // A transition exactly at epochMs starts this segment, so look back from one nanosecond later.
    const prev = zdt.add({ nanoseconds: 1 }).getTimeZoneTransition('previous');
    const next = zdt.getTimeZoneTransition('next');
    return {
      start: prev ? prev.epochMilliseconds : -Infinity,
      end: next ? next.epochMilliseconds : Infinity,
      offset,
    };
  }

  /** Local wall milliseconds of an instant. */
  toWall(epochMs: number): number {
    return epochMs + this.offsetAt(epochMs);
  }

  /**
   * The instant of a local wall time. A time inside a spring-forward gap
   * moves forward by the length of the gap; a time that occurs twice at
   * fall-back means the earlier instant (RFC 5545 §3.3.5, Temporal's
   * `compatible` disambiguation).
   */
  toEpoch(wall: number): number {
    if (this.fixed) return wall;
    const before = this.offsetAt(wall - DAY_MS);
    const after = this.offsetAt(wall + DAY_MS);
    if (before === after) {
      const epoch = wall - before;
      if (this.offsetAt(epoch) === before) return epoch;
      return this.viaTemporal(wall);
    }
    const early = wall - before;
    const late = wall - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late);
    if (earlyValid) return early;
    if (lateValid) return late;
    // In a gap: read the wall time with the offset before the transition.
    return wall - before;
  }

  private viaTemporal(wall: number): number {
    // Two transitions within two days of each other: rare enough to ask Temporal directly.
    const pdt = Temporal.Instant.fromEpochMilliseconds(wall).toZonedDateTimeISO('UTC').toPlainDateTime();
    return pdt.toZonedDateTime(this.id, { disambiguation: 'compatible' }).epochMilliseconds;
  }
}

const zones = new Map<string, Zone>();

/**
 * The {@link Zone} of an IANA identifier ("Europe/Berlin", "UTC").
 * Throws a RangeError naming the identifier when Temporal does not know it.
 */
export function getZone(id: string): Zone {
  let zone = zones.get(id);
  if (zone) return zone;
  const canonical = canonicalZoneId(id);
  if (canonical === undefined) {
    throw new RangeError(`Unknown time zone "${id}": use an IANA identifier such as "Europe/Berlin" or "UTC".`);
  }
  zone = zones.get(canonical) ?? new Zone(canonical);
  zones.set(id, zone);
  zones.set(canonical, zone);
  return zone;
}

/** The canonical IANA identifier of `id`, or undefined when it is not a known zone. */
export function canonicalZoneId(id: string): string | undefined {
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return undefined;
  try {
    const tz = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(id).timeZoneId;
    return tz === 'Etc/UTC' || tz === 'Etc/GMT' || tz === 'GMT' ? 'UTC' : tz;
  } catch {
    return undefined;
  }
}

/** Whether `id` names a time zone Temporal knows. */
export function isTimeZone(id: string): boolean {
  return canonicalZoneId(id) !== undefined;
}
