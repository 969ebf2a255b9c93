import { formatOffset, formatWall } from './civil.js';
import { toEpochMs, type InstantInput } from './local-time.js';
import { Series } from './series.js';

/** Options of {@link expandRecurrence}. */
export interface ExpandOptions {
  /** Local start, "YYYY-MM-DDTHH:MM:SS" or "YYYY-MM-DD". */
  start: string;
  /** The event's IANA zone; omit for floating times (read in `viewZone`). */
  timeZone?: string;
  rrule?: string;
  rdates?: string[];
  exdates?: string[];
  end?: string;
  duration?: string;
  /** Window start (inclusive). */
  from: InstantInput;
  /** Window end (exclusive). */
  to: InstantInput;
  /** Zone for floating times and for plain `from`/`to` strings; default the event's zone or UTC. */
  viewZone?: string;
}

/** One expanded instance. */
export interface ExpandedInstance {
  /** Start in the event's zone, ISO 8601 with offset ("1997-09-02T09:00:00-04:00"), or a date for all-day. */
  start: string;
  /** Start instant in epoch milliseconds. */
  epochMs: number;
  /** The original local start, which overrides and EXDATEs name. */
  recurrenceId: string;
}

/**
 * Expands one RRULE/RDATE/EXDATE set over a window without a Y.Doc: the
 * engine under {@link occurrences}, exposed for tests, tools and benchmarks.
 */
export function expandRecurrence(options: ExpandOptions): ExpandedInstance[] {
  const viewZone = options.viewZone ?? options.timeZone ?? 'UTC';
  const series = new Series(options, viewZone);
  const from = toEpochMs(options.from, viewZone, 'from');
  const to = toEpochMs(options.to, viewZone, 'to');
  return series.between(from, to).map((instance) => ({
    start: series.allDay
      ? formatWall(instance.startWall).slice(0, 10)
      : `${formatWall(series.zone.toWall(instance.startEpoch))}${formatOffset(series.zone.offsetAt(instance.startEpoch))}`,
    epochMs: instance.startEpoch,
    recurrenceId: instance.recurrenceId,
  }));
}

