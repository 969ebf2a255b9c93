import { describe, expect, it } from 'vitest';
import { calc } from './sheet.test-support.js';

const data = { A1: 10, A2: 20, A3: 'text', A4: true, A5: null, A6: "'5", B1: 1, B2: 2, B3: 3, B4: 4, B5: 5, B6: 6 };

describe('math and aggregate functions', () => {
  it('SUM skips text, booleans and empty cells in ranges but coerces direct arguments', () => {
    expect(calc('=SUM(A1:A6)', data)).toBe(30);
    expect(calc('=SUM("5",TRUE,1)')).toBe(7);
    expect(calc('=SUM("abc")')).toBe('#VALUE!');
    expect(calc('=SUM(A1,1/0)', data)).toBe('#DIV/0!');
    expect(calc('=SUM()')).toBe('#VALUE!');
  });
  it('COUNT, COUNTA and COUNTBLANK count what Excel counts', () => {
    expect(calc('=COUNT(A1:A6)', data)).toBe(2);
    expect(calc('=COUNT(1,"2","x",TRUE)')).toBe(3);
    expect(calc('=COUNTA(A1:A6)', data)).toBe(5);
    expect(calc('=COUNTBLANK(A1:A6)', data)).toBe(1);
  });
  it('AVERAGE ignores text in ranges and fails on nothing to average', () => {
    expect(calc('=AVERAGE(A1:A6)', data)).toBe(15);
    expect(calc('=AVERAGE(A3:A5)', data)).toBe('#DIV/0!');
    expect(calc('=AVERAGEA(A1:A4)', data)).toBe(7.75);
  });
  it('MIN and MAX return 0 for no numbers', () => {
    expect(calc('=MIN(B1:B6)', data)).toBe(1);
    expect(calc('=MAX(B1:B6,100)', data)).toBe(100);
    expect(calc('=MAX(A3)', data)).toBe(0);
  });
  it('SUMIF, COUNTIF and AVERAGEIF match criteria with operators, wildcards and numbers', () => {
    const d = { A1: 'apple', A2: 'banana', A3: 'apricot', A4: 5, A5: 15, A6: null, B1: 1, B2: 2, B3: 3, B4: 4, B5: 5, B6: 6 };
    expect(calc('=COUNTIF(A1:A6,"ap*")', d)).toBe(2);
    expect(calc('=COUNTIF(A1:A6,">10")', d)).toBe(1);
    expect(calc('=COUNTIF(A1:A6,"<>apple")', d)).toBe(5);
    expect(calc('=COUNTIF(A1:A6,"")', d)).toBe(1);
    expect(calc('=COUNTIF(A1:A6,5)', d)).toBe(1);
    expect(calc('=COUNTIF(A1:A6,"?anana")', d)).toBe(1);
    expect(calc('=SUMIF(A1:A6,"ap*",B1:B6)', d)).toBe(4);
    expect(calc('=SUMIF(A1:A6,">=5")', d)).toBe(20);
    expect(calc('=AVERAGEIF(A1:A6,"ap*",B1:B6)', d)).toBe(2);
    expect(calc('=AVERAGEIF(A1:A6,"zzz",B1:B6)', d)).toBe('#DIV/0!');
  });
  it('SUMIFS, COUNTIFS and AVERAGEIFS combine several criteria', () => {
    const d = { A1: 'x', A2: 'y', A3: 'x', A4: 'x', B1: 1, B2: 5, B3: 10, B4: 20, C1: 100, C2: 200, C3: 300, C4: 400 };
    expect(calc('=SUMIFS(C1:C4,A1:A4,"x",B1:B4,">1")', d)).toBe(700);
    expect(calc('=COUNTIFS(A1:A4,"x",B1:B4,"<15")', d)).toBe(2);
    expect(calc('=AVERAGEIFS(C1:C4,A1:A4,"x")', d)).toBe(800 / 3);
    expect(calc('=SUMIFS(C1:C4,A1:A3,"x")', d)).toBe('#VALUE!');
  });
  it('ROUND rounds half away from zero, also where binary floating point is just below the half', () => {
    expect(calc('=ROUND(2.5,0)')).toBe(3);
    expect(calc('=ROUND(-2.5,0)')).toBe(-3);
    expect(calc('=ROUND(2.675,2)')).toBe(2.68);
    expect(calc('=ROUND(1.005,2)')).toBe(1.01);
    expect(calc('=ROUND(1234.567,-2)')).toBe(1200);
    expect(calc('=ROUNDUP(3.2,0)')).toBe(4);
    expect(calc('=ROUNDUP(-3.2,0)')).toBe(-4);
    expect(calc('=ROUNDDOWN(3.9,0)')).toBe(3);
    expect(calc('=ROUNDDOWN(-3.9,0)')).toBe(-3);
    expect(calc('=ROUNDUP(0.1+0.2,1)')).toBe(0.3);
  });
  it('arithmetic follows Excel: text numbers coerce, empty is 0, division by zero and 0^0 fail', () => {
    expect(calc('="3"+4')).toBe(7);
    expect(calc('=A1+1')).toBe(1);
    expect(calc('="a"+1')).toBe('#VALUE!');
    expect(calc('=1/0')).toBe('#DIV/0!');
    expect(calc('=0^0')).toBe('#NUM!');
    expect(calc('=-2^2')).toBe(4);
    expect(calc('=2^3^2')).toBe(64);
    expect(calc('=50%')).toBe(0.5);
    expect(calc('=TRUE+TRUE')).toBe(2);
    expect(calc('=1+"2024-01-01"')).toBe(45293);
  });
  it('MOD takes the sign of the divisor; INT rounds down', () => {
    expect(calc('=MOD(-3,2)')).toBe(1);
    expect(calc('=MOD(3,-2)')).toBe(-1);
    expect(calc('=MOD(5,0)')).toBe('#DIV/0!');
    expect(calc('=INT(-2.5)')).toBe(-3);
    expect(calc('=TRUNC(-2.5)')).toBe(-2);
  });
  it('other math functions', () => {
    expect(calc('=ABS(-4)')).toBe(4);
    expect(calc('=SQRT(16)')).toBe(4);
    expect(calc('=SQRT(-1)')).toBe('#NUM!');
    expect(calc('=POWER(2,10)')).toBe(1024);
    expect(calc('=PRODUCT(2,3,4)')).toBe(24);
    expect(calc('=SUMPRODUCT(B1:B3,C1:C3)', { B1: 1, B2: 2, B3: 3, C1: 4, C2: 5, C3: 6 })).toBe(32);
    expect(calc('=SUMPRODUCT((B1:B3>1)*C1:C3)', { B1: 1, B2: 2, B3: 3, C1: 4, C2: 5, C3: 6 })).toBe(11);
    expect(calc('=MEDIAN(1,3,2,4)')).toBe(2.5);
    expect(calc('=LARGE(B1:B6,2)', data)).toBe(5);
    expect(calc('=SMALL(B1:B6,7)', data)).toBe('#NUM!');
    expect(calc('=CEILING(2.1,0.5)')).toBe(2.5);
    expect(calc('=FLOOR(2.9,0.5)')).toBe(2.5);
    expect(calc('=MROUND(10,3)')).toBe(9);
    expect(calc('=LOG(100)')).toBe(2);
    expect(calc('=LN(0)')).toBe('#NUM!');
    expect(calc('=FACT(5)')).toBe(120);
    expect(calc('=COMBIN(5,2)')).toBe(10);
    expect(calc('=GCD(12,18)')).toBe(6);
    expect(calc('=LCM(4,6)')).toBe(12);
    expect(calc('=EVEN(3)')).toBe(4);
    expect(calc('=ODD(2)')).toBe(3);
    expect(calc('=STDEV(2,4,4,4,5,5,7,9)')).toBeCloseTo(2.138089935, 8);
    expect(calc('=STDEVP(2,4,4,4,5,5,7,9)')).toBe(2);
    expect(calc('=QUOTIENT(7,2)')).toBe(3);
  });
  it('RAND and RANDBETWEEN stay in their bounds', () => {
    const r = calc('=RAND()') as number;
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThan(1);
    const b = calc('=RANDBETWEEN(3,5)') as number;
    expect([3, 4, 5]).toContain(b);
    expect(calc('=RANDBETWEEN(5,3)')).toBe('#NUM!');
  });
  it('rejects wrong argument counts with #VALUE! and unknown functions with #NAME?', () => {
    expect(calc('=ROUND()')).toBe('#VALUE!');
    expect(calc('=ABS(1,2)')).toBe('#VALUE!');
    expect(calc('=NOSUCHFUNCTION(1)')).toBe('#NAME?');
  });
});
