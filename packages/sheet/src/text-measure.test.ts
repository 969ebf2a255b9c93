import { describe, expect, it } from 'vitest';
import { TextMeasure } from './text-measure.js';

/**
 * A canvas context that measures like a font with fixed advances per character ('1' narrow, 'W' wide) and a
 * kerning pair ('AV' 2 px tighter), and counts what it is asked: the unit tests run without a browser.
 */
function fakeDocument() {
  const calls = { fontSets: 0, measured: [] as string[] };
  const advance = (ch: string): number => (ch === '1' ? 4 : ch === 'W' ? 12 : 7);
  const context = {
    _font: '',
    get font(): string {
      return this._font;
    },
    set font(value: string) {
      calls.fontSets++;
      this._font = value;
    },
    measureText(text: string) {
      calls.measured.push(text);
      const scale = this._font.startsWith('700') ? 2 : 1;
      let w = 0;
      for (const ch of text) w += advance(ch) * scale;
      return { width: w - (text.includes('AV') ? 2 : 0) };
    },
  };
  const doc = { createElement: () => ({ getContext: () => context }) } as unknown as Document;
  return { doc, calls };
}

describe('text widths for ### and overflow', () => {
  it('adds up character widths for Latin text and numbers, measuring each character once per font', () => {
    const { doc, calls } = fakeDocument();
    const m = new TextMeasure(doc);
    expect(m.width('1.234,56 €', '13px sans')).toBe(4 + 7 * 9);
    expect(m.width('11', '13px sans')).toBe(8);
    expect(m.width('W1', '700 13px sans')).toBe(32);
    expect(m.width('', '13px sans')).toBe(0);
    // Each distinct character once per font, and the font is set only when it changes.
    expect(calls.measured).toEqual(['1', '.', '2', '3', '4', ',', '5', '6', ' ', '€', 'W', '1']);
    expect(calls.fontSets).toBe(2);
  });

  it('measures other scripts whole, once per font and text', () => {
    const { doc, calls } = fakeDocument();
    const m = new TextMeasure(doc);
    expect(m.width('Ελλάδα', '13px sans')).toBe(42);
    expect(m.width('Ελλάδα', '13px sans')).toBe(42);
    expect(m.width('Ελλάδα', '700 13px sans')).toBe(84);
    expect(calls.measured).toEqual(['Ελλάδα', 'Ελλάδα']);
  });

  it('estimates by length where there is no canvas', () => {
    const doc = { createElement: () => ({ getContext: () => null }) } as unknown as Document;
    expect(new TextMeasure(doc).width('abcd', '13px sans')).toBe(30);
  });
});
