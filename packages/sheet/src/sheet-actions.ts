import { formatAddress, STYLE_KEYS } from '@allmende/sheet-model';
import type { BorderLine, CellInput, CellStyle } from '@allmende/sheet-model';
import type { nothing, TemplateResult } from 'lit';
import { borderEdits } from './borders.js';
import type { BorderPreset } from './borders.js';
import type { FormatToolbarHost } from './format-toolbar.js';
import { rangeText } from './sheet-core.js';
import { cellSelection, isWholeCols, isWholeRows, selectionRange } from './selection.js';
import type { CellRange } from './selection.js';
import type { SheetHost } from './sheet-host.js';

/** A structural change from the context menu. */
export type StructuralEdit = 'rowsAbove' | 'rowsBelow' | 'deleteRows' | 'colsLeft' | 'colsRight' | 'deleteCols';

type StyleEdit = { [K in keyof CellStyle]?: CellStyle[K] | null };

/**
 * What the toolbar and the context menu do to the selection: clear, insert and delete rows and
 * columns, sort, undo and redo, styles, borders, number formats and the format painter. Every edit
 * that touches several ranges is one transaction, so one undo step.
 */
export class SheetActions {
  /** The format the format painter carries to the next selection, or null. */
  painter: { style: CellStyle; format: string | null } | null = null;

  constructor(private readonly host: SheetHost) {}

  /** Clears the values of the selected cells, in every selected range (one undo step). */
  clearContents(): void {
    const core = this.host.core;
    this.eachRange((_range, r) => {
      const rows = Array.from({ length: r.r1 - r.r0 + 1 }, () => Array.from({ length: r.c1 - r.c0 + 1 }, () => null as CellInput));
      core.wb!.setCells(core.sheetName, formatAddress(r.r0, r.c0), rows);
    });
  }

  /** Clears number formats and styles of the selected cells, in every selected range (one undo step). */
  clearFormats(): void {
    const core = this.host.core;
    const none = Object.fromEntries(STYLE_KEYS.map((k) => [k, null])) as { [K in keyof CellStyle]?: null };
    this.eachRange((range) => {
      core.wb!.setFormat(core.sheetName, range, null);
      core.wb!.setStyle(core.sheetName, range, none);
    });
  }

  /** Inserts or deletes as many rows or columns as are selected. */
  structural(kind: StructuralEdit): void {
    const host = this.host;
    const core = host.core;
    const r = selectionRange(core.selection());
    const nRows = r.r1 - r.r0 + 1;
    const nCols = r.c1 - r.c0 + 1;
    const wb = core.wb!;
    const name = core.sheetName;
    host.run(() => {
      if (kind === 'rowsAbove') wb.insertRows(name, r.r0, nRows);
      else if (kind === 'rowsBelow') wb.insertRows(name, r.r1 + 1, nRows);
      else if (kind === 'deleteRows') wb.deleteRows(name, r.r0, nRows);
      else if (kind === 'colsLeft') wb.insertColumns(name, r.c0, nCols);
      else if (kind === 'colsRight') wb.insertColumns(name, r.c1 + 1, nCols);
      else wb.deleteColumns(name, r.c0, nCols);
    });
    const b = core.bounds();
    if (kind === 'deleteRows' || kind === 'deleteCols') host.setSelection(cellSelection({ row: r.r0, col: r.c0 }, b));
    else host.setSelection(core.selection());
  }

  /**
   * Hides the selected rows or columns, or shows the hidden ones among them (one undo step). After
   * hiding, the active cell moves to the next shown line, so it is never in a hidden one.
   */
  setHidden(axis: 'rows' | 'cols', hidden: boolean): void {
    const host = this.host;
    const core = host.core;
    const r = selectionRange(core.selection());
    const [first, last] = axis === 'rows' ? [r.r0, r.r1] : [r.c0, r.c1];
    host.run(() => core.wb!.setHidden(core.sheetName, axis, first, last, hidden));
    if (!hidden) return;
    const b = core.bounds();
    const shown = core.nextShown(axis, last + 1, first - 1);
    if (shown < 0) return;
    const active = core.selection().active;
    host.setSelection(cellSelection(axis === 'rows' ? { row: shown, col: active.col } : { row: active.row, col: shown }, b));
  }

  /** Sorts the selection (or, for one cell, the used rows) by the active cell's column. */
  sort(descending: boolean): void {
    const core = this.host.core;
    const sel = core.selection();
    let r = selectionRange(sel);
    const b = core.bounds();
    if (isWholeCols(r, b) || isWholeRows(r, b)) r = core.usedPart(r);
    if (r.r0 === r.r1 && r.c0 === r.c1) {
      // One cell: sort the used rows by its column.
      const end = core.dataEnd(null);
      r = { r0: 0, c0: 0, r1: end.row, c1: end.col };
    }
    this.host.run(() => core.wb!.sortRange(core.sheetName, rangeText(r), [{ column: sel.active.col, descending }]));
  }

  /** Undoes or redoes this user's last change. */
  undoRedo(redo: boolean): void {
    const wb = this.host.core.wb;
    this.host.run(() => (redo ? wb!.redo() : wb!.undo()));
  }

  /** Applies an edit to each selected range in one transaction (one undo step). */
  eachRange(edit: (range: string, r: CellRange) => void): void {
    const wb = this.host.core.wb;
    if (!wb) return;
    const ranges = this.host.core.targetRanges();
    this.host.run(() => wb.batch(() => ranges.forEach((r) => edit(rangeText(r), r))));
  }

  /** Sets (or, with null, removes) style properties on every selected range. */
  setStyle(style: StyleEdit): void {
    const core = this.host.core;
    this.eachRange((range) => core.wb!.setStyle(core.sheetName, range, style));
  }

  /** Applies a border preset to every selected range. */
  setBorders(preset: BorderPreset, line: BorderLine): void {
    const core = this.host.core;
    this.eachRange((_range, r) => {
      for (const edit of borderEdits(r, preset, line)) core.wb!.setStyle(core.sheetName, rangeText(edit.range), edit.style);
    });
  }

  /** Bold, italic, underline or strikethrough on or off, by the active cell's state. */
  toggleStyle(property: 'bold' | 'italic' | 'underline' | 'strike'): void {
    const core = this.host.core;
    const p = core.activePos();
    const current = core.wb!.getStyle(core.sheetName, formatAddress(p.row, p.col))[property];
    this.setStyle({ [property]: current ? null : true });
  }

  /** What the formatting toolbar shows and does for the active cell at `address`. */
  formatHost(address: string, fileMenu: TemplateResult | typeof nothing): FormatToolbarHost {
    const host = this.host;
    const core = host.core;
    const wb = core.wb!;
    const name = core.sheetName;
    return {
      style: wb.getStyle(name, address),
      format: wb.getFormat(name, address) ?? '',
      enabled: host.editable,
      painting: this.painter !== null,
      toggle: (property) => this.toggleStyle(property),
      set: (style) => this.setStyle(style as StyleEdit),
      setFormat: (format) => this.eachRange((range) => wb.setFormat(core.sheetName, range, format)),
      border: (preset, line) => this.setBorders(preset, line),
      fileMenu,
      paint: () => {
        this.painter = this.painter ? null : { style: wb.getStyle(name, address), format: wb.getFormat(name, address) ?? null };
        host.requestUpdate();
      },
    };
  }

  /** Applies the format painter's format to the selection and puts the painter down. */
  applyPainter(): void {
    const p = this.painter;
    const core = this.host.core;
    const wb = core.wb;
    if (!p || !wb) return;
    this.painter = null;
    this.host.requestUpdate();
    const style: StyleEdit = {};
    for (const key of STYLE_KEYS) (style as Record<string, unknown>)[key] = p.style[key] ?? null;
    this.eachRange((range) => {
      wb.setStyle(core.sheetName, range, style);
      wb.setFormat(core.sheetName, range, p.format);
    });
  }
}
