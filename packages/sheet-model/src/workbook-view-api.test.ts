import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createWorkbook } from './workbook.js';
import { freshWorkbook, syncDocs } from './sheet.test-support.js';

describe('cell borders', () => {
  it('stores each side as its own style property and reads it back', () => {
    const wb = freshWorkbook();
    wb.setStyle('Sheet1', 'B2:C3', { borderBottom: 'thin', borderLeft: 'thick' });
    expect(wb.getStyle('Sheet1', 'C3')).toEqual({ borderBottom: 'thin', borderLeft: 'thick' });
    wb.setStyle('Sheet1', 'C3', { borderBottom: null });
    expect(wb.getStyle('Sheet1', 'C3')).toEqual({ borderLeft: 'thick' });
  });

  it('refuses an unknown line weight and changes nothing', () => {
    const wb = freshWorkbook();
    expect(() => wb.setStyle('Sheet1', 'A1', { borderTop: 'dotted' as never })).toThrow(/borderTop.*thin, medium, thick/);
    expect(wb.getStyle('Sheet1', 'A1')).toEqual({});
  });

  it('merges two users setting different sides of one cell', () => {
    const a = createWorkbook(new Y.Doc(), { rows: 5, cols: 5 });
    const b = createWorkbook(new Y.Doc(), { rows: 5, cols: 5 });
    syncDocs(a.doc, b.doc);
    a.setStyle('Sheet1', 'B2', { borderTop: 'thin' });
    b.setStyle('Sheet1', 'B2', { borderBottom: 'medium' });
    syncDocs(a.doc, b.doc);
    expect(a.getStyle('Sheet1', 'B2')).toEqual({ borderTop: 'thin', borderBottom: 'medium' });
    expect(b.getStyle('Sheet1', 'B2')).toEqual(a.getStyle('Sheet1', 'B2'));
  });
});

describe('tab colours', () => {
  it('sets, reads, undoes and removes a sheet colour', () => {
    const wb = freshWorkbook();
    expect(wb.getSheetColor('Sheet1')).toBeUndefined();
    wb.setSheetColor('Sheet1', '#2E7D32');
    expect(wb.getSheetColor('sheet1')).toBe('#2e7d32');
    wb.undo();
    expect(wb.getSheetColor('Sheet1')).toBeUndefined();
    wb.redo();
    expect(wb.getSheetColor('Sheet1')).toBe('#2e7d32');
    wb.setSheetColor('Sheet1', null);
    expect(wb.getSheetColor('Sheet1')).toBeUndefined();
  });

  it('refuses what is not a #rrggbb colour, and unknown sheets', () => {
    const wb = freshWorkbook();
    expect(() => wb.setSheetColor('Sheet1', 'red; background:url(x)')).toThrow(/#rrggbb/);
    expect(() => wb.setSheetColor('Nope', '#ffffff')).toThrow(RangeError);
    expect(wb.getSheetColor('Sheet1')).toBeUndefined();
  });

  it('reaches other users and stays with a renamed sheet', () => {
    const a = createWorkbook(new Y.Doc(), { rows: 5, cols: 5 });
    const b = createWorkbook(new Y.Doc(), { seed: false });
    a.setSheetColor('Sheet1', '#1d4ed8');
    a.renameSheet('Sheet1', 'Budget');
    syncDocs(a.doc, b.doc);
    expect(b.getSheetColor('Budget')).toBe('#1d4ed8');
  });

  it('does not rebuild the calculation graph', () => {
    const wb = freshWorkbook();
    wb.setCell('Sheet1', 'A1', '=1+1');
    wb.getValue('Sheet1', 'A1');
    wb.setSheetColor('Sheet1', '#aa3377');
    expect(wb.recalculate().full).toBe(false);
  });
});

describe('batch and trackUndo', () => {
  it('makes several edits one undo step', () => {
    const wb = freshWorkbook();
    wb.batch(() => {
      wb.setStyle('Sheet1', 'A1', { bold: true });
      wb.setStyle('Sheet1', 'C3', { italic: true });
      wb.setCell('Sheet1', 'B2', 5);
    });
    wb.undo();
    expect(wb.getStyle('Sheet1', 'A1')).toEqual({});
    expect(wb.getStyle('Sheet1', 'C3')).toEqual({});
    expect(wb.getValue('Sheet1', 'B2')).toBeNull();
  });

  it('undoes a tracked type of the same document in order with cell edits, and leaves others alone', () => {
    const wb = freshWorkbook();
    const view = wb.doc.getMap<unknown>('viewSettings');
    wb.trackUndo(view);
    wb.setCell('Sheet1', 'A1', 1);
    wb.doc.transact(() => view.set('filter', 'on'), wb.editOrigin);
    view.set('untracked', 'x'); // no origin: someone else's change as far as undo is concerned
    expect(wb.undo()).toBe(true);
    expect(view.get('filter')).toBeUndefined();
    expect(view.get('untracked')).toBe('x');
    expect(wb.getValue('Sheet1', 'A1')).toBe(1);
    wb.undo();
    expect(wb.getValue('Sheet1', 'A1')).toBeNull();
    expect(() => wb.trackUndo(new Y.Doc().getMap('other'))).toThrow(TypeError);
    expect(() => wb.batch(null as never)).toThrow(TypeError);
  });
});

describe('ids and layout for views', () => {
  it('lists sheets with ids, and finds a renamed sheet by its id', () => {
    const wb = freshWorkbook();
    wb.addSheet('Data');
    const [first, second] = wb.sheets();
    expect(second!.name).toBe('Data');
    wb.renameSheet('Data', 'Zahlen');
    expect(wb.sheetNameById(second!.id)).toBe('Zahlen');
    wb.deleteSheet('Zahlen');
    expect(wb.sheetNameById(second!.id)).toBeUndefined();
    expect(wb.sheets().map((s) => s.id)).toEqual([first!.id]);
  });

  it('follows a row id through an insert above it, and says -1 once it is deleted', () => {
    const wb = freshWorkbook();
    const id = wb.rowIds('Sheet1')[4]!;
    wb.insertRows('Sheet1', 0, 2);
    expect(wb.rowIndexOf('Sheet1', id)).toBe(6);
    wb.deleteRows('Sheet1', 6, 1);
    expect(wb.rowIndexOf('Sheet1', id)).toBe(-1);
    const col = wb.colIds('Sheet1')[2]!;
    wb.insertColumns('Sheet1', 0, 1);
    expect(wb.colIndexOf('Sheet1', col)).toBe(3);
  });

  it('reports inputs, the last used cell and custom sizes by position', () => {
    const wb = freshWorkbook();
    expect(wb.lastUsedCell('Sheet1')).toEqual({ row: 0, col: 0 });
    wb.setCell('Sheet1', 'C7', 1);
    wb.setCell('Sheet1', 'E2', '=1');
    expect(wb.hasInput('Sheet1', 6, 2)).toBe(true);
    expect(wb.hasInput('Sheet1', 6, 3)).toBe(false);
    expect(wb.hasInput('Sheet1', 9999, 0)).toBe(false);
    expect(wb.lastUsedCell('Sheet1')).toEqual({ row: 6, col: 4 });
    expect(wb.lastUsedCell('Sheet1', 1)).toEqual({ row: 1, col: 4 });
    wb.setColumnWidth('Sheet1', 1, 140);
    wb.setRowHeight('Sheet1', 3, 40);
    wb.insertColumns('Sheet1', 0, 1);
    const sizes = wb.customSizes('Sheet1');
    expect([...sizes.cols]).toEqual([[2, 140]]);
    expect([...sizes.rows]).toEqual([[3, 40]]);
    expect(() => wb.customSizes('Nope')).toThrow(RangeError);
  });
});
