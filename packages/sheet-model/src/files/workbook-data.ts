import type { FileLimits } from '@allmende/office-files';
import type { ErrorCode } from '../errors.js';
import type { CellStyle } from '../workbook.js';

/** A cell border edge: line style and colour (`#rrggbb`). */
export interface BorderEdge {
  readonly style: 'thin' | 'medium' | 'thick' | 'double' | 'dashed' | 'dotted';
  readonly color: string;
}

/** The borders of a cell; stored in the workbook as style properties `borderTop` … `borderLeft` (see `cell-borders.ts`). */
export interface CellBorders {
  readonly top?: BorderEdge;
  readonly right?: BorderEdge;
  readonly bottom?: BorderEdge;
  readonly left?: BorderEdge;
}

/** A cell's stored content in a file: a constant, an error constant, or a formula in A1 text. */
export type CellContent =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error'; readonly value: ErrorCode }
  /** `formula` is Excel A1 text with `=`; `bad` marks text our parser cannot read (kept as typed, a warning was given). */
  | { readonly kind: 'formula'; readonly formula: string; readonly bad?: boolean };

/** One cell of a {@link SheetData}: position (zero-based), content, number format and style. */
export interface CellData {
  readonly row: number;
  readonly col: number;
  readonly content?: CellContent;
  /** Number format code, as `Workbook.setFormat` takes it (`0.00`, `DD.MM.YYYY`…). */
  readonly format?: string;
  readonly style?: CellStyle;
  readonly borders?: CellBorders;
}

/** One sheet in file-neutral form. */
export interface SheetData {
  readonly name: string;
  /** Cells with content, a format or a style, in row-major order. */
  readonly cells: readonly CellData[];
  /** Column widths and row heights in pixels, by zero-based index. */
  readonly colWidths: ReadonlyMap<number, number>;
  readonly rowHeights: ReadonlyMap<number, number>;
  /** Hidden columns and rows, by zero-based index (absent: none). */
  readonly hiddenCols?: ReadonlySet<number>;
  readonly hiddenRows?: ReadonlySet<number>;
  /** Merged ranges in A1 notation (`A1:C2`). */
  readonly merges: readonly string[];
  readonly frozenRows: number;
  readonly frozenCols: number;
}

/** A named range: its name and reference in A1 text with sheet names (`Sheet1!$A$1:$B$9`), no `=`. */
export interface NameData {
  readonly name: string;
  readonly reference: string;
}

/** A whole workbook in file-neutral form: what the readers produce and the writers consume. */
export interface WorkbookData {
  readonly sheets: readonly SheetData[];
  readonly names: readonly NameData[];
}

/**
 * Something an importer changed or left out, for telling the user.
 *
 * - `formula-kept-as-text`: formulas our parser cannot read; kept as typed (they show `#ERROR!`), `detail` names the first.
 * - `format-dropped`: number formats that could not be read; the values keep General format.
 * - `name-dropped`: named ranges that could not be read or whose name was taken (in "add as new sheets" mode).
 * - `sheet-renamed`: sheets renamed because the workbook already had a sheet of that name.
 * - `unknown-content`: parts of the file this importer does not know (charts, images, comments…), left out.
 * - `rows-padded`: CSV rows of different lengths (read as they are; reported for information).
 */
export interface SheetImportWarning {
  readonly code: 'formula-kept-as-text' | 'format-dropped' | 'name-dropped' | 'sheet-renamed' | 'unknown-content' | 'rows-padded';
  readonly count: number;
  readonly detail?: string;
}

/** Every warning code, for catalogs of translated messages. */
export const SHEET_WARNING_CODES: readonly SheetImportWarning['code'][] = [
  'formula-kept-as-text',
  'format-dropped',
  'name-dropped',
  'sheet-renamed',
  'unknown-content',
  'rows-padded',
];

/** What `fromODS`, `fromXLSX` and `fromCSV` return; apply it with `importInto`. */
export interface SheetImportResult {
  readonly data: WorkbookData;
  readonly warnings: readonly SheetImportWarning[];
}

/** Bounds on the sheets a file may hold, besides the zip and XML limits of `@allmende/office-files`. */
export interface SheetLimits {
  /** The most rows a sheet may use (default 1,048,576, as Excel). */
  readonly maxRows: number;
  /** The most columns a sheet may use (default 16,384, as Excel). */
  readonly maxCols: number;
  /** The most cells with content, format or style in the whole file (default 5,000,000). */
  readonly maxCells: number;
  /** The most sheets (default 256). */
  readonly maxSheets: number;
}

/** The default {@link SheetLimits}. */
export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxRows: 1_048_576, maxCols: 16_384, maxCells: 5_000_000, maxSheets: 256 };

/** Options of the spreadsheet importers. */
export interface SheetImportOptions {
  readonly limits?: Partial<FileLimits & SheetLimits>;
}

/** Collects warnings by code while a file is read. */
export class SheetWarnings {
  private readonly counts = new Map<SheetImportWarning['code'], { count: number; detail?: string }>();

  add(code: SheetImportWarning['code'], detail?: string, count = 1): void {
    const entry = this.counts.get(code);
    if (entry) entry.count += count;
    else this.counts.set(code, detail === undefined ? { count } : { count, detail });
  }

  list(): SheetImportWarning[] {
    return [...this.counts]
      .map(([code, { count, detail }]) => (detail === undefined ? { code, count } : { code, count, detail }))
      .sort((a, b) => a.code.localeCompare(b.code));
  }
}
