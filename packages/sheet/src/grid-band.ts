// The band of rows (or columns) the grid draws around the view, and where it sits in the scrolling canvas.
import { MAX_SCROLL_SIZE, scrollToContent } from './axis.js';

/**
 * Where one axis of the scrolling part is drawn. Content positions count from the first unfrozen row or column.
 * An element at content position `p` sits at scroll position `anchorScroll + p - anchorContent` (after the headers
 * and frozen part), so the browser scrolls it one pixel per pixel. While the content fits the browser's size limit
 * both anchors stay 0; beyond it (see {@link scrollToContent}) they are set again on every drawn frame.
 */
export interface AxisBand {
  anchorScroll: number;
  anchorContent: number;
  /** The drawn band `[from, to)` in content positions. */
  from: number;
  to: number;
}

/** The one axis of a scroll position and the sheet's geometry that the band logic needs. */
export interface AxisView {
  /** The browser's scroll position. */
  readonly scroll: number;
  /** The scrolling content's size (without headers and frozen part) and the visible size of it. */
  readonly content: number;
  readonly view: number;
}

/** The content position shown at the left or top edge of the scrolling part. */
export function shownAt(band: AxisBand, a: AxisView): number {
  return Math.max(0, Math.min(Math.max(0, a.content - a.view), band.anchorContent + (a.scroll - band.anchorScroll)));
}

/**
 * Brings a band up to date for a scroll position: anchors it again when positions are scaled, and moves it when
 * the view came closer than `margin` to one of its edges. Returns whether anything changed.
 */
export function placeBand(band: AxisBand, a: AxisView, overscan: number, margin: number): boolean {
  let changed = false;
  if (a.content > MAX_SCROLL_SIZE) {
    const content = scrollToContent(a.scroll, a.content, a.view);
    if (band.anchorScroll !== a.scroll || band.anchorContent !== content) {
      band.anchorScroll = a.scroll;
      band.anchorContent = content;
      changed = true;
    }
  } else if (band.anchorScroll !== 0 || band.anchorContent !== 0) {
    band.anchorScroll = 0;
    band.anchorContent = 0;
    changed = true;
  }
  const first = shownAt(band, a);
  const need0 = Math.max(0, first - margin);
  const need1 = Math.min(a.content, first + a.view + margin);
  if (changed || band.from > need0 || band.to < need1) {
    band.from = Math.max(0, first - overscan);
    band.to = Math.min(a.content, first + a.view + overscan);
    changed = true;
  }
  return changed;
}
