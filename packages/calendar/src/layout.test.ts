import { describe, expect, it } from 'vitest';
import { hiddenPerDay, packColumns, packLanes } from './layout.js';
import { createRange, minuteAt, moveDelta, resizeEnd, resizeStart, snapMinutes } from './snap.js';

describe('packColumns', () => {
  it('gives events that do not overlap the whole width', () => {
    expect(packColumns([{ start: 540, end: 600 }, { start: 600, end: 660 }])).toEqual([
      { column: 0, span: 1, columns: 1 },
      { column: 0, span: 1, columns: 1 },
    ]);
  });

  it('puts overlapping events side by side, in input order', () => {
    const placed = packColumns([{ start: 600, end: 660 }, { start: 540, end: 630 }]);
    expect(placed).toEqual([
      { column: 1, span: 1, columns: 2 },
      { column: 0, span: 1, columns: 2 },
    ]);
  });

  it('reuses a column once it is free and widens an event over free columns', () => {
    // A 9–12 overlaps B 9–10 and C 10–11; B and C share a column; D 11:30–12 sits next to A in column 1 too.
    const placed = packColumns([
      { start: 540, end: 720 },
      { start: 540, end: 600 },
      { start: 600, end: 660 },
      { start: 690, end: 720 },
    ]);
    expect(placed.map((p) => p.column)).toEqual([0, 1, 1, 1]);
    expect(placed.every((p) => p.columns === 2)).toBe(true);
    // Three-way overlap: E spans the two columns free to its right.
    const three = packColumns([
      { start: 540, end: 600 },
      { start: 540, end: 570 },
      { start: 545, end: 560 },
      { start: 570, end: 600 },
    ]);
    expect(three[0]).toEqual({ column: 0, span: 1, columns: 3 });
    expect(three[3]).toEqual({ column: 1, span: 2, columns: 3 });
  });

  it('gives zero-length events a visible height so they still collide', () => {
    const placed = packColumns([{ start: 540, end: 540 }, { start: 550, end: 600 }]);
    expect(placed.map((p) => p.columns)).toEqual([2, 2]);
  });

  it('separates clusters: a later event is not squeezed by an earlier crowd', () => {
    const placed = packColumns([{ start: 0, end: 60 }, { start: 0, end: 60 }, { start: 120, end: 180 }]);
    expect(placed[2]).toEqual({ column: 0, span: 1, columns: 1 });
  });
});

describe('packLanes', () => {
  it('stacks overlapping day spans and reuses lanes', () => {
    expect(packLanes([{ first: 0, last: 2 }, { first: 1, last: 1 }, { first: 3, last: 6 }, { first: 2, last: 3 }])).toEqual([0, 1, 0, 1]);
  });

  it('puts longer spans first when they start on the same day', () => {
    expect(packLanes([{ first: 0, last: 0 }, { first: 0, last: 4 }])).toEqual([1, 0]);
  });

  it('counts what a month cell hides, keeping a line for "+N more"', () => {
    const items = [{ first: 0, last: 0 }, { first: 0, last: 0 }, { first: 0, last: 0 }, { first: 1, last: 1 }];
    const lanes = packLanes(items);
    // Three lanes visible: day 0 needs three, which fits exactly; day 1 one.
    expect(hiddenPerDay(items, lanes, 7, 3)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // Two visible lanes: day 0 shows one event and "+2 more".
    expect(hiddenPerDay(items, lanes, 7, 2)).toEqual([2, 0, 0, 0, 0, 0, 0]);
  });
});

describe('snapping', () => {
  it('snaps to 15 minutes', () => {
    expect(snapMinutes(7)).toBe(0);
    expect(snapMinutes(8)).toBe(15);
    expect(snapMinutes(592)).toBe(585);
    expect(minuteAt(100, 48)).toBe(120);
    expect(minuteAt(-10, 48)).toBe(0);
    expect(minuteAt(5000, 48)).toBe(1440);
  });

  it('selects a drag range in either direction, at least one slot long', () => {
    expect(createRange(545, 610)).toEqual({ start: 540, end: 615 });
    expect(createRange(610, 545)).toEqual({ start: 540, end: 615 });
    expect(createRange(600, 600)).toEqual({ start: 600, end: 615 });
    expect(createRange(1439, 1500)).toEqual({ start: 1425, end: 1440 });
  });

  it('moves by snapped deltas and keeps a resized event at least one slot long', () => {
    expect(moveDelta(7)).toBe(0);
    expect(moveDelta(-23)).toBe(-30);
    expect(resizeEnd(540, 541)).toBe(555);
    expect(resizeEnd(540, 622)).toBe(615);
    // The top edge: snapped, never past the end minus a step, never before midnight.
    expect(resizeStart(600, 509)).toBe(510);
    expect(resizeStart(600, 598)).toBe(585);
    expect(resizeStart(600, -40)).toBe(0);
    expect(resizeStart(1500, 1490)).toBe(1485);
  });
});
