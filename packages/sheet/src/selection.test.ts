import { describe, expect, it } from 'vitest';
import {
  advance,
  allSelection,
  cellSelection,
  colsSelection,
  dataEdge,
  extendBy,
  extendTo,
  isWholeCols,
  isWholeRows,
  moveBy,
  rowsSelection,
  selectionRange,
} from './selection.js';

const bounds = { rows: 100, cols: 10 };

describe('selection', () => {
  it('moves and clamps at the edges', () => {
    const sel = moveBy(cellSelection({ row: 0, col: 0 }, bounds), -1, -1, bounds);
    expect(sel.active).toEqual({ row: 0, col: 0 });
    expect(moveBy(sel, 200, 3, bounds).active).toEqual({ row: 99, col: 3 });
  });

  it('extends from the anchor with Shift and keeps the active cell', () => {
    let sel = cellSelection({ row: 5, col: 5 }, bounds);
    sel = extendBy(sel, 2, 0, bounds);
    sel = extendBy(sel, 0, -3, bounds);
    expect(selectionRange(sel)).toEqual({ r0: 5, c0: 2, r1: 7, c1: 5 });
    expect(sel.active).toEqual({ row: 5, col: 5 });
    expect(selectionRange(extendTo(sel, { row: 1, col: 9 }, bounds))).toEqual({ r0: 1, c0: 5, r1: 5, c1: 9 });
  });

  it('selects whole rows, columns and everything', () => {
    const rows = rowsSelection(3, 1, bounds);
    expect(selectionRange(rows)).toEqual({ r0: 1, c0: 0, r1: 3, c1: 9 });
    expect(isWholeRows(selectionRange(rows), bounds)).toBe(true);
    const cols = colsSelection(2, 2, bounds);
    expect(isWholeCols(selectionRange(cols), bounds)).toBe(true);
    expect(isWholeRows(selectionRange(cols), bounds)).toBe(false);
    const all = allSelection(cellSelection({ row: 4, col: 4 }, bounds), bounds);
    expect(selectionRange(all)).toEqual({ r0: 0, c0: 0, r1: 99, c1: 9 });
    expect(all.active).toEqual({ row: 4, col: 4 });
  });

  it('walks Enter and Tab through a range and wraps', () => {
    let sel = extendTo(cellSelection({ row: 0, col: 0 }, bounds), { row: 1, col: 1 }, bounds);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      seen.push(`${sel.active.row},${sel.active.col}`);
      sel = advance(sel, 'down', bounds);
    }
    expect(seen).toEqual(['0,0', '1,0', '0,1', '1,1', '0,0']);
    expect(sel.active).toEqual({ row: 1, col: 0 });
    expect(advance(sel, 'left', bounds).active).toEqual({ row: 0, col: 1 });
    expect(advance(cellSelection({ row: 3, col: 3 }, bounds), 'right', bounds).active).toEqual({ row: 3, col: 4 });
  });
});

describe('dataEdge (Ctrl+arrow)', () => {
  // Column 0 holds data in rows 2..4 and 8.
  const filled = (row: number, col: number): boolean => col === 0 && ((row >= 2 && row <= 4) || row === 8);

  it('jumps from empty to the next filled cell, then along the block, then over the gap', () => {
    let pos = { row: 0, col: 0 };
    pos = dataEdge(pos, 1, 0, bounds, filled);
    expect(pos.row).toBe(2);
    pos = dataEdge(pos, 1, 0, bounds, filled);
    expect(pos.row).toBe(4);
    pos = dataEdge(pos, 1, 0, bounds, filled);
    expect(pos.row).toBe(8);
    pos = dataEdge(pos, 1, 0, bounds, filled);
    expect(pos.row).toBe(99);
    pos = dataEdge(pos, -1, 0, bounds, filled);
    expect(pos.row).toBe(8);
  });

  it('goes to the edge of the grid when there is no data, without walking past the data end', () => {
    let calls = 0;
    const none = (): boolean => {
      calls++;
      return false;
    };
    const huge = { rows: 1_000_000, cols: 100 };
    expect(dataEdge({ row: 0, col: 3 }, 1, 0, huge, none, { rows: 1000, cols: 26 })).toEqual({ row: 999_999, col: 3 });
    expect(calls).toBeLessThan(1100);
    expect(dataEdge({ row: 5, col: 3 }, 0, -1, huge, none)).toEqual({ row: 5, col: 0 });
  });

  it('refuses a diagonal step', () => {
    expect(() => dataEdge({ row: 0, col: 0 }, 1, 1, bounds, filled)).toThrow(RangeError);
  });
});
