import { describe, expect, it } from 'vitest';
import { calc } from './sheet.test-support.js';

describe('financial functions (Excel documentation examples)', () => {
  it('PMT: 10,000 at 8% a year over 10 months is -1,037.03 a month', () => {
    expect(calc('=PMT(8%/12,10,10000)')).toBeCloseTo(-1037.032089, 6);
    expect(calc('=PMT(6%/12,18*12,0,50000)')).toBeCloseTo(-129.0811609, 6);
    expect(calc('=PMT(0,10,1000)')).toBe(-100);
    expect(calc('=PMT(0.1,0,1000)')).toBe('#NUM!');
  });
  it('NPV discounts from the first period', () => {
    expect(calc('=NPV(10%,-10000,3000,4200,6800)')).toBeCloseTo(1188.443412, 5);
    expect(calc('=NPV(8%,A2:A6)+A1', { A1: -40000, A2: 8000, A3: 9200, A4: 10000, A5: 12000, A6: 14500 })).toBeCloseTo(1922.061555, 5);
  });
  it('IRR converges or reports #NUM!', () => {
    const flows = { A1: -70000, A2: 12000, A3: 15000, A4: 18000, A5: 21000, A6: 26000 };
    expect(calc('=IRR(A1:A6)', flows)).toBeCloseTo(0.086630948, 8);
    expect(calc('=IRR(A1:A5)', flows)).toBeCloseTo(-0.021244848, 8);
    expect(calc('=IRR(A2:A6)', flows)).toBe('#NUM!');
  });
  it('FV, PV, NPER, RATE, IPMT, PPMT', () => {
    expect(calc('=FV(0.06/12,10,-200,-500,1)')).toBeCloseTo(2581.403374, 5);
    expect(calc('=PV(0.08/12,12*20,500,,0)')).toBeCloseTo(-59777.14585, 4);
    expect(calc('=NPER(0.12/12,-100,-1000,10000,1)')).toBeCloseTo(59.67386567, 6);
    expect(calc('=RATE(4*12,-200,8000)')).toBeCloseTo(0.00770147248, 9);
    expect(calc('=IPMT(0.1/12,1,3*12,8000)')).toBeCloseTo(-66.66666667, 6);
    expect(calc('=PPMT(0.1/12,1,2*12,2000)')).toBeCloseTo(-75.62318601, 6);
  });
});
