import type * as Y from 'yjs';

/**
 * The shared column filters of a workbook, kept in the Y.Doc next to it
 * (top-level map `sheetFilters`), so everyone sees the same rows, as in
 * Excel and LibreOffice. Per sheet, `<sheetId>` holds the header row's id;
 * per filtered column, `<sheetId>|<colId>` holds the display texts that are
 * hidden. Columns merge separately: two users filtering two columns at once
 * both keep theirs. Rows are matched by what they show, so the filter works
 * on values, dates and formula results alike.
 */
export class SheetFilters {
  readonly map: Y.Map<unknown>;

  constructor(doc: Y.Doc) {
    this.map = doc.getMap('sheetFilters');
  }

  /** The id of the header row of the sheet's filter, or null when the sheet has none. */
  headerRow(sheetId: string): string | null {
    const v = this.map.get(sheetId);
    return typeof v === 'string' ? v : null;
  }

  /** The display texts hidden in a column, empty when it is not filtered. */
  hidden(sheetId: string, colId: string): ReadonlySet<string> {
    const v = this.map.get(`${sheetId}|${colId}`);
    return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  }

  /** The filtered columns of a sheet with their hidden texts. */
  columns(sheetId: string): Map<string, ReadonlySet<string>> {
    const out = new Map<string, ReadonlySet<string>>();
    const prefix = sheetId + '|';
    for (const key of this.map.keys()) if (key.startsWith(prefix)) out.set(key.slice(prefix.length), this.hidden(sheetId, key.slice(prefix.length)));
    return out;
  }

  /** Turns the filter on with `rowId` as header row, or off (null), which shows every row again. */
  setHeaderRow(sheetId: string, rowId: string | null, origin: unknown): void {
    this.map.doc!.transact(() => {
      if (rowId === null) {
        this.map.delete(sheetId);
        for (const key of [...this.map.keys()]) if (key.startsWith(sheetId + '|')) this.map.delete(key);
      } else this.map.set(sheetId, rowId);
    }, origin);
  }

  /** Sets which texts a column hides; an empty set removes the column's filter. */
  setHidden(sheetId: string, colId: string, hidden: Iterable<string>, origin: unknown): void {
    const list = [...new Set(hidden)];
    this.map.doc!.transact(() => {
      if (list.length === 0) this.map.delete(`${sheetId}|${colId}`);
      else this.map.set(`${sheetId}|${colId}`, list);
    }, origin);
  }
}

/**
 * Which rows a filter hides: every row below the header row (up to
 * `lastRow`) whose shown text in a filtered column is one of that column's
 * hidden texts. `text(row, col)` reads what a cell shows.
 */
export function hiddenRows(
  headerRow: number,
  lastRow: number,
  columns: ReadonlyMap<number, ReadonlySet<string>>,
  text: (row: number, col: number) => string,
): Set<number> {
  const out = new Set<number>();
  if (headerRow < 0 || columns.size === 0) return out;
  for (let row = headerRow + 1; row <= lastRow; row++) {
    for (const [col, hidden] of columns) {
      if (hidden.has(text(row, col))) {
        out.add(row);
        break;
      }
    }
  }
  return out;
}
