import { describe, expect, it } from 'vitest';
import { ACTIVE_BLOCK_CLASS } from './block-visibility.js';
import { schema } from '@allmende/doc-model';
import { BlockHeights, blockIndexAtHeight, documentEdgeKey, windowShift, widenWindow, windowAround, windowCovers, windowHolds, windowRule, WINDOW_MARGIN_BLOCKS } from './visibility-window.js';

/** Blocks stacked from y = `from`, each as tall as given (only their boxes are read); `boxes` can be changed to move them. */
function stacked(heights: number[], from = 0): Element[] {
  let top = from;
  return heights.map((height) => {
    const box = { top, bottom: top + height };
    top += height;
    return { getBoundingClientRect: () => ({ ...box }), box } as unknown as Element;
  });
}

/** Moves the boxes of `blocks` (as `stacked` made them) as if only those in `first` to `last` were displayed, from `top`. */
function displayOnly(blocks: Element[], first: number, last: number, top: number): void {
  let y = top;
  blocks.forEach((block, index) => {
    const box = (block as unknown as { box: { top: number; bottom: number } }).box;
    const height = box.bottom - box.top;
    if (index < first || index > last) {
      // display: none: an empty box at the origin.
      (block as unknown as { getBoundingClientRect: () => unknown }).getBoundingClientRect = () => ({ top: 0, bottom: 0 });
      return;
    }
    const moved = { top: y, bottom: y + height };
    y += height;
    (block as unknown as { getBoundingClientRect: () => unknown }).getBoundingClientRect = () => ({ ...moved });
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

describe('windowCovers and widenWindow', () => {
  it('says whether the selection blocks are rendered; without a window all are', () => {
    expect(windowCovers({ first: 100, last: 300 }, 100, 300)).toBe(true);
    expect(windowCovers({ first: 100, last: 300 }, 99, 120)).toBe(false);
    expect(windowCovers({ first: 100, last: 300 }, 250, 301)).toBe(false);
    expect(windowCovers(null, 0, 5000)).toBe(true);
  });
  it('grows the window to hold the blocks, and drops it once it would hold everything', () => {
    expect(widenWindow({ first: 800, last: 1020 }, 1834, 1834, 1835)).toEqual({ first: 800, last: 1834 });
    expect(widenWindow({ first: 800, last: 1020 }, 3, 5, 1835)).toEqual({ first: 3, last: 1020 });
    expect(widenWindow({ first: 800, last: 1020 }, 900, 910, 1835)).toEqual({ first: 800, last: 1020 });
    expect(widenWindow({ first: 800, last: 1020 }, 0, 1834, 1835)).toBeNull();
    expect(widenWindow(null, 3, 5, 1835)).toBeNull();
  });
});

describe('windowRule', () => {
  const editor = '.ProseMirror[data-allmende-window="7"]';
  it('takes the blocks before and after the window out of the layout by 1-based child index, in this editor, on screen only', () => {
    const window = { first: 800, last: 1020 };
    const rule = windowRule(window, window, '7', { before: 40_000.4, after: 38_123.6 });
    expect(rule).toContain(`${editor} > :nth-child(-n+800)`);
    expect(rule).toContain(`${editor} > :nth-child(n+1022)`);
    expect(rule).toContain('display: none !important');
    // Their room is taken by the editor's boxes before and after its blocks.
    expect(rule).toContain(`${editor}::before { height: 40000px; }`);
    expect(rule).toContain(`${editor}::after { height: 38124px; }`);
    expect(rule).toContain(`${editor}::before, ${editor}::after { content: ''; display: block; }`);
    expect(rule.startsWith('@media screen')).toBe(true);
    expect(rule).not.toContain('content-visibility');
  });
  it('skips the rendering of blocks displayed only because the selection is further away, except the active ones', () => {
    // The selection in block 20, the viewport around block 900.
    const rule = windowRule({ first: 20, last: 1020 }, { first: 800, last: 1020 }, '7', { before: 900, after: 100 });
    expect(rule).toContain(`${editor} > :nth-child(-n+20), ${editor} > :nth-child(n+1022) { display: none !important; }`);
    expect(rule).toContain(`${editor} > :nth-child(n+21):nth-child(-n+800):not(.${ACTIVE_BLOCK_CLASS}) { content-visibility: hidden; }`);
    // Everything displayed (the selection spans the document): only the rendering is skipped, on both sides.
    const all = windowRule(null, { first: 800, last: 1020 }, '7', { before: 0, after: 0 });
    expect(all).not.toContain('display: none');
    expect(all).toContain(`${editor} > :nth-child(n+1):nth-child(-n+800):not(.${ACTIVE_BLOCK_CLASS})`);
    expect(all).toContain(`${editor} > :nth-child(n+1022):not(.${ACTIVE_BLOCK_CLASS})`);
  });
  it('has no rule before a window at the start, and none at all without a window', () => {
    const window = { first: 0, last: 120 };
    expect(windowRule(window, window, '1', { before: 0, after: 10 })).not.toContain('-n+');
    expect(windowRule(null, null, '1', { before: 0, after: 0 })).toBe('');
  });
});

describe('blockIndexAtHeight', () => {
  const bottoms = (blocks: Element[]) => (index: number) => blocks[index]!.getBoundingClientRect().bottom;
  it('finds the block at a height', () => {
    const blocks = stacked([10, 20, 30, 40]);
    expect(blockIndexAtHeight(4, bottoms(blocks), 0)).toBe(0);
    expect(blockIndexAtHeight(4, bottoms(blocks), 9)).toBe(0);
    expect(blockIndexAtHeight(4, bottoms(blocks), 10)).toBe(1);
    expect(blockIndexAtHeight(4, bottoms(blocks), 35)).toBe(2);
    expect(blockIndexAtHeight(4, bottoms(blocks), 99)).toBe(3);
  });
  it('clamps above and below the blocks', () => {
    const blocks = stacked([10, 20]);
    expect(blockIndexAtHeight(2, bottoms(blocks), -50)).toBe(0);
    expect(blockIndexAtHeight(2, bottoms(blocks), 500)).toBe(1);
    expect(blockIndexAtHeight(0, () => 0, 5)).toBe(0);
  });
});

describe('BlockHeights', () => {
  const heightsOf = (count: number) => Array.from({ length: count }, (_, index) => 20 + (index % 5) * 10);

  it('remembers each rendered block from its top to the next one, and gives the room of those outside a window', () => {
    const sizes = heightsOf(20);
    const blocks = stacked(sizes, 100);
    const heights = new BlockHeights();
    heights.record(blocks, 0, 19);
    sizes.forEach((size, index) => expect(heights.of(blocks[index]!)).toBe(size));
    const sum = (from: number, to: number) => sizes.slice(from, to).reduce((a, b) => a + b, 0);
    expect(heights.spacers(blocks, { first: 5, last: 12 })).toEqual({ before: sum(0, 5), after: sum(13, 20) });
    expect(heights.spacers(blocks, null)).toEqual({ before: 0, after: 0 });
  });

  it('takes a block never measured at the mean of the last measured', () => {
    const blocks = stacked([10, 30, 50], 0);
    const heights = new BlockHeights();
    expect(heights.of(blocks[0]!)).toBeGreaterThan(0);
    heights.record(blocks, 0, 1);
    const fresh = stacked([999])[0]!;
    expect(heights.of(fresh)).toBe(20);
  });

  it('maps heights on screen to blocks when only a window is displayed, the rest standing in boxes before and after them', () => {
    const sizes = heightsOf(400);
    const blocks = stacked(sizes, 50);
    const heights = new BlockHeights();
    heights.record(blocks, 0, 399);
    const top = (index: number) => 50 + sizes.slice(0, index).reduce((a, b) => a + b, 0);
    const window = { first: 150, last: 260 };
    // As the browser lays it out with the rule: the window's blocks after a box as tall as the blocks before them.
    displayOnly(blocks, window.first, window.last, 50 + heights.spacers(blocks, window).before);
    const bottomOf = heights.bottoms(blocks, window);
    for (const index of [0, 1, 77, 149, 150, 200, 260, 261, 399]) {
      expect(bottomOf(index)).toBeCloseTo(top(index + 1));
      expect(blockIndexAtHeight(400, bottomOf, top(index) + 1)).toBe(index);
    }
    // Scrolled far into the hidden part after the window, the blocks there are found from the heights.
    expect(blockIndexAtHeight(400, bottomOf, top(350) + 2)).toBe(350);
  });
});

describe('documentEdgeKey', () => {
  const key = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });
  it('takes Ctrl+Home and Ctrl+End elsewhere, Cmd+Up and Cmd+Down on a Mac', () => {
    expect(documentEdgeKey(key('Home', { ctrlKey: true }), false)).toBe('start');
    expect(documentEdgeKey(key('End', { ctrlKey: true }), false)).toBe('end');
    expect(documentEdgeKey(key('ArrowUp', { metaKey: true }), true)).toBe('start');
    expect(documentEdgeKey(key('ArrowDown', { metaKey: true }), true)).toBe('end');
  });
  it('leaves other keys and combinations alone', () => {
    expect(documentEdgeKey(key('Home'), false)).toBeNull();
    expect(documentEdgeKey(key('Home', { ctrlKey: true, altKey: true }), false)).toBeNull();
    // Ctrl+Up moves by paragraph outside a Mac; Cmd+Home is not a Mac binding.
    expect(documentEdgeKey(key('ArrowUp', { ctrlKey: true }), false)).toBeNull();
    expect(documentEdgeKey(key('Home', { metaKey: true }), true)).toBeNull();
    expect(documentEdgeKey(key('End', { ctrlKey: true }), true)).toBeNull();
  });
});

describe('windowShift', () => {
  const paragraphs = (texts: string[]) => schema.node('doc', null, texts.map((text) => schema.node('paragraph', null, text ? schema.text(text) : [])));
  const numbered = (count: number) => Array.from({ length: count }, (_, index) => `Block ${index}`);
  const before = paragraphs(numbered(20));
  const window = { first: 8, last: 12 };

  it('moves the window by the blocks added or removed before it', () => {
    const inserted = [...numbered(20).slice(0, 3), 'new one', 'new two', ...numbered(20).slice(3)];
    expect(windowShift(window, before, paragraphs(inserted))).toBe(2);
    const removed = numbered(20).filter((_, index) => index < 2 || index > 4);
    expect(windowShift(window, before, paragraphs(removed))).toBe(-3);
    // A block split right before the window's first block.
    const split = [...numbered(20).slice(0, 7), 'Block', ' 7', ...numbered(20).slice(8)];
    expect(windowShift(window, before, paragraphs(split))).toBe(1);
  });

  it('leaves it where it is for changes after it, or none', () => {
    expect(windowShift(window, before, paragraphs([...numbered(20), 'appended']))).toBe(0);
    expect(windowShift(window, before, paragraphs(numbered(20).map((text, index) => (index === 15 ? `${text}!` : text))))).toBe(0);
    expect(windowShift(window, before, before)).toBe(0);
  });

  it('gives up when a change touches the window or spans it', () => {
    const inside = [...numbered(20).slice(0, 10), 'new', ...numbered(20).slice(10)];
    expect(windowShift(window, before, paragraphs(inside))).toBeNull();
    const around = [...numbered(20).slice(0, 2), 'first new', ...numbered(20).slice(2, 16), 'second new', ...numbered(20).slice(16)];
    expect(windowShift(window, before, paragraphs(around))).toBeNull();
  });
});
