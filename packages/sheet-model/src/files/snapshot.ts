import { formatAddress } from '../a1.js';
import type { IdAst } from '../ast.js';
import { formulaText, mapRefs } from '../binding.js';
import { FormulaError } from '../errors.js';
import { isBadInput, isFormulaInput } from '../stored-input.js';
import type { CellStyle, Workbook } from '../workbook.js';
import { bordersFromStyles } from './cell-borders.js';
import type { CellContent, CellData, NameData, SheetData, WorkbookData } from './workbook-data.js';

/** A computed value as written into a file next to a formula. */
export type CachedValue = Exclude<CellContent, { kind: 'formula' }>;

/** A cell of an exported workbook: what {@link CellData} holds plus the computed value of a formula. */
export interface ExportCell extends CellData {
  readonly value?: CachedValue;
}

const STYLE_PROPS = new Set(['bold', 'italic', 'underline', 'strike', 'color', 'background', 'align', 'valign', 'wrap', 'fontSize']);

/** The computed value of a cell as file content (empty text for an empty result). */
export function cachedValue(wb: Workbook, sheet: string, row: number, col: number): CachedValue {
  const v = wb.getValue(sheet, formatAddress(row, col));
  if (v instanceof FormulaError) return { kind: 'error', value: v.code };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  return { kind: 'text', value: v ?? '' };
}

/** Reads one sheet of a workbook into file-neutral form, with computed values for formulas. */
export function snapshotSheet(wb: Workbook, sheet: string): SheetData & { readonly cells: readonly ExportCell[] } {
  const id = wb.sheetId(sheet);
  const name = wb.model.sheetName(id)!;
  const t = wb.model.sheet(id);
  const rows = wb.model.visibleOf(t.rows).index;
  const cols = wb.model.visibleOf(t.cols).index;
  type Draft = { row: number; col: number; content?: CellContent; format?: string; style?: Record<string, unknown>; raw?: Record<string, unknown> };
  const drafts = new Map<string, Draft>();
  const draft = (key: string): Draft | undefined => {
    let d = drafts.get(key);
    if (d) return d;
    const sep = key.indexOf(':');
    const row = rows.get(key.slice(0, sep));
    const col = cols.get(key.slice(sep + 1));
    if (row === undefined || col === undefined) return undefined;
    d = { row, col };
    drafts.set(key, d);
    return d;
  };
  for (const [key, input] of t.cells.entries()) {
    const d = draft(key);
    if (!d) continue;
    if (isFormulaInput(input)) d.content = { kind: 'formula', formula: formulaText(input.f, id, wb.model) };
    else if (isBadInput(input)) d.content = { kind: 'formula', formula: input.bad, bad: true };
    else if (typeof input === 'number') d.content = { kind: 'number', value: input };
    else if (typeof input === 'boolean') d.content = { kind: 'boolean', value: input };
    else d.content = { kind: 'text', value: input };
  }
  for (const [key, format] of t.formats.entries()) {
    const d = draft(key);
    if (d) d.format = format;
  }
  for (const [full, value] of t.styles.entries()) {
    const sep = full.lastIndexOf(':');
    const d = draft(full.slice(0, sep));
    if (!d) continue;
    const prop = full.slice(sep + 1);
    if (STYLE_PROPS.has(prop)) (d.style ??= {})[prop] = value;
    else (d.raw ??= {})[prop] = value;
  }
  const cells: ExportCell[] = [];
  for (const d of drafts.values()) {
    const borders = d.raw ? bordersFromStyles(d.raw) : undefined;
    const isFormula = d.content?.kind === 'formula' && !d.content.bad;
    cells.push({
      row: d.row,
      col: d.col,
      ...(d.content ? { content: d.content } : {}),
      ...(d.format !== undefined ? { format: d.format } : {}),
      ...(d.style ? { style: d.style as CellStyle } : {}),
      ...(borders ? { borders } : {}),
      ...(isFormula ? { value: cachedValue(wb, name, d.row, d.col) } : {}),
    });
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const colWidths = new Map<number, number>();
  const rowHeights = new Map<number, number>();
  for (const [key, value] of t.layout.entries()) {
    if (key.startsWith('w:')) {
      const col = cols.get(key.slice(2));
      if (col !== undefined) colWidths.set(col, value);
    } else if (key.startsWith('h:')) {
      const row = rows.get(key.slice(2));
      if (row !== undefined) rowHeights.set(row, value);
    }
  }
  const frozen = wb.getFrozen(name);
  return { name, cells, colWidths, rowHeights, merges: wb.merges(name).map((m) => m.range), frozenRows: frozen.rows, frozenCols: frozen.cols };
}

/** The named ranges with every reference naming its sheet (`Sheet1!$A$1:$B$2`), as files need them. */
export function snapshotNames(wb: Workbook): NameData[] {
  const first = wb.model.sheetIds()[0]!;
  const out: NameData[] = [];
  for (const stored of wb.model.nameMap.values()) {
    const home = stored.s ?? first;
    const qualified: IdAst = mapRefs(
      stored.f,
      (r) => ({ k: 'ref', ref: r.s === undefined ? { ...r, s: home } : r }) as IdAst,
      (g) => ({ k: 'range', ref: g.s === undefined ? { ...g, s: home } : g }) as IdAst,
    );
    out.push({ name: stored.name, reference: formulaText(qualified, home, wb.model).slice(1) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads the whole workbook into file-neutral form. */
export function snapshotWorkbook(wb: Workbook): WorkbookData & { readonly sheets: readonly (SheetData & { readonly cells: readonly ExportCell[] })[] } {
  return { sheets: wb.sheetNames().map((name) => snapshotSheet(wb, name)), names: snapshotNames(wb) };
}
