import * as Y from 'yjs';
import { ICAL_KEY, TIMEZONES_KEY, calendarsMap, eventsMap } from './model.js';

/** Options for {@link createUndoManager}. */
export interface CalendarUndoOptions {
  /**
   * Transaction origins that count as this user's own edits. Default: `null`
   * (what the engine's functions use when called outside a transaction with
   * an origin), so changes applied by a provider (its own origin) are never
   * undone by this user.
   */
  trackedOrigins?: ReadonlySet<unknown>;
  /** Edits closer together than this many milliseconds are undone as one step (default 500). */
  captureTimeout?: number;
}

/**
 * A per-user undo manager over a calendar's shared types: events, calendars,
 * stored time zones and the kept iCalendar properties. It undoes only this
 * replica's own transactions (see `trackedOrigins`), so undoing never takes
 * back what someone else did; others' later edits to the same event stay.
 * Call `destroy()` when done.
 */
export function createUndoManager(ydoc: Y.Doc, options: CalendarUndoOptions = {}): Y.UndoManager {
  const scope: Y.AbstractType<unknown>[] = [
    eventsMap(ydoc) as Y.AbstractType<unknown>,
    calendarsMap(ydoc) as Y.AbstractType<unknown>,
    ydoc.getMap(TIMEZONES_KEY) as Y.AbstractType<unknown>,
    ydoc.getMap(ICAL_KEY) as Y.AbstractType<unknown>,
  ];
  return new Y.UndoManager(scope, {
    trackedOrigins: new Set(options.trackedOrigins ?? [null]),
    captureTimeout: options.captureTimeout ?? 500,
  });
}
