import { childElements, FileImportError, firstChild, parseXML, readZip, streamXML, textOf, zipText } from '@allmende/office-files';
import type { XmlElement, XmlNode } from '@allmende/office-files';
import { dateToSerial } from '../dates.js';
import { parseErrorCode } from '../errors.js';
import type { CellStyle } from '../workbook.js';
import { formatCodeOf } from './ods-number-style.js';
import { fromOpenFormula, odfReferenceToA1 } from './ods-formula.js';
import { lengthToPx, ODF_PREFIXES, ODS_MIME_TYPE } from './ods-names.js';
import { CellBudget, checkPosition, formulaContent, SheetBuilder, sheetLimitsOf } from './sheet-builder.js';
import type { ImportLimits } from './sheet-builder.js';
import type { BorderEdge, CellBorders, CellContent, CellData, NameData, SheetData, SheetImportOptions, SheetImportResult } from './workbook-data.js';
import { SheetWarnings } from './workbook-data.js';

/** What a cell style means for us. */
interface CellLook {
  readonly format?: string;
  readonly style?: CellStyle;
  readonly borders?: CellBorders;
}

function parseBorder(value: string | undefined): BorderEdge | undefined {
  if (!value || value === 'none') return undefined;
  const parts = value.trim().split(/\s+/);
  const width = lengthToPx(parts.find((p) => /^[0-9.]+(pt|cm|mm|in|px)$/.test(p))) ?? 1;
  const kind = parts.find((p) => /^(solid|double|dashed|dotted|dash-dot|dash-dot-dot|fine-dashed)$/.test(p)) ?? 'solid';
  const color = parts.find((p) => /^#[0-9a-f]{6}$/i.test(p))?.toLowerCase() ?? '#000000';
  if (kind === 'none' || kind === 'hidden') return undefined;
  const style: BorderEdge['style'] = kind === 'double' ? 'double' : kind === 'dotted' ? 'dotted' : kind !== 'solid' ? 'dashed' : width < 1.5 ? 'thin' : width < 3 ? 'medium' : 'thick';
  return { style, color };
}

/** Resolves table-cell styles (with their parents) to formats, styles and borders. */
class StyleResolver {
  private readonly cache = new Map<string, CellLook>();

  constructor(
    private readonly cellStyles: ReadonlyMap<string, XmlElement>,
    private readonly numberStyles: ReadonlyMap<string, XmlElement>,
    private readonly warnings: SheetWarnings,
  ) {}

  look(name: string | undefined): CellLook {
    if (!name) return {};
    const cached = this.cache.get(name);
    if (cached) return cached;
    const chain: XmlElement[] = [];
    let current = this.cellStyles.get(name);
    const seen = new Set<string>();
    while (current && !seen.has(current.attrs['style:name'] ?? '')) {
      seen.add(current.attrs['style:name'] ?? '');
      chain.unshift(current);
      current = this.cellStyles.get(current.attrs['style:parent-style-name'] ?? '');
    }
    const style: CellStyle = {};
    const borders: { -readonly [K in keyof CellBorders]: BorderEdge } = {};
    let dataStyle: string | undefined;
    for (const el of chain) {
      dataStyle = el.attrs['style:data-style-name'] ?? dataStyle;
      const cell = firstChild(el, 'style:table-cell-properties');
      if (cell) {
        const bg = cell.attrs['fo:background-color'];
        if (bg && /^#[0-9a-f]{6}$/i.test(bg)) style.background = bg.toLowerCase();
        else if (bg === 'transparent') delete style.background;
        if (cell.attrs['fo:wrap-option'] === 'wrap') style.wrap = true;
        const v = cell.attrs['style:vertical-align'];
        if (v === 'top' || v === 'middle' || v === 'bottom') style.valign = v;
        const all = cell.attrs['fo:border'];
        for (const edge of ['top', 'right', 'bottom', 'left'] as const) {
          const value = cell.attrs[`fo:border-${edge}`] ?? all;
          if (value !== undefined) {
            const parsed = parseBorder(value);
            if (parsed) borders[edge] = parsed;
            else delete borders[edge];
          }
        }
      }
      const paragraph = firstChild(el, 'style:paragraph-properties');
      const align = paragraph?.attrs['fo:text-align'];
      if (align === 'start' || align === 'left') style.align = 'left';
      else if (align === 'end' || align === 'right') style.align = 'right';
      else if (align === 'center') style.align = 'center';
      const text = firstChild(el, 'style:text-properties');
      if (text) {
        if (text.attrs['fo:font-weight'] !== undefined) style.bold = text.attrs['fo:font-weight'] === 'bold' || Number(text.attrs['fo:font-weight']) >= 600;
        if (text.attrs['fo:font-style'] !== undefined) style.italic = text.attrs['fo:font-style'] === 'italic' || text.attrs['fo:font-style'] === 'oblique';
        const underline = text.attrs['style:text-underline-style'];
        if (underline !== undefined) style.underline = underline !== 'none';
        const strike = text.attrs['style:text-line-through-style'];
        if (strike !== undefined) style.strike = strike !== 'none';
        const color = text.attrs['fo:color'];
        if (color && /^#[0-9a-f]{6}$/i.test(color)) style.color = color.toLowerCase();
        const size = /^([0-9.]+)pt$/.exec(text.attrs['fo:font-size'] ?? '');
        if (size) style.fontSize = Number(size[1]);
      }
    }
    // Defaults are not stored: plain weight, black text, 10 pt (our and LibreOffice's default size).
    for (const key of ['bold', 'italic', 'underline', 'strike', 'wrap'] as const) if (style[key] === false) delete style[key];
    if (style.color === '#000000') delete style.color;
    if (style.fontSize === 10) delete style.fontSize;
    let format: string | undefined;
    if (dataStyle) {
      format = formatCodeOf(this.numberStyles, dataStyle);
      if (format === undefined && !this.numberStyles.has(dataStyle)) this.warnings.add('format-dropped', dataStyle);
    }
    const look: CellLook = {
      ...(format !== undefined ? { format } : {}),
      ...(Object.keys(style).length ? { style } : {}),
      ...(Object.keys(borders).length ? { borders } : {}),
    };
    this.cache.set(name, look);
    return look;
  }
}

/** Builds small element trees from stream events (for styles and names inside content.xml). */
class TreeCollector {
  private readonly stack: { name: string; attrs: Record<string, string>; children: XmlNode[] }[] = [];
  readonly roots: XmlElement[] = [];

  get active(): boolean {
    return this.stack.length > 0;
  }

  open(name: string, attrs: Readonly<Record<string, string>>): void {
    const el = { name, attrs: { ...attrs }, children: [] as XmlNode[] };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(el);
    this.stack.push(el);
  }

  close(): void {
    const el = this.stack.pop()!;
    if (this.stack.length === 0) this.roots.push(el);
  }

  text(value: string): void {
    this.stack[this.stack.length - 1]?.children.push(value);
  }
}

function collectStyles(roots: readonly XmlElement[], cellStyles: Map<string, XmlElement>, numberStyles: Map<string, XmlElement>, columnWidths: Map<string, number>, rowHeights: Map<string, number | null>): void {
  for (const root of roots) {
    for (const el of childElements(root)) {
      const name = el.attrs['style:name'];
      if (!name) continue;
      if (el.name.startsWith('number:')) numberStyles.set(name, el);
      else if (el.name === 'style:style') {
        const family = el.attrs['style:family'];
        if (family === 'table-cell') cellStyles.set(name, el);
        else if (family === 'table-column') {
          const width = lengthToPx(firstChild(el, 'style:table-column-properties')?.attrs['style:column-width']);
          if (width !== undefined) columnWidths.set(name, width);
        } else if (family === 'table-row') {
          const props = firstChild(el, 'style:table-row-properties');
          const height = lengthToPx(props?.attrs['style:row-height']);
          rowHeights.set(name, props?.attrs['style:use-optimal-row-height'] === 'true' || height === undefined ? null : height);
        }
      }
    }
  }
}

/** Seconds of an ISO duration (`PT12H30M00S`) as a day fraction. */
function durationSerial(text: string): number | undefined {
  const m = /^(-)?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text.trim());
  if (!m) return undefined;
  const seconds = Number(m[2] ?? 0) * 86400 + Number(m[3] ?? 0) * 3600 + Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0);
  return (m[1] ? -seconds : seconds) / 86400;
}

function dateSerial(text: string): number | undefined {
  const m = /^(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return undefined;
  return dateToSerial(Number(m[1]), Number(m[2]), Number(m[3])) + (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86400;
}

interface FrozenPane {
  rows: number;
  cols: number;
}

function readFrozen(entries: ReturnType<typeof readZip>, limits: ImportLimits): Map<string, FrozenPane> {
  const out = new Map<string, FrozenPane>();
  if (!entries.has('settings.xml')) return out;
  const root = parseXML(zipText(entries, 'settings.xml', 'ODS'), 'settings.xml', limits, ODF_PREFIXES);
  const visit = (el: XmlElement): void => {
    if (el.name === 'config:config-item-map-named' && el.attrs['config:name'] === 'Tables') {
      for (const entry of childElements(el, 'config:config-item-map-entry')) {
        const items = new Map(childElements(entry, 'config:config-item').map((item) => [item.attrs['config:name'] ?? '', textOf(item).trim()]));
        const cols = items.get('HorizontalSplitMode') === '2' ? Number(items.get('HorizontalSplitPosition') ?? 0) : 0;
        const rows = items.get('VerticalSplitMode') === '2' ? Number(items.get('VerticalSplitPosition') ?? 0) : 0;
        if ((rows > 0 || cols > 0) && entry.attrs['config:name']) out.set(entry.attrs['config:name'], { rows: Math.max(0, rows | 0), cols: Math.max(0, cols | 0) });
      }
      return;
    }
    for (const child of childElements(el)) visit(child);
  };
  visit(root);
  return out;
}

function isPlain(look: CellLook): boolean {
  return look.format === undefined && look.style === undefined && look.borders === undefined;
}

/** Style-only cells repeated more often than this (whole formatted rows or columns) are left out. */
const MAX_STYLE_REPEAT = 10_000;

/**
 * Reads an OpenDocument spreadsheet (.ods, also .fods-style content in a zip) into file-neutral data (apply it with
 * `importInto`). Values with their types, formulas (OpenFormula `of:=` translated to A1), number styles, cell styles,
 * borders, column widths, row heights, merges, frozen panes (settings.xml) and named ranges are read; charts, images,
 * comments and other content are left out with a warning. Throws a `FileImportError` for files it cannot read.
 */
export function fromODS(bytes: Uint8Array, options: SheetImportOptions = {}): SheetImportResult {
  const limits = sheetLimitsOf(options);
  const warnings = new SheetWarnings();
  const entries = readZip(bytes, limits, (path) => path === 'mimetype' || path === 'content.xml' || path === 'styles.xml' || path === 'settings.xml');
  const mime = entries.has('mimetype') ? zipText(entries, 'mimetype', 'ODS').trim() : ODS_MIME_TYPE;
  if (mime !== ODS_MIME_TYPE && !mime.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
    throw new FileImportError('wrong-format', `The file is "${mime}", not an OpenDocument spreadsheet.`);
  }
  if (!entries.has('content.xml')) throw new FileImportError(entries.size === 0 ? 'wrong-format' : 'missing-part', 'The ODS file has no content.xml.');
  const cellStyles = new Map<string, XmlElement>();
  const numberStyles = new Map<string, XmlElement>();
  const columnWidths = new Map<string, number>();
  const rowHeights = new Map<string, number | null>();
  if (entries.has('styles.xml')) {
    const root = parseXML(zipText(entries, 'styles.xml', 'ODS'), 'styles.xml', limits, ODF_PREFIXES);
    collectStyles(
      [firstChild(root, 'office:styles'), firstChild(root, 'office:automatic-styles')].filter((el): el is XmlElement => el !== null),
      cellStyles,
      numberStyles,
      columnWidths,
      rowHeights,
    );
  }
  const resolver = new StyleResolver(cellStyles, numberStyles, warnings);
  const frozen = readFrozen(entries, limits);
  const budget = new CellBudget(limits);
  const sheets: SheetData[] = [];
  const names: NameData[] = [];
  const tree = new TreeCollector();
  let sheet: SheetBuilder | null = null;
  let row = 0;
  let col = 0;
  let rowRepeat = 1;
  let rowCells: CellData[] = [];
  let rowDefaultStyle: string | undefined;
  let columnDefaults: (string | undefined)[] = [];
  let usedCols = 0;
  const columnWidthsOfSheet: (number | undefined)[] = [];
  const hiddenColumnsOfSheet: number[] = [];
  // The cell being read
  let cell: { attrs: Readonly<Record<string, string>>; repeat: number; covered: boolean } | null = null;
  let paragraphs: string[] = [];
  let paragraph: string | null = null;
  let annotation = 0;

  const finishCell = (): void => {
    const c = cell!;
    const attrs = c.attrs;
    const repeat = c.repeat;
    if (!c.covered) {
      const spanCols = Number(attrs['table:number-columns-spanned'] ?? 1) || 1;
      const spanRows = Number(attrs['table:number-rows-spanned'] ?? 1) || 1;
      if (spanCols > 1 || spanRows > 1) {
        checkPosition(sheet!.name, row + spanRows - 1, col + spanCols - 1, limits);
        sheet!.merges.push(`${colLetters(col)}${row + 1}:${colLetters(col + spanCols - 1)}${row + spanRows}`);
      }
    }
    let content: CellContent | undefined;
    const formula = attrs['table:formula'];
    if (formula !== undefined) {
      let converted: string | null;
      try {
        converted = fromOpenFormula(formula);
      } catch {
        converted = null;
      }
      if (converted === null) {
        warnings.add('formula-kept-as-text', formula);
        content = { kind: 'formula', formula: formula.replace(/^[a-z]+:/, ''), bad: true };
      } else content = formulaContent(converted, warnings);
    } else {
      const type = attrs['office:value-type'];
      const text = paragraphs.join('\n');
      switch (type) {
        case 'float':
        case 'percentage':
        case 'currency': {
          const value = Number(attrs['office:value']);
          if (Number.isFinite(value)) content = { kind: 'number', value };
          break;
        }
        case 'date': {
          const value = dateSerial(attrs['office:date-value'] ?? '');
          if (value !== undefined) content = { kind: 'number', value };
          break;
        }
        case 'time': {
          const value = durationSerial(attrs['office:time-value'] ?? '');
          if (value !== undefined) content = { kind: 'number', value };
          break;
        }
        case 'boolean':
          content = { kind: 'boolean', value: attrs['office:boolean-value'] === 'true' };
          break;
        case 'string':
          content = { kind: 'text', value: attrs['office:string-value'] ?? text };
          break;
        default:
          if (text !== '') {
            const code = parseErrorCode(text);
            content = code ? { kind: 'error', value: code } : { kind: 'text', value: text };
          }
      }
    }
    const own = attrs['table:style-name'] ?? rowDefaultStyle;
    // Fast path for runs of empty cells (LibreOffice writes long ones): nothing to keep without content or a look.
    const plainRun = !content && (own !== undefined ? isPlain(resolver.look(own)) : columnDefaults.slice(col, col + repeat).every((name) => name === undefined || isPlain(resolver.look(name))));
    for (let k = 0; k < (plainRun ? 0 : repeat); k++) {
      // Cells without a style of their own take their column's default style.
      const look = resolver.look(own ?? columnDefaults[col + k]);
      const hasLook = look.format !== undefined || look.style !== undefined || look.borders !== undefined;
      if (!content && !hasLook) continue;
      if (!content && (own !== undefined ? repeat : 1) * rowRepeat > MAX_STYLE_REPEAT) continue;
      checkPosition(sheet!.name, row, col + k, limits);
      rowCells.push({ row, col: col + k, ...(content ? { content } : {}), ...look });
    }
    if (content) usedCols = Math.max(usedCols, col + repeat);
    col += repeat;
  };

  const finishRow = (): void => {
    const s = sheet!;
    if (rowCells.length) {
      for (let k = 0; k < rowRepeat; k++) {
        for (const c of rowCells) s.add(k === 0 ? c : { ...c, row: row + k });
      }
    }
    row += rowRepeat;
  };

  const content = zipText(entries, 'content.xml', 'ODS');
  streamXML(content, 'content.xml', limits.stream, ODF_PREFIXES, {
    open: (name, attrs, depth) => {
      if (tree.active) {
        tree.open(name, attrs);
        return;
      }
      if (depth === 2 && name === 'office:automatic-styles') {
        tree.open(name, attrs);
        return;
      }
      if (name === 'table:named-expressions') {
        tree.open(name, attrs);
        return;
      }
      if (annotation > 0) {
        if (name === 'office:annotation') annotation++;
        return;
      }
      switch (name) {
        case 'table:table': {
          if (sheets.length + 1 > limits.maxSheets) throw new FileImportError('too-many-cells', `The file has more than ${limits.maxSheets} sheets.`);
          sheet = new SheetBuilder(attrs['table:name'] ?? `Sheet${sheets.length + 1}`, budget);
          row = 0;
          columnDefaults = [];
          columnWidthsOfSheet.length = 0;
          hiddenColumnsOfSheet.length = 0;
          usedCols = 0;
          break;
        }
        case 'table:table-column': {
          const repeat = Math.max(1, Number(attrs['table:number-columns-repeated'] ?? 1) || 1);
          const width = columnWidths.get(attrs['table:style-name'] ?? '');
          const start = columnDefaults.length;
          // Columns past the limit (LibreOffice lists all 1024 or 16384) only matter for their styles; keep what fits.
          const count = Math.min(repeat, Math.max(0, limits.maxCols - start));
          const hidden = attrs['table:visibility'] === 'collapse';
          for (let k = 0; k < count && start + k < 16_384; k++) {
            columnDefaults.push(attrs['table:default-cell-style-name']);
            columnWidthsOfSheet.push(width);
            if (hidden) hiddenColumnsOfSheet.push(start + k);
          }
          break;
        }
        case 'table:table-row': {
          rowRepeat = Math.max(1, Number(attrs['table:number-rows-repeated'] ?? 1) || 1);
          col = 0;
          rowCells = [];
          rowDefaultStyle = attrs['table:default-cell-style-name'];
          const height = rowHeights.get(attrs['table:style-name'] ?? '');
          if (height !== undefined && height !== null && sheet) {
            for (let k = 0; k < Math.min(rowRepeat, 1000); k++) if (row + k < limits.maxRows) sheet.rowHeights.set(row + k, height);
          }
          // Hidden by hand ("collapse"); rows a filter hides ("filter") show, as the filter is not read.
          if (attrs['table:visibility'] === 'collapse' && sheet) {
            for (let k = 0; k < Math.min(rowRepeat, 1000); k++) if (row + k < limits.maxRows) sheet.hiddenRows.add(row + k);
          }
          break;
        }
        case 'table:table-cell':
        case 'table:covered-table-cell':
          cell = { attrs, repeat: Math.max(1, Number(attrs['table:number-columns-repeated'] ?? 1) || 1), covered: name === 'table:covered-table-cell' };
          paragraphs = [];
          break;
        case 'text:p':
        case 'text:h':
          if (cell) paragraph = '';
          break;
        case 'text:s':
          if (paragraph !== null) paragraph += ' '.repeat(Math.min(1000, Math.max(1, Number(attrs['text:c'] ?? 1) || 1)));
          break;
        case 'text:tab':
          if (paragraph !== null) paragraph += '\t';
          break;
        case 'text:line-break':
          if (paragraph !== null) paragraph += '\n';
          break;
        case 'office:annotation':
          annotation = 1;
          warnings.add('unknown-content', 'comments');
          break;
        case 'draw:frame':
        case 'draw:object':
          warnings.add('unknown-content', name);
          break;
      }
    },
    close: (name, depth) => {
      if (tree.active) {
        tree.close();
        if (!tree.active) {
          const root = tree.roots[tree.roots.length - 1]!;
          if (root.name === 'office:automatic-styles' && depth === 2) collectStyles([root], cellStyles, numberStyles, columnWidths, rowHeights);
          else if (root.name === 'table:named-expressions') readNames(root, names, warnings);
        }
        return;
      }
      if (annotation > 0) {
        if (name === 'office:annotation') annotation--;
        return;
      }
      switch (name) {
        case 'text:p':
        case 'text:h':
          if (paragraph !== null) paragraphs.push(paragraph);
          paragraph = null;
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          if (cell) finishCell();
          cell = null;
          break;
        case 'table:table-row':
          finishRow();
          break;
        case 'table:table': {
          const s = sheet!;
          const pane = frozen.get(s.name);
          if (pane) {
            s.frozenRows = pane.rows;
            s.frozenCols = pane.cols;
          }
          const widthLimit = Math.max(usedCols, 26);
          columnWidthsOfSheet.slice(0, widthLimit).forEach((width, index) => {
            if (width !== undefined) s.colWidths.set(index, width);
          });
          for (const index of hiddenColumnsOfSheet) if (index < widthLimit) s.hiddenCols.add(index);
          sheets.push(s.build());
          sheet = null;
          break;
        }
      }
    },
    text: (value) => {
      if (tree.active) tree.text(value);
      else if (paragraph !== null && annotation === 0) paragraph += value;
    },
  });
  if (sheets.length === 0) throw new FileImportError('missing-part', 'The ODS file holds no sheet.');
  return { data: { sheets, names }, warnings: warnings.list() };
}

function colLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function readNames(root: XmlElement, names: NameData[], warnings: SheetWarnings): void {
  for (const el of childElements(root)) {
    const name = el.attrs['table:name'];
    if (!name) continue;
    try {
      if (el.name === 'table:named-range' && el.attrs['table:cell-range-address']) {
        names.push({ name, reference: odfReferenceToA1(el.attrs['table:cell-range-address']) });
      } else if (el.name === 'table:named-expression' && el.attrs['table:expression']) {
        const formula = fromOpenFormula(el.attrs['table:expression']);
        if (formula) names.push({ name, reference: formula.slice(1) });
        else warnings.add('name-dropped', name);
      }
    } catch {
      warnings.add('name-dropped', name);
    }
  }
}
