import { describe, expect, it } from 'vitest';
import { placed, stackLabels } from './label-stacking.js';
import type { LabelBox, LabelPlace } from './label-stacking.js';

const box = (left: number, width: number, top = 0, height = 18): LabelBox => ({ left, right: left + width, top, bottom: top + height });

/** The boxes as drawn. */
function drawn(boxes: readonly LabelBox[], places: readonly LabelPlace[]): LabelBox[] {
  return boxes.map((b, i) => placed(b, places[i]!));
}
const levels = (places: readonly LabelPlace[]): number[] => places.map((place) => place.level);

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('stackLabels', () => {
  it('leaves labels that do not touch where they are', () => {
    expect(levels(stackLabels([box(0, 50), box(60, 50), box(0, 50, 40)]))).toEqual([0, 0, 0]);
  });

  it('lifts labels of cursors on one line that would cover each other', () => {
    const boxes = [box(100, 80), box(110, 60), box(120, 90)];
    const places = stackLabels(boxes);
    expect(levels(places)).toEqual([0, 1, 2]);
    const shown = drawn(boxes, places);
    for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) expect(overlaps(shown[i]!, shown[j]!)).toBe(false);
  });

  it('reuses the lowest free level', () => {
    // The third label overlaps only the second, which was lifted, so it can stay down.
    expect(levels(stackLabels([box(0, 50), box(40, 50), box(95, 50)]))).toEqual([0, 1, 0]);
  });

  it('places from left to right whatever the input order, and never overlaps in random layouts', () => {
    expect(levels(stackLabels([box(120, 40), box(100, 40)]))).toEqual([1, 0]);
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 200; round++) {
      const boxes = Array.from({ length: 2 + Math.floor(random() * 6) }, () => box(Math.floor(random() * 300), 20 + Math.floor(random() * 80), Math.floor(random() * 3) * 24));
      const shown = drawn(boxes, stackLabels(boxes));
      for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) expect(overlaps(shown[i]!, shown[j]!)).toBe(false);
    }
  });

  it('moves labels right instead of lifting them above the top of the visible text', () => {
    const boxes = [box(100, 80, 30), box(110, 60, 30), box(120, 90, 30)];
    const places = stackLabels(boxes, 10);
    // One level fits above (30 - 18 = 12 ≥ 10), the third label goes beside.
    expect(places.map((place) => place.level)).toEqual([0, 1, 0]);
    expect(places[2]!.shift).toBeGreaterThanOrEqual(180 - 120);
    const shown = drawn(boxes, places);
    for (const b of shown) expect(b.top).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) expect(overlaps(shown[i]!, shown[j]!)).toBe(false);
  });

  it('never overlaps in random layouts with a top limit', () => {
    let seed = 11;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 200; round++) {
      const boxes = Array.from({ length: 2 + Math.floor(random() * 6) }, () => box(Math.floor(random() * 300), 20 + Math.floor(random() * 80), 20 + Math.floor(random() * 3) * 24));
      const shown = drawn(boxes, stackLabels(boxes, 20));
      for (const b of shown) expect(b.top).toBeGreaterThanOrEqual(20);
      for (let i = 0; i < shown.length; i++) for (let j = i + 1; j < shown.length; j++) expect(overlaps(shown[i]!, shown[j]!)).toBe(false);
    }
  });

  it('handles no labels', () => {
    expect(stackLabels([])).toEqual([]);
  });
});
