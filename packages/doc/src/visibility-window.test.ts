import { describe, expect, it } from 'vitest';
import { ACTIVE_BLOCK_CLASS } from './block-visibility.js';
import { childIndexAt, windowAround, windowHolds, windowRule, WINDOW_MARGIN_BLOCKS } from './visibility-window.js';

/** Blocks stacked from y = 0, each as tall as given (only their boxes are read). */
function stacked(heights: number[]): Element[] {
  let top = 0;
  return heights.map((height) => {
    const box = { top, bottom: top + height };
    top += height;
    return { getBoundingClientRect: () => box } as unknown as Element;
  });
}

describe('windowAround', () => {
  it('keeps the margin on both sides of the blocks on screen, clamped to the document', () => {
    expect(windowAround(900, 920, 1835)).toEqual({ first: 900 - WINDOW_MARGIN_BLOCKS, last: 920 + WINDOW_MARGIN_BLOCKS });
    expect(windowAround(10, 30, 1835)).toEqual({ first: 0, last: 30 + WINDOW_MARGIN_BLOCKS });
    expect(windowAround(1800, 1834, 1835)).toEqual({ first: 1800 - WINDOW_MARGIN_BLOCKS, last: 1834 });
  });

  it('hides nothing in a short document, and takes no window from nonsense', () => {
    expect(windowAround(5, 10, 150)).toBeNull();
    expect(windowAround(0, 0, 0)).toBeNull();
    expect(windowAround(10, 5, 1000)).toBeNull();
    expect(windowAround(0, 0, Number.NaN)).toBeNull();
  });
});

describe('windowHolds', () => {
  const window = { first: 800, last: 1020 };
  it('keeps the window while the blocks on screen are well inside it', () => {
    expect(windowHolds(window, 900, 920, 1835)).toBe(true);
  });
  it('moves it when they come near an end or leave it', () => {
    expect(windowHolds(window, 830, 850, 1835)).toBe(false);
    expect(windowHolds(window, 990, 1000, 1835)).toBe(false);
    expect(windowHolds(window, 1500, 1510, 1835)).toBe(false);
    expect(windowHolds(null, 900, 920, 1835)).toBe(false);
  });
  it('needs no room beyond the ends of the document', () => {
    expect(windowHolds({ first: 0, last: 130 }, 0, 20, 1835)).toBe(true);
    expect(windowHolds({ first: 1700, last: 1834 }, 1820, 1834, 1835)).toBe(true);
  });
});

describe('windowRule', () => {
  it('hides the blocks before and after the window by 1-based child index, never the active blocks, on screen only', () => {
    const rule = windowRule({ first: 800, last: 1020 });
    expect(rule).toContain(`.ProseMirror > :nth-child(-n+800):not(.${ACTIVE_BLOCK_CLASS})`);
    expect(rule).toContain(`.ProseMirror > :nth-child(n+1022):not(.${ACTIVE_BLOCK_CLASS})`);
    expect(rule).toContain('content-visibility: hidden');
    expect(rule.startsWith('@media screen')).toBe(true);
  });
  it('has no rule before a window at the start, and none at all without a window', () => {
    expect(windowRule({ first: 0, last: 120 })).not.toContain('-n+');
    expect(windowRule(null)).toBe('');
  });
});

describe('childIndexAt', () => {
  it('finds the block at a height', () => {
    const blocks = stacked([10, 20, 30, 40]);
    expect(childIndexAt(blocks, 0)).toBe(0);
    expect(childIndexAt(blocks, 9)).toBe(0);
    expect(childIndexAt(blocks, 10)).toBe(1);
    expect(childIndexAt(blocks, 35)).toBe(2);
    expect(childIndexAt(blocks, 99)).toBe(3);
  });
  it('clamps above and below the blocks', () => {
    const blocks = stacked([10, 20]);
    expect(childIndexAt(blocks, -50)).toBe(0);
    expect(childIndexAt(blocks, 500)).toBe(1);
    expect(childIndexAt([], 5)).toBe(0);
  });
});
