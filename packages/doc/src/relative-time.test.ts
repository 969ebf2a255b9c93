import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time.js';

const now = Date.UTC(2026, 10, 28, 12, 0, 0);

describe('relativeTime', () => {
  it('says how long ago in the language of the page', () => {
    expect(relativeTime(now - 5 * 60_000, now, 'en', 'just now')).toBe('5 minutes ago');
    expect(relativeTime(now - 5 * 60_000, now, 'de', 'gerade eben')).toBe('vor 5 Minuten');
    expect(relativeTime(now - 26 * 3600_000, now, 'en', 'just now')).toBe('yesterday');
    expect(relativeTime(now - 3 * 7 * 24 * 3600_000, now, 'en', 'just now')).toBe('3 weeks ago');
  });

  it('says "just now" under a minute and for clocks running ahead', () => {
    expect(relativeTime(now - 10_000, now, 'en', 'just now')).toBe('just now');
    expect(relativeTime(now + 3600_000, now, 'en', 'just now')).toBe('just now');
    expect(relativeTime(Number.NaN, now, 'en', 'just now')).toBe('just now');
  });
});
