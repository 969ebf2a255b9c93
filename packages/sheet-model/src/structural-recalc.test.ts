import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plain, seededRandom, syncDocs } from './sheet.test-support.js';
import { createWorkbook, type Workbook } from './workbook.js';

const S = 'Sheet1';

/** A sheet with a chain of `n` formulas down column A and an unrelated block in columns E:F. */
function chainSheet(n: number): Workbook {
  const wb = createWorkbook(new Y.Doc(), { rows: n + 50, cols: 10 });
  const rows: (string | number)[][] = [[1]];
  for (let i = 2; i <= n; i++) rows.push([`=A${i - 1}+1`]);
  wb.setCells(S, 'A1', rows);
  wb.setCells(S, 'E1', [[10, '=E1*2'], [20, '=SUM(E1:E2)']]);
  expect(wb.getValue(S, `A${n}`)).toBe(n);
  expect(wb.lastRecalc.evaluated).toBe(n - 1 + 2);
  return wb;
}

describe('incremental structural edits', () => {
  it('an insert far from a dependency chain evaluates no formula of the chain', () => {
    const wb = chainSheet(500);
    wb.insertRows(S, 520, 3);
    expect(wb.getValue(S, 'A500')).toBe(500);
    expect(wb.lastRecalc).toEqual({ evaluated: 0, full: false });
    wb.insertColumns(S, 8, 2);
    expect(wb.getValue(S, 'A500')).toBe(500);
    expect(wb.lastRecalc.evaluated).toBe(0);
  });

  it('an insert inside the chain moves it without evaluating it; formulas keep their cells', () => {
    const wb = chainSheet(500);
    wb.insertRows(S, 100, 2);
    expect(wb.getValue(S, 'A502')).toBe(500);
    expect(wb.getFormula(S, 'A103')).toBe('=A100+1');
    expect(wb.getValue(S, 'A103')).toBe(101);
    expect(wb.lastRecalc.evaluated).toBe(0);
    // Editing after the insert still propagates through the whole moved chain
    wb.setCell(S, 'A1', 11);
    expect(wb.getValue(S, 'A502')).toBe(510);
    expect(wb.lastRecalc.evaluated).toBe(499);
  });

  it('a row inserted or deleted inside a range recalculates only the formulas that read the range', () => {
    const wb = chainSheet(200);
    wb.setCell(S, 'G1', '=COUNTBLANK(E1:E2)');
    wb.setCell(S, 'G2', '=ROWS(E1:E2)');
    wb.setCell(S, 'G3', '=G2*10');
    expect(wb.getValue(S, 'G3')).toBe(20);
    wb.insertRows(S, 1, 1);
    expect(wb.getValue(S, 'G1')).toBe(1);
    expect(wb.getValue(S, 'G3')).toBe(3);
    expect(wb.getValue(S, 'G4')).toBe(30);
    expect(wb.getFormula(S, 'G4')).toBe('=G3*10');
    // F3 (=SUM(E1:E3)) reads the range too; F1 and the chain are untouched
    expect(wb.getFormula(S, 'F3')).toBe('=SUM(E1:E3)');
    expect(wb.getValue(S, 'F3')).toBe(30);
    expect(wb.lastRecalc.evaluated).toBe(4);
    wb.deleteRows(S, 1, 1);
    expect(wb.getValue(S, 'G2')).toBe(2);
    expect(wb.getValue(S, 'G3')).toBe(20);
    expect(wb.lastRecalc.evaluated).toBe(4);
  });

  it('deleting a referenced row makes its readers #REF!, and undo brings the values back', () => {
    const wb = chainSheet(300);
    wb.deleteRows(S, 149, 1);
    expect(wb.getFormula(S, 'A150')).toBe('=#REF!+1');
    expect(plain(wb.getValue(S, 'A150'))).toBe('#REF!');
    expect(plain(wb.getValue(S, 'A299'))).toBe('#REF!');
    expect(wb.getValue(S, 'A149')).toBe(149);
    // Only the chain below the deleted row was evaluated
    expect(wb.lastRecalc.evaluated).toBe(150);
    wb.undo();
    expect(wb.getFormula(S, 'A151')).toBe('=A150+1');
    expect(wb.getValue(S, 'A300')).toBe(300);
    expect(wb.lastRecalc.full).toBe(false);
  });

  it('moving rows and deleting columns keep references on their cells and match a full recalculation', () => {
    const doc = new Y.Doc();
    const wb = createWorkbook(doc, { rows: 20, cols: 6 });
    wb.setCells(S, 'A1', [[1, 2, '=A1+B1'], [3, 4, '=A2*B2'], [5, 6, '=SUM(C1:C2)']]);
    expect(wb.getValue(S, 'C3')).toBe(15);
    wb.moveRows(S, 0, 1, 3);
    expect(wb.getFormula(S, 'C1')).toBe('=A1*B1');
    expect(wb.getFormula(S, 'C3')).toBe('=A3+B3');
    expect(wb.getValue(S, 'C1')).toBe(12);
    expect(wb.getValue(S, 'C3')).toBe(3);
    // The range's endpoints were moved apart in the wrong order: it no longer exists
    expect(plain(wb.getValue(S, 'C2'))).toBe('#REF!');
    expect(wb.lastRecalc.full).toBe(false);
    wb.moveRows(S, 2, 1, 0);
    expect(wb.getFormula(S, 'C3')).toBe('=SUM(C1:C2)');
    expect(wb.getValue(S, 'C3')).toBe(15);
    wb.deleteColumns(S, 0, 1);
    expect(wb.getFormula(S, 'B1')).toBe('=#REF!+A1');
    expect(plain(wb.getValue(S, 'B1'))).toBe('#REF!');
    expect(plain(wb.getValue(S, 'B3'))).toBe('#REF!');
    wb.setCell(S, 'D1', '=SUM(A1:A3)');
    expect(wb.getValue(S, 'D1')).toBe(12);
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
    const f = createWorkbook(fresh, { seed: false });
    for (const addr of ['B1', 'B2', 'B3', 'D1']) expect(plain(f.getValue(S, addr))).toEqual(plain(wb.getValue(S, addr)));
  });

  it('ROW() and COLUMN() follow their cell after an insert', () => {
    const wb = createWorkbook(new Y.Doc(), { rows: 20, cols: 6 });
    wb.setCell(S, 'B5', '=ROW()*100+COLUMN()');
    wb.setCell(S, 'C5', '=ROW(A2)');
    expect(wb.getValue(S, 'B5')).toBe(502);
    wb.insertRows(S, 0, 2);
    wb.insertColumns(S, 0, 1);
    expect(wb.getValue(S, 'C7')).toBe(703);
    expect(wb.getValue(S, 'D7')).toBe(4);
  });

  it('a remote insert is applied incrementally and matches a full recalculation', () => {
    const da = new Y.Doc();
    const db = new Y.Doc();
    const a = createWorkbook(da, { rows: 30, cols: 6 });
    syncDocs(da, db);
    const b = createWorkbook(db, { seed: false });
    a.setCells(S, 'A1', [[1, '=A1*2'], [2, '=SUM(A1:A2)'], [3, 'x']]);
    a.setCell(S, 'D1', '=VLOOKUP(3,A1:B3,2,FALSE)');
    syncDocs(da, db);
    expect(a.getValue(S, 'D1')).toBe('x');
    expect(b.getValue(S, 'D1')).toBe('x');
    a.insertRows(S, 1, 1);
    b.setCell(S, 'A3', 7);
    syncDocs(da, db);
    for (const wb of [a, b]) {
      expect(wb.getFormula(S, 'B3')).toBe('=SUM(A1:A3)');
      expect(wb.getValue(S, 'B3')).toBe(3);
      expect(wb.getValue(S, 'A4')).toBe(7);
      expect(wb.getFormula(S, 'D1')).toBe('=VLOOKUP(3,A1:B4,2,FALSE)');
      expect(plain(wb.getValue(S, 'D1'))).toBe('#N/A');
      expect(wb.lastRecalc.full).toBe(false);
    }
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(da));
    const f = createWorkbook(fresh, { seed: false });
    for (const addr of ['B1', 'B3', 'D1']) expect(plain(f.getValue(S, addr))).toEqual(plain(a.getValue(S, addr)));
  });

  it('block inserts of rows and columns (done in place) match a full recalculation after every step (seeded)', () => {
    for (const seed of [3, 17, 29]) {
      const rnd = seededRandom(seed);
      const doc = new Y.Doc();
      const wb = createWorkbook(doc, { rows: 12, cols: 6 });
      wb.setCells(S, 'A1', [
        [1, 2, '=A1+B1', '=SUM(A1:B3)', '=VLOOKUP(5,A1:C4,3,FALSE)'],
        [3, 4, '=C1*A2', '=SUM(A:A)', '=MATCH(4,B1:B4,0)'],
        [5, 6, '=C2+C1', '=COUNT(1:2)', '=ROW()+COLUMN()'],
        [7, 8, '=SUM(C1:C3)', '=$A$1+B4', '=A4&"x"'],
      ]);
      expect(wb.getValue(S, 'C4')).toBe(24);
      const cells = (): string[] => {
        const { rows, cols } = wb.size(S);
        const out: string[] = [];
        for (let r = 0; r < Math.min(rows, 14); r++) for (let c = 0; c < Math.min(cols, 9); c++) out.push(String.fromCharCode(65 + c) + String(r + 1));
        return out;
      };
      for (let step = 0; step < 12; step++) {
        const { rows, cols } = wb.size(S);
        const roll = rnd();
        const count = 1 + Math.floor(rnd() * 2);
        if (roll < 0.45) wb.insertRows(S, Math.floor(rnd() * (rows + 1)), count);
        else if (roll < 0.9) wb.insertColumns(S, Math.floor(rnd() * (cols + 1)), count);
        else wb.setCell(S, 'A1', Math.floor(rnd() * 10));
        const fresh = new Y.Doc();
        Y.applyUpdate(fresh, Y.encodeStateAsUpdate(doc));
        const f = createWorkbook(fresh, { seed: false });
        const ours = cells().map((a) => [a, plain(wb.getValue(S, a))]);
        expect(wb.lastRecalc.full, `seed ${seed} step ${step}`).toBe(false);
        expect(ours, `seed ${seed} step ${step}`).toEqual(cells().map((a) => [a, plain(f.getValue(S, a))]));
        f.destroy();
      }
    }
  });
});
