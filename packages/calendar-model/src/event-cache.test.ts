import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { clearExpansionCache, createEvent, deleteEvent, occurrences, updateEvent } from './index.js';

const now = (): Date => new Date('2026-01-01T00:00:00Z');
const week = { from: '2026-03-23T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', timeZone: 'Europe/Berlin' };

function daily(doc: Y.Doc, uid = 'standup'): void {
  createEvent(doc, {
    uid, summary: 'Stand-up', start: '2026-03-23T09:00:00', end: '2026-03-23T09:15:00',
    timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY',
  });
}

function eventMap(doc: Y.Doc, uid: string): Y.Map<unknown> {
  return doc.getMap('events').get(uid) as Y.Map<unknown>;
}

/** The query without the parsed-event cache: inside a transaction every event map is read afresh. */
function uncached(doc: Y.Doc, query = week): ReturnType<typeof occurrences> {
  let list: ReturnType<typeof occurrences> = [];
  doc.transact(() => {
    list = occurrences(doc, query);
  });
  return list;
}

describe('occurrences() cache of parsed events', () => {
  it('shows a field edited after the last query', () => {
    const doc = new Y.Doc();
    daily(doc);
    daily(doc, 'other');
    expect(occurrences(doc, week).filter((o) => o.uid === 'standup').map((o) => o.summary)).toEqual(Array(7).fill('Stand-up'));
    updateEvent(doc, 'standup', { summary: 'Daily', location: 'Room 1' }, { now });
    const out = occurrences(doc, week);
    expect(out.filter((o) => o.uid === 'standup').map((o) => `${o.summary}@${o.location}`)).toEqual(Array(7).fill('Daily@Room 1'));
    // The untouched event is unchanged.
    expect(out.filter((o) => o.uid === 'other').map((o) => o.summary)).toEqual(Array(7).fill('Stand-up'));
    expect(out).toEqual(uncached(doc));
  });

  it('shows a timing edit, an override and an EXDATE made after the last query', () => {
    const doc = new Y.Doc();
    daily(doc);
    occurrences(doc, week);
    updateEvent(doc, 'standup', { summary: 'Moved' }, { mode: 'this', recurrenceId: '2026-03-24T09:00:00', now });
    let out = occurrences(doc, week);
    expect(out[1]).toMatchObject({ recurrenceId: '2026-03-24T09:00:00', summary: 'Moved', overridden: true });
    deleteEvent(doc, 'standup', { mode: 'this', recurrenceId: '2026-03-25T09:00:00', now });
    out = occurrences(doc, week);
    expect(out.map((o) => o.recurrenceId)).not.toContain('2026-03-25T09:00:00');
    expect(out).toHaveLength(6);
    updateEvent(doc, 'standup', { start: '2026-03-23T10:00:00', end: '2026-03-23T10:30:00' }, { now });
    out = occurrences(doc, week);
    expect(out[0]!.start).toBe('2026-03-23T10:00:00+01:00');
    expect(out.at(-1)!.start).toBe('2026-03-29T10:00:00+02:00');
    expect(out.find((o) => o.overridden)).toMatchObject({ recurrenceId: '2026-03-24T10:00:00', start: '2026-03-24T10:00:00+01:00', summary: 'Moved' });
    expect(out).toEqual(uncached(doc));
  });

  it('shows RDATEs and EXDATEs written straight into the child maps, and events added, deleted and replaced', () => {
    const doc = new Y.Doc();
    daily(doc);
    createEvent(doc, { uid: 'once', summary: 'Once', start: '2026-03-25T12:00:00', end: '2026-03-25T13:00:00', timeZone: 'Europe/Berlin' });
    occurrences(doc, week);
    (eventMap(doc, 'standup').get('exdates') as Y.Map<unknown>).set('2026-03-26T09:00:00', true);
    expect(occurrences(doc, week).filter((o) => o.uid === 'standup')).toHaveLength(6);
    (eventMap(doc, 'once').get('rdates') as Y.Map<unknown>).set('2026-03-27T12:00:00', true);
    expect(occurrences(doc, week).filter((o) => o.uid === 'once').map((o) => o.recurrenceId)).toEqual(['2026-03-25T12:00:00', '2026-03-27T12:00:00']);
    deleteEvent(doc, 'once', { now });
    expect(occurrences(doc, week).some((o) => o.uid === 'once')).toBe(false);
    // The same uid again, now with another summary: the old parse must not come back.
    createEvent(doc, { uid: 'once', summary: 'Again', start: '2026-03-28T12:00:00', end: '2026-03-28T13:00:00', timeZone: 'Europe/Berlin' });
    expect(occurrences(doc, week).filter((o) => o.uid === 'once').map((o) => o.summary)).toEqual(['Again']);
    expect(occurrences(doc, week)).toEqual(uncached(doc));
  });

  it('sees a remote update applied with Y.applyUpdate', () => {
    const alice = new Y.Doc();
    const bob = new Y.Doc();
    daily(alice);
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    expect(occurrences(bob, week)).toHaveLength(7);
    const before = Y.encodeStateVector(alice);
    updateEvent(alice, 'standup', { summary: 'Remote' }, { now });
    updateEvent(alice, 'standup', { location: 'Hall' }, { mode: 'this', recurrenceId: '2026-03-27T09:00:00', now });
    deleteEvent(alice, 'standup', { mode: 'this', recurrenceId: '2026-03-28T09:00:00', now });
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice, before));
    const out = occurrences(bob, week);
    expect(out).toHaveLength(6);
    expect(out.every((o) => o.summary === 'Remote')).toBe(true);
    expect(out.find((o) => o.recurrenceId === '2026-03-27T09:00:00')).toMatchObject({ location: 'Hall', overridden: true });
    expect(out).toEqual(occurrences(alice, week));
  });

  it('is up to date inside an observer that runs before any other, and inside a transaction', () => {
    const doc = new Y.Doc();
    daily(doc);
    const seen: string[] = [];
    // Registered before the first query, so this observer runs before anything the query sets up.
    doc.getMap('events').observeDeep(() => {
      seen.push(occurrences(doc, week)[0]!.summary);
    });
    occurrences(doc, week);
    updateEvent(doc, 'standup', { summary: 'Seen' }, { now });
    expect(seen).toEqual(['Seen']);
    doc.transact(() => {
      eventMap(doc, 'standup').set('summary', 'Inside');
      expect(occurrences(doc, week)[0]!.summary).toBe('Inside');
    });
    expect(occurrences(doc, week)[0]!.summary).toBe('Inside');
  });

  it('keeps reporting an unreadable event on every query until it is repaired', () => {
    const doc = new Y.Doc();
    daily(doc);
    eventMap(doc, 'standup').set('rrule', 'FREQ=SOMETIMES');
    for (let i = 0; i < 2; i++) {
      const invalid: string[] = [];
      expect(occurrences(doc, { ...week, onInvalid: (uid) => invalid.push(uid) })).toEqual([]);
      expect(invalid).toEqual(['standup']);
    }
    eventMap(doc, 'standup').set('rrule', 'FREQ=DAILY;COUNT=2');
    expect(occurrences(doc, week).map((o) => o.recurrenceId)).toEqual(['2026-03-23T09:00:00', '2026-03-24T09:00:00']);
  });

  it('gives the same result per viewer zone for floating times, and after clearExpansionCache()', () => {
    const doc = new Y.Doc();
    createEvent(doc, { uid: 'float', summary: 'Floating', start: '2026-03-23T09:00:00', end: '2026-03-23T10:00:00', rrule: 'FREQ=DAILY;COUNT=3' });
    const berlin = occurrences(doc, week);
    const tokyo = occurrences(doc, { ...week, timeZone: 'Asia/Tokyo' });
    expect(berlin.map((o) => o.start)).toEqual(['2026-03-23T09:00:00+01:00', '2026-03-24T09:00:00+01:00', '2026-03-25T09:00:00+01:00']);
    expect(tokyo.map((o) => o.start)).toEqual(['2026-03-23T09:00:00+09:00', '2026-03-24T09:00:00+09:00', '2026-03-25T09:00:00+09:00']);
    clearExpansionCache();
    expect(occurrences(doc, week)).toEqual(berlin);
    expect(occurrences(doc, { ...week, timeZone: 'Asia/Tokyo' })).toEqual(tokyo);
  });
});
