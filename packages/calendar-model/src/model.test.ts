import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  createEvent, deleteCalendar, deleteEvent, getEvent, listCalendars, occurrences, setCalendar,
  setParticipation, updateEvent,
} from './index.js';

const now = (): Date => new Date('2026-01-01T00:00:00Z');
const week = { from: '2026-03-23T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', timeZone: 'Europe/Berlin' };

function standup(doc: Y.Doc, extra: Record<string, unknown> = {}): string {
  return createEvent(doc, {
    uid: 'standup', summary: 'Stand-up', start: '2026-03-23T09:00:00', end: '2026-03-23T09:15:00',
    timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY', ...extra,
  });
}

describe('calendars', () => {
  it('stores name, colour and description, and deletes with their events', () => {
    const doc = new Y.Doc();
    const id = setCalendar(doc, { id: 'work', name: 'Arbeit', color: '#3366cc', description: 'Team' });
    createEvent(doc, { uid: 'a', calendarId: id, start: '2026-01-01' });
    createEvent(doc, { uid: 'b', start: '2026-01-01' });
    expect(listCalendars(doc)).toEqual([{ id: 'work', name: 'Arbeit', color: '#3366cc', description: 'Team' }]);
    expect(() => setCalendar(doc, { name: '' })).toThrow(/needs a name/);
    expect(() => setCalendar(doc, { name: 'x', color: 'rgb(1' })).toThrow(/colour/);
    deleteCalendar(doc, id, { deleteEvents: true });
    expect(listCalendars(doc)).toEqual([]);
    expect(getEvent(doc, 'a')).toBeUndefined();
    expect(getEvent(doc, 'b')).toBeDefined();
  });
});

describe('occurrences()', () => {
  it('returns a week of a daily series sorted, in the viewer zone, with recurrence ids', () => {
    const doc = new Y.Doc();
    standup(doc);
    createEvent(doc, { uid: 'lunch', summary: 'Lunch', start: '2026-03-25T12:00:00', end: '2026-03-25T13:00:00', timeZone: 'Europe/Berlin' });
    const out = occurrences(doc, week);
    expect(out.map((o) => o.start)).toEqual([
      '2026-03-23T09:00:00+01:00', '2026-03-24T09:00:00+01:00', '2026-03-25T09:00:00+01:00', '2026-03-25T12:00:00+01:00',
      '2026-03-26T09:00:00+01:00', '2026-03-27T09:00:00+01:00', '2026-03-28T09:00:00+01:00', '2026-03-29T09:00:00+02:00',
    ]);
    expect(out[0]).toMatchObject({ uid: 'standup', end: '2026-03-23T09:15:00+01:00', summary: 'Stand-up', recurrenceId: '2026-03-23T09:00:00', allDay: false });
    expect(out[3]).toMatchObject({ uid: 'lunch', summary: 'Lunch' });
    expect(out[3]!.recurrenceId).toBeUndefined();
    const ny = occurrences(doc, { ...week, timeZone: 'America/New_York' });
    expect(ny[0]!.start).toBe('2026-03-23T04:00:00-04:00');
  });

  it('includes overrides (even moved into the window) and leaves out EXDATEs', () => {
    const doc = new Y.Doc();
    standup(doc, { exdates: ['2026-03-24T09:00:00'] });
    updateEvent(doc, 'standup', { summary: 'Retro', start: '2026-03-25T14:00:00', end: '2026-03-25T15:00:00' }, { mode: 'this', recurrenceId: '2026-03-25T09:00:00', now });
    // An occurrence from next week moved into this one.
    updateEvent(doc, 'standup', { start: '2026-03-28T11:00:00' }, { mode: 'this', recurrenceId: '2026-03-30T09:00:00', now });
    const out = occurrences(doc, week);
    expect(out.map((o) => `${o.start} ${o.summary}${o.overridden ? ' *' : ''}`)).toEqual([
      '2026-03-23T09:00:00+01:00 Stand-up',
      '2026-03-25T14:00:00+01:00 Retro *',
      '2026-03-26T09:00:00+01:00 Stand-up',
      '2026-03-27T09:00:00+01:00 Stand-up',
      '2026-03-28T09:00:00+01:00 Stand-up',
      '2026-03-28T11:00:00+01:00 Stand-up *',
      '2026-03-29T09:00:00+02:00 Stand-up',
    ]);
    const moved = out.find((o) => o.recurrenceId === '2026-03-30T09:00:00')!;
    expect(moved.end).toBe('2026-03-28T11:15:00+01:00');
  });

  it('shows all-day events on their dates in every zone', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'holiday', summary: 'Feiertag', start: '2026-03-29', end: '2026-03-30' });
    for (const timeZone of ['Europe/Berlin', 'Pacific/Auckland', 'America/Los_Angeles']) {
      const out = occurrences(doc, { from: '2026-03-29', to: '2026-03-30', timeZone });
      expect(out).toEqual([expect.objectContaining({ start: '2026-03-29', end: '2026-03-30', allDay: true })]);
    }
  });

  it('rejects bad queries clearly', () => {
    const doc = new Y.Doc();
    expect(() => occurrences(doc, { from: 'yesterday', to: '2026-01-01' })).toThrow(/not an ISO 8601/);
    expect(() => occurrences(doc, { from: '2026-01-01', to: '2026-01-02', timeZone: 'Mars/Olympus' })).toThrow(/Unknown time zone/);
    expect(() => occurrences(doc, { from: '2026-01-02', to: '2026-01-01' })).toThrow(/ends before it starts/);
  });

  it('filters by calendar', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'a', calendarId: 'x', start: '2026-01-01' });
    createEvent(doc, { uid: 'b', calendarId: 'y', start: '2026-01-01' });
    expect(occurrences(doc, { from: '2026-01-01', to: '2026-01-02', calendarIds: ['y'] }).map((o) => o.uid)).toEqual(['b']);
  });
});

describe('creating and editing', () => {
  it('validates every field and writes nothing on error', () => {
    const doc = new Y.Doc();
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ start: '2026-13-01' }, /not a local date|does not exist/],
      [{ start: '2026-01-01T10:00:00', timeZone: 'Europe/Atlantis' }, /Unknown time zone/],
      [{ start: '2026-01-01T10:00:00', end: '2026-01-01T09:00:00' }, /before the start/],
      [{ start: '2026-01-01', timeZone: 'Europe/Berlin' }, /all-day event has no time zone/],
      [{ start: '2026-01-01T10:00:00', rrule: 'FREQ=DAILY;BYMONTHDAY=32' }, /BYMONTHDAY=32/],
      [{ start: '2026-01-01T10:00:00', rrule: 'COUNT=2' }, /FREQ is missing/],
      [{ start: '2026-01-01T10:00:00', rrule: 'FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1' }, /never produces an instance after/],
      [{ start: '2026-01-01T10:00:00', status: 'MAYBE' }, /status/],
      [{ start: '2026-01-01T10:00:00', duration: '1h' }, /duration/],
      [{ start: '2026-01-01T10:00:00', alarms: [{ id: 'x', action: 'DISPLAY', trigger: 'soon' }] }, /trigger/],
    ];
    for (const [input, message] of bad) {
      expect(() => createEvent(doc, input as never)).toThrow(message);
    }
    expect(doc.getMap('events').size).toBe(0);
    createEvent(doc, { uid: 'x', start: '2026-01-01' });
    expect(() => createEvent(doc, { uid: 'x', start: '2026-01-01' })).toThrow(/already exists/);
    // An UNTIL before the second instance is legal: the series is just its first instance.
    createEvent(doc, { uid: 'once', start: '2026-01-01T10:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY;UNTIL=20260101T120000Z' });
    expect(occurrences(doc, { from: '2026-01-01', to: '2026-02-01' }).filter((o) => o.uid === 'once')).toHaveLength(1);
  });

  it('"all" moves the series and its exceptions together', () => {
    const doc = new Y.Doc();
    standup(doc, { exdates: ['2026-03-24T09:00:00'] });
    updateEvent(doc, 'standup', { summary: 'Later' }, { mode: 'this', recurrenceId: '2026-03-26T09:00:00', now });
    updateEvent(doc, 'standup', { start: '2026-03-23T10:00:00', end: '2026-03-23T10:15:00' }, { now });
    const event = getEvent(doc, 'standup')!;
    expect(event.exdates).toEqual(['2026-03-24T10:00:00']);
    expect(Object.keys(event.overrides)).toEqual(['2026-03-26T10:00:00']);
    expect(event.sequence).toBe(1);
    const out = occurrences(doc, week);
    expect(out.map((o) => o.start.slice(5, 16))).toEqual(['03-23T10:00', '03-25T10:00', '03-26T10:00', '03-27T10:00', '03-28T10:00', '03-29T10:00']);
    expect(out[2]!.summary).toBe('Later');
  });

  it('"following" splits an UNTIL-less series; the new series keeps the rest and later exceptions', () => {
    const doc = new Y.Doc();
    standup(doc, { exdates: ['2026-03-28T09:00:00'] });
    updateEvent(doc, 'standup', { summary: 'Renamed day' }, { mode: 'this', recurrenceId: '2026-03-27T09:00:00', now });
    const before = occurrences(doc, week).map((o) => o.start);
    const newUid = updateEvent(doc, 'standup', { location: 'Room 2' }, { mode: 'following', recurrenceId: '2026-03-26T09:00:00', newUid: 'standup-2', now });
    expect(newUid).toBe('standup-2');
    const old = getEvent(doc, 'standup')!;
    expect(old.rrule).toBe('FREQ=DAILY;UNTIL=20260326T075959Z');
    expect(old.exdates).toBeUndefined();
    const next = getEvent(doc, 'standup-2')!;
    expect(next).toMatchObject({ start: '2026-03-26T09:00:00', end: '2026-03-26T09:15:00', rrule: 'FREQ=DAILY', location: 'Room 2', relatedTo: 'standup', exdates: ['2026-03-28T09:00:00'] });
    expect(Object.keys(next.overrides)).toEqual(['2026-03-27T09:00:00']);
    const out = occurrences(doc, week);
    expect(out.map((o) => o.start)).toEqual(before);
    expect(out.map((o) => o.uid)).toEqual(['standup', 'standup', 'standup', 'standup-2', 'standup-2', 'standup-2']);
    expect(out[4]!.summary).toBe('Renamed day');
  });

  it('"following" splits a COUNT series with correct counts on both sides', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'c', start: '2026-03-02T09:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10' });
    const all = occurrences(doc, { from: '2026-01-01', to: '2027-01-01' }).map((o) => o.start);
    expect(all).toHaveLength(10);
    updateEvent(doc, 'c', { summary: 'second part' }, { mode: 'following', recurrenceId: '2026-03-11T09:00:00', newUid: 'c2', now });
    expect(getEvent(doc, 'c')!.rrule).toBe('FREQ=WEEKLY;COUNT=3;BYDAY=MO,WE');
    expect(getEvent(doc, 'c2')!.rrule).toBe('FREQ=WEEKLY;COUNT=7;BYDAY=MO,WE');
    const after = occurrences(doc, { from: '2026-01-01', to: '2027-01-01' });
    expect(after.map((o) => o.start)).toEqual(all);
    expect(after.filter((o) => o.summary === 'second part')).toHaveLength(7);
  });

  it('"following" with a new time moves the rest of the series', () => {
    const doc = new Y.Doc();
    standup(doc);
    updateEvent(doc, 'standup', { start: '2026-03-26T10:30:00', end: '2026-03-26T11:00:00' }, { mode: 'following', recurrenceId: '2026-03-26T09:00:00', newUid: 's2', now });
    expect(occurrences(doc, week).map((o) => o.start.slice(8, 16))).toEqual(['23T09:00', '24T09:00', '25T09:00', '26T10:30', '27T10:30', '28T10:30', '29T10:30']);
  });

  it('deletes one, following or all occurrences', () => {
    const doc = new Y.Doc();
    standup(doc);
    deleteEvent(doc, 'standup', { mode: 'this', recurrenceId: '2026-03-24T09:00:00', now });
    deleteEvent(doc, 'standup', { mode: 'following', recurrenceId: '2026-03-27T09:00:00', now });
    expect(occurrences(doc, week).map((o) => o.start.slice(8, 10))).toEqual(['23', '25', '26']);
    expect(() => deleteEvent(doc, 'standup', { mode: 'this', recurrenceId: '2026-03-24T09:30:00' })).toThrow(/not an occurrence/);
    expect(() => deleteEvent(doc, 'standup', { mode: 'this' })).toThrow(/needs the recurrenceId/);
    deleteEvent(doc, 'standup');
    expect(occurrences(doc, week)).toEqual([]);
    expect(() => deleteEvent(doc, 'standup')).toThrow(/No event/);
  });

  it('keeps attendees with participation status, per series and per occurrence', () => {
    const doc = new Y.Doc();
    standup(doc, {
      organizer: { email: 'chef@example.org', name: 'Chef' },
      attendees: [{ email: 'ada@example.org', partstat: 'NEEDS-ACTION' }, { email: 'bob@example.org', role: 'OPT-PARTICIPANT' }],
      alarms: [{ id: 'a1', action: 'DISPLAY', trigger: '-PT10M', description: 'Soon' }],
    });
    setParticipation(doc, 'standup', 'ADA@example.org', 'ACCEPTED');
    setParticipation(doc, 'standup', 'bob@example.org', 'DECLINED', { recurrenceId: '2026-03-25T09:00:00', now });
    const event = getEvent(doc, 'standup')!;
    expect(event.attendees).toEqual([{ email: 'ada@example.org', partstat: 'ACCEPTED' }, { email: 'bob@example.org', role: 'OPT-PARTICIPANT' }]);
    expect(event.overrides['2026-03-25T09:00:00']!.attendees![1]).toMatchObject({ email: 'bob@example.org', partstat: 'DECLINED' });
    expect(event.alarms).toEqual([{ id: 'a1', action: 'DISPLAY', trigger: '-PT10M', description: 'Soon' }]);
    expect(() => setParticipation(doc, 'standup', 'eve@example.org', 'ACCEPTED')).toThrow(/not an attendee/);
  });
});

describe('concurrent edits merge', () => {
  function sync(a: Y.Doc, b: Y.Doc): void {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  }
  it('time moved by one user and title changed by another both survive', () => {
    const a = new Y.Doc();
    standup(a);
    const b = new Y.Doc();
    sync(a, b);
    updateEvent(a, 'standup', { start: '2026-03-23T08:30:00', end: '2026-03-23T08:45:00' }, { now });
    updateEvent(b, 'standup', { summary: 'Daily' }, { now });
    sync(a, b);
    expect(getEvent(a, 'standup')).toMatchObject({ start: '2026-03-23T08:30:00', summary: 'Daily' });
    expect(occurrences(a, week)).toEqual(occurrences(b, week));
  });
  it('two users editing different fields of the same occurrence both survive', () => {
    const a = new Y.Doc();
    standup(a);
    const b = new Y.Doc();
    sync(a, b);
    updateEvent(a, 'standup', { summary: 'Special' }, { mode: 'this', recurrenceId: '2026-03-25T09:00:00', now });
    updateEvent(b, 'standup', { location: 'Garden' }, { mode: 'this', recurrenceId: '2026-03-25T09:00:00', now });
    updateEvent(b, 'standup', { summary: 'Other day' }, { mode: 'this', recurrenceId: '2026-03-26T09:00:00', now });
    sync(a, b);
    const out = occurrences(b, week);
    expect(out.find((o) => o.recurrenceId === '2026-03-25T09:00:00')).toMatchObject({ summary: 'Special', location: 'Garden' });
    expect(out.find((o) => o.recurrenceId === '2026-03-26T09:00:00')).toMatchObject({ summary: 'Other day' });
    expect(occurrences(a, week)).toEqual(out);
  });
});
