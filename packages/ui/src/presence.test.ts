import { describe, expect, it } from 'vitest';
import { PRESENCE_PALETTE, presenceColor } from './presence.js';

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe('presenceColor', () => {
  it('gives the same colour for the same seed', () => {
    expect(presenceColor('Ada Lovelace')).toBe(presenceColor('Ada Lovelace'));
  });

  it('picks colours from the palette, spreading different seeds over it', () => {
    const colours = new Set(Array.from({ length: 200 }, (_, index) => presenceColor(`Guest ${index}`)));
    for (const colour of colours) expect(PRESENCE_PALETTE).toContain(colour);
    expect(colours.size).toBe(PRESENCE_PALETTE.length);
  });

  it('returns a colour for the empty string', () => {
    expect(PRESENCE_PALETTE).toContain(presenceColor(''));
  });

  it('only hands out six-digit hex colours with readable white text on them', () => {
    for (const colour of PRESENCE_PALETTE) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('rejects seeds that are not strings', () => {
    expect(() => presenceColor(42 as unknown as string)).toThrow(TypeError);
  });
});
