import { validateDocumentName } from '@allmende/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { normalizeDocName, randomDocName } from './doc-names.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('normalizeDocName', () => {
  it('accepts names the relay accepts, including ones with "/"', () => {
    for (const name of ['budget-2027', 'minutes/2026-11', 'team/minutes/2026/q1.notes', 'A_b.c-d']) {
      expect(normalizeDocName(name)).toEqual({ name });
    }
  });

  it('trims spaces around segments and drops empty segments', () => {
    expect(normalizeDocName('  minutes / 2026-11  ')).toEqual({ name: 'minutes/2026-11' });
    expect(normalizeDocName('/minutes//2026-11/')).toEqual({ name: 'minutes/2026-11' });
  });

  it('asks for a name when there is none', () => {
    expect(normalizeDocName('')).toEqual({ error: 'Enter a document name.' });
    expect(normalizeDocName('  / / ')).toEqual({ error: 'Enter a document name.' });
  });

  it('refuses names the relay refuses, with the rule they break', () => {
    const cases: Array<[string, RegExp]> = [
      ['Meeting notes', /segment must match/],
      ['Protokoll-März', /segment must match/],
      ['.hidden', /segment must match/],
      ['a..b', /must not contain "\.\."/],
      ['a/b/c/d/e', /at most 4/],
      ['x'.repeat(201), /1-200 characters/],
      ['tab\there', /segment must match/],
    ];
    for (const [input, rule] of cases) {
      const result = normalizeDocName(input);
      expect(result, input).toHaveProperty('error');
      expect((result as { error: string }).error, input).toMatch(rule);
      expect(() => validateDocumentName(input)).toThrow(RangeError);
    }
  });

  it('shows the message validateDocumentName gives', () => {
    let rule = '';
    try {
      validateDocumentName('Meeting notes');
    } catch (error) {
      rule = (error as Error).message;
    }
    expect(normalizeDocName('Meeting notes')).toEqual({
      error: `This name cannot be used: ${rule.charAt(0).toUpperCase()}${rule.slice(1)}.`,
    });
  });
});

describe('randomDocName', () => {
  it('produces names the relay accepts', () => {
    for (let i = 0; i < 500; i++) {
      const name = randomDocName();
      expect(validateDocumentName(name)).toBe(name);
      expect(normalizeDocName(name)).toEqual({ name });
    }
  });

  it('produces valid names at the extremes of the random numbers', () => {
    for (const value of [0, 1, 89, 90, 0xffff_ffff]) {
      vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
        (array as unknown as Uint32Array).fill(value);
        return array;
      });
      const name = randomDocName();
      expect(name).toMatch(/^[a-z]+-[a-z]+-[1-9][0-9]$/);
      expect(validateDocumentName(name)).toBe(name);
      vi.restoreAllMocks();
    }
  });

  it('reads as adjective-noun-number', () => {
    expect(randomDocName()).toMatch(/^[a-z]+-[a-z]+-\d{2}$/);
  });
});
