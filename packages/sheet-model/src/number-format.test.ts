import { describe, expect, it } from 'vitest';
import { formatNumber } from './number-format.js';

describe('number formats', () => {
  it('General follows the locale decimal separator', () => {
    expect(formatNumber(1234.5, 'General', 'de')).toBe('1234,5');
    expect(formatNumber(1234.5, 'General', 'en')).toBe('1234.5');
    expect(formatNumber(0.1 + 0.2, 'General', 'en')).toBe('0.3');
    expect(formatNumber(1e21, 'General', 'en')).toBe('1E+21');
  });
  it('fixed decimals and thousands separators per locale', () => {
    expect(formatNumber(1234.56, '#,##0.00', 'de')).toBe('1.234,56');
    expect(formatNumber(1234.56, '#,##0.00', 'en')).toBe('1,234.56');
    expect(formatNumber(1234567.891, '#,##0', 'en')).toBe('1,234,568');
    expect(formatNumber(-1234.5, '#,##0.00', 'de')).toBe('-1.234,50');
    expect(formatNumber(2.675, '0.00', 'en')).toBe('2.68');
    expect(formatNumber(0.5, '0', 'en')).toBe('1');
    expect(formatNumber(0.25, '#.##', 'en')).toBe('.25');
    expect(formatNumber(-0.001, '0.00', 'en')).toBe('0.00');
  });
  it('percent, EUR currency and scientific', () => {
    expect(formatNumber(0.1234, '0.00%', 'de')).toBe('12,34%');
    expect(formatNumber(0.5, '0%', 'en')).toBe('50%');
    expect(formatNumber(1234.5, '#,##0.00 €', 'de')).toBe('1.234,50 €');
    expect(formatNumber(1234.5, '#,##0.00 "EUR"', 'en')).toBe('1,234.50 EUR');
    expect(formatNumber(1234.5, '[$€-407] #,##0.00', 'de')).toBe('€ 1.234,50');
    expect(formatNumber(12345, '0.00E+00', 'en')).toBe('1.23E+04');
  });
  it('sections for negative numbers, zero and text', () => {
    expect(formatNumber(-5, '0;(0)', 'en')).toBe('(5)');
    expect(formatNumber(0, '0;-0;"zero"', 'en')).toBe('zero');
    expect(formatNumber('abc', '0;-0;0;"text: "@', 'en')).toBe('text: abc');
    expect(formatNumber('abc', '@', 'en')).toBe('abc');
  });
  it('dates and times with German and English names', () => {
    expect(formatNumber(45292, 'DD.MM.YYYY', 'de')).toBe('01.01.2024');
    expect(formatNumber(45292, 'YYYY-MM-DD', 'en')).toBe('2024-01-01');
    expect(formatNumber(45292, 'D. MMMM YYYY', 'de')).toBe('1. Januar 2024');
    expect(formatNumber(45292, 'dddd, mmm d', 'en')).toBe('Monday, Jan 1');
    expect(formatNumber(45292.5, 'hh:mm:ss', 'en')).toBe('12:00:00');
    expect(formatNumber(45292.75, 'h:mm AM/PM', 'en')).toBe('6:00 PM');
    expect(formatNumber(1.5, '[h]:mm', 'en')).toBe('36:00');
    expect(formatNumber(45292.0104166667, 'DD.MM.YYYY hh:mm', 'de')).toBe('01.01.2024 00:15');
  });
  it('booleans follow the locale', () => {
    expect(formatNumber(true, 'General', 'de')).toBe('WAHR');
    expect(formatNumber(false, 'General', 'en')).toBe('FALSE');
  });
});
