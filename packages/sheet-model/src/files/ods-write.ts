import { ByteBuilder, element, escapeAttr, escapeText, writeZip, xmlSafe } from '@allmende/office-files';
import { formatGeneral, formatNumber } from '../number-format.js';
import type { Locale } from '../number-format.js';
import { serialToDate, serialToTime } from '../dates.js';
import type { CellStyle, Workbook } from '../workbook.js';
import { isDateFormat, isTimeOnlyFormat } from './format-kinds.js';
import { odfNumberStyles } from './ods-number-style.js';
import { openFormulaOf, toOdfAddress, toOpenFormula } from './ods-formula.js';
import { ODS_MIME_TYPE, odfNamespaces, pxToCm } from './ods-names.js';
import { snapshotWorkbook } from './snapshot.js';
import type { CachedValue, ExportCell } from './snapshot.js';
import type { BorderEdge, CellBorders, SheetData } from './workbook-data.js';
import type { SheetExportOptions } from './xlsx-write.js';

const BORDER_WIDTH: Record<BorderEdge['style'], string> = { thin: '0.74pt solid', medium: '1.76pt solid', thick: '2.49pt solid', double: '2.01pt double', dashed: '0.74pt dashed', dotted: '0.74pt dotted' };

function border(edge: BorderEdge | undefined): string | undefined {
  return edge ? `${BORDER_WIDTH[edge.style]} ${edge.color}` : undefined;
}

/** Collects automatic styles: number styles, cell styles, column and row styles. */
class OdsStyles {
  readonly numberStyles = new Map<string, string>();
  private numberXml = '';
  readonly cellStyles = new Map<string, string>();
  private cellXml = '';
  private readonly columnStyles = new Map<number, string>();
  private columnXml = '';
  private readonly rowStyles = new Map<number, string>();
  private rowXml = '';

  numberStyle(code: string): string {
    let name = this.numberStyles.get(code);
    if (!name) {
      name = `N${this.numberStyles.size + 1}`;
      this.numberStyles.set(code, name);
      this.numberXml += odfNumberStyles(code, name);
    }
    return name;
  }

  private readonly byFormat = new Map<string, string>();

  cellStyle(format: string | undefined, style: CellStyle | undefined, borders: CellBorders | undefined): string | undefined {
    if (format === undefined && !style && !borders) return undefined;
    if (!style && !borders) {
      let name = this.byFormat.get(format!);
      if (name === undefined) this.byFormat.set(format!, (name = this.cellStyleOf(format, style, borders)));
      return name;
    }
    return this.cellStyleOf(format, style, borders);
  }

  private cellStyleOf(format: string | undefined, style: CellStyle | undefined, borders: CellBorders | undefined): string {
    const key = JSON.stringify([format, style, borders]);
    let name = this.cellStyles.get(key);
    if (name) return name;
    name = `ce${this.cellStyles.size + 1}`;
    this.cellStyles.set(key, name);
    const s = style ?? {};
    const cellProps = element('style:table-cell-properties', {
      'fo:background-color': s.background,
      'fo:wrap-option': s.wrap ? 'wrap' : undefined,
      'style:vertical-align': s.valign,
      'fo:border-top': border(borders?.top),
      'fo:border-right': border(borders?.right),
      'fo:border-bottom': border(borders?.bottom),
      'fo:border-left': border(borders?.left),
      'style:text-align-source': s.align ? 'fix' : undefined,
    });
    const paragraph = s.align ? element('style:paragraph-properties', { 'fo:text-align': s.align === 'left' ? 'start' : s.align === 'right' ? 'end' : 'center' }) : '';
    const textProps =
      s.bold || s.italic || s.underline || s.strike || s.color || s.fontSize
        ? element('style:text-properties', {
            'fo:font-weight': s.bold ? 'bold' : undefined,
            'fo:font-style': s.italic ? 'italic' : undefined,
            'style:text-underline-style': s.underline ? 'solid' : undefined,
            'style:text-underline-width': s.underline ? 'auto' : undefined,
            'style:text-underline-color': s.underline ? 'font-color' : undefined,
            'style:text-line-through-style': s.strike ? 'solid' : undefined,
            'fo:color': s.color,
            'fo:font-size': s.fontSize ? `${s.fontSize}pt` : undefined,
          })
        : '';
    this.cellXml += element(
      'style:style',
      { 'style:name': name, 'style:family': 'table-cell', 'style:parent-style-name': 'Default', 'style:data-style-name': format !== undefined ? this.numberStyle(format) : undefined },
      cellProps + paragraph + textProps,
    );
    return name;
  }

  columnStyle(px: number): string {
    const key = px;
    let name = this.columnStyles.get(key);
    if (!name) {
      name = `co${this.columnStyles.size + 1}`;
      this.columnStyles.set(key, name);
      this.columnXml += element('style:style', { 'style:name': name, 'style:family': 'table-column' }, element('style:table-column-properties', { 'fo:break-before': 'auto', 'style:column-width': pxToCm(px) }));
    }
    return name;
  }

  rowStyle(px: number): string {
    let name = this.rowStyles.get(px);
    if (!name) {
      name = `ro${this.rowStyles.size + 1}`;
      this.rowStyles.set(px, name);
      this.rowXml += element('style:style', { 'style:name': name, 'style:family': 'table-row' }, element('style:table-row-properties', { 'style:row-height': pxToCm(px), 'style:use-optimal-row-height': 'false', 'fo:break-before': 'auto' }));
    }
    return name;
  }

  xml(): string {
    return this.columnXml + this.rowXml + this.numberXml + this.cellXml;
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function dateValue(serial: number): string {
  const date = serialToDate(Math.floor(serial));
  const day = `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
  if (serial === Math.floor(serial)) return day;
  const time = serialToTime(serial);
  return `${day}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
}

function timeValue(serial: number): string {
  const seconds = Math.round(serial * 86400);
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  return `${sign}PT${Math.floor(abs / 3600)}H${pad(Math.floor((abs % 3600) / 60))}M${pad(abs % 60)}S`;
}

/** The value attributes of a cell for a value and its format. */
function valueAttrs(value: CachedValue, format: string | undefined): Record<string, string> {
  switch (value.kind) {
    case 'number': {
      if (format !== undefined && isDateFormat(format)) {
        if (isTimeOnlyFormat(format)) return { 'office:value-type': 'time', 'office:time-value': timeValue(value.value) };
        return { 'office:value-type': 'date', 'office:date-value': dateValue(value.value) };
      }
      const type = format !== undefined && /%/.test(format.replace(/"[^"]*"/g, '')) ? 'percentage' : format !== undefined && /€|\[\$/.test(format) ? 'currency' : 'float';
      return { 'office:value-type': type, 'office:value': String(value.value), ...(type === 'currency' ? { 'office:currency': 'EUR' } : {}) };
    }
    case 'boolean':
      return { 'office:value-type': 'boolean', 'office:boolean-value': value.value ? 'true' : 'false' };
    case 'text':
      return { 'office:value-type': 'string' };
    case 'error':
      return { 'office:value-type': 'string', 'office:string-value': '' };
  }
}

// eslint-disable-next-line no-control-regex
const PLAIN_TEXT = /^[^&<>\n\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]*$/;

function paragraphs(text: string): string {
  if (PLAIN_TEXT.test(text) && !text.includes('  ')) return `<text:p>${text}</text:p>`;
  return text
    .split('\n')
    .map((line) => `<text:p>${escapeText(xmlSafe(line)).replace(/ {2,}/g, (spaces) => ' ' + element('text:s', { 'text:c': spaces.length - 1 }))}</text:p>`)
    .join('');
}

/** A value as displayed with its format, as `Workbook.getDisplay` shows it (without reading the cell again). */
function displayText(value: CachedValue, format: string | undefined, locale: Locale): string {
  switch (value.kind) {
    case 'error':
      return value.value;
    case 'text':
      return format === undefined ? value.value : formatNumber(value.value, format, locale);
    case 'number':
      return format === undefined ? formatGeneral(value.value, locale) : formatNumber(value.value, format, locale);
    case 'boolean':
      return formatNumber(value.value, format ?? 'General', locale);
  }
}

// eslint-disable-next-line no-control-regex
const NEEDS_ATTR_ESCAPE = /[&<>"\n\t\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;

/** ` name="value"` with the value escaped where needed; nothing for undefined. */
function attr(name: string, value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return ` ${name}="${NEEDS_ATTR_ESCAPE.test(text) ? escapeAttr(xmlSafe(text)) : text}"`;
}

/** {@link valueAttrs} written as attribute text. */
function valueAttrText(value: CachedValue, format: string | undefined): string {
  if (value.kind === 'number' && (format === undefined || !isDateFormat(format))) {
    const type = format !== undefined && /%/.test(format.replace(/"[^"]*"/g, '')) ? 'percentage' : format !== undefined && /€|\[\$/.test(format) ? 'currency' : 'float';
    return ` office:value-type="${type}" office:value="${String(value.value)}"${type === 'currency' ? ' office:currency="EUR"' : ''}`;
  }
  let out = '';
  for (const [key, text] of Object.entries(valueAttrs(value, format))) out += attr(key, text);
  return out;
}

function cellXml(wb: Workbook, cell: ExportCell, styles: OdsStyles, merge: { cols: number; rows: number } | undefined, cached: boolean): string {
  const styleName = styles.cellStyle(cell.format, cell.style, cell.borders);
  const open = '<table:table-cell' + attr('table:style-name', styleName);
  const span = merge ? ` table:number-columns-spanned="${merge.cols}" table:number-rows-spanned="${merge.rows}"` : '';
  const content = cell.content;
  if (!content) return `${open}${span}/>`;
  const display = (): string => displayText(content.kind === 'formula' ? (cell.value ?? { kind: 'text', value: '' }) : (content as CachedValue), cell.format, wb.locale);
  const close = (children: string): string => (children ? `>${children}</table:table-cell>` : '/>');
  if (content.kind === 'formula' && !content.bad) {
    const formula = cell.ast ? openFormulaOf(cell.ast) : toOpenFormula(content.formula);
    const value = cell.value ?? { kind: 'text', value: '' };
    const attrs = cached ? valueAttrText(value, cell.format) : '';
    return open + attr('table:formula', formula ?? undefined) + attrs + span + close(cached ? paragraphs(display()) : '');
  }
  if (content.kind === 'formula') return `${open} office:value-type="string"${span}` + close(paragraphs(content.formula));
  if (content.kind === 'error') return open + attr('table:formula', `of:=${content.value}`) + span + close(paragraphs(content.value));
  return open + valueAttrText(content, cell.format) + span + close(paragraphs(content.kind === 'text' ? content.value : display()));
}

/** Writes one sheet as a `table:table` element into `out`. */
function writeTable(out: ByteBuilder, wb: Workbook, sheet: SheetData & { readonly cells: readonly ExportCell[] }, styles: OdsStyles, cached: boolean): void {
  const merges = new Map<string, { cols: number; rows: number }>();
  const covered = new Set<string>();
  for (const range of sheet.merges) {
    const [a, b] = range.split(':');
    const m1 = /^([A-Z]+)(\d+)$/.exec(a!)!;
    const m2 = /^([A-Z]+)(\d+)$/.exec(b ?? a!)!;
    const col = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const r1 = Number(m1[2]) - 1;
    const r2 = Number(m2[2]) - 1;
    const c1 = col(m1[1]!);
    const c2 = col(m2[1]!);
    merges.set(`${r1}:${c1}`, { cols: c2 - c1 + 1, rows: r2 - r1 + 1 });
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) covered.add(`${r}:${c}`);
  }
  const byRow = new Map<number, ExportCell[]>();
  let lastCol = -1;
  let lastRow = -1;
  const touch = (row: number, col: number): void => {
    lastRow = Math.max(lastRow, row);
    lastCol = Math.max(lastCol, col);
  };
  for (const cell of sheet.cells) {
    let list = byRow.get(cell.row);
    if (!list) byRow.set(cell.row, (list = []));
    list.push(cell);
    touch(cell.row, cell.col);
  }
  for (const key of [...merges.keys(), ...covered]) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    touch(r, c);
  }
  for (const col of sheet.colWidths.keys()) lastCol = Math.max(lastCol, col);
  for (const row of sheet.rowHeights.keys()) lastRow = Math.max(lastRow, row);
  const hiddenCols = sheet.hiddenCols ?? new Set<number>();
  const hiddenRows = sheet.hiddenRows ?? new Set<number>();
  for (const col of hiddenCols) lastCol = Math.max(lastCol, col);
  for (const row of hiddenRows) lastRow = Math.max(lastRow, row);
  // Columns of merged and covered cells, by row.
  const spanColsByRow = new Map<number, number[]>();
  for (const key of [...merges.keys(), ...covered]) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    let list = spanColsByRow.get(r);
    if (!list) spanColsByRow.set(r, (list = []));
    list.push(c);
  }
  let columns = '';
  for (let c = 0; c <= lastCol; c++) {
    const width = sheet.colWidths.get(c);
    columns += element('table:table-column', {
      'table:style-name': width === undefined ? undefined : styles.columnStyle(width),
      'table:visibility': hiddenCols.has(c) ? 'collapse' : undefined,
      'table:default-cell-style-name': 'Default',
    });
  }
  if (lastCol < 0) columns = element('table:table-column', { 'table:default-cell-style-name': 'Default' });
  out.append(`<table:table${attr('table:name', sheet.name)}>${columns}`);
  let rowCount = 0;
  const rows = {
    push(xml: string): void {
      out.append(xml);
      rowCount++;
    },
  };
  let emptyRun = 0;
  const flushEmpty = (): void => {
    if (emptyRun > 0) rows.push(element('table:table-row', { 'table:number-rows-repeated': emptyRun > 1 ? emptyRun : undefined }, '<table:table-cell/>'));
    emptyRun = 0;
  };
  const noMerges = merges.size === 0 && covered.size === 0;
  const NO_CELLS: ExportCell[] = [];
  for (let r = 0; r <= lastRow; r++) {
    const cells = byRow.get(r) ?? NO_CELLS;
    const height = sheet.rowHeights.get(r);
    const spanCols = spanColsByRow.get(r) ?? [];
    const hasCovered = spanCols.length > 0;
    const hidden = hiddenRows.has(r);
    if (!cells.length && height === undefined && !hasCovered && !hidden) {
      emptyRun++;
      continue;
    }
    flushEmpty();
    const body: string[] = [];
    let gap = 0;
    const flushGap = (): void => {
      if (gap > 0) body.push(gap > 1 ? `<table:table-cell table:number-columns-repeated="${gap}"/>` : '<table:table-cell/>');
      gap = 0;
    };
    if (noMerges) {
      // Cells are sorted by column: write the gaps between them.
      let col = 0;
      for (const cell of cells) {
        gap = cell.col - col;
        flushGap();
        body.push(cellXml(wb, cell, styles, undefined, cached));
        col = cell.col + 1;
      }
    } else {
      const at = new Map(cells.map((cell) => [cell.col, cell]));
      let rowEnd = -1;
      for (const cell of cells) rowEnd = Math.max(rowEnd, cell.col);
      for (const c of spanCols) rowEnd = Math.max(rowEnd, c);
      for (let col = 0; col <= rowEnd; col++) {
        const key = `${r}:${col}`;
        const cell = at.get(col);
        if (covered.has(key)) {
          flushGap();
          body.push(element('table:covered-table-cell', {}));
          continue;
        }
        if (!cell && !merges.has(key)) {
          gap++;
          continue;
        }
        flushGap();
        body.push(cellXml(wb, cell ?? { row: r, col }, styles, merges.get(key), cached));
      }
    }
    const style = height !== undefined ? styles.rowStyle(height) : undefined;
    rows.push(`<table:table-row${attr('table:style-name', style)}${hidden ? attr('table:visibility', 'collapse') : ''}>${body.length ? body.join('') : '<table:table-cell/>'}</table:table-row>`);
  }
  flushEmpty();
  if (rowCount === 0) rows.push('<table:table-row><table:table-cell/></table:table-row>');
  out.append('</table:table>');
}

function settingsXml(sheets: readonly SheetData[]): string {
  const item = (name: string, type: string, value: string | number): string => element('config:config-item', { 'config:name': name, 'config:type': type }, String(value));
  const tables = sheets
    .filter((sheet) => sheet.frozenRows > 0 || sheet.frozenCols > 0)
    .map((sheet) =>
      element(
        'config:config-item-map-entry',
        { 'config:name': sheet.name },
        item('HorizontalSplitMode', 'short', sheet.frozenCols > 0 ? 2 : 0) +
          item('VerticalSplitMode', 'short', sheet.frozenRows > 0 ? 2 : 0) +
          item('HorizontalSplitPosition', 'int', sheet.frozenCols) +
          item('VerticalSplitPosition', 'int', sheet.frozenRows) +
          item('ActiveSplitRange', 'short', 2) +
          item('PositionLeft', 'int', 0) +
          item('PositionRight', 'int', sheet.frozenCols) +
          item('PositionTop', 'int', 0) +
          item('PositionBottom', 'int', sheet.frozenRows),
      ),
    )
    .join('');
  const view = element(
    'config:config-item-set',
    { 'config:name': 'ooo:view-settings' },
    element('config:config-item-map-indexed', { 'config:name': 'Views' }, element('config:config-item-map-entry', {}, item('ViewId', 'string', 'view1') + element('config:config-item-map-named', { 'config:name': 'Tables' }, tables))),
  );
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + element('office:document-settings', { ...odfNamespaces('office', 'config'), 'office:version': '1.3' }, element('office:settings', {}, view));
}

/** Excel's (and our) calculation rules: case-insensitive comparisons, wildcards (not regular expressions) in lookups, whole-cell matches. */
const CALCULATION_SETTINGS = element('table:calculation-settings', {
  'table:case-sensitive': 'false',
  'table:search-criteria-must-apply-to-whole-cell': 'true',
  'table:use-wildcards': 'true',
  'table:use-regular-expressions': 'false',
  'table:automatic-find-labels': 'false',
});

/** Where the tables go in content.xml (a control character, which no escaped XML text holds). */
const TABLES = '\u0001';

/** Writes a workbook as an OpenDocument spreadsheet (.ods, ODF 1.3) with all sheets, formulas, formats, styles and layout. */
export function toODS(wb: Workbook, options: SheetExportOptions = {}): Uint8Array {
  const data = snapshotWorkbook(wb);
  const cached = options.cachedValues ?? true;
  const styles = new OdsStyles();
  // The tables are written as bytes first (they are most of the file); the automatic styles before them are known after.
  const tables = new ByteBuilder();
  for (const sheet of data.sheets) writeTable(tables, wb, sheet, styles, cached);
  const names = data.names
    .map((n) => {
      const address = toOdfAddress(n.reference);
      if (address) return element('table:named-range', { 'table:name': n.name, 'table:base-cell-address': '$' + address.replace(/^\$?([^.]*)\..*$/, '$1') + '.$A$1', 'table:cell-range-address': address });
      const formula = toOpenFormula('=' + n.reference);
      return formula ? element('table:named-expression', { 'table:name': n.name, 'table:expression': formula }) : '';
    })
    .join('');
  const [head, tail] = (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    element(
      'office:document-content',
      { ...odfNamespaces('office', 'style', 'text', 'table', 'fo', 'number', 'of', 'svg'), 'office:version': '1.3' },
      element('office:automatic-styles', {}, styles.xml()) + element('office:body', {}, element('office:spreadsheet', {}, CALCULATION_SETTINGS + TABLES + (names ? element('table:named-expressions', {}, names) : ''))),
    )
  ).split(TABLES) as [string, string];
  const content = new ByteBuilder();
  content.append(head);
  content.appendBytes(tables.bytes());
  content.append(tail);
  const stylesXml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    element(
      'office:document-styles',
      { ...odfNamespaces('office', 'style', 'fo', 'number'), 'office:version': '1.3' },
      element('office:styles', {}, element('style:style', { 'style:name': 'Default', 'style:family': 'table-cell' }, element('style:text-properties', { 'fo:font-size': '10pt' }))),
    );
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    element(
      'manifest:manifest',
      { ...odfNamespaces('manifest'), 'manifest:version': '1.3' },
      element('manifest:file-entry', { 'manifest:full-path': '/', 'manifest:version': '1.3', 'manifest:media-type': ODS_MIME_TYPE }) +
        ['content.xml', 'styles.xml', 'settings.xml', 'meta.xml'].map((path) => element('manifest:file-entry', { 'manifest:full-path': path, 'manifest:media-type': 'text/xml' })).join(''),
    );
  const meta = '<?xml version="1.0" encoding="UTF-8"?>\n' + element('office:document-meta', { ...odfNamespaces('office', 'meta'), 'office:version': '1.3' }, element('office:meta', {}, element('meta:generator', {}, 'Allmende')));
  return writeZip([
    { path: 'mimetype', data: ODS_MIME_TYPE, store: true },
    { path: 'META-INF/manifest.xml', data: manifest },
    { path: 'content.xml', data: content.bytes() },
    { path: 'styles.xml', data: stylesXml },
    { path: 'settings.xml', data: settingsXml(data.sheets) },
    { path: 'meta.xml', data: meta },
  ]);
}
