import { describe, expect, it } from 'vitest';
import { fillSeries } from './fill-series.js';

const num = (n: number) => ({ input: String(n), number: n });
const text = (s: string) => ({ input: s });

describe('fillSeries', () => {
  it('copies one number and continues two', () => {
    expect(fillSeries([num(5)], 3, 1, 0)).toEqual([5, 5, 5]);
    expect(fillSeries([num(1), num(2)], 3, 1, 0)).toEqual([3, 4, 5]);
    expect(fillSeries([num(0.1), num(0.2)], 2, 1, 0)).toEqual([0.3, 0.4]);
    expect(fillSeries([num(10), num(8)], 2, 1, 0)).toEqual([6, 4]);
  });

  it('continues dates by their step (dates are serial numbers)', () => {
    // 2024-12-24 and 2024-12-25 as serials
    expect(fillSeries([num(45650), num(45651)], 2, 1, 0)).toEqual([45652, 45653]);
  });

  it('continues weekdays and months in English and German, wrapping and keeping case', () => {
    expect(fillSeries([text('Mon')], 3, 1, 0)).toEqual(['Tue', 'Wed', 'Thu']);
    expect(fillSeries([text('Sa')], 3, 0, 1)).toEqual(['So', 'Mo', 'Di']);
    expect(fillSeries([text('MONTAG')], 1, 1, 0)).toEqual(['DIENSTAG']);
    expect(fillSeries([text('Mo'), text('Mi')], 2, 1, 0)).toEqual(['Fr', 'So']);
    expect(fillSeries([text('November')], 3, 1, 0)).toEqual(['December', 'January', 'February']);
    expect(fillSeries([text('März')], 1, 1, 0)).toEqual(['April']);
  });

  it('counts up text that ends in a number', () => {
    expect(fillSeries([text('Item 1')], 2, 1, 0)).toEqual(['Item 2', 'Item 3']);
    expect(fillSeries([text('Q09')], 2, 1, 0)).toEqual(['Q10', 'Q11']);
  });

  it('copies formulas with relative references moved', () => {
    expect(fillSeries([text('=A1*2')], 3, 1, 0)).toEqual(['=A2*2', '=A3*2', '=A4*2']);
    expect(fillSeries([text('=$A$1+B1')], 2, 0, 1)).toEqual(['=$A$1+C1', '=$A$1+D1']);
    // Two formulas repeat as a pattern, each moved by its own distance.
    expect(fillSeries([text('=A1'), text('=B1')], 2, 1, 0)).toEqual(['=A3', '=B3']);
  });

  it('fills backwards (up or left)', () => {
    expect(fillSeries([num(3), num(4)], 2, 1, 0, true)).toEqual([2, 1]);
    expect(fillSeries([text('=A5')], 2, 1, 0, true)).toEqual(['=A4', '=A3']);
    expect(fillSeries([text('=A1')], 1, 1, 0, true)).toEqual(['=#REF!']);
  });

  it('copies plain text and refuses bad arguments', () => {
    expect(fillSeries([text('x'), text('y')], 3, 1, 0)).toEqual(['x', 'y', 'x']);
    expect(fillSeries([{ input: '1,5', number: 1.5 }, text('x')], 2, 1, 0)).toEqual([1.5, 'x']);
    expect(() => fillSeries([], 1, 1, 0)).toThrow(RangeError);
    expect(() => fillSeries([num(1)], -1, 1, 0)).toThrow(/count/);
  });
});
