import type { Occurrence } from '@allmende/calendar-model';
import { describe, expect, it } from 'vitest';
import { NEW_EVENT_UID, withPreview } from './occurrence-query.js';
import { dayRange } from './snap.js';

describe('drawing whole days', () => {
  it('selects from the first to the last day, in either direction, with an exclusive end', () => {
    expect(dayRange('2026-12-02', '2026-12-04')).toEqual({ start: '2026-12-02', end: '2026-12-05' });
    expect(dayRange('2026-12-04', '2026-12-02')).toEqual({ start: '2026-12-02', end: '2026-12-05' });
  });

  it('selects one day when the drag ends where it began', () => {
    expect(dayRange('2026-12-02', '2026-12-02')).toEqual({ start: '2026-12-02', end: '2026-12-03' });
  });

  it('crosses months, years and the day of a clock change without losing or gaining a day', () => {
    expect(dayRange('2026-12-30', '2027-01-02')).toEqual({ start: '2026-12-30', end: '2027-01-03' });
    expect(dayRange('2024-02-28', '2024-02-29')).toEqual({ start: '2024-02-28', end: '2024-03-01' });
    expect(dayRange('2026-03-28', '2026-03-29')).toEqual({ start: '2026-03-28', end: '2026-03-30' });
    expect(dayRange('2026-10-25', '2026-10-24')).toEqual({ start: '2026-10-24', end: '2026-10-26' });
  });

  it('refuses what is not a date with a RangeError naming it', () => {
    expect(() => dayRange('2026-12-02', '02.12.2026')).toThrow(RangeError);
    expect(() => dayRange('2026-12-02', '02.12.2026')).toThrow('"02.12.2026" is not a date');
    expect(() => dayRange('2026-13-01', '2026-12-02')).toThrow(RangeError);
    expect(() => dayRange('', '2026-12-02')).toThrow(RangeError);
  });
});

describe('the preview of a new event', () => {
  it('draws days being selected as one all-day occurrence from the first day to the exclusive end', () => {
    const out = withPreview([], null, { date: '2026-12-02', endDate: '2026-12-05', start: 0, end: 0, allDay: true }, 'New event');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ uid: NEW_EVENT_UID, allDay: true, start: '2026-12-02', end: '2026-12-05', summary: 'New event' });
    expect(out[0]!.endMs - out[0]!.startMs).toBe(3 * 86_400_000);
  });

  it('draws time being selected as a timed occurrence on its day', () => {
    const out = withPreview([], null, { date: '2026-12-02', endDate: '2026-12-02', start: 9 * 60, end: 10 * 60 + 30, allDay: false }, 'Neuer Termin');
    expect(out[0]).toMatchObject({ allDay: false, start: '2026-12-02T09:00:00', end: '2026-12-02T10:30:00', summary: 'Neuer Termin' });
  });

  it('leaves the occurrences alone (and the same array) when nothing is being drawn or moved', () => {
    const none: Occurrence[] = [];
    expect(withPreview(none, null, null, 'x')).toBe(none);
  });
});
