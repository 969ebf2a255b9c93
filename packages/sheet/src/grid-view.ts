import { columnLetters } from '@allmende/sheet-model';
import { MAX_SCROLL_SIZE, contentToScroll } from './axis.js';
import type { Axis } from './axis.js';
import { setCss } from './dom-write.js';
import { placeBand, shownAt } from './grid-band.js';
import { rowsPerFrame } from './grid-fill.js';
import type { AxisBand, AxisView } from './grid-band.js';
import { HeaderStrip } from './grid-headers.js';
import { GridPane } from './grid-pane.js';
import type { GridBox, GridSource } from './grid-types.js';
import type { CellPos } from './selection.js';

export type { CellLook, GridBox, GridSource } from './grid-types.js';

/** Width of the row numbers and height of the column letters, in CSS pixels. */
export const HEADER_WIDTH = 52;
export const HEADER_HEIGHT = 24;

/** A hit of {@link GridView.hitTest}: a cell, a row number, a column letter, the corner, or a resize handle. */
export type GridHit =
  | { readonly kind: 'cell'; readonly row: number; readonly col: number }
  | { readonly kind: 'row-header'; readonly row: number }
  | { readonly kind: 'col-header'; readonly col: number }
  | { readonly kind: 'corner' }
  | { readonly kind: 'col-resize'; readonly col: number }
  | { readonly kind: 'row-resize'; readonly row: number };

const RESIZE_GRIP = 4;
/** Positions are given relative to a base that moves in steps of this many pixels (see grid-pane.ts). */
const BASE_STEP = 1_000_000;
/**
 * Rows (and columns) drawn beyond each edge of the view, in CSS pixels, so the compositor can scroll over rows
 * already drawn without waiting for script; and how close the view may come to the band's edge before the band is
 * drawn again around it (in a frame callback, never from the scroll event).
 */
const OVERSCAN_Y = 720;
const MARGIN_Y = 480;
const OVERSCAN_X = 320;
const MARGIN_X = 160;
/**
 * Rows closer to the view than this (CSS pixels) are drawn in the frame they enter the band; rows further out are
 * drawn at most {@link FILL_CELLS} cells' worth per frame, nearest first, so that moving the band (ten or more rows at
 * once) costs several frames a little each instead of one frame too much.
 */
const MUST_Y = 240;
const FILL_CELLS = 120;
/** Rows past the band's edge, in the direction of scrolling, whose cell looks are computed ahead when the page is idle. */
const PREFETCH_ROWS = 30;
const PREFETCH_SLICE_MS = 4;

/**
 * The virtualized grid. A native scroller holds a canvas as large as the sheet (capped for the browser); the
 * scrolling part's rows are drawn into it at their place, in a band reaching past the view on every side, so the
 * browser's compositor scrolls them without waiting for script. The band is drawn again (reusing row elements)
 * only when the view nears its edge, in a frame callback. Headers, the corner and frozen rows and columns are
 * `position: sticky` layers in the same canvas, which the compositor keeps in place as well. Cells are real DOM
 * with `role="gridcell"` inside `role="row"`, so screen readers read their text.
 */
export class GridView {
  /** The scrolling element (focusable, `role="grid"`). */
  readonly scroller: HTMLDivElement;
  private readonly canvas: HTMLDivElement;
  private readonly quadrants: GridPane[];
  private readonly colHeaders: HeaderStrip[];
  private readonly rowHeaders: HeaderStrip[];
  private readonly corner: HTMLDivElement;
  private source: GridSource | null = null;
  /** Bumped when cell looks or sizes may have changed, so panes fill their rows again. */
  private generation = 0;
  private boxes: readonly GridBox[] = [];
  private width = 0;
  private height = 0;
  private readonly bandX: AxisBand = { anchorScroll: 0, anchorContent: 0, from: 0, to: 0 };
  private readonly bandY: AxisBand = { anchorScroll: 0, anchorContent: 0, from: 0, to: 0 };
  /** The pending frame callback that follows a scroll, or 0. */
  private frame = 0;
  /** Whether rows of the band are still to be drawn (in the next frames). */
  private pending = false;
  /** The first content row shown at the last draw and the direction the rows moved since (1 down, -1 up). */
  private lastFirstY = 0;
  private direction = 1;
  /** The pending idle callback that computes cell looks ahead of the band, or 0. */
  private idle = 0;
  private readonly resizeObserver: ResizeObserver;

  constructor(doc: Document) {
    const div = (className: string, parent?: HTMLElement): HTMLDivElement => {
      const el = doc.createElement('div');
      el.className = className;
      parent?.appendChild(el);
      return el;
    };
    this.scroller = div('scroller');
    this.scroller.setAttribute('part', 'grid');
    this.canvas = div('canvas', this.scroller);
    // The scrolling pane first, so frozen panes paint over it.
    this.quadrants = [new GridPane(this.canvas, false, false), new GridPane(this.canvas, false, true), new GridPane(this.canvas, true, false), new GridPane(this.canvas, true, true)];
    this.colHeaders = [new HeaderStrip(this.canvas, 'col-headers', false, false), new HeaderStrip(this.canvas, 'col-headers', true, false)];
    this.rowHeaders = [new HeaderStrip(this.canvas, 'row-headers', false, true), new HeaderStrip(this.canvas, 'row-headers', true, true)];
    this.corner = div('corner', this.canvas);
    this.scroller.addEventListener('scroll', this.onScroll, { passive: true });
    this.resizeObserver = new ResizeObserver(() => this.measure());
  }

  /** A scroll only asks for a frame: the compositor has already moved what is drawn. */
  private readonly onScroll = (): void => this.requestFrame();

  /** Asks for a frame that draws what scrolling (or the rows still waiting) need. */
  private requestFrame(): void {
    if (this.frame) return;
    const view = this.scroller.ownerDocument.defaultView;
    if (!view) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      this.draw(false);
    });
  }

  /** Starts watching the scroller's size (again, after {@link destroy}). */
  start(): void {
    this.resizeObserver.observe(this.scroller);
  }

  /** The corner button's element, which the owner labels. */
  get cornerElement(): HTMLDivElement {
    return this.corner;
  }

  /** Stops watching the scroller's size. */
  destroy(): void {
    this.resizeObserver.disconnect();
    if (this.frame) this.scroller.ownerDocument.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.cancelIdle();
    for (const q of this.quadrants) q.destroy();
  }

  /** Reads the scroller's size and redraws. */
  measure(): void {
    this.width = this.scroller.clientWidth;
    this.height = this.scroller.clientHeight;
    this.draw();
  }

  /** Sets what to draw and draws it. */
  update(source: GridSource, boxes: readonly GridBox[]): void {
    const old = this.source;
    if (!old || old.version !== source.version || old.rows !== source.rows || old.cols !== source.cols || old.frozenRows !== source.frozenRows || old.frozenCols !== source.frozenCols || old.merges.length !== source.merges.length) this.generation++;
    this.source = source;
    this.boxes = boxes;
    this.draw();
  }

  /** Both axes of the scrolling part at the current scroll position. */
  private axes(s: GridSource): { x: AxisView; y: AxisView } {
    const fw = s.cols.offset(s.frozenCols);
    const fh = s.rows.offset(s.frozenRows);
    return {
      x: { scroll: this.scroller.scrollLeft, content: s.cols.total - fw, view: Math.max(0, this.width - HEADER_WIDTH - fw) },
      y: { scroll: this.scroller.scrollTop, content: s.rows.total - fh, view: Math.max(0, this.height - HEADER_HEIGHT - fh) },
    };
  }

  /** The content position (unfrozen part) shown at the current scroll position, per axis. */
  private scrollPos(): { sx: number; sy: number } {
    const s = this.source;
    if (!s) return { sx: 0, sy: 0 };
    const { x, y } = this.axes(s);
    return { sx: shownAt(this.bandX, x), sy: shownAt(this.bandY, y) };
  }

  /** Scrolls so that the cell (or the range's top-left cell) is visible. */
  scrollIntoView(pos: CellPos): void {
    const s = this.source;
    if (!s || this.width === 0) return;
    const { sx, sy } = this.scrollPos();
    const fw = s.cols.offset(s.frozenCols);
    const fh = s.rows.offset(s.frozenRows);
    const viewW = Math.max(0, this.width - HEADER_WIDTH - fw);
    const viewH = Math.max(0, this.height - HEADER_HEIGHT - fh);
    const contentW = s.cols.total - fw;
    const contentH = s.rows.total - fh;
    if (pos.col >= s.frozenCols) {
      const x0 = s.cols.offset(pos.col) - fw;
      const x1 = x0 + s.cols.size(pos.col);
      let nx = sx;
      if (x0 < sx) nx = x0;
      else if (x1 > sx + viewW) nx = Math.min(x0, x1 - viewW);
      if (nx !== sx) this.scroller.scrollLeft = contentToScroll(nx, contentW, viewW);
    }
    if (pos.row >= s.frozenRows) {
      const y0 = s.rows.offset(pos.row) - fh;
      const y1 = y0 + s.rows.size(pos.row);
      let ny = sy;
      if (y0 < sy) ny = y0;
      else if (y1 > sy + viewH) ny = Math.min(y0, y1 - viewH);
      if (ny !== sy) this.scroller.scrollTop = contentToScroll(ny, contentH, viewH);
    }
    this.draw();
  }

  /**
   * The rectangle of a cell relative to the layer's top-left corner (the
   * scroller's visible area), or null when it is scrolled out of view.
   */
  cellRect(row: number, col: number): { x: number; y: number; w: number; h: number } | null {
    const s = this.source;
    if (!s) return null;
    const { sx, sy } = this.scrollPos();
    const fw = s.cols.offset(s.frozenCols);
    const fh = s.rows.offset(s.frozenRows);
    const x = HEADER_WIDTH + (col < s.frozenCols ? s.cols.offset(col) : s.cols.offset(col) - sx);
    const y = HEADER_HEIGHT + (row < s.frozenRows ? s.rows.offset(row) : s.rows.offset(row) - sy);
    const w = s.cols.size(col);
    const h = s.rows.size(row);
    if (col >= s.frozenCols && x + w <= HEADER_WIDTH + fw) return null;
    if (row >= s.frozenRows && y + h <= HEADER_HEIGHT + fh) return null;
    if (x >= this.width || y >= this.height) return null;
    return { x, y, w, h };
  }

  /** What is under a point given relative to the layer's top-left corner. */
  hitTest(x: number, y: number): GridHit | null {
    const s = this.source;
    if (!s || x < 0 || y < 0 || x > this.width || y > this.height) return null;
    const { sx, sy } = this.scrollPos();
    const fw = s.cols.offset(s.frozenCols);
    const fh = s.rows.offset(s.frozenRows);
    const cx = x - HEADER_WIDTH;
    const cy = y - HEADER_HEIGHT;
    const contentX = cx < fw ? cx : cx + sx;
    const contentY = cy < fh ? cy : cy + sy;
    if (cx < 0 && cy < 0) return { kind: 'corner' };
    if (cy < 0) {
      const col = s.cols.indexAt(contentX);
      const end = s.cols.offset(col) + s.cols.size(col);
      if (end - contentX <= RESIZE_GRIP) return { kind: 'col-resize', col };
      if (contentX - s.cols.offset(col) <= RESIZE_GRIP && col > 0) return { kind: 'col-resize', col: col - 1 };
      return { kind: 'col-header', col };
    }
    if (cx < 0) {
      const row = s.rows.indexAt(contentY);
      const end = s.rows.offset(row) + s.rows.size(row);
      if (end - contentY <= RESIZE_GRIP) return { kind: 'row-resize', row };
      if (contentY - s.rows.offset(row) <= RESIZE_GRIP && row > 0) return { kind: 'row-resize', row: row - 1 };
      return { kind: 'row-header', row };
    }
    return { kind: 'cell', row: s.rows.indexAt(contentY), col: s.cols.indexAt(contentX) };
  }

  /**
   * Draws the band of the sheet around the view. With `force` false (after a scroll) it draws only when the view
   * nears the band's edge or scroll positions are scaled; otherwise (resize, update) always.
   */
  draw(force = true): void {
    const s = this.source;
    if (!s) return;
    const fw = s.cols.offset(s.frozenCols);
    const fh = s.rows.offset(s.frozenRows);
    const { x, y } = this.axes(s);
    const movedX = placeBand(this.bandX, x, OVERSCAN_X, MARGIN_X);
    const movedY = placeBand(this.bandY, y, OVERSCAN_Y, MARGIN_Y);
    if (!force && !movedX && !movedY && !this.pending) return;
    // The scrollable size: all rows and columns plus the headers, capped for the browser.
    const totalW = HEADER_WIDTH + fw + Math.min(x.content, MAX_SCROLL_SIZE);
    const totalH = HEADER_HEIGHT + fh + Math.min(y.content, MAX_SCROLL_SIZE);
    setCss(this.canvas, `width:${totalW}px;height:${totalH}px`);
    const cols = this.scrolling(s.cols, s.frozenCols, fw, this.bandX, HEADER_WIDTH);
    const rows = this.scrolling(s.rows, s.frozenRows, fh, this.bandY, HEADER_HEIGHT);
    // The rows on screen and just past it, drawn at once; the band's other rows a few per frame.
    const firstY = shownAt(this.bandY, y);
    if (firstY !== this.lastFirstY) this.direction = firstY > this.lastFirstY ? 1 : -1;
    this.lastFirstY = firstY;
    const near = s.rows.visible(fh + Math.max(0, firstY - MUST_Y), y.view + 2 * MUST_Y);
    const view: [number, number] = [Math.max(near.first, s.frozenRows), near.end];
    const budget = rowsPerFrame(FILL_CELLS, cols.range[1] - cols.range[0] + s.frozenCols);
    let pending = false;
    for (const q of this.quadrants) {
      const w = q.frozenCols ? fw : totalW;
      const h = q.frozenRows ? fh : totalH;
      const place = [q.frozenCols ? `left:${HEADER_WIDTH}px` : '', q.frozenRows ? `top:${HEADER_HEIGHT}px` : ''].filter(Boolean).join(';');
      setCss(q.el, `${place};width:${w}px;height:${h}px`);
      // An empty frozen pane would still draw its border.
      const empty = fw <= 0 && q.frozenCols ? true : fh <= 0 && q.frozenRows;
      if (q.el.hidden !== empty) q.el.hidden = empty;
      if (empty) {
        q.draw(s, this.generation, { rows: [0, 0], cols: [0, 0], tx: 0, ty: 0, baseX: 0, baseY: 0 }, []);
        continue;
      }
      const c = q.frozenCols ? { range: [0, s.frozenCols] as [number, number], shift: 0, base: 0 } : cols;
      const r = q.frozenRows ? { range: [0, s.frozenRows] as [number, number], shift: 0, base: 0 } : rows;
      const at = { rows: r.range, cols: c.range, tx: c.shift, ty: r.shift, baseX: c.base, baseY: r.base };
      if (q.frozenRows) q.draw(s, this.generation, at, this.boxes);
      else if (q.draw(s, this.generation, at, this.boxes, view, budget)) pending = true;
    }
    this.pending = pending;
    if (pending) this.requestFrame();
    this.prefetchSoon(rows.range, cols.range, s.frozenCols);
    this.drawHeaders(s, fw, fh, totalW, totalH, cols, rows);
    setCss(this.corner, `width:${HEADER_WIDTH}px;height:${HEADER_HEIGHT}px`);
  }

  /**
   * Computes the looks of the cells of the rows just past the band in the direction of scrolling (and of band rows
   * still waiting) when the page is idle, so that drawing them later is mostly writing to the DOM: evaluating and
   * formatting values and measuring numbers happen between frames, not in one.
   */
  private prefetchSoon(rows: readonly [number, number], cols: readonly [number, number], frozenCols: number): void {
    const view = this.scroller.ownerDocument.defaultView;
    const s = this.source;
    if (!view || !s || !('requestIdleCallback' in view) || rows[1] <= rows[0]) return;
    this.cancelIdle();
    const ahead: number[] = [];
    if (this.direction > 0) for (let r = rows[1]; r < Math.min(s.rows.count, rows[1] + PREFETCH_ROWS); r++) ahead.push(r);
    else for (let r = rows[0] - 1; r >= Math.max(s.frozenRows, rows[0] - PREFETCH_ROWS); r--) ahead.push(r);
    let next = 0;
    const work = (deadline: IdleDeadline): void => {
      this.idle = 0;
      if (this.source !== s) return;
      // At most a few milliseconds at a time: an idle period can last 50 ms, and a frame may be wanted sooner.
      const until = performance.now() + Math.min(PREFETCH_SLICE_MS, deadline.timeRemaining());
      while (next < ahead.length && performance.now() < until) {
        const r = ahead[next++]!;
        if (s.rows.size(r) === 0) continue;
        for (let c = 0; c < frozenCols; c++) s.cell(r, c);
        for (let c = cols[0]; c < cols[1]; c++) s.cell(r, c);
      }
      if (next < ahead.length) this.idle = view.requestIdleCallback(work);
    };
    this.idle = view.requestIdleCallback(work);
  }

  private cancelIdle(): void {
    if (this.idle) this.scroller.ownerDocument.defaultView?.cancelIdleCallback(this.idle);
    this.idle = 0;
  }

  /**
   * The scrolling part of one axis: the entries in the band, the base their positions are given from, and the
   * shift of the layer holding them (from the canvas's edge; the headers' thickness included).
   */
  private scrolling(axis: Axis, frozen: number, frozenSize: number, band: AxisBand, header: number): { range: [number, number]; shift: number; base: number } {
    const from = frozenSize + band.from;
    const v = axis.visible(from, band.to - band.from);
    const range: [number, number] = band.to > band.from ? [Math.max(v.first, frozen), v.end] : [0, 0];
    const base = Math.floor(from / BASE_STEP) * BASE_STEP;
    return { range, shift: header + band.anchorScroll - band.anchorContent + base, base };
  }

  private drawHeaders(s: GridSource, fw: number, fh: number, totalW: number, totalH: number, cols: { range: [number, number]; shift: number; base: number }, rows: { range: [number, number]; shift: number; base: number }): void {
    const sel = s.selected;
    for (const strip of this.colHeaders) {
      // --hdr-edge: where the frozen part ends in the view, so a letter partly under it shows in the visible part.
      // Sticky offsets are laid out without the layer's transform, so the edge is given in the layer's coordinates.
      setCss(strip.el, strip.frozen ? `left:${HEADER_WIDTH}px;width:${fw}px;height:${HEADER_HEIGHT}px` : `width:${totalW}px;height:${HEADER_HEIGHT}px;--hdr-edge:${HEADER_WIDTH + fw - cols.shift}px`);
      if (strip.el.hidden !== (strip.frozen && fw <= 0)) strip.el.hidden = strip.frozen && fw <= 0;
      const [from, to] = strip.frozen ? [0, s.frozenCols] : cols.range;
      const entries = [];
      for (let c = from; c < to; c++) {
        if (s.cols.size(c) === 0) continue;
        entries.push({ index: c, start: s.cols.offset(c), size: s.cols.size(c), label: columnLetters(c), active: c >= sel.c0 && c <= sel.c1, gapBefore: c > 0 && s.cols.size(c - 1) === 0 });
      }
      strip.draw(entries, strip.frozen ? 0 : cols.shift, strip.frozen ? 0 : cols.base, HEADER_HEIGHT);
    }
    for (const strip of this.rowHeaders) {
      setCss(strip.el, strip.frozen ? `top:${HEADER_HEIGHT}px;width:${HEADER_WIDTH}px;height:${fh}px` : `width:${HEADER_WIDTH}px;height:${totalH}px`);
      if (strip.el.hidden !== (strip.frozen && fh <= 0)) strip.el.hidden = strip.frozen && fh <= 0;
      const [from, to] = strip.frozen ? [0, s.frozenRows] : rows.range;
      const entries = [];
      for (let r = from; r < to; r++) {
        if (s.rows.size(r) === 0) continue;
        entries.push({ index: r, start: s.rows.offset(r), size: s.rows.size(r), label: String(r + 1), active: r >= sel.r0 && r <= sel.r1, gapBefore: r > 0 && s.rows.size(r - 1) === 0 });
      }
      strip.draw(entries, strip.frozen ? 0 : rows.shift, strip.frozen ? 0 : rows.base, HEADER_WIDTH);
    }
  }
}
