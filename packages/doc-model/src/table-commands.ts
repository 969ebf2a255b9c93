import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import {
  addColumnAfter,
  addColumnBefore,
  addRow,
  addRowAfter,
  addRowBefore,
  deleteColumn,
  deleteRow,
  deleteTable as deleteTableIn,
  fixTables,
  goToNextCell,
  isInTable,
  mergeCells,
  selectedRect,
  splitCell,
  TableMap,
  toggleHeaderColumn,
  toggleHeaderRow,
} from 'prosemirror-tables';
import { fillEmptyContainers } from './fill-empty.js';
import { canInsert, insertBlock } from './insert-block.js';

/** The most rows and columns {@link insertTable} creates. */
export const MAX_TABLE_SIZE = 100;

/** Tells whether the table around the selection has rows of different lengths or overlapping cells. */
function selectionInBrokenTable(state: EditorState): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.spec['tableRole'] === 'table') return TableMap.get(node).problems !== null;
  }
  return false;
}

/**
 * Wraps a prosemirror-tables command so that it never runs on a table that
 * concurrent edits left broken. Rows of different lengths are valid content
 * (one user adds a column while another adds a row; see table-nodes.ts), and
 * the editor repairs only the tables its own user changes, since every
 * client repairing the same remote change would add its own cells. But
 * prosemirror-tables' commands assume rectangular tables: a missing cell
 * maps to the table's first row, so adding a row nests a row in a row and
 * toggling a header column tries to turn a row into a header cell, which
 * y-prosemirror would then delete with the whole row. The command therefore
 * squares such tables up with `fixTables` first, in the same transaction
 * (one undo step), and the cells the repair adds get a paragraph.
 */
function onRepairedTable(command: Command): Command {
  return (state, dispatch, view) => {
    const repair = selectionInBrokenTable(state) ? fixTables(state) : undefined;
    if (!repair) return command(state, dispatch, view);
    fillEmptyContainers(repair);
    // Commands read only the document, the selection and stored marks; a state without plugins will do.
    const repaired = EditorState.create({
      doc: repair.doc,
      selection: repair.selection,
      storedMarks: state.storedMarks,
    });
    return command(
      repaired,
      dispatch &&
        ((tr: Transaction) => {
          for (const step of tr.steps) repair.step(step);
          repair.setSelection(tr.selection.getBookmark().resolve(repair.doc));
          if (tr.storedMarksSet) repair.setStoredMarks(tr.storedMarks);
          if (tr.scrolledIntoView) repair.scrollIntoView();
          dispatch(repair);
        }),
      view,
    );
  };
}

/**
 * Wraps a prosemirror-tables command so that it runs on a repaired table
 * (see {@link onRepairedTable}) and the cells it creates (with
 * `createAndFill`, which leaves `block*` cells empty) get a paragraph.
 */
function withFilledCells(command: Command): Command {
  return onRepairedTable((state, dispatch, view) =>
    command(
      state,
      dispatch &&
        ((tr: Transaction) => {
          fillEmptyContainers(tr);
          dispatch(tr);
        }),
      view,
    ),
  );
}

/**
 * Returns a command that inserts a table of `rows` × `cols` empty cells in
 * place of the selection, the first row made of header cells when
 * `withHeader` is true, and puts the cursor in the first cell. Returns false
 * inside a table (tables do not nest here, as in Google Docs). Throws a
 * RangeError unless `rows` and `cols` are integers from 1 to
 * {@link MAX_TABLE_SIZE}.
 */
export function insertTable(rows: number, cols: number, withHeader = true): Command {
  for (const [name, value] of [
    ['rows', rows],
    ['cols', cols],
  ] as const) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_TABLE_SIZE) {
      throw new RangeError(`insertTable: ${name} must be an integer from 1 to ${MAX_TABLE_SIZE}, got ${String(value)}.`);
    }
  }
  return (state, dispatch) => {
    const { table, table_row: row, table_cell: cell, table_header: header, paragraph } = state.schema.nodes;
    if (!table || !row || !cell || !header || !paragraph) return false;
    if (isInTable(state) || !canInsert(state, table)) return false;
    if (dispatch) {
      const rowNodes: ProseMirrorNode[] = [];
      for (let r = 0; r < rows; r++) {
        const cellType = withHeader && r === 0 ? header : cell;
        const cells: ProseMirrorNode[] = [];
        for (let c = 0; c < cols; c++) cells.push(cellType.create(null, paragraph.create()));
        rowNodes.push(row.create(null, cells));
      }
      const inserted = insertBlock(state, table.create(null, rowNodes));
      if (!inserted) return false;
      // table > row > cell > paragraph: the first text position is four steps in.
      inserted.tr.setSelection(TextSelection.create(inserted.tr.doc, inserted.pos + 4));
      dispatch(inserted.tr);
    }
    return true;
  };
}

/** Adds a row above the selected cells. */
export const addTableRowBefore: Command = withFilledCells(addRowBefore);

/** Adds a row below the selected cells. */
export const addTableRowAfter: Command = withFilledCells(addRowAfter);

/** Adds a column to the left of the selected cells. */
export const addTableColumnBefore: Command = withFilledCells(addColumnBefore);

/** Adds a column to the right of the selected cells. */
export const addTableColumnAfter: Command = withFilledCells(addColumnAfter);

/** Deletes the rows of the selected cells; deleting every row deletes the table. */
export const deleteTableRow: Command = withFilledCells(deleteRow);

/** Deletes the columns of the selected cells; deleting every column deletes the table. */
export const deleteTableColumn: Command = withFilledCells(deleteColumn);

/** Deletes the table around the selection. */
export const deleteTable: Command = deleteTableIn;

/**
 * Merges the selected cells (a cell selection spanning a rectangle) into
 * one, keeping the content of all of them. Returns false for a single cell
 * or a selection that is not a rectangle of whole cells.
 */
export const mergeTableCells: Command = withFilledCells(mergeCells);

/**
 * Splits the merged cell at the selection back into single cells; the
 * content stays in the first. Returns false for a cell that spans one row
 * and one column.
 */
export const splitTableCell: Command = withFilledCells(splitCell);

/** Turns the first row of the table into header cells, or back into ordinary cells. */
export const toggleTableHeaderRow: Command = onRepairedTable(toggleHeaderRow);

/** Turns the first column of the table into header cells, or back into ordinary cells. */
export const toggleTableHeaderColumn: Command = onRepairedTable(toggleHeaderColumn);

/** In the last cell of a table, adds a row below and moves into its first cell (Tab in Word). */
const addRowFromLastCell: Command = (state, dispatch) => {
  if (!isInTable(state)) return false;
  const rect = selectedRect(state);
  if (rect.bottom !== rect.map.height || rect.right !== rect.map.width) return false;
  if (dispatch) {
    const tr = addRow(state.tr, rect, rect.map.height);
    fillEmptyContainers(tr);
    const table = tr.doc.nodeAt(rect.tableStart - 1);
    if (!table) return false;
    const cellPos = rect.tableStart + TableMap.get(table).positionAt(rect.map.height, 0, table);
    dispatch(tr.setSelection(TextSelection.create(tr.doc, cellPos + 2)).scrollIntoView());
  }
  return true;
};

/**
 * Moves the cursor into the next cell of the table (Tab), and from the last
 * cell adds a row and moves into it. Returns false outside tables, so Tab
 * can move focus out of the editor there.
 */
export const goToNextTableCell: Command = onRepairedTable(
  (state, dispatch, view) => goToNextCell(1)(state, dispatch, view) || addRowFromLastCell(state, dispatch, view),
);

/** Moves the cursor into the previous cell of the table (Shift-Tab). Returns false outside tables. */
export const goToPreviousTableCell: Command = onRepairedTable(goToNextCell(-1));
