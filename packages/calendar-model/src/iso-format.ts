import { DAY_MS, formatDate, formatOffset } from './civil.js';
import type { Zone } from './zone.js';

// A query formats two or three strings per occurrence. Building each from a dozen parts leaves
// a tree of intermediate strings per result; these tables make every result one concatenation
// of two cached strings (date part + time part), and the work a few array lookups.

const TABLE_LIMIT = 200_000;
/** Day number → "YYYY-MM-DD", and "YYYY-MM-DDT". */
const dates = new Map<number, string>();
const datesT = new Map<number, string>();
/** Offset suffix ("+02:00", or "" for local times) → second of the day → "HH:MM:SS+02:00". */
const times = new Map<string, string[]>();

function twoDigits(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "YYYY-MM-DD" of a day number (days since 1970-01-01), cached. */
export function cachedDate(day: number): string {
  let text = dates.get(day);
  if (text === undefined) {
    if (dates.size >= TABLE_LIMIT) dates.clear();
    text = formatDate(day);
    dates.set(day, text);
  }
  return text;
}

function dateT(day: number): string {
  let text = datesT.get(day);
  if (text === undefined) {
    if (datesT.size >= TABLE_LIMIT) datesT.clear();
    text = `${cachedDate(day)}T`;
    datesT.set(day, text);
  }
  return text;
}

function timeOfDay(second: number, suffix: string): string {
  let table = times.get(suffix);
  if (table === undefined) {
    table = new Array<string>(86_400);
    times.set(suffix, table);
  }
  let text = table[second];
  if (text === undefined) {
    text = `${twoDigits(Math.floor(second / 3600))}:${twoDigits(Math.floor(second / 60) % 60)}:${twoDigits(second % 60)}${suffix}`;
    table[second] = text;
  }
  return text;
}

/** "YYYY-MM-DDTHH:MM:SS" of wall milliseconds (seconds truncated), like `formatWall` but from cached parts. */
export function fastWall(wall: number): string {
  const day = Math.floor(wall / DAY_MS);
  return dateT(day) + timeOfDay(Math.floor((wall - day * DAY_MS) / 1000), '');
}

/** "YYYY-MM-DD" (all day) or "YYYY-MM-DDTHH:MM:SS" of wall milliseconds: the recurrence-id form. */
export function fastLocal(wall: number, allDay: boolean): string {
  return allDay ? cachedDate(Math.floor(wall / DAY_MS)) : fastWall(wall);
}

/** Offset text per offset in milliseconds ("+02:00"), cached. */
const offsets = new Map<number, string>();

function offsetText(offset: number): string {
  let text = offsets.get(offset);
  if (text === undefined) {
    text = formatOffset(offset);
    offsets.set(offset, text);
  }
  return text;
}

/**
 * "YYYY-MM-DDTHH:MM:SS+HH:MM" of an instant in a zone, from the zone's cached
 * offsets and cached string parts (no Temporal call, one concatenation).
 */
export function formatInstant(epoch: number, zone: Zone): string {
  const offset = zone.offsetAt(epoch);
  const wall = epoch + offset;
  const day = Math.floor(wall / DAY_MS);
  return dateT(day) + timeOfDay(Math.floor((wall - day * DAY_MS) / 1000), offsetText(offset));
}

/** Drops the cached strings (they are rebuilt on demand). */
export function clearFormatCache(): void {
  dates.clear();
  datesT.clear();
  times.clear();
}
