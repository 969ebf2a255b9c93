import { parseAddress } from '../a1.js';
import type { Workbook } from '../workbook.js';
import type { BorderEdge, CellBorders } from './workbook-data.js';

const EDGES = ['top', 'right', 'bottom', 'left'] as const;
const LINE_STYLES = new Set<BorderEdge['style']>(['thin', 'medium', 'thick', 'double', 'dashed', 'dotted']);

/** The style-map property of a border edge: `borderTop`, `borderRight`, `borderBottom`, `borderLeft`. */
export function borderProperty(edge: (typeof EDGES)[number]): string {
  return 'border' + edge[0]!.toUpperCase() + edge.slice(1);
}

/**
 * Writes a border edge as the workbook stores it: the line weight of `CellStyle.borderTop` … (`thin`, `medium`,
 * `thick`), which the grid draws in its border colour. Dashed and dotted lines become thin, double lines thick; the
 * colour is not kept.
 */
export function encodeBorder(edge: BorderEdge): string {
  return edge.style === 'medium' ? 'medium' : edge.style === 'thick' || edge.style === 'double' ? 'thick' : 'thin';
}

/** Reads a stored border edge (a line weight); undefined for anything else. Stored borders are black. */
export function decodeBorder(value: unknown): BorderEdge | undefined {
  if (typeof value !== 'string') return undefined;
  const style = value.split(' ')[0] as BorderEdge['style'];
  return LINE_STYLES.has(style) ? { style, color: '#000000' } : undefined;
}

/** The borders among a cell's stored style properties, or undefined when it has none. */
export function bordersFromStyles(props: Readonly<Record<string, unknown>>): CellBorders | undefined {
  const out: { -readonly [K in keyof CellBorders]: BorderEdge } = {};
  for (const edge of EDGES) {
    const value = decodeBorder(props[borderProperty(edge)]);
    if (value) out[edge] = value;
  }
  return Object.keys(out).length ? out : undefined;
}

/** The stored style properties of borders. */
export function borderEntries(borders: CellBorders): [string, string][] {
  const out: [string, string][] = [];
  for (const edge of EDGES) {
    const value = borders[edge];
    if (value) out.push([borderProperty(edge), encodeBorder(value)]);
  }
  return out;
}

/**
 * The borders of a cell (A1 address) as files carry them: the style properties `borderTop` … `borderLeft` (line
 * weights), each as `{ style, color: '#000000' }`.
 */
export function getBorders(wb: Workbook, sheet: string, address: string): CellBorders {
  const id = wb.sheetId(sheet);
  const { row, col } = parseAddress(address);
  const t = wb.model.sheet(id);
  const rowId = wb.model.rows(id)[row];
  const colId = wb.model.cols(id)[col];
  if (rowId === undefined || colId === undefined) return {};
  const props: Record<string, unknown> = {};
  for (const edge of EDGES) props[borderProperty(edge)] = t.styles.get(`${rowId}:${colId}:${borderProperty(edge)}`);
  return bordersFromStyles(props) ?? {};
}
