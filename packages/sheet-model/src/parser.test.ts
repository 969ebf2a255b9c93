import { describe, expect, it } from 'vitest';
import { parseFormula } from './parser.js';
import { printA1Formula } from './printer.js';
import { FormulaSyntaxError } from './tokenizer.js';

const roundTrip = (s: string): string => printA1Formula(parseFormula(s));

describe('formula parser and printer', () => {
  it.each([
    '=A1+B2',
    '=$A$1*A$2-$B3',
    '=SUM(A1:B10)',
    '=SUM(A:A)',
    '=SUM($B:$D)',
    '=SUM(1:1)',
    '=SUM($2:$5)',
    "='Sheet 2'!A1+Sheet3!$B$2",
    "='It''s'!A1:B2",
    '=IF(A1>=10,"big","small")',
    '="He said ""hi"""&A1',
    '=-A1^2',
    '=50%*A1',
    '=(1+2)*3',
    '=A1<>B1',
    '=TRUE',
    '=#N/A',
    '=IFERROR(1/0,#DIV/0!)',
    '=MyRange*2',
    '=SUM({1,2;3,4})',
    '=IF(A1,,2)',
    '=1.5E+21',
    '=NOW()',
  ])('round-trips %s', (text) => {
    expect(roundTrip(text)).toBe(text);
  });

  it('accepts ; as argument separator and prints ,', () => {
    expect(roundTrip('=SUM(A1;B2;3)')).toBe('=SUM(A1,B2,3)');
    expect(roundTrip('=IF(A1>1;"a";"b")')).toBe('=IF(A1>1,"a","b")');
  });

  it('normalises function names, booleans and reversed ranges', () => {
    expect(roundTrip('=sum(b2:a1)')).toBe('=SUM(A1:B2)');
    expect(roundTrip('=true')).toBe('=TRUE');
    expect(roundTrip('= A1 + 2 ')).toBe('=A1+2');
  });

  it('follows Excel precedence: negation binds tighter than ^, % tighter than ^, & below +, comparison lowest', () => {
    expect(parseFormula('=-2^2')).toEqual({ k: 'bin', op: '^', a: { k: 'neg', a: { k: 'num', v: 2 } }, b: { k: 'num', v: 2 } });
    const concat = parseFormula('=1+2&3');
    expect(concat).toMatchObject({ k: 'bin', op: '&', a: { k: 'bin', op: '+' } });
    const cmp = parseFormula('=1&2=12');
    expect(cmp).toMatchObject({ k: 'bin', op: '=', a: { k: 'bin', op: '&' } });
    expect(parseFormula('=2^3^2')).toMatchObject({ k: 'bin', op: '^', a: { k: 'bin', op: '^' } });
    expect(parseFormula('=10%^2')).toMatchObject({ k: 'bin', op: '^', a: { k: 'pct' } });
  });

  it('reads references with sheets, absolute markers, whole rows and columns', () => {
    expect(parseFormula("='Sheet 2'!$B$3")).toEqual({ k: 'ref', ref: { sheet: 'Sheet 2', row: 2, col: 1, rowAbs: true, colAbs: true } });
    expect(parseFormula('=A:C')).toMatchObject({ k: 'range', ref: { r1: null, r2: null, c1: 0, c2: 2 } });
    expect(parseFormula('=3:5')).toMatchObject({ k: 'range', ref: { r1: 2, r2: 4, c1: null, c2: null } });
    expect(parseFormula('=XFD1048576')).toMatchObject({ k: 'ref', ref: { row: 1048575, col: 16383 } });
  });

  it('treats words that are not references as names', () => {
    expect(parseFormula('=Tax_Rate')).toEqual({ k: 'name', v: 'Tax_Rate' });
    expect(parseFormula('=XFE1')).toEqual({ k: 'name', v: 'XFE1' });
  });

  it.each([
    ['=', 'empty'],
    ['=SUM(1,2', 'not closed'],
    ['=1+', 'ends too early'],
    ['="abc', 'not closed'],
    ['=A1 B1', 'Unexpected'],
    ['=1+*2', 'Unexpected'],
    ["='Sheet 1", 'not closed'],
    ['=A1:', 'range needs'],
    ['=#FOO!', 'Unknown error'],
    ['={1,2;3}', 'same number'],
    ['=Sheet1!', 'must be followed'],
    ['=@A1', 'Unexpected character'],
  ])('rejects %s with a clear message', (text, message) => {
    expect(() => parseFormula(text)).toThrow(FormulaSyntaxError);
    expect(() => parseFormula(text)).toThrow(message);
  });
});
