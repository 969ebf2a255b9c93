import { describe, expect, it } from 'vitest';
import { borderCss, borderEdits } from './borders.js';

const range = { r0: 1, c0: 1, r1: 3, c1: 2 }; // B2:C4

describe('border presets', () => {
  it('"all" sets every side of every cell', () => {
    expect(borderEdits(range, 'all')).toEqual([{ range, style: { borderTop: 'thin', borderRight: 'thin', borderBottom: 'thin', borderLeft: 'thin' } }]);
  });

  it('"outer" sets only the sides on the edge of the range', () => {
    expect(borderEdits(range, 'outer', 'thick')).toEqual([
      { range: { r0: 1, c0: 1, r1: 1, c1: 2 }, style: { borderTop: 'thick' } },
      { range: { r0: 3, c0: 1, r1: 3, c1: 2 }, style: { borderBottom: 'thick' } },
      { range: { r0: 1, c0: 1, r1: 3, c1: 1 }, style: { borderLeft: 'thick' } },
      { range: { r0: 1, c0: 2, r1: 3, c1: 2 }, style: { borderRight: 'thick' } },
    ]);
  });

  it('"inner" sets the lines between cells, and nothing for a single cell', () => {
    expect(borderEdits(range, 'inner')).toEqual([
      { range: { r0: 1, c0: 1, r1: 2, c1: 2 }, style: { borderBottom: 'thin' } },
      { range: { r0: 2, c0: 1, r1: 3, c1: 2 }, style: { borderTop: 'thin' } },
      { range: { r0: 1, c0: 1, r1: 3, c1: 1 }, style: { borderRight: 'thin' } },
      { range: { r0: 1, c0: 2, r1: 3, c1: 2 }, style: { borderLeft: 'thin' } },
    ]);
    expect(borderEdits({ r0: 0, c0: 0, r1: 0, c1: 0 }, 'inner')).toEqual([]);
  });

  it('"bottom" and "none", also for a range given bottom-up', () => {
    const upside = { r0: 3, c0: 2, r1: 1, c1: 1 };
    expect(borderEdits(upside, 'bottom', 'medium')).toEqual([{ range: { r0: 3, c0: 1, r1: 3, c1: 2 }, style: { borderBottom: 'medium' } }]);
    expect(borderEdits(upside, 'none')).toEqual([{ range, style: { borderTop: null, borderRight: null, borderBottom: null, borderLeft: null } }]);
  });

  it('refuses an unknown preset', () => {
    expect(() => borderEdits(range, 'diagonal' as never)).toThrow(/Unknown border preset "diagonal"/);
  });
});

describe('drawing borders', () => {
  it('draws right and bottom on the gridline, top and left as inset lines', () => {
    expect(borderCss({ borderRight: 'thin', borderBottom: 'thick' }, null, null)).toBe('border-right:1px solid #1f2328;border-bottom:3px solid #1f2328');
    expect(borderCss({ borderTop: 'medium', borderLeft: 'thin' }, null, null)).toBe('box-shadow:inset 0 2px 0 #1f2328,inset 1px 0 0 #1f2328');
  });

  it('draws a line two cells share once', () => {
    expect(borderCss({ borderTop: 'thin', borderLeft: 'thin' }, { borderBottom: 'thin' }, { borderRight: 'thin' })).toBe('');
    expect(borderCss({ borderTop: 'thin' }, { borderTop: 'thin' }, null)).toBe('box-shadow:inset 0 1px 0 #1f2328');
  });

  it('ignores values that are not line weights (any client can write anything)', () => {
    expect(borderCss({ borderRight: 'url(x)' as never, borderTop: 5 as never }, null, null)).toBe('');
  });
});
