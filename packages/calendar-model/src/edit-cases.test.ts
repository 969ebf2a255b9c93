import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createEvent, getEvent, occurrences, updateEvent } from './index.js';

const now = (): Date => new Date('2026-01-01T00:00:00Z');

describe('series splits in every kind of time', () => {
  it('an all-day series ends with a DATE UNTIL the day before', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'a', summary: 'Urlaub', start: '2026-07-01', end: '2026-07-02', rrule: 'FREQ=DAILY;COUNT=10' });
    updateEvent(doc, 'a', { summary: 'Rest' }, { mode: 'following', recurrenceId: '2026-07-04', newUid: 'b', now });
    expect(getEvent(doc, 'a')!.rrule).toBe('FREQ=DAILY;COUNT=3');
    expect(getEvent(doc, 'b')).toMatchObject({ start: '2026-07-04', end: '2026-07-05', rrule: 'FREQ=DAILY;COUNT=7' });
    const unbounded = new Y.Doc();
    createEvent(unbounded, { uid: 'a', start: '2026-07-01', rrule: 'FREQ=WEEKLY' });
    updateEvent(unbounded, 'a', {}, { mode: 'following', recurrenceId: '2026-07-15', newUid: 'b', now });
    expect(getEvent(unbounded, 'a')!.rrule).toBe('FREQ=WEEKLY;UNTIL=20260714');
    expect(occurrences(unbounded, { from: '2026-07-01', to: '2026-07-30' }).map((o) => `${o.uid} ${o.start}`))
      .toEqual(['a 2026-07-01', 'a 2026-07-08', 'b 2026-07-15', 'b 2026-07-22', 'b 2026-07-29']);
  });

  it('a floating series ends with a local UNTIL', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'f', start: '2026-07-01T08:00:00', end: '2026-07-01T09:00:00', rrule: 'FREQ=DAILY' });
    updateEvent(doc, 'f', {}, { mode: 'following', recurrenceId: '2026-07-03T08:00:00', newUid: 'g', now });
    expect(getEvent(doc, 'f')!.rrule).toBe('FREQ=DAILY;UNTIL=20260703T075959');
  });

  it('a split on the night of a DST change keeps the exact length of the event', () => {
    const doc = new Y.Doc();
    // 01:30–03:30 lasts two hours; on the night clocks go forward the wall clock shows 01:30–04:30.
    createEvent(doc, { uid: 'n', start: '2026-03-25T01:30:00', end: '2026-03-25T03:30:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY' });
    updateEvent(doc, 'n', {}, { mode: 'following', recurrenceId: '2026-03-29T01:30:00', newUid: 'm', now });
    expect(getEvent(doc, 'm')).toMatchObject({ start: '2026-03-29T01:30:00', end: '2026-03-29T04:30:00' });
    const out = occurrences(doc, { from: '2026-03-28T12:00:00+01:00', to: '2026-03-31', timeZone: 'Europe/Berlin' });
    expect(out.map((o) => `${o.uid} ${o.start} ${o.end}`)).toEqual([
      'm 2026-03-29T01:30:00+01:00 2026-03-29T04:30:00+02:00',
      'm 2026-03-30T01:30:00+02:00 2026-03-30T03:30:00+02:00',
    ]);
    expect(out.every((o) => o.endMs - o.startMs === 2 * 3_600_000)).toBe(true);
  });
});

describe('moving a series', () => {
  it('a new start without an end keeps the length of the event', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 's', start: '2026-05-04T10:00:00', end: '2026-05-04T10:45:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY' });
    updateEvent(doc, 's', { start: '2026-05-04T14:00:00' }, { now });
    expect(getEvent(doc, 's')).toMatchObject({ start: '2026-05-04T14:00:00', end: '2026-05-04T14:45:00' });
    updateEvent(doc, 's', { start: '2026-05-08T08:00:00' }, { mode: 'following', recurrenceId: '2026-05-07T14:00:00', newUid: 't', now });
    expect(getEvent(doc, 't')).toMatchObject({ start: '2026-05-08T08:00:00', end: '2026-05-08T08:45:00' });
  });
});

describe('occurrence edits', () => {
  it('an override may move an occurrence to another zone', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'w', summary: 'Weekly', start: '2026-05-04T10:00:00', end: '2026-05-04T11:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY' });
    updateEvent(doc, 'w', { start: '2026-05-11T09:00:00', end: '2026-05-11T10:00:00', timeZone: 'America/New_York' }, { mode: 'this', recurrenceId: '2026-05-11T10:00:00', now });
    const out = occurrences(doc, { from: '2026-05-10', to: '2026-05-13', timeZone: 'Europe/Berlin' });
    expect(out).toEqual([expect.objectContaining({ start: '2026-05-11T15:00:00+02:00', end: '2026-05-11T16:00:00+02:00', recurrenceId: '2026-05-11T10:00:00', overridden: true })]);
  });

  it('a bad occurrence edit throws and writes nothing', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'w', start: '2026-05-04T10:00:00', end: '2026-05-04T11:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY' });
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => updateEvent(doc, 'w', { start: '2026-05-11T12:00:00', end: '2026-05-11T11:00:00' }, { mode: 'this', recurrenceId: '2026-05-11T10:00:00' })).toThrow(/before the start/);
    expect(() => updateEvent(doc, 'w', { timeZone: 'Nowhere/Land' }, { mode: 'this', recurrenceId: '2026-05-11T10:00:00' })).toThrow(/Unknown time zone/);
    expect(() => updateEvent(doc, 'w', { summary: 'x' }, { mode: 'this', recurrenceId: '2026-05-12T10:00:00' })).toThrow(/not an occurrence/);
    expect(() => updateEvent(doc, 'w', { rrule: 'FREQ=WEEKLY;BYDAY=XX' })).toThrow(/not a weekday/);
    expect(() => updateEvent(doc, 'w', {}, { mode: 'sometimes' as never, recurrenceId: '2026-05-11T10:00:00' })).toThrow(/Unknown edit mode/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('reports stored events it cannot read and still returns the others', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'good', start: '2026-05-04' });
    createEvent(doc, { uid: 'bad', start: '2026-05-04' });
    // A foreign client wrote a value this version cannot read.
    (doc.getMap('events').get('bad') as Y.Map<unknown>).set('rrule', 'FREQ=SOMETIMES');
    const invalid: string[] = [];
    const out = occurrences(doc, { from: '2026-05-01', to: '2026-06-01', onInvalid: (uid, error) => invalid.push(`${uid}: ${error.message}`) });
    expect(out.map((o) => o.uid)).toEqual(['good']);
    expect(invalid).toEqual(['bad: Invalid RRULE "FREQ=SOMETIMES": FREQ=SOMETIMES is not one of YEARLY, MONTHLY, WEEKLY, DAILY, HOURLY, MINUTELY, SECONDLY.']);
  });
});
