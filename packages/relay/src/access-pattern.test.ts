import { describe, expect, it } from 'vitest';
import { AccessPattern, compareSpecificity } from './access-pattern.js';

function matches(pattern: string, name: string): boolean {
  return new AccessPattern(pattern).matches(name);
}

describe('AccessPattern', () => {
  it('matches literal names exactly', () => {
    expect(matches('team-a/minutes', 'team-a/minutes')).toBe(true);
    expect(matches('team-a/minutes', 'team-a/minutes2')).toBe(false);
    expect(matches('team-a/minutes', 'team-a')).toBe(false);
    expect(matches('a.b', 'axb')).toBe(false);
  });

  it('lets * match within one segment only', () => {
    expect(matches('team-a/*', 'team-a/minutes')).toBe(true);
    expect(matches('team-a/*', 'team-a/x/y')).toBe(false);
    expect(matches('team-a/*', 'team-a')).toBe(false);
    expect(matches('*/minutes', 'team-b/minutes')).toBe(true);
    expect(matches('team-a/draft-*', 'team-a/draft-1')).toBe(true);
    expect(matches('team-a/draft-*', 'team-a/final-1')).toBe(false);
    expect(matches('team-*/*', 'team-x/doc')).toBe(true);
  });

  it('lets ** match any number of segments, including none', () => {
    expect(matches('public/**', 'public')).toBe(true);
    expect(matches('public/**', 'public/a')).toBe(true);
    expect(matches('public/**', 'public/a/b/c')).toBe(true);
    expect(matches('public/**', 'publicity/a')).toBe(false);
    expect(matches('**', 'anything/at/all')).toBe(true);
    expect(matches('**/notes', 'a/b/notes')).toBe(true);
    expect(matches('**/notes', 'notes')).toBe(true);
    expect(matches('**/notes', 'a/notes/b')).toBe(false);
  });

  it('answers for patterns made of many ** segments', () => {
    // Without memoized backtracking each call would try hundreds of thousands of ways to split the name.
    const pattern = new AccessPattern(Array(60).fill('**').join('/') + '/x');
    for (let i = 0; i < 100; i++) {
      expect(pattern.matches('a/b/c/d')).toBe(false);
      expect(pattern.matches('a/b/c/x')).toBe(true);
    }
  });

  it('refuses malformed patterns with a RangeError saying why', () => {
    expect(() => new AccessPattern('')).toThrow(RangeError);
    expect(() => new AccessPattern('a//b')).toThrow(/non-empty/);
    expect(() => new AccessPattern('a/b**')).toThrow(/whole segment/);
    expect(() => new AccessPattern('a b')).toThrow(/A-Z/);
    expect(() => new AccessPattern('x'.repeat(201))).toThrow(/1-200/);
  });

  it('ranks by literal characters, then fewer **, then fewer *', () => {
    const order = ['**', '*', 'team-a/**', 'team-a/*', 'team-a/draft-*', 'team-a/draft-1'].map((p) => new AccessPattern(p));
    for (let i = 1; i < order.length; i++) {
      expect(compareSpecificity(order[i]!, order[i - 1]!), `${order[i]!.source} over ${order[i - 1]!.source}`).toBeGreaterThan(0);
    }
    expect(compareSpecificity(new AccessPattern('a/*'), new AccessPattern('*/b'))).toBe(0);
  });
});
