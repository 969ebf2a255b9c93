import { childElements, FileImportError, firstChild, parseXML, readZip, streamXML, textOf, zipText } from '@allmende/office-files';
import type { XmlElement, ZipEntries } from '@allmende/office-files';
import { MAX_COLS, MAX_ROWS, parseAddress } from '../a1.js';
import { dateToSerial } from '../dates.js';
import { parseErrorCode } from '../errors.js';
import { parseFormula } from '../parser.js';
import { printA1Formula } from '../printer.js';
import type { A1Ast } from '../ast.js';
import type { CellStyle } from '../workbook.js';
import { shiftA1Formula } from './formula-shift.js';
import { isDateFormat } from './format-kinds.js';
import { stripFunctionPrefixes } from './function-names.js';
import { CellBudget, checkPosition, formulaContent, SheetBuilder, sheetLimitsOf } from './sheet-builder.js';
import type { ImportLimits } from './sheet-builder.js';
import type { BorderEdge, CellBorders, CellContent, NameData, SheetData, SheetImportOptions, SheetImportResult } from './workbook-data.js';
import { SheetWarnings } from './workbook-data.js';
import { BUILTIN_NUMBER_FORMATS } from './xlsx-formats.js';
import { PT_PER_PX, PX_PER_CHAR } from './xlsx-write.js';

const PREFIXES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main': 'x',
  'http://purl.oclc.org/ooxml/spreadsheetml/main': 'x',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr',
};

/** What one cell format (`xf`) of styles.xml means for us. */
interface XfInfo {
  readonly format?: string;
  readonly style?: CellStyle;
  readonly borders?: CellBorders;
}

function colorOf(element: XmlElement | null): string | undefined {
  const rgb = element?.attrs['rgb'];
  if (!rgb || !/^[0-9a-f]{6,8}$/i.test(rgb)) return undefined;
  return '#' + rgb.slice(-6).toLowerCase();
}

const BORDER_STYLES: Readonly<Record<string, BorderEdge['style']>> = {
  thin: 'thin', hair: 'thin', medium: 'medium', thick: 'thick', double: 'double',
  dashed: 'dashed', mediumDashed: 'dashed', dashDot: 'dashed', mediumDashDot: 'dashed', dashDotDot: 'dashed', mediumDashDotDot: 'dashed', slantDashDot: 'dashed',
  dotted: 'dotted',
};

function readStyles(root: XmlElement | null): XfInfo[] {
  if (!root) return [];
  const formats = new Map(BUILTIN_NUMBER_FORMATS);
  for (const fmt of childElements(firstChild(root, 'x:numFmts') ?? root, 'x:numFmt')) {
    const id = Number(fmt.attrs['numFmtId']);
    const code = fmt.attrs['formatCode'];
    if (Number.isInteger(id) && code !== undefined) formats.set(id, code);
  }
  const fontList = childElements(firstChild(root, 'x:fonts') ?? root, 'x:font');
  // The first font is the workbook's default: its size and colour are not cell styles.
  const baseSize = Number(fontList[0] ? firstChild(fontList[0], 'x:sz')?.attrs['val'] : 11) || 11;
  const fonts = fontList.map((font): CellStyle => {
    const style: CellStyle = {};
    const on = (name: string): boolean => {
      const el = firstChild(font, name);
      return el !== null && el.attrs['val'] !== '0' && el.attrs['val'] !== 'false' && el.attrs['val'] !== 'none';
    };
    if (on('x:b')) style.bold = true;
    if (on('x:i')) style.italic = true;
    if (on('x:u')) style.underline = true;
    if (on('x:strike')) style.strike = true;
    const color = colorOf(firstChild(font, 'x:color'));
    if (color && color !== '#000000') style.color = color;
    const size = Number(firstChild(font, 'x:sz')?.attrs['val']);
    if (Number.isFinite(size) && size > 0 && size !== baseSize) style.fontSize = size;
    return style;
  });
  const fills = childElements(firstChild(root, 'x:fills') ?? root, 'x:fill').map((fill) => {
    const pattern = firstChild(fill, 'x:patternFill');
    if (!pattern || pattern.attrs['patternType'] !== 'solid') return undefined;
    return colorOf(firstChild(pattern, 'x:fgColor'));
  });
  const borders = childElements(firstChild(root, 'x:borders') ?? root, 'x:border').map((border): CellBorders | undefined => {
    const out: { -readonly [K in keyof CellBorders]: BorderEdge } = {};
    for (const edge of ['top', 'right', 'bottom', 'left'] as const) {
      const el = firstChild(border, `x:${edge}`);
      const style = el?.attrs['style'] ? BORDER_STYLES[el.attrs['style']] : undefined;
      if (el && style) out[edge] = { style, color: colorOf(firstChild(el, 'x:color')) ?? '#000000' };
    }
    return Object.keys(out).length ? out : undefined;
  });
  return childElements(firstChild(root, 'x:cellXfs') ?? root, 'x:xf').map((xf): XfInfo => {
    let code = formats.get(Number(xf.attrs['numFmtId'] ?? 0));
    // Date formats escape their separators (`dd\.mm\.yyyy`); in a date they are literal anyway.
    if (code !== undefined && isDateFormat(code)) code = code.replace(/\\([.\-/ ,:])/g, '$1').replace(/^(\[\$-[0-9A-F]+\])/i, '');
    // LibreOffice gives boolean cells a format "TRUE";"TRUE";"FALSE": booleans need none.
    if (code !== undefined && /^"TRUE";"TRUE";"FALSE"$/i.test(code)) code = undefined;
    const style: CellStyle = { ...(fonts[Number(xf.attrs['fontId'] ?? 0)] ?? {}) };
    const fill = fills[Number(xf.attrs['fillId'] ?? 0)];
    if (fill) style.background = fill;
    const alignment = firstChild(xf, 'x:alignment');
    if (alignment) {
      const h = alignment.attrs['horizontal'];
      if (h === 'left' || h === 'center' || h === 'right') style.align = h;
      const v = alignment.attrs['vertical'];
      // bottom is Excel's default (LibreOffice writes it on every cell), so it is not kept as a style.
      if (v === 'top') style.valign = v;
      else if (v === 'center') style.valign = 'middle';
      if (alignment.attrs['wrapText'] === '1' || alignment.attrs['wrapText'] === 'true') style.wrap = true;
    }
    const border = borders[Number(xf.attrs['borderId'] ?? 0)];
    return {
      ...(code !== undefined && code !== 'General' ? { format: code } : {}),
      ...(Object.keys(style).length ? { style } : {}),
      ...(border ? { borders: border } : {}),
    };
  });
}

function readSharedStrings(text: string | undefined, limits: ImportLimits): string[] {
  if (text === undefined) return [];
  const out: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  streamXML(text, 'xl/sharedStrings.xml', limits.stream, PREFIXES, {
    open: (name) => {
      if (name === 'x:si') current = '';
      else if (name === 'x:rPh') phonetic++;
      else if (name === 'x:t' && phonetic === 0) inText = true;
    },
    close: (name) => {
      if (name === 'x:si') out.push(current);
      else if (name === 'x:rPh') phonetic--;
      else if (name === 'x:t') inText = false;
    },
    text: (value) => {
      if (inText) current += value;
    },
  });
  return out;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function relationships(entries: ZipEntries, path: string, limits: ImportLimits): Map<string, string> {
  const out = new Map<string, string>();
  const bytes = entries.get(path);
  if (!bytes) return out;
  const root = parseXML(zipText(entries, path, 'XLSX'), path, limits, PREFIXES);
  const owner = path.replace(/_rels\/([^/]*)\.rels$/, '$1');
  for (const rel of childElements(root, 'pr:Relationship')) {
    const id = rel.attrs['Id'];
    const target = rel.attrs['Target'];
    if (id && target && rel.attrs['TargetMode'] !== 'External') out.set(id, resolveTarget(owner, target));
  }
  return out;
}

/** Serial of an ISO date (`t="d"` cells). */
function isoSerial(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text);
  if (!m) return undefined;
  const day = dateToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
  return day + (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86400;
}

/** Column count of the packed positions {@link fastAddress} returns. */
const COL_SPAN = 1 << 15;

/**
 * A plain A1 address (`B12`, no `$`) as `row * COL_SPAN + col`, or -1 for anything else (the caller then uses
 * `parseAddress` for its error). Avoids a regular expression and an object per cell.
 */
function fastAddress(text: string): number {
  let col = 0;
  let i = 0;
  for (; i < text.length && i < 4; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === 0 || i > 3 || i === text.length) return -1;
  let row = 0;
  for (; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 48 || ch > 57 || row > 10_000_000) return -1;
    row = row * 10 + (ch - 48);
  }
  if (row < 1 || row > MAX_ROWS || col > MAX_COLS) return -1;
  return (row - 1) * COL_SPAN + (col - 1);
}

interface SheetContext {
  readonly name: string;
  readonly path: string;
  readonly xfs: readonly XfInfo[];
  readonly strings: readonly string[];
  readonly date1904: boolean;
}

function readSheet(text: string, ctx: SheetContext, budget: CellBudget, warnings: SheetWarnings): SheetData {
  const limits = budget.limits;
  const sheet = new SheetBuilder(ctx.name, budget);
  const shared = new Map<string, { ast: A1Ast | null; text: string; row: number; col: number }>();
  const colRanges: { min: number; max: number; px: number | undefined; hidden: boolean }[] = [];
  let row = -1;
  let nextCol = 0;
  let usedCols = 0;
  // The cell being read
  let cell: { row: number; col: number; s: number; t: string } | null = null;
  let formula: { text: string; t?: string; si?: string } | null = null;
  let value = '';
  let inline = '';
  let capture: 'v' | 'f' | 'is' | null = null;
  const finishCell = (): void => {
    const c = cell!;
    const xf = ctx.xfs[c.s] ?? {};
    let content: CellContent | undefined;
    if (formula) {
      let text = formula.text;
      if (formula.t === 'shared' && formula.si !== undefined) {
        const master = shared.get(formula.si);
        if (text.trim() !== '') {
          const plain = stripFunctionPrefixes(text);
          let ast: A1Ast | null;
          try {
            ast = parseFormula(plain);
          } catch {
            ast = null;
          }
          shared.set(formula.si, { ast, text, row: c.row, col: c.col });
        } else if (master) {
          text = master.ast ? printA1Formula(shiftA1Formula(master.ast, c.row - master.row, c.col - master.col)).slice(1) : master.text;
        }
      }
      if (text.trim() !== '') content = formulaContent(stripFunctionPrefixes(text), warnings);
    }
    if (!content) {
      switch (c.t) {
        case 's': {
          const s = ctx.strings[Number(value)];
          if (s !== undefined) content = { kind: 'text', value: s };
          break;
        }
        case 'str':
          if (value !== '') content = { kind: 'text', value };
          break;
        case 'inlineStr':
          if (inline !== '') content = { kind: 'text', value: inline };
          break;
        case 'b':
          if (value !== '') content = { kind: 'boolean', value: value.trim() === '1' || value.trim() === 'true' };
          break;
        case 'e': {
          const code = parseErrorCode(value.trim());
          if (code) content = { kind: 'error', value: code };
          break;
        }
        case 'd': {
          const serial = isoSerial(value.trim());
          if (serial !== undefined) content = { kind: 'number', value: serial };
          break;
        }
        default:
          if (value.trim() !== '') {
            let number = Number(value);
            if (Number.isFinite(number)) {
              if (ctx.date1904 && xf.format !== undefined && isDateFormat(xf.format)) number += 1462;
              content = { kind: 'number', value: number };
            }
          }
      }
    }
    if (content || c.s !== 0) {
      if (!content && !xf.format && !xf.style && !xf.borders) return;
      const data: { row: number; col: number; content?: CellContent; format?: string; style?: CellStyle; borders?: CellBorders } = { row: c.row, col: c.col };
      if (content) data.content = content;
      if (xf.format) data.format = xf.format;
      if (xf.style) data.style = xf.style;
      if (xf.borders) data.borders = xf.borders;
      sheet.add(data);
      usedCols = Math.max(usedCols, c.col + 1);
    }
  };
  streamXML(text, ctx.path, limits.stream, PREFIXES, {
    open: (name, attrs) => {
      switch (name) {
        case 'x:row': {
          const r = attrs['r'] !== undefined ? Number(attrs['r']) - 1 : row + 1;
          if (!Number.isInteger(r) || r < 0) throw new FileImportError('bad-xml', `${ctx.path} has a row numbered "${attrs['r']}".`);
          checkPosition(ctx.name, r, 0, limits);
          row = r;
          nextCol = 0;
          const ht = Number(attrs['ht']);
          if (isTrue(attrs['customHeight']) && Number.isFinite(ht) && ht >= 0) sheet.rowHeights.set(r, Math.round((ht / PT_PER_PX) * 100) / 100);
          if (isTrue(attrs['hidden'])) sheet.hiddenRows.add(r);
          break;
        }
        case 'x:c': {
          let cellRow = Math.max(row, 0);
          let cellCol = nextCol;
          const r = attrs['r'];
          if (r !== undefined) {
            const position = fastAddress(r);
            if (position < 0) {
              let parsed: { row: number; col: number };
              try {
                parsed = parseAddress(r);
              } catch {
                throw new FileImportError('too-many-cells', `${ctx.path} has a cell at "${r}", beyond the sheet's limits.`);
              }
              cellRow = parsed.row;
              cellCol = parsed.col;
            } else {
              cellRow = Math.floor(position / COL_SPAN);
              cellCol = position % COL_SPAN;
            }
          }
          checkPosition(ctx.name, cellRow, cellCol, limits);
          nextCol = cellCol + 1;
          cell = { row: cellRow, col: cellCol, s: Number(attrs['s'] ?? 0) || 0, t: attrs['t'] ?? 'n' };
          formula = null;
          value = '';
          inline = '';
          break;
        }
        case 'x:f':
          formula = { text: '', ...(attrs['t'] !== undefined ? { t: attrs['t'] } : {}), ...(attrs['si'] !== undefined ? { si: attrs['si'] } : {}) };
          capture = 'f';
          break;
        case 'x:v':
          capture = 'v';
          break;
        case 'x:is':
          capture = 'is';
          break;
        case 'x:rPh':
          if (capture === 'is') capture = null;
          break;
        case 'x:pane':
          if (attrs['state'] === 'frozen' || attrs['state'] === 'frozenSplit') {
            sheet.frozenCols = Math.max(0, Math.floor(Number(attrs['xSplit'] ?? 0)) || 0);
            sheet.frozenRows = Math.max(0, Math.floor(Number(attrs['ySplit'] ?? 0)) || 0);
          }
          break;
        case 'x:col': {
          const min = Number(attrs['min']) - 1;
          const max = Number(attrs['max']) - 1;
          const width = Number(attrs['width']);
          if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max < min) break;
          const px = Number.isFinite(width) && isTrue(attrs['customWidth']) ? Math.round(width * PX_PER_CHAR * 100) / 100 : undefined;
          if (px !== undefined || isTrue(attrs['hidden'])) colRanges.push({ min, max, px, hidden: isTrue(attrs['hidden']) });
          break;
        }
        case 'x:mergeCell':
          if (attrs['ref'] && /^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(attrs['ref'])) sheet.merges.push(attrs['ref'].toUpperCase());
          break;
        case 'x:drawing':
        case 'x:legacyDrawing':
        case 'x:tableParts':
        case 'x:conditionalFormatting':
        case 'x:dataValidations':
          warnings.add('unknown-content', name.slice(2));
          break;
      }
    },
    close: (name) => {
      if (name === 'x:c' && cell) {
        finishCell();
        cell = null;
      } else if (name === 'x:v' || name === 'x:f' || name === 'x:is') capture = null;
    },
    text: (t) => {
      if (capture === 'v') value += t;
      else if (capture === 'f' && formula) formula.text += t;
      else if (capture === 'is') inline += t;
    },
  });
  // Column widths apply to the columns in use (LibreOffice lists ranges up to the last column of the sheet).
  const widthLimit = Math.max(usedCols, 256);
  for (const range of colRanges) {
    for (let c = range.min; c <= Math.min(range.max, widthLimit - 1); c++) {
      if (range.px !== undefined) sheet.colWidths.set(c, range.px);
      if (range.hidden) sheet.hiddenCols.add(c);
    }
  }
  return sheet.build();
}

/**
 * Reads an Office Open XML spreadsheet (.xlsx) into file-neutral data (apply it with `importInto`). Values with their
 * types, formulas (shared formulas expanded), number formats, fonts, fills, borders, alignment, column widths, row
 * heights, merges, frozen panes and named ranges are read; charts, images, comments and conditional formats are left
 * out with a warning. Throws a `FileImportError` for files it cannot read; nothing is changed anywhere then.
 */
export function fromXLSX(bytes: Uint8Array, options: SheetImportOptions = {}): SheetImportResult {
  const limits = sheetLimitsOf(options);
  const warnings = new SheetWarnings();
  const skipped = new Set<string>();
  const entries = readZip(bytes, limits, (path) => {
    if (/\.(xml|rels)$/i.test(path) && !/^xl\/(drawings|charts|media|pivotTables|pivotCache|externalLinks|printerSettings|theme)\//.test(path)) return true;
    const kind = /^xl\/(drawings|charts|media|pivotTables|comments)/.exec(path)?.[1];
    if (kind) skipped.add(kind);
    return false;
  });
  for (const kind of skipped) warnings.add('unknown-content', kind);
  if (entries.has('content.xml') || entries.has('mimetype')) throw new FileImportError('wrong-format', 'This is an OpenDocument file, not XLSX; open it as ODS.');
  const rootRels = relationships(entries, '_rels/.rels', limits);
  const workbookPath = [...rootRels.values()].find((target) => /workbook\.xml$/i.test(target)) ?? 'xl/workbook.xml';
  if (!entries.has(workbookPath)) throw new FileImportError('missing-part', `The XLSX file has no ${workbookPath}.`);
  const workbook = parseXML(zipText(entries, workbookPath, 'XLSX'), workbookPath, limits, PREFIXES);
  const rels = relationships(entries, workbookPath.replace(/([^/]+)$/, '_rels/$1.rels'), limits);
  const typeTargets = (suffix: string): string | undefined => [...rels.values()].find((target) => target.endsWith(suffix));
  const stylesPath = typeTargets('styles.xml') ?? 'xl/styles.xml';
  const xfs = entries.has(stylesPath) ? readStyles(parseXML(zipText(entries, stylesPath, 'XLSX'), stylesPath, limits, PREFIXES)) : [];
  const stringsPath = typeTargets('sharedStrings.xml') ?? 'xl/sharedStrings.xml';
  const strings = readSharedStrings(entries.has(stringsPath) ? zipText(entries, stringsPath, 'XLSX') : undefined, limits);
  const date1904 = ['1', 'true'].includes(firstChild(workbook, 'x:workbookPr')?.attrs['date1904'] ?? '');
  const sheetList = childElements(firstChild(workbook, 'x:sheets') ?? workbook, 'x:sheet');
  if (sheetList.length === 0) throw new FileImportError('missing-part', 'The XLSX workbook lists no sheets.');
  if (sheetList.length > limits.maxSheets) throw new FileImportError('too-many-cells', `The file has ${sheetList.length} sheets; the limit is ${limits.maxSheets}.`);
  const budget = new CellBudget(limits);
  const sheets: SheetData[] = [];
  for (const [index, entry] of sheetList.entries()) {
    const name = entry.attrs['name'] ?? `Sheet${index + 1}`;
    const path = rels.get(entry.attrs['r:id'] ?? '') ?? `xl/worksheets/sheet${index + 1}.xml`;
    if (!entries.has(path)) {
      // Chart sheets and dialog sheets have no cells.
      warnings.add('unknown-content', name);
      continue;
    }
    sheets.push(readSheet(zipText(entries, path, 'XLSX'), { name, path, xfs, strings, date1904 }, budget, warnings));
  }
  if (sheets.length === 0) throw new FileImportError('missing-part', 'The XLSX file has no worksheet with cells.');
  const names: NameData[] = [];
  for (const defined of childElements(firstChild(workbook, 'x:definedNames') ?? workbook, 'x:definedName')) {
    const name = defined.attrs['name'] ?? '';
    if (name.startsWith('_xlnm.') || defined.attrs['hidden'] === '1') continue;
    const reference = stripFunctionPrefixes(textOf(defined).trim());
    if (name && reference) names.push({ name, reference });
  }
  return { data: { sheets, names }, warnings: warnings.list() };
}

/** An OOXML boolean attribute that is set (`1` or `true`). */
function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
