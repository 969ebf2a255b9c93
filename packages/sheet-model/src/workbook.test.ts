import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FormulaError } from './errors.js';
import { freshWorkbook, plain } from './sheet.test-support.js';
import { createWorkbook } from './workbook.js';

const S = 'Sheet1';

describe('workbook API', () => {
  it('creates Sheet1 in an empty document and reads script input locale-neutrally by default', () => {
    const wb = createWorkbook(new Y.Doc());
    expect(wb.locale).toBe('en');
    expect(wb.sheetNames()).toEqual(['Sheet1']);
    wb.setCell(S, 'B2', '3.5');
    wb.setCell(S, 'B3', '=B2*2');
    wb.setCell(S, 'B4', '1,234.5');
    wb.setCell(S, 'B5', 'TRUE');
    expect(wb.getValue(S, 'B2')).toBe(3.5);
    expect(wb.getValue(S, 'B3')).toBe(7);
    expect(wb.getValue(S, 'B4')).toBe(1234.5);
    expect(wb.getValue(S, 'B5')).toBe(true);
    expect(wb.getDisplay(S, 'B3')).toBe('7');
    expect(wb.getFormula(S, 'B3')).toBe('=B2*2');
    expect(wb.getFormula(S, 'B2')).toBe('3.5');
    expect(wb.getValue(S, 'Z999')).toBe(null);
  });

  it('reads German input with { locale: "de" }', () => {
    const wb = createWorkbook(new Y.Doc(), { locale: 'de' });
    wb.setCell(S, 'B2', '1.234,5');
    wb.setCell(S, 'B3', '=B2*2');
    wb.setCell(S, 'B4', '3.5');
    expect(wb.getValue(S, 'B2')).toBe(1234.5);
    expect(wb.getValue(S, 'B3')).toBe(2469);
    expect(wb.getDisplay(S, 'B3')).toBe('2469');
    expect(wb.getFormula(S, 'B2')).toBe('1234,5');
    // "3.5" is not a German number: it stays text rather than silently becoming 35
    expect(wb.getValue(S, 'B4')).toBe('3.5');
  });

  it('reads typed input by locale: percentages, EUR, dates, booleans, forced text', () => {
    const wb = freshWorkbook('de');
    wb.setCell(S, 'A1', '12,5%');
    wb.setCell(S, 'A2', '1.234,50 €');
    wb.setCell(S, 'A3', '24.12.2024');
    wb.setCell(S, 'A4', 'wahr');
    wb.setCell(S, 'A5', "'00123");
    wb.setCell(S, 'A6', 'Hallo');
    expect(wb.getValue(S, 'A1')).toBe(0.125);
    expect(wb.getDisplay(S, 'A1')).toBe('12,50%');
    expect(wb.getDisplay(S, 'A2')).toBe('1.234,50 €');
    expect(wb.getValue(S, 'A3')).toBe(45650);
    expect(wb.getDisplay(S, 'A3')).toBe('24.12.2024');
    expect(wb.getValue(S, 'A4')).toBe(true);
    expect(wb.getDisplay(S, 'A4')).toBe('WAHR');
    expect(wb.getValue(S, 'A5')).toBe('00123');
    expect(wb.getFormula(S, 'A5')).toBe("'00123");
    expect(wb.getFormula(S, 'A6')).toBe('Hallo');
  });

  it('applies number formats in the locale', () => {
    const wb = freshWorkbook('de');
    wb.setCell(S, 'A1', 1234.567);
    wb.setFormat(S, 'A1', '#,##0.00');
    expect(wb.getDisplay(S, 'A1')).toBe('1.234,57');
    wb.locale = 'en';
    expect(wb.getDisplay(S, 'A1')).toBe('1,234.57');
    wb.setFormat(S, 'A1', null);
    expect(wb.getFormat(S, 'A1')).toBeUndefined();
    expect(wb.getDisplay(S, 'A1')).toBe('1234.567');
  });

  it('rejects bad addresses, sheets and inputs with clear errors', () => {
    const wb = freshWorkbook();
    expect(() => wb.setCell(S, 'A0', 1)).toThrow(RangeError);
    expect(() => wb.setCell(S, 'hello', 1)).toThrow(/not a cell address/);
    expect(() => wb.setCell('Nope', 'A1', 1)).toThrow(/no sheet "Nope"/);
    expect(() => wb.setCell(S, 'A1', Number.NaN)).toThrow(/finite number/);
    expect(() => wb.setCell(S, 'A1', {} as unknown as string)).toThrow(TypeError);
    expect(() => wb.insertRows(S, -1, 1)).toThrow(RangeError);
    expect(() => wb.deleteRows(S, 0, 0)).toThrow(RangeError);
    expect(() => wb.deleteColumns(S, 0, 10)).toThrow(/at least one/);
  });

  it('keeps unparseable formulas as typed, with #ERROR!', () => {
    const wb = freshWorkbook();
    wb.setCell(S, 'A1', '=SUM(1,');
    wb.setCell(S, 'A2', '=A1+1');
    expect(plain(wb.getValue(S, 'A1'))).toBe('#ERROR!');
    expect(wb.getFormula(S, 'A1')).toBe('=SUM(1,');
    expect(wb.getDisplay(S, 'A1')).toBe('#ERROR!');
    expect(plain(wb.getValue(S, 'A2'))).toBe('#ERROR!');
  });

  it('errors show as Excel shows them and propagate', () => {
    const wb = freshWorkbook();
    wb.setCell(S, 'A1', '=1/0');
    wb.setCell(S, 'A2', '=A1*2');
    wb.setCell(S, 'A3', '=UNKNOWNNAME+1');
    wb.setCell(S, 'A4', "='No such sheet'!A1");
    const e = wb.getValue(S, 'A2');
    expect(e).toBeInstanceOf(FormulaError);
    expect((e as FormulaError).code).toBe('#DIV/0!');
    expect(wb.getDisplay(S, 'A2')).toBe('#DIV/0!');
    expect(plain(wb.getValue(S, 'A3'))).toBe('#NAME?');
    expect(plain(wb.getValue(S, 'A4'))).toBe('#REF!');
  });

  it('reports circular references as #CIRC! without hanging, and recovers when the cycle is broken', () => {
    const wb = freshWorkbook();
    wb.setCell(S, 'A1', '=B1+1');
    wb.setCell(S, 'B1', '=A1+1');
    wb.setCell(S, 'C1', '=A1*2');
    wb.setCell(S, 'D1', '=D1');
    wb.setCell(S, 'E1', '=SUM(E1:E3)');
    wb.setCell(S, 'F1', '=IFERROR(C1,"caught")');
    expect(plain(wb.getValue(S, 'A1'))).toBe('#CIRC!');
    expect(plain(wb.getValue(S, 'B1'))).toBe('#CIRC!');
    expect(plain(wb.getValue(S, 'C1'))).toBe('#CIRC!');
    expect(plain(wb.getValue(S, 'D1'))).toBe('#CIRC!');
    expect(plain(wb.getValue(S, 'E1'))).toBe('#CIRC!');
    expect(wb.getValue(S, 'F1')).toBe('caught');
    wb.setCell(S, 'B1', 5);
    expect(wb.getValue(S, 'A1')).toBe(6);
    expect(wb.getValue(S, 'C1')).toBe(12);
  });

  it('handles huge and whole-column ranges (ids for rows up to the range end, no cells)', () => {
    const wb = freshWorkbook();
    wb.setCell(S, 'A1', 1);
    wb.setCell(S, 'A2', 2);
    wb.setCell(S, 'B1', '=SUM(A:A)');
    wb.setCell(S, 'B2', '=SUM(A1:A100000)');
    wb.setCell(S, 'B3', '=COUNTBLANK(A1:A100000)');
    wb.setCell(S, 'B4', '=SUM(1:1)');
    expect(wb.getValue(S, 'B1')).toBe(3);
    expect(wb.getValue(S, 'B2')).toBe(3);
    expect(wb.getValue(S, 'B3')).toBe(99998);
    expect(wb.getValue(S, 'B4')).toBe(4);
    expect(wb.size(S).rows).toBe(100000);
    expect(wb.getFormula(S, 'B2')).toBe('=SUM(A1:A100000)');
  });

  it('recalculates only the dependents of an edit', () => {
    const wb = freshWorkbook();
    for (let i = 1; i <= 20; i++) {
      wb.setCell(S, `A${i}`, i);
      wb.setCell(S, `B${i}`, `=A${i}*2`);
    }
    wb.setCell(S, 'C1', '=SUM(B1:B20)');
    wb.setCell(S, 'D1', '=SUM(A1:A5)');
    expect(wb.getValue(S, 'C1')).toBe(420);
    wb.setCell(S, 'A7', 100);
    expect(wb.getValue(S, 'C1')).toBe(606);
    // B7 and C1, not the other B cells nor D1 (its range does not contain A7)
    expect(wb.lastRecalc).toEqual({ evaluated: 2, full: false });
    wb.setCell(S, 'A3', 0);
    expect(wb.getValue(S, 'D1')).toBe(12);
    expect(wb.lastRecalc.evaluated).toBe(3);
  });

  it('recalculates volatile functions on every change', () => {
    let n = 0;
    const wb = createWorkbook(new Y.Doc(), { random: () => (n++ % 10) / 10 });
    wb.setCell(S, 'A1', '=RAND()');
    wb.setCell(S, 'A2', '=A1*10');
    const first = wb.getValue(S, 'A2');
    wb.setCell(S, 'C5', 'unrelated');
    const second = wb.getValue(S, 'A2');
    expect(second).not.toBe(first);
    expect(wb.lastRecalc.evaluated).toBe(2);
  });

  it('manages sheets: add, rename, reorder, delete; cross-sheet references follow', () => {
    const wb = freshWorkbook();
    wb.addSheet('Data 2');
    wb.setCell('Data 2', 'A1', 42);
    wb.setCell(S, 'A1', "='Data 2'!A1+1");
    expect(wb.getValue(S, 'A1')).toBe(43);
    wb.renameSheet('Data 2', 'Zahlen');
    expect(wb.getFormula(S, 'A1')).toBe('=Zahlen!A1+1');
    wb.moveSheet('Zahlen', 0);
    expect(wb.sheetNames()).toEqual(['Zahlen', 'Sheet1']);
    expect(() => wb.addSheet('zahlen')).toThrow(/already exists/);
    expect(() => wb.renameSheet(S, 'a/b')).toThrow(/not a valid sheet name/);
    wb.deleteSheet('Zahlen');
    expect(wb.sheetNames()).toEqual(['Sheet1']);
    expect(plain(wb.getValue(S, 'A1'))).toBe('#REF!');
    expect(wb.getFormula(S, 'A1')).toBe('=#REF!+1');
    expect(() => wb.deleteSheet(S)).toThrow(/at least one sheet/);
    wb.undo();
    expect(wb.sheetNames()).toEqual(['Zahlen', 'Sheet1']);
    expect(wb.getValue(S, 'A1')).toBe(43);
  });

  it('named ranges, workbook-wide and in formulas', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [[1], [2], [3]]);
    wb.defineName('Numbers', 'Sheet1!$A$1:$A$3');
    wb.setCell(S, 'B1', '=SUM(Numbers)*2');
    expect(wb.getValue(S, 'B1')).toBe(12);
    wb.setCell(S, 'A2', 20);
    expect(wb.getValue(S, 'B1')).toBe(48);
    wb.insertRows(S, 1, 1);
    expect(wb.names()).toEqual([{ name: 'Numbers', reference: 'Sheet1!$A$1:$A$4' }]);
    wb.deleteName('Numbers');
    expect(plain(wb.getValue(S, 'B1'))).toBe('#NAME?');
    expect(() => wb.defineName('A1', 'Sheet1!A1')).toThrow(/not a valid name/);
    expect(() => wb.defineName('Bad', '=SUM(')).toThrow(/not a valid formula/);
  });

  it('styles merge per property; layout, merges and frozen panes are stored', () => {
    const wb = freshWorkbook();
    wb.setStyle(S, 'A1:B2', { bold: true });
    wb.setStyle(S, 'A1', { color: '#ff0000' });
    expect(wb.getStyle(S, 'A1')).toEqual({ bold: true, color: '#ff0000' });
    expect(wb.getStyle(S, 'B2')).toEqual({ bold: true });
    wb.setStyle(S, 'A1', { bold: null });
    expect(wb.getStyle(S, 'A1')).toEqual({ color: '#ff0000' });
    expect(() => wb.setStyle(S, 'A1', { blink: true } as never)).toThrow(/Unknown style property/);
    wb.setColumnWidth(S, 2, 120);
    wb.setRowHeight(S, 3, 40);
    wb.insertColumns(S, 0, 1);
    expect(wb.getColumnWidth(S, 3)).toBe(120);
    expect(wb.getRowHeight(S, 3)).toBe(40);
    expect(() => wb.setColumnWidth(S, 0, -5)).toThrow(RangeError);
    wb.merge(S, 'B2:C3');
    wb.insertRows(S, 0, 1);
    expect(wb.merges(S).map((m) => m.range)).toEqual(['B3:C4']);
    wb.unmerge(S, 'C4');
    expect(wb.merges(S)).toEqual([]);
    wb.setFrozen(S, 1, 2);
    expect(wb.getFrozen(S)).toEqual({ rows: 1, cols: 2 });
  });

  it('hides and shows rows and columns by id: they move with inserts, go with deletes, and each change is one undo step', () => {
    const wb = createWorkbook(new Y.Doc());
    wb.setCells(S, 'A1', [[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    wb.setCell(S, 'D1', '=SUM(A2:C2)');
    wb.setHidden(S, 'rows', 1, 2, true);
    wb.setHidden(S, 'cols', 1, 1, true);
    expect(wb.hiddenLines(S)).toEqual({ rows: new Set([1, 2]), cols: new Set([1]) });
    // Hidden lines keep their content and still count in formulas.
    expect(wb.getValue(S, 'B2')).toBe(5);
    expect(wb.getValue(S, 'D1')).toBe(15);
    wb.insertRows(S, 0, 1);
    wb.insertColumns(S, 0, 2);
    expect(wb.hiddenLines(S)).toEqual({ rows: new Set([2, 3]), cols: new Set([3]) });
    wb.deleteRows(S, 2, 1);
    expect(wb.hiddenLines(S)).toEqual({ rows: new Set([2]), cols: new Set([3]) });
    wb.setHidden(S, 'rows', 0, 5, false);
    expect(wb.hiddenLines(S).rows).toEqual(new Set());
    wb.undo();
    expect(wb.hiddenLines(S).rows).toEqual(new Set([2]));
    wb.setHidden(S, 'cols', 3, 3, true);
    expect(wb.hiddenLines(S).cols).toEqual(new Set([3]));
    expect(() => wb.setHidden(S, 'cols', 2, 1, true)).toThrow(RangeError);
    expect(() => wb.setHidden(S, 'rows', -1, 0, true)).toThrow(RangeError);
    expect(() => wb.setHidden(S, 'rows', 0, 1_000_000, true)).toThrow(/not a range of this sheet/);
    expect(() => wb.setHidden('Nope', 'rows', 0, 0, true)).toThrow();
  });

  it('keeps a line hidden by one user and shown by another consistent on both replicas', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const wa = createWorkbook(a);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const wbB = createWorkbook(b, { seed: false });
    wa.setHidden(S, 'cols', 2, 2, true);
    wbB.setHidden(S, 'cols', 2, 2, true);
    wbB.setHidden(S, 'rows', 4, 4, true);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(wa.hiddenLines(S)).toEqual({ rows: new Set([4]), cols: new Set([2]) });
    expect(wbB.hiddenLines(S)).toEqual(wa.hiddenLines(S));
    wa.setHidden(S, 'cols', 2, 2, false);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(wbB.hiddenLines(S).cols).toEqual(new Set());
  });
});

describe('structural operations', () => {
  it('insertRows and insertColumns move cells and references together', () => {
    const wb = freshWorkbook();
    wb.setCell(S, 'A1', 1);
    wb.setCell(S, 'B2', '=A1+$A$1');
    wb.setCell(S, 'C3', '=SUM(A1:B2)');
    wb.insertRows(S, 0, 2);
    wb.insertColumns(S, 1, 1);
    expect(wb.getFormula(S, 'C4')).toBe('=A3+$A$3');
    expect(wb.getFormula(S, 'D5')).toBe('=SUM(A3:C4)');
    expect(wb.getValue(S, 'D5')).toBe(3);
  });

  it('deleteRows turns references into #REF! and shrinks ranges whose ends are deleted', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [[1], [2], [3], [4], [5]]);
    wb.setCell(S, 'C10', '=A3*10');
    wb.setCell(S, 'C11', '=SUM(A1:A5)');
    wb.setCell(S, 'C12', '=SUM(A3:A5)');
    wb.setCell(S, 'C13', '=SUM(A3:A3)');
    wb.deleteRows(S, 2, 1);
    expect(wb.getFormula(S, 'C9')).toBe('=#REF!*10');
    expect(wb.getDisplay(S, 'C9')).toBe('#REF!');
    expect(wb.getFormula(S, 'C10')).toBe('=SUM(A1:A4)');
    expect(wb.getValue(S, 'C10')).toBe(12);
    expect(wb.getFormula(S, 'C11')).toBe('=SUM(A3:A4)');
    expect(wb.getValue(S, 'C11')).toBe(9);
    expect(wb.getFormula(S, 'C12')).toBe('=SUM(#REF!)');
    expect(plain(wb.getValue(S, 'C12'))).toBe('#REF!');
    wb.deleteRows(S, 3, 1);
    expect(wb.getFormula(S, 'C9')).toBe('=SUM(A1:A3)');
    expect(wb.getFormula(S, 'C10')).toBe('=SUM(A3:A3)');
  });

  it('deleteColumns works the same way across columns', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [[1, 2, 3, 4]]);
    wb.setCell(S, 'A2', '=SUM(A1:D1)');
    wb.setCell(S, 'A3', '=C1');
    wb.deleteColumns(S, 2, 2);
    expect(wb.getFormula(S, 'A2')).toBe('=SUM(A1:B1)');
    expect(wb.getValue(S, 'A2')).toBe(3);
    expect(plain(wb.getValue(S, 'A3'))).toBe('#REF!');
  });

  it('moveRows and moveColumns carry cells and keep references on them', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [['a'], ['b'], ['c'], ['d']]);
    wb.setCell(S, 'B1', '=A2');
    wb.moveRows(S, 1, 1, 4);
    expect([1, 2, 3, 4].map((r) => wb.getValue(S, `A${r}`))).toEqual(['a', 'c', 'd', 'b']);
    expect(wb.getFormula(S, 'B1')).toBe('=A4');
    expect(wb.getValue(S, 'B1')).toBe('b');
    wb.moveColumns(S, 0, 1, 3);
    expect(wb.getValue(S, 'C4')).toBe('b');
    expect(wb.getFormula(S, 'A1')).toBe('=C4');
    wb.undo();
    wb.undo();
    expect(wb.getFormula(S, 'B1')).toBe('=A2');
  });

  it('sortRange sorts stably by several keys and moves formulas with their rows', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [
      ['b', 2, 'first b2'],
      ['a', 2, 'a2'],
      ['b', 1, 'b1'],
      ['a', 1, 'a1'],
      ['b', 2, 'second b2'],
      [null, 0, 'empty'],
    ]);
    wb.setCell(S, 'D1', '=B1*10');
    wb.sortRange(S, 'A1:D6', [{ column: 'A' }, { column: 'B', descending: true }]);
    expect([1, 2, 3, 4, 5, 6].map((r) => wb.getValue(S, `C${r}`))).toEqual(['a2', 'a1', 'first b2', 'second b2', 'b1', 'empty']);
    expect(wb.getFormula(S, 'D3')).toBe('=B3*10');
    expect(wb.getValue(S, 'D3')).toBe(20);
    wb.undo();
    expect(wb.getValue(S, 'C1')).toBe('first b2');
    expect(() => wb.sortRange(S, 'A1:B3', [{ column: 'D' }])).toThrow(/outside the range/);
  });

  it('each structural operation is one undo step, and redo restores it', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [[1], [2], [3]]);
    wb.setCell(S, 'B1', '=SUM(A1:A3)');
    wb.deleteRows(S, 1, 2);
    expect(wb.getFormula(S, 'B1')).toBe('=SUM(A1:A1)');
    wb.undo();
    expect(wb.getFormula(S, 'B1')).toBe('=SUM(A1:A3)');
    expect(wb.getValue(S, 'B1')).toBe(6);
    wb.redo();
    expect(wb.getValue(S, 'B1')).toBe(1);
  });
});

describe('bad input in formulas', () => {
  it('texts beyond the 32,767 characters Excel allows are #VALUE!, not a crash or a huge string', () => {
    const wb = freshWorkbook();
    wb.setCell(S, 'A1', '=REPT("x",30000)');
    wb.setCell(S, 'A2', '=A1&A1');
    wb.setCell(S, 'A3', '=LEN(A2)');
    wb.setCell(S, 'A4', '=LEN(CONCAT(A1,A1))');
    wb.setCell(S, 'A5', '=LEN(A1&"abc")');
    expect(plain(wb.getValue(S, 'A3'))).toBe('#VALUE!');
    expect(plain(wb.getValue(S, 'A4'))).toBe('#VALUE!');
    expect(wb.getValue(S, 'A5')).toBe(30003);
    wb.setCell(S, 'B1', '=REPT("x",40000)');
    expect(plain(wb.getValue(S, 'B1'))).toBe('#VALUE!');
  });

  it('text in arithmetic, empty references and errors inside ranges behave as in Excel', () => {
    const wb = freshWorkbook();
    wb.setCells(S, 'A1', [['abc'], [null], ['=1/0'], [4]]);
    wb.setCell(S, 'B1', '=A1*2');
    wb.setCell(S, 'B2', '=A2*2');
    wb.setCell(S, 'B3', '=SUM(A1:A4)');
    wb.setCell(S, 'B4', '=SUM(A1,A2,A4)');
    wb.setCell(S, 'B5', '=COUNTIF(A1:A4,">1")');
    expect(plain(wb.getValue(S, 'B1'))).toBe('#VALUE!');
    expect(wb.getValue(S, 'B2')).toBe(0);
    expect(plain(wb.getValue(S, 'B3'))).toBe('#DIV/0!');
    expect(wb.getValue(S, 'B4')).toBe(4);
    expect(wb.getValue(S, 'B5')).toBe(1);
  });
});

describe('storage', () => {
  it('stores formulas in id space, never as A1 text, and no computed values', () => {
    const wb = freshWorkbook();
    wb.setCell(S, 'A1', 12345);
    wb.setCell(S, 'B2', '=$A$1*2');
    const id = wb.sheetId(S);
    const rows = wb.model.rows(id);
    const cols = wb.model.cols(id);
    const stored = wb.model.sheet(id).cells.get(`${rows[1]}:${cols[1]}`);
    expect(stored).toEqual({ f: { k: 'bin', op: '*', a: { k: 'ref', ref: { r: rows[0], c: cols[0], a: 3 } }, b: { k: 'num', v: 2 } } });
    expect(JSON.stringify(wb.doc.toJSON())).not.toContain('A1');
    expect(wb.getValue(S, 'B2')).toBe(24690);
    expect(JSON.stringify(wb.doc.toJSON())).not.toContain('24690');
  });
});
