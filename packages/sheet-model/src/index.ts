export { createWorkbook, Workbook, STYLE_KEYS, BORDER_LINES } from './workbook.js';
export type { BorderLine, CellInput, CellValue, CellStyle, SortKey, WorkbookOptions } from './workbook.js';
export { FormulaError, ERR, ERROR_CODES } from './errors.js';
export type { ErrorCode } from './errors.js';
export { parseFormula } from './parser.js';
export { FormulaSyntaxError } from './tokenizer.js';
export { printA1Formula } from './printer.js';
export type { A1Ast, IdAst, A1Ref, A1Range, IdRef, IdRange, Ast, BinaryOp } from './ast.js';
export { formatNumber, NUMBER_FORMATS } from './number-format.js';
export type { Locale } from './number-format.js';
export { columnLetters, columnIndex, parseAddress, formatAddress, MAX_ROWS, MAX_COLS } from './a1.js';
export { dateToSerial, serialToDate } from './dates.js';
export { functionNames } from './functions.js';
export type { RecalcStats } from './engine.js';
export { fromCSV, toCSV, detectSeparator } from './files/csv.js';
export type { CsvExportOptions, CsvImportOptions, CsvSeparator } from './files/csv.js';
export { fromXLSX } from './files/xlsx-read.js';
export { toXLSX } from './files/xlsx-write.js';
export type { SheetExportOptions } from './files/xlsx-write.js';
export { fromODS } from './files/ods-read.js';
export { toODS } from './files/ods-write.js';
export { importInto } from './files/import-into.js';
export type { ImportIntoOptions, ImportIntoResult } from './files/import-into.js';
export { IMPORT_CHUNK_BYTES } from './files/import-chunks.js';
export type { ImportProgress } from './files/import-chunks.js';
export { getBorders } from './files/cell-borders.js';
export { DEFAULT_SHEET_LIMITS, SHEET_WARNING_CODES } from './files/workbook-data.js';
export type {
  BorderEdge,
  CellBorders,
  CellContent,
  CellData,
  NameData,
  SheetData,
  SheetImportOptions,
  SheetImportResult,
  SheetImportWarning,
  SheetLimits,
  WorkbookData,
} from './files/workbook-data.js';
export { FILE_ERROR_CODES, FileImportError } from '@allmende/office-files';
export type { FileErrorCode } from '@allmende/office-files';
