import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createEvent, deleteEvent, listEvents, occurrences, setParticipation, updateEvent } from './index.js';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const window = { from: '2026-03-01T00:00:00+01:00', to: '2026-05-01T00:00:00+02:00', timeZone: 'Europe/Berlin' };
const now = (): Date => new Date('2026-02-01T00:00:00Z');

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

/** The query without the parsed-event cache: inside a transaction every event map is read afresh. */
function uncached(doc: Y.Doc): ReturnType<typeof occurrences> {
  let list: ReturnType<typeof occurrences> = [];
  doc.transact(() => {
    list = occurrences(doc, window);
  });
  return list;
}

function run(seed: number, clients: number, steps: number): void {
  const rand = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!;
  // Fixed client ids: Yjs breaks ties between concurrent writes by client id, so the run is reproducible.
  const origin = new Y.Doc();
  origin.clientID = seed * 100;
  createEvent(origin, { uid: 'daily', summary: 'Daily', start: '2026-03-02T09:00:00', end: '2026-03-02T09:15:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=DAILY', attendees: [{ email: 'ada@example.org' }, { email: 'bob@example.org' }] });
  createEvent(origin, { uid: 'weekly', summary: 'Weekly', start: '2026-03-03T14:00:00', end: '2026-03-03T15:00:00', timeZone: 'America/New_York', rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=12' });
  createEvent(origin, { uid: 'monthly', summary: 'Review', start: '2026-03-31', end: '2026-04-01', rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1' });
  const docs = Array.from({ length: clients }, (_, i) => {
    const doc = new Y.Doc();
    doc.clientID = seed * 100 + i + 1;
    sync(origin, doc);
    return doc;
  });
  let applied = 0;
  for (let step = 0; step < steps; step++) {
    const index = Math.floor(rand() * clients);
    const doc = docs[index]!;
    const list = occurrences(doc, window).filter((o) => o.recurrenceId !== undefined);
    if (list.length === 0) continue;
    const target = pick(list);
    const rid = target.recurrenceId!;
    const op = Math.floor(rand() * 10);
    try {
      switch (op) {
        case 0: updateEvent(doc, target.uid, { summary: `s${seed}-${step}` }, { now }); break;
        case 1: updateEvent(doc, target.uid, { location: `room ${step}` }, { mode: 'this', recurrenceId: rid, now }); break;
        case 2: updateEvent(doc, target.uid, { summary: `o${step}` }, { mode: 'this', recurrenceId: rid, now }); break;
        case 3: deleteEvent(doc, target.uid, { mode: 'this', recurrenceId: rid, now }); break;
        case 4: updateEvent(doc, target.uid, { description: `split ${step}` }, { mode: 'following', recurrenceId: rid, newUid: `split-${seed}-${step}`, now }); break;
        case 5: setParticipation(doc, 'daily', pick(['ada@example.org', 'bob@example.org']), pick(['ACCEPTED', 'DECLINED', 'TENTATIVE'])); break;
        case 6: deleteEvent(doc, target.uid, { mode: 'following', recurrenceId: rid, now }); break;
        case 7: updateEvent(doc, target.uid, { start: rid.length === 10 ? rid : `${rid.slice(0, 11)}07:30:00`, end: undefined, duration: rid.length === 10 ? 'P1D' : 'PT30M' }, { mode: 'this', recurrenceId: rid, now }); break;
        default: updateEvent(doc, target.uid, { location: `series room ${step}` }, { now });
      }
      applied++;
    } catch (error) {
      // A concurrent edit may have removed the occurrence or attendee: a clear RangeError, nothing written.
      expect(error).toBeInstanceOf(RangeError);
    }
    // The cached query sees the local edit exactly as a fresh read does.
    expect(occurrences(doc, window)).toEqual(uncached(doc));
    // Deliver a random subset of pending updates in random order.
    if (rand() < 0.5) {
      const a = pick(docs);
      const b = pick(docs);
      if (a !== b) {
        occurrences(b, window);
        sync(a, b);
        // ... and the remote update applied to b.
        expect(occurrences(b, window)).toEqual(uncached(b));
      }
    }
  }
  expect(applied).toBeGreaterThan(steps / 3);
  // Reconnect everyone, in a random order.
  for (let round = 0; round < 2; round++) {
    for (const a of [...docs].sort(() => rand() - 0.5)) for (const b of docs) if (a !== b) sync(a, b);
  }
  const expectedEvents = listEvents(docs[0]!);
  const expectedOccurrences = occurrences(docs[0]!, window);
  expect(expectedOccurrences.length).toBeGreaterThan(0);
  for (const doc of docs.slice(1)) {
    expect(listEvents(doc)).toEqual(expectedEvents);
    expect(occurrences(doc, window)).toEqual(expectedOccurrences);
  }
  for (const doc of docs) {
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    expect(occurrences(fresh, window)).toEqual(expectedOccurrences);
    expect(uncached(doc)).toEqual(expectedOccurrences);
  }
}

describe('seeded random convergence', () => {
  for (const seed of [1, 2, 3, 42, 2026]) {
    it(`seed ${seed}: concurrent field, occurrence and split edits on 4 docs converge`, () => {
      run(seed, seed % 2 === 0 ? 3 : 4, 80);
    });
  }
});
