import type { CellLook, GridBox, GridSource } from './grid-types.js';
import type { CellRange } from './selection.js';
import { setAttr, setClass, setCss, setText, show } from './dom-write.js';
import { planFill } from './grid-fill.js';

/** Below this row height (CSS pixels) a cell's text may not fit upwards, so the cell clips it. */
const MIN_UNCLIPPED_HEIGHT = 20;

/** How long the view must be still before reused rows are put back into row order in the DOM. */
const SORT_DELAY_MS = 400;

/**
 * Where a pane draws: the rows and columns `[from, to)`, the base subtracted from their offsets (it moves in big
 * steps, so positions inside the pane stay far below the browser's layout limit of ~33.5 M px on a million rows),
 * and the shift of the layer holding them, from the pane's edge.
 */
export interface PanePlace {
  readonly rows: readonly [number, number];
  readonly cols: readonly [number, number];
  readonly tx: number;
  readonly ty: number;
  readonly baseX: number;
  readonly baseY: number;
}

/** A pooled row element and what it shows now. */
interface RowSlot {
  readonly el: HTMLDivElement;
  /** The row index shown, or -1 when free. */
  row: number;
  /** What its cells were filled from; equal keys mean nothing inside needs to change. */
  key: string;
}

/** One cell of a line to draw. */
interface LineCell {
  readonly c: number;
  readonly x: number;
  readonly w: number;
  readonly h: number;
  readonly look: CellLook | null;
  readonly merge: boolean;
}

/**
 * One pane of the grid (the scrolling body or a frozen part): a band of rows, drawn into pooled row elements
 * inside a content layer at their place in the scrolling canvas, so the browser scrolls them without script.
 * A row keeps its element while it stays in the band, so moving the band only fills the rows that came into it.
 */
export class GridPane {
  readonly el: HTMLDivElement;
  private readonly content: HTMLDivElement;
  private readonly boxLayer: HTMLDivElement;
  private readonly slots = new Map<number, RowSlot>();
  private readonly free: RowSlot[] = [];
  private readonly boxPool: HTMLDivElement[] = [];
  private baseX = 0;
  private sortTimer: ReturnType<typeof setTimeout> | undefined;
  /** The pending idle callback that puts rows back in order, or 0. */
  private idle = 0;

  constructor(
    parent: HTMLElement,
    readonly frozenRows: boolean,
    readonly frozenCols: boolean,
  ) {
    const doc = parent.ownerDocument;
    this.el = doc.createElement('div');
    this.el.className = `pane${frozenRows ? ' frozen-rows' : ''}${frozenCols ? ' frozen-cols' : ''}`;
    this.el.setAttribute('role', 'rowgroup');
    this.content = doc.createElement('div');
    this.content.className = 'pane-content';
    this.content.setAttribute('role', 'presentation');
    this.boxLayer = doc.createElement('div');
    this.boxLayer.className = 'pane-boxes';
    this.boxLayer.setAttribute('aria-hidden', 'true');
    this.el.append(this.content, this.boxLayer);
    parent.appendChild(this.el);
  }

  /**
   * Draws the rows and columns of `place` and the boxes that show in them. `generation` changes whenever cell looks
   * or sizes did. Rows that enter the band are drawn at once when they are inside `view` (`[from, to)`; the whole
   * band when omitted); of the others at most `budget` are drawn now, nearest to the view first, and the rest in
   * later calls. Returns whether rows of the band are still waiting to be drawn.
   */
  draw(s: GridSource, generation: number, place: PanePlace, boxes: readonly GridBox[], view: readonly [number, number] = place.rows, budget = Infinity): boolean {
    const { rows, cols, baseX, baseY } = place;
    this.baseX = baseX;
    const shift = `transform:translate(${place.tx}px,${place.ty}px)`;
    setCss(this.content, shift);
    setCss(this.boxLayer, shift);
    const wanted = this.wantedRows(s, rows, cols);
    const prefix = `${generation}|${cols[0]}|${cols[1]}|${baseX}|`;
    // Release the rows that left the view first, so entering rows can take their elements.
    for (const [row, slot] of this.slots) {
      if (wanted.has(row)) continue;
      this.slots.delete(row);
      slot.row = -1;
      slot.key = '';
      this.free.push(slot);
    }
    // Rows already drawn are updated in place (at once: they may show stale values); entering rows are planned.
    const entering: number[] = [];
    for (const [row, full] of wanted) {
      const slot = this.slots.get(row);
      if (!slot) {
        // The anchor row of a merge reaching into view is only its merges: cheap, and seen at once.
        if (full) entering.push(row);
        else this.place(s, this.take(row), row, prefix, rows, cols, baseY, full);
        continue;
      }
      this.place(s, slot, row, prefix, rows, cols, baseY, full);
    }
    const plan = planFill(entering, view, budget);
    for (const row of plan.now) this.place(s, this.take(row), row, prefix, rows, cols, baseY, true);
    const entered = entering.length > plan.later.length;
    // Only what is left over is hidden: hiding and showing a reused row in one frame would restyle it for nothing.
    for (const slot of this.free) {
      if (slot.el.hidden) continue;
      slot.el.hidden = true;
      // A hidden row must not keep cell ids that a visible row may use now (ids must be unique).
      for (const cell of slot.el.children) if (cell.id) cell.id = '';
    }
    this.drawBoxes(s, place, boxes);
    if (entered) this.sortSoon();
    return plan.later.length > 0;
  }

  /** A free row element for `row` (a hidden one, or a new one). */
  private take(row: number): RowSlot {
    const slot = this.free.pop() ?? this.newSlot();
    slot.row = row;
    this.slots.set(row, slot);
    return slot;
  }

  /** Puts a row element at its row's place and fills its cells unless they already show what `key` says. */
  private place(s: GridSource, slot: RowSlot, row: number, prefix: string, rows: readonly [number, number], cols: readonly [number, number], baseY: number, full: boolean): void {
    const key = prefix + (full ? 'f' : 'm');
    setCss(slot.el, `transform:translateY(${s.rows.offset(row) - baseY}px);height:${s.rows.size(row)}px`);
    if (slot.key !== key) {
      slot.key = key;
      this.fillRow(slot.el, s, row, this.lineCells(s, row, rows, cols, full));
    }
    show(slot.el);
  }

  /**
   * The rows to show: each visible row with all its cells (true), and the
   * anchor row of a merge that reaches into view from above (false: only its merges).
   */
  private wantedRows(s: GridSource, rows: readonly [number, number], cols: readonly [number, number]): Map<number, boolean> {
    const out = new Map<number, boolean>();
    // Rows a filter hides have no height and are not drawn at all.
    for (let r = rows[0]; r < rows[1]; r++) if (s.rows.size(r) > 0) out.set(r, true);
    for (const m of s.merges) {
      if (m.r0 < rows[0] && m.r1 >= rows[0] && m.c1 >= cols[0] && m.c0 < cols[1] && !out.has(m.r0)) out.set(m.r0, false);
    }
    return out;
  }

  /** The cells of one row inside columns `cols` (with `full` false: only the merges anchored in it that reach into `rows`). */
  private lineCells(s: GridSource, r: number, rows: readonly [number, number], cols: readonly [number, number], full: boolean): LineCell[] {
    const cells: LineCell[] = [];
    const merges = s.merges;
    const covered = (row: number, c: number): CellRange | null => {
      for (const m of merges) if (row >= m.r0 && row <= m.r1 && c >= m.c0 && c <= m.c1) return m;
      return null;
    };
    const mergeCell = (m: CellRange): LineCell => ({
      c: m.c0,
      x: s.cols.offset(m.c0) - this.baseX,
      w: s.cols.offset(m.c1 + 1) - s.cols.offset(m.c0),
      h: s.rows.offset(m.r1 + 1) - s.rows.offset(m.r0),
      look: s.cell(m.r0, m.c0),
      merge: true,
    });
    if (!full) {
      for (const m of merges) if (m.r0 === r && m.r1 >= rows[0] && m.c1 >= cols[0] && m.c0 < cols[1]) cells.push(mergeCell(m));
      return cells;
    }
    for (let c = cols[0]; c < cols[1]; c++) {
      if (s.cols.size(c) === 0) continue;
      const m = merges.length > 0 ? covered(r, c) : null;
      if (m) {
        // A merge is drawn once, in its anchor row, at the first of its columns in view.
        if (m.r0 === r && c === Math.max(m.c0, cols[0])) cells.push(mergeCell(m));
        continue;
      }
      const look = s.cell(r, c);
      let w = s.cols.size(c);
      const empty = (k: number): boolean => k < cols[1] && !s.cell(r, k)?.text && !(merges.length > 0 && covered(r, k));
      if (look && look.overflows && look.text && empty(c + 1)) {
        // Run into empty neighbours as far as the text needs, stopping at content or a merge. The text is measured
        // only here, when there is room to run into: most text cells have a neighbour and are simply cut.
        const want = look.textWidth?.() ?? look.text.length * 8;
        let k = c + 1;
        while (w < want && empty(k)) {
          w += s.cols.size(k);
          k++;
        }
      }
      cells.push({ c, x: s.cols.offset(c) - this.baseX, w, h: s.rows.size(r), look, merge: false });
    }
    return cells;
  }

  /**
   * Puts the row elements back into row order once scrolling has paused: reused
   * rows end up anywhere in the DOM, and screen readers in browse mode read in
   * DOM order. Moving nodes while scrolling would cost a frame; afterwards it is free.
   */
  private sortSoon(): void {
    clearTimeout(this.sortTimer);
    this.cancelIdle();
    // A moved row is detached and attached again (its cells' styles and layout are rebuilt), so this waits until
    // the wheel has been still for a while and then for an idle moment, never inside a scroll.
    this.sortTimer = setTimeout(() => {
      const view = this.content.ownerDocument.defaultView;
      if (view && 'requestIdleCallback' in view) this.idle = view.requestIdleCallback(() => this.sortRows(), { timeout: 1000 });
      else this.sortRows();
    }, SORT_DELAY_MS);
  }

  private sortRows(): void {
    this.idle = 0;
    const ordered = [...this.slots.values()].sort((a, b) => a.row - b.row);
    let expected: Element | null = this.content.firstElementChild;
    for (const slot of ordered) {
      if (slot.el !== expected) this.content.insertBefore(slot.el, expected);
      else expected = expected.nextElementSibling;
    }
  }

  private cancelIdle(): void {
    if (this.idle) this.content.ownerDocument.defaultView?.cancelIdleCallback(this.idle);
    this.idle = 0;
  }

  /** Stops pending work (the element was removed). */
  destroy(): void {
    clearTimeout(this.sortTimer);
    this.cancelIdle();
  }

  private newSlot(): RowSlot {
    const el = this.content.ownerDocument.createElement('div');
    el.className = 'row';
    el.setAttribute('role', 'row');
    this.content.appendChild(el);
    return { el, row: -1, key: '' };
  }

  private fillRow(rowEl: HTMLDivElement, s: GridSource, row: number, cells: readonly LineCell[]): void {
    setAttr(rowEl, 'aria-rowindex', String(row + 2));
    const children = rowEl.children;
    let i = 0;
    // Cells are laid out in a row (flex), not positioned one by one: a positioned or clipping cell is a paint layer
    // or a clip of its own, and every frame that draws rows walks all of them (paint, layerization). A gap (a merge
    // from above, a hidden column) becomes the next cell's left margin.
    let cursor = 0;
    if (cells.length > 1 && cells.some((cell, k) => k > 0 && cell.x < cells[k - 1]!.x)) cells = [...cells].sort((a, b) => a.x - b.x);
    for (const cell of cells) {
      let el = children[i] as HTMLDivElement | undefined;
      if (!el) {
        el = rowEl.ownerDocument.createElement('div');
        el.setAttribute('role', 'gridcell');
        rowEl.appendChild(el);
      }
      i++;
      const look = cell.look;
      const colWidth = s.cols.size(cell.c);
      const overflowing = !!look && cell.w > colWidth && !cell.merge;
      // Only a text that may not fit is clipped (most cells need no clip: numbers too wide show ###).
      const clip = !!look?.text && (!!look.clip || !look.textWidth || look.textWidth() > cell.w || cell.h < MIN_UNCLIPPED_HEIGHT);
      setClass(el, 'cell' + (clip ? ' clip' : '') + (overflowing ? ' overflow' : '') + (cell.merge ? ' merged' : '') + (look?.className ? ' ' + look.className : ''));
      const id = s.cellId(row, cell.c);
      if (el.id !== id) el.id = id;
      setAttr(el, 'aria-colindex', String(cell.c + 2));
      const gap = cell.x - cursor;
      // A text running into empty neighbours takes only its own column's room in the row and is drawn over them.
      cursor = cell.x + (overflowing ? colWidth : cell.w);
      setCss(el, `width:${cell.w}px;height:${cell.h}px;${gap !== 0 ? `margin-left:${gap}px;` : ''}${overflowing ? `margin-right:${colWidth - cell.w}px;` : ''}${look?.css ?? ''}`);
      setText(el, look?.text ?? '');
      if (look?.label) setAttr(el, 'aria-label', look.label);
      else if (el.hasAttribute('aria-label')) el.removeAttribute('aria-label');
      show(el);
    }
    for (; i < children.length; i++) {
      const el = children[i] as HTMLElement;
      if (el.hidden) continue;
      el.hidden = true;
      el.id = '';
    }
  }

  /** Boxes (selection, remote selections, formula references), cut to the pane's band (the frozen panes cover what scrolls under them). */
  private drawBoxes(s: GridSource, place: PanePlace, boxes: readonly GridBox[]): void {
    const doc = this.el.ownerDocument;
    const { rows, cols, baseX, baseY } = place;
    // The band's edges in the layer's coordinates: a box is drawn up to a few pixels past them.
    const left = s.cols.offset(cols[0]) - baseX - 4;
    const top = s.rows.offset(rows[0]) - baseY - 4;
    const right = s.cols.offset(cols[1]) - baseX + 4;
    const bottom = s.rows.offset(rows[1]) - baseY + 4;
    let b = 0;
    for (const box of boxes) {
      const r0 = Math.max(box.range.r0, rows[0]);
      const r1 = Math.min(box.range.r1, rows[1] - 1);
      const c0 = Math.max(box.range.c0, cols[0]);
      const c1 = Math.min(box.range.c1, cols[1] - 1);
      if (r0 > r1 || c0 > c1) continue;
      const x = s.cols.offset(box.range.c0) - baseX;
      const y = s.rows.offset(box.range.r0) - baseY;
      const x1 = s.cols.offset(Math.min(box.range.c1 + 1, s.cols.count)) - baseX;
      const y1 = s.rows.offset(Math.min(box.range.r1 + 1, s.rows.count)) - baseY;
      let el = this.boxPool[b];
      if (!el) {
        el = doc.createElement('div');
        this.boxLayer.appendChild(el);
        this.boxPool.push(el);
      }
      b++;
      setClass(el, 'box ' + box.className);
      // A box's edge past the band is not drawn: its border would show where the box does not end.
      const cx = Math.max(x, left);
      const cy = Math.max(y, top);
      const cw = Math.min(x1, right) - cx;
      const ch = Math.min(y1, bottom) - cy;
      setCss(el, `left:${cx}px;top:${cy}px;width:${cw}px;height:${ch}px;${box.color ? `--box-color:${box.color}` : ''}`);
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
    for (let k = b; k < this.boxPool.length; k++) if (!this.boxPool[k]!.hidden) this.boxPool[k]!.hidden = true;
  }
}
