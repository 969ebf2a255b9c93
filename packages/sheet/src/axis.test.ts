import { describe, expect, it } from 'vitest';
import { Axis, contentToScroll, MAX_SCROLL_SIZE, scrollToContent } from './axis.js';

describe('Axis', () => {
  it('places a million default rows without resized entries', () => {
    const axis = new Axis(1_000_000, 21);
    expect(axis.total).toBe(21_000_000);
    expect(axis.offset(500_000)).toBe(10_500_000);
    expect(axis.indexAt(10_500_010)).toBe(500_000);
    expect(axis.visible(10_500_000, 100)).toEqual({ first: 500_000, end: 500_005 });
  });

  it('accounts for resized entries before an index', () => {
    const axis = new Axis(10, 20, new Map([[2, 50], [5, 0]]));
    expect(axis.offset(2)).toBe(40);
    expect(axis.offset(3)).toBe(90);
    expect(axis.offset(6)).toBe(130);
    expect(axis.total).toBe(20 * 10 + 30 - 20);
    expect(axis.indexAt(89)).toBe(2);
    expect(axis.indexAt(90)).toBe(3);
    // Index 5 has no size: a hit at its start lands on 6.
    expect(axis.indexAt(130)).toBe(6);
  });

  it('clamps hit tests to the ends and ignores sizes outside the axis', () => {
    const axis = new Axis(3, 10, new Map([[7, 99], [-1, 5]]));
    expect(axis.total).toBe(30);
    expect(axis.indexAt(-5)).toBe(0);
    expect(axis.indexAt(1000)).toBe(2);
    expect(new Axis(0, 10).indexAt(5)).toBe(-1);
  });

  it('refuses a bad count or default size', () => {
    expect(() => new Axis(-1, 10)).toThrow(RangeError);
    expect(() => new Axis(1.5, 10)).toThrow(/whole number/);
    expect(() => new Axis(3, 0)).toThrow(/defaultSize/);
  });
});

describe('scroll scaling', () => {
  it('is the identity while content fits the browser', () => {
    expect(scrollToContent(1234, 100_000, 500)).toBe(1234);
    expect(contentToScroll(1234, 100_000, 500)).toBe(1234);
  });

  it('maps both ends of a huge axis onto the scrollable size', () => {
    const content = 22_000_000;
    const view = 800;
    expect(scrollToContent(0, content, view)).toBe(0);
    expect(scrollToContent(MAX_SCROLL_SIZE - view, content, view)).toBeCloseTo(content - view, 3);
    const mid = contentToScroll(11_000_000, content, view);
    expect(scrollToContent(mid, content, view)).toBeCloseTo(11_000_000, 3);
  });
});
