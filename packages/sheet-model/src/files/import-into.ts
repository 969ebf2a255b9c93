import type * as Y from 'yjs';
import { MAX_COLS, MAX_ROWS, parseAddress } from '../a1.js';
import type { A1Ast } from '../ast.js';
import { bindFormula } from '../binding.js';
import type { IdSpace } from '../binding.js';
import { parseFormula } from '../parser.js';
import type { StoredInput } from '../stored-input.js';
import type { Workbook } from '../workbook.js';
import { borderEntries } from './cell-borders.js';
import { parsedFormula } from './sheet-builder.js';
import type { CellBorders, SheetImportWarning, WorkbookData } from './workbook-data.js';
import { SheetWarnings } from './workbook-data.js';

/** How {@link importInto} applies a file: replace every sheet, or add the file's sheets after the existing ones. */
export interface ImportIntoOptions {
  readonly mode: 'replace' | 'new-sheets';
}

/** What {@link importInto} did: the names of the sheets it added (as shown) and what it had to change. */
export interface ImportIntoResult {
  readonly sheets: readonly string[];
  readonly warnings: readonly SheetImportWarning[];
}

const NAME_PATTERN = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

/** A sheet name the workbook accepts: forbidden characters become `_`, at most 100 characters, never empty. */
function cleanSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, '_').replace(/^'+|'+$/g, '').trim().slice(0, 100);
  return cleaned === '' ? 'Sheet' : cleaned;
}

/** The first free name `base`, `base (2)`, … not in `taken` (lower-case). */
function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 94)} (${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/** The origin the workbook's undo manager tracks, so the import is one undo step of this user. */
function trackedOrigin(wb: Workbook): unknown {
  const [origin] = wb.undoManager.trackedOrigins;
  return origin;
}

/**
 * Applies imported data to a workbook as ONE transaction with the workbook's own origin: everyone sees it at once and
 * one undo takes it back. `replace` removes all sheets and named ranges first; `new-sheets` adds the file's sheets after
 * the existing ones (renaming sheets whose name is taken, skipping named ranges whose name is taken).
 *
 * Everything that can fail (formula parsing, name checks) is done before the transaction starts, so a failure leaves
 * the workbook untouched.
 */
export function importInto(wb: Workbook, data: WorkbookData, options: ImportIntoOptions): ImportIntoResult {
  if (data.sheets.length === 0) throw new RangeError('The file holds no sheet; there is nothing to import.');
  const warnings = new SheetWarnings();
  const model = wb.model;
  const replace = options.mode === 'replace';
  // Names: in replace mode every old name goes; otherwise the shown names stay taken.
  const taken = new Set<string>(replace ? [] : wb.sheetNames().map((n) => n.toLowerCase()));
  const sheetIds: string[] = [];
  const shownNames: string[] = [];
  const byFileName = new Map<string, string>();
  for (const sheet of data.sheets) {
    const wanted = cleanSheetName(sheet.name);
    const shown = uniqueName(wanted, taken);
    if (shown !== sheet.name) warnings.add('sheet-renamed', `${sheet.name} → ${shown}`);
    const id = model.newId();
    sheetIds.push(id);
    shownNames.push(shown);
    byFileName.set(sheet.name.toLowerCase(), id);
  }
  // Parse formulas before anything is written.
  const parsed = data.sheets.map((sheet) =>
    sheet.cells.map((cell): A1Ast | null => {
      if (cell.content?.kind !== 'formula' || cell.content.bad) return null;
      const known = parsedFormula(cell.content);
      if (known) return known;
      try {
        return parseFormula(cell.content.formula);
      } catch {
        warnings.add('formula-kept-as-text', cell.content.formula);
        return null;
      }
    }),
  );
  const existingNames = new Set(replace ? [] : [...model.nameMap.keys()]);
  const names: { name: string; ast: A1Ast }[] = [];
  for (const name of data.names) {
    const upper = name.name.toUpperCase();
    if (!NAME_PATTERN.test(name.name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name.name) || existingNames.has(upper)) {
      warnings.add('name-dropped', name.name);
      continue;
    }
    try {
      names.push({ name: name.name, ast: parseFormula(name.reference) });
      existingNames.add(upper);
    } catch {
      warnings.add('name-dropped', name.name);
    }
  }
  const merges = data.sheets.map((sheet) =>
    sheet.merges.flatMap((range) => {
      const [a, b] = range.split(':');
      try {
        const p = parseAddress(a!);
        const q = parseAddress(b ?? a!);
        return [{ r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) }];
      } catch {
        return [];
      }
    }),
  );

  // Id space in which the file's sheet names mean the new sheets.
  const space: IdSpace = {
    sheetIdByName: (name) => byFileName.get(name.toLowerCase()),
    sheetName: (id) => shownNames[sheetIds.indexOf(id)],
    rowId: (s, i) => model.rowId(s, i),
    colId: (s, i) => model.colId(s, i),
    rowIndex: (s, id) => model.rowIndex(s, id),
    colIndex: (s, id) => model.colIndex(s, id),
  };
  const types = sheetIds.map((id) => model.sheet(id));
  for (const t of types) wb.undoManager.addToScope(Object.values(t) as Y.AbstractType<unknown>[]);

  // Readers share one style object among the cells of one file style: list its entries once (`:prop` → value).
  const styleEntries = new Map<object, [string, string | number | boolean][]>();
  const entriesOf = (style: object): [string, string | number | boolean][] => {
    let list = styleEntries.get(style);
    if (!list) {
      list = Object.entries(style)
        .filter(([, value]) => value !== undefined)
        .map(([prop, value]) => [':' + prop, value as string | number | boolean]);
      styleEntries.set(style, list);
    }
    return list;
  };
  const bordersOf = (borders: CellBorders): [string, string][] => {
    let list = styleEntries.get(borders) as [string, string][] | undefined;
    if (!list) {
      list = borderEntries(borders).map(([prop, value]) => [':' + prop, value]);
      styleEntries.set(borders, list);
    }
    return list;
  };

  wb.doc.transact(() => {
    if (replace) {
      for (const id of [...model.sheetIds()]) {
        const t = model.sheet(id);
        model.deleteIds(model.order, new Set([id]));
        model.sheetNames.delete(id);
        t.cells.clear();
        t.formats.clear();
        t.styles.clear();
        t.merges.clear();
        t.layout.clear();
      }
      model.nameMap.clear();
    }
    data.sheets.forEach((sheet, index) => {
      const id = sheetIds[index]!;
      const t = types[index]!;
      let usedRows = 0;
      let usedCols = 0;
      for (const cell of sheet.cells) {
        usedRows = Math.max(usedRows, cell.row + 1);
        usedCols = Math.max(usedCols, cell.col + 1);
      }
      for (const m of merges[index]!) {
        usedRows = Math.max(usedRows, m.r2 + 1);
        usedCols = Math.max(usedCols, m.c2 + 1);
      }
      for (const k of sheet.colWidths.keys()) usedCols = Math.max(usedCols, k + 1);
      for (const k of sheet.rowHeights.keys()) usedRows = Math.max(usedRows, k + 1);
      t.rows.push(model.newIds(Math.min(MAX_ROWS, Math.max(usedRows, 1000))));
      t.cols.push(model.newIds(Math.min(MAX_COLS, Math.max(usedCols, 26))));
      model.sheetNames.set(id, shownNames[index]!);
      model.order.push([id]);
    });
    model.invalidate();
    data.sheets.forEach((sheet, index) => {
      const id = sheetIds[index]!;
      const t = types[index]!;
      const rows = model.rows(id);
      const cols = model.cols(id);
      const asts = parsed[index]!;
      sheet.cells.forEach((cell, at) => {
        const key = rows[cell.row]! + ':' + cols[cell.col]!;
        const content = cell.content;
        if (content) {
          let stored: StoredInput;
          if (content.kind === 'formula') {
            const ast = asts[at];
            stored = ast ? { f: bindFormula(ast, id, space) } : { bad: content.formula };
          } else if (content.kind === 'error') stored = { f: { k: 'err', v: content.value } };
          else stored = content.value;
          t.cells.set(key, stored);
        }
        if (cell.format !== undefined && cell.format !== 'General') t.formats.set(key, cell.format);
        if (cell.style) for (const [prop, value] of entriesOf(cell.style)) t.styles.set(key + prop, value);
        if (cell.borders) for (const [prop, value] of bordersOf(cell.borders)) t.styles.set(key + prop, value);
      });
      for (const [col, width] of sheet.colWidths) t.layout.set('w:' + cols[col]!, width);
      for (const [row, height] of sheet.rowHeights) t.layout.set('h:' + rows[row]!, height);
      if (sheet.frozenRows > 0 || sheet.frozenCols > 0) {
        t.layout.set('frozenRows', sheet.frozenRows);
        t.layout.set('frozenCols', sheet.frozenCols);
      }
      for (const m of merges[index]!) {
        t.merges.set(model.newId(), { r1: rows[m.r1]!, c1: cols[m.c1]!, r2: rows[m.r2]!, c2: cols[m.c2]! });
      }
    });
    for (const { name, ast } of names) model.nameMap.set(name.toUpperCase(), { name, f: bindFormula(ast, sheetIds[0]!, space) });
    model.invalidate();
  }, trackedOrigin(wb));
  return { sheets: shownNames, warnings: warnings.list() };
}
