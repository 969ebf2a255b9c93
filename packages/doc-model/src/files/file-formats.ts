import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { strFromU8, strToU8 } from 'fflate';
import { fromDOCX } from './docx-read.js';
import type { DocumentExportOptions } from './file-comments.js';
import { toDOCX } from './docx-write.js';
import { FileImportError } from './file-error.js';
import type { ImportResult } from './file-error.js';
import { exportWarnings } from './export-warnings.js';
import type { ExportWarning } from './export-warnings.js';
import { fromHTML, toHTML } from './html-file.js';
import { limitsOf } from './limits.js';
import type { ImportOptions } from './limits.js';
import { fromMarkdown } from './markdown-read.js';
import { toMarkdown } from './markdown-write.js';
import { fromODT } from './odt-read.js';
import { toODT } from './odt-write.js';

/** The file formats a document can be imported from and exported to. */
export type FileFormat = 'odt' | 'docx' | 'markdown' | 'html';

/** What a host needs to offer a format: extension, MIME type, and the file picker's `accept`. */
export interface FileFormatInfo {
  readonly format: FileFormat;
  /** The usual extension, with the dot. */
  readonly extension: string;
  readonly mimeType: string;
  /** Extensions and types a file picker should accept for this format. */
  readonly accept: readonly string[];
}

/** How many of `comments` an export in `format` leaves out: all of them for Markdown and HTML, none for ODT and DOCX. */
export function droppedComments(format: FileFormat, comments: readonly unknown[] = []): number {
  return format === 'odt' || format === 'docx' ? 0 : comments.length;
}

/** The formats, in the order an Import or Export menu lists them (ODF first: the public sector's standard). */
export const FILE_FORMATS: readonly FileFormatInfo[] = [
  { format: 'odt', extension: '.odt', mimeType: 'application/vnd.oasis.opendocument.text', accept: ['.odt', 'application/vnd.oasis.opendocument.text'] },
  {
    format: 'docx',
    extension: '.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    accept: ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  },
  { format: 'markdown', extension: '.md', mimeType: 'text/markdown', accept: ['.md', '.markdown', 'text/markdown'] },
  { format: 'html', extension: '.html', mimeType: 'text/html', accept: ['.html', '.htm', 'text/html'] },
];

/** The format a file name's extension names, or null. */
export function formatOfFileName(name: string): FileFormat | null {
  const extension = /\.[a-z0-9]+$/i.exec(name)?.[0]?.toLowerCase() ?? '';
  return FILE_FORMATS.find((info) => info.accept.includes(extension))?.format ?? null;
}

/**
 * Decodes UTF-8 text and refuses bytes that are not UTF-8 (`bad-text`), so
 * a binary file picked as Markdown is reported instead of imported as
 * garbage. A byte-order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) throw new FileImportError('bad-text', `The file is not UTF-8 text (byte ${index}).`);
    for (let next = 1; next < length; next++) {
      if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) throw new FileImportError('bad-text', `The file is not UTF-8 text (byte ${index}).`);
    }
    if (byte === 0) throw new FileImportError('bad-text', 'The file holds NUL bytes; it is not a text file.');
    index += length;
  }
  const text = strFromU8(bytes);
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/**
 * Reads a file of `format` from its bytes. Throws a {@link FileImportError}
 * for files that cannot be read, before anything is changed.
 */
export function importDocument(format: FileFormat, bytes: Uint8Array, options?: ImportOptions): ImportResult {
  const limits = limitsOf(options);
  if (bytes.length > limits.maxFileBytes) {
    throw new FileImportError('too-large', `The file has ${bytes.length} bytes; the limit is ${limits.maxFileBytes}.`);
  }
  switch (format) {
    case 'odt':
      return fromODT(bytes, options);
    case 'docx':
      return fromDOCX(bytes, options);
    case 'markdown':
      return fromMarkdown(decodeUtf8(bytes), options);
    case 'html':
      return fromHTML(decodeUtf8(bytes), options);
  }
}

/** Options of {@link exportDocument}. */
export interface ExportOptions extends DocumentExportOptions {
  /** The HTML page's title. */
  readonly title?: string;
  /** The HTML page's language. */
  readonly lang?: string;
  /**
   * Called once per kind of change the format forces on the document (see
   * `ExportWarning`: comments Markdown and HTML cannot hold, quotes in
   * quotes, blocks in quotes and list items that ODT or DOCX cannot nest),
   * with a count, before the bytes are returned. Nothing is reported when
   * importing the file gives the document back.
   */
  readonly onWarning?: (warning: ExportWarning) => void;
}

/**
 * Writes a document in `format` as bytes (UTF-8 for the text formats).
 * `options.comments` (from `commentsFromYDoc`) are written into ODT and
 * DOCX; Markdown and HTML have no comments and leave them out (see
 * {@link droppedComments}). `options.onWarning` hears what the format
 * could not hold.
 */
export function exportDocument(format: FileFormat, doc: ProseMirrorNode, options: ExportOptions = {}): Uint8Array {
  if (options.onWarning) for (const warning of exportWarnings(format, doc, droppedComments(format, options.comments))) options.onWarning(warning);
  switch (format) {
    case 'odt':
      return toODT(doc, options);
    case 'docx':
      return toDOCX(doc, options);
    case 'markdown':
      return strToU8(toMarkdown(doc));
    case 'html':
      return strToU8(toHTML(doc, options));
  }
}
