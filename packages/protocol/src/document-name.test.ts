import { describe, expect, it } from 'vitest';
import { validateDocumentName } from './document-name.js';

describe('validateDocumentName', () => {
  it('accepts names of one to four segments', () => {
    for (const name of ['minutes', 'team/minutes', 'org/team/2024/q1.notes', 'A-b_c.d', 'x'.repeat(64)]) {
      expect(validateDocumentName(name)).toBe(name);
    }
  });

  it('refuses names that break a rule, saying which', () => {
    expect(() => validateDocumentName('')).toThrow(/1-200 characters/);
    expect(() => validateDocumentName('a/'.repeat(100) + 'a')).toThrow(/1-200 characters/);
    expect(() => validateDocumentName('a/b/c/d/e')).toThrow(/at most 4/);
    expect(() => validateDocumentName('a..b')).toThrow(/"\.\."/);
    expect(() => validateDocumentName('has space')).toThrow(/segment must match/);
    expect(() => validateDocumentName('/leading')).toThrow(/segment must match/);
    expect(() => validateDocumentName('.hidden')).toThrow(/segment must match/);
    expect(() => validateDocumentName('x'.repeat(65))).toThrow(/segment must match/);
    expect(() => validateDocumentName('ümlaut')).toThrow(RangeError);
    expect(() => validateDocumentName(42)).toThrow(TypeError);
  });

  it('keeps every refusal short enough for a WebSocket close reason', () => {
    for (const name of ['', 'a/b/c/d/e', 'a..b', 'a b', 'x'.repeat(300)]) {
      try {
        validateDocumentName(name);
      } catch (error) {
        expect(Buffer.byteLength((error as Error).message)).toBeLessThanOrEqual(123);
      }
    }
  });
});
