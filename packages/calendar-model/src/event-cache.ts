import * as Y from 'yjs';
import { eventsMap, readOverrides, sortedKeys } from './model.js';
import { expansionGeneration, Series, type SeriesFields } from './series.js';
import type { EventStatus, OccurrenceFields } from './types.js';

/** What a query needs of one event, read once from its Y.Map. */
export interface ParsedEvent {
  calendarId: string | undefined;
  summary: string;
  location: string | undefined;
  status: EventStatus | undefined;
  fields: SeriesFields;
  /** Recurrence id → override fields; undefined when there are none. */
  overrides: Record<string, OccurrenceFields> | undefined;
  /** The timing per viewer zone (floating and all-day times depend on it), or the error that made the fields unreadable. */
  series: Map<string, Series | Error>;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads one event map (no cache). Throws nothing: unreadable timing is kept as the error. */
export function parseEvent(map: Y.Map<unknown>): ParsedEvent {
  const overrideMap = map.get('overrides');
  return {
    calendarId: text(map.get('calendarId')),
    summary: text(map.get('summary')) ?? '',
    location: text(map.get('location')),
    status: text(map.get('status')) as EventStatus | undefined,
    fields: {
      start: String(map.get('start')),
      end: text(map.get('end')),
      duration: text(map.get('duration')),
      timeZone: text(map.get('timeZone')),
      endTimeZone: text(map.get('endTimeZone')),
      rrule: text(map.get('rrule')),
      rdates: sortedKeys(map.get('rdates')),
      exdates: sortedKeys(map.get('exdates')),
    },
    overrides: overrideMap instanceof Y.Map && overrideMap.size > 0 ? readOverrides(overrideMap) : undefined,
    series: new Map(),
  };
}

/** The timing of a parsed event for a viewer zone, built once per zone; throws the stored error for unreadable fields. */
export function seriesFor(event: ParsedEvent, viewZone: string): Series {
  let series = event.series.get(viewZone);
  if (series === undefined) {
    try {
      series = new Series(event.fields, viewZone);
    } catch (error) {
      series = error instanceof Error ? error : new Error(String(error));
    }
    event.series.set(viewZone, series);
  }
  if (series instanceof Error) throw series;
  return series;
}

/** The uid of the event a changed type belongs to (the key under the events map), or undefined. */
function eventUidOf(type: { _item: Y.Item | null }, events: unknown): string | undefined {
  let item = type._item;
  while (item !== null) {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) return undefined;
    if (parent === events) return item.parentSub ?? undefined;
    item = parent._item;
  }
  return undefined;
}

/**
 * Parsed events of one Y.Doc, kept between queries. Every transaction (local
 * or remote) drops exactly the events it touched — a field, an override, an
 * EXDATE, a whole event added or removed — so the next query re-reads only
 * those. It listens to `beforeObserverCalls`, so the cache is already
 * up to date when an application's own observer queries in response.
 */
class EventCache {
  private readonly entries = new Map<string, ParsedEvent>();
  private generation = expansionGeneration();

  constructor(ydoc: Y.Doc, events: Y.Map<Y.Map<unknown>>) {
    ydoc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      if (this.entries.size === 0) return;
      for (const [type, keys] of transaction.changed) {
        if ((type as unknown) === events) {
          for (const uid of keys) if (uid !== null) this.entries.delete(uid);
          continue;
        }
        const uid = eventUidOf(type, events);
        if (uid !== undefined) this.entries.delete(uid);
      }
    });
  }

  get(uid: string, map: Y.Map<unknown>): ParsedEvent {
    const now = expansionGeneration();
    if (now !== this.generation) {
      this.entries.clear();
      this.generation = now;
    }
    let event = this.entries.get(uid);
    if (event === undefined) {
      event = parseEvent(map);
      this.entries.set(uid, event);
    }
    return event;
  }
}

const caches = new WeakMap<Y.Doc, EventCache>();

/**
 * The parsed event for `uid` in `ydoc`. Inside a transaction the observers
 * have not run yet, so the map is read afresh and nothing is cached.
 */
export function readEvent(ydoc: Y.Doc, uid: string, map: Y.Map<unknown>): ParsedEvent {
  if (ydoc._transaction !== null) return parseEvent(map);
  let cache = caches.get(ydoc);
  if (cache === undefined) {
    cache = new EventCache(ydoc, eventsMap(ydoc));
    caches.set(ydoc, cache);
  }
  return cache.get(uid, map);
}
