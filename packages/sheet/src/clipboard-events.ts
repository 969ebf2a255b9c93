import { formatAddress } from '@allmende/sheet-model';
import type { CellInput } from '@allmende/sheet-model';
import { parseHtmlTable, parseTsv, toHtmlTable, toTsv } from './clipboard.js';
import type { ClipCell } from './clipboard.js';
import { shiftFormula } from './formula-shift.js';
import { cellSelection, extendTo, selectionRange } from './selection.js';
import type { CellPos, CellRange } from './selection.js';
import type { SheetHost } from './sheet-host.js';

/** The most cells one paste writes; a larger clipboard is refused with a message. */
export const MAX_PASTE_CELLS = 100_000;

/** What was copied last from this element, so a paste here can move formulas by the distance. */
interface InternalClip {
  readonly text: string;
  readonly origin: CellPos;
  readonly formulas: string[][];
}

/**
 * Copy, cut and paste on the grid: writes TSV and an HTML table, reads an HTML table (Excel,
 * LibreOffice Calc, Google Sheets) or TSV, and pastes this element's own copies with their formulas'
 * relative references moved by the distance.
 */
export class ClipboardEvents {
  private clip: InternalClip | null = null;

  constructor(
    private readonly host: SheetHost,
    /** Whether a cell is being edited (the editor then handles the clipboard itself). */
    private readonly editing: () => boolean,
    /** Clears the selected cells, for a cut. */
    private readonly clear: () => void,
  ) {}

  /** Ctrl+C. */
  readonly onCopy = (event: ClipboardEvent): void => {
    if (this.editing() || !this.host.core.wb) return;
    event.preventDefault();
    if (this.refuseMultiRange()) return;
    this.copyTo(event.clipboardData);
  };

  /** Ctrl+X: a copy, then the cells are cleared. */
  readonly onCut = (event: ClipboardEvent): void => {
    if (this.editing() || !this.host.core.wb) return;
    event.preventDefault();
    if (!this.host.editable) {
      this.host.notify(this.host.t('readOnlyNotice'));
      return;
    }
    if (this.refuseMultiRange()) return;
    this.copyTo(event.clipboardData);
    this.clear();
  };

  /** Ctrl+V. */
  readonly onPaste = (event: ClipboardEvent): void => {
    if (this.editing() || !this.host.core.wb) return;
    event.preventDefault();
    const data = event.clipboardData;
    if (!data) return;
    this.paste(data.getData('text/plain'), data.getData('text/html'));
  };

  /** Copying several ranges is refused with a message, as Excel does (their cells would not form one table). */
  private refuseMultiRange(): boolean {
    if (this.host.core.extraRanges.length === 0) return false;
    this.host.notify(this.host.t('multiRangeCopy'));
    return true;
  }

  private copyTo(data: DataTransfer | null): CellRange {
    const core = this.host.core;
    const wb = core.wb!;
    const name = core.sheetName;
    const r = core.usedPart(selectionRange(core.selection()));
    const shown: string[][] = [];
    const formulas: string[][] = [];
    for (let row = r.r0; row <= r.r1; row++) {
      const s: string[] = [];
      const f: string[] = [];
      for (let col = r.c0; col <= r.c1; col++) {
        const address = formatAddress(row, col);
        s.push(wb.getDisplay(name, address));
        f.push(wb.getFormula(name, address));
      }
      shown.push(s);
      formulas.push(f);
    }
    const text = toTsv(shown);
    data?.setData('text/plain', text);
    data?.setData('text/html', toHtmlTable(shown));
    this.clip = { text, origin: { row: r.r0, col: r.c0 }, formulas };
    return r;
  }

  /**
   * Pastes clipboard content at the active cell: this element's own copy
   * with formulas moved by the distance, else an HTML table, else TSV.
   */
  paste(text: string, htmlText: string): void {
    const host = this.host;
    const core = host.core;
    const wb = core.wb;
    if (!wb) return;
    const at = core.selection().active;
    let rows: ClipCell[][] | null = null;
    if (this.clip && this.clip.text === text) {
      const dr = at.row - this.clip.origin.row;
      const dc = at.col - this.clip.origin.col;
      rows = this.clip.formulas.map((row) => row.map((f) => shiftFormula(f, dr, dc)));
    } else if (htmlText) rows = parseHtmlTable(htmlText);
    if (!rows) rows = parseTsv(text);
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    if (rows.length * width > MAX_PASTE_CELLS) {
      host.notify(host.t('pasteTooLarge', rows.length, width));
      return;
    }
    const inputs: CellInput[][] = rows.map((r) => r.map((v) => (v === '' ? null : v)));
    host.run(() => wb.setCells(core.sheetName, formatAddress(at.row, at.col), inputs));
    const b = core.bounds();
    host.setSelection(extendTo(cellSelection(at, b), { row: at.row + rows.length - 1, col: at.col + width - 1 }, b), at);
  }
}
