import { describe, expect, it } from 'vitest';
import { calc } from './sheet.test-support.js';

describe('logical functions', () => {
  it('IF evaluates only the branch it takes and defaults to TRUE/FALSE', () => {
    expect(calc('=IF(1>2,"yes","no")')).toBe('no');
    expect(calc('=IF(TRUE,1,1/0)')).toBe(1);
    expect(calc('=IF(FALSE,1/0,2)')).toBe(2);
    expect(calc('=IF(1>2,"yes")')).toBe(false);
    expect(calc('=IF(2>1,"yes")')).toBe('yes');
    expect(calc('=IF("abc",1,2)')).toBe('#VALUE!');
    expect(calc('=IF(A1,1,2)')).toBe(2);
    expect(calc('=IF(1/0,1,2)')).toBe('#DIV/0!');
    expect(calc('=IF(TRUE,A1)')).toBe(0);
  });
  it('IFS returns the first true branch or #N/A', () => {
    expect(calc('=IFS(A1>10,"big",A1>5,"mid",TRUE,"small")', { A1: 7 })).toBe('mid');
    expect(calc('=IFS(FALSE,1)')).toBe('#N/A');
  });
  it('IFERROR and IFNA catch errors', () => {
    expect(calc('=IFERROR(1/0,"oops")')).toBe('oops');
    expect(calc('=IFERROR(5,"oops")')).toBe(5);
    expect(calc('=IFNA(NA(),"none")')).toBe('none');
    expect(calc('=IFNA(1/0,"none")')).toBe('#DIV/0!');
  });
  it('AND, OR, NOT and XOR with ranges ignore text and empty cells', () => {
    expect(calc('=AND(TRUE,1,A1:A2)', { A1: true, A2: 'x' })).toBe(true);
    expect(calc('=AND(TRUE,0)')).toBe(false);
    expect(calc('=OR(FALSE,0,A1)', { A1: 1 })).toBe(true);
    expect(calc('=OR(A1:A2)', { A1: 'x' })).toBe('#VALUE!');
    expect(calc('=NOT(0)')).toBe(true);
    expect(calc('=XOR(TRUE,TRUE,TRUE)')).toBe(true);
    expect(calc('=AND("maybe")')).toBe('#VALUE!');
  });
  it('SWITCH and the IS functions', () => {
    expect(calc('=SWITCH(2,1,"a",2,"b","other")')).toBe('b');
    expect(calc('=SWITCH(9,1,"a","other")')).toBe('other');
    expect(calc('=SWITCH(9,1,"a")')).toBe('#N/A');
    expect(calc('=ISBLANK(A1)')).toBe(true);
    expect(calc('=ISNUMBER(A1)', { A1: "'12" })).toBe(false);
    expect(calc('=ISNUMBER(A1)', { A1: '12' })).toBe(true);
    expect(calc('=ISTEXT(A1)', { A1: "'12" })).toBe(true);
    expect(calc('=ISERROR(1/0)')).toBe(true);
    expect(calc('=ISNA(NA())')).toBe(true);
    expect(calc('=ISERR(NA())')).toBe(false);
    expect(calc('=ERROR.TYPE(1/0)')).toBe(2);
  });
  it('comparisons order numbers before text before booleans and compare text case-insensitively', () => {
    expect(calc('="a"="A"')).toBe(true);
    expect(calc('=1<"a"')).toBe(true);
    expect(calc('="z"<TRUE')).toBe(true);
    expect(calc('=A1=0')).toBe(true);
    expect(calc('=A1=""')).toBe(true);
    expect(calc('="abc"<"abd"')).toBe(true);
  });
});
