/** A cell position by zero-based row and column index. */
export interface CellPos {
  readonly row: number;
  readonly col: number;
}

/** A rectangle of cells, inclusive at both ends, with `r0 <= r1` and `c0 <= c1`. */
export interface CellRange {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** The size of the grid a selection lives in. */
export interface GridBounds {
  readonly rows: number;
  readonly cols: number;
}

/**
 * A selection as in Excel: the active cell (where typing goes), the anchor
 * (the fixed corner when extending), and the selected range spanning
 * anchor and focus (the moving corner).
 */
export interface Selection {
  readonly active: CellPos;
  readonly anchor: CellPos;
  readonly focus: CellPos;
}

function clamp(value: number, max: number): number {
  return Math.max(0, Math.min(max - 1, value));
}

/** A selection of the single cell `pos`, clamped into the grid. */
export function cellSelection(pos: CellPos, bounds: GridBounds): Selection {
  const p = { row: clamp(pos.row, bounds.rows), col: clamp(pos.col, bounds.cols) };
  return { active: p, anchor: p, focus: p };
}

/** The range a selection covers. */
export function selectionRange(sel: Selection): CellRange {
  return {
    r0: Math.min(sel.anchor.row, sel.focus.row),
    c0: Math.min(sel.anchor.col, sel.focus.col),
    r1: Math.max(sel.anchor.row, sel.focus.row),
    c1: Math.max(sel.anchor.col, sel.focus.col),
  };
}

/** Whether the range covers more than one cell. */
export function isMultiCell(range: CellRange): boolean {
  return range.r0 !== range.r1 || range.c0 !== range.c1;
}

/** Whether `pos` lies inside `range`. */
export function inRange(range: CellRange, pos: CellPos): boolean {
  return pos.row >= range.r0 && pos.row <= range.r1 && pos.col >= range.c0 && pos.col <= range.c1;
}

/** Keeps the anchor and moves the focus to `pos` (Shift+click). The active cell stays at the anchor. */
export function extendTo(sel: Selection, pos: CellPos, bounds: GridBounds): Selection {
  const focus = { row: clamp(pos.row, bounds.rows), col: clamp(pos.col, bounds.cols) };
  return { active: sel.anchor, anchor: sel.anchor, focus };
}

/** Moves the active cell by a step and collapses the selection to it (arrow keys). */
export function moveBy(sel: Selection, dRow: number, dCol: number, bounds: GridBounds): Selection {
  return cellSelection({ row: sel.active.row + dRow, col: sel.active.col + dCol }, bounds);
}

/** Moves the focus corner by a step, keeping the anchor (Shift+arrow keys). */
export function extendBy(sel: Selection, dRow: number, dCol: number, bounds: GridBounds): Selection {
  return extendTo(sel, { row: sel.focus.row + dRow, col: sel.focus.col + dCol }, bounds);
}

/** Selects whole rows `r0..r1` (a click on a row number); the active cell is in the first visible column. */
export function rowsSelection(r0: number, r1: number, bounds: GridBounds, activeCol = 0): Selection {
  const a = clamp(r0, bounds.rows);
  const b = clamp(r1, bounds.rows);
  return { active: { row: a, col: clamp(activeCol, bounds.cols) }, anchor: { row: a, col: 0 }, focus: { row: b, col: bounds.cols - 1 } };
}

/** Selects whole columns `c0..c1` (a click on a column letter). */
export function colsSelection(c0: number, c1: number, bounds: GridBounds, activeRow = 0): Selection {
  const a = clamp(c0, bounds.cols);
  const b = clamp(c1, bounds.cols);
  return { active: { row: clamp(activeRow, bounds.rows), col: a }, anchor: { row: 0, col: a }, focus: { row: bounds.rows - 1, col: b } };
}

/** Selects every cell (Ctrl+A, the corner button); the active cell stays where it was. */
export function allSelection(sel: Selection, bounds: GridBounds): Selection {
  return { active: sel.active, anchor: { row: 0, col: 0 }, focus: { row: bounds.rows - 1, col: bounds.cols - 1 } };
}

/** Whether the range covers whole rows (all columns) of the grid. */
export function isWholeRows(range: CellRange, bounds: GridBounds): boolean {
  return range.c0 === 0 && range.c1 === bounds.cols - 1;
}

/** Whether the range covers whole columns (all rows) of the grid. */
export function isWholeCols(range: CellRange, bounds: GridBounds): boolean {
  return range.r0 === 0 && range.r1 === bounds.rows - 1;
}

/**
 * Where Ctrl+arrow goes from `from` in direction (dRow, dCol), as in Excel:
 * from a filled cell whose neighbour is filled, to the last filled cell
 * before a gap; otherwise to the next filled cell; with none, to the edge
 * of the grid. `filled` says whether a cell has content; `dataEnd` is one
 * past the last row (for vertical moves) or column (horizontal) that may
 * hold content, so an empty column of a million rows is not walked.
 */
export function dataEdge(
  from: CellPos,
  dRow: number,
  dCol: number,
  bounds: GridBounds,
  filled: (row: number, col: number) => boolean,
  dataEnd: { rows: number; cols: number } = bounds,
): CellPos {
  if (Math.abs(dRow) + Math.abs(dCol) !== 1) throw new RangeError('dataEdge: move by exactly one step along one axis.');
  const limit = dRow !== 0 ? bounds.rows : bounds.cols;
  const end = dRow !== 0 ? Math.min(dataEnd.rows, bounds.rows) : Math.min(dataEnd.cols, bounds.cols);
  const step = dRow + dCol;
  const at = (i: number): CellPos => (dRow !== 0 ? { row: i, col: from.col } : { row: from.row, col: i });
  const isFilled = (i: number): boolean => i >= 0 && i < end && (dRow !== 0 ? filled(i, from.col) : filled(from.row, i));
  const start = dRow !== 0 ? from.row : from.col;
  let i = start;
  if (isFilled(i) && isFilled(i + step)) {
    while (isFilled(i + step)) i += step;
    return at(i);
  }
  i += step;
  if (step > 0) {
    while (i < end && !isFilled(i)) i++;
    return at(i < end ? i : limit - 1);
  }
  while (i >= 0 && !isFilled(i)) i--;
  return at(Math.max(i, 0));
}

/**
 * Where Enter (down) or Tab (right) moves the active cell; Shift reverses.
 * Inside a multi-cell selection the active cell walks through the range and
 * wraps, keeping the selection, as in Excel; otherwise it moves one cell.
 */
export function advance(sel: Selection, direction: 'down' | 'up' | 'right' | 'left', bounds: GridBounds): Selection {
  const range = selectionRange(sel);
  const vertical = direction === 'down' || direction === 'up';
  const forward = direction === 'down' || direction === 'right';
  if (!isMultiCell(range)) {
    const dRow = vertical ? (forward ? 1 : -1) : 0;
    const dCol = vertical ? 0 : forward ? 1 : -1;
    return moveBy(sel, dRow, dCol, bounds);
  }
  let { row, col } = sel.active;
  const rows = range.r1 - range.r0 + 1;
  const cols = range.c1 - range.c0 + 1;
  // Walk the range as a sequence: column by column for Enter, row by row for Tab.
  let k = vertical ? (col - range.c0) * rows + (row - range.r0) : (row - range.r0) * cols + (col - range.c0);
  const n = rows * cols;
  k = (k + (forward ? 1 : -1) + n) % n;
  if (vertical) {
    col = range.c0 + Math.floor(k / rows);
    row = range.r0 + (k % rows);
  } else {
    row = range.r0 + Math.floor(k / cols);
    col = range.c0 + (k % cols);
  }
  return { active: { row, col }, anchor: sel.anchor, focus: sel.focus };
}
