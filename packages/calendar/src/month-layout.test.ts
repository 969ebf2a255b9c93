import { createEvent, setCalendar, updateEvent } from '@allmende/calendar-model';
import type { Occurrence } from '@allmende/calendar-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { viewRange } from './date-math.js';
import { hiddenPerDay, packLanes } from './layout.js';
import { layOutMonth, monthLayoutOf } from './month-layout.js';
import type { MonthLayout } from './month-layout.js';
import { daySegments, monthOrder } from './occurrence-layout.js';
import type { DaySegment } from './occurrence-layout.js';
import { OccurrenceQuery } from './occurrence-query.js';
import type { OccurrenceWindow } from './occurrence-query.js';

const Z = 'Europe/Berlin';
const NONE: ReadonlySet<string> = new Set();
/** The month page of December 2026 with weeks from Monday: five weeks from 2026-11-30. */
const DECEMBER = viewRange('month', '2026-12-01', 1);

function occ(uid: string, start: string, end: string, allDay = false): Occurrence {
  const ms = (s: string): number => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : `${s}Z`);
  return {
    uid, start, end, allDay, summary: uid, recurrenceId: undefined, overridden: undefined, location: undefined,
    status: undefined, calendarId: undefined, startMs: ms(start), endMs: ms(end),
  };
}

/** What a layout shows, in a form to compare: per week and day, the chips (uid, columns, lane, cut flags, bar) and hidden counts. */
function shown(layout: MonthLayout): unknown {
  return layout.weeks.map((w) => ({
    chips: w.chips.map((day) => day.map((c) => [c.occ.uid, c.first, c.last, c.lane, c.continuesBefore, c.continuesAfter, c.bar])),
    hidden: w.hidden,
  }));
}

/** The month view's layout as it was made before it was laid out ahead (per week: daySegments, packLanes, hiddenPerDay). */
function reference(occs: readonly Occurrence[], days: readonly string[], lanes: number): unknown {
  const ordered = monthOrder(occs);
  const weeks = [];
  for (let i = 0; i < days.length; i += 7) {
    const segs = daySegments(ordered, days.slice(i, i + 7));
    const hidden = hiddenPerDay(segs, segs.map((s) => s.lane), 7, lanes);
    const limit = hidden.map((h) => (h > 0 ? lanes - 1 : lanes));
    const byStart: DaySegment[][] = [[], [], [], [], [], [], []];
    for (const s of segs) {
      for (let d = s.first; d <= s.last; d++) {
        if (s.lane < limit[d]!) {
          let last = d;
          while (last < s.last && s.lane < limit[last + 1]!) last++;
          byStart[d]!.push({ ...s, first: d, last, continuesBefore: s.continuesBefore || d > s.first, continuesAfter: s.continuesAfter || last < s.last });
          d = last;
        }
      }
    }
    weeks.push({
      chips: byStart.map((day) => day.map((c) => [c.occ.uid, c.first, c.last, c.lane, c.continuesBefore, c.continuesAfter, c.occ.allDay || c.continuesBefore || c.continuesAfter || c.last > c.first])),
      hidden,
    });
  }
  return weeks;
}

/** A seeded pseudo-random source (so a failure can be replayed). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomOccs(rnd: () => number, count: number): Occurrence[] {
  const out: Occurrence[] = [];
  for (let i = 0; i < count; i++) {
    const day = Math.floor(rnd() * 50) - 4; // some start before the page, some after it
    const start = new Date(Date.UTC(2026, 10, 30 + day)).toISOString().slice(0, 10);
    const kind = rnd();
    if (kind < 0.25) {
      const end = new Date(Date.UTC(2026, 10, 30 + day + 1 + Math.floor(rnd() * 9))).toISOString().slice(0, 10);
      out.push(occ(`a${i}`, start, end, true));
    } else {
      const hour = Math.floor(rnd() * 23);
      const long = kind > 0.9 ? 24 * (1 + Math.floor(rnd() * 3)) : 0;
      const endMs = Date.parse(`${start}T00:00:00Z`) + (hour * 60 + long * 60 + 30 + Math.floor(rnd() * 120)) * 60_000;
      const end = new Date(endMs).toISOString().slice(0, 19);
      out.push(occ(`t${i}`, `${start}T${String(hour).padStart(2, '0')}:00:00`, end));
    }
  }
  return out;
}

describe('layOutMonth', () => {
  it('lays out pages exactly as the view did week by week, for random events and any number of lanes', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const occs = randomOccs(rnd, 5 + Math.floor(rnd() * 150));
      const lanes = 1 + Math.floor(rnd() * 5);
      expect(shown(layOutMonth(occs, DECEMBER.days, lanes)), `seed ${seed}`).toEqual(reference(occs, DECEMBER.days, lanes));
    }
  });

  it('draws a trip across the week rows as bars, cuts a bar where a day hides events, and counts what "+N more" hides', () => {
    const trip = occ('trip', '2026-12-05', '2026-12-10', true); // Sat 5 … Wed 9 December
    const busy = ['b1', 'b2', 'b3'].map((uid, i) => occ(uid, `2026-12-08T0${8 + i}:00:00`, `2026-12-08T0${8 + i}:30:00`));
    const layout = layOutMonth([...busy, trip], DECEMBER.days, 3);
    expect(DECEMBER.days).toHaveLength(35);
    expect(layout.weeks).toHaveLength(5);
    // First week row (Mon 30 Nov): the trip starts Saturday (day 5) and goes on into the next row.
    expect(layout.weeks[0]!.chips[5]!.map((c) => [c.occ.uid, c.first, c.last, c.continuesBefore, c.continuesAfter, c.bar])).toEqual([['trip', 5, 6, false, true, true]]);
    // Second row: Tuesday the 8th has four events for three lanes, so lane 2 goes to "+2 more" (b2, b3); the trip
    // (lane 0) is one bar Monday to Wednesday, the timed ones dots.
    const second = layout.weeks[1]!;
    expect(second.hidden).toEqual([0, 2, 0, 0, 0, 0, 0]);
    expect(second.chips[0]!.map((c) => [c.occ.uid, c.first, c.last, c.continuesBefore, c.continuesAfter])).toEqual([['trip', 0, 2, true, false]]);
    expect(second.chips[1]!.map((c) => [c.occ.uid, c.lane, c.bar])).toEqual([['b1', 1, false]]);
    expect(second.chips[1]![0]!.style).toBe('top:3.225rem;left:2px;width:calc(100% - 4px);');
    expect(second.chips[0]![0]!.style).toBe('top:1.85rem;left:2px;width:calc(300% - 2px);');
  });

  it('leaves out what lies outside the page, and lists spanning, then all-day, then timed events by start', () => {
    const before = occ('before', '2026-11-20', '2026-11-29', true);
    const after = occ('after', '2027-01-04T09:00:00', '2027-01-04T10:00:00');
    const timed = occ('timed', '2026-12-02T07:00:00', '2026-12-02T08:00:00');
    const allDay = occ('holiday', '2026-12-02', '2026-12-03', true);
    const span = occ('span', '2026-12-01', '2026-12-04', true);
    const layout = layOutMonth([before, after, timed, allDay, span], DECEMBER.days, 4);
    const uids = layout.weeks.flatMap((w) => w.chips.flat().map((c) => c.occ.uid));
    expect(uids).toEqual(['span', 'holiday', 'timed']);
    expect(layout.weeks[0]!.chips[2]!.map((c) => [c.occ.uid, c.lane])).toEqual([['holiday', 1], ['timed', 2]]);
  });

  it('refuses a page that is not whole weeks and a cell without lanes, with a message saying what was wrong', () => {
    expect(() => layOutMonth([], DECEMBER.days.slice(0, 10), 3)).toThrow(RangeError);
    expect(() => layOutMonth([], [], 3)).toThrow(/whole weeks/);
    expect(() => layOutMonth([], DECEMBER.days, 0)).toThrow(/at least one lane/);
    expect(() => layOutMonth([], DECEMBER.days, Number.NaN)).toThrow(RangeError);
  });
});

describe('packLanes with a limit', () => {
  it('gives the same lanes below the limit and the same "+N more" counts, without packing the lanes beyond it', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = random(seed);
      const items = Array.from({ length: 1 + Math.floor(rnd() * 60) }, () => {
        const first = Math.floor(rnd() * 7);
        return { first, last: Math.min(6, first + Math.floor(rnd() * 3)) };
      });
      const limit = 1 + Math.floor(rnd() * 4);
      const full = packLanes(items);
      const capped = packLanes(items, limit);
      expect(capped, `seed ${seed}`).toEqual(full.map((lane) => Math.min(lane, limit)));
      expect(hiddenPerDay(items, capped, 7, limit)).toEqual(hiddenPerDay(items, full, 7, limit));
    }
  });
});

describe('monthLayoutOf (the layout kept for the page ahead)', () => {
  function seeded(): Y.Doc {
    const doc = new Y.Doc();
    setCalendar(doc, { id: 'work', name: 'Arbeit', color: '#1a73e8' });
    setCalendar(doc, { id: 'home', name: 'Privat', color: '#8e24aa' });
    createEvent(doc, { uid: 'daily', summary: 'Stand-up', calendarId: 'work', start: '2026-11-02T09:00:00', end: '2026-11-02T09:15:00', timeZone: Z, rrule: 'FREQ=DAILY' });
    createEvent(doc, { uid: 'late', summary: 'Late call', calendarId: 'home', start: '2026-12-15T23:30:00', end: '2026-12-15T23:45:00', timeZone: Z });
    return doc;
  }
  const page = (revision: number, timeZone = Z, hidden = NONE): OccurrenceWindow => ({ from: DECEMBER.from, to: DECEMBER.to, timeZone, hidden, revision });
  const uidsOn = (layout: MonthLayout, day: string): string[] => {
    const i = DECEMBER.days.indexOf(day);
    return layout.weeks[Math.floor(i / 7)]!.chips[i % 7]!.map((c) => c.occ.uid);
  };

  it('is found again for the answer it was made from, and made again for other lanes or another week start', () => {
    const doc = seeded();
    const query = new OccurrenceQuery();
    const occs = query.get(doc, page(0));
    const ahead = monthLayoutOf(occs, DECEMBER.days, 3);
    expect(monthLayoutOf(query.get(doc, page(0)), DECEMBER.days, 3)).toBe(ahead);
    const wider = monthLayoutOf(occs, DECEMBER.days, 5);
    expect(wider).not.toBe(ahead);
    expect(wider.lanes).toBe(5);
    const sunday = viewRange('month', '2026-12-01', 7);
    const fromSunday = monthLayoutOf(occs, sunday.days, 5);
    expect(fromSunday.from).toBe(sunday.from);
    expect(fromSunday.from).not.toBe(DECEMBER.from);
  });

  it('shows a remote edit to the page laid out ahead: the new revision is a new answer, laid out anew', () => {
    const doc = seeded();
    const query = new OccurrenceQuery();
    query.prefetch(doc, page(0));
    const ahead = monthLayoutOf(query.peek(doc, page(0))!, DECEMBER.days, 3);
    expect(uidsOn(ahead, '2026-12-15')).toEqual(['daily', 'late']);
    // Someone else moves the late call to the 16th and adds an event on the 15th; their update arrives here.
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    updateEvent(remote, 'late', { start: '2026-12-16T23:30:00', end: '2026-12-16T23:45:00' });
    createEvent(remote, { uid: 'review', summary: 'Review', calendarId: 'work', start: '2026-12-15T14:00:00', end: '2026-12-15T15:00:00', timeZone: Z });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)));
    expect(query.peek(doc, page(1))).toBeNull();
    const shownNow = monthLayoutOf(query.get(doc, page(1)), DECEMBER.days, 3);
    expect(shownNow).not.toBe(ahead);
    expect(uidsOn(shownNow, '2026-12-15')).toEqual(['daily', 'review']);
    expect(uidsOn(shownNow, '2026-12-16')).toEqual(['daily', 'late']);
  });

  it('lays the page out again when a calendar is hidden or shown', () => {
    const doc = seeded();
    const query = new OccurrenceQuery();
    const all = monthLayoutOf(query.get(doc, page(0)), DECEMBER.days, 3);
    const hidden = new Set(['home']);
    const withoutHome = monthLayoutOf(query.get(doc, page(0, Z, hidden)), DECEMBER.days, 3);
    expect(uidsOn(withoutHome, '2026-12-15')).toEqual(['daily']);
    const shownAgain = monthLayoutOf(query.get(doc, page(0, Z, NONE)), DECEMBER.days, 3);
    expect(uidsOn(shownAgain, '2026-12-15')).toEqual(['daily', 'late']);
    expect(uidsOn(all, '2026-12-15')).toEqual(['daily', 'late']);
  });

  it('lays the page out again for another zone: the late call moves to the next day east of Berlin', () => {
    const doc = seeded();
    const query = new OccurrenceQuery();
    monthLayoutOf(query.get(doc, page(0)), DECEMBER.days, 3);
    const helsinki = monthLayoutOf(query.get(doc, page(0, 'Europe/Helsinki')), DECEMBER.days, 3);
    expect(uidsOn(helsinki, '2026-12-15')).toEqual(['daily']);
    // 00:30 there: before the stand-up (10:00 there) in the cell.
    expect(uidsOn(helsinki, '2026-12-16')).toEqual(['late', 'daily']);
  });
});
