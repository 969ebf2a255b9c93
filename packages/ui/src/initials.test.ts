import { describe, expect, it } from 'vitest';
import { initials } from './initials.js';

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('Grace Brewster Murray Hopper')).toBe('GH');
  });

  it('takes one letter of a single word, upper-cased', () => {
    expect(initials('ada')).toBe('A');
  });

  it('skips punctuation and keeps letters with combining marks whole', () => {
    expect(initials('Müller-Lüdenscheidt, Heinz')).toBe('MH');
    expect(initials('(Ärztin) Özlem Türeci')).toBe('ÄT');
    expect(initials('E\u0301mile Zola')).toBe('E\u0301Z');
  });

  it('shows a question mark for a blank name', () => {
    expect(initials('')).toBe('?');
    expect(initials('   ')).toBe('?');
  });
});
