import type { Axis } from './axis.js';
import type { CellRange } from './selection.js';

/** How one cell looks: the text shown and the CSS that styles it (already sanitised). */
export interface CellLook {
  readonly text: string;
  /** Extra CSS declarations (font, colours, alignment, borders). */
  readonly css: string;
  /** Whether the text may run into empty neighbours to the right (left-aligned, not wrapped). */
  readonly overflows: boolean;
  /** Extra class names for the cell element (such as `hashes` for a number shown as `###`). */
  readonly className?: string;
  /** What a screen reader reads when it differs from the text (the number behind `###`). */
  readonly label?: string;
  /**
   * The width of the text in CSS pixels (padding included): for overflow into neighbours, and to tell whether the
   * cell must clip its text. A function, measured on first call and then remembered. Absent when not known.
   */
  readonly textWidth?: () => number;
  /** Whether the cell always clips its content (wrapped text, a font size of its own), whatever the width. */
  readonly clip?: boolean;
}

/** A box drawn over the cells: the selection, a remote user's selection, a reference while typing a formula. */
export interface GridBox {
  readonly range: CellRange;
  readonly className: string;
  readonly color?: string;
  readonly label?: string;
}

/** What the grid draws; the element gives a fresh one whenever the sheet, the layout or the selection changed. */
export interface GridSource {
  readonly rows: Axis;
  readonly cols: Axis;
  readonly frozenRows: number;
  readonly frozenCols: number;
  readonly merges: readonly CellRange[];
  /**
   * Changes whenever what `cell` returns may have changed (an edit, a remote change, a new sheet);
   * while it stays the same, rows that stay on screen are not filled again.
   */
  readonly version: number;
  /** The look of a cell, or null when it is empty and unstyled. */
  cell(row: number, col: number): CellLook | null;
  /** The DOM id of a cell's element, for `aria-activedescendant`. */
  cellId(row: number, col: number): string;
  /** The selected range (headers of selected rows and columns are highlighted). */
  readonly selected: CellRange;
}
