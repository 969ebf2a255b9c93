import { describe, expect, it } from 'vitest';
import { documentNameFromRequestTarget } from './document-name.js';

describe('documentNameFromRequestTarget', () => {
  it('decodes the path and ignores the query', () => {
    expect(documentNameFromRequestTarget('/team/minutes?token=abc')).toBe('team/minutes');
    expect(documentNameFromRequestTarget('/team%2Fminutes')).toBe('team/minutes');
  });

  it('refuses encoded traversal and broken percent-encoding', () => {
    expect(() => documentNameFromRequestTarget('/%2e%2e%2fdata')).toThrow(RangeError);
    expect(() => documentNameFromRequestTarget('/%E0%A4%A')).toThrow(/percent-encoding/);
  });
});
