import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SheetFilters, hiddenRows } from './sheet-filter.js';

describe('hiddenRows', () => {
  const data = [
    ['Name', 'City'],
    ['Ada', 'Berlin'],
    ['Bob', 'Hamburg'],
    ['Cem', ''],
    ['Dana', 'Berlin'],
  ];
  const text = (r: number, c: number): string => data[r]?.[c] ?? '';

  it('hides rows below the header whose text is hidden in any filtered column', () => {
    expect([...hiddenRows(0, 4, new Map([[1, new Set(['Berlin'])]]), text)]).toEqual([1, 4]);
    expect([...hiddenRows(0, 4, new Map([[1, new Set([''])], [0, new Set(['Bob'])]]), text)]).toEqual([2, 3]);
  });

  it('never hides the header row and hides nothing without filtered columns', () => {
    expect(hiddenRows(0, 4, new Map([[0, new Set(['Name'])]]), text).has(0)).toBe(false);
    expect(hiddenRows(0, 4, new Map(), text).size).toBe(0);
    expect(hiddenRows(-1, 4, new Map([[1, new Set(['Berlin'])]]), text).size).toBe(0);
  });
});

describe('SheetFilters', () => {
  it('merges two users filtering two columns at once, and turning it off clears both', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const fa = new SheetFilters(a);
    const fb = new SheetFilters(b);
    fa.setHeaderRow('s1', 'r0', null);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    fa.setHidden('s1', 'c0', ['x'], null);
    fb.setHidden('s1', 'c1', ['y', 'y'], null);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    for (const f of [fa, fb]) {
      expect(f.headerRow('s1')).toBe('r0');
      expect([...f.columns('s1').entries()].map(([c, h]) => [c, [...h]]).sort()).toEqual([['c0', ['x']], ['c1', ['y']]]);
    }
    fb.setHeaderRow('s1', null, null);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(fa.headerRow('s1')).toBeNull();
    expect(fa.columns('s1').size).toBe(0);
  });

  it('ignores malformed entries written by another client', () => {
    const doc = new Y.Doc();
    const f = new SheetFilters(doc);
    doc.getMap('sheetFilters').set('s1', 42);
    doc.getMap('sheetFilters').set('s1|c0', ['ok', 7, null]);
    expect(f.headerRow('s1')).toBeNull();
    expect([...f.hidden('s1', 'c0')]).toEqual(['ok']);
  });
});
