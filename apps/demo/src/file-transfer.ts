import { commentsFromYDoc, docFromYDoc, exportDocument, FileImportError, formatOfFileName, importDocument, writeCommentsToYDoc, writeDocToYDoc } from '@allmende/doc-model';
import type { FileFormat } from '@allmende/doc-model';
import { exportICS, importICS } from '@allmende/calendar-model';
import { createWorkbook, fromCSV, fromODS, fromXLSX, importInto, toCSV, toODS, toXLSX } from '@allmende/sheet-model';
import * as Y from 'yjs';
import type { FileKind } from './workspace.js';

/** The file extensions the start page imports, and the kind of file each becomes. */
export const IMPORT_EXTENSIONS: Readonly<Record<string, FileKind>> = {
  '.odt': 'doc',
  '.docx': 'doc',
  '.md': 'doc',
  '.markdown': 'doc',
  '.html': 'doc',
  '.htm': 'doc',
  '.ods': 'sheet',
  '.xlsx': 'sheet',
  '.csv': 'sheet',
  '.ics': 'calendar',
};

/** A file read and checked, ready to become a new workspace file: nothing is created until it is applied. */
export interface PreparedImport {
  readonly kind: FileKind;
  /** The title for the new file: the file name without its extension. */
  readonly title: string;
  /** The content, as one Yjs update to apply to the new file's empty Y.Doc. */
  readonly update: Uint8Array;
}

/**
 * A file that could not be imported; `message` says why in English.
 * `reason` and `code` are for translation: `code` is the reader's
 * `FileImportError` code (@allmende/office-files), `no-events` for a
 * calendar without events, or undefined when `detail` (English, from the
 * reader) is all there is to say.
 */
export class ImportRefusedError extends Error {
  readonly reason: 'unsupported' | 'unreadable';
  readonly code: string | undefined;
  readonly detail: string;

  constructor(reason: 'unsupported' | 'unreadable', message: string, code?: string, detail = message) {
    super(message);
    this.name = 'ImportRefusedError';
    this.reason = reason;
    this.code = code;
    this.detail = detail;
  }
}

/** The kind of file a name's extension imports as, or null for a file the app does not read. */
export function kindOfFileName(name: string): FileKind | null {
  const extension = /\.[a-z0-9]+$/i.exec(name)?.[0]?.toLowerCase() ?? '';
  return IMPORT_EXTENSIONS[extension] ?? null;
}

/**
 * Reads a dropped or picked file completely into a scratch Y.Doc, so that a
 * malformed file is refused before any workspace file exists. Throws an
 * {@link ImportRefusedError} for an extension the app does not read, and for
 * a file the format's reader refuses (its message included).
 */
export function prepareImport(fileName: string, bytes: Uint8Array, locale = 'en'): PreparedImport {
  const kind = kindOfFileName(fileName);
  if (kind === null) {
    throw new ImportRefusedError('unsupported', `“${fileName}” is not a file the app can open: use .odt, .docx, .md, .html, .ods, .xlsx, .csv or .ics.`);
  }
  const scratch = new Y.Doc();
  try {
    if (kind === 'doc') {
      const result = importDocument(formatOfFileName(fileName) as FileFormat, bytes);
      writeDocToYDoc(scratch, result.doc);
      if (result.comments.length > 0) writeCommentsToYDoc(scratch, result.comments);
    } else if (kind === 'sheet') {
      const extension = fileName.toLowerCase().slice(fileName.lastIndexOf('.'));
      const sheetLocale = locale.startsWith('de') ? 'de' : 'en';
      const { data } = extension === '.ods' ? fromODS(bytes) : extension === '.xlsx' ? fromXLSX(bytes) : fromCSV(bytes, { locale: sheetLocale });
      const workbook = createWorkbook(scratch, { seed: false, locale: sheetLocale });
      importInto(workbook, data, { mode: 'replace' });
    } else {
      const text = decodeText(fileName, bytes);
      const { uids } = importICS(scratch, text);
      if (uids.length === 0) throw new ImportRefusedError('unreadable', `“${fileName}” could not be read: the calendar file holds no events.`, 'no-events');
    }
    return { kind, title: titleOfFileName(fileName), update: Y.encodeStateAsUpdate(scratch) };
  } catch (error) {
    if (error instanceof ImportRefusedError) throw error;
    const code = error instanceof FileImportError ? error.code : undefined;
    const detail = error instanceof FileImportError ? error.detail : error instanceof Error ? error.message : String(error);
    throw new ImportRefusedError('unreadable', `“${fileName}” could not be read: ${detail}`, code, detail);
  } finally {
    scratch.destroy();
  }
}

/** The text of a calendar file, which must be UTF-8. */
function decodeText(fileName: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefusedError('unreadable', `“${fileName}” could not be read: it is not UTF-8 text.`, 'bad-text');
  }
}

/** The title a file name gives: without the extension, trimmed, at most 120 characters, never empty. */
export function titleOfFileName(fileName: string): string {
  const base = fileName.replace(/\.[a-z0-9]+$/i, '').replace(/[\p{Cc}\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu, ' ').trim();
  return [...(base || 'Imported')].slice(0, 120).join('');
}

/** An export format the start page offers for a kind of file. */
export interface ExportFormat {
  readonly id: string;
  readonly label: string;
  readonly extension: string;
  readonly mimeType: string;
}

/** The formats each kind of file exports to, ODF first. */
export const EXPORT_FORMATS: Readonly<Record<FileKind, readonly ExportFormat[]>> = {
  doc: [
    { id: 'odt', label: 'ODT', extension: '.odt', mimeType: 'application/vnd.oasis.opendocument.text' },
    { id: 'docx', label: 'DOCX', extension: '.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
    { id: 'markdown', label: 'Markdown', extension: '.md', mimeType: 'text/markdown' },
    { id: 'html', label: 'HTML', extension: '.html', mimeType: 'text/html' },
  ],
  sheet: [
    { id: 'ods', label: 'ODS', extension: '.ods', mimeType: 'application/vnd.oasis.opendocument.spreadsheet' },
    { id: 'xlsx', label: 'XLSX', extension: '.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    { id: 'csv', label: 'CSV', extension: '.csv', mimeType: 'text/csv' },
  ],
  calendar: [{ id: 'ics', label: 'iCalendar', extension: '.ics', mimeType: 'text/calendar' }],
};

/**
 * Writes a file's content in an export format. Throws a `RangeError` for a
 * format the kind does not export to.
 */
export function exportContent(kind: FileKind, doc: Y.Doc, formatId: string, title: string, locale = 'en'): Uint8Array {
  const format = EXPORT_FORMATS[kind].find((candidate) => candidate.id === formatId);
  if (!format) throw new RangeError(`A ${kind} does not export to "${formatId}".`);
  if (kind === 'doc') {
    return exportDocument(formatId as FileFormat, docFromYDoc(doc), { comments: commentsFromYDoc(doc), title, lang: locale });
  }
  if (kind === 'calendar') return new TextEncoder().encode(exportICS(doc));
  const workbook = createWorkbook(doc, { seed: false, locale: locale.startsWith('de') ? 'de' : 'en' });
  try {
    if (formatId === 'ods') return toODS(workbook);
    if (formatId === 'xlsx') return toXLSX(workbook);
    const first = workbook.sheetNames()[0];
    if (first === undefined) throw new RangeError('The spreadsheet has no sheet to export.');
    return new TextEncoder().encode(toCSV(workbook, first));
  } finally {
    workbook.destroy();
  }
}
