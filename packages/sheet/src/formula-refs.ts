import { columnIndex } from '@allmende/sheet-model';
import type { CellRange } from './selection.js';

/** A reference found in formula text while it is typed: where it is, and the cells it names. */
export interface TypedRef {
  readonly start: number;
  readonly end: number;
  readonly range: CellRange;
}

// A1 or A1:B2 with optional `$`, not preceded by a letter, digit, `_`, `.` or `!` (sheet-qualified refs are not highlighted).
const REF = /(?<![A-Za-z0-9_.!$"])(\$?[A-Za-z]{1,3}\$?[0-9]{1,7})(?::(\$?[A-Za-z]{1,3}\$?[0-9]{1,7}))?(?![A-Za-z0-9_(!])/g;

function cell(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(text);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]!);
  return row >= 0 && col >= 0 ? { row, col } : null;
}

/**
 * The cell references in formula text being typed, outside string literals,
 * for the coloured highlights: `A1`, `$B$2`, `A1:C3`. Text that is not a
 * formula has none.
 */
export function typedRefs(text: string): TypedRef[] {
  if (!text.startsWith('=')) return [];
  // Blank out string literals so references inside quotes are not found.
  const masked = text.replace(/"[^"]*"?/g, (s) => ' '.repeat(s.length));
  const out: TypedRef[] = [];
  for (const m of masked.matchAll(REF)) {
    const a = cell(m[1]!);
    const b = m[2] ? cell(m[2]) : a;
    if (!a || !b) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      range: { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) },
    });
  }
  return out;
}

/**
 * Whether a click on a cell while editing should insert a reference at the
 * caret: the text is a formula and the caret follows `=`, an operator, `(`,
 * `,` or `;` (spaces allowed), or sits right after a reference inserted
 * this way (which the click then replaces).
 */
export function acceptsReference(text: string, caret: number): boolean {
  if (!text.startsWith('=')) return false;
  const before = text.slice(0, caret).trimEnd();
  return /[=+\-*/^&<>(,;:%]$/.test(before);
}
