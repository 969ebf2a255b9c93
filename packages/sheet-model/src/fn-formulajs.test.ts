import { describe, expect, it } from 'vitest';
import { functionNames } from './functions.js';
import { calc } from './sheet.test-support.js';

describe('long-tail functions (through formulajs)', () => {
  it('offers more than 300 functions', () => {
    expect(functionNames().length).toBeGreaterThanOrEqual(300);
    expect(functionNames()).toContain('NORM.S.DIST');
  });
  it('statistics, engineering and more finance match Excel', () => {
    expect(calc('=NORM.S.DIST(1,TRUE)')).toBeCloseTo(0.841344746, 8);
    expect(calc('=BESSELJ(1.9,2)')).toBeCloseTo(0.329925829, 8);
    expect(calc('=ROMAN(1999)')).toBe('MCMXCIX');
    expect(calc('=BIN2DEC("1100100")')).toBe(100);
    expect(calc('=MAXIFS(B1:B3,A1:A3,"x")', { A1: 'x', A2: 'y', A3: 'x', B1: 5, B2: 50, B3: 7 })).toBe(7);
    expect(calc('=PERCENTILE.INC(A1:A4,0.25)', { A1: 1, A2: 2, A3: 3, A4: 4 })).toBe(1.75);
    expect(calc('=SLN(30000,7500,10)')).toBe(2250);
  });
  it('maps their errors to Excel error values and propagates ours', () => {
    expect(calc('=BIN2DEC("abc")')).toBe('#NUM!');
    expect(calc('=ROMAN(1/0)')).toBe('#DIV/0!');
  });
});
