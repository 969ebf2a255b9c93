import { describe, expect, it } from 'vitest';
import { covers, inRanges, selectedRanges } from './multi-range.js';

describe('multi-range selection', () => {
  it('keeps the ranges in the order they were selected, the current one last', () => {
    const a = { r0: 0, c0: 0, r1: 1, c1: 1 };
    const b = { r0: 4, c0: 2, r1: 4, c1: 2 };
    const current = { r0: 8, c0: 0, r1: 6, c1: 1 };
    expect(selectedRanges([a, b], current)).toEqual([a, b, { r0: 6, c0: 0, r1: 8, c1: 1 }]);
  });

  it('drops a range another covers, so no cell is formatted or cleared twice', () => {
    const big = { r0: 0, c0: 0, r1: 9, c1: 9 };
    const inside = { r0: 2, c0: 2, r1: 3, c1: 3 };
    expect(selectedRanges([inside], big)).toEqual([big]);
    expect(selectedRanges([big], inside)).toEqual([big]);
    // The same range twice counts once.
    expect(selectedRanges([inside, inside], inside)).toEqual([inside]);
  });

  it('tells whether a cell is selected in any range', () => {
    const ranges = [{ r0: 0, c0: 0, r1: 0, c1: 0 }, { r0: 5, c0: 5, r1: 3, c1: 3 }];
    expect(inRanges(ranges, { row: 4, col: 4 })).toBe(true);
    expect(inRanges(ranges, { row: 1, col: 1 })).toBe(false);
    expect(covers({ r0: 0, c0: 0, r1: 2, c1: 2 }, { r0: 2, c0: 2, r1: 2, c1: 2 })).toBe(true);
  });
});
