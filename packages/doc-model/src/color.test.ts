import { describe, expect, it } from 'vitest';
import { isHexColor, normalizeColor } from './color.js';

describe('normalizeColor', () => {
  it('turns the notations office programs and browsers write into #rrggbb', () => {
    expect(normalizeColor('#C9211E')).toBe('#c9211e');
    expect(normalizeColor('#f00')).toBe('#ff0000');
    expect(normalizeColor('rgb(255, 0, 0)')).toBe('#ff0000');
    expect(normalizeColor('rgba(0,128,0,1)')).toBe('#008000');
    expect(normalizeColor('rgb(0 0 255)')).toBe('#0000ff');
    expect(normalizeColor(' Yellow ')).toBe('#ffff00');
  });

  it('refuses everything else', () => {
    for (const value of ['transparent', 'rgba(0,0,0,0)', 'rgba(0,0,0,.5)', 'inherit', 'windowtext', 'var(--x)', 'expression(alert(1))', 'url(x)', '#ff00', 'rgb(300,0,0)', 'red; x: y']) {
      expect(normalizeColor(value)).toBeNull();
    }
  });
});

describe('isHexColor', () => {
  it('accepts only six hexadecimal digits after #', () => {
    expect(isHexColor('#a1B2c3')).toBe(true);
    expect(isHexColor('#abc')).toBe(false);
    expect(isHexColor('red')).toBe(false);
    expect(isHexColor(null)).toBe(false);
  });
});
