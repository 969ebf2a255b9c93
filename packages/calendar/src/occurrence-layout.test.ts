import { createEvent, occurrences } from '@allmende/calendar-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { viewRange } from './date-math.js';
import { daySegments, inAllDayLane, lastDay, monthOrder, occurrenceKey, timedBoxes } from './occurrence-layout.js';

const Z = 'Europe/Berlin';

function week(doc: Y.Doc): ReturnType<typeof occurrences> {
  return occurrences(doc, { from: '2026-11-30', to: '2026-12-07', timeZone: Z });
}

describe('occurrences laid out in views', () => {
  it('puts all-day and day-long events in the lane, cut to the week, and night events in both columns', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'trip', summary: 'Trip', start: '2026-11-28', end: '2026-12-02' });
    createEvent(doc, { uid: 'long', summary: 'Long', start: '2026-12-03T08:00:00', end: '2026-12-04T09:00:00', timeZone: Z });
    createEvent(doc, { uid: 'night', summary: 'Night', start: '2026-12-05T22:00:00', end: '2026-12-06T02:00:00', timeZone: Z });
    createEvent(doc, { uid: 'midnight', summary: 'To midnight', start: '2026-12-01T23:00:00', end: '2026-12-02T00:00:00', timeZone: Z });
    const occs = week(doc);
    const days = viewRange('week', '2026-12-02', 1).days;
    expect(occs.filter(inAllDayLane).map((o) => o.uid).sort()).toEqual(['long', 'trip']);
    const segs = daySegments(monthOrder(occs.filter(inAllDayLane)), days);
    expect(segs.map((s) => [s.occ.uid, s.first, s.last, s.continuesBefore, s.continuesAfter])).toEqual([
      ['trip', 0, 1, true, false],
      ['long', 3, 4, false, false],
    ]);
    const boxes = timedBoxes(occs, days);
    expect(boxes[5]!.map((b) => [b.occ.uid, b.top, b.bottom, b.continuesAfter])).toEqual([['night', 1320, 1440, true]]);
    expect(boxes[6]!.map((b) => [b.occ.uid, b.top, b.bottom, b.continuesBefore])).toEqual([['night', 0, 120, true]]);
    // An event ending exactly at midnight belongs to its own day only.
    expect(boxes[1]!.map((b) => b.occ.uid)).toEqual(['midnight']);
    expect(boxes[2]).toEqual([]);
    expect(lastDay(occs.find((o) => o.uid === 'midnight')!)).toBe('2026-12-01');
  });

  it('keys occurrences of a series apart and orders month cells: spanning, all-day, then timed by start', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'daily', summary: 'Daily', start: '2026-11-30T09:00:00', end: '2026-11-30T09:15:00', timeZone: Z, rrule: 'FREQ=DAILY;COUNT=3' });
    createEvent(doc, { uid: 'early', summary: 'Early', start: '2026-11-30T07:00:00', end: '2026-11-30T08:00:00', timeZone: Z });
    createEvent(doc, { uid: 'day', summary: 'Holiday', start: '2026-11-30', end: '2026-12-01' });
    createEvent(doc, { uid: 'span', summary: 'Span', start: '2026-11-30', end: '2026-12-03' });
    const occs = week(doc);
    expect(new Set(occs.map(occurrenceKey)).size).toBe(occs.length);
    const monday = monthOrder(occs).filter((o) => o.start.startsWith('2026-11-30'));
    expect(monday.map((o) => o.uid)).toEqual(['span', 'day', 'early', 'daily']);
    // Monday's two timed events (07:00 and 09:00) do not overlap, so each gets the whole column.
    const boxes = timedBoxes(occs, viewRange('week', '2026-11-30', 1).days);
    expect(boxes[0]!.map((b) => b.columns)).toEqual([1, 1]);
  });
});
