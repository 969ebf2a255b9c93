import { FileImportError, fromCSV, fromODS, fromXLSX, importInto, toCSV, toODS, toXLSX } from '@allmende/sheet-model';
import type { ImportIntoResult, SheetImportResult, Workbook } from '@allmende/sheet-model';
import type { SheetFileTranslate } from './sheet-file-messages.js';

/** The file formats the spreadsheet imports. */
export type SheetFileFormat = 'ods' | 'xlsx' | 'csv' | 'tsv';

/** What the menus need to know about a format. */
export interface SheetFileFormatInfo {
  readonly format: SheetFileFormat;
  readonly extension: string;
  readonly mimeType: string;
  /** For the file picker's `accept`. */
  readonly accept: readonly string[];
}

export const SHEET_FILE_FORMATS: readonly SheetFileFormatInfo[] = [
  { format: 'ods', extension: 'ods', mimeType: 'application/vnd.oasis.opendocument.spreadsheet', accept: ['.ods', 'application/vnd.oasis.opendocument.spreadsheet'] },
  { format: 'xlsx', extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', accept: ['.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  { format: 'csv', extension: 'csv', mimeType: 'text/csv', accept: ['.csv', 'text/csv'] },
  { format: 'tsv', extension: 'tsv', mimeType: 'text/tab-separated-values', accept: ['.tsv', '.tab', 'text/tab-separated-values'] },
];

/** The format a file name says, or null. */
export function formatOfSheetFileName(name: string): SheetFileFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'tab' || extension === 'txt') return 'tsv';
  return SHEET_FILE_FORMATS.find((info) => info.extension === extension)?.format ?? null;
}

/** The largest file the menu reads at all (the importers' own limit). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Reads a spreadsheet file (nothing in any workbook changes). `locale` tells how CSV numbers are read (`de`: decimal
 * comma). Throws a `FileImportError` for files that cannot be read.
 */
export function readSheetFile(format: SheetFileFormat, bytes: Uint8Array, locale: 'en' | 'de', name: string): SheetImportResult {
  if (bytes.length > MAX_IMPORT_BYTES) throw new FileImportError('too-large', `The file has ${bytes.length} bytes.`);
  const sheetName = name.replace(/\.[^.]+$/, '').trim().slice(0, 100) || 'Sheet1';
  switch (format) {
    case 'ods':
      return fromODS(bytes);
    case 'xlsx':
      return fromXLSX(bytes);
    case 'csv':
      return fromCSV(bytes, { locale, sheetName });
    case 'tsv':
      return fromCSV(bytes, { locale, sheetName, separator: '\t' });
  }
}

/**
 * The most cells (with content, format or style) one import writes: a cap for memory, not for the relay. `importInto`
 * writes in transactions of about 1 MiB of update each, so no message comes near the relay's 16 MiB limit however large
 * the file; but every imported cell is held as read data, as a Yjs item and in the calculation graph of every client
 * that opens the document. 2,000,000 cells (100,000 rows × 20 columns) are about 240 MiB of updates in total.
 */
export const MAX_IMPORT_CELLS = 2_000_000;

/** How many cells read data would write. */
export function importedCellCount(result: SheetImportResult): number {
  return result.data.sheets.reduce((sum, sheet) => sum + sheet.cells.length, 0);
}

/** Applies read data as one undo step, written in bounded transactions (see `importInto`). */
export function applySheetFile(wb: Workbook, result: SheetImportResult, mode: 'replace' | 'new-sheets'): ImportIntoResult {
  return importInto(wb, result.data, { mode });
}

/** The bytes of an export: the whole workbook as ODS or XLSX, or the current sheet as CSV (locale-dependent separator). */
export function writeSheetFile(wb: Workbook, format: 'ods' | 'xlsx' | 'csv', sheet: string): Uint8Array {
  switch (format) {
    case 'ods':
      return toODS(wb);
    case 'xlsx':
      return toXLSX(wb);
    case 'csv':
      return new TextEncoder().encode(toCSV(wb, sheet));
  }
}

/** A file name for an export: the document's name (or "Spreadsheet"), plus the sheet for CSV, without characters file systems refuse. */
export function sheetExportName(documentName: string, untitled: string, extension: string, sheet?: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what file names must not hold
  const clean = (text: string): string => text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  const base = clean(documentName) || untitled;
  const withSheet = sheet ? `${base} - ${clean(sheet)}` : base;
  return `${withSheet.slice(0, 150)}.${extension}`;
}

/** The user's explanation of why a file could not be read. */
export function importErrorMessage(t: SheetFileTranslate, error: unknown, megabytes: string): string {
  if (error instanceof FileImportError) return t('fileError', error.code, megabytes);
  return t('fileError', 'unreadable', megabytes);
}

/** The user's summary of an import's warnings (empty when there were none). */
export function importWarningsMessage(t: SheetFileTranslate, warnings: SheetImportResult['warnings']): string {
  return warnings.map((warning) => t('importWarning', warning.code, warning.count, warning.detail ?? '')).filter(Boolean).join(' ');
}
