/** The largest number of rows a sheet can have, as in Excel. */
export const MAX_ROWS = 1_048_576;
/** The largest number of columns a sheet can have, as in Excel (XFD). */
export const MAX_COLS = 16_384;

/** Converts a zero-based column index to its letters: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Converts column letters to a zero-based index (A → 0), or -1 if they are not letters or exceed XFD. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) return -1;
    n = n * 26 + (c - 96);
    if (n > MAX_COLS) return -1;
  }
  return letters.length === 0 ? -1 : n - 1;
}

/** A zero-based cell position. */
export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

const ADDRESS = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** Parses an A1 address such as `B2` or `$C$10` into a zero-based position; throws a RangeError for anything else. */
export function parseAddress(address: string): CellPosition {
  const m = ADDRESS.exec(address.trim());
  const col = m ? columnIndex(m[1]!) : -1;
  const row = m ? Number(m[2]) - 1 : -1;
  if (!m || col < 0 || row < 0 || row >= MAX_ROWS) {
    throw new RangeError(`"${address}" is not a cell address; use A1 notation such as "B2" (columns A to XFD, rows 1 to ${MAX_ROWS}).`);
  }
  return { row, col };
}

/** Formats a zero-based position as an A1 address, such as `B2`. */
export function formatAddress(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}
