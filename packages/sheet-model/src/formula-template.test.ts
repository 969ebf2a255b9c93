import { describe, expect, it } from 'vitest';
import { bindFormula } from './binding.js';
import { relativeKey } from './formula-template.js';
import { parseFormula } from './parser.js';
import { freshWorkbook } from './sheet.test-support.js';

describe('relativeKey', () => {
  it('is the same for a formula filled down or right, and differs for another formula', () => {
    expect(relativeKey('=A1+1', 1, 0)).toBe(relativeKey('=A2+1', 2, 0));
    expect(relativeKey('=B1*$C$1', 0, 1)).toBe(relativeKey('=C1*$C$1', 0, 2));
    expect(relativeKey('=A1+1', 1, 0)).not.toBe(relativeKey('=A1+1', 2, 0));
    expect(relativeKey('=$A$1+1', 1, 0)).toBe(relativeKey('=$A$1+1', 2, 0));
    expect(relativeKey('=$A1', 1, 0)).not.toBe(relativeKey('=$A2', 1, 0));
    expect(relativeKey('=A1+1', 1, 0)).not.toBe(relativeKey('=A1-1', 1, 0));
  });

  it('keeps quoted text, function names, sheet names and error values verbatim', () => {
    expect(relativeKey('="A1"&A1', 0, 0)).toBe(relativeKey('="A1"&A2', 1, 0));
    expect(relativeKey('="A1"&A1', 0, 0)).not.toBe(relativeKey('="A2"&A2', 1, 0));
    expect(relativeKey('=LOG10(A1)', 0, 0)).not.toBe(relativeKey('=LOG11(A2)', 1, 0));
    expect(relativeKey('=AB1!A1', 0, 0)).not.toBe(relativeKey('=AB2!A2', 1, 0));
    expect(relativeKey("='A1'!A1", 0, 0)).not.toBe(relativeKey("='A2'!A2", 1, 0));
    expect(relativeKey('=#REF!+A1', 0, 0)).toBe(relativeKey('=#REF!+A2', 1, 0));
  });

  it('declines whole rows and columns, references beyond the limits and unclosed quotes', () => {
    expect(relativeKey('=SUM(A:A)', 0, 0)).toBeUndefined();
    expect(relativeKey('=SUM(1:3)', 0, 0)).toBeUndefined();
    expect(relativeKey('=SUM(A1:B)', 0, 0)).toBeUndefined();
    expect(relativeKey('=ZZZ1', 0, 0)).toBeUndefined();
    expect(relativeKey('=A1048577', 0, 0)).toBeUndefined();
    expect(relativeKey('="A1', 0, 0)).toBeUndefined();
    // The parser skips blanks between tokens, and so does the key
    expect(relativeKey('=SUM(A :A)', 0, 0)).toBeUndefined();
    expect(relativeKey('=SUM(A1: B)', 0, 0)).toBeUndefined();
    expect(relativeKey('=A1 (2)', 0, 0)).not.toBe(relativeKey('=A2 (2)', 1, 0));
  });

  it('reads a cell reference only where all of the word is one: $ flags, 1–3 letters, 1–7 digits', () => {
    expect(relativeKey('=XFD1', 0, 0)).toBe(relativeKey('=XFD2', 1, 0));
    expect(relativeKey('=XFE1', 0, 0)).toBeUndefined();
    expect(relativeKey('=A0', 0, 0)).toBeUndefined();
    // Not references, so kept verbatim: the key differs where the text differs
    expect(relativeKey('=ABCD1+A1', 0, 0)).not.toBe(relativeKey('=ABCD2+A2', 1, 0));
    expect(relativeKey('=A12345678+A1', 0, 0)).not.toBe(relativeKey('=A12345679+A2', 1, 0));
    expect(relativeKey('=$$A1+A1', 0, 0)).not.toBe(relativeKey('=$$A2+A2', 1, 0));
    expect(relativeKey('=A1_x+A1', 0, 0)).not.toBe(relativeKey('=A2_x+A2', 1, 0));
    expect(relativeKey('=A$1$+A1', 0, 0)).not.toBe(relativeKey('=A$2$+A2', 1, 0));
    // Upper and lower case letters are the same column; `$` marks stay absolute
    expect(relativeKey('=a1+B$3', 1, 0)).toBe(relativeKey('=A2+b$3', 2, 0));
    expect(relativeKey('=$b1', 1, 0)).toBe(relativeKey('=$B2', 2, 0));
    expect(relativeKey('=$B1', 1, 0)).not.toBe(relativeKey('=$C2', 2, 1));
  });
});

describe('shared formula parsing', () => {
  const patterns: ((r: number) => string)[] = [
    (r) => `=A${r - 1}+1`,
    (r) => `="A1"&B${r}`,
    (r) => `=LOG10(100)+A${r}`,
    (r) => `=SUM(A$5:A${r})`,
    (r) => `=$A$1*B${r}`,
    (r) => `=Data!A${r}+'My Sheet'!B${r + 2}`,
    (r) => `=SUM(A:A)+A${r}`,
    (r) => `=IF(A${r}>0,"x${r}","y")`,
    (r) => `=#REF!+A${r}`,
    (r) => `=SUM(B${r + 1}:A${r + 3})`,
    (r) => `=XFD${r}+1`,
    (r) => `=A$${r}+$B${r}`,
    (r) => `=SUM(A${r}`,
    (r) => `=SUM(A${r} : B${r + 1}) + A${r} (1)`,
    // Numbers that differ from row to row share the tree where they can be placeholders, and are verbatim where not
    (r) => `=VLOOKUP(${(r * 7) % 13},$A$1:$B$9,2,FALSE)`,
    (r) => `=A${r}*${r}.5-${r % 3}%`,
    (r) => `=1e+${r % 4}+A${r}`,
    (r) => `=${r}E2+${r}`,
    (r) => `=SUM({1,${r}},${r})`,
    (r) => `=-${r}+(${r})+ROUND(${r}.25,1)`,
    (r) => `=${r % 2}.5+.${r}`,
    (r) => `=${r}:${r + 1}`,
    (r) => `=${r % 3}`,
    (r) => `=IF(A${r}>${r},"${r}",${r})`,
  ];

  it('stores exactly what parsing each cell on its own stores, down a column and at scattered cells', () => {
    const wb = freshWorkbook();
    wb.addSheet('Data');
    wb.addSheet('My Sheet');
    const id = wb.sheetId('Sheet1');
    const rows = 30;
    const block = Array.from({ length: rows }, (_, i) => patterns.map((p) => p(i + 2)));
    wb.setCells('Sheet1', 'C2', block);
    // The same texts again one column to the right and in reverse order: other offsets for the same templates
    for (let i = rows - 1; i >= 0; i -= 3) wb.setCell('Sheet1', `D${i + 40}`, patterns[i % patterns.length]!(i + 2));
    const checked: string[] = [];
    const check = (row: number, col: number, text: string): void => {
      const key = wb.model.rows(id)[row]! + ':' + wb.model.cols(id)[col]!;
      const stored = wb.model.cell(id, key);
      let expected: unknown;
      try {
        expected = { f: bindFormula(parseFormula(text), id, wb.model) };
      } catch {
        expected = { bad: text };
      }
      expect(stored, `${text} at row ${row + 1}, column ${col + 1}`).toEqual(expected);
      checked.push(text);
    };
    for (let i = 0; i < rows; i++) patterns.forEach((p, j) => check(i + 1, 2 + j, p(i + 2)));
    for (let i = rows - 1; i >= 0; i -= 3) check(i + 39, 3, patterns[i % patterns.length]!(i + 2));
    expect(checked.length).toBe(rows * patterns.length + 10);
    // And they compute: the chain down column C, the swapped range in row 2 (A$5:A2 read as A2:A$5)
    wb.setCells('Sheet1', 'A1', [[1], [2], [3], [4], [5]]);
    expect(wb.getFormula('Sheet1', 'F2')).toBe('=SUM(A2:A$5)');
    expect(wb.getValue('Sheet1', 'F2')).toBe(14);
    expect(wb.getFormula('Sheet1', 'F10')).toBe('=SUM(A$5:A10)');
    expect(wb.getFormula('Sheet1', 'L7')).toBe('=SUM(A8:B10)');
    expect(wb.getFormula('Sheet1', 'O3')).toBe('=SUM(A3');
    expect(wb.getFormula('Sheet1', 'Q5')).toBe('=VLOOKUP(9,$A$1:$B$9,2,FALSE)');
    expect(wb.getFormula('Sheet1', 'Q6')).toBe('=VLOOKUP(3,$A$1:$B$9,2,FALSE)');
    expect(wb.getValue('Sheet1', 'R3')).toBe(3 * 3.5 - 0);
    expect(wb.getValue('Sheet1', 'S4')).toBe(5);
    expect(wb.getValue('Sheet1', 'T3')).toBe(303);
    expect(wb.getValue('Sheet1', 'V7')).toBe(7.3);
    expect(wb.getValue('Sheet1', 'Y3')).toBe(0);
    expect(wb.getValue('Sheet1', 'Z9')).toBe(9);
  });
});
