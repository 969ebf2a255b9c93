import { formatAddress } from '@allmende/sheet-model';
import type { Workbook } from '@allmende/sheet-model';
import { Axis } from './axis.js';
import { cellLook } from './cell-look.js';
import type { CellLook } from './grid-types.js';
import { normalRange, selectedRanges } from './multi-range.js';
import { extendBy, isWholeCols, isWholeRows, moveBy, selectionRange } from './selection.js';
import type { CellPos, CellRange, GridBounds, Selection } from './selection.js';
import { hiddenRows } from './sheet-filter.js';
import type { SheetFilters } from './sheet-filter.js';
import type { TextMeasure } from './text-measure.js';

/** Width of a column nobody resized, in CSS pixels. */
export const DEFAULT_COL_WIDTH = 100;
/** Height of a row nobody resized, in CSS pixels. */
export const DEFAULT_ROW_HEIGHT = 24;

/** A cell by ids, so it stays on its cell when rows or columns are inserted or deleted before it. */
export interface IdPos {
  r: string;
  c: string;
  /** The index it had when last seen, for when its row or column is deleted. */
  row: number;
  col: number;
}

/** A range as A1 text: `B2` for one cell, `B2:D5` otherwise. */
export function rangeText(r: CellRange): string {
  const a = formatAddress(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${formatAddress(r.r1, r.c1)}`;
}

/**
 * The state `<allmende-sheet>`'s parts share, without any DOM: the workbook and the sheet shown,
 * this user's selection by row and column ids, the filter's hidden rows, and the cached axes and cell
 * looks the grid draws from. Every controller of the element reads the sheet through this object.
 */
export class SheetCore {
  /** The engine, or null while no document is bound. */
  wb: Workbook | null = null;
  /** The shared filters of the bound document. */
  filters: SheetFilters | null = null;
  /** The id of the sheet shown. */
  sheetId = '';
  /** Rows the sheet's filter hides or that are hidden by hand (drawn with no height, skipped by the arrow keys). */
  hiddenSet: ReadonlySet<number> = new Set();
  /** The rows and columns hidden by hand (not by the filter). */
  private manualHidden: { rows: ReadonlySet<number>; cols: ReadonlySet<number> } = { rows: new Set(), cols: new Set() };
  /** The active cell, the selection's anchor and its moving end, by ids. */
  active: IdPos | null = null;
  anchor: IdPos | null = null;
  focusPos: IdPos | null = null;
  /** Earlier ranges of a multi-range selection (Ctrl/Cmd+click adds one), by ids like the selection. */
  extraRanges: { a: IdPos; f: IdPos }[] = [];
  /** Whether Shift+F8's "add to selection" mode is on: moving and selecting start further ranges. */
  adding = false;
  /** In add mode, whether the active cell only moved there with a plain arrow: moving on then does not keep it. */
  cursorOnly = false;
  /** Row and column geometry; rebuilt after a change, or replaced while a resize drag previews. */
  axes: { rows: Axis; cols: Axis } | null = null;
  /** Bumped whenever the cached looks are cleared, so the grid refills the rows it shows. */
  looksVersion = 0;
  private readonly looks = new Map<string, CellLook | null>();

  constructor(private readonly measurer: TextMeasure) {}

  /** The name of the sheet shown; falls back to the first sheet when the one shown is gone. */
  get sheetName(): string {
    const wb = this.wb;
    if (!wb) return '';
    const name = wb.sheetNameById(this.sheetId);
    if (name !== undefined) return name;
    // The sheet shown is gone (someone deleted it, or an import was undone) before a change event said so: show the first.
    const first = wb.sheets()[0];
    this.sheetId = first?.id ?? '';
    return first?.name ?? '';
  }

  /** Forgets cached cell looks and geometry. */
  clearCaches(): void {
    this.looks.clear();
    this.looksVersion++;
    this.axes = null;
  }

  /** Forgets the selection (it starts at A1 again). */
  resetSelection(): void {
    this.active = this.anchor = this.focusPos = null;
    this.extraRanges = [];
    this.adding = this.cursorOnly = false;
  }

  /** The size of the sheet shown (at least 1 × 1). */
  bounds(): GridBounds {
    const wb = this.wb;
    if (!wb || !this.sheetId) return { rows: 1, cols: 1 };
    return { rows: Math.max(1, wb.rowIds(this.sheetName).length), cols: Math.max(1, wb.colIds(this.sheetName).length) };
  }

  /** Row and column geometry of the sheet shown, with filtered and hidden rows and hidden columns at size 0. */
  getAxes(): { rows: Axis; cols: Axis } {
    if (this.axes) return this.axes;
    const wb = this.wb!;
    const b = this.bounds();
    const sizes = this.sheetId ? wb.customSizes(this.sheetName) : { rows: new Map<number, number>(), cols: new Map<number, number>() };
    const rowSizes = sizes.rows;
    const colSizes = sizes.cols;
    this.manualHidden = this.sheetId ? wb.hiddenLines(this.sheetName) : { rows: new Set(), cols: new Set() };
    const hiddenRows = new Set(this.filteredRows());
    for (const row of this.manualHidden.rows) hiddenRows.add(row);
    this.hiddenSet = hiddenRows;
    for (const row of this.hiddenSet) rowSizes.set(row, 0);
    for (const col of this.manualHidden.cols) colSizes.set(col, 0);
    this.axes = { rows: new Axis(b.rows, DEFAULT_ROW_HEIGHT, rowSizes), cols: new Axis(b.cols, DEFAULT_COL_WIDTH, colSizes) };
    return this.axes;
  }

  /** The header row of the sheet's filter (an index), or -1. */
  filterHeader(): number {
    const id = this.filters?.headerRow(this.sheetId);
    return id && this.wb ? this.wb.rowIndexOf(this.sheetName, id) : -1;
  }

  private filteredRows(): ReadonlySet<number> {
    const wb = this.wb;
    const header = this.filterHeader();
    if (!wb || !this.filters || header < 0) return new Set();
    const columns = new Map<number, ReadonlySet<string>>();
    for (const [colId, texts] of this.filters.columns(this.sheetId)) {
      const col = wb.colIndexOf(this.sheetName, colId);
      if (col >= 0) columns.set(col, texts);
    }
    const name = this.sheetName;
    return hiddenRows(header, this.dataEnd(null).row, columns, (r, c) => wb.getDisplay(name, formatAddress(r, c)));
  }

  /** Moves a step on past rows the filter hides or that are hidden, and past hidden columns. */
  skipHidden(sel: Selection, dRow: number, extend: boolean, dCol = 0): Selection {
    if (!this.wb) return sel;
    this.getAxes();
    const b = this.bounds();
    let next = sel;
    const walk = (hidden: ReadonlySet<number>, dr: number, dc: number, at: (s: Selection) => number): void => {
      if (dr === 0 && dc === 0) return;
      while (hidden.has(at(next))) {
        const step = extend ? extendBy(next, dr, dc, b) : moveBy(next, dr, dc, b);
        if (at(step) === at(next)) break;
        next = step;
      }
    };
    if (this.hiddenSet.size > 0) walk(this.hiddenSet, Math.sign(dRow), 0, (s) => (extend ? s.focus.row : s.active.row));
    if (this.manualHidden.cols.size > 0) walk(this.manualHidden.cols, 0, Math.sign(dCol), (s) => (extend ? s.focus.col : s.active.col));
    return next;
  }

  /** How many rows or columns from `first` to `last` are hidden by hand. */
  hiddenCount(axis: 'rows' | 'cols', first: number, last: number): number {
    this.getAxes();
    let count = 0;
    for (const index of this.manualHidden[axis]) if (index >= first && index <= last) count++;
    return count;
  }

  /** The first shown row or column at or after `after`, else the last at or before `before`, else -1. */
  nextShown(axis: 'rows' | 'cols', after: number, before: number): number {
    this.getAxes();
    const hidden = axis === 'rows' ? this.hiddenSet : this.manualHidden.cols;
    const count = axis === 'rows' ? this.bounds().rows : this.bounds().cols;
    for (let i = Math.max(0, after); i < count; i++) if (!hidden.has(i)) return i;
    for (let i = Math.min(before, count - 1); i >= 0; i--) if (!hidden.has(i)) return i;
    return -1;
  }

  /** How a cell looks (text, alignment, CSS), cached until the workbook changes; null for an empty cell. */
  look(row: number, col: number): CellLook | null {
    const key = row + ':' + col;
    const cached = this.looks.get(key);
    if (cached !== undefined) return cached;
    const wb = this.wb!;
    const name = this.sheetName;
    const address = formatAddress(row, col);
    let look: CellLook | null = null;
    try {
      const style = wb.getStyle(name, address);
      const axes = this.getAxes();
      look = cellLook(wb.getDisplay(name, address), wb.getValue(name, address), style, {
        width: axes.cols.size(col),
        measure: (text, font) => this.measurer.width(text, font),
        // Borders shared with a neighbour are drawn once: only then does the neighbour's style matter.
        above: style.borderTop && row > 0 ? wb.getStyle(name, formatAddress(row - 1, col)) : null,
        left: style.borderLeft && col > 0 ? wb.getStyle(name, formatAddress(row, col - 1)) : null,
      });
    } catch (error) {
      console.error(`<allmende-sheet>: cannot show ${address}:`, error);
    }
    this.looks.set(key, look);
    return look;
  }

  /** Where a cell given by ids is now; a deleted row or column keeps its old index. */
  resolve(p: IdPos | null, fallback: CellPos): CellPos {
    const wb = this.wb;
    if (!p || !wb || !this.sheetId) return fallback;
    const row = wb.rowIndexOf(this.sheetName, p.r);
    const col = wb.colIndexOf(this.sheetName, p.c);
    const b = this.bounds();
    // A deleted row or column: stay at its old index, as the cell that took its place is what one expects.
    return { row: Math.min(row >= 0 ? row : p.row, b.rows - 1), col: Math.min(col >= 0 ? col : p.col, b.cols - 1) };
  }

  /** The active cell's position. */
  activePos(): CellPos {
    return this.resolve(this.active, { row: 0, col: 0 });
  }

  /** The current selection as positions. */
  selection(): Selection {
    const active = this.activePos();
    return { active, anchor: this.resolve(this.anchor, active), focus: this.resolve(this.focusPos, active) };
  }

  /** The ids of the cell at a position, or null outside the sheet. */
  idPos(p: CellPos): IdPos | null {
    const wb = this.wb;
    if (!wb || !this.sheetId) return null;
    const r = wb.rowIds(this.sheetName)[p.row];
    const c = wb.colIds(this.sheetName)[p.col];
    return r && c ? { r, c, row: p.row, col: p.col } : null;
  }

  /**
   * The ranges to keep when another range starts (Ctrl/Cmd+click, or add mode): the earlier ones and the current
   * one, unless add mode's cursor only moved there.
   */
  keptRanges(): { a: IdPos; f: IdPos }[] {
    const keep = [...this.extraRanges];
    const sel = this.selection();
    const a = this.idPos(sel.anchor);
    const f = this.idPos(sel.focus);
    if (a && f && !(this.adding && this.cursorOnly)) keep.push({ a, f });
    return keep;
  }

  /** Stores a selection by ids; true when the active cell changed. */
  storeSelection(sel: Selection, keepRanges: boolean): boolean {
    if (!keepRanges) this.extraRanges = [];
    const before = this.active ? `${this.active.r}:${this.active.c}` : '';
    this.active = this.idPos(sel.active);
    this.anchor = this.idPos(sel.anchor);
    this.focusPos = this.idPos(sel.focus);
    return before !== (this.active ? `${this.active.r}:${this.active.c}` : '');
  }

  /** Whether a cell has input. */
  isFilled(row: number, col: number): boolean {
    return this.wb!.hasInput(this.sheetName, row, col);
  }

  /** The last used cell of a row (Ctrl+End: of the sheet). */
  dataEnd(row: number | null): CellPos {
    return this.wb!.lastUsedCell(this.sheetName, row ?? undefined);
  }

  /** The range cut down to where cells exist, so clearing a whole column does not walk a million empty rows. */
  usedPart(r: CellRange): CellRange {
    const end = this.dataEnd(null);
    return { r0: r.r0, c0: r.c0, r1: Math.max(r.r0, Math.min(r.r1, end.row)), c1: Math.max(r.c0, Math.min(r.c1, end.col)) };
  }

  /** The earlier ranges of a multi-range selection, as indexes. */
  otherRanges(): CellRange[] {
    return this.extraRanges.map((x) => {
      const a = this.resolve(x.a, { row: x.a.row, col: x.a.col });
      const f = this.resolve(x.f, { row: x.f.row, col: x.f.col });
      return normalRange({ r0: a.row, c0: a.col, r1: f.row, c1: f.col });
    });
  }

  /** Every selected range (one, or several after Ctrl+click), cut to the used part when whole rows or columns are selected. */
  targetRanges(): CellRange[] {
    const b = this.bounds();
    return selectedRanges(this.otherRanges(), selectionRange(this.selection())).map((r) => (isWholeCols(r, b) || isWholeRows(r, b) ? this.usedPart(r) : r));
  }
}
