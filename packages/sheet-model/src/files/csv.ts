import { decodeUtf8Text, FileImportError } from '@allmende/office-files';
import { formatAddress } from '../a1.js';
import { serialToDate, serialToTime } from '../dates.js';
import { FormulaError } from '../errors.js';
import type { Locale } from '../number-format.js';
import { parseUserInput } from '../user-input.js';
import { numberToText } from '../values.js';
import type { Workbook } from '../workbook.js';
import { isDateFormat, isTimeOnlyFormat } from './format-kinds.js';
import { CellBudget, SheetBuilder, sheetLimitsOf } from './sheet-builder.js';
import type { SheetImportOptions, SheetImportResult } from './workbook-data.js';
import { SheetWarnings } from './workbook-data.js';

/** A CSV field separator. */
export type CsvSeparator = ',' | ';' | '\t';

/** Options of {@link fromCSV}. */
export interface CsvImportOptions extends SheetImportOptions {
  /** How numbers and dates in the text are read: `de` reads `1.234,5` and `24.12.2024`. Default `en`. */
  readonly locale?: Locale;
  /** The separator; detected among `,` `;` and tab when not given. */
  readonly separator?: CsvSeparator;
  /** The name of the sheet the rows go into (default "Sheet1"). */
  readonly sheetName?: string;
}

/** Options of {@link toCSV}. */
export interface CsvExportOptions {
  /** The separator; default `,` (`;` when `locale` is `de`, as German spreadsheet programs expect). */
  readonly separator?: CsvSeparator;
  /**
   * Guards against formula injection: a text value that starts with `=`, `+`, `-`, `@`, tab or carriage return is
   * written with a leading `'`, so a spreadsheet program opening the file shows it as text instead of running it. On by
   * default; pass false for files that only programs read.
   */
  readonly guardFormulas?: boolean;
  /**
   * `raw` (default) writes numbers as numbers (decimal point, or comma for `de`), dates as ISO `YYYY-MM-DD`
   * (`YYYY-MM-DD hh:mm:ss` with a time); `display` writes each cell as it is displayed with its number format.
   */
  readonly values?: 'raw' | 'display';
  /** The locale of `display` values and of raw decimal separators; default the workbook's. */
  readonly locale?: Locale;
  /** Start with a UTF-8 byte order mark (helps older Excel versions detect UTF-8); default false. */
  readonly bom?: boolean;
}

const SEPARATORS: readonly CsvSeparator[] = ['\t', ';', ','];

/** Counts separators outside quotes in the first lines, and picks the one that splits them most consistently. */
export function detectSeparator(text: string): CsvSeparator {
  const lines: Map<CsvSeparator, number>[] = [];
  let counts = new Map<CsvSeparator, number>();
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 20; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      lines.push(counts);
      counts = new Map();
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  if (counts.size > 0 || lines.length === 0) lines.push(counts);
  let best: CsvSeparator = ',';
  let bestScore = -1;
  for (const sep of SEPARATORS) {
    const first = lines[0]!.get(sep) ?? 0;
    if (first === 0) continue;
    // Lines that split into as many fields as the first one, then the number of fields.
    const consistent = lines.filter((line) => (line.get(sep) ?? 0) === first).length;
    const score = consistent * 1000 + Math.min(first, 999);
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

/** Splits CSV text into rows of fields per RFC 4180 (quoted fields may hold separators, quotes as `""` and line breaks). */
export function parseCsvRows(text: string, separator: CsvSeparator, onRow: (fields: string[], quoted: boolean[]) => void): void {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let fields: string[] = [];
  let quoted: boolean[] = [];
  while (i <= n) {
    // One field
    let value = '';
    let wasQuoted = false;
    if (text[i] === '"') {
      wasQuoted = true;
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          // An unclosed quote takes the rest of the file, as spreadsheet programs do.
          value += text.slice(i);
          i = n;
          break;
        }
        value += text.slice(i, close);
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      // Text between the closing quote and the next separator is kept (lenient, like spreadsheet programs).
      while (i < n && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
    } else {
      const start = i;
      while (i < n && text[i] !== separator && text[i] !== '\n' && text[i] !== '\r') i++;
      value = text.slice(start, i);
    }
    fields.push(value);
    quoted.push(wasQuoted);
    if (i < n && text[i] === separator) {
      i++;
      continue;
    }
    // End of a record
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
    const emptyLast = i >= n && fields.length === 1 && fields[0] === '' && !quoted[0];
    if (!emptyLast) onRow(fields, quoted);
    fields = [];
    quoted = [];
    if (i >= n) break;
  }
}

/**
 * Reads CSV or TSV text (or UTF-8 bytes, with or without BOM) into one sheet. Numbers, percentages, dates and
 * booleans are recognised as a user typing them would be (in `locale`; `de` reads the decimal comma); quoted fields
 * that look like numbers are numbers too. A field starting with `=` stays text: formulas from CSV files are never run.
 * A leading `'` (as {@link toCSV}'s injection guard writes) is removed and the rest kept as text.
 */
export function fromCSV(input: string | Uint8Array, options: CsvImportOptions = {}): SheetImportResult {
  const limits = sheetLimitsOf(options);
  const size = typeof input === 'string' ? input.length : input.length;
  if (size > limits.maxFileBytes) throw new FileImportError('too-large', `The file has ${size} bytes; the limit is ${limits.maxFileBytes}.`);
  const text = typeof input === 'string' ? input : decodeUtf8Text(input);
  const separator = options.separator ?? detectSeparator(text);
  const locale = options.locale ?? 'en';
  const warnings = new SheetWarnings();
  const sheet = new SheetBuilder(options.sheetName ?? 'Sheet1', new CellBudget(limits));
  let row = 0;
  let width = -1;
  let ragged = 0;
  parseCsvRows(text, separator, (fields) => {
    if (width >= 0 && fields.length !== width) ragged++;
    width = Math.max(width, fields.length);
    fields.forEach((field, col) => {
      if (field === '') return;
      if (field.startsWith('=')) {
        sheet.add({ row, col, content: { kind: 'text', value: field } });
        return;
      }
      const parsed = parseUserInput(field, locale);
      if (parsed.kind === 'value') {
        const content = typeof parsed.value === 'number' ? { kind: 'number' as const, value: parsed.value } : typeof parsed.value === 'boolean' ? { kind: 'boolean' as const, value: parsed.value } : { kind: 'text' as const, value: parsed.value };
        sheet.add({ row, col, content, ...(parsed.format !== undefined ? { format: parsed.format } : {}) });
      } else sheet.add({ row, col, content: { kind: 'text', value: field } });
    });
    row++;
    if (row > limits.maxRows) throw new FileImportError('too-many-cells', `The file has more than ${limits.maxRows} rows; the limit is ${limits.maxRows}.`);
  });
  if (ragged > 0) warnings.add('rows-padded', undefined, ragged);
  return { data: { sheets: [sheet.build()], names: [] }, warnings: warnings.list() };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A number as raw CSV text: dates and times as ISO text, others with `.` (or `,` for `de`). */
function rawNumber(value: number, format: string | undefined, locale: Locale): string {
  if (format !== undefined && isDateFormat(format)) {
    const time = serialToTime(value);
    const clock = `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
    if (isTimeOnlyFormat(format)) return clock;
    const date = serialToDate(Math.floor(value));
    const day = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
    return value === Math.floor(value) ? day : `${day} ${clock}`;
  }
  const text = numberToText(value);
  return locale === 'de' ? text.replace('.', ',') : text;
}

/** Quotes a field when it holds the separator, a quote, a line break, or leading or trailing spaces. */
function quoteField(text: string, separator: CsvSeparator): string {
  if (text.includes(separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** Text that a spreadsheet program would run as a formula, per the usual CSV-injection advice. */
const DANGEROUS = /^[=+\-@\t\r]/;

/**
 * Writes one sheet as CSV (RFC 4180: CRLF line ends, fields quoted where needed) with the computed values of its
 * cells, up to the last row and column that hold something. Formula injection is guarded by default (see
 * {@link CsvExportOptions.guardFormulas}).
 */
export function toCSV(wb: Workbook, sheet: string, options: CsvExportOptions = {}): string {
  const locale = options.locale ?? wb.locale;
  const separator = options.separator ?? (locale === 'de' ? ';' : ',');
  const guard = options.guardFormulas ?? true;
  const id = wb.sheetId(sheet);
  const t = wb.model.sheet(id);
  const rows = wb.model.visibleOf(t.rows).index;
  const cols = wb.model.visibleOf(t.cols).index;
  let lastRow = -1;
  let lastCol = -1;
  wb.model.forEachCell(id, (_, key) => {
    const sep = key.indexOf(':');
    const r = rows.get(key.slice(0, sep));
    const c = cols.get(key.slice(sep + 1));
    if (r === undefined || c === undefined) return;
    lastRow = Math.max(lastRow, r);
    lastCol = Math.max(lastCol, c);
  });
  const lines: string[] = [];
  for (let r = 0; r <= lastRow; r++) {
    const fields: string[] = [];
    for (let c = 0; c <= lastCol; c++) {
      const address = formatAddress(r, c);
      const value = wb.getValue(sheet, address);
      let text: string;
      if (value === null) text = '';
      else if (options.values === 'display') text = displayIn(wb, sheet, address, locale);
      else if (value instanceof FormulaError) text = value.code;
      else if (typeof value === 'number') text = rawNumber(value, wb.getFormat(sheet, address), locale);
      else if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
      else text = value;
      if (guard && typeof value === 'string' && DANGEROUS.test(text)) text = "'" + text;
      fields.push(quoteField(text, separator));
    }
    lines.push(fields.join(separator));
  }
  const body = lines.length ? lines.join('\r\n') + '\r\n' : '';
  return (options.bom ? '\ufeff' : '') + body;
}

/** A cell as displayed in `locale` (the workbook's locale is switched for the call and restored). */
function displayIn(wb: Workbook, sheet: string, address: string, locale: Locale): string {
  const before = wb.locale;
  wb.locale = locale;
  try {
    return wb.getDisplay(sheet, address);
  } finally {
    wb.locale = before;
  }
}
