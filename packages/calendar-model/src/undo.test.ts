import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createEvent, createUndoManager, deleteCalendar, getEvent, listCalendars, setCalendar, updateEvent } from './index.js';

/** Two replicas that exchange every update, the remote ones applied with a provider-like origin. */
function pair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const remote = Symbol('remote');
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== remote && Y.applyUpdate(b, u, remote));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== remote && Y.applyUpdate(a, u, remote));
  return [a, b];
}

const meeting = { uid: 'm1', summary: 'Planning', start: '2026-03-23T09:00:00', end: '2026-03-23T10:00:00', timeZone: 'Europe/Berlin' };

describe('createUndoManager', () => {
  it('undoes and redoes this user’s own edits, step by step', () => {
    const doc = new Y.Doc();
    const undo = createUndoManager(doc, { captureTimeout: 0 });
    createEvent(doc, meeting);
    undo.stopCapturing();
    updateEvent(doc, 'm1', { summary: 'Planning v2' });
    expect(getEvent(doc, 'm1')?.summary).toBe('Planning v2');
    undo.undo();
    expect(getEvent(doc, 'm1')?.summary).toBe('Planning');
    undo.undo();
    expect(getEvent(doc, 'm1')).toBeUndefined();
    undo.redo();
    undo.redo();
    expect(getEvent(doc, 'm1')?.summary).toBe('Planning v2');
    undo.destroy();
  });

  it('never takes back what someone else changed, even on the same event', () => {
    const [a, b] = pair();
    createEvent(a, meeting);
    const undoA = createUndoManager(a, { captureTimeout: 0 });
    const undoB = createUndoManager(b, { captureTimeout: 0 });
    updateEvent(a, 'm1', { summary: 'Ada’s title' });
    updateEvent(b, 'm1', { location: 'Room 4' });
    expect(undoB.undoStack.length).toBe(1);
    undoA.undo();
    expect(getEvent(a, 'm1')?.summary).toBe('Planning');
    expect(getEvent(a, 'm1')?.location).toBe('Room 4');
    expect(getEvent(b, 'm1')).toEqual(getEvent(a, 'm1'));
    // Undoing with nothing of one's own left changes nothing.
    expect(undoA.undo()).toBeNull();
    expect(getEvent(a, 'm1')?.location).toBe('Room 4');
  });

  it('brings back a deleted calendar with its events', () => {
    const doc = new Y.Doc();
    setCalendar(doc, { id: 'work', name: 'Work', color: '#3366cc' });
    createEvent(doc, { ...meeting, calendarId: 'work' });
    const undo = createUndoManager(doc);
    deleteCalendar(doc, 'work', { deleteEvents: true });
    expect(listCalendars(doc)).toEqual([]);
    expect(getEvent(doc, 'm1')).toBeUndefined();
    undo.undo();
    expect(listCalendars(doc).map((c) => c.name)).toEqual(['Work']);
    expect(getEvent(doc, 'm1')?.calendarId).toBe('work');
  });
});
