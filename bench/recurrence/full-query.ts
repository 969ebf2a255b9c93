// Workload (e): what occurrences() returns, built with rrule-temporal and Temporal's own formatting,
// so the full query is compared like for like (expansion + ISO strings + recurrence ids + sort).
import type { Occurrence } from '@allmende/calendar-model';
import { RRuleTemporal } from 'rrule-temporal';
import type { SeriesSpec } from './engines.js';

/** The fields of an occurrence both sides produce. */
export interface PeerOccurrence {
  uid: string;
  start: string;
  end: string;
  summary: string;
  recurrenceId: string;
  startMs: number;
  endMs: number;
}

/**
 * The occurrences of the bench's series (uid `e<i>`, summary `Event <i>`, zero length, as the bench's
 * Y.Doc holds them) in [from, to), start/end in `viewZone` with offset, sorted by start, uid, recurrence id.
 */
export function peerOccurrences(series: SeriesSpec[], from: number, to: number, viewZone: string): PeerOccurrence[] {
  const out: PeerOccurrence[] = [];
  series.forEach((spec, i) => {
    const rule = new RRuleTemporal({ rruleString: `DTSTART;TZID=${spec.timeZone}:${spec.dtstart}\nRRULE:${spec.rrule}` });
    const uid = `e${i}`;
    const summary = `Event ${i}`;
    for (const zdt of rule.between(new Date(from), new Date(to - 1), true)) {
      const start = zdt.withTimeZone(viewZone).toString({ timeZoneName: 'never' });
      // Zero-length events: the end is the start (ours reuses the string the same way).
      out.push({ uid, start, end: start, summary, recurrenceId: zdt.toPlainDateTime().toString(), startMs: zdt.epochMilliseconds, endMs: zdt.epochMilliseconds });
    }
  });
  return out.sort((a, b) => a.startMs - b.startMs || compare(a.uid, b.uid) || compare(a.recurrenceId, b.recurrenceId));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first difference between our list and the peer's, or undefined when they are equal. */
export function compareOccurrences(ours: Occurrence[], peer: PeerOccurrence[]): string | undefined {
  if (ours.length !== peer.length) return `${ours.length} occurrences from ours, ${peer.length} from the peer`;
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i]!;
    const b = peer[i]!;
    for (const key of ['uid', 'start', 'end', 'summary', 'recurrenceId', 'startMs', 'endMs'] as const) {
      if (a[key] !== b[key]) return `occurrence ${i} differs in ${key}: ${String(a[key])} (ours) vs ${String(b[key])}`;
    }
  }
  return undefined;
}
