import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { formatAddress } from './a1.js';
import { fromXLSX } from './files/xlsx-read.js';
import { toXLSX } from './files/xlsx-write.js';
import { fromODS } from './files/ods-read.js';
import { toODS } from './files/ods-write.js';
import { fromCSV, toCSV } from './files/csv.js';
import { importInto } from './files/import-into.js';
import { plain, syncDocs, workbookPair } from './sheet.test-support.js';
import { createWorkbook, type CellInput, type Workbook } from './workbook.js';

const S = 'Sheet1';

/** A rows × cols grid of numbers: 100 * row + col + 1 (row and column zero-based within the grid). */
function grid(rows: number, cols: number, base = 0): number[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => base + 100 * r + c + 1));
}

function blocksOf(wb: Workbook): number {
  return wb.model.sheet(wb.sheetId(S)).blocks.size;
}

function ownEntries(wb: Workbook): number {
  return wb.model.sheet(wb.sheetId(S)).cells.size;
}

/** Every non-empty cell of the sheet as `A1 formula → value`. */
function contents(wb: Workbook): string[] {
  const out: string[] = [];
  const { rows, cols } = wb.size(S);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const a = formatAddress(r, c);
      const f = wb.getFormula(S, a);
      if (f !== '') out.push(`${a} ${f} → ${String(plain(wb.getValue(S, a)))}`);
    }
  }
  return out;
}

const pair = (): ReturnType<typeof workbookPair> => workbookPair(30);

describe('value blocks', () => {
  it('stores a bulk write of plain values as blocks and formulas per cell, and reads them like cells', () => {
    const wb = createWorkbook(new Y.Doc(), { locale: 'en', rows: 10, cols: 4 });
    const rows: CellInput[][] = grid(300, 20).map((r, i) => [...r, `=SUM(A${i + 1}:T${i + 1})`]);
    rows[0]![1] = '12%';
    rows[0]![2] = 'text';
    rows[0]![3] = true;
    wb.setCells(S, 'A1', rows);
    // 300 × 20 values in blocks of at most 4096 cells: 2 blocks; 300 formulas of their own
    expect(blocksOf(wb)).toBe(2);
    expect(ownEntries(wb)).toBe(300);
    expect(wb.getValue(S, 'A1')).toBe(1);
    expect(wb.getValue(S, 'B1')).toBe(0.12);
    expect(wb.getDisplay(S, 'B1')).toBe('12%');
    expect(wb.getFormula(S, 'C1')).toBe('text');
    expect(wb.getValue(S, 'D1')).toBe(true);
    expect(wb.getValue(S, 'T300')).toBe(29920);
    expect(wb.getValue(S, 'U300')).toBe(grid(300, 20)[299]!.reduce((x, y) => x + y, 0));
    expect(wb.hasInput(S, 299, 19)).toBe(true);
    expect(wb.lastUsedCell(S)).toEqual({ row: 299, col: 20 });
  });

  it('writes few values, and values over cells that hold something, per cell', () => {
    const wb = createWorkbook(new Y.Doc(), { locale: 'en', rows: 10, cols: 10 });
    wb.setCells(S, 'A1', grid(3, 3));
    expect(blocksOf(wb)).toBe(0);
    expect(ownEntries(wb)).toBe(9);
    // Over A1:C3 (occupied) and more: the 9 occupied cells per cell, the 16 others in a block
    wb.setCells(S, 'A1', grid(5, 5, 1000));
    expect(blocksOf(wb)).toBe(1);
    expect(ownEntries(wb)).toBe(9);
    expect(contents(wb)).toHaveLength(25);
    expect(wb.getValue(S, 'A1')).toBe(1001);
    expect(wb.getValue(S, 'E5')).toBe(1405);
  });

  it('edits and clears cells of a block without rewriting it; formulas over the block follow every change', () => {
    const wb = createWorkbook(new Y.Doc(), { locale: 'en', rows: 10, cols: 10 });
    wb.setCells(S, 'A1', grid(5, 4));
    wb.setCell(S, 'F1', '=SUM(A1:D5)');
    wb.setCell(S, 'F2', '=B2*2');
    const block = [...wb.model.sheet(wb.sheetId(S)).blocks.values()][0];
    const total = grid(5, 4).flat().reduce((x, y) => x + y, 0);
    expect(wb.getValue(S, 'F1')).toBe(total);
    wb.setCell(S, 'B2', 1000);
    expect(wb.getValue(S, 'F2')).toBe(2000);
    expect(wb.getValue(S, 'F1')).toBe(total - 102 + 1000);
    wb.setCell(S, 'B2', null);
    expect(wb.getValue(S, 'B2')).toBe(null);
    expect(wb.getFormula(S, 'B2')).toBe('');
    expect(wb.hasInput(S, 1, 1)).toBe(false);
    expect(wb.getValue(S, 'F2')).toBe(0);
    expect(wb.getValue(S, 'F1')).toBe(total - 102);
    // The clear is an entry of its own (null); the block itself is the same object
    expect(wb.model.sheet(wb.sheetId(S)).cells.get(`${wb.rowIds(S)[1]}:${wb.colIds(S)[1]}`)).toBe(null);
    expect([...wb.model.sheet(wb.sheetId(S)).blocks.values()][0]).toBe(block);
    wb.setCell(S, 'B2', 7);
    expect(wb.getValue(S, 'F2')).toBe(14);
    // Clearing a range that a block supplies
    wb.setCells(S, 'A1', [[null, null], [null, null]]);
    expect(wb.getValue(S, 'F1')).toBe(total - 102 + 7 - 1 - 2 - 101 - 7);
    // A cleared cell is not vacant: a later bulk write over it stores its value per cell, which shows
    wb.setCells(S, 'A1', grid(5, 4, 5000));
    expect(wb.getValue(S, 'A1')).toBe(5001);
    expect(wb.getValue(S, 'F1')).toBe(grid(5, 4, 5000).flat().reduce((x, y) => x + y, 0));
  });

  it('undoes and redoes a bulk write as one step', () => {
    const wb = createWorkbook(new Y.Doc(), { locale: 'en', rows: 10, cols: 10 });
    wb.setCell(S, 'H1', '=SUM(A1:C10)');
    wb.setCells(S, 'A1', grid(10, 3));
    const total = grid(10, 3).flat().reduce((x, y) => x + y, 0);
    expect(wb.getValue(S, 'H1')).toBe(total);
    expect(wb.undo()).toBe(true);
    expect(blocksOf(wb)).toBe(0);
    expect(wb.getValue(S, 'A1')).toBe(null);
    expect(wb.getValue(S, 'H1')).toBe(0);
    expect(wb.redo()).toBe(true);
    expect(wb.getValue(S, 'C10')).toBe(903);
    expect(wb.getValue(S, 'H1')).toBe(total);
  });

  it('deleting rows or columns drops their block values (rewriting only the blocks holding them); undo brings them back', () => {
    const wb = createWorkbook(new Y.Doc(), { locale: 'en', rows: 10, cols: 10 });
    wb.setCells(S, 'A1', grid(6, 4));
    wb.setCell(S, 'H1', '=SUM(A1:D6)');
    const total = grid(6, 4).flat().reduce((x, y) => x + y, 0);
    wb.deleteRows(S, 1, 2);
    expect(wb.getValue(S, 'A2')).toBe(301);
    expect(wb.getValue(S, 'H1')).toBe(total - (101 + 102 + 103 + 104) - (201 + 202 + 203 + 204));
    const stored = [...wb.model.sheet(wb.sheetId(S)).blocks.values()][0]!;
    expect(stored.r).toHaveLength(4);
    wb.deleteColumns(S, 0, 1);
    expect(wb.getValue(S, 'A1')).toBe(2);
    expect([...wb.model.sheet(wb.sheetId(S)).blocks.values()][0]!.c).toHaveLength(3);
    wb.undo();
    wb.undo();
    expect(wb.getValue(S, 'A2')).toBe(101);
    expect(wb.getValue(S, 'D6')).toBe(504);
    expect(wb.getValue(S, 'H1')).toBe(total);
    // Inserting rows inside the block moves its values with their rows
    wb.insertRows(S, 2, 3);
    expect(wb.getValue(S, 'A3')).toBe(null);
    expect(wb.getValue(S, 'A6')).toBe(201);
    expect(wb.getValue(S, 'H1')).toBe(total);
    // Deleting every row of a block removes it
    wb.deleteRows(S, 0, 9);
    expect(blocksOf(wb)).toBe(0);
  });

  it('sorts a range of block values', () => {
    const wb = createWorkbook(new Y.Doc(), { locale: 'en', rows: 10, cols: 10 });
    wb.setCells(S, 'A1', [5, 3, 9, 1, 7, 2, 8, 4].map((k) => [k, k * 10]));
    wb.sortRange(S, 'A1:B8', [{ column: 'A' }]);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((r) => wb.getValue(S, `B${r}`))).toEqual([10, 20, 30, 40, 50, 70, 80, 90]);
  });

  it('keeps two users\' concurrent edits of different cells of one block', () => {
    const [a, b, da, db] = pair();
    a.setCells(S, 'A1', grid(10, 4));
    syncDocs(da, db);
    a.setCell(S, 'B2', 'from A');
    b.setCell(S, 'C3', 'from B');
    b.setCell(S, 'D4', null);
    syncDocs(da, db);
    for (const wb of [a, b]) {
      expect(wb.getValue(S, 'B2')).toBe('from A');
      expect(wb.getValue(S, 'C3')).toBe('from B');
      expect(wb.getValue(S, 'D4')).toBe(null);
      expect(wb.getValue(S, 'A1')).toBe(1);
    }
    expect(contents(b)).toEqual(contents(a));
  });

  it('converges when a row is deleted while another user bulk-writes over it', () => {
    const [a, b, da, db] = pair();
    a.setCell(S, 'F1', '=SUM(A1:D10)');
    syncDocs(da, db);
    a.deleteRows(S, 2, 1);
    b.setCells(S, 'A1', grid(10, 4));
    syncDocs(da, db);
    const total = grid(10, 4).flat().reduce((x, y) => x + y, 0) - (201 + 202 + 203 + 204);
    for (const wb of [a, b]) {
      expect(wb.getValue(S, 'A2')).toBe(101);
      expect(wb.getValue(S, 'A3')).toBe(301);
      expect(wb.getValue(S, 'F1')).toBe(total);
    }
    expect(contents(b)).toEqual(contents(a));
  });

  it('converges when two users bulk-write over the same empty cells at once', () => {
    const [a, b, da, db] = pair();
    a.setCells(S, 'A1', grid(5, 4));
    b.setCells(S, 'B2', grid(5, 4, 5000));
    syncDocs(da, db);
    expect(contents(b)).toEqual(contents(a));
    expect(contents(a)).toHaveLength(20 + 20 - 12);
  });

  it('undo of a bulk write on one client keeps a cell another user edited in it meanwhile', () => {
    const [a, b, da, db] = pair();
    a.setCell(S, 'F1', '=SUM(A1:D10)');
    a.setCells(S, 'A1', grid(10, 4));
    syncDocs(da, db);
    b.setCell(S, 'C3', 42);
    syncDocs(da, db);
    a.undo();
    syncDocs(da, db);
    for (const wb of [a, b]) {
      expect(wb.getValue(S, 'C3')).toBe(42);
      expect(wb.getValue(S, 'A1')).toBe(null);
      expect(wb.getValue(S, 'F1')).toBe(42);
    }
    expect(contents(b)).toEqual(contents(a));
  });

  it('a client that receives a block recalculates the formulas over it', () => {
    const [a, b, da, db] = pair();
    b.setCell(S, 'F1', '=SUM(A1:D10)');
    expect(b.getValue(S, 'F1')).toBe(0);
    a.setCells(S, 'A1', grid(10, 4));
    syncDocs(da, db);
    expect(b.getValue(S, 'F1')).toBe(grid(10, 4).flat().reduce((x, y) => x + y, 0));
  });

  it('opens documents whose cells are all entries of their own (as earlier versions wrote them)', () => {
    const doc = new Y.Doc();
    const first = createWorkbook(doc, { locale: 'en', rows: 5, cols: 3 });
    const id = first.sheetId(S);
    const [r0, r1] = first.rowIds(S);
    const [c0, c1] = first.colIds(S);
    doc.transact(() => {
      const cells = first.model.sheet(id).cells;
      cells.set(`${r0}:${c0}`, 4);
      cells.set(`${r1}:${c0}`, 'x');
      cells.set(`${r0}:${c1}`, { f: { k: 'bin', op: '*', a: { k: 'ref', ref: { r: r0!, c: c0! } }, b: { k: 'num', v: 2 } } });
    });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const wb = createWorkbook(copy, { locale: 'en', seed: false });
    expect(wb.getValue(S, 'B1')).toBe(8);
    expect(wb.getFormula(S, 'B1')).toBe('=A1*2');
    expect(wb.getValue(S, 'A2')).toBe('x');
  });

  it('ignores a damaged block entry instead of failing', () => {
    const wb = createWorkbook(new Y.Doc(), { locale: 'en', rows: 5, cols: 3 });
    const t = wb.model.sheet(wb.sheetId(S));
    const [r0] = wb.rowIds(S);
    const [c0] = wb.colIds(S);
    wb.setCell(S, 'C1', '=SUM(A1:B5)');
    wb.doc.transact(() => {
      t.blocks.set('bad1', { r: 'not a list' } as never);
      t.blocks.set('bad2', { r: [r0!], c: [c0!], v: [1, 2] });
      t.blocks.set('odd', { r: [r0!], c: [c0!], v: [{ nested: true } as never] });
    });
    expect(wb.getValue(S, 'A1')).toBe(null);
    expect(wb.getValue(S, 'C1')).toBe(0);
    expect(toCSV(wb, S)).toBe(',,0\r\n');
  });

  it('imports dense plain values as blocks (formulas per cell), in row order only, as one undo step', () => {
    const csv = Array.from({ length: 20 }, (_, r) => [r + 1, `t${r}`, r % 2 === 0, (r + 1) * 2, 'f'].join(',')).join('\n');
    const read = fromCSV(csv).data;
    // CSV never runs formulas: put one into column E of every row
    const cells = read.sheets[0]!.cells.map((c) => (c.col === 4 ? { ...c, content: { kind: 'formula' as const, formula: `=A${c.row + 1}*2` } } : c));
    const data = { ...read, sheets: [{ ...read.sheets[0]!, cells }] };
    const wb = createWorkbook(new Y.Doc(), { locale: 'en', rows: 5, cols: 3 });
    importInto(wb, data, { mode: 'replace' });
    const t = wb.model.sheet(wb.sheetId(wb.sheetNames()[0]!));
    expect(t.blocks.size).toBe(1);
    expect(t.cells.size).toBe(20);
    const name = wb.sheetNames()[0]!;
    expect(wb.getValue(name, 'B20')).toBe('t19');
    expect(wb.getValue(name, 'C2')).toBe(false);
    expect(wb.getValue(name, 'E20')).toBe(40);
    wb.setCell(name, 'A20', 100);
    expect(wb.getValue(name, 'E20')).toBe(200);
    // The same cells out of row order are written per cell, with the same result
    const shuffled = { ...data, sheets: [{ ...data.sheets[0]!, cells: [...data.sheets[0]!.cells].reverse() }] };
    const other = createWorkbook(new Y.Doc(), { locale: 'en', rows: 5, cols: 3 });
    importInto(other, shuffled, { mode: 'replace' });
    expect(other.model.sheet(other.sheetId(other.sheetNames()[0]!)).blocks.size).toBe(0);
    expect(other.getValue(other.sheetNames()[0]!, 'B20')).toBe('t19');
    wb.undo();
    wb.undo();
    expect(wb.sheetNames()).toEqual(['Sheet1']);
    expect(wb.getValue('Sheet1', 'A1')).toBe(null);
  });

  it('exports block values to CSV, XLSX and ODS', () => {
    const wb = createWorkbook(new Y.Doc(), { locale: 'en', rows: 5, cols: 3 });
    wb.setCells(S, 'A1', grid(6, 3).map((r, i) => (i === 0 ? ['name', 'x', true] : r)));
    wb.setCell(S, 'B2', null);
    wb.setCell(S, 'D1', '=SUM(A2:C6)');
    const csv = toCSV(wb, S);
    expect(csv.split('\r\n')[0]).toBe('name,x,TRUE,4428');
    expect(csv.split('\r\n')[1]).toBe('101,,103,');
    for (const data of [fromXLSX(toXLSX(wb)).data, fromODS(toODS(wb)).data]) {
      const cells = data.sheets[0]!.cells;
      expect(cells.find((c) => c.row === 0 && c.col === 0)?.content).toEqual({ kind: 'text', value: 'name' });
      expect(cells.find((c) => c.row === 5 && c.col === 2)?.content).toEqual({ kind: 'number', value: 503 });
      expect(cells.find((c) => c.row === 1 && c.col === 1)).toBeUndefined();
    }
  });
});
