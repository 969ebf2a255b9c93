import { createEvent, exportICS, getEvent, occurrences, updateEvent } from '@allmende/calendar-model';
import type { Occurrence } from '@allmende/calendar-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventForm, formPatch, formProblem, minutesTrigger, newEventForm, triggerMinutes } from './event-form.js';
import { deleteOccurrence, moveOccurrence } from './move-event.js';

const Z = 'Europe/Berlin';

function occ(doc: Y.Doc, from: string, to: string, zone = Z): Occurrence[] {
  return occurrences(doc, { from, to, timeZone: zone });
}

function weekly(doc: Y.Doc): void {
  createEvent(doc, { uid: 's', summary: 'Jour fixe', start: '2026-11-02T10:00:00', end: '2026-11-02T11:00:00', timeZone: Z, rrule: 'FREQ=WEEKLY;COUNT=6' });
}

describe('moving and resizing occurrences', () => {
  it('moves a single event by whole days and minutes, and resizes its end', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'a', summary: 'A', start: '2026-12-02T09:00:00', end: '2026-12-02T10:00:00', timeZone: Z });
    moveOccurrence(doc, occ(doc, '2026-12-01', '2026-12-08')[0]!, { start: 1440 + 30, end: 1440 + 45 }, 'this');
    expect(getEvent(doc, 'a')).toMatchObject({ start: '2026-12-03T09:30:00', end: '2026-12-03T10:45:00', timeZone: Z });
  });

  it('moves one occurrence, the following ones, or the whole series', () => {
    const doc = new Y.Doc();
    weekly(doc);
    const third = occ(doc, '2026-11-16', '2026-11-17')[0]!;
    moveOccurrence(doc, third, { start: 60, end: 60 }, 'this');
    expect(occ(doc, '2026-11-01', '2026-12-31').map((o) => o.start.slice(0, 16))).toEqual([
      '2026-11-02T10:00', '2026-11-09T10:00', '2026-11-16T11:00', '2026-11-23T10:00', '2026-11-30T10:00', '2026-12-07T10:00',
    ]);
    const fifth = occ(doc, '2026-11-30', '2026-12-01')[0]!;
    const newUid = moveOccurrence(doc, fifth, { start: -1440, end: -1440 }, 'following');
    expect(newUid).not.toBe('s');
    expect(occ(doc, '2026-11-01', '2026-12-31').map((o) => o.start.slice(0, 10))).toEqual([
      '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-29', '2026-12-06',
    ]);
    const first = occ(doc, '2026-11-02', '2026-11-03')[0]!;
    moveOccurrence(doc, first, { start: 30, end: 30 }, 'all');
    expect(getEvent(doc, 's')).toMatchObject({ start: '2026-11-02T10:30:00', end: '2026-11-02T11:30:00' });
    // The override of the third occurrence still names it (its recurrence id moved with the series) and keeps its own start.
    const moved = occ(doc, '2026-11-16', '2026-11-17')[0]!;
    expect(moved.recurrenceId).toBe('2026-11-16T10:30:00');
    expect(moved.start.slice(0, 16)).toBe('2026-11-16T11:00');
  });

  it('keeps an event at least one slot long when its end is dragged above its start', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'a', start: '2026-12-02T09:00:00', end: '2026-12-02T10:00:00', timeZone: Z });
    moveOccurrence(doc, occ(doc, '2026-12-01', '2026-12-08')[0]!, { start: 0, end: -120 }, 'all');
    expect(getEvent(doc, 'a')).toMatchObject({ start: '2026-12-02T09:00:00', end: '2026-12-02T09:15:00' });
  });

  it('moves all-day events by days and keeps them all-day', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'h', summary: 'Holiday', start: '2026-12-21', end: '2026-12-24' });
    moveOccurrence(doc, occ(doc, '2026-12-01', '2027-01-01')[0]!, { start: 2 * 1440, end: 3 * 1440 }, 'all');
    expect(getEvent(doc, 'h')).toMatchObject({ start: '2026-12-23', end: '2026-12-27' });
  });

  it('moves an event of another zone by wall time in its own zone', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'ny', start: '2026-12-02T09:00:00', end: '2026-12-02T10:00:00', timeZone: 'America/New_York' });
    const shown = occ(doc, '2026-12-01', '2026-12-08')[0]!;
    expect(shown.start).toBe('2026-12-02T15:00:00+01:00');
    moveOccurrence(doc, shown, { start: 60, end: 60 }, 'all');
    expect(getEvent(doc, 'ny')).toMatchObject({ start: '2026-12-02T10:00:00', timeZone: 'America/New_York' });
  });

  it('refuses to move an event someone deleted, with a message, and changes nothing', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'a', start: '2026-12-02T09:00:00', end: '2026-12-02T10:00:00', timeZone: Z });
    const o = occ(doc, '2026-12-01', '2026-12-08')[0]!;
    deleteOccurrence(doc, o, 'all');
    expect(() => moveOccurrence(doc, o, { start: 15, end: 15 }, 'all')).toThrow(/no longer exists/);
    expect(occ(doc, '2026-12-01', '2026-12-08')).toEqual([]);
  });

  it('deletes one occurrence, the following ones, or all', () => {
    const doc = new Y.Doc();
    weekly(doc);
    deleteOccurrence(doc, occ(doc, '2026-11-09', '2026-11-10')[0]!, 'this');
    deleteOccurrence(doc, occ(doc, '2026-11-30', '2026-12-01')[0]!, 'following');
    expect(occ(doc, '2026-11-01', '2026-12-31').map((o) => o.start.slice(0, 10))).toEqual(['2026-11-02', '2026-11-16', '2026-11-23']);
    deleteOccurrence(doc, occ(doc, '2026-11-16', '2026-11-17')[0]!, 'all');
    expect(occ(doc, '2026-11-01', '2026-12-31')).toEqual([]);
  });
});

describe('the event form', () => {
  it('writes only the fields the user changed, so a concurrent edit of another field survives', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    createEvent(a, { uid: 'p', summary: 'Planning', start: '2026-12-02T10:00:00', end: '2026-12-02T11:00:00', timeZone: Z });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const event = getEvent(a, 'p')!;
    const shown = occ(a, '2026-12-01', '2026-12-08')[0]!;
    const formA = eventForm(event, shown, Z);
    const formB = eventForm(event, shown, Z);
    const patchA = formPatch({ ...formA, title: 'Planning Q1' }, formA, event, Z, 'all');
    const patchB = formPatch({ ...formB, location: 'Room 2' }, formB, event, Z, 'all');
    expect(patchA).toEqual({ summary: 'Planning Q1' });
    expect(patchB).toEqual({ location: 'Room 2' });
    updateEvent(a, 'p', patchA);
    updateEvent(b, 'p', patchB);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(getEvent(a, 'p')).toMatchObject({ summary: 'Planning Q1', location: 'Room 2' });
    expect(getEvent(b, 'p')).toMatchObject({ summary: 'Planning Q1', location: 'Room 2' });
  });

  it('shows an occurrence of a series with its own times, and a series edit moves the series by as much', () => {
    const doc = new Y.Doc();
    weekly(doc);
    const event = getEvent(doc, 's')!;
    const third = occ(doc, '2026-11-16', '2026-11-17')[0]!;
    const form = eventForm(event, third, Z);
    expect(form).toMatchObject({ startDate: '2026-11-16', startTime: '10:00', endTime: '11:00', timeZone: Z });
    expect(form.recurrence).toMatchObject({ kind: 'weekly', weekdays: ['MO'], ends: 'after', count: 6 });
    const patch = formPatch({ ...form, startTime: '10:30', endTime: '12:00' }, form, event, Z, 'all');
    expect(patch).toMatchObject({ start: '2026-11-02T10:30:00', end: '2026-11-02T12:00:00' });
  });

  it('reads the series rule into the simple choices when it can', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'w', start: '2026-11-30T09:00:00', end: '2026-11-30T09:15:00', timeZone: Z, rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261231T225959Z' });
    const form = eventForm(getEvent(doc, 'w')!, undefined, Z);
    expect(form.recurrence).toMatchObject({ kind: 'weekly', weekdays: ['MO', 'WE'], ends: 'on', until: '2026-12-31' });
    // Written back unchanged: the end of the last day in the event's zone, in UTC.
    expect(formPatch({ ...form, title: 'x', recurrence: { ...form.recurrence, interval: 2 } }, form, getEvent(doc, 'w'), Z, 'all').rrule)
      .toBe('FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=2;UNTIL=20261231T225959Z');
  });

  it('creates new events with every field, all-day ones with an exclusive end date', () => {
    const form = newEventForm('2026-12-21', '2026-12-22', 'cal', Z);
    expect(form).toMatchObject({ allDay: true, startDate: '2026-12-21', endDate: '2026-12-21' });
    const patch = formPatch({ ...form, title: 'Holiday', endDate: '2026-12-23', reminders: [{ id: 'r', minutes: 1440 }] }, null, undefined, Z, 'all');
    expect(patch).toMatchObject({ summary: 'Holiday', start: '2026-12-21', end: '2026-12-24', calendarId: 'cal' });
    expect(patch.timeZone).toBeUndefined();
    expect(patch.alarms).toEqual([{ id: 'r', action: 'DISPLAY', trigger: '-P1D', description: 'Holiday' }]);
  });

  it('finds problems: the end before the start, a bad attendee address', () => {
    const form = newEventForm('2026-12-02T10:00:00', '2026-12-02T11:00:00', 'cal', Z);
    expect(formProblem(form)).toBeNull();
    expect(formProblem({ ...form, endTime: '09:00' })).toEqual({ key: 'endBeforeStart' });
    expect(formProblem({ ...form, attendees: [{ email: 'not an address', name: '', partstat: 'ACCEPTED' }] })).toEqual({ key: 'badEmail', email: 'not an address' });
  });

  it('reads and writes reminder triggers, and keeps ones it cannot show', () => {
    expect(triggerMinutes({ id: 'a', action: 'DISPLAY', trigger: '-PT15M' })).toBe(15);
    expect(triggerMinutes({ id: 'a', action: 'DISPLAY', trigger: '-P1DT2H' })).toBe(1560);
    expect(triggerMinutes({ id: 'a', action: 'DISPLAY', trigger: '20260301T080000Z' })).toBeNull();
    expect(triggerMinutes({ id: 'a', action: 'DISPLAY', trigger: '-PT5M', related: 'END' })).toBeNull();
    expect(minutesTrigger(30)).toBe('-PT30M');
    expect(minutesTrigger(2880)).toBe('-P2D');
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'r', start: '2026-12-02T10:00:00', end: '2026-12-02T11:00:00', timeZone: Z,
      alarms: [{ id: 'abs', action: 'AUDIO', trigger: '20261202T080000Z' }, { id: 'rel', action: 'DISPLAY', trigger: '-PT10M' }] });
    const event = getEvent(doc, 'r')!;
    const form = eventForm(event, undefined, Z);
    expect(form.reminders).toEqual([{ id: 'abs', minutes: -1 }, { id: 'rel', minutes: 10 }]);
    const patch = formPatch({ ...form, reminders: [form.reminders[0]!, { id: 'rel', minutes: 20 }] }, form, event, Z, 'all');
    expect(patch.alarms).toEqual([
      { id: 'abs', action: 'AUDIO', trigger: '20261202T080000Z' },
      { id: 'rel', action: 'DISPLAY', trigger: '-PT20M', description: 'Reminder' },
    ]);
  });

  it('refuses an invalid custom rule with the engine\'s message', () => {
    const form = newEventForm('2026-12-02T10:00:00', '2026-12-02T11:00:00', 'cal', Z);
    expect(() => formPatch({ ...form, recurrence: { ...form.recurrence, kind: 'custom', custom: 'FREQ=MONTHLY;BYMONTHDAY=32' } }, null, undefined, Z, 'all'))
      .toThrow(/BYMONTHDAY=32/);
  });
});

describe('export of one event', () => {
  it('writes only that event and its overrides', () => {
    const doc = new Y.Doc();
    weekly(doc);
    createEvent(doc, { uid: 'other', summary: 'Other', start: '2026-12-02T10:00:00', end: '2026-12-02T11:00:00', timeZone: Z });
    updateEvent(doc, 's', { summary: 'Moved' }, { mode: 'this', recurrenceId: '2026-11-16T10:00:00' });
    const text = exportICS(doc, { uid: 's' });
    expect(text).toContain('UID:s\r\n');
    expect(text).not.toContain('UID:other');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});
