import { element, escapeText, writeZip, xmlSafe } from '@allmende/office-files';
import type { ZipItem } from '@allmende/office-files';
import { formatAddress } from '../a1.js';
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
    return printA1Formula(mapFunctionNames(parseFormula(formula), xlsxFunctionName)).slice(1);
  } catch {
    return formula.replace(/^=/, '');
  }
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

  /** The cell format index for a cell's number format, style and borders. */
  xf(cell: ExportCell): number {
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

function cellXml(cell: ExportCell, styles: StyleTable, strings: SharedStrings, cached: boolean): string {
  const r = formatAddress(cell.row, cell.col);
  const s = styles.xf(cell) || undefined;
  const content = cell.content;
  if (!content) return element('c', { r, s });
  if (content.kind === 'formula' && !content.bad) {
    const value = cell.value ?? { kind: 'text', value: '' };
    // A formula's cached text is inline (t="str"), not a shared string.
    const t = value.kind === 'text' ? 'str' : value.kind === 'boolean' ? 'b' : value.kind === 'error' ? 'e' : undefined;
    const v = !cached ? '' : value.kind === 'text' ? `<v>${escapeText(xmlSafe(value.value))}</v>` : `<v>${escapeText(valueAttrs(value, strings).v)}</v>`;
    return element('c', { r, s, t: cached ? t : undefined }, `<f>${escapeText(xmlSafe(xlsxFormula(content.formula)))}</f>${v}`);
  }
  const constant: CachedValue = content.kind === 'formula' ? { kind: 'text', value: content.formula } : content;
  const { t, v } = valueAttrs(constant, strings);
  return element('c', { r, s, t }, `<v>${escapeText(v)}</v>`);
}

function sheetXml(sheet: SheetData & { readonly cells: readonly ExportCell[] }, styles: StyleTable, strings: SharedStrings, cached: boolean): string {
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
  const cols = [...sheet.colWidths]
    .sort((a, b) => a[0] - b[0])
    .map(([col, px]) => element('col', { min: col + 1, max: col + 1, width: Math.round((px / PX_PER_CHAR) * 1000) / 1000, customWidth: 1 }))
    .join('');
  const rows = new Map<number, string[]>();
  for (const cell of sheet.cells) {
    let list = rows.get(cell.row);
    if (!list) rows.set(cell.row, (list = []));
    list.push(cellXml(cell, styles, strings, cached));
  }
  for (const row of sheet.rowHeights.keys()) if (!rows.has(row)) rows.set(row, []);
  const data = [...rows]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => {
      const px = sheet.rowHeights.get(row);
      return element('row', { r: row + 1, ht: px === undefined ? undefined : Math.round(px * PT_PER_PX * 100) / 100, customHeight: px === undefined ? undefined : 1 }, cells.join(''));
    })
    .join('');
  const merges = sheet.merges.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((ref) => element('mergeCell', { ref })).join('')}</mergeCells>` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${views}<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${data}</sheetData>${merges}</worksheet>`
  );
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
