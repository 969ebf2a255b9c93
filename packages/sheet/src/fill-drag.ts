import { formatAddress } from '@allmende/sheet-model';
import type { CellInput } from '@allmende/sheet-model';
import { fillSeries } from './fill-series.js';
import type { FillSource } from './fill-series.js';
import { cellSelection, extendTo, selectionRange } from './selection.js';
import type { CellPos, CellRange } from './selection.js';
import type { SheetHost } from './sheet-host.js';

/** The range a fill-handle drag would fill, and in which direction. */
interface FillTarget {
  range: CellRange;
  vertical: boolean;
  backwards: boolean;
  count: number;
}

/**
 * The fill handle: the small square at the selection's bottom-right corner. Dragging it previews the
 * target range; letting go fills it from the selection (series, copies, formulas with relative
 * references moved, number formats), as one undo step.
 */
export class FillDrag {
  private target: FillTarget | null = null;

  constructor(private readonly host: SheetHost) {}

  /** The range being previewed, while dragging. */
  get preview(): CellRange | null {
    return this.target?.range ?? null;
  }

  /** Whether a pointer is on the fill handle. */
  isOnHandle(event: PointerEvent): boolean {
    const view = this.host.view;
    const r = selectionRange(this.host.core.selection());
    const rect = view.cellRect(r.r1, r.c1);
    if (!rect) return false;
    const box = view.scroller.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    return Math.abs(x - (rect.x + rect.w)) <= 5 && Math.abs(y - (rect.y + rect.h)) <= 5;
  }

  /** The drag reached a cell: the target grows from the selection in the direction it went furthest. */
  moveTo(to: CellPos): void {
    const r = selectionRange(this.host.core.selection());
    const down = to.row - r.r1;
    const up = r.r0 - to.row;
    const right = to.col - r.c1;
    const left = r.c0 - to.col;
    const best = Math.max(down, up, right, left);
    if (best <= 0) this.target = null;
    else if (best === down) this.target = { range: { ...r, r0: r.r1 + 1, r1: to.row }, vertical: true, backwards: false, count: down };
    else if (best === up) this.target = { range: { ...r, r0: to.row, r1: r.r0 - 1 }, vertical: true, backwards: true, count: up };
    else if (best === right) this.target = { range: { ...r, c0: r.c1 + 1, c1: to.col }, vertical: false, backwards: false, count: right };
    else this.target = { range: { ...r, c0: to.col, c1: r.c0 - 1 }, vertical: false, backwards: true, count: left };
    this.host.paint();
  }

  /**
   * Fills the target of a fill-handle drag from the selection, line by line
   * (each column when filling down or up, each row when filling sideways),
   * copying number formats along; one undo step.
   */
  apply(): void {
    const target = this.target;
    this.target = null;
    const host = this.host;
    const core = host.core;
    const wb = core.wb;
    if (!target || !wb) return;
    const r = selectionRange(core.selection());
    const name = core.sheetName;
    const source = (row: number, col: number): FillSource & { format: string | undefined } => {
      const address = formatAddress(row, col);
      const input = wb.getFormula(name, address);
      const value = wb.getValue(name, address);
      return { input, format: wb.getFormat(name, address), ...(typeof value === 'number' && !input.startsWith('=') && input !== '' ? { number: value } : {}) };
    };
    const t = target.range;
    const block: CellInput[][] = Array.from({ length: t.r1 - t.r0 + 1 }, () => Array.from({ length: t.c1 - t.c0 + 1 }, () => null as CellInput));
    const formats: { row: number; col: number; format: string }[] = [];
    const lines = target.vertical ? r.c1 - r.c0 + 1 : r.r1 - r.r0 + 1;
    const length = target.vertical ? r.r1 - r.r0 + 1 : r.c1 - r.c0 + 1;
    for (let line = 0; line < lines; line++) {
      const sources = Array.from({ length }, (_, k) => (target.vertical ? source(r.r0 + k, r.c0 + line) : source(r.r0 + line, r.c0 + k)));
      const values = fillSeries(sources, target.count, target.vertical ? 1 : 0, target.vertical ? 0 : 1, target.backwards);
      const ordered = target.backwards ? [...sources].reverse() : sources;
      values.forEach((v, k) => {
        // Nearest first: down/right count from the target's start, up/left from its end.
        const offset = target.backwards ? target.count - 1 - k : k;
        const row = target.vertical ? offset : line;
        const col = target.vertical ? line : offset;
        block[row]![col] = v === '' ? null : v;
        const format = ordered[k % ordered.length]!.format;
        if (format !== undefined) formats.push({ row: t.r0 + row, col: t.c0 + col, format });
      });
    }
    host.run(() =>
      wb.doc.transact(() => {
        wb.setCells(name, formatAddress(t.r0, t.c0), block);
        for (const f of formats) wb.setFormat(name, formatAddress(f.row, f.col), f.format);
      }, wb),
    );
    const b = core.bounds();
    const all = { r0: Math.min(r.r0, t.r0), c0: Math.min(r.c0, t.c0), r1: Math.max(r.r1, t.r1), c1: Math.max(r.c1, t.c1) };
    host.setSelection(extendTo(cellSelection({ row: all.r0, col: all.c0 }, b), { row: all.r1, col: all.c1 }, b), { row: all.r0, col: all.c0 });
  }
}
