import { formatAddress } from '../a1.js';
import type { A1Ast, A1Range, A1Ref, IdAst, IdRange, IdRef } from '../ast.js';
import { formulaText, mapRefs } from '../binding.js';
import type { IdSpace } from '../binding.js';
import { printA1Formula } from '../printer.js';
import { FormulaError } from '../errors.js';
import { isBadInput, isFormulaInput } from '../stored-input.js';
import type { Workbook } from '../workbook.js';
import { bordersFromStyles } from './cell-borders.js';
import type { CellBorders, CellContent, CellData, NameData, SheetData, WorkbookData } from './workbook-data.js';

/** A computed value as written into a file next to a formula. */
export type CachedValue = Exclude<CellContent, { kind: 'formula' }>;

/** A cell of an exported workbook: what {@link CellData} holds plus the computed value of a formula. */
export interface ExportCell extends CellData {
  readonly value?: CachedValue;
  /** A formula (not `bad`) by position, the same as `content.formula`. */
  readonly ast?: A1Ast;
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

/** Converts a stored formula to positions as seen from the sheet `home`; deleted rows, columns or sheets become #REF!. */
export function positionalFormula(ast: IdAst, home: string, space: IdSpace): A1Ast {
  const sheetName = (s: string | undefined): string | null | undefined => (s === undefined ? undefined : (space.sheetName(s) ?? null));
  return mapRefs<IdRef, IdRange, A1Ref, A1Range>(
    ast,
    (r) => {
      const sheet = sheetName(r.s);
      const home2 = r.s ?? home;
      const row = space.rowIndex(home2, r.r);
      const col = space.colIndex(home2, r.c);
      if (sheet === null || row < 0 || col < 0) return { k: 'err', v: '#REF!' };
      const a = r.a ?? 0;
      return { k: 'ref', ref: { ...(sheet !== undefined ? { sheet } : {}), row, col, rowAbs: (a & 1) !== 0, colAbs: (a & 2) !== 0 } };
    },
    (g) => {
      const sheet = sheetName(g.s);
      const home2 = g.s ?? home;
      const a = g.a ?? 0;
      const r1 = g.r1 === null ? null : space.rowIndex(home2, g.r1);
      const r2 = g.r2 === null ? null : space.rowIndex(home2, g.r2);
      const c1 = g.c1 === null ? null : space.colIndex(home2, g.c1);
      const c2 = g.c2 === null ? null : space.colIndex(home2, g.c2);
      if (sheet === null || r1 === -1 || r2 === -1 || c1 === -1 || c2 === -1) return { k: 'err', v: '#REF!' };
      return {
        k: 'range',
        ref: { ...(sheet !== undefined ? { sheet } : {}), r1, c1, r2, c2, rowAbs1: (a & 1) !== 0, colAbs1: (a & 2) !== 0, rowAbs2: (a & 4) !== 0, colAbs2: (a & 8) !== 0 },
      };
    },
  );
}

/** A cell being collected by {@link snapshotSheet}; becomes an {@link ExportCell}. */
interface Draft {
  row: number;
  col: number;
  content?: CellContent;
  format?: string;
  style?: Record<string, unknown>;
  raw?: Record<string, unknown>;
  ast?: A1Ast;
  borders?: CellBorders;
  value?: CachedValue;
}

/**
 * Reads one sheet of a workbook into file-neutral form, with computed values for formulas. Formula cells also carry
 * `ast`, the formula by position, so writers translate it without parsing the text again.
 */
export function snapshotSheet(wb: Workbook, sheet: string): SheetData & { readonly cells: readonly ExportCell[] } {
  const id = wb.sheetId(sheet);
  const name = wb.model.sheetName(id)!;
  const t = wb.model.sheet(id);
  const rows = wb.model.visibleOf(t.rows).index;
  const cols = wb.model.visibleOf(t.cols).index;
  // Drafts by row, each row a sparse array by column: no map keyed by strings, and no sort afterwards.
  const byRow: (Draft[] | undefined)[] = new Array<Draft[] | undefined>(wb.model.visibleOf(t.rows).ids.length);
  const draft = (key: string): Draft | undefined => {
    const sep = key.indexOf(':');
    const row = rows.get(key.slice(0, sep));
    const col = cols.get(key.slice(sep + 1));
    if (row === undefined || col === undefined) return undefined;
    const list = (byRow[row] ??= []);
    return (list[col] ??= { row, col });
  };
  wb.model.forEachCell(id, (input, key) => {
    const d = draft(key);
    if (!d) return;
    if (isFormulaInput(input)) {
      d.ast = positionalFormula(input.f, id, wb.model);
      d.content = { kind: 'formula', formula: printA1Formula(d.ast) };
    } else if (isBadInput(input)) d.content = { kind: 'formula', formula: input.bad, bad: true };
    else if (typeof input === 'number') d.content = { kind: 'number', value: input };
    else if (typeof input === 'boolean') d.content = { kind: 'boolean', value: input };
    else d.content = { kind: 'text', value: input };
  });
  t.formats.forEach((format, key) => {
    const d = draft(key);
    if (d) d.format = format;
  });
  t.styles.forEach((value, full) => {
    const sep = full.lastIndexOf(':');
    const d = draft(full.slice(0, sep));
    if (!d) return;
    const prop = full.slice(sep + 1);
    if (STYLE_PROPS.has(prop)) (d.style ??= {})[prop] = value;
    else (d.raw ??= {})[prop] = value;
  });
  const cells: Draft[] = [];
  const finish = (d: Draft): void => {
    if (d.raw) {
      const borders = bordersFromStyles(d.raw);
      if (borders) d.borders = borders;
      delete d.raw;
    }
    if (d.ast) d.value = cachedValue(wb, name, d.row, d.col);
    cells.push(d);
  };
  // forEach skips the holes, in ascending order: the cells come out sorted by row, then column.
  byRow.forEach((list) => list!.forEach(finish));
  byRow.length = 0;
  const colWidths = new Map<number, number>();
  const rowHeights = new Map<number, number>();
  const hiddenCols = new Set<number>();
  const hiddenRows = new Set<number>();
  for (const [key, value] of t.layout.entries()) {
    if (key.startsWith('hc:') || key.startsWith('hr:')) {
      const index = (key[1] === 'c' ? cols : rows).get(key.slice(3));
      if (index !== undefined && value === 1) (key[1] === 'c' ? hiddenCols : hiddenRows).add(index);
    } else if (key.startsWith('w:')) {
      const col = cols.get(key.slice(2));
      if (col !== undefined) colWidths.set(col, value);
    } else if (key.startsWith('h:')) {
      const row = rows.get(key.slice(2));
      if (row !== undefined) rowHeights.set(row, value);
    }
  }
  const frozen = wb.getFrozen(name);
  return { name, cells: cells as ExportCell[], colWidths, rowHeights, hiddenCols, hiddenRows, merges: wb.merges(name).map((m) => m.range), frozenRows: frozen.rows, frozenCols: frozen.cols };
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
