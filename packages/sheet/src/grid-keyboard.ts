import type { Advance, CellEditing } from './cell-editing.js';
import type { ContextMenu } from './context-menu.js';
import { HEADER_HEIGHT, HEADER_WIDTH } from './grid-view.js';
import type { SheetActions } from './sheet-actions.js';
import { DEFAULT_ROW_HEIGHT } from './sheet-core.js';
import {
  advance,
  allSelection,
  cellSelection,
  colsSelection,
  dataEdge,
  extendBy,
  extendTo,
  moveBy,
  rowsSelection,
  selectionRange,
} from './selection.js';
import type { SheetHost } from './sheet-host.js';

const ARROWS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
const STYLE_KEYS: Record<string, 'bold' | 'italic' | 'underline' | 'strike'> = { b: 'bold', i: 'italic', u: 'underline', '5': 'strike' };

/**
 * The grid's keyboard, as in Excel: arrows (Shift extends, Ctrl jumps to the edge of the data),
 * Home/End, Page Up/Down, Tab and Enter through a range, Ctrl+A, Shift/Ctrl+Space, Ctrl+B/I/U/5,
 * undo and redo, F2 and typing to edit, Delete and Backspace, and the context-menu keys.
 */
export class GridKeyboard {
  /** The column a run of Tab presses started in: Enter then goes to the next row there, as in Excel. */
  private tabOrigin: number | null = null;

  constructor(
    private readonly host: SheetHost,
    private readonly editing: CellEditing,
    private readonly actions: SheetActions,
    private readonly menu: ContextMenu,
  ) {}

  /** Ends a run of Tab presses (a click or a jump elsewhere). */
  resetTab(): void {
    this.tabOrigin = null;
  }

  /** Keys on the grid while no cell is edited. */
  readonly onKey = (event: KeyboardEvent): void => {
    const { host, editing } = this;
    const core = host.core;
    const wb = core.wb;
    if (!wb || editing.active) return;
    const mod = event.ctrlKey || event.metaKey;
    const b = core.bounds();
    const sel = core.selection();
    const key = event.key;
    const step = ARROWS[key];
    if (step || ['Home', 'End', 'PageUp', 'PageDown'].includes(key)) this.tabOrigin = null;
    if (key === 'F8' && event.shiftKey && !mod) {
      event.preventDefault();
      this.setAddMode(!core.adding);
      return;
    }
    if (core.adding && key === 'Escape') {
      event.preventDefault();
      this.setAddMode(false);
      return;
    }
    if (step && core.adding) {
      event.preventDefault();
      this.addModeStep(event, step);
      return;
    }
    // Anything else goes back to one range, as a plain click does.
    if (core.adding && !['Shift', 'Control', 'Meta', 'Alt'].includes(key)) this.setAddMode(false);
    if (step) {
      event.preventDefault();
      const [dr, dc] = step;
      if (mod) {
        const from = event.shiftKey ? sel.focus : sel.active;
        const to = dataEdge(from, dr, dc, b, (r, c) => core.isFilled(r, c));
        host.setSelection(event.shiftKey ? extendTo(sel, to, b) : cellSelection(to, b), to);
      } else if (event.shiftKey) host.setSelection(core.skipHidden(extendBy(sel, dr, dc, b), dr, true, dc));
      else host.setSelection(core.skipHidden(moveBy(sel, dr, dc, b), dr, false, dc));
      return;
    }
    if (key === 'Tab' || key === 'Enter') {
      event.preventDefault();
      this.advanceActive(key === 'Tab' ? (event.shiftKey ? 'left' : 'right') : event.shiftKey ? 'up' : 'down');
      return;
    }
    if (key === 'Home' || key === 'End') {
      event.preventDefault();
      const to = key === 'Home' ? { row: mod ? 0 : sel.active.row, col: 0 } : core.dataEnd(mod ? null : sel.active.row);
      host.setSelection(event.shiftKey ? extendTo(sel, to, b) : cellSelection(to, b), to);
      return;
    }
    if (key === 'PageDown' || key === 'PageUp') {
      event.preventDefault();
      const rows = Math.max(1, Math.floor((host.view.scroller.clientHeight - HEADER_HEIGHT) / DEFAULT_ROW_HEIGHT) - 1);
      const d = key === 'PageDown' ? rows : -rows;
      host.setSelection(event.shiftKey ? extendBy(sel, d, 0, b) : moveBy(sel, d, 0, b));
      return;
    }
    if (mod && !event.altKey) {
      const k = key.toLowerCase();
      const style = STYLE_KEYS[k];
      if (style) {
        event.preventDefault();
        this.actions.toggleStyle(style);
        return;
      }
      if (k === 'a') {
        event.preventDefault();
        host.setSelection(allSelection(sel, b), sel.active);
      } else if (k === 'z' || k === 'y') {
        event.preventDefault();
        if (!host.editable) return;
        if (k === 'y' || event.shiftKey) wb.redo();
        else wb.undo();
        host.invalidate();
      } else if (key === ' ') {
        event.preventDefault();
        host.setSelection(colsSelection(selectionRange(sel).c0, selectionRange(sel).c1, b, sel.active.row), sel.active);
      }
      return;
    }
    if (key === ' ' && event.shiftKey) {
      event.preventDefault();
      host.setSelection(rowsSelection(selectionRange(sel).r0, selectionRange(sel).r1, b, sel.active.col), sel.active);
      return;
    }
    if (key === 'F2') {
      event.preventDefault();
      editing.start(null);
      return;
    }
    if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      if (key === 'Backspace' && host.editable) {
        editing.start('');
        return;
      }
      this.actions.clearContents();
      return;
    }
    if (key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) {
      event.preventDefault();
      const rect = host.view.cellRect(sel.active.row, sel.active.col);
      const box = host.view.scroller.getBoundingClientRect();
      this.menu.show(box.left + (rect ? rect.x + rect.w / 2 : HEADER_WIDTH), box.top + (rect ? rect.y + rect.h : HEADER_HEIGHT));
      return;
    }
    if (key.length === 1 && !event.altKey) {
      // A printable character starts editing with it, replacing the content (as in Excel).
      event.preventDefault();
      editing.start(key);
    }
  };

  /** Turns Shift+F8's "add to selection" mode on or off (the selected ranges stay), and says so. */
  setAddMode(on: boolean): void {
    const { host } = this;
    const core = host.core;
    if (core.adding === on) return;
    core.adding = on;
    core.cursorOnly = false;
    host.say(host.t(on ? 'addModeOn' : 'addModeOff'));
    host.requestUpdate();
  }

  /**
   * An arrow key in add mode: a plain arrow keeps the ranges selected so far and moves the active cell to where the
   * next range starts (cells it only passes are not kept); Shift+arrow (with Ctrl: to the edge of the data) makes
   * the next range larger from there.
   */
  private addModeStep(event: KeyboardEvent, [dr, dc]: [number, number]): void {
    const { host } = this;
    const core = host.core;
    const b = core.bounds();
    const sel = core.selection();
    const mod = event.ctrlKey || event.metaKey;
    const from = event.shiftKey ? sel.focus : sel.active;
    const to = mod ? dataEdge(from, dr, dc, b, (r, c) => core.isFilled(r, c)) : null;
    if (event.shiftKey) {
      host.setSelection(to ? extendTo(sel, to, b) : core.skipHidden(extendBy(sel, dr, dc, b), dr, true, dc), to ?? undefined, true);
      core.cursorOnly = false;
      return;
    }
    if (!core.cursorOnly) core.extraRanges = core.keptRanges();
    const next = to ? cellSelection(to, b) : core.skipHidden(moveBy(sel, dr, dc, b), dr, false, dc);
    host.setSelection(next, next.active, true);
    core.cursorOnly = true;
  }

  /**
   * Tab and Enter: the next cell, walking through a selected range; after a
   * run of Tabs, Enter goes to the next row in the column the run started in.
   */
  advanceActive(dir: Advance): void {
    const host = this.host;
    const core = host.core;
    const sel = core.selection();
    const b = core.bounds();
    const r = selectionRange(sel);
    const single = r.r0 === r.r1 && r.c0 === r.c1;
    if (single && dir === 'right') this.tabOrigin ??= sel.active.col;
    else if (single && dir === 'down' && this.tabOrigin !== null) {
      const col = this.tabOrigin;
      this.tabOrigin = null;
      host.setSelection(core.skipHidden(cellSelection({ row: sel.active.row + 1, col }, b), 1, false));
      return;
    } else if (dir !== 'left') this.tabOrigin = null;
    const next = advance(sel, dir, b);
    host.setSelection(single ? core.skipHidden(next, dir === 'down' ? 1 : dir === 'up' ? -1 : 0, false, dir === 'right' ? 1 : dir === 'left' ? -1 : 0) : next, next.active);
  }
}
