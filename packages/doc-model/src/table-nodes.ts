import type { DOMOutputSpec, Node as ProseMirrorNode, NodeSpec } from 'prosemirror-model';
import { tableNodes as prosemirrorTableNodes } from 'prosemirror-tables';
import type { ParsedElement } from './parsed-element.js';

/** The names of the table nodes, as prosemirror-tables expects them. */
export type TableNodeName = 'table' | 'table_row' | 'table_cell' | 'table_header';

const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65_534;

function span(value: unknown, max: number): number {
  const number = typeof value === 'string' ? Number.parseInt(value, 10) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 1 ? Math.min(number, max) : 1;
}

/** Column widths as stored: positive integers, one per spanned column, or null. */
function colwidth(value: unknown, colspan: number): number[] | null {
  if (!Array.isArray(value) || value.length !== colspan) return null;
  return value.every((width) => Number.isInteger(width) && width > 0 && width <= 100_000) ? (value as number[]) : null;
}

function parseCellAttrs(dom: ParsedElement): Record<string, unknown> {
  const colspan = span(dom.getAttribute('colspan') ?? 1, MAX_COLSPAN);
  const widths = dom.getAttribute('data-colwidth');
  const parsed = widths && /^\d+(,\d+)*$/.test(widths) ? widths.split(',').map(Number) : null;
  return { colspan, rowspan: span(dom.getAttribute('rowspan') ?? 1, MAX_ROWSPAN), colwidth: colwidth(parsed, colspan) };
}

function cellDOMAttrs(node: ProseMirrorNode): Record<string, string> {
  const attrs: Record<string, string> = {};
  const colspan = span(node.attrs['colspan'], MAX_COLSPAN);
  const rowspan = span(node.attrs['rowspan'], MAX_ROWSPAN);
  if (colspan !== 1) attrs['colspan'] = String(colspan);
  if (rowspan !== 1) attrs['rowspan'] = String(rowspan);
  const widths = colwidth(node.attrs['colwidth'], colspan);
  if (widths) attrs['data-colwidth'] = widths.join(',');
  return attrs;
}

const base = prosemirrorTableNodes({ tableGroup: 'block', cellContent: 'block*', cellAttributes: {} });

// prosemirror-tables validates colspan, rowspan and colwidth in the schema.
// Like every attribute here they are checked when parsing and clamped when
// rendering instead: a failing `validate` makes y-prosemirror delete the
// whole cell, for everyone, with the text in it.
const cellAttrs = { colspan: { default: 1 }, rowspan: { default: 1 }, colwidth: { default: null } };

function cell(spec: NodeSpec, tag: 'td' | 'th'): NodeSpec {
  return {
    ...spec,
    attrs: cellAttrs,
    parseDOM: [{ tag, getAttrs: parseCellAttrs }],
    toDOM: (node): DOMOutputSpec => [tag, cellDOMAttrs(node), 0],
  };
}

/**
 * The table specs from prosemirror-tables (so its commands, cell selection
 * and column resizing work), with content expressions that survive
 * concurrent edits:
 *
 * - `table` holds `table_row*` instead of `table_row+`: two users deleting
 *   the last two rows at once leave an empty table rather than one that
 *   y-prosemirror deletes, which would also discard a row a third user is
 *   adding at that moment.
 * - `table_row` holds `(table_cell | table_header)*` (as in prosemirror-tables):
 *   two users deleting different columns may leave a row without cells.
 * - Cells hold `block*` instead of `block+`: when concurrent joins delete
 *   every paragraph of a cell, a dropped cell would shift the cells to its
 *   right one column to the left. Commands in this package put a paragraph
 *   into every cell they create.
 *
 * Rows of different lengths (one user adds a column while another adds a
 * row) are valid content; prosemirror-tables' `fixTables` squares them up.
 */
export const tableNodes: Record<TableNodeName, NodeSpec> = {
  table: { ...base.table, content: 'table_row*' },
  table_row: { ...base.table_row, content: '(table_cell | table_header)*' },
  table_cell: cell(base.table_cell, 'td'),
  table_header: cell(base.table_header, 'th'),
};
