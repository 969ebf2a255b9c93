import { describe, expect, it } from 'vitest';
import { plain, syncDocs, workbookPair } from './sheet.test-support.js';
import type { Workbook } from './workbook.js';

const S = 'Sheet1';

const pair = (): ReturnType<typeof workbookPair> => workbookPair(20);

describe('concurrent edits', () => {
  it('A inserts a column before B while B types =A1+B1: both show the same, correct formula', () => {
    const [a, b, da, db] = pair();
    a.setCell(S, 'A1', 1);
    a.setCell(S, 'B1', 2);
    syncDocs(da, db);
    a.insertColumns(S, 1, 1);
    b.setCell(S, 'C5', '=A1+B1');
    syncDocs(da, db);
    for (const wb of [a, b]) {
      expect(wb.getFormula(S, 'D5')).toBe('=A1+C1');
      expect(wb.getValue(S, 'D5')).toBe(3);
      expect(wb.getFormula(S, 'C5')).toBe('');
    }
  });

  it('a row deleted while another user references it becomes #REF! in formula and display', () => {
    const [a, b, da, db] = pair();
    a.setCells(S, 'A1', [[1], [2], [3]]);
    syncDocs(da, db);
    a.deleteRows(S, 1, 1);
    b.setCell(S, 'C5', '=A2*2');
    b.setCell(S, 'C6', '=SUM(A1:A3)');
    b.setCell(S, 'C2', 'typed into the deleted row');
    syncDocs(da, db);
    for (const wb of [a, b]) {
      expect(wb.getFormula(S, 'C4')).toBe('=#REF!*2');
      expect(wb.getDisplay(S, 'C4')).toBe('#REF!');
      // A range whose inner row is deleted shrinks; its endpoints are ids and survive
      expect(wb.getFormula(S, 'C5')).toBe('=SUM(A1:A2)');
      expect(wb.getValue(S, 'C5')).toBe(4);
      expect(wb.getValue(S, 'C2')).toBe(null);
    }
  });

  it('concurrent row inserts at the same place keep every row and every reference', () => {
    const [a, b, da, db] = pair();
    a.setCell(S, 'A1', 'top');
    a.setCell(S, 'B1', '=A1');
    syncDocs(da, db);
    a.insertRows(S, 0, 1);
    b.insertRows(S, 0, 2);
    a.setCell(S, 'A1', 'from a');
    b.setCell(S, 'A1', 'from b');
    syncDocs(da, db);
    for (const wb of [a, b]) {
      expect(wb.size(S).rows).toBe(23);
      expect(wb.getValue(S, 'B4')).toBe('top');
      expect(wb.getFormula(S, 'B4')).toBe('=A4');
    }
    expect([1, 2, 3].map((r) => a.getValue(S, `A${r}`))).toEqual([1, 2, 3].map((r) => b.getValue(S, `A${r}`)));
  });

  it('concurrent moves of the same row converge to a single row', () => {
    const [a, b, da, db] = pair();
    a.setCells(S, 'A1', [['r1'], ['r2'], ['r3'], ['r4']]);
    syncDocs(da, db);
    a.moveRows(S, 0, 1, 4);
    b.moveRows(S, 0, 1, 2);
    syncDocs(da, db);
    const col = (wb: Workbook): unknown[] => [1, 2, 3, 4, 5].map((r) => wb.getValue(S, `A${r}`));
    expect(col(a)).toEqual(col(b));
    expect(col(a).filter((v) => v === 'r1')).toHaveLength(1);
    expect(a.size(S).rows).toBe(20);
  });

  it('two users styling one cell keep both properties; value and format merge separately', () => {
    const [a, b, da, db] = pair();
    a.setStyle(S, 'A1', { bold: true });
    b.setStyle(S, 'A1', { color: '#00f' });
    a.setCell(S, 'A1', 0.5);
    b.setFormat(S, 'A1', '0%');
    syncDocs(da, db);
    for (const wb of [a, b]) {
      expect(wb.getStyle(S, 'A1')).toEqual({ bold: true, color: '#00f' });
      expect(wb.getDisplay(S, 'A1')).toBe('50%');
    }
  });

  it('undo is per user: undoing my edit keeps the other user’s', () => {
    const [a, b, da, db] = pair();
    a.setCell(S, 'A1', 'mine');
    b.setCell(S, 'B1', 'theirs');
    syncDocs(da, db);
    a.undo();
    syncDocs(da, db);
    for (const wb of [a, b]) {
      expect(wb.getValue(S, 'A1')).toBe(null);
      expect(wb.getValue(S, 'B1')).toBe('theirs');
    }
  });

  it('a sheet deleted while another user references it shows #REF! for both', () => {
    const [a, b, da, db] = pair();
    a.addSheet('Other');
    a.setCell('Other', 'A1', 7);
    syncDocs(da, db);
    a.deleteSheet('Other');
    b.setCell(S, 'A1', '=Other!A1+1');
    syncDocs(da, db);
    expect(plain(a.getValue(S, 'A1'))).toBe('#REF!');
    expect(plain(b.getValue(S, 'A1'))).toBe('#REF!');
    expect(a.getFormula(S, 'A1')).toBe('=#REF!+1');
  });

  it('two concurrent renames to one name leave unique names on every client, and renaming to a name in use is refused', () => {
    const [a, b, da, db] = pair();
    a.addSheet('X');
    a.addSheet('Y');
    a.setCell('Y', 'A1', 7);
    a.setCell(S, 'A1', '=Y!A1*2');
    syncDocs(da, db);
    a.renameSheet('X', 'Data');
    b.renameSheet('Y', 'data');
    syncDocs(da, db);
    for (const wb of [a, b]) {
      expect(wb.sheetNames()).toEqual(['Sheet1', 'Data', 'data (2)']);
      expect(wb.getFormula(S, 'A1')).toBe("='data (2)'!A1*2");
      expect(wb.getValue(S, 'A1')).toBe(14);
      expect(wb.getValue('data (2)', 'A1')).toBe(7);
      expect(() => wb.renameSheet('Sheet1', 'DATA')).toThrow(/already exists/);
      expect(() => wb.renameSheet('Sheet1', 'Data (2)')).toThrow(/already exists/);
      expect(() => wb.addSheet('data')).toThrow(/already exists/);
    }
    // A typed formula addresses the shown name, so it reaches the right sheet
    b.setCell(S, 'B1', "='Data (2)'!A1+1");
    syncDocs(da, db);
    expect(a.getValue(S, 'B1')).toBe(8);
    b.renameSheet('data (2)', 'Other');
    syncDocs(da, db);
    for (const wb of [a, b]) {
      expect(wb.sheetNames()).toEqual(['Sheet1', 'Data', 'Other']);
      expect(wb.getFormula(S, 'A1')).toBe('=Other!A1*2');
      expect(wb.getFormula(S, 'B1')).toBe('=Other!A1+1');
    }
  });

  it('a suffixed name skips numbers another sheet really has', () => {
    const [a, b, da, db] = pair();
    a.addSheet('X');
    a.addSheet('Y');
    a.addSheet('Data (2)');
    syncDocs(da, db);
    a.renameSheet('X', 'Data');
    b.renameSheet('Y', 'Data');
    syncDocs(da, db);
    for (const wb of [a, b]) expect(wb.sheetNames()).toEqual(['Sheet1', 'Data', 'Data (3)', 'Data (2)']);
  });
});
