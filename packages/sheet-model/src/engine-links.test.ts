import { describe, expect, it } from 'vitest';
import { FormulaError } from './errors.js';
import { freshWorkbook } from './sheet.test-support.js';

const S = 'Sheet1';
const code = (v: unknown): unknown => (v instanceof FormulaError ? v.code : v);

// The graph holds a single dependent or precedent directly and several in an array, and `=A1+1`-shaped formulas share
// one compiled function per operator and number. These tests walk the transitions between those forms.
describe('dependency links', () => {
  it('follows a cell through zero, one, several and again one and zero dependents', () => {
    const wb = freshWorkbook();
    wb.setCell(S, 'A1', 5);
    wb.setCell(S, 'B1', '=A1+1');
    expect(wb.getValue(S, 'B1')).toBe(6);
    wb.setCells(S, 'B2', [['=A1*2'], ['=A1-3'], ['=SUM(A1,B1)']]);
    expect([2, 3, 4].map((r) => wb.getValue(S, `B${r}`))).toEqual([10, 2, 11]);
    wb.setCell(S, 'A1', 7);
    expect([1, 2, 3, 4].map((r) => wb.getValue(S, `B${r}`))).toEqual([8, 14, 4, 15]);
    expect(wb.lastRecalc.evaluated).toBe(4);
    // Remove dependents one by one (the middle one first), each edit still reaching exactly the rest
    wb.setCell(S, 'B2', null);
    wb.setCell(S, 'A1', 1);
    expect([1, 3, 4].map((r) => wb.getValue(S, `B${r}`))).toEqual([2, -2, 3]);
    expect(wb.lastRecalc.evaluated).toBe(3);
    wb.setCells(S, 'B3', [[null], [null]]);
    wb.setCell(S, 'A1', 2);
    expect(wb.getValue(S, 'B1')).toBe(3);
    expect(wb.lastRecalc.evaluated).toBe(1);
    wb.setCell(S, 'B1', 9);
    wb.setCell(S, 'A1', 3);
    expect(wb.getValue(S, 'B1')).toBe(9);
    expect(wb.lastRecalc.evaluated).toBe(0);
    // And back to one dependent
    wb.setCell(S, 'C1', '=A1*3');
    expect(wb.getValue(S, 'C1')).toBe(9);
    wb.setCell(S, 'A1', 4);
    expect(wb.getValue(S, 'C1')).toBe(12);
    expect(wb.lastRecalc.evaluated).toBe(1);
  });

  it('a formula that changes from one precedent to several and back recalculates from the right cells', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [[1, 10, 100]]);
    wb.setCell(S, 'D1', '=A1+1');
    expect(wb.getValue(S, 'D1')).toBe(2);
    wb.setCell(S, 'D1', '=A1+B1+C1');
    expect(wb.getValue(S, 'D1')).toBe(111);
    wb.setCell(S, 'C1', 200);
    expect(wb.getValue(S, 'D1')).toBe(211);
    wb.setCell(S, 'D1', '=C1-1');
    expect(wb.getValue(S, 'D1')).toBe(199);
    // A1 and B1 no longer feed D1
    wb.setCells(S, 'A1', [[5, 50]]);
    expect(wb.getValue(S, 'D1')).toBe(199);
    expect(wb.lastRecalc.evaluated).toBe(0);
    wb.setCell(S, 'C1', 7);
    expect(wb.getValue(S, 'D1')).toBe(6);
    expect(wb.lastRecalc.evaluated).toBe(1);
  });

  it('shares `=cell op number` between formulas without mixing up their cells, operators or numbers', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [[2, '=A1+1', '=A1-1', '=A1*3', '=B1+1', '=C1+1', '=A1+1.5']]);
    expect(['B1', 'C1', 'D1', 'E1', 'F1', 'G1'].map((a) => wb.getValue(S, a))).toEqual([3, 1, 6, 4, 2, 3.5]);
    wb.setCell(S, 'A1', 10);
    expect(['B1', 'C1', 'D1', 'E1', 'F1', 'G1'].map((a) => wb.getValue(S, a))).toEqual([11, 9, 30, 12, 10, 11.5]);
  });

  it('`=cell op number` keeps Excel semantics for text, empty cells, errors, overflow, itself and deleted cells', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [["'5", '=A1+1'], ['abc', '=A2+1'], [null, '=A3*2'], ['=1/0', '=A4-1'], [1e308, '=A5*10'], [1, '=B6+1']]);
    expect(wb.getValue(S, 'B1')).toBe(6);
    expect(code(wb.getValue(S, 'B2'))).toBe('#VALUE!');
    expect(wb.getValue(S, 'B3')).toBe(0);
    expect(code(wb.getValue(S, 'B4'))).toBe('#DIV/0!');
    expect(code(wb.getValue(S, 'B5'))).toBe('#NUM!');
    expect(code(wb.getValue(S, 'B6'))).toBe('#CIRC!');
    wb.setCell(S, 'A1', true);
    expect(wb.getValue(S, 'B1')).toBe(2);
    wb.deleteRows(S, 1, 1);
    expect(wb.getFormula(S, 'B1')).toBe('=A1+1');
    wb.setCell(S, 'C1', '=A2*2');
    wb.deleteRows(S, 1, 1);
    expect(wb.getFormula(S, 'C1')).toBe('=#REF!*2');
    expect(code(wb.getValue(S, 'C1'))).toBe('#REF!');
    wb.undo();
    expect(wb.getValue(S, 'C1')).toBe(0);
  });

  it('evaluates a 3-cycle and the cells reading it as #CIRC!, and recovers when the cycle is broken', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [['=C1+1', '=A1+1', '=B1+1', '=C1*2']]);
    expect(['A1', 'B1', 'C1', 'D1'].map((a) => code(wb.getValue(S, a)))).toEqual(['#CIRC!', '#CIRC!', '#CIRC!', '#CIRC!']);
    wb.setCell(S, 'A1', 1);
    expect(['A1', 'B1', 'C1', 'D1'].map((a) => wb.getValue(S, a))).toEqual([1, 2, 3, 6]);
  });
});
