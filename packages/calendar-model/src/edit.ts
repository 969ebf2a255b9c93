import * as Y from 'yjs';
import { DAY_MS, formatWall } from './civil.js';
import { formatLocalTime, parseLocalTime } from './local-time.js';
import {
  childMap, eventMap, eventsMap, newId, OVERRIDE_FIELDS, readEvent, SCALAR_FIELDS, validateFields,
  writeAlarms, writeAttendees, writeNewEvent, writeScalar,
} from './model.js';
import { formatICalDateTime, formatRRule, parseRRule } from './rrule.js';
import { normalizeRecurrenceId, Series } from './series.js';
import type { Attendee, EventInput, OccurrenceFields } from './types.js';
import { getZone } from './zone.js';

/**
 * Which occurrences an edit or deletion of a recurring event touches:
 * `this` one occurrence, `following` this one and every later one (the series
 * splits), or `all` of them (the default).
 */
export type EditMode = 'this' | 'following' | 'all';

/** Options of {@link updateEvent} and {@link deleteEvent}. */
export interface EditOptions {
  mode?: EditMode;
  /** The occurrence edited, as `occurrences()` reports it; required for `this` and `following`. */
  recurrenceId?: string;
  /** Uid of the new series a `following` edit creates; generated when absent. */
  newUid?: string;
  /** Clock for the modified time (tests pass a fixed one). */
  now?: () => Date;
}

/** Fields {@link updateEvent} may change on a whole series. */
export type EventPatch = Partial<Omit<EventInput, 'uid'>>;

function stamp(now: (() => Date) | undefined): string {
  return (now ? now() : new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function requireRecurrenceId(options: EditOptions, allDay: boolean): string {
  if (options.recurrenceId === undefined) throw new RangeError(`Mode "${options.mode}" needs the recurrenceId of the occurrence.`);
  return normalizeRecurrenceId(options.recurrenceId, allDay);
}

/** Shifts every key of a set-like or override map by `delta` wall milliseconds. */
function shiftKeys(map: Y.Map<unknown>, delta: number, allDay: boolean, overrides: boolean): void {
  if (delta === 0) return;
  const entries = [...map.entries()];
  for (const [key] of entries) map.delete(key);
  for (const [key, value] of entries) {
    const bar = overrides ? key.indexOf('|') : -1;
    const rid = bar >= 0 ? key.slice(0, bar) : key;
    const rest = bar >= 0 ? key.slice(bar) : '';
    const shifted = formatLocalTime(parseLocalTime(rid).wall + delta, allDay);
    map.set(shifted + rest, value instanceof Y.AbstractType ? value.clone() : value);
  }
}

/** A patch that moves the start without naming an end keeps the event's length: the end moves too. */
function keepLength(current: { start: string; end?: string | undefined }, patch: EventPatch): EventPatch {
  if (patch.start === undefined || 'end' in patch || 'duration' in patch || current.end === undefined) return patch;
  const oldStart = parseLocalTime(current.start);
  const newStart = parseLocalTime(patch.start);
  if (oldStart.allDay !== newStart.allDay) return patch;
  const end = parseLocalTime(current.end);
  return { ...patch, end: formatLocalTime(end.wall + (newStart.wall - oldStart.wall), end.allDay) };
}

/** Applies a patch to a whole series (mode `all`). */
function patchSeries(map: Y.Map<unknown>, patch: EventPatch, now: (() => Date) | undefined): void {
  const current = readEvent('', map);
  const oldStart = parseLocalTime(current.start);
  for (const name of SCALAR_FIELDS) {
    if (!(name in patch)) continue;
    let value = (patch as Record<string, unknown>)[name];
    if (name === 'start' && typeof value === 'string') value = formatLocalTime(parseLocalTime(value).wall, parseLocalTime(value).allDay);
    writeScalar(map, name, value === '' && (name === 'rrule' || name === 'end') ? undefined : value);
  }
  if (patch.attendees) writeAttendees(childMap(map, 'attendees'), patch.attendees);
  if (patch.alarms) writeAlarms(childMap(map, 'alarms'), patch.alarms);
  if (patch.rdates) setKeys(childMap(map, 'rdates'), patch.rdates, oldStart.allDay);
  if (patch.exdates) setKeys(childMap(map, 'exdates'), patch.exdates, oldStart.allDay);
  if (patch.start !== undefined) {
    const newStart = parseLocalTime(patch.start);
    if (newStart.allDay === oldStart.allDay) {
      // Moving the series moves its exceptions with it, so they keep naming the same occurrences.
      const delta = newStart.wall - oldStart.wall;
      if (!patch.rdates) shiftKeys(childMap(map, 'rdates'), delta, newStart.allDay, false);
      if (!patch.exdates) shiftKeys(childMap(map, 'exdates'), delta, newStart.allDay, false);
      shiftKeys(childMap(map, 'overrides'), delta, newStart.allDay, true);
    } else {
      childMap(map, 'rdates').clear();
      childMap(map, 'exdates').clear();
      childMap(map, 'overrides').clear();
    }
  }
  if (!('modified' in patch)) map.set('modified', stamp(now));
  if (!('sequence' in patch) && (patch.start !== undefined || patch.end !== undefined || patch.rrule !== undefined || patch.timeZone !== undefined)) {
    map.set('sequence', Number(map.get('sequence') ?? 0) + 1);
  }
}

function setKeys(map: Y.Map<unknown>, keys: string[], allDay: boolean): void {
  const wanted = new Set(keys.map((k) => normalizeRecurrenceId(k, allDay)));
  for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
  for (const key of wanted) if (!map.has(key)) map.set(key, true);
}

/** Writes override fields for one occurrence; each field merges on its own. */
function patchOccurrence(map: Y.Map<unknown>, rid: string, patch: OccurrenceFields, now: (() => Date) | undefined): void {
  const overrides = childMap(map, 'overrides');
  for (const name of OVERRIDE_FIELDS) {
    if (!(name in patch)) continue;
    writeScalar(overrides, `${rid}|${name}`, (patch as Record<string, unknown>)[name]);
  }
  if (!('modified' in patch)) overrides.set(`${rid}|modified`, stamp(now));
}

/** The UNTIL that ends a series just before the instance at `wall`. */
function untilBefore(series: Series, wall: number, timeZone: string | undefined): string {
  if (series.allDay) return formatICalDateTime({ kind: 'date', days: Math.floor(wall / DAY_MS) - 1 });
  if (timeZone) return formatICalDateTime({ kind: 'utc', epoch: getZone(timeZone).toEpoch(wall) - 1000 });
  return formatICalDateTime({ kind: 'local', wall: wall - 1000 });
}

/** Ends a series before `rid`; returns the rule the remainder keeps (COUNT reduced), or undefined. */
function truncate(map: Y.Map<unknown>, rid: string): string | undefined {
  const data = readEvent('', map);
  const series = new Series(data, 'UTC');
  const wall = parseLocalTime(rid).wall;
  let rest: string | undefined;
  if (data.rrule) {
    const rule = parseRRule(data.rrule);
    const restRule = { ...rule };
    if (rule.count !== undefined) {
      const before = series.countBefore(wall);
      rule.count = Math.max(1, before);
      restRule.count = Math.max(1, restRule.count! - before);
    } else {
      rule.until = parseRRule(`FREQ=DAILY;UNTIL=${untilBefore(series, wall, data.timeZone)}`).until!;
    }
    map.set('rrule', formatRRule(rule));
    rest = formatRRule(restRule);
  }
  for (const name of ['rdates', 'exdates'] as const) {
    const child = childMap(map, name);
    for (const key of [...child.keys()]) if (parseLocalTime(key).wall >= wall) child.delete(key);
  }
  const overrides = childMap(map, 'overrides');
  for (const key of [...overrides.keys()]) if (parseLocalTime(key.slice(0, key.indexOf('|'))).wall >= wall) overrides.delete(key);
  return rest;
}

/**
 * Changes an event. For a recurring event, `mode` chooses the occurrences:
 * - `all` (default) changes the series; moving its start moves its exceptions too.
 * - `this` stores the changed fields as an override of `recurrenceId`, merged
 *   field by field with concurrent edits of other fields or occurrences.
 * - `following` ends the series before `recurrenceId` (UNTIL, or COUNT reduced by
 *   the instances already past) and starts a new series there that keeps the
 *   rest, the later exceptions and overrides, with `patch` applied. Returns the
 *   new series' uid.
 * Everything is validated first; a bad patch throws and changes nothing.
 */
export function updateEvent(ydoc: Y.Doc, uid: string, patch: EventPatch, options: EditOptions = {}): string {
  const map = eventMap(ydoc, uid);
  const current = readEvent(uid, map);
  const allDay = parseLocalTime(current.start).allDay;
  const mode = options.mode ?? 'all';
  if (mode === 'all') {
    patch = keepLength(current, patch);
    validateFields({ ...current, ...patch });
    ydoc.transact(() => patchSeries(map, patch, options.now));
    return uid;
  }
  const rid = requireRecurrenceId(options, allDay);
  const series = new Series(current, 'UTC');
  if (!series.has(rid)) throw new RangeError(`"${rid}" is not an occurrence of event "${uid}".`);
  if (mode === 'this') {
    const occurrence = { ...current, ...current.overrides[rid] };
    validateFields({ ...patch, start: patch.start ?? occurrence.start ?? rid }, { ...occurrence, start: rid });
    ydoc.transact(() => patchOccurrence(map, rid, patch, options.now));
    return uid;
  }
  if (mode !== 'following') throw new RangeError(`Unknown edit mode "${String(mode)}": use "this", "following" or "all".`);
  if (parseLocalTime(rid).wall === parseLocalTime(current.start).wall) {
    return updateEvent(ydoc, uid, patch, { ...options, mode: 'all' });
  }
  const newUid = options.newUid ?? newId();
  if (eventsMap(ydoc).has(newUid)) throw new RangeError(`An event with uid "${newUid}" already exists.`);
  // The new series starts at the occurrence; its end keeps the series' length.
  const { overrides: _overrides, ...base } = current;
  void _overrides;
  const startWall = parseLocalTime(current.start).wall;
  const ridWall = parseLocalTime(rid).wall;
  const moved: EventInput = { ...base, uid: newUid, start: rid, relatedTo: uid };
  if (current.end) moved.end = formatLocalTime(parseLocalTime(current.end).wall + (ridWall - startWall), allDay);
  if (moved.end && !allDay && current.timeZone) {
    // Keep the exact duration across a DST change between the two starts.
    const zone = getZone(current.timeZone);
    const endZone = getZone(current.endTimeZone ?? current.timeZone);
    const exact = endZone.toEpoch(parseLocalTime(current.end!).wall) - zone.toEpoch(startWall);
    moved.end = formatWall(endZone.toWall(zone.toEpoch(ridWall) + exact));
  }
  patch = keepLength(moved, patch);
  const test = { ...moved, ...patch };
  validateFields({ ...test, rrule: undefined });
  ydoc.transact(() => {
    const later = laterExceptions(map, ridWall);
    const restRule = truncate(map, rid);
    const created = new Y.Map<unknown>();
    eventsMap(ydoc).set(newUid, created);
    writeNewEvent(created, { ...moved, ...(restRule ? { rrule: restRule } : {}), rdates: later.rdates, exdates: later.exdates, created: stamp(options.now) });
    const overrides = childMap(created, 'overrides');
    for (const [key, value] of later.overrides) overrides.set(key, value);
    if (Object.keys(patch).length > 0) patchSeries(created, patch, options.now);
    else created.set('modified', stamp(options.now));
  });
  return newUid;
}

function laterExceptions(map: Y.Map<unknown>, wall: number): { rdates: string[]; exdates: string[]; overrides: [string, unknown][] } {
  const pick = (name: 'rdates' | 'exdates'): string[] => [...childMap(map, name).keys()].filter((k) => parseLocalTime(k).wall >= wall);
  const overrides = [...childMap(map, 'overrides').entries()].filter(([k]) => parseLocalTime(k.slice(0, k.indexOf('|'))).wall >= wall);
  return { rdates: pick('rdates'), exdates: pick('exdates'), overrides };
}

/**
 * Deletes an event: `all` removes the series, `this` excludes one occurrence
 * (an EXDATE; its override goes too), `following` ends the series before
 * `recurrenceId` (deleting from the first occurrence removes the series).
 */
export function deleteEvent(ydoc: Y.Doc, uid: string, options: EditOptions = {}): void {
  const map = eventMap(ydoc, uid);
  const mode = options.mode ?? 'all';
  if (mode === 'all') {
    ydoc.transact(() => eventsMap(ydoc).delete(uid));
    return;
  }
  const current = readEvent(uid, map);
  const allDay = parseLocalTime(current.start).allDay;
  const rid = requireRecurrenceId(options, allDay);
  if (!new Series(current, 'UTC').has(rid)) throw new RangeError(`"${rid}" is not an occurrence of event "${uid}".`);
  if (mode === 'this') {
    ydoc.transact(() => {
      childMap(map, 'exdates').set(rid, true);
      const overrides = childMap(map, 'overrides');
      for (const key of [...overrides.keys()]) if (key.startsWith(`${rid}|`)) overrides.delete(key);
      map.set('modified', stamp(options.now));
    });
    return;
  }
  if (mode !== 'following') throw new RangeError(`Unknown edit mode "${String(mode)}": use "this", "following" or "all".`);
  if (parseLocalTime(rid).wall <= parseLocalTime(current.start).wall) {
    ydoc.transact(() => eventsMap(ydoc).delete(uid));
    return;
  }
  ydoc.transact(() => {
    truncate(map, rid);
    map.set('modified', stamp(options.now));
  });
}

/** Sets one attendee's participation status, for the series or (with `recurrenceId`) one occurrence. */
export function setParticipation(
  ydoc: Y.Doc, uid: string, email: string, partstat: NonNullable<Attendee['partstat']>, options: EditOptions = {},
): void {
  const map = eventMap(ydoc, uid);
  const current = readEvent(uid, map);
  const key = email.replace(/^mailto:/i, '').trim().toLowerCase();
  if (!['NEEDS-ACTION', 'ACCEPTED', 'DECLINED', 'TENTATIVE', 'DELEGATED'].includes(partstat)) {
    throw new RangeError(`PARTSTAT "${partstat}" must be NEEDS-ACTION, ACCEPTED, DECLINED, TENTATIVE or DELEGATED.`);
  }
  if (options.recurrenceId === undefined) {
    const attendees = childMap(map, 'attendees');
    const attendee = attendees.get(key) as Attendee | undefined;
    if (!attendee) throw new RangeError(`"${email}" is not an attendee of event "${uid}".`);
    ydoc.transact(() => attendees.set(key, { ...attendee, partstat }));
    return;
  }
  const allDay = parseLocalTime(current.start).allDay;
  const rid = normalizeRecurrenceId(options.recurrenceId, allDay);
  const list = current.overrides[rid]?.attendees ?? current.attendees ?? [];
  if (!list.some((a) => a.email.toLowerCase() === key)) throw new RangeError(`"${email}" is not an attendee of event "${uid}".`);
  updateEvent(ydoc, uid, { attendees: list.map((a) => (a.email.toLowerCase() === key ? { ...a, partstat } : a)) }, { ...options, mode: 'this', recurrenceId: rid });
}
