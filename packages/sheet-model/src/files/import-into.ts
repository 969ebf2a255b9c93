import type * as Y from 'yjs';
import { MAX_COLS, MAX_ROWS, parseAddress } from '../a1.js';
import type { A1Ast } from '../ast.js';
import { bindFormula } from '../binding.js';
import type { IdSpace } from '../binding.js';
import { parseFormula } from '../parser.js';
import type { StoredInput } from '../stored-input.js';
import { BLOCK_CELLS, BLOCK_MIN_VALUES, type BlockValue } from '../value-blocks.js';
import type { Workbook } from '../workbook.js';
import { borderEntries } from './cell-borders.js';
import { IMPORT_CHUNK_BYTES, writeInChunks } from './import-chunks.js';
import type { ImportProgress } from './import-chunks.js';
import { parsedFormula } from './sheet-builder.js';
import type { CellBorders, SheetImportWarning, WorkbookData } from './workbook-data.js';
import { SheetWarnings } from './workbook-data.js';

/** How {@link importInto} applies a file: replace every sheet, or add the file's sheets after the existing ones. */
export interface ImportIntoOptions {
  readonly mode: 'replace' | 'new-sheets';
  /** The estimated size of one transaction's update in bytes (default {@link IMPORT_CHUNK_BYTES}, 1 MiB). */
  readonly chunkBytes?: number;
  /** Called after each transaction with its number and the estimated bytes written so far; a throw aborts and undoes the import. */
  readonly onProgress?: ImportProgress;
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

/** The estimated update bytes of one map entry besides its key and value (item id, parent name, info). */
const ENTRY_BYTES = 40;
/** How many row or column ids one write appends. */
const ID_SLICE = 20_000;

/** Positions by id. */
function positions(ids: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, at) => map.set(id, at));
  return map;
}

/** The id at a position of a new sheet's axis, growing the axis (not yet written) when a formula reaches beyond it. */
function idAt(ids: string[], at: Map<string, number>, index: number, max: number, newIds: (count: number) => string[]): string {
  if (index >= max) throw new RangeError(`Position ${index + 1} lies beyond the largest sheet (${max}).`);
  if (index >= ids.length) for (const id of newIds(index + 1 - ids.length)) at.set(id, ids.push(id) - 1);
  return ids[index]!;
}

/** The estimated update bytes of a stored input (UTF-8 strings counted at 3 bytes a character, to err on the large side). */
function inputBytes(input: StoredInput): number {
  if (typeof input === 'string') return input.length * 3;
  if (typeof input === 'number' || typeof input === 'boolean' || input === null) return 9;
  return JSON.stringify(input).length * 3;
}

/** Where a sheet's plain values go into value blocks: their bounding box's top row and left column, width, rows per block. */
interface BlockPlan {
  readonly r0: number;
  readonly c0: number;
  readonly width: number;
  readonly rowsPer: number;
}

/**
 * The value blocks for a sheet's plain values (numbers, text, booleans), or undefined when they are too few, too
 * sparse (less than half of their bounding box) or not in row order: such sheets get an entry per cell, as formulas
 * always do.
 */
function blockPlan(cells: WorkbookData['sheets'][number]['cells'], inputs: readonly (StoredInput | undefined)[]): BlockPlan | undefined {
  let count = 0;
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  for (let at = 0; at < cells.length; at++) {
    // Blocks are filled row by row: data out of row order is written per cell
    if (at > 0 && cells[at]!.row < cells[at - 1]!.row) return undefined;
    const input = inputs[at];
    if (input === undefined || typeof input === 'object') continue;
    const { row, col } = cells[at]!;
    count++;
    if (row < r0) r0 = row;
    if (row > r1) r1 = row;
    if (col < c0) c0 = col;
    if (col > c1) c1 = col;
  }
  const width = c1 - c0 + 1;
  if (count < BLOCK_MIN_VALUES || width > BLOCK_CELLS || count * 2 < (r1 - r0 + 1) * width) return undefined;
  return { r0, c0, width, rowsPer: Math.max(1, Math.floor(BLOCK_CELLS / width)) };
}

/**
 * Applies imported data to a workbook as ONE undo step of this user, written in bounded Yjs transactions with the
 * workbook's own origin (about `chunkBytes` of update each, 1 MiB by default), so no update comes near the relay's
 * message limit however large the file. `replace` removes all sheets and named ranges first; `new-sheets` adds the
 * file's sheets after the existing ones (renaming sheets whose name is taken, skipping named ranges whose name is taken).
 * Others see the sheets appear first and their cells fill in over the following updates.
 *
 * Everything that can fail (formula parsing and binding, name checks, sizes) is done before the first write, so such a
 * failure leaves the workbook untouched; should a write or `onProgress` still throw, the chunks already written are
 * undone (see `writeInChunks`).
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

  // The new sheets' row and column ids, made now (nothing is written), so formulas bind before the first write.
  const axes = data.sheets.map((sheet, index) => {
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
    for (const k of sheet.hiddenCols ?? []) usedCols = Math.max(usedCols, k + 1);
    for (const k of sheet.hiddenRows ?? []) usedRows = Math.max(usedRows, k + 1);
    if (usedRows > MAX_ROWS || usedCols > MAX_COLS) {
      throw new RangeError(`Sheet "${sheet.name}" uses ${usedRows} rows and ${usedCols} columns; a sheet holds at most ${MAX_ROWS} rows and ${MAX_COLS} columns.`);
    }
    const rows = model.newIds(Math.max(usedRows, 1000));
    const cols = model.newIds(Math.max(usedCols, 26));
    return { rows, cols, rowAt: positions(rows), colAt: positions(cols) };
  });
  const grow = (count: number): string[] => model.newIds(count);
  const axesOf = new Map(sheetIds.map((id, index) => [id, axes[index]!]));
  // Id space in which the file's sheet names mean the new sheets.
  const space: IdSpace = {
    sheetIdByName: (name) => byFileName.get(name.toLowerCase()),
    sheetName: (id) => shownNames[sheetIds.indexOf(id)],
    rowId: (s, i) => {
      const own = axesOf.get(s);
      return own ? idAt(own.rows, own.rowAt, i, MAX_ROWS, grow) : model.rowId(s, i);
    },
    colId: (s, i) => {
      const own = axesOf.get(s);
      return own ? idAt(own.cols, own.colAt, i, MAX_COLS, grow) : model.colId(s, i);
    },
    rowIndex: (s, id) => axesOf.get(s)?.rowAt.get(id) ?? model.rowIndex(s, id),
    colIndex: (s, id) => axesOf.get(s)?.colAt.get(id) ?? model.colIndex(s, id),
  };
  // Bind every formula and every name now: a failure here leaves the workbook untouched.
  const stored = data.sheets.map((sheet, index) =>
    sheet.cells.map((cell, at): StoredInput | undefined => {
      const content = cell.content;
      if (!content) return undefined;
      if (content.kind === 'formula') {
        const ast = parsed[index]![at];
        if (!ast) return { bad: content.formula };
        try {
          return { f: bindFormula(ast, sheetIds[index]!, space) };
        } catch {
          warnings.add('formula-kept-as-text', content.formula);
          return { bad: content.formula };
        }
      }
      if (content.kind === 'error') return { f: { k: 'err', v: content.value } };
      return content.value;
    }),
  );
  const boundNames = names.flatMap(({ name, ast }) => {
    try {
      return [{ name, f: bindFormula(ast, sheetIds[0]!, space) }];
    } catch {
      warnings.add('name-dropped', name);
      return [];
    }
  });
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

  const removeEverything = (): void => {
    for (const id of [...model.sheetIds()]) {
      const t = model.sheet(id);
      model.deleteIds(model.order, new Set([id]));
      model.sheetNames.delete(id);
      t.cells.clear();
      t.blocks.clear();
      t.formats.clear();
      t.styles.clear();
      t.merges.clear();
      t.layout.clear();
    }
    model.nameMap.clear();
  };

  /** Every write of the import, one per step, each yielding its estimated size in update bytes. */
  function* writes(): Generator<number, void, undefined> {
    // Axes first (in slices: a million row ids are several MiB), then the sheet becomes visible, then its content.
    for (let index = 0; index < data.sheets.length; index++) {
      const t = types[index]!;
      const { rows, cols } = axes[index]!;
      for (const [list, ids] of [[t.rows, rows], [t.cols, cols]] as const) {
        for (let at = 0; at < ids.length; at += ID_SLICE) {
          const slice = ids.slice(at, at + ID_SLICE);
          list.push(slice);
          yield ENTRY_BYTES + slice.length * (slice[0]!.length + 1);
        }
      }
      // The old sheets go in the same transaction as the first new one appears: no one ever sees a workbook without sheets.
      if (replace && index === 0) removeEverything();
      model.sheetNames.set(sheetIds[index]!, shownNames[index]!);
      model.order.push([sheetIds[index]!]);
      model.invalidate();
      yield ENTRY_BYTES + shownNames[index]!.length * 3;
    }
    for (let index = 0; index < data.sheets.length; index++) {
      const sheet = data.sheets[index]!;
      const t = types[index]!;
      const { rows, cols } = axes[index]!;
      const inputs = stored[index]!;
      // Plain values are collected into value blocks of whole rows (written once their last row is passed)
      const plan = blockPlan(sheet.cells, inputs);
      const blockCols = plan ? cols.slice(plan.c0, plan.c0 + plan.width) : [];
      let open: { first: number; last: number; values: (BlockValue | null)[]; cells: number[] } | undefined;
      const flush = function* (): Generator<number, void, undefined> {
        const b = open!;
        open = undefined;
        if (b.cells.length >= BLOCK_MIN_VALUES) {
          const rowIds = rows.slice(b.first, b.last + 1);
          model.writeBlock(sheetIds[index]!, rowIds, blockCols, b.values.slice(0, rowIds.length * blockCols.length));
          let bytes = ENTRY_BYTES + (rowIds.length + blockCols.length) * (rows[0]!.length + 1);
          for (const at of b.cells) bytes += inputBytes(inputs[at]!);
          yield bytes;
          return;
        }
        for (const at of b.cells) {
          const cell = sheet.cells[at]!;
          const key = rows[cell.row]! + ':' + cols[cell.col]!;
          t.cells.set(key, inputs[at]!);
          yield ENTRY_BYTES + key.length + inputBytes(inputs[at]!);
        }
      };
      for (let at = 0; at < sheet.cells.length; at++) {
        const cell = sheet.cells[at]!;
        if (open && cell.row > open.last) yield* flush();
        const key = rows[cell.row]! + ':' + cols[cell.col]!;
        let bytes = 0;
        const input = inputs[at];
        if (plan && input !== undefined && typeof input !== 'object') {
          if (!open) {
            const first = plan.r0 + Math.floor((cell.row - plan.r0) / plan.rowsPer) * plan.rowsPer;
            open = { first, last: Math.min(rows.length - 1, first + plan.rowsPer - 1), values: new Array<BlockValue | null>(plan.rowsPer * plan.width).fill(null), cells: [] };
          }
          open.values[(cell.row - open.first) * plan.width + cell.col - plan.c0] = input;
          open.cells.push(at);
        } else if (input !== undefined) {
          t.cells.set(key, input);
          bytes += ENTRY_BYTES + key.length + inputBytes(input);
        }
        if (cell.format !== undefined && cell.format !== 'General') {
          t.formats.set(key, cell.format);
          bytes += ENTRY_BYTES + key.length + cell.format.length * 3;
        }
        const entries = [...(cell.style ? entriesOf(cell.style) : []), ...(cell.borders ? bordersOf(cell.borders) : [])];
        for (const [prop, value] of entries) {
          t.styles.set(key + prop, value);
          bytes += ENTRY_BYTES + key.length + prop.length + (typeof value === 'string' ? value.length * 3 : 9);
        }
        if (bytes > 0) yield bytes;
      }
      if (open) yield* flush();
      for (const [col, width] of sheet.colWidths) {
        t.layout.set('w:' + cols[col]!, width);
        yield ENTRY_BYTES + 2 * cols[col]!.length;
      }
      for (const [row, height] of sheet.rowHeights) {
        t.layout.set('h:' + rows[row]!, height);
        yield ENTRY_BYTES + 2 * rows[row]!.length;
      }
      for (const col of sheet.hiddenCols ?? []) {
        t.layout.set('hc:' + cols[col]!, 1);
        yield ENTRY_BYTES + 2 * cols[col]!.length;
      }
      for (const row of sheet.hiddenRows ?? []) {
        t.layout.set('hr:' + rows[row]!, 1);
        yield ENTRY_BYTES + 2 * rows[row]!.length;
      }
      if (sheet.frozenRows > 0 || sheet.frozenCols > 0) {
        t.layout.set('frozenRows', sheet.frozenRows);
        t.layout.set('frozenCols', sheet.frozenCols);
        yield 2 * ENTRY_BYTES;
      }
      for (const m of merges[index]!) {
        t.merges.set(model.newId(), { r1: rows[m.r1]!, c1: cols[m.c1]!, r2: rows[m.r2]!, c2: cols[m.c2]! });
        yield ENTRY_BYTES + 4 * (rows[0]!.length + 8);
      }
    }
    for (const { name, f } of boundNames) {
      model.nameMap.set(name.toUpperCase(), { name, f });
      yield ENTRY_BYTES + name.length * 6 + JSON.stringify(f).length * 3;
    }
    model.invalidate();
  }

  writeInChunks(wb, writes(), options.chunkBytes ?? IMPORT_CHUNK_BYTES, options.onProgress);
  return { sheets: shownNames, warnings: warnings.list() };
}
