import { createEvent, setCalendar } from '@allmende/calendar-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { KEPT_WINDOWS, OccurrenceQuery } from './occurrence-query.js';
import type { OccurrenceWindow } from './occurrence-query.js';

const ZONE = 'Europe/Berlin';
const NONE: ReadonlySet<string> = new Set();

/** A document with a daily series and one single event in the week of 2026-01-12. */
function seeded(): Y.Doc {
  const doc = new Y.Doc();
  setCalendar(doc, { id: 'work', name: 'Arbeit', color: '#1a73e8' });
  setCalendar(doc, { id: 'home', name: 'Privat', color: '#8e24aa' });
  createEvent(doc, { uid: 'daily', summary: 'Stand-up', calendarId: 'work', start: '2026-01-05T09:00:00', end: '2026-01-05T09:15:00', timeZone: ZONE, rrule: 'FREQ=DAILY' });
  createEvent(doc, { uid: 'once', summary: 'Dentist', calendarId: 'home', start: '2026-01-14T15:00:00', end: '2026-01-14T16:00:00', timeZone: ZONE });
  return doc;
}

/** The window of the week starting on `monday`. */
function week(monday: string, revision = 0, hidden = NONE): OccurrenceWindow {
  const to = new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  return { from: monday, to, timeZone: ZONE, hidden, revision };
}

describe('OccurrenceQuery', () => {
  it('expands a window once and answers the same window again from what it keeps', () => {
    const doc = seeded();
    const query = new OccurrenceQuery();
    const first = query.get(doc, week('2026-01-12'));
    expect(first.map((o) => o.summary).sort()).toEqual([...Array(7).fill('Stand-up'), 'Dentist'].sort());
    expect(query.get(doc, week('2026-01-12'))).toBe(first);
  });

  it('answers a page fetched ahead with that answer, and keeps the page shown while fetching more pages than it keeps', () => {
    const doc = seeded();
    const query = new OccurrenceQuery();
    const shown = query.get(doc, week('2026-01-12'));
    query.prefetch(doc, week('2026-01-19'));
    const next = query.get(doc, week('2026-01-19'));
    expect(next).toHaveLength(7);
    expect(query.get(doc, week('2026-01-19'))).toBe(next);
    for (let i = 0; i < KEPT_WINDOWS + 2; i++) query.prefetch(doc, week(`2026-02-${String(2 + 7 * (i % 4)).padStart(2, '0')}`));
    expect(query.get(doc, week('2026-01-12'))).toBe(shown);
  });

  it('expands again after the document changed (a new revision), and then shows the change', () => {
    const doc = seeded();
    const query = new OccurrenceQuery();
    const before = query.get(doc, week('2026-01-12'));
    query.prefetch(doc, week('2026-01-19'));
    createEvent(doc, { uid: 'new', summary: 'Budget', calendarId: 'work', start: '2026-01-13T11:00:00', end: '2026-01-13T12:00:00', timeZone: ZONE });
    const after = query.get(doc, week('2026-01-12', 1));
    expect(after).not.toBe(before);
    expect(after.map((o) => o.summary)).toContain('Budget');
    expect(query.get(doc, week('2026-01-19', 1))).toHaveLength(7);
  });

  it('leaves out hidden calendars, and keeps answers apart per set of hidden calendars and per document', () => {
    const doc = seeded();
    const other = new Y.Doc();
    const query = new OccurrenceQuery();
    const all = query.get(doc, week('2026-01-12'));
    const hidden = new Set(['work']);
    expect(query.get(doc, week('2026-01-12', 0, hidden)).map((o) => o.summary)).toEqual(['Dentist']);
    expect(query.get(doc, week('2026-01-12'))).toBe(all);
    // Another document's answer is its own; the first document's answers are let go (an element shows one document).
    expect(query.get(other, week('2026-01-12'))).toEqual([]);
    const again = query.get(doc, week('2026-01-12'));
    expect(again).not.toBe(all);
    expect(again).toEqual(all);
  });

  it('forgets everything on clear()', () => {
    const doc = seeded();
    const query = new OccurrenceQuery();
    const first = query.get(doc, week('2026-01-12'));
    query.clear();
    const again = query.get(doc, week('2026-01-12'));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
  it('peeks at a kept answer without expanding a window or changing which answers are kept', () => {
    const doc = seeded();
    const query = new OccurrenceQuery();
    expect(query.peek(doc, week('2026-01-12'))).toBeNull();
    const shown = query.get(doc, week('2026-01-12'));
    expect(query.peek(doc, week('2026-01-12'))).toBe(shown);
    expect(query.peek(doc, week('2026-01-19'))).toBeNull();
    expect(query.peek(doc, week('2026-01-12', 1))).toBeNull();
    expect(query.peek(new Y.Doc(), week('2026-01-12'))).toBeNull();
    expect(query.peek(doc, week('2026-01-12', 0, new Set(['home'])))).toBeNull();
    // Peeking does not make an answer the most recently used: the page peeked at goes first when more are kept.
    for (let i = 1; i < KEPT_WINDOWS; i++) query.get(doc, week(`2026-0${1 + i}-02`));
    query.peek(doc, week('2026-01-12'));
    query.get(doc, week('2026-06-01'));
    expect(query.peek(doc, week('2026-01-12'))).toBeNull();
  });
});
