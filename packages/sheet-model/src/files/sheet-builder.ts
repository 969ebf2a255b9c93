import { FileImportError, limitsOf } from '@allmende/office-files';
import type { FileLimits } from '@allmende/office-files';
import type { A1Ast } from '../ast.js';
import { parseFormula } from '../parser.js';
import type { CellContent, CellData, SheetData, SheetImportOptions, SheetLimits } from './workbook-data.js';
import { DEFAULT_SHEET_LIMITS, SheetWarnings } from './workbook-data.js';

/** The limits of an import: the file and sheet limits, and `stream`, the limits for large parts read as a stream. */
export type ImportLimits = FileLimits & SheetLimits & { readonly stream: FileLimits };

/**
 * The file and sheet limits in effect for `options`. Worksheet parts are read as a stream, so their element count is
 * bounded by the cell limit (4 elements per cell) unless `maxXmlElements` is given explicitly.
 */
export function sheetLimitsOf(options: SheetImportOptions | undefined): ImportLimits {
  const base = { ...limitsOf(options), ...DEFAULT_SHEET_LIMITS, ...(options?.limits ?? {}) };
  const explicit = options?.limits?.maxXmlElements;
  return { ...base, stream: { ...base, maxXmlElements: explicit ?? Math.max(base.maxXmlElements, base.maxCells * 4 + 100_000) } };
}

/** Counts cells across a whole file against `maxCells`. */
export class CellBudget {
  private used = 0;
  constructor(readonly limits: ImportLimits) {}

  take(count: number): void {
    this.used += count;
    if (this.used > this.limits.maxCells) {
      throw new FileImportError('too-many-cells', `The file holds more than ${this.limits.maxCells} cells; the limit is ${this.limits.maxCells}.`);
    }
  }
}

/** Checks a position against the row and column limits, with an error that names the sheet. */
export function checkPosition(sheet: string, row: number, col: number, limits: SheetLimits): void {
  if (row >= limits.maxRows) throw new FileImportError('too-many-cells', `Sheet "${sheet}" uses row ${row + 1}; the limit is ${limits.maxRows} rows.`);
  if (col >= limits.maxCols) throw new FileImportError('too-many-cells', `Sheet "${sheet}" uses column ${col + 1}; the limit is ${limits.maxCols} columns.`);
}

/** Collects the cells and layout of one sheet while a file is read. */
export class SheetBuilder {
  readonly cells: CellData[] = [];
  readonly colWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenCols = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly merges: string[] = [];
  frozenRows = 0;
  frozenCols = 0;

  constructor(
    readonly name: string,
    private readonly budget: CellBudget,
  ) {}

  /** Whether the cells came in row-major order so far (files nearly always write them so; then no sort is needed). */
  private ordered = true;

  add(cell: CellData): void {
    checkPosition(this.name, cell.row, cell.col, this.budget.limits);
    this.budget.take(1);
    const last = this.cells[this.cells.length - 1];
    if (last && (cell.row < last.row || (cell.row === last.row && cell.col <= last.col))) this.ordered = false;
    this.cells.push(cell);
  }

  build(): SheetData {
    if (!this.ordered) this.cells.sort((a, b) => a.row - b.row || a.col - b.col);
    return {
      name: this.name,
      cells: this.cells,
      colWidths: this.colWidths,
      rowHeights: this.rowHeights,
      hiddenCols: this.hiddenCols,
      hiddenRows: this.hiddenRows,
      merges: this.merges,
      frozenRows: this.frozenRows,
      frozenCols: this.frozenCols,
    };
  }
}

/**
 * The syntax trees of formulas the readers parsed, by their content object, so `importInto` does not parse them again.
 * Held weakly: they go with the data. Content objects are read-only, so the tree always matches `formula`.
 */
const parsedFormulas = new WeakMap<CellContent, A1Ast>();

/** The syntax tree a reader made for this formula content, if any. */
export function parsedFormula(content: CellContent): A1Ast | undefined {
  return parsedFormulas.get(content);
}

/**
 * The content for formula text read from a file (Excel A1 syntax, with or without `=`): a formula when our parser
 * reads it, else the text kept as typed with a `formula-kept-as-text` warning.
 */
export function formulaContent(text: string, warnings: SheetWarnings): CellContent {
  const formula = text.startsWith('=') ? text : '=' + text;
  try {
    const ast = parseFormula(formula);
    const content: CellContent = { kind: 'formula', formula };
    parsedFormulas.set(content, ast);
    return content;
  } catch {
    warnings.add('formula-kept-as-text', formula);
    return { kind: 'formula', formula, bad: true };
  }
}

export { SheetWarnings };
