import { columnLetters } from '@allmende/sheet-model';
import type { Axis } from './axis.js';
import { MAX_SCROLL_SIZE, contentToScroll, scrollToContent } from './axis.js';
import type { CellPos, CellRange } from './selection.js';

/** Width of the row numbers and height of the column letters, in CSS pixels. */
export const HEADER_WIDTH = 52;
export const HEADER_HEIGHT = 24;

/** How one cell looks: the text shown and the CSS that styles it (already sanitised). */
export interface CellLook {
  readonly text: string;
  /** Extra CSS declarations (font, colours, alignment). */
  readonly css: string;
  /** Whether the text may run into empty neighbours to the right (left-aligned, not wrapped). */
  readonly overflows: boolean;
}

/** A box drawn over the cells: the selection, a remote user's selection, a reference while typing a formula. */
export interface GridBox {
  readonly range: CellRange;
  readonly className: string;
  readonly color?: string;
  readonly label?: string;
}

/** What the grid draws; the element gives a fresh one whenever the sheet or the layout changed. */
export interface GridSource {
  readonly rows: Axis;
  readonly cols: Axis;
  readonly frozenRows: number;
  readonly frozenCols: number;
  readonly merges: readonly CellRange[];
  /** The look of a cell, or null when it is empty and unstyled. */
  cell(row: number, col: number): CellLook | null;
  /** The DOM id of a cell's element, for `aria-activedescendant`. */
  cellId(row: number, col: number): string;
  /** The selected range (headers of selected rows and columns are highlighted). */
  readonly selected: CellRange;
}

interface Quadrant {
  readonly el: HTMLDivElement;
  readonly frozenRows: boolean;
  readonly frozenCols: boolean;
  rowPool: HTMLDivElement[];
  boxPool: HTMLDivElement[];
}

interface HeaderStrip {
  readonly el: HTMLDivElement;
  readonly frozen: boolean;
  pool: HTMLDivElement[];
}

function setCss(el: HTMLElement, css: string): void {
  if (el.dataset['css'] !== css) {
    el.style.cssText = css;
    el.dataset['css'] = css;
  }
}

function setClass(el: HTMLElement, name: string): void {
  if (el.className !== name) el.className = name;
}

function setAttr(el: HTMLElement, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

function show(el: HTMLElement): void {
  if (el.hidden) el.hidden = false;
}

function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** A hit of {@link GridView.hitTest}: a cell, a row number, a column letter, the corner, or a resize handle. */
export type GridHit =
  | { readonly kind: 'cell'; readonly row: number; readonly col: number }
  | { readonly kind: 'row-header'; readonly row: number }
  | { readonly kind: 'col-header'; readonly col: number }
  | { readonly kind: 'corner' }
  | { readonly kind: 'col-resize'; readonly col: number }
  | { readonly kind: 'row-resize'; readonly row: number };

const RESIZE_GRIP = 4;

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
  private readonly quadrants: Quadrant[];
  private readonly colHeaders: HeaderStrip[];
  private readonly rowHeaders: HeaderStrip[];
  private readonly corner: HTMLDivElement;
  private source: GridSource | null = null;
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
    const quadrant = (frozenRows: boolean, frozenCols: boolean): Quadrant => {
      const el = div(`pane${frozenRows ? ' frozen-rows' : ''}${frozenCols ? ' frozen-cols' : ''}`, this.layer);
      el.setAttribute('role', 'rowgroup');
      return { el, frozenRows, frozenCols, rowPool: [], boxPool: [] };
    };
    // The scrolling pane first, so frozen panes paint over it.
    this.quadrants = [quadrant(false, false), quadrant(false, true), quadrant(true, false), quadrant(true, true)];
    const strip = (className: string, frozen: boolean): HeaderStrip => {
      const el = div(className + (frozen ? ' frozen' : ''), this.layer);
      el.setAttribute('aria-hidden', 'true');
      return { el, frozen, pool: [] };
    };
    this.colHeaders = [strip('col-headers', false), strip('col-headers', true)];
    this.rowHeaders = [strip('row-headers', false), strip('row-headers', true)];
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
  }

  /** Reads the scroller's size and redraws. */
  measure(): void {
    this.width = this.scroller.clientWidth;
    this.height = this.scroller.clientHeight;
    this.draw();
  }

  /** Sets what to draw and draws it. */
  update(source: GridSource, boxes: readonly GridBox[]): void {
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
      q.el.hidden = w <= 0 || h <= 0;
      if (w <= 0 || h <= 0) {
        this.drawQuadrant(q, s, [0, 0], [0, 0], 0, 0);
        continue;
      }
      const ox = q.frozenCols ? 0 : fw + sx;
      const oy = q.frozenRows ? 0 : fh + sy;
      const cv = s.cols.visible(ox, w);
      const rv = s.rows.visible(oy, h);
      const cols: [number, number] = q.frozenCols ? [0, Math.min(s.frozenCols, cv.end)] : [Math.max(cv.first, s.frozenCols), cv.end];
      const rows: [number, number] = q.frozenRows ? [0, Math.min(s.frozenRows, rv.end)] : [Math.max(rv.first, s.frozenRows), rv.end];
      this.drawQuadrant(q, s, rows, cols, ox, oy);
    }
    this.drawHeaders(s, fw, fh, sx, sy, bodyW, bodyH);
    setCss(this.corner, `width:${HEADER_WIDTH}px;height:${HEADER_HEIGHT}px`);
  }

  private drawQuadrant(q: Quadrant, s: GridSource, rows: [number, number], cols: [number, number], ox: number, oy: number): void {
    const doc = q.el.ownerDocument;
    let rowIndex = 0;
    const covered = (r: number, c: number): CellRange | null => {
      for (const m of s.merges) if (r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1) return m;
      return null;
    };
    const drawnMerges = new Set<CellRange>();
    const needed: { r: number; cells: { c: number; x: number; w: number; h: number; look: CellLook | null; merge: boolean }[] }[] = [];
    for (let r = rows[0]; r < rows[1]; r++) {
      // Rows a filter hides have no height and are not drawn at all.
      if (s.rows.size(r) === 0) continue;
      const line: (typeof needed)[number] = { r, cells: [] };
      for (let c = cols[0]; c < cols[1]; c++) {
        if (s.cols.size(c) === 0) continue;
        const m = s.merges.length > 0 ? covered(r, c) : null;
        if (m) {
          if (drawnMerges.has(m)) continue;
          drawnMerges.add(m);
          const x = s.cols.offset(m.c0) - ox;
          const w = s.cols.offset(m.c1 + 1) - s.cols.offset(m.c0);
          const h = s.rows.offset(m.r1 + 1) - s.rows.offset(m.r0);
          // The merge is drawn in the row of its anchor, shifted up when the anchor row is scrolled away.
          const line2 = m.r0 === r ? line : { r: m.r0, cells: [] as typeof line.cells };
          line2.cells.push({ c: m.c0, x, w, h, look: s.cell(m.r0, m.c0), merge: true });
          if (line2 !== line) needed.push(line2);
          continue;
        }
        const look = s.cell(r, c);
        let w = s.cols.size(c);
        if (look && look.overflows && look.text) {
          // Run into empty neighbours as far as the text needs (estimated), stopping at content or a merge.
          const want = look.text.length * 8;
          let k = c + 1;
          while (w < want && k < cols[1] && !s.cell(r, k)?.text && !(s.merges.length > 0 && covered(r, k))) {
            w += s.cols.size(k);
            k++;
          }
        }
        line.cells.push({ c, x: s.cols.offset(c) - ox, w, h: s.rows.size(r), look, merge: false });
      }
      needed.push(line);
    }
    for (const line of needed) {
      let rowEl = q.rowPool[rowIndex];
      if (!rowEl) {
        rowEl = doc.createElement('div');
        rowEl.className = 'row';
        rowEl.setAttribute('role', 'row');
        q.el.insertBefore(rowEl, q.boxPool[0] ?? null);
        q.rowPool.push(rowEl);
      }
      rowIndex++;
      const y = s.rows.offset(line.r) - oy;
      setCss(rowEl, `top:${y}px;height:${s.rows.size(line.r)}px`);
      setAttr(rowEl, 'aria-rowindex', String(line.r + 2));
      show(rowEl);
      const children = rowEl.children;
      let i = 0;
      for (const cell of line.cells) {
        let el = children[i] as HTMLDivElement | undefined;
        if (!el) {
          el = doc.createElement('div');
          el.setAttribute('role', 'gridcell');
          rowEl.appendChild(el);
        }
        i++;
        const look = cell.look;
        const overflowing = !!look && cell.w > s.cols.size(cell.c) && !cell.merge;
        setClass(el, 'cell' + (overflowing ? ' overflow' : '') + (cell.merge ? ' merged' : ''));
        const id = s.cellId(line.r, cell.c);
        if (el.id !== id) el.id = id;
        setAttr(el, 'aria-colindex', String(cell.c + 2));
        setCss(el, `left:${cell.x}px;width:${cell.w}px;height:${cell.h}px;${look?.css ?? ''}`);
        setText(el, look?.text ?? '');
        show(el);
      }
      for (; i < children.length; i++) if (!(children[i] as HTMLElement).hidden) (children[i] as HTMLElement).hidden = true;
    }
    for (let k = rowIndex; k < q.rowPool.length; k++) if (!q.rowPool[k]!.hidden) q.rowPool[k]!.hidden = true;
    // Boxes (selection, remote selections, formula references), clipped by the pane.
    let b = 0;
    for (const box of this.boxes) {
      const r0 = Math.max(box.range.r0, rows[0]);
      const r1 = Math.min(box.range.r1, rows[1] - 1);
      const c0 = Math.max(box.range.c0, cols[0]);
      const c1 = Math.min(box.range.c1, cols[1] - 1);
      if (r0 > r1 || c0 > c1) continue;
      // Draw the full box (edges outside the pane are clipped), but only if it shows in this pane.
      const x = s.cols.offset(box.range.c0) - ox;
      const y = s.rows.offset(box.range.r0) - oy;
      const w = s.cols.offset(Math.min(box.range.c1 + 1, s.cols.count)) - s.cols.offset(box.range.c0);
      const h = s.rows.offset(Math.min(box.range.r1 + 1, s.rows.count)) - s.rows.offset(box.range.r0);
      let el = q.boxPool[b];
      if (!el) {
        el = doc.createElement('div');
        el.setAttribute('aria-hidden', 'true');
        q.el.appendChild(el);
        q.boxPool.push(el);
      }
      b++;
      setClass(el, 'box ' + box.className);
      const clampX = Math.max(x, -4);
      const clampY = Math.max(y, -4);
      const cw = Math.min(w - (clampX - x), 40_000);
      const ch = Math.min(h - (clampY - y), 40_000);
      setCss(el, `left:${clampX}px;top:${clampY}px;width:${cw}px;height:${ch}px;${box.color ? `--box-color:${box.color}` : ''}`);
      const label = box.label ?? '';
      if (el.dataset['label'] !== label) {
        el.dataset['label'] = label;
        el.textContent = '';
        if (label) {
          const tag = doc.createElement('span');
          tag.className = 'box-label';
          tag.textContent = label;
          el.appendChild(tag);
        }
      }
      show(el);
    }
    for (let k = b; k < q.boxPool.length; k++) if (!q.boxPool[k]!.hidden) q.boxPool[k]!.hidden = true;
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
      let i = 0;
      for (let c = from; c < to; c++, i++) {
        const el = this.headerCell(strip, i);
        const active = c >= sel.c0 && c <= sel.c1;
        setClass(el, 'hdr' + (active ? ' active' : ''));
        setCss(el, `left:${s.cols.offset(c) - ox}px;width:${s.cols.size(c)}px;height:${HEADER_HEIGHT}px`);
        setText(el, columnLetters(c));
      }
      for (; i < strip.pool.length; i++) if (!strip.pool[i]!.hidden) strip.pool[i]!.hidden = true;
    }
    for (const strip of this.rowHeaders) {
      const top = HEADER_HEIGHT + (strip.frozen ? 0 : fh);
      const h = strip.frozen ? fh : bodyH;
      setCss(strip.el, `left:0;top:${top}px;width:${HEADER_WIDTH}px;height:${h}px`);
      const oy = strip.frozen ? 0 : fh + sy;
      const v = h > 0 ? s.rows.visible(oy, h) : { first: 0, end: 0 };
      const from = strip.frozen ? 0 : Math.max(v.first, s.frozenRows);
      const to = strip.frozen ? Math.min(v.end, s.frozenRows) : v.end;
      let i = 0;
      for (let r = from; r < to; r++) {
        if (s.rows.size(r) === 0) continue;
        const el = this.headerCell(strip, i++);
        const active = r >= sel.r0 && r <= sel.r1;
        setClass(el, 'hdr' + (active ? ' active' : ''));
        setCss(el, `top:${s.rows.offset(r) - oy}px;height:${s.rows.size(r)}px;width:${HEADER_WIDTH}px`);
        setText(el, String(r + 1));
      }
      for (; i < strip.pool.length; i++) if (!strip.pool[i]!.hidden) strip.pool[i]!.hidden = true;
    }
  }

  private headerCell(strip: HeaderStrip, i: number): HTMLDivElement {
    let el = strip.pool[i];
    if (!el) {
      el = strip.el.ownerDocument.createElement('div');
      strip.el.appendChild(el);
      strip.pool.push(el);
    }
    show(el);
    return el;
  }
}

