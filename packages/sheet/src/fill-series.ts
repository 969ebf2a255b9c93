import { shiftFormula } from './formula-shift.js';

/** A source cell of a fill: what the formula bar shows (`getFormula`), plus its value when that is a number. */
export interface FillSource {
  /** The input as the formula bar shows it: `=…`, text, or a number as text. */
  readonly input: string;
  /** The computed number, when the cell holds a plain number (dates are numbers with a date format). */
  readonly number?: number;
}

const WEEKDAYS: readonly (readonly string[])[] = [
  ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
  ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
];

/** The list a text belongs to (weekdays, months; English or German), and its position, matching case-insensitively. */
function listOf(text: string): { list: readonly string[]; index: number; upper: boolean; lower: boolean } | null {
  const t = text.trim();
  for (const list of WEEKDAYS) {
    const index = list.findIndex((item) => item.toLowerCase() === t.toLowerCase());
    if (index >= 0) return { list, index, upper: t.length > 1 && t === t.toUpperCase(), lower: t === t.toLowerCase() };
  }
  return null;
}

function cased(item: string, upper: boolean, lower: boolean): string {
  return upper ? item.toUpperCase() : lower ? item.toLowerCase() : item;
}

/** Text ending in a whole number (`Item 7`, `Q3`): the prefix and the number. */
function trailingNumber(text: string): { prefix: string; n: number; width: number } | null {
  const m = /^(.*?)(\d{1,15})$/.exec(text);
  if (!m || m[1] === '' || m[1]!.startsWith('=')) return null;
  return { prefix: m[1]!, n: Number(m[2]), width: m[2]!.length };
}

/**
 * Continues a fill-handle drag: the selected `sources` (in drag direction)
 * are repeated `count` times further, as Excel and LibreOffice do:
 * - numbers (and dates, which are numbers): one number is copied; two or more
 *   continue with the step between the last two (1, 2 → 3, 4; dates by day);
 * - weekday and month names (Mon/Tue, Mo/Di, Montag, January, März, …)
 *   continue through their list, wrapping;
 * - text ending in a number (`Item 1`) counts up;
 * - formulas are copied with relative references moved by the distance
 *   (`rowStep`/`colStep` per filled cell: 1, 0 when filling down);
 * - anything else is copied. A pattern of several cells repeats cell by cell.
 * `backwards` fills up or left (the series runs the other way).
 * Returns the inputs for the filled cells, nearest first: numbers as numbers, everything else as text to type.
 */
export function fillSeries(sources: readonly FillSource[], count: number, rowStep: number, colStep: number, backwards = false): (string | number)[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`fillSeries: count must be a whole number of at least 0, got ${count}.`);
  if (sources.length === 0) throw new RangeError('fillSeries: give at least one source cell.');
  const n = sources.length;
  const out: (string | number)[] = [];
  const ordered = backwards ? [...sources].reverse() : sources;
  const numbers = ordered.every((s) => s.number !== undefined && !s.input.startsWith('='));
  if (numbers && n >= 2) {
    const a = ordered[n - 2]!.number!;
    const b = ordered[n - 1]!.number!;
    const step = b - a;
    for (let k = 1; k <= count; k++) out.push(round(b + step * k));
    return out;
  }
  const lists = ordered.map((s) => listOf(s.input));
  if (lists.every((l) => l !== null) && lists.every((l) => l!.list === lists[0]!.list)) {
    const last = lists[n - 1]!;
    const step = n >= 2 ? (last.index - lists[n - 2]!.index + last.list.length) % last.list.length || 1 : 1;
    for (let k = 1; k <= count; k++) {
      const i = (((last.index + step * k) % last.list.length) + last.list.length) % last.list.length;
      out.push(cased(last.list[i]!, last.upper, last.lower));
    }
    return out;
  }
  const trailing = ordered.map((s) => (s.number === undefined ? trailingNumber(s.input) : null));
  if (trailing.every((t) => t !== null) && trailing.every((t) => t!.prefix === trailing[0]!.prefix)) {
    const last = trailing[n - 1]!;
    const step = n >= 2 ? last.n - trailing[n - 2]!.n : 1;
    for (let k = 1; k <= count; k++) {
      const v = Math.max(0, last.n + step * k);
      out.push(last.prefix + String(v).padStart(last.width, '0'));
    }
    return out;
  }
  // Copy the pattern, moving formulas by the distance from their source.
  for (let k = 1; k <= count; k++) {
    const srcIndex = (n - 1 + k) % n;
    const src = ordered[srcIndex]!;
    const distance = n - 1 + k - srcIndex;
    const d = backwards ? -distance : distance;
    // Numbers stay numbers: their input text is in the user's locale (`1,5`), which must not be read again.
    out.push(src.input.startsWith('=') ? shiftFormula(src.input, d * rowStep, d * colStep) : src.number ?? src.input);
  }
  return out;
}

/** Rounds away binary noise of repeated steps (0.1 + 0.2). */
function round(v: number): number {
  return Number.parseFloat(v.toPrecision(15));
}
