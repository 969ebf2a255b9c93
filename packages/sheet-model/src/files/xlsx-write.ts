import { ByteBuilder, element, escapeText, writeZip, xmlSafe } from '@allmende/office-files';
import type { ZipItem } from '@allmende/office-files';
import { columnLetters, formatAddress } from '../a1.js';
import type { A1Ast } from '../ast.js';
import { parseFormula } from '../parser.js';
import { printA1Formula } from '../printer.js';
import type { CellStyle, Workbook } from '../workbook.js';
import { mapFunctionNames, xlsxFunctionName } from './function-names.js';
import { snapshotWorkbook } from './snapshot.js';
import type { CachedValue, ExportCell } from './snapshot.js';
import type { CellBorders, SheetData } from './workbook-data.js';
import { WRITE_AS_BUILTIN } from './xlsx-formats.js';

/** Options of {@link toXLSX} and `toODS`. */
export interface SheetExportOptions {
  /**
   * Write the computed value next to each formula (default true), so programs that do not calculate show them.
   * Without them the reading program must calculate (the LibreOffice tests use that to check its results against ours).
   */
  readonly cachedValues?: boolean;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Pixels per Excel column-width character (Calibri 11: 7 px per digit). */
export const PX_PER_CHAR = 7;
/** Points per pixel at 96 dpi. */
export const PT_PER_PX = 0.75;

/** A colour `#rrggbb` as ARGB `FFRRGGBB`, or undefined for anything else. */
export function argb(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  return m ? 'FF' + m[1]!.toUpperCase() : undefined;
}

/** Formula text of our printer as XLSX stores it: no `=`, newer functions with `_xlfn.`. */
export function xlsxFormula(formula: string): string {
  try {
    return xlsxFormulaOf(parseFormula(formula));
  } catch {
    return formula.replace(/^=/, '');
  }
}

/** A formula by position as XLSX stores it (no `=`, newer functions with `_xlfn.`). */
export function xlsxFormulaOf(ast: A1Ast): string {
  return printA1Formula(mapFunctionNames(ast, xlsxFunctionName)).slice(1);
}

/** Collects distinct fonts, fills, borders, number formats and cell formats (xf) for styles.xml. */
class StyleTable {
  readonly fonts: string[] = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  readonly borders: string[] = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  readonly numFmts = new Map<string, number>();
  readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly xfIndex = new Map<string, number>([['0/0/0/0/', 0]]);

  private intern(list: string[], xml: string): number {
    const at = list.indexOf(xml);
    if (at >= 0) return at;
    list.push(xml);
    return list.length - 1;
  }

  private numFmt(code: string | undefined): number {
    if (code === undefined) return 0;
    const builtin = WRITE_AS_BUILTIN.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  private font(style: CellStyle): number {
    const color = argb(style.color);
    if (!style.bold && !style.italic && !style.underline && !style.strike && !color && style.fontSize === undefined) return 0;
    const xml =
      '<font>' +
      (style.bold ? '<b/>' : '') +
      (style.italic ? '<i/>' : '') +
      (style.strike ? '<strike/>' : '') +
      (style.underline ? '<u/>' : '') +
      `<sz val="${style.fontSize ?? 11}"/>` +
      (color ? `<color rgb="${color}"/>` : '') +
      '<name val="Calibri"/><family val="2"/></font>';
    return this.intern(this.fonts, xml);
  }

  private fill(style: CellStyle): number {
    const color = argb(style.background);
    if (!color) return 0;
    return this.intern(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${color}"/><bgColor indexed="64"/></patternFill></fill>`);
  }

  private border(borders: CellBorders | undefined): number {
    if (!borders) return 0;
    const edge = (name: string, value: CellBorders['top']): string =>
      value ? `<${name} style="${value.style === 'dashed' ? 'dashed' : value.style}"><color rgb="${argb(value.color) ?? 'FF000000'}"/></${name}>` : `<${name}/>`;
    return this.intern(this.borders, `<border>${edge('left', borders.left)}${edge('right', borders.right)}${edge('top', borders.top)}${edge('bottom', borders.bottom)}<diagonal/></border>`);
  }

  private readonly byFormat = new Map<string | undefined, number>();

  /** The cell format index for a cell's number format, style and borders (cached for cells with only a format). */
  xf(cell: ExportCell): number {
    if (!cell.style && !cell.borders) {
      let index = this.byFormat.get(cell.format);
      if (index === undefined) {
        index = this.xfOf(cell);
        this.byFormat.set(cell.format, index);
      }
      return index;
    }
    return this.xfOf(cell);
  }

  private xfOf(cell: ExportCell): number {
    const style = cell.style ?? {};
    const numFmtId = this.numFmt(cell.format);
    const fontId = this.font(style);
    const fillId = this.fill(style);
    const borderId = this.border(cell.borders);
    const vertical = style.valign === 'middle' ? 'center' : style.valign;
    const alignment = style.align || vertical || style.wrap ? element('alignment', { horizontal: style.align, vertical, wrapText: style.wrap ? 1 : undefined }) : '';
    const key = `${numFmtId}/${fontId}/${fillId}/${borderId}/${alignment}`;
    let index = this.xfIndex.get(key);
    if (index === undefined) {
      const attrs = {
        numFmtId,
        fontId,
        fillId,
        borderId,
        xfId: 0,
        applyNumberFormat: numFmtId ? 1 : undefined,
        applyFont: fontId ? 1 : undefined,
        applyFill: fillId ? 1 : undefined,
        applyBorder: borderId ? 1 : undefined,
        applyAlignment: alignment ? 1 : undefined,
      };
      index = this.xfs.length;
      this.xfs.push(element('xf', attrs, alignment));
      this.xfIndex.set(key, index);
    }
    return index;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => element('numFmt', { numFmtId: id, formatCode: code })).join('');
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<styleSheet xmlns="${MAIN}">` +
      (numFmts ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : '') +
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join('')}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join('')}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

/** Collects shared strings. */
class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;

  id(text: string): number {
    this.count++;
    let at = this.index.get(text);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(text);
      this.index.set(text, at);
    }
    return at;
  }

  xml(): string {
    const items = this.list.map((text) => `<si><t xml:space="preserve">${escapeText(xmlSafe(text))}</t></si>`).join('');
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

/** Our error codes that Excel lacks are written as #VALUE!. */
function excelError(code: string): string {
  return code === '#CIRC!' || code === '#ERROR!' ? '#VALUE!' : code;
}

function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '0';
}

function valueAttrs(value: CachedValue, strings: SharedStrings): { t?: string; v: string } {
  switch (value.kind) {
    case 'number':
      return { v: numberText(value.value) };
    case 'boolean':
      return { t: 'b', v: value.value ? '1' : '0' };
    case 'error':
      return { t: 'e', v: excelError(value.value) };
    case 'text':
      return { t: 's', v: String(strings.id(value.value)) };
  }
}

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Text as XML element content, without characters XML cannot hold (most text needs nothing done). */
function esc(text: string): string {
  return NEEDS_ESCAPE.test(text) ? escapeText(xmlSafe(text)) : text;
}

/** Writes one cell into `out`. */
function writeCell(out: ByteBuilder, ref: string, cell: ExportCell, styles: StyleTable, strings: SharedStrings, cached: boolean): void {
  const xf = styles.xf(cell);
  const s = xf ? ` s="${xf}"` : '';
  const content = cell.content;
  if (!content) {
    out.append(`<c r="${ref}"${s}/>`);
    return;
  }
  if (content.kind === 'formula' && !content.bad) {
    const value = cell.value ?? { kind: 'text', value: '' };
    // A formula's cached text is inline (t="str"), not a shared string.
    const t = !cached ? '' : value.kind === 'text' ? ' t="str"' : value.kind === 'boolean' ? ' t="b"' : value.kind === 'error' ? ' t="e"' : '';
    const formula = esc(cell.ast ? xlsxFormulaOf(cell.ast) : xlsxFormula(content.formula));
    const v = !cached ? '' : value.kind === 'text' ? `<v>${esc(value.value)}</v>` : `<v>${esc(valueAttrs(value, strings).v)}</v>`;
    out.append(`<c r="${ref}"${s}${t}><f>${formula}</f>${v}</c>`);
    return;
  }
  const constant: CachedValue = content.kind === 'formula' ? { kind: 'text', value: content.formula } : content;
  if (constant.kind === 'number') {
    out.append(`<c r="${ref}"${s}><v>${numberText(constant.value)}</v></c>`);
    return;
  }
  const { t, v } = valueAttrs(constant, strings);
  out.append(`<c r="${ref}"${s} t="${t}"><v>${esc(v)}</v></c>`);
}

/** The worksheet part of one sheet, as UTF-8 bytes (written as it goes: no string of the whole part is built). */
function sheetXml(sheet: SheetData & { readonly cells: readonly ExportCell[] }, styles: StyleTable, strings: SharedStrings, cached: boolean): Uint8Array {
  let pane = '';
  if (sheet.frozenRows > 0 || sheet.frozenCols > 0) {
    const activePane = sheet.frozenRows > 0 && sheet.frozenCols > 0 ? 'bottomRight' : sheet.frozenRows > 0 ? 'bottomLeft' : 'topRight';
    pane = element('pane', {
      xSplit: sheet.frozenCols || undefined,
      ySplit: sheet.frozenRows || undefined,
      topLeftCell: formatAddress(sheet.frozenRows, sheet.frozenCols),
      activePane,
      state: 'frozen',
    });
  }
  const views = `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`;
  const hiddenCols = sheet.hiddenCols ?? new Set<number>();
  const hiddenRows = sheet.hiddenRows ?? new Set<number>();
  const cols = [...new Set([...sheet.colWidths.keys(), ...hiddenCols])]
    .sort((a, b) => a - b)
    .map((col) => {
      const px = sheet.colWidths.get(col);
      const width = px === undefined ? undefined : Math.round((px / PX_PER_CHAR) * 1000) / 1000;
      return element('col', { min: col + 1, max: col + 1, width, customWidth: px === undefined ? undefined : 1, hidden: hiddenCols.has(col) ? 1 : undefined });
    })
    .join('');
  const out = new ByteBuilder();
  out.append(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${views}<sheetFormatPr defaultRowHeight="15"/>` +
      (cols ? `<cols>${cols}</cols>` : '') +
      '<sheetData>',
  );
  // Cells come sorted by row, then column; rows with only a height or the hidden flag are written between them.
  const heights = [...new Set([...sheet.rowHeights.keys(), ...hiddenRows])].sort((a, b) => a - b);
  let nextHeight = 0;
  const letters: string[] = [];
  const openRow = (row: number, empty: boolean): void => {
    const px = sheet.rowHeights.get(row);
    const ht = px === undefined ? '' : ` ht="${Math.round(px * PT_PER_PX * 100) / 100}" customHeight="1"`;
    const hidden = hiddenRows.has(row) ? ' hidden="1"' : '';
    out.append(`<row r="${row + 1}"${ht}${hidden}${empty ? '/>' : '>'}`);
  };
  const heightsBefore = (row: number): void => {
    while (nextHeight < heights.length && heights[nextHeight]! < row) openRow(heights[nextHeight++]!, true);
    if (nextHeight < heights.length && heights[nextHeight] === row) nextHeight++;
  };
  let row = -1;
  for (const cell of sheet.cells) {
    if (cell.row !== row) {
      if (row >= 0) out.append('</row>');
      row = cell.row;
      heightsBefore(row);
      openRow(row, false);
    }
    const ref = (letters[cell.col] ??= columnLetters(cell.col)) + String(row + 1);
    writeCell(out, ref, cell, styles, strings, cached);
  }
  if (row >= 0) out.append('</row>');
  heightsBefore(Infinity);
  const merges = sheet.merges.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((ref) => element('mergeCell', { ref })).join('')}</mergeCells>` : '';
  out.append(`</sheetData>${merges}</worksheet>`);
  return out.bytes();
}

/** Writes a workbook as an Office Open XML spreadsheet (.xlsx) with all sheets, formulas, formats, styles and layout. */
export function toXLSX(wb: Workbook, options: SheetExportOptions = {}): Uint8Array {
  const data = snapshotWorkbook(wb);
  const cached = options.cachedValues ?? true;
  const styles = new StyleTable();
  const strings = new SharedStrings();
  const sheets = data.sheets.map((sheet) => sheetXml(sheet, styles, strings, cached));
  const names = data.names.map((n) => element('definedName', { name: n.name }, escapeText(xmlSafe(xlsxFormula('=' + n.reference))))).join('');
  const workbook =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
    data.sheets.map((sheet, i) => element('sheet', { name: sheet.name, sheetId: i + 1, 'r:id': `rId${i + 1}` })).join('') +
    '</sheets>' +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    // fullCalcOnLoad: the reading program recalculates (always needed when no cached values are written).
    element('calcPr', { calcId: 191029, fullCalcOnLoad: cached ? undefined : 1 }) +
    '</workbook>';
  const rels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="${PKG_REL}">` +
    data.sheets.map((_, i) => element('Relationship', { Id: `rId${i + 1}`, Type: `${REL}/worksheet`, Target: `worksheets/sheet${i + 1}.xml` })).join('') +
    element('Relationship', { Id: `rId${data.sheets.length + 1}`, Type: `${REL}/styles`, Target: 'styles.xml' }) +
    element('Relationship', { Id: `rId${data.sheets.length + 2}`, Type: `${REL}/sharedStrings`, Target: 'sharedStrings.xml' }) +
    '</Relationships>';
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    data.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '</Types>';
  const rootRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<Relationships xmlns="${PKG_REL}">` +
    element('Relationship', { Id: 'rId1', Type: `${REL}/officeDocument`, Target: 'xl/workbook.xml' }) +
    '</Relationships>';
  const items: ZipItem[] = [
    { path: '[Content_Types].xml', data: types },
    { path: '_rels/.rels', data: rootRels },
    { path: 'xl/workbook.xml', data: workbook },
    { path: 'xl/_rels/workbook.xml.rels', data: rels },
    ...sheets.map((xml, i) => ({ path: `xl/worksheets/sheet${i + 1}.xml`, data: xml })),
    { path: 'xl/styles.xml', data: styles.xml() },
    { path: 'xl/sharedStrings.xml', data: strings.xml() },
  ];
  return writeZip(items);
}
