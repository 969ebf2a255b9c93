import * as Y from 'yjs';
import { columnIndex, formatAddress, parseAddress } from './a1.js';
import type { IdAst } from './ast.js';
import { bindFormula, formulaText } from './binding.js';
import { FormulaTemplates } from './formula-template.js';
import { Engine, type RecalcStats } from './engine.js';
import { FormulaError } from './errors.js';
import { formatGeneral, formatNumber, type Locale } from './number-format.js';
import { parseFormula } from './parser.js';
import { shiftRelativeRows, shrinkRanges } from './rewrite.js';
import { isBadInput, isFormulaInput, type StoredInput } from './stored-input.js';
import { parseUserInput } from './user-input.js';
import { compareValues, numberToText, type Scalar } from './values.js';
import { BLOCK_CELLS, BLOCK_MIN_VALUES, type BlockValue } from './value-blocks.js';
import { rawPosition, YjsModel, type SheetTypes } from './yjs-model.js';

/** What `setCell` accepts: text as typed (`=…` for a formula), a number, a boolean, or null to clear. */
export type CellInput = string | number | boolean | null;

/** A computed value: number, text, boolean, null for empty, or a {@link FormulaError} whose `code` is the Excel error text. */
export type CellValue = Scalar;

/** Style properties a cell can carry; two users setting different properties of one cell both keep theirs. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  color?: string;
  background?: string;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  fontSize?: number;
  /** Cell borders per side: a line weight, drawn in the text colour of the grid's borders. */
  borderTop?: BorderLine;
  borderRight?: BorderLine;
  borderBottom?: BorderLine;
  borderLeft?: BorderLine;
}

/** The weight of a cell border line (Excel's and LibreOffice's thin, medium and thick). */
export type BorderLine = 'thin' | 'medium' | 'thick';

/** The line weights a border may have. */
export const BORDER_LINES: readonly BorderLine[] = ['thin', 'medium', 'thick'];

/** Every style property, in a stable order (for clearing or copying all of them). */
export const STYLE_KEYS: readonly (keyof CellStyle)[] = [
  'bold', 'italic', 'underline', 'strike', 'color', 'background', 'align', 'valign', 'wrap', 'fontSize',
  'borderTop', 'borderRight', 'borderBottom', 'borderLeft',
];

const BORDER_KEYS: ReadonlySet<string> = new Set(['borderTop', 'borderRight', 'borderBottom', 'borderLeft']);
const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** One sort key for {@link Workbook.sortRange}: a column (letters or zero-based index on the sheet) and the direction. */
export interface SortKey {
  readonly column: string | number;
  readonly descending?: boolean;
}

/** Options for {@link createWorkbook}. */
export interface WorkbookOptions {
  /**
   * Locale for reading typed input and displaying numbers, dates and booleans: `'en'` by default, so scripts are
   * locale-neutral (`'3.5'` is a number); pass `'de'` for German users (`'3,5'`, `1.234,56`, `WAHR`).
   */
  readonly locale?: Locale;
  /** Create the first sheet ("Sheet1") when the document has none; true by default. Use false for clients that join an existing document. */
  readonly seed?: boolean;
  /** Rows and columns of a new sheet; 1000 × 26 by default. */
  readonly rows?: number;
  readonly cols?: number;
  /** Origin of this client's transactions; the undo manager tracks only these. */
  readonly origin?: unknown;
  /** Random source for RAND (for reproducible tests). */
  readonly random?: () => number;
}

const FIRST_SHEET = 'sheet1';

/** Deterministic ids of the first sheet, so two clients seeding an empty document at once create the same rows and columns. */
function seedIds(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => prefix + i.toString(36));
}

/**
 * A spreadsheet workbook on a Y.Doc: ordered sheets with stable row and column ids, cell inputs keyed by ids,
 * formulas stored in id space, and a local calculation engine. All edits are Yjs transactions; computed values are
 * never stored. Sheets are addressed by name.
 */
export class Workbook {
  /** The Yjs layout and id bookkeeping. */
  readonly model: YjsModel;
  /** This client's undo history: only its own edits, each operation one step. */
  readonly undoManager: Y.UndoManager;
  /** The display locale. */
  locale: Locale;
  private readonly engine: Engine;
  private readonly origin: unknown;
  private readonly typeKinds = new Map<Y.AbstractType<unknown>, { sheet: string; kind: keyof SheetTypes }>();
  private readonly onAfterTransaction: (tr: Y.Transaction) => void;
  private readonly newRows: number;
  private readonly newCols: number;

  constructor(readonly doc: Y.Doc, options: WorkbookOptions = {}) {
    this.locale = options.locale ?? 'en';
    this.origin = options.origin ?? this;
    this.newRows = options.rows ?? 1000;
    this.newCols = options.cols ?? 26;
    this.model = new YjsModel(doc);
    this.engine = new Engine(this.model, options.random);
    this.undoManager = new Y.UndoManager([this.model.order, this.model.sheetNames, this.model.nameMap, this.model.sheetColors], {
      trackedOrigins: new Set([this.origin]),
      captureTimeout: 0,
    });
    if ((options.seed ?? true) && this.model.sheetIds().length === 0) {
      this.transact(() => {
        const t = this.registerSheet(FIRST_SHEET);
        this.model.sheetNames.set(FIRST_SHEET, 'Sheet1');
        this.model.order.push([FIRST_SHEET]);
        t.rows.push(seedIds('r', this.newRows));
        t.cols.push(seedIds('c', this.newCols));
      });
      this.undoManager.clear();
      this.model.invalidate();
    }
    this.registerAll();
    this.onAfterTransaction = (tr) => this.afterTransaction(tr);
    doc.on('afterTransaction', this.onAfterTransaction);
  }

  /** Stops listening to the document and drops the undo history. */
  destroy(): void {
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.undoManager.destroy();
    this.model.destroy();
  }

  private transact(f: () => void): void {
    this.doc.transact(f, this.origin);
  }

  /**
   * Runs several edits as one transaction: others receive them together, and they are one undo step
   * (for example, formatting several ranges at once). Nested calls join the outer transaction.
   */
  batch(f: () => void): void {
    if (typeof f !== 'function') throw new TypeError('batch: pass a function that makes the edits.');
    this.transact(f);
  }

  /**
   * Adds a shared type that lives next to the workbook in the same Y.Doc (such as a view's filter
   * settings) to this user's undo history, so edits to it made through {@link batch} or with
   * {@link origin} undo and redo in order with the cell edits.
   */
  trackUndo(type: Y.Map<unknown> | Y.Array<unknown>): void {
    if (!(type instanceof Y.AbstractType) || type.doc !== this.doc) throw new TypeError('trackUndo: pass a Y.Map or Y.Array of the workbook\'s own Y.Doc.');
    this.undoManager.addToScope(type as unknown as Y.AbstractType<unknown>);
  }

  /** The transaction origin of this user's edits: pass it to `doc.transact` for edits that should be undoable with the workbook's. */
  get editOrigin(): unknown {
    return this.origin;
  }

  private registerSheet(id: string): SheetTypes {
    const t = this.model.sheet(id);
    if (!this.typeKinds.has(t.cells as Y.AbstractType<unknown>)) {
      for (const kind of Object.keys(t) as (keyof SheetTypes)[]) this.typeKinds.set(t[kind] as Y.AbstractType<unknown>, { sheet: id, kind });
      this.undoManager.addToScope(Object.values(t) as Y.AbstractType<unknown>[]);
    }
    return t;
  }

  private registerAll(): void {
    for (const id of this.model.order.toArray()) this.registerSheet(id);
  }

  private afterTransaction(tr: Y.Transaction): void {
    let structural = false;
    let rebuild = false;
    for (const [type, keys] of tr.changed) {
      const t = type as unknown;
      if (t === this.model.sheetNames) {
        // A rename changes no value; only a deleted sheet (its name removed) needs a rebuild, which the engine checks
        this.model.invalidateNames();
        this.engine.invalidateSheetNames();
        structural = true;
        continue;
      }
      if (t === this.model.order || t === this.model.nameMap) {
        structural = rebuild = true;
        continue;
      }
      const k = this.typeKinds.get(type as Y.AbstractType<unknown>);
      if (!k) {
        // A type this client has not seen yet: a sheet created elsewhere (other types in the document, such as tab
        // colours or a view's filters, change no value and must not rebuild the calculation graph)
        if (this.isSheetType(type as Y.AbstractType<unknown>)) structural = rebuild = true;
        continue;
      }
      if (k.kind === 'rows' || k.kind === 'cols') {
        structural = true;
        this.engine.invalidateAxes(k.sheet);
      } else if (k.kind === 'cells') for (const key of keys) if (key !== null) this.engine.invalidateCell(k.sheet, key);
    }
    // Value blocks written, rewritten or removed (here, elsewhere, or by undo): the cells whose block value changed
    this.model.forEachChangedBlockIndex((sheet, index) => {
      if (this.engine.rebuilding) index.dropChanges();
      else for (const key of index.takeChangedKeys()) this.engine.invalidateCell(sheet, key);
    });
    if (structural) {
      // Local operations keep the id caches current themselves
      if (tr.origin !== this.origin || !tr.local) this.model.invalidate();
      this.registerAll();
      if (rebuild) this.engine.invalidateStructure();
    }
  }

  /** Whether a changed type belongs to a sheet (`s/<sheetId>/<part>`, or nested in one). */
  private isSheetType(type: Y.AbstractType<unknown>): boolean {
    let root: Y.AbstractType<unknown> = type;
    while (root._item && root._item.parent instanceof Y.AbstractType) root = root._item.parent as Y.AbstractType<unknown>;
    if (root === (this.model.sheetColors as Y.AbstractType<unknown>)) return false;
    for (const [name, shared] of this.doc.share) if (shared === root) return name.startsWith('s/');
    return true;
  }

  // ---- sheets ----

  /**
   * The sheet names in order, unique on every client: if two users concurrently gave two sheets the same name, the
   * later sheet shows "Name (2)" until someone renames it.
   */
  sheetNames(): string[] {
    const shown = this.model.displayNames();
    return this.model.sheetIds().map((id) => shown.get(id)!);
  }

  /** Returns the id of a sheet given its name (case-insensitive) or id; throws a RangeError if there is no such sheet. */
  sheetId(sheet: string): string {
    const byName = this.model.sheetIdByName(sheet);
    if (byName !== undefined) return byName;
    if (this.model.sheetIds().includes(sheet)) return sheet;
    throw new RangeError(`There is no sheet "${sheet}"; the sheets are ${this.sheetNames().map((n) => `"${n}"`).join(', ') || 'none'}.`);
  }

  private checkName(name: string, except?: string): string {
    const n = name.trim();
    if (n === '' || n.length > 100 || /[\\/?*[\]:]/.test(n) || n.startsWith("'") || n.endsWith("'")) {
      throw new RangeError(`"${name}" is not a valid sheet name: use 1 to 100 characters without \\ / ? * [ ] : and without leading or trailing apostrophes.`);
    }
    const other = this.model.sheetIdByName(n);
    if (other !== undefined && other !== except) throw new RangeError(`A sheet named "${n}" already exists; choose another name.`);
    return n;
  }

  /** Adds a sheet at the end (or at `index`) and returns its id. */
  addSheet(name: string, index?: number): string {
    const n = this.checkName(name);
    const id = this.model.newId();
    this.transact(() => {
      const t = this.registerSheet(id);
      t.rows.push(this.model.newIds(this.newRows));
      t.cols.push(this.model.newIds(this.newCols));
      this.model.sheetNames.set(id, n);
      const ids = this.model.sheetIds();
      const at = index === undefined || index >= ids.length ? this.model.order.length : rawPosition(this.model.visibleOf(this.model.order), this.model.visibleOf(this.model.order).index.get(ids[Math.max(0, index)]!)!);
      this.model.order.insert(at, [id]);
      this.model.invalidate();
    });
    return id;
  }

  /**
   * Renames a sheet; formulas that reference it show the new name, since they store its id. Throws a RangeError if
   * another sheet already shows that name (case-insensitive).
   */
  renameSheet(sheet: string, name: string): void {
    const id = this.sheetId(sheet);
    const n = this.checkName(name, id);
    this.transact(() => this.model.sheetNames.set(id, n));
  }

  /** Moves a sheet to position `index` in the order. */
  moveSheet(sheet: string, index: number): void {
    const id = this.sheetId(sheet);
    const ids = this.model.sheetIds().filter((x) => x !== id);
    if (!Number.isInteger(index) || index < 0 || index > ids.length) throw new RangeError(`Sheet position ${index} is out of range 0..${ids.length}.`);
    this.transact(() => {
      this.model.moveIds(this.model.order, [id], ids[index]);
      this.model.invalidate();
    });
  }

  /** Deletes a sheet and its contents; formulas elsewhere that reference it show #REF!. The last sheet cannot be deleted. */
  deleteSheet(sheet: string): void {
    const id = this.sheetId(sheet);
    if (this.model.sheetIds().length <= 1) throw new RangeError('A workbook needs at least one sheet; add another before deleting this one.');
    this.transact(() => {
      this.model.deleteIds(this.model.order, new Set([id]));
      this.model.sheetNames.delete(id);
      this.model.sheetColors.delete(id);
      const t = this.model.sheet(id);
      t.cells.clear();
      t.blocks.clear();
      t.formats.clear();
      t.styles.clear();
      t.merges.clear();
      this.model.invalidate();
    });
  }

  // ---- ids and layout, for views that keep positions by id ----

  /** The sheets in order with their ids (stable across renames and moves) and shown names. */
  sheets(): { id: string; name: string }[] {
    const shown = this.model.displayNames();
    return this.model.sheetIds().map((id) => ({ id, name: shown.get(id)! }));
  }

  /** The shown name of the sheet with this id, or undefined when there is none (it was deleted). */
  sheetNameById(id: string): string | undefined {
    return this.model.sheetName(id);
  }

  /** The row ids of a sheet in order (index = position). The array is shared: do not change it. */
  rowIds(sheet: string): readonly string[] {
    return this.model.rows(this.sheetId(sheet));
  }

  /** The column ids of a sheet in order (index = position). The array is shared: do not change it. */
  colIds(sheet: string): readonly string[] {
    return this.model.cols(this.sheetId(sheet));
  }

  /** Where a row id is now (zero-based), or -1 when its row was deleted. */
  rowIndexOf(sheet: string, rowId: string): number {
    return this.model.rowIndex(this.sheetId(sheet), rowId);
  }

  /** Where a column id is now (zero-based), or -1 when its column was deleted. */
  colIndexOf(sheet: string, colId: string): number {
    return this.model.colIndex(this.sheetId(sheet), colId);
  }

  /** Whether a cell holds an input (a value or a formula), by zero-based position. */
  hasInput(sheet: string, row: number, col: number): boolean {
    const id = this.sheetId(sheet);
    const r = this.model.rows(id)[row];
    const c = this.model.cols(id)[col];
    return r !== undefined && c !== undefined && this.model.cell(id, r + ':' + c) !== undefined;
  }

  /**
   * The last used row and column (zero-based) of a sheet, or with `row` given, of that row (Ctrl+End and End);
   * `{ row: 0, col: 0 }` (or `{ row, col: 0 }`) when nothing is there.
   */
  lastUsedCell(sheet: string, row?: number): { row: number; col: number } {
    const id = this.sheetId(sheet);
    let maxRow = 0;
    let maxCol = 0;
    this.model.forEachCell(id, (_, key) => {
      const sep = key.indexOf(':');
      const ri = this.model.rowIndex(id, key.slice(0, sep));
      if (ri < 0 || (row !== undefined && ri !== row)) return;
      const ci = this.model.colIndex(id, key.slice(sep + 1));
      if (ci < 0) return;
      if (ri > maxRow) maxRow = ri;
      if (ci > maxCol) maxCol = ci;
    });
    return { row: row ?? maxRow, col: maxCol };
  }

  /** The columns and rows of a sheet that have their own width or height, by zero-based index (in pixels). */
  customSizes(sheet: string): { cols: Map<number, number>; rows: Map<number, number> } {
    const id = this.sheetId(sheet);
    const cols = new Map<number, number>();
    const rows = new Map<number, number>();
    for (const [key, value] of this.model.sheet(id).layout.entries()) {
      if (typeof value !== 'number') continue;
      if (key.startsWith('w:')) {
        const i = this.model.colIndex(id, key.slice(2));
        if (i >= 0) cols.set(i, value);
      } else if (key.startsWith('h:')) {
        const i = this.model.rowIndex(id, key.slice(2));
        if (i >= 0) rows.set(i, value);
      }
    }
    return { cols, rows };
  }

  /** Sets the colour of a sheet's tab (`#rrggbb`), or removes it with null. One undo step. */
  setSheetColor(sheet: string, color: string | null): void {
    const id = this.sheetId(sheet);
    if (color !== null && (typeof color !== 'string' || !HEX_COLOR.test(color))) {
      throw new RangeError(`setSheetColor: "${String(color)}" is not a colour; use #rrggbb such as "#2e7d32", or null for none.`);
    }
    this.transact(() => {
      if (color === null) this.model.sheetColors.delete(id);
      else this.model.sheetColors.set(id, color.toLowerCase());
    });
  }

  /** The colour of a sheet's tab as `#rrggbb`, or undefined when it has none. */
  getSheetColor(sheet: string): string | undefined {
    const v = this.model.sheetColors.get(this.sheetId(sheet));
    return typeof v === 'string' && HEX_COLOR.test(v) ? v : undefined;
  }

  /** The number of rows and columns a sheet has. */
  size(sheet: string): { rows: number; cols: number } {
    const id = this.sheetId(sheet);
    return { rows: this.model.rows(id).length, cols: this.model.cols(id).length };
  }

  // ---- cells ----

  private key(sheetId: string, address: string, grow: boolean): string | undefined {
    const { row, col } = parseAddress(address);
    if (!grow) {
      const rows = this.model.rows(sheetId);
      const cols = this.model.cols(sheetId);
      if (row >= rows.length || col >= cols.length) return undefined;
      return rows[row]! + ':' + cols[col]!;
    }
    return this.model.rowId(sheetId, row) + ':' + this.model.colId(sheetId, col);
  }

  /** `templates` shares parsed formulas within one block of inputs (a filled-down column is parsed once); kept only for that block. */
  private storeInput(sheetId: string, key: string, input: CellInput, row: number, col: number, templates?: FormulaTemplates): void {
    const t = this.model.sheet(sheetId);
    // A finite number is stored as it is (the common case of a filled sheet): no parse and no format to imply
    if (typeof input === 'number' && Number.isFinite(input)) {
      t.cells.set(key, input);
      return;
    }
    const p = parseUserInput(input, this.locale);
    if (p.kind === 'empty') {
      this.model.writeCell(sheetId, key, undefined);
      return;
    }
    if (p.kind === 'formula') {
      let stored: StoredInput;
      try {
        if (templates) {
          const { ast, dr, dc, nums } = templates.parse(p.text, row, col);
          stored = { f: bindFormula(ast, sheetId, this.model, dr, dc, nums) };
        } else stored = { f: bindFormula(parseFormula(p.text), sheetId, this.model) };
      } catch (e) {
        if (!(e instanceof Error) || e instanceof TypeError) throw e;
        stored = { bad: p.text };
      }
      t.cells.set(key, stored);
      return;
    }
    t.cells.set(key, p.value);
    if (p.format !== undefined && !t.formats.has(key)) t.formats.set(key, p.format);
  }

  /**
   * Sets a cell from what a user typed: `=…` is a formula (A1 notation, `,` or `;` between arguments), other text is
   * read as a number, percentage, date or boolean where it looks like one (following the locale), else kept as text;
   * null clears the cell. A formula that cannot be parsed is kept as typed and evaluates to #ERROR!.
   */
  setCell(sheet: string, address: string, input: CellInput): void {
    const id = this.sheetId(sheet);
    const { row, col } = parseAddress(address);
    this.transact(() => this.storeInput(id, this.key(id, address, true)!, input, row, col));
  }

  /**
   * Sets a block of cells starting at `address` in one transaction (one undo step); rows of inputs, null clears.
   * Plain values written into empty cells in bulk are stored as value blocks (one document entry per block of rows);
   * formulas, and values over cells that hold something, get an entry per cell, as `setCell` writes them.
   */
  setCells(sheet: string, address: string, values: readonly (readonly CellInput[])[]): void {
    const id = this.sheetId(sheet);
    const { row, col } = parseAddress(address);
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) throw new TypeError('setCells: pass the inputs as an array of rows, each an array of cell inputs.');
    let width = 0;
    for (const r of values) if (r.length > width) width = r.length;
    const templates = new FormulaTemplates();
    this.transact(() => {
      const t = this.model.sheet(id);
      this.model.ensureLength(t.rows, row + values.length);
      this.model.ensureLength(t.cols, col + width);
      const colIds = this.model.cols(id).slice(col, col + width);
      const rowIds = this.model.rows(id);
      const perBlock = Math.max(1, Math.floor(BLOCK_CELLS / Math.max(1, width)));
      const vacant = this.model.vacancyTest(id, rowIds.slice(row, row + values.length), values.length * width);
      for (let top = 0; top < values.length; top += perBlock) {
        const end = Math.min(values.length, top + perBlock);
        // Plain values into vacant cells go into one block for these rows; the rest is written per cell
        const block: (BlockValue | null)[] = new Array((end - top) * width).fill(null);
        const blockFormats: [string, string][] = [];
        let count = 0;
        const rest: number[] = [];
        for (let r = top; r < end; r++) {
          const row0 = values[r]!;
          const rowId = rowIds[row + r]!;
          for (let c = 0; c < row0.length; c++) {
            const input = row0[c]!;
            const plain = this.plainInput(input);
            if (plain === undefined || !vacant(rowId, colIds[c]!)) {
              rest.push(r, c);
              continue;
            }
            block[(r - top) * width + c] = plain.value;
            if (plain.format !== undefined) {
              const key = rowId + ':' + colIds[c]!;
              if (!t.formats.has(key)) blockFormats.push([key, plain.format]);
            }
            count++;
          }
        }
        if (count >= BLOCK_MIN_VALUES) {
          this.model.writeBlock(id, rowIds.slice(row + top, row + end), colIds, block);
          for (const [key, format] of blockFormats) t.formats.set(key, format);
        } else {
          // Too few for a block: these cells are written one by one as well
          rest.length = 0;
          for (let r = top; r < end; r++) for (let c = 0; c < values[r]!.length; c++) rest.push(r, c);
        }
        for (let i = 0; i < rest.length; i += 2) {
          const r = rest[i]!;
          const c = rest[i + 1]!;
          this.storeInput(id, rowIds[row + r]! + ':' + colIds[c]!, values[r]![c]!, row + r, col + c, templates);
        }
      }
    });
  }

  /** The value a plain input stores (with the format it implies), or undefined for formulas, empty input and bad input. */
  private plainInput(input: CellInput): { value: BlockValue; format?: string } | undefined {
    if (typeof input === 'number') return Number.isFinite(input) ? { value: input } : undefined;
    if (typeof input === 'boolean') return { value: input };
    if (typeof input !== 'string' || (input.length > 1 && input.charCodeAt(0) === 61 /* = */)) return undefined;
    const p = parseUserInput(input, this.locale);
    if (p.kind !== 'value') return undefined;
    return p.format === undefined ? { value: p.value } : { value: p.value, format: p.format };
  }

  /** The computed value of a cell: number, text, boolean, null when empty, or a FormulaError (its `code` is the Excel error text). */
  getValue(sheet: string, address: string): CellValue {
    const id = this.sheetId(sheet);
    const key = this.key(id, address, false);
    if (key === undefined) return null;
    const sep = key.indexOf(':');
    return this.engine.value(id, key.slice(0, sep), key.slice(sep + 1));
  }

  /** The cell's value as displayed: formatted with its number format in the workbook's locale; errors as their code. */
  getDisplay(sheet: string, address: string): string {
    const v = this.getValue(sheet, address);
    if (v === null) return '';
    if (v instanceof FormulaError) return v.code;
    const id = this.sheetId(sheet);
    const key = this.key(id, address, false)!;
    const fmt = this.model.sheet(id).formats.get(key);
    if (typeof v === 'string') return fmt === undefined ? v : formatNumber(v, fmt, this.locale);
    if (fmt === undefined) return typeof v === 'number' ? formatGeneral(v, this.locale) : formatNumber(v, 'General', this.locale);
    return formatNumber(v, fmt, this.locale);
  }

  /** What the formula bar shows: the A1 formula text (`=…`, deleted references as #REF!), or the input as typed. */
  getFormula(sheet: string, address: string): string {
    const id = this.sheetId(sheet);
    const key = this.key(id, address, false);
    if (key === undefined) return '';
    const input = this.model.cell(id, key);
    if (input === undefined) return '';
    if (isFormulaInput(input)) return formulaText(input.f, id, this.model);
    if (isBadInput(input)) return input.bad;
    if (typeof input === 'number') return this.locale === 'de' ? numberToText(input).replace('.', ',') : numberToText(input);
    if (typeof input === 'boolean') return input ? 'TRUE' : 'FALSE';
    return /^[=']/.test(input) || parseUserInput(input, this.locale).kind !== 'value' || typeof (parseUserInput(input, this.locale) as { value: unknown }).value !== 'string' ? "'" + input : input;
  }

  /** Recalculates now (volatile functions such as NOW and RAND included) and reports the work done. */
  recalculate(): RecalcStats {
    this.engine.recalculate();
    return { ...this.engine.stats };
  }

  /** Work done by the last recalculation; tests use it to check that an edit recalculates only its dependents. */
  get lastRecalc(): RecalcStats {
    return { ...this.engine.stats };
  }

  // ---- formats and styles ----

  /** Sets the number format code of a cell or range (`0.00`, `#,##0`, `0%`, `#,##0.00 €`, `DD.MM.YYYY`, `@`…); null removes it. */
  setFormat(sheet: string, target: string, format: string | null): void {
    const id = this.sheetId(sheet);
    this.transact(() => {
      const f = this.model.sheet(id).formats;
      for (const key of this.keysOf(id, target)) {
        if (format === null) f.delete(key);
        else f.set(key, format);
      }
    });
  }

  /** The number format code of a cell, or undefined for General. */
  getFormat(sheet: string, address: string): string | undefined {
    const id = this.sheetId(sheet);
    const key = this.key(id, address, false);
    return key === undefined ? undefined : this.model.sheet(id).formats.get(key);
  }

  /** Sets style properties of a cell or range; each property merges separately with other users' changes. Null removes a property. */
  setStyle(sheet: string, target: string, style: { [K in keyof CellStyle]?: CellStyle[K] | null }): void {
    const id = this.sheetId(sheet);
    for (const [k, v] of Object.entries(style)) {
      if (!STYLE_KEYS.includes(k as keyof CellStyle)) throw new RangeError(`Unknown style property "${k}"; use one of ${STYLE_KEYS.join(', ')}.`);
      if (BORDER_KEYS.has(k) && v !== null && v !== undefined && !BORDER_LINES.includes(v as BorderLine)) {
        throw new RangeError(`Style property "${k}" must be one of ${BORDER_LINES.join(', ')} (or null for no border), not "${String(v)}".`);
      }
    }
    this.transact(() => {
      const s = this.model.sheet(id).styles;
      for (const key of this.keysOf(id, target)) {
        for (const [k, v] of Object.entries(style)) {
          if (v === null || v === undefined) s.delete(key + ':' + k);
          else s.set(key + ':' + k, v as string | number | boolean);
        }
      }
    });
  }

  /** The style properties of a cell. */
  getStyle(sheet: string, address: string): CellStyle {
    const id = this.sheetId(sheet);
    const key = this.key(id, address, false);
    const out: Record<string, unknown> = {};
    if (key === undefined) return out;
    const s = this.model.sheet(id).styles;
    for (const k of STYLE_KEYS) {
      const v = s.get(key + ':' + k);
      if (v !== undefined) out[k] = v;
    }
    return out as CellStyle;
  }

  private keysOf(sheetId: string, target: string): string[] {
    const [a, b] = target.split(':');
    const p = parseAddress(a!);
    const q = b === undefined ? p : parseAddress(b);
    const keys: string[] = [];
    for (let r = Math.min(p.row, q.row); r <= Math.max(p.row, q.row); r++) {
      for (let c = Math.min(p.col, q.col); c <= Math.max(p.col, q.col); c++) keys.push(this.model.rowId(sheetId, r) + ':' + this.model.colId(sheetId, c));
    }
    return keys;
  }

  // ---- layout ----

  /** Sets a column's width in pixels; null restores the default. */
  setColumnWidth(sheet: string, col: number, width: number | null): void {
    const id = this.sheetId(sheet);
    if (width !== null && !(width >= 0 && Number.isFinite(width))) throw new RangeError(`Column width ${width} must be a non-negative number of pixels.`);
    this.transact(() => {
      const key = 'w:' + this.model.colId(id, col);
      if (width === null) this.model.sheet(id).layout.delete(key);
      else this.model.sheet(id).layout.set(key, width);
    });
  }

  /** A column's width in pixels, or undefined for the default. */
  getColumnWidth(sheet: string, col: number): number | undefined {
    const id = this.sheetId(sheet);
    const cid = this.model.cols(id)[col];
    return cid === undefined ? undefined : this.model.sheet(id).layout.get('w:' + cid);
  }

  /** Sets a row's height in pixels; null restores the default. */
  setRowHeight(sheet: string, row: number, height: number | null): void {
    const id = this.sheetId(sheet);
    if (height !== null && !(height >= 0 && Number.isFinite(height))) throw new RangeError(`Row height ${height} must be a non-negative number of pixels.`);
    this.transact(() => {
      const key = 'h:' + this.model.rowId(id, row);
      if (height === null) this.model.sheet(id).layout.delete(key);
      else this.model.sheet(id).layout.set(key, height);
    });
  }

  /** A row's height in pixels, or undefined for the default. */
  getRowHeight(sheet: string, row: number): number | undefined {
    const id = this.sheetId(sheet);
    const rid = this.model.rows(id)[row];
    return rid === undefined ? undefined : this.model.sheet(id).layout.get('h:' + rid);
  }

  /**
   * Hides or shows the rows or columns `first`..`last` (zero-based, inclusive): one undo step. The flag
   * belongs to the row or column (by id), so it moves with it when others insert or delete lines, and
   * content, widths and heights are kept while hidden.
   */
  setHidden(sheet: string, axis: 'rows' | 'cols', first: number, last: number, hidden: boolean): void {
    const id = this.sheetId(sheet);
    const ids = axis === 'rows' ? this.model.rows(id) : this.model.cols(id);
    if (!Number.isInteger(first) || !Number.isInteger(last) || first < 0 || last < first || last >= ids.length) {
      throw new RangeError(`setHidden: ${axis} ${first}..${last} is not a range of this sheet's ${ids.length} ${axis === 'rows' ? 'rows' : 'columns'}.`);
    }
    const prefix = axis === 'rows' ? 'hr:' : 'hc:';
    const layout = this.model.sheet(id).layout;
    this.transact(() => {
      for (let i = first; i <= last; i++) {
        const key = prefix + ids[i]!;
        if (hidden) {
          if (layout.get(key) !== 1) layout.set(key, 1);
        } else if (layout.has(key)) {
          layout.delete(key);
        }
      }
    });
  }

  /** The hidden rows and columns of a sheet, by zero-based index. */
  hiddenLines(sheet: string): { rows: Set<number>; cols: Set<number> } {
    const id = this.sheetId(sheet);
    const rows = new Set<number>();
    const cols = new Set<number>();
    for (const [key, value] of this.model.sheet(id).layout.entries()) {
      if (value !== 1) continue;
      if (key.startsWith('hr:')) {
        const i = this.model.rowIndex(id, key.slice(3));
        if (i >= 0) rows.add(i);
      } else if (key.startsWith('hc:')) {
        const i = this.model.colIndex(id, key.slice(3));
        if (i >= 0) cols.add(i);
      }
    }
    return { rows, cols };
  }

  /** Freezes the first `rows` rows and `cols` columns (0 unfreezes). */
  setFrozen(sheet: string, rows: number, cols: number): void {
    const id = this.sheetId(sheet);
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) throw new RangeError('Frozen rows and columns must be non-negative integers.');
    this.transact(() => {
      const l = this.model.sheet(id).layout;
      l.set('frozenRows', rows);
      l.set('frozenCols', cols);
    });
  }

  /** The frozen rows and columns. */
  getFrozen(sheet: string): { rows: number; cols: number } {
    const l = this.model.sheet(this.sheetId(sheet)).layout;
    return { rows: l.get('frozenRows') ?? 0, cols: l.get('frozenCols') ?? 0 };
  }

  /** Merges a range such as `A1:C2`; its endpoints are ids, so the merge follows inserts and deletes. Returns the merge id. */
  merge(sheet: string, range: string): string {
    const id = this.sheetId(sheet);
    const [a, b] = range.split(':');
    if (b === undefined) throw new RangeError(`"${range}" is not a range; merge needs two corners such as "A1:C2".`);
    const p = parseAddress(a!);
    const q = parseAddress(b);
    const mid = this.model.newId();
    this.transact(() => {
      this.model.sheet(id).merges.set(mid, {
        r1: this.model.rowId(id, Math.min(p.row, q.row)), c1: this.model.colId(id, Math.min(p.col, q.col)),
        r2: this.model.rowId(id, Math.max(p.row, q.row)), c2: this.model.colId(id, Math.max(p.col, q.col)),
      });
    });
    return mid;
  }

  /** Removes merges that overlap the range. */
  unmerge(sheet: string, range: string): void {
    const id = this.sheetId(sheet);
    const targets = new Set(this.merges(sheet).filter((m) => overlaps(m.range, range)).map((m) => m.id));
    this.transact(() => { for (const m of targets) this.model.sheet(id).merges.delete(m); });
  }

  /** The merged ranges of a sheet in A1 notation; merges whose corner rows or columns were deleted are dropped. */
  merges(sheet: string): { id: string; range: string }[] {
    const id = this.sheetId(sheet);
    const out: { id: string; range: string }[] = [];
    for (const [mid, m] of this.model.sheet(id).merges.entries()) {
      const r1 = this.model.rowIndex(id, m.r1);
      const r2 = this.model.rowIndex(id, m.r2);
      const c1 = this.model.colIndex(id, m.c1);
      const c2 = this.model.colIndex(id, m.c2);
      if (r1 < 0 || r2 < 0 || c1 < 0 || c2 < 0 || r2 < r1 || c2 < c1) continue;
      out.push({ id: mid, range: formatAddress(r1, c1) + ':' + formatAddress(r2, c2) });
    }
    return out.sort((x, y) => (x.range < y.range ? -1 : 1));
  }

  // ---- named ranges ----

  /**
   * Defines (or redefines) a workbook-wide named range, such as `defineName('Rates', "Sheet1!$B$2:$B$10")`. References
   * without a sheet name point into `sheet` (by default the first sheet). Names are case-insensitive.
   */
  defineName(name: string, reference: string, sheet?: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name) || /^(TRUE|FALSE)$/i.test(name)) {
      throw new RangeError(`"${name}" is not a valid name: start with a letter or _, use letters, digits, _ and ., and do not look like a cell reference.`);
    }
    const home = sheet === undefined ? this.model.sheetIds()[0]! : this.sheetId(sheet);
    let f: IdAst;
    try {
      f = bindFormula(parseFormula(reference), home, this.model);
    } catch (e) {
      throw new RangeError(`The definition of "${name}" is not a valid formula: ${(e as Error).message}`, { cause: e });
    }
    this.transact(() => this.model.nameMap.set(name.toUpperCase(), { name, ...(sheet !== undefined ? { s: home } : {}), f }));
  }

  /** Removes a named range; formulas using it show #NAME?. */
  deleteName(name: string): void {
    this.transact(() => this.model.nameMap.delete(name.toUpperCase()));
  }

  /** The named ranges with their definitions in A1 notation. */
  names(): { name: string; reference: string }[] {
    const first = this.model.sheetIds()[0]!;
    return [...this.model.nameMap.values()].map((n) => ({ name: n.name, reference: formulaText(n.f, n.s ?? first, this.model).slice(1) }));
  }

  // ---- structure ----

  private checkSpan(what: string, index: number, count: number, length: number, allowEnd: boolean): void {
    if (!Number.isInteger(index) || !Number.isInteger(count) || index < 0 || count < 1 || index > length - (allowEnd ? 0 : 1) || (!allowEnd && index + count > length)) {
      throw new RangeError(`Cannot ${what} ${count} at ${index}: index and count must be integers within 0..${length}${allowEnd ? '' : ` (index + count ≤ ${length})`}, count ≥ 1.`);
    }
  }

  /** Inserts `count` empty rows before row `index` (zero-based); references move with their cells. One undo step. */
  insertRows(sheet: string, index: number, count: number): void {
    this.insert(sheet, 'rows', index, count);
  }

  /** Inserts `count` empty columns before column `index` (zero-based). One undo step. */
  insertColumns(sheet: string, index: number, count: number): void {
    this.insert(sheet, 'cols', index, count);
  }

  /** Deletes `count` rows from row `index`: references to them become #REF!, ranges over them shrink. One undo step. */
  deleteRows(sheet: string, index: number, count: number): void {
    this.remove(sheet, 'rows', index, count);
  }

  /** Deletes `count` columns from column `index`. One undo step. */
  deleteColumns(sheet: string, index: number, count: number): void {
    this.remove(sheet, 'cols', index, count);
  }

  /** Moves `count` rows starting at `from` so that they end up before the row now at `to` (positions before the move). One undo step. */
  moveRows(sheet: string, from: number, count: number, to: number): void {
    this.move(sheet, 'rows', from, count, to);
  }

  /** Moves `count` columns starting at `from` to before the column now at `to`. One undo step. */
  moveColumns(sheet: string, from: number, count: number, to: number): void {
    this.move(sheet, 'cols', from, count, to);
  }

  private insert(sheet: string, axis: 'rows' | 'cols', index: number, count: number): void {
    const id = this.sheetId(sheet);
    const arr = this.model.sheet(id)[axis];
    this.checkSpan(`insert ${axis === 'rows' ? 'rows' : 'columns'}`, index, count, this.model.visibleOf(arr).ids.length, true);
    // insertIds keeps the cached positions current (a shift of a few runs), so nothing is invalidated here
    this.transact(() => this.model.insertIds(arr, index, count));
  }

  private move(sheet: string, axis: 'rows' | 'cols', from: number, count: number, to: number): void {
    const id = this.sheetId(sheet);
    const arr = this.model.sheet(id)[axis];
    const ids = this.model.visibleOf(arr).ids;
    this.checkSpan(`move ${axis === 'rows' ? 'rows' : 'columns'}`, from, count, ids.length, false);
    if (!Number.isInteger(to) || to < 0 || to > ids.length) throw new RangeError(`Target position ${to} must be within 0..${ids.length}.`);
    if (to >= from && to <= from + count) return;
    const moving = ids.slice(from, from + count);
    this.transact(() => {
      this.model.moveIds(arr, moving, ids[to]);
      this.model.invalidate();
    });
  }

  private remove(sheet: string, axis: 'rows' | 'cols', index: number, count: number): void {
    const id = this.sheetId(sheet);
    const t = this.model.sheet(id);
    const arr = t[axis];
    const vis = this.model.visibleOf(arr);
    this.checkSpan(`delete ${axis === 'rows' ? 'rows' : 'columns'}`, index, count, vis.ids.length, false);
    if (count >= vis.ids.length) throw new RangeError(`Cannot delete all ${axis === 'rows' ? 'rows' : 'columns'} of a sheet; keep at least one.`);
    const order = vis.ids.slice();
    const position = vis.index;
    const deleted = new Set(order.slice(index, index + count));
    const rowAxis = axis === 'rows';
    this.transact(() => {
      // Shrink ranges whose endpoints are deleted, in every formula and name that can see this sheet
      for (const sid of this.model.sheetIds()) {
        const cells = this.model.sheet(sid).cells;
        for (const [key, input] of cells.entries()) {
          if (!isFormulaInput(input)) continue;
          const next = shrinkRanges(input.f, sid, id, rowAxis ? 'row' : 'col', order, position, deleted);
          if (next !== input.f) cells.set(key, { f: next });
        }
      }
      const first = this.model.sheetIds()[0]!;
      for (const [k, n] of this.model.nameMap.entries()) {
        const next = shrinkRanges(n.f, n.s ?? first, id, rowAxis ? 'row' : 'col', order, position, deleted);
        if (next !== n.f) this.model.nameMap.set(k, { ...n, f: next });
      }
      // Drop the deleted cells' contents so they do not linger in the document
      const part = (key: string): string => (rowAxis ? key.slice(0, key.indexOf(':')) : key.split(':')[1]!);
      for (const m of [t.cells, t.formats] as Y.Map<unknown>[]) for (const key of [...m.keys()]) if (deleted.has(part(key))) m.delete(key);
      this.model.dropFromBlocks(id, axis, deleted);
      for (const key of [...t.styles.keys()]) if (deleted.has(part(key))) t.styles.delete(key);
      for (const id2 of deleted) {
        t.layout.delete((rowAxis ? 'h:' : 'w:') + id2);
        t.layout.delete((rowAxis ? 'hr:' : 'hc:') + id2);
      }
      this.model.deleteIds(arr, deleted);
      this.model.invalidate();
    });
  }

  /**
   * Sorts the rows of a range by one or more key columns (stable: equal rows keep their order). Values sort as Excel
   * does: numbers, then text (case-insensitive), then booleans, errors after, empty cells always last. Cell contents,
   * formats and styles of the range move; relative row references in moved formulas keep their distance. One undo step.
   */
  sortRange(sheet: string, range: string, keys: readonly SortKey[]): void {
    const id = this.sheetId(sheet);
    const [a, b] = range.split(':');
    if (b === undefined) throw new RangeError(`"${range}" is not a range; sort needs two corners such as "A2:D20".`);
    if (keys.length === 0) throw new RangeError('Sort needs at least one key column.');
    const p = parseAddress(a!);
    const q = parseAddress(b);
    const top = Math.min(p.row, q.row);
    const bottom = Math.max(p.row, q.row);
    const left = Math.min(p.col, q.col);
    const right = Math.max(p.col, q.col);
    const keyCols = keys.map((k) => {
      const c = typeof k.column === 'number' ? k.column : columnIndex(k.column);
      if (!Number.isInteger(c) || c < left || c > right) throw new RangeError(`Sort key column ${String(k.column)} lies outside the range ${range}.`);
      return { c, desc: k.descending === true };
    });
    const rows = this.model.rows(id);
    const cols = this.model.cols(id);
    if (bottom >= rows.length || right >= cols.length) throw new RangeError(`The range ${range} lies beyond the sheet.`);
    const rowIds = rows.slice(top, bottom + 1);
    const colIds = cols.slice(left, right + 1);
    const keyValues = rowIds.map((rid) => keyCols.map((k) => this.engine.value(id, rid, cols[k.c]!)));
    const perm = rowIds.map((_, i) => i);
    const rank = (v: Scalar): number => (v === null ? 3 : v instanceof FormulaError ? 2 : 0);
    perm.sort((i, j) => {
      for (let k = 0; k < keyCols.length; k++) {
        const x = keyValues[i]![k]!;
        const y = keyValues[j]![k]!;
        const rx = rank(x);
        const ry = rank(y);
        if (rx !== ry || rx !== 0) {
          if (rx !== ry) return rx - ry;
          continue;
        }
        const c = compareValues(x as number, y as number);
        if (c !== 0) return keyCols[k]!.desc ? -c : c;
      }
      return i - j;
    });
    if (perm.every((v, i) => v === i)) return;
    const t = this.model.sheet(id);
    const snapshot = rowIds.map((rid) => colIds.map((cid) => {
      const key = rid + ':' + cid;
      const styles: [string, string | number | boolean][] = [];
      for (const sk of STYLE_KEYS) {
        const v = t.styles.get(key + ':' + sk);
        if (v !== undefined) styles.push([sk, v]);
      }
      return { input: this.model.cell(id, key), format: t.formats.get(key), styles };
    }));
    const order = (s: string): readonly string[] => this.model.rows(s);
    const position = (s: string, rid: string): number => this.model.rowIndex(s, rid);
    this.transact(() => {
      for (let i = 0; i < perm.length; i++) {
        const src = perm[i]!;
        if (src === i) continue;
        for (let c = 0; c < colIds.length; c++) {
          const key = rowIds[i]! + ':' + colIds[c]!;
          const cell = snapshot[src]![c]!;
          let input = cell.input;
          if (isFormulaInput(input)) input = { f: shiftRelativeRows(input.f, id, i - src, order, position) };
          this.model.writeCell(id, key, input);
          if (cell.format === undefined) t.formats.delete(key);
          else t.formats.set(key, cell.format);
          for (const sk of STYLE_KEYS) t.styles.delete(key + ':' + sk);
          for (const [sk, v] of cell.styles) t.styles.set(key + ':' + sk, v);
        }
      }
    });
  }

  // ---- undo ----

  /** Undoes this client's last operation (other users' edits stay). Returns whether there was anything to undo. */
  undo(): boolean {
    return this.undoManager.undo() !== null;
  }

  /** Redoes the last undone operation. */
  redo(): boolean {
    return this.undoManager.redo() !== null;
  }
}

function overlaps(a: string, b: string): boolean {
  const box = (r: string): [number, number, number, number] => {
    const [x, y] = r.split(':');
    const p = parseAddress(x!);
    const q = y === undefined ? p : parseAddress(y);
    return [Math.min(p.row, q.row), Math.min(p.col, q.col), Math.max(p.row, q.row), Math.max(p.col, q.col)];
  };
  const [a1, a2, a3, a4] = box(a);
  const [b1, b2, b3, b4] = box(b);
  return a1 <= b3 && b1 <= a3 && a2 <= b4 && b2 <= a4;
}

/** Opens the workbook stored in a Y.Doc (creating "Sheet1" in an empty document unless `seed` is false). */
export function createWorkbook(ydoc: Y.Doc, options?: WorkbookOptions): Workbook {
  return new Workbook(ydoc, options);
}
