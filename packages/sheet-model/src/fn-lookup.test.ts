import { describe, expect, it } from 'vitest';
import { calc } from './sheet.test-support.js';

const table = { A1: 1, B1: 'one', C1: 'I', A2: 2, B2: 'two', C2: 'II', A3: 3, B3: 'three', C3: 'III', A4: 5, B4: 'five', C4: 'V' };

describe('lookup functions', () => {
  it('VLOOKUP exact and approximate', () => {
    expect(calc('=VLOOKUP(2,A1:C4,2,FALSE)', table)).toBe('two');
    expect(calc('=VLOOKUP(4,A1:C4,3,FALSE)', table)).toBe('#N/A');
    expect(calc('=VLOOKUP(4,A1:C4,3,TRUE)', table)).toBe('III');
    expect(calc('=VLOOKUP(4,A1:C4,3)', table)).toBe('III');
    expect(calc('=VLOOKUP(0,A1:C4,2)', table)).toBe('#N/A');
    expect(calc('=VLOOKUP(99,A1:C4,2)', table)).toBe('five');
    expect(calc('=VLOOKUP(2,A1:C4,4,FALSE)', table)).toBe('#REF!');
    expect(calc('=VLOOKUP(2,A1:C4,0,FALSE)', table)).toBe('#VALUE!');
  });
  it('VLOOKUP exact matches text case-insensitively, with wildcards, and never text against numbers', () => {
    const t = { A1: 'Apple', B1: 1, A2: 'banana', B2: 2, A3: "'3", B3: 3, A4: 3, B4: 4 };
    expect(calc('=VLOOKUP("APPLE",A1:B4,2,FALSE)', t)).toBe(1);
    expect(calc('=VLOOKUP("ban*",A1:B4,2,FALSE)', t)).toBe(2);
    expect(calc('=VLOOKUP(3,A1:B4,2,FALSE)', t)).toBe(4);
    expect(calc('=VLOOKUP("3",A1:B4,2,FALSE)', t)).toBe(3);
  });
  it('VLOOKUP sees a changed table (its index is rebuilt)', () => {
    expect(calc('=VLOOKUP(5,A1:C4,2,FALSE)', { ...table, A4: 6 })).toBe('#N/A');
  });
  it('HLOOKUP looks along the first row', () => {
    const t = { A1: 'a', B1: 'b', C1: 'c', A2: 1, B2: 2, C2: 3 };
    expect(calc('=HLOOKUP("b",A1:C2,2,FALSE)', t)).toBe(2);
    expect(calc('=HLOOKUP("x",A1:C2,2,FALSE)', t)).toBe('#N/A');
  });
  it('MATCH with exact, ascending and descending modes', () => {
    expect(calc('=MATCH(3,A1:A4,0)', table)).toBe(3);
    expect(calc('=MATCH(4,A1:A4)', table)).toBe(3);
    expect(calc('=MATCH(4,A1:A4,0)', table)).toBe('#N/A');
    expect(calc('=MATCH(4,A1:A4,-1)', { A1: 9, A2: 7, A3: 4, A4: 1 })).toBe(3);
    expect(calc('=MATCH("t*",B1:B4,0)', table)).toBe(2);
  });
  it('INDEX by row and column, with #REF! outside', () => {
    expect(calc('=INDEX(A1:C4,2,3)', table)).toBe('II');
    expect(calc('=INDEX(B1:B4,3)', table)).toBe('three');
    expect(calc('=INDEX(A1:C4,5,1)', table)).toBe('#REF!');
    expect(calc('=SUM(INDEX(A1:C4,0,1))', table)).toBe(11);
    expect(calc('=INDEX(A1:C4,MATCH(3,A1:A4,0),2)', table)).toBe('three');
  });
  it('XLOOKUP with not-found value, match modes and reverse search', () => {
    expect(calc('=XLOOKUP(3,A1:A4,B1:B4)', table)).toBe('three');
    expect(calc('=XLOOKUP(4,A1:A4,B1:B4)', table)).toBe('#N/A');
    expect(calc('=XLOOKUP(4,A1:A4,B1:B4,"none")', table)).toBe('none');
    expect(calc('=XLOOKUP(4,A1:A4,B1:B4,,-1)', table)).toBe('three');
    expect(calc('=XLOOKUP(4,A1:A4,B1:B4,,1)', table)).toBe('five');
    expect(calc('=XLOOKUP("t*",B1:B4,A1:A4,,2)', table)).toBe(2);
    expect(calc('=XLOOKUP("t*",B1:B4,A1:A4,,2,-1)', table)).toBe(3);
    expect(calc('=XLOOKUP(1,A1:A4,B1:B3)', table)).toBe('#VALUE!');
  });
  it('CHOOSE, ROWS, COLUMNS, ROW and COLUMN', () => {
    expect(calc('=CHOOSE(2,"a","b","c")')).toBe('b');
    expect(calc('=CHOOSE(4,"a","b","c")')).toBe('#VALUE!');
    expect(calc('=ROWS(A1:C4)')).toBe(4);
    expect(calc('=COLUMNS(A1:C4)')).toBe(3);
    expect(calc('=ROW()')).toBe(50);
    expect(calc('=COLUMN()')).toBe(10);
    expect(calc('=ROW(B7:C9)')).toBe(7);
  });
});
