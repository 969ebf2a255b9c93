import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import { CellSelection, TableMap } from 'prosemirror-tables';
import { describe, expect, it } from 'vitest';
import { schema } from './schema.js';
import {
  addTableColumnAfter,
  addTableColumnBefore,
  addTableRowAfter,
  addTableRowBefore,
  deleteTable,
  deleteTableColumn,
  deleteTableRow,
  goToNextTableCell,
  goToPreviousTableCell,
  insertTable,
  mergeTableCells,
  splitTableCell,
  toggleTableHeaderColumn,
  toggleTableHeaderRow,
} from './table-commands.js';

const p = (text = '') => schema.node('paragraph', null, text ? [schema.text(text)] : []);
const doc = (...blocks: ProseMirrorNode[]) => schema.node('doc', null, blocks);
const td = (text: string, attrs: Record<string, unknown> | null = null) => schema.node('table_cell', attrs, [p(text)]);
const tr = (...cells: ProseMirrorNode[]) => schema.node('table_row', null, cells);
const table = (...rows: ProseMirrorNode[]) => schema.node('table', null, rows);

/** A 2×2 table (a b / c d) followed by a paragraph. */
const grid = () => doc(table(tr(td('a'), td('b')), tr(td('c'), td('d'))), p('after'));

/** The position just inside the paragraph of the cell holding `text`. */
function inCell(d: ProseMirrorNode, text: string): number {
  let found = -1;
  d.descendants((node, pos) => {
    if (found < 0 && node.isTextblock && node.textContent === text) found = pos + 1;
    return found < 0;
  });
  if (found < 0) throw new Error(`no cell "${text}"`);
  return found;
}

const cursor = (d: ProseMirrorNode, text: string) =>
  EditorState.create({ doc: d, selection: TextSelection.create(d, inCell(d, text)) });

function run(state: EditorState, command: Command): EditorState {
  let next: EditorState | undefined;
  expect(command(state, (transaction) => (next = state.apply(transaction)))).toBe(true);
  return next!;
}

/** The table's text as rows of cell texts, and whether every cell holds a paragraph. */
function cells(d: ProseMirrorNode): string[][] {
  const rows: string[][] = [];
  d.firstChild!.forEach((row) => {
    const texts: string[] = [];
    row.forEach((cell) => {
      expect(cell.firstChild?.type.name).toBe('paragraph');
      texts.push(cell.textContent);
    });
    rows.push(texts);
  });
  return rows;
}

describe('insertTable', () => {
  it('inserts a table with a header row and puts the cursor in the first cell', () => {
    const start = doc(p());
    const state = run(EditorState.create({ doc: start, selection: TextSelection.create(start, 1) }), insertTable(2, 3));
    const inserted = state.doc.firstChild!;
    expect(inserted.type.name).toBe('table');
    expect(TableMap.get(inserted).width).toBe(3);
    expect(inserted.childCount).toBe(2);
    expect(inserted.child(0).child(0).type.name).toBe('table_header');
    expect(inserted.child(1).child(0).type.name).toBe('table_cell');
    expect(state.selection.$from.node(-1).type.name).toBe('table_header');
    expect(state.doc.lastChild?.type.name).toBe('paragraph');
  });

  it('inserts ordinary cells only without a header', () => {
    const start = doc(p('x'));
    const state = run(EditorState.create({ doc: start, selection: TextSelection.create(start, 2) }), insertTable(1, 1, false));
    expect(state.doc.child(1).firstChild!.firstChild!.type.name).toBe('table_cell');
  });

  it('does not nest tables and rejects sizes outside 1 to 100', () => {
    expect(insertTable(2, 2)(cursor(grid(), 'a'))).toBe(false);
    for (const [rows, cols] of [[0, 1], [1, 101], [1.5, 2]] as const) {
      expect(() => insertTable(rows, cols)).toThrow(RangeError);
    }
  });
});

describe('row and column commands', () => {
  it('add rows and columns whose cells hold a paragraph', () => {
    expect(cells(run(cursor(grid(), 'a'), addTableRowBefore).doc)).toEqual([['', ''], ['a', 'b'], ['c', 'd']]);
    expect(cells(run(cursor(grid(), 'a'), addTableRowAfter).doc)).toEqual([['a', 'b'], ['', ''], ['c', 'd']]);
    expect(cells(run(cursor(grid(), 'a'), addTableColumnBefore).doc)).toEqual([['', 'a', 'b'], ['', 'c', 'd']]);
    expect(cells(run(cursor(grid(), 'a'), addTableColumnAfter).doc)).toEqual([['a', '', 'b'], ['c', '', 'd']]);
  });

  it('delete rows and columns, and the table', () => {
    expect(cells(run(cursor(grid(), 'c'), deleteTableRow).doc)).toEqual([['a', 'b']]);
    expect(cells(run(cursor(grid(), 'b'), deleteTableColumn).doc)).toEqual([['a'], ['c']]);
    expect(run(cursor(grid(), 'd'), deleteTable).doc.eq(doc(p('after')))).toBe(true);
  });

  it('toggle the header row and the header column', () => {
    const headed = run(cursor(grid(), 'a'), toggleTableHeaderRow).doc.firstChild!;
    expect(headed.child(0).child(1).type.name).toBe('table_header');
    expect(headed.child(1).child(0).type.name).toBe('table_cell');
    const column = run(cursor(grid(), 'a'), toggleTableHeaderColumn).doc.firstChild!;
    expect(column.child(1).child(0).type.name).toBe('table_header');
    expect(column.child(1).child(1).type.name).toBe('table_cell');
  });
});

describe('tables that concurrent edits left uneven', () => {
  // One user added a column while another added a row: the new row is one cell short.
  const uneven = () => doc(table(tr(td('a'), td('b')), tr(td('c'))), p('after'));

  it('square the table up before adding a row, instead of nesting a row in a row', () => {
    const state = run(cursor(uneven(), 'c'), addTableRowAfter);
    expect(() => state.doc.check()).not.toThrow();
    expect(cells(state.doc)).toEqual([['a', 'b'], ['c', ''], ['', '']]);
    expect(state.selection.$from.parent.textContent).toBe('c');
  });

  it('square the table up before toggling the header column or moving to the next cell', () => {
    const headed = run(cursor(uneven(), 'c'), toggleTableHeaderColumn).doc;
    expect(() => headed.check()).not.toThrow();
    expect(headed.firstChild!.child(1).childCount).toBe(2);
    const next = run(cursor(uneven(), 'c'), goToNextTableCell);
    expect(cells(next.doc)).toEqual([['a', 'b'], ['c', '']]);
    expect(next.selection.$from.node(-1).type.name).toBe('table_cell');
    expect(next.selection.$from.index(-2)).toBe(1);
  });

  it('leave the table alone when the command does not apply', () => {
    expect(mergeTableCells(cursor(uneven(), 'c'))).toBe(false);
  });
});

describe('merging and splitting cells', () => {
  it('merges a cell selection into one cell and splits it again', () => {
    const start = grid();
    const $a = start.resolve(inCell(start, 'a') - 2);
    const $b = start.resolve(inCell(start, 'b') - 2);
    const selected = EditorState.create({ doc: start, selection: new CellSelection($a, $b) });
    const merged = run(selected, mergeTableCells);
    const row = merged.doc.firstChild!.child(0);
    expect(row.childCount).toBe(1);
    expect(row.child(0).attrs['colspan']).toBe(2);
    expect(row.child(0).textContent).toBe('ab');
    const split = run(EditorState.create({ doc: merged.doc, selection: TextSelection.create(merged.doc, 4) }), splitTableCell);
    expect(split.doc.firstChild!.child(0).childCount).toBe(2);
    expect(split.doc.firstChild!.child(0).child(1).firstChild?.type.name).toBe('paragraph');
  });

  it('does not merge or split a single ordinary cell', () => {
    expect(mergeTableCells(cursor(grid(), 'a'))).toBe(false);
    expect(splitTableCell(cursor(grid(), 'a'))).toBe(false);
  });
});

describe('moving between cells', () => {
  it('moves to the next and previous cell', () => {
    const next = run(cursor(grid(), 'a'), goToNextTableCell);
    expect(next.selection.$from.parent.textContent).toBe('b');
    const previous = run(next, goToPreviousTableCell);
    expect(previous.selection.$from.parent.textContent).toBe('a');
  });

  it('adds a row from the last cell and moves into it, as Tab does in Word', () => {
    const state = run(cursor(grid(), 'd'), goToNextTableCell);
    expect(cells(state.doc)).toEqual([['a', 'b'], ['c', 'd'], ['', '']]);
    const $cursor = state.selection.$from;
    expect($cursor.node(-1).type.name).toBe('table_cell');
    expect($cursor.index(-2)).toBe(0);
    expect($cursor.index(-3)).toBe(2);
  });

  it('is not applicable outside tables, so Tab can leave the editor', () => {
    const start = doc(p('x'));
    const state = EditorState.create({ doc: start, selection: TextSelection.create(start, 1) });
    expect(goToNextTableCell(state)).toBe(false);
    expect(goToPreviousTableCell(state)).toBe(false);
  });
});
