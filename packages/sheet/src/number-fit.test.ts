import { describe, expect, it } from 'vitest';
import { cellLook } from './cell-look.js';
import { fitNumber } from './number-fit.js';

// 7 px per character, as a fixed-width font would measure.
const measure = (text: string): number => text.length * 7;

describe('### for numbers wider than their column', () => {
  it('keeps a number that fits, and fills the column with # when it does not', () => {
    expect(fitNumber('1234', 100, measure)).toEqual({ text: '1234', hashes: false });
    expect(fitNumber('1428.5714285714287', 100, measure)).toEqual({ text: '#'.repeat(13), hashes: true });
    expect(fitNumber('12345', 10, measure)).toEqual({ text: '#', hashes: true });
  });

  it('applies to numbers only: text is cut or overflows instead', () => {
    const context = { width: 60, measure: (text: string) => measure(text) };
    const number = cellLook('1,234,567.89 €', 1234567.89, {}, context)!;
    expect(number.text).toMatch(/^#+$/);
    expect(number.className).toBe('hashes');
    expect(number.label).toBe('1,234,567.89 €');
    const text = cellLook('A rather long label', 'A rather long label', {}, context)!;
    expect(text.text).toBe('A rather long label');
    expect(text.className).toBeUndefined();
    expect(text.textWidth?.()).toBeGreaterThan(60);
  });

  it('measures in the cell\'s own font', () => {
    const fonts: string[] = [];
    cellLook('12', 12, { bold: true, fontSize: 14 }, { width: 100, measure: (t, font) => (fonts.push(font), t.length * 7) });
    expect(fonts[0]).toMatch(/^700 14pt /);
  });
});
