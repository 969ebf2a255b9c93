import { describe, expect, it } from 'vitest';
import { planFill, rowsPerFrame } from './grid-fill.js';

describe('planFill', () => {
  it('draws every entering row inside the view at once, however many, and nothing else without a budget', () => {
    const entering = Array.from({ length: 40 }, (_, i) => 100 + i);
    const plan = planFill(entering, [100, 140], 0);
    expect(plan.now).toEqual(entering);
    expect(plan.later).toEqual([]);
    expect(planFill([90, 150], [100, 140], 0)).toEqual({ now: [], later: [90, 150] });
  });

  it('takes the rows nearest to the view first, on both sides, and leaves the rest for later', () => {
    // The view is rows 100–139; rows entered below it (scrolling down) and one far above.
    const entering = [160, 141, 140, 150, 60, 99, 145];
    const plan = planFill(entering, [100, 140], 3);
    expect(plan.now).toEqual([99, 140, 141]);
    expect(plan.later).toEqual([145, 150, 160, 60]);
    // What is left is planned again in the next frame, as the band keeps it.
    expect(planFill(plan.later, [100, 140], 3)).toEqual({ now: [145, 150, 160], later: [60] });
  });

  it('treats a fractional or negative budget as whole rows, never as more than there are', () => {
    expect(planFill([200, 201], [0, 10], 1.9)).toEqual({ now: [200], later: [201] });
    expect(planFill([200, 201], [0, 10], -3)).toEqual({ now: [], later: [200, 201] });
    expect(planFill([200], [0, 10], Infinity)).toEqual({ now: [200], later: [] });
    expect(planFill([], [0, 10], 5)).toEqual({ now: [], later: [] });
  });
});

describe('rowsPerFrame', () => {
  it('divides the cell budget by the cells of a row, at least one row', () => {
    expect(rowsPerFrame(120, 20)).toBe(6);
    expect(rowsPerFrame(120, 25)).toBe(4);
    expect(rowsPerFrame(120, 500)).toBe(1);
    expect(rowsPerFrame(120, 0)).toBe(120);
  });
});
