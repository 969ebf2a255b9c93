import { Axis } from './axis.js';
import type { CellEditing } from './cell-editing.js';
import type { FillDrag } from './fill-drag.js';
import type { FilterMenu } from './filter-menu.js';
import type { GridHit } from './grid-view.js';
import type { SheetActions } from './sheet-actions.js';
import { allSelection, cellSelection, colsSelection, extendTo, rowsSelection, selectionRange } from './selection.js';
import type { SheetHost } from './sheet-host.js';

/**
 * The grid's pointer: selecting cells, ranges (Shift extends, Ctrl/Cmd adds a range), whole rows and
 * columns by their headers, everything by the corner; resizing rows and columns at a header's edge;
 * the fill handle; the filter's ▾; clicking references into a formula; double-click to edit.
 */
export class GridPointer {
  private drag: { kind: 'select' | 'rows' | 'cols' | 'ref' | 'fill'; keepRanges?: boolean } | null = null;
  private resize: { kind: 'col' | 'row'; index: number; start: number; size: number } | null = null;
  private previewSize: number | null = null;

  constructor(
    private readonly host: SheetHost,
    private readonly editing: CellEditing,
    private readonly actions: SheetActions,
    private readonly fill: FillDrag,
    private readonly filter: FilterMenu,
    /** A press on the grid ends a run of Tab presses. */
    private readonly onPress: () => void,
  ) {}

  private hit(event: MouseEvent): GridHit | null {
    const view = this.host.view;
    const box = view.scroller.getBoundingClientRect();
    return view.hitTest(event.clientX - box.left, event.clientY - box.top);
  }

  /** The cursor follows what is under the pointer: resize edges and the fill handle. */
  readonly onHover = (event: PointerEvent): void => {
    if (this.drag || this.resize) return;
    const h = this.hit(event);
    const cursor = h?.kind === 'col-resize' ? 'col-resize' : h?.kind === 'row-resize' ? 'row-resize' : this.host.editable && this.fill.isOnHandle(event) ? 'crosshair' : '';
    const scroller = this.host.view.scroller;
    if (scroller.style.cursor !== cursor) scroller.style.cursor = cursor;
  };

  /** A press on the grid. */
  readonly onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 && event.button !== 2) return;
    const { host, editing } = this;
    const core = host.core;
    this.onPress();
    const h = this.hit(event);
    if (!h || !core.wb) return;
    const b = core.bounds();
    const sel = core.selection();
    if (event.button === 2) {
      // A right click inside the selection keeps it; elsewhere it selects the cell first.
      if (h.kind === 'cell') {
        const r = selectionRange(sel);
        if (!(h.row >= r.r0 && h.row <= r.r1 && h.col >= r.c0 && h.col <= r.c1)) host.setSelection(cellSelection(h, b));
      }
      return;
    }
    if (editing.active && h.kind === 'cell' && editing.acceptsReferenceNow()) {
      // Typing a formula: a click inserts the reference instead of moving.
      event.preventDefault();
      editing.insertReference({ row: h.row, col: h.col }, null);
      this.drag = { kind: 'ref' };
      this.capture(event);
      return;
    }
    if (editing.active && !editing.commit()) return;
    event.preventDefault();
    host.view.scroller.focus({ preventScroll: true });
    if (h.kind === 'cell' && h.row === core.filterHeader() && h.row >= 0) {
      const rect = host.view.cellRect(h.row, h.col);
      const box = host.view.scroller.getBoundingClientRect();
      if (rect && event.clientX - box.left >= rect.x + rect.w - 16) {
        // The ▾ of a filtered header cell opens its value list.
        host.setSelection(cellSelection(h, core.bounds()));
        this.filter.openColumn(h.col);
        return;
      }
    }
    if (host.editable && this.fill.isOnHandle(event)) {
      this.drag = { kind: 'fill' };
      this.capture(event);
      return;
    }
    switch (h.kind) {
      case 'corner':
        host.setSelection(allSelection(sel, b), sel.active);
        return;
      case 'col-resize':
      case 'row-resize': {
        if (!host.editable) return;
        const axes = core.getAxes();
        const index = h.kind === 'col-resize' ? h.col : h.row;
        const size = h.kind === 'col-resize' ? axes.cols.size(index) : axes.rows.size(index);
        this.resize = { kind: h.kind === 'col-resize' ? 'col' : 'row', index, start: h.kind === 'col-resize' ? event.clientX : event.clientY, size };
        this.capture(event);
        return;
      }
      case 'col-header':
        host.setSelection(
          event.shiftKey ? colsSelection(selectionRange(sel).c0 === 0 && sel.anchor.row === 0 ? sel.anchor.col : sel.active.col, h.col, b) : colsSelection(h.col, h.col, b),
          { row: sel.active.row, col: h.col },
        );
        this.drag = { kind: 'cols' };
        break;
      case 'row-header':
        host.setSelection(event.shiftKey ? rowsSelection(sel.anchor.row, h.row, b) : rowsSelection(h.row, h.row, b), { row: h.row, col: sel.active.col });
        this.drag = { kind: 'rows' };
        break;
      case 'cell':
        if ((event.ctrlKey || event.metaKey || core.adding) && !event.shiftKey) {
          // Ctrl (Cmd on a Mac)+click, or a click in Shift+F8's add mode, keeps what is selected and starts another
          // range, as in Excel.
          const keep = core.keptRanges();
          host.setSelection(cellSelection(h, b), h);
          core.extraRanges = keep;
          core.cursorOnly = false;
          this.drag = { kind: 'select', keepRanges: true };
          host.paint();
          break;
        }
        host.setSelection(event.shiftKey ? extendTo(sel, h, b) : cellSelection(h, b), h, event.shiftKey);
        if (event.shiftKey) core.cursorOnly = false;
        this.drag = { kind: 'select' };
        break;
    }
    this.capture(event);
  };

  /** A double-click on a cell edits it. */
  readonly onDoubleClick = (event: MouseEvent): void => {
    const h = this.hit(event);
    if (h?.kind === 'cell' && !this.editing.active) this.editing.start(null);
  };

  private capture(event: PointerEvent): void {
    const s = this.host.view.scroller;
    try {
      s.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic events have no active pointer to capture.
    }
    const move = (e: PointerEvent): void => this.onPointerMove(e);
    const up = (): void => {
      s.removeEventListener('pointermove', move);
      s.removeEventListener('pointerup', up);
      s.removeEventListener('pointercancel', up);
      this.onPointerUp();
    };
    s.addEventListener('pointermove', move);
    s.addEventListener('pointerup', up);
    s.addEventListener('pointercancel', up);
  }

  private onPointerMove(event: PointerEvent): void {
    const { host, editing } = this;
    const core = host.core;
    const b = core.bounds();
    if (this.resize) {
      const delta = (this.resize.kind === 'col' ? event.clientX : event.clientY) - this.resize.start;
      const size = Math.max(this.resize.kind === 'col' ? 16 : 12, Math.round(this.resize.size + delta));
      this.previewResize(size);
      return;
    }
    if (!this.drag) return;
    const h = this.hit(event);
    if (!h) return;
    const sel = core.selection();
    const kind = this.drag.kind;
    const refAnchor = editing.referenceAnchor;
    if (kind === 'select' && h.kind === 'cell') host.setSelection(extendTo(sel, h, b), h, this.drag.keepRanges === true);
    else if (kind === 'rows' && (h.kind === 'row-header' || h.kind === 'cell')) host.setSelection(rowsSelection(sel.anchor.row, h.row, b, sel.active.col), { row: h.row, col: sel.active.col });
    else if (kind === 'cols' && (h.kind === 'col-header' || h.kind === 'cell')) host.setSelection(colsSelection(sel.anchor.col, h.col, b, sel.active.row), { row: sel.active.row, col: h.col });
    else if (kind === 'ref' && h.kind === 'cell' && refAnchor) editing.insertReference(refAnchor, { row: h.row, col: h.col });
    else if (kind === 'fill' && h.kind === 'cell') this.fill.moveTo(h);
  }

  /** Draws the sheet with the row or column being resized at `size`, before anything is written. */
  private previewResize(size: number): void {
    const core = this.host.core;
    const r = this.resize!;
    const axes = core.getAxes();
    const custom = new Map<number, number>();
    const axis = r.kind === 'col' ? axes.cols : axes.rows;
    for (let i = 0; i < axis.count && custom.size < 100_000; i++) if (axis.size(i) !== axis.defaultSize) custom.set(i, axis.size(i));
    custom.set(r.index, size);
    const next = new Axis(axis.count, axis.defaultSize, custom);
    core.axes = r.kind === 'col' ? { rows: axes.rows, cols: next } : { rows: next, cols: axes.cols };
    this.previewSize = size;
    this.host.paint();
  }

  private onPointerUp(): void {
    const { host, editing } = this;
    const core = host.core;
    const r = this.resize;
    if (this.drag && this.drag.kind !== 'ref' && this.drag.kind !== 'fill' && this.actions.painter) this.actions.applyPainter();
    if (this.drag?.kind === 'fill') this.fill.apply();
    this.resize = null;
    this.drag = null;
    if (r && this.previewSize !== null && core.wb && host.editable) {
      const size = this.previewSize;
      this.previewSize = null;
      if (r.kind === 'col') core.wb.setColumnWidth(core.sheetName, r.index, size);
      else core.wb.setRowHeight(core.sheetName, r.index, size);
      host.invalidate();
    }
    if (editing.active) editing.currentInput().focus();
  }
}
