import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_SIZE, scrollToContent } from './axis.js';
import { placeBand, shownAt } from './grid-band.js';
import type { AxisBand } from './grid-band.js';

const fresh = (): AxisBand => ({ anchorScroll: 0, anchorContent: 0, from: 0, to: 0 });

describe('placeBand on content that fits the browser', () => {
  const content = 100_000 * 24;
  const view = 700;

  it('draws the view and the overscan on both sides, clamped at the start', () => {
    const band = fresh();
    expect(placeBand(band, { scroll: 0, content, view }, 480, 240)).toBe(true);
    expect(band).toEqual({ anchorScroll: 0, anchorContent: 0, from: 0, to: view + 480 });
    expect(placeBand(band, { scroll: 10_000, content, view }, 480, 240)).toBe(true);
    expect(band.from).toBe(10_000 - 480);
    expect(band.to).toBe(10_000 + view + 480);
  });

  it('keeps the band while the view stays more than the margin from its edges, then moves it around the view', () => {
    const band = fresh();
    placeBand(band, { scroll: 10_000, content, view }, 480, 240);
    // 240 px further down the view's end is exactly the margin away from the band's end: nothing to draw.
    expect(placeBand(band, { scroll: 10_240, content, view }, 480, 240)).toBe(false);
    expect(placeBand(band, { scroll: 9_760, content, view }, 480, 240)).toBe(false);
    expect(band.from).toBe(9_520);
    expect(placeBand(band, { scroll: 10_241, content, view }, 480, 240)).toBe(true);
    expect(band.from).toBe(10_241 - 480);
    expect(band.to).toBe(10_241 + view + 480);
  });

  it('shows content one pixel per scrolled pixel: anchors stay 0', () => {
    const band = fresh();
    placeBand(band, { scroll: 5_000, content, view }, 480, 240);
    expect(band.anchorScroll).toBe(0);
    expect(band.anchorContent).toBe(0);
    expect(shownAt(band, { scroll: 5_123, content, view })).toBe(5_123);
  });

  it('clamps at the end of the content, and a view larger than the content draws all of it', () => {
    const band = fresh();
    placeBand(band, { scroll: content - view, content, view }, 480, 240);
    expect(band.to).toBe(content);
    const small = fresh();
    expect(placeBand(small, { scroll: 0, content: 300, view }, 480, 240)).toBe(true);
    expect(small).toEqual({ anchorScroll: 0, anchorContent: 0, from: 0, to: 300 });
    expect(placeBand(small, { scroll: 0, content: 300, view }, 480, 240)).toBe(false);
    expect(shownAt(small, { scroll: 0, content: 300, view })).toBe(0);
  });

  it('goes back to anchors of 0 when the content shrinks below the limit', () => {
    const band: AxisBand = { anchorScroll: 1_000, anchorContent: 1_500, from: 1_000, to: 2_000 };
    expect(placeBand(band, { scroll: 1_000, content, view }, 480, 240)).toBe(true);
    expect(band.anchorScroll).toBe(0);
    expect(band.anchorContent).toBe(0);
    expect(band.from).toBe(520);
  });
});

describe('placeBand on content larger than the browser allows (a million rows)', () => {
  const content = 1_000_000 * 24;
  const view = 700;

  it('anchors the band where the linear mapping puts the scroll position, on every scroll', () => {
    const band = fresh();
    const scroll = 7_000_000;
    expect(placeBand(band, { scroll, content, view }, 480, 240)).toBe(true);
    const mapped = scrollToContent(scroll, content, view);
    expect(band.anchorScroll).toBe(scroll);
    expect(band.anchorContent).toBe(mapped);
    expect(shownAt(band, { scroll, content, view })).toBe(mapped);
    expect(band.from).toBe(mapped - 480);
    // Until the next frame callback, the compositor has scrolled the drawn band one pixel per pixel.
    expect(shownAt(band, { scroll: scroll + 120, content, view })).toBe(mapped + 120);
    // The frame callback anchors it again, at the mapping.
    expect(placeBand(band, { scroll: scroll + 120, content, view }, 480, 240)).toBe(true);
    expect(shownAt(band, { scroll: scroll + 120, content, view })).toBe(scrollToContent(scroll + 120, content, view));
    // The same scroll position again changes nothing.
    expect(placeBand(band, { scroll: scroll + 120, content, view }, 480, 240)).toBe(false);
  });

  it('reaches both ends of the content', () => {
    const band = fresh();
    const last = MAX_SCROLL_SIZE - view;
    placeBand(band, { scroll: last, content, view }, 480, 240);
    expect(shownAt(band, { scroll: last, content, view })).toBe(content - view);
    expect(band.to).toBe(content);
    placeBand(band, { scroll: 0, content, view }, 480, 240);
    expect(shownAt(band, { scroll: 0, content, view })).toBe(0);
    expect(band.from).toBe(0);
  });
});
