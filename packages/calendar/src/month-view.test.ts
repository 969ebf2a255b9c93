import { describe, expect, it } from 'vitest';
import { DEFAULT_MONTH_LANES, monthLanesFor, monthLanesIn } from './month-view.js';

describe('monthLanesIn', () => {
  it('shares the grid among the weeks of the page: a five-week month has more lanes per cell than a six-week one', () => {
    const room = { gridPx: 600, remPx: 16 };
    expect(monthLanesIn(room, 5)).toBe(monthLanesFor(120, 16));
    expect(monthLanesIn(room, 6)).toBe(monthLanesFor(100, 16));
    expect(monthLanesIn(room, 5)).toBe(4);
    expect(monthLanesIn(room, 6)).toBe(3);
  });

  it('gives a row at least its minimum height (4.5rem and its border) when the grid is too low', () => {
    expect(monthLanesIn({ gridPx: 120, remPx: 16 }, 6)).toBe(monthLanesFor(4.5 * 16 + 1, 16));
    expect(monthLanesIn({ gridPx: 0.5, remPx: 16 }, 6)).toBe(1);
  });

  it('falls back to the default before the grid is measured or when a measure is unusable', () => {
    expect(monthLanesIn(null, 6)).toBe(DEFAULT_MONTH_LANES);
    expect(monthLanesIn({ gridPx: 0, remPx: 16 }, 6)).toBe(DEFAULT_MONTH_LANES);
    expect(monthLanesIn({ gridPx: Number.NaN, remPx: 16 }, 6)).toBe(DEFAULT_MONTH_LANES);
    expect(monthLanesIn({ gridPx: 600, remPx: 0 }, 6)).toBe(DEFAULT_MONTH_LANES);
    expect(monthLanesIn({ gridPx: 600, remPx: 16 }, 0)).toBe(DEFAULT_MONTH_LANES);
  });
});
