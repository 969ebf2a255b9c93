import { describe, expect, it } from 'vitest';
import { focusIdOf, focusSelector } from './focus-target.js';

/** An element's attributes, as the helpers read them. */
function el(attributes: Record<string, string>): { getAttribute(name: string): string | null } {
  return { getAttribute: (name) => attributes[name] ?? null };
}

describe('focusIdOf', () => {
  it('reads a cell\'s data-focus-id, and names an event by its data-key', () => {
    expect(focusIdOf(el({ 'data-focus-id': 's:2026-01-05:540' }))).toBe('s:2026-01-05:540');
    expect(focusIdOf(el({ 'data-key': 'abc|2026-01-05T09:00:00' }))).toBe('e:abc|2026-01-05T09:00:00');
    expect(focusIdOf(el({ 'data-focus-id': 'm:2026-01-05', 'data-key': 'x|' }))).toBe('m:2026-01-05');
  });

  it('gives null for elements that take no focus, and for none', () => {
    expect(focusIdOf(el({ class: 'slot' }))).toBeNull();
    expect(focusIdOf(el({ 'data-key': '' }))).toBeNull();
    expect(focusIdOf(null)).toBeNull();
    expect(focusIdOf(undefined)).toBeNull();
  });
});

describe('focusSelector', () => {
  it('selects events by data-key and the rest by data-focus-id', () => {
    expect(focusSelector('e:abc|')).toBe('[data-key="abc|"]');
    expect(focusSelector('c:2026-01-05')).toBe('[data-focus-id="c:2026-01-05"]');
  });

  it('escapes quotes, backslashes and line breaks of uids from others', () => {
    expect(focusSelector('e:a"b\\c|')).toBe('[data-key="a\\"b\\\\c|"]');
    expect(focusSelector('e:a\nb|')).toBe('[data-key="a\\a b|"]');
  });
});
