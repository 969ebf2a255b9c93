import { columnLetters } from '@allmende/sheet-model';
import { MAX_SCROLL_SIZE, contentToScroll, scrollToContent } from './axis.js';
import { setCss } from './dom-write.js';
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
/** Header labels are placed relative to an anchor moving in these steps (see grid-pane.ts). */
const HEADER_ANCHOR_STEP = 1_000_000;

/**
 * The virtualized grid: a native scroller sized like the whole sheet, over
 * which a viewport-sized layer stays in place (`position: sticky`) and shows
 * only the visible rows and columns, drawn into pooled DOM nodes. Frozen rows
 * and columns are drawn in their own clipped panes. Cells are real DOM with
 * `role="gridcell"` inside `role="row"`, so screen readers read their text.
 */
export class GridView {
  /** The scrolling element (focusable, `role="grid"`). */
  readonly scroller: HTMLDivElement;
  private readonly layer: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
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
    this.layer = div('layer', this.scroller);
    this.spacer = div('spacer', this.scroller);
    // The scrolling pane first, so frozen panes paint over it.
    this.quadrants = [new GridPane(this.layer, false, false), new GridPane(this.layer, false, true), new GridPane(this.layer, true, false), new GridPane(this.layer, true, true)];
    this.colHeaders = [new HeaderStrip(this.layer, 'col-headers', false, false), new HeaderStrip(this.layer, 'col-headers', true, false)];
    this.rowHeaders = [new HeaderStrip(this.layer, 'row-headers', false, true), new HeaderStrip(this.layer, 'row-headers', true, true)];
    this.corner = div('corner', this.layer);
    this.scroller.addEventListener('scroll', () => this.draw(), { passive: true });
    this.resizeObserver = new ResizeObserver(() => this.measure());
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

  /** The content position (unfrozen part) at the current scroll position, per axis. */
  private scrollPos(): { sx: number; sy: number } {
    const s = this.source;
    if (!s) return { sx: 0, sy: 0 };
    const contentW = s.cols.total - s.cols.offset(s.frozenCols);
    const contentH = s.rows.total - s.rows.offset(s.frozenRows);
    const viewW = Math.max(0, this.width - HEADER_WIDTH - s.cols.offset(s.frozenCols));
    const viewH = Math.max(0, this.height - HEADER_HEIGHT - s.rows.offset(s.frozenRows));
    return {
      sx: scrollToContent(this.scroller.scrollLeft, contentW, viewW),
      sy: scrollToContent(this.scroller.scrollTop, contentH, viewH),
    };
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

  /** Draws the visible part of the sheet. Called on scroll, resize and update. */
  draw(): void {
    const s = this.source;
    if (!s) return;
    const fw = s.cols.offset(s.frozenCols);
    const fh = s.rows.offset(s.frozenRows);
    // The scrollable size: all rows and columns plus the headers, capped for the browser.
    const totalW = HEADER_WIDTH + fw + Math.min(s.cols.total - fw, MAX_SCROLL_SIZE);
    const totalH = HEADER_HEIGHT + fh + Math.min(s.rows.total - fh, MAX_SCROLL_SIZE);
    setCss(this.spacer, `width:${totalW}px;height:${Math.max(0, totalH - this.height)}px`);
    setCss(this.layer, `width:${this.width}px;height:${this.height}px`);
    const { sx, sy } = this.scrollPos();
    const bodyW = Math.max(0, this.width - HEADER_WIDTH - fw);
    const bodyH = Math.max(0, this.height - HEADER_HEIGHT - fh);
    for (const q of this.quadrants) {
      const left = HEADER_WIDTH + (q.frozenCols ? 0 : fw);
      const top = HEADER_HEIGHT + (q.frozenRows ? 0 : fh);
      const w = q.frozenCols ? fw : bodyW;
      const h = q.frozenRows ? fh : bodyH;
      setCss(q.el, `left:${left}px;top:${top}px;width:${w}px;height:${h}px`);
      // An empty frozen pane would still draw its border.
      const empty = w <= 0 || h <= 0;
      if (q.el.hidden !== empty) q.el.hidden = empty;
      if (empty) {
        q.draw(s, this.generation, [0, 0], [0, 0], 0, 0, []);
        continue;
      }
      const ox = q.frozenCols ? 0 : fw + sx;
      const oy = q.frozenRows ? 0 : fh + sy;
      const cv = s.cols.visible(ox, w);
      const rv = s.rows.visible(oy, h);
      const cols: [number, number] = q.frozenCols ? [0, Math.min(s.frozenCols, cv.end)] : [Math.max(cv.first, s.frozenCols), cv.end];
      const rows: [number, number] = q.frozenRows ? [0, Math.min(s.frozenRows, rv.end)] : [Math.max(rv.first, s.frozenRows), rv.end];
      q.draw(s, this.generation, rows, cols, ox, oy, this.boxes);
    }
    this.drawHeaders(s, fw, fh, sx, sy, bodyW, bodyH);
    setCss(this.corner, `width:${HEADER_WIDTH}px;height:${HEADER_HEIGHT}px`);
  }

  private drawHeaders(s: GridSource, fw: number, fh: number, sx: number, sy: number, bodyW: number, bodyH: number): void {
    const sel = s.selected;
    for (const strip of this.colHeaders) {
      const left = HEADER_WIDTH + (strip.frozen ? 0 : fw);
      const w = strip.frozen ? fw : bodyW;
      setCss(strip.el, `left:${left}px;top:0;width:${w}px;height:${HEADER_HEIGHT}px`);
      const ox = strip.frozen ? 0 : fw + sx;
      const v = w > 0 ? s.cols.visible(ox, w) : { first: 0, end: 0 };
      const from = strip.frozen ? 0 : Math.max(v.first, s.frozenCols);
      const to = strip.frozen ? Math.min(v.end, s.frozenCols) : v.end;
      const entries = [];
      for (let c = from; c < to; c++) {
        if (s.cols.size(c) === 0) continue;
        entries.push({ index: c, start: s.cols.offset(c), size: s.cols.size(c), label: columnLetters(c), active: c >= sel.c0 && c <= sel.c1 });
      }
      strip.draw(entries, ox, Math.floor(ox / HEADER_ANCHOR_STEP) * HEADER_ANCHOR_STEP, HEADER_HEIGHT);
    }
    for (const strip of this.rowHeaders) {
      const top = HEADER_HEIGHT + (strip.frozen ? 0 : fh);
      const h = strip.frozen ? fh : bodyH;
      setCss(strip.el, `left:0;top:${top}px;width:${HEADER_WIDTH}px;height:${h}px`);
      const oy = strip.frozen ? 0 : fh + sy;
      const v = h > 0 ? s.rows.visible(oy, h) : { first: 0, end: 0 };
      const from = strip.frozen ? 0 : Math.max(v.first, s.frozenRows);
      const to = strip.frozen ? Math.min(v.end, s.frozenRows) : v.end;
      const entries = [];
      for (let r = from; r < to; r++) {
        if (s.rows.size(r) === 0) continue;
        entries.push({ index: r, start: s.rows.offset(r), size: s.rows.size(r), label: String(r + 1), active: r >= sel.r0 && r <= sel.r1 });
      }
      strip.draw(entries, oy, Math.floor(oy / HEADER_ANCHOR_STEP) * HEADER_ANCHOR_STEP, HEADER_WIDTH);
    }
  }
}
