import { describe, expect, it } from 'vitest';
import { parseMentions } from './mentions.js';

const people = [
  { id: 'u-ada', name: 'Ada' },
  { id: 'u-adal', name: 'Ada Lovelace' },
  { id: 'u-bob', name: 'Bob' },
];

describe('parseMentions', () => {
  it('prefers the longest known name and lists each person once, in order', () => {
    expect(parseMentions('@ada lovelace and @Bob, then @Ada Lovelace again and @Ada', people)).toEqual([
      { id: 'u-adal', name: 'Ada Lovelace' },
      { id: 'u-bob', name: 'Bob' },
      { id: 'u-ada', name: 'Ada' },
    ]);
  });

  it('keeps unknown names as name-only mentions and ignores e-mail addresses', () => {
    expect(parseMentions('cc @Carol. Mail bob@example.org or @Bobby', people)).toEqual([
      { id: null, name: 'Carol' },
      { id: null, name: 'Bobby' },
    ]);
    expect(parseMentions('no mentions @ all')).toEqual([]);
  });

  it('refuses a body that is not text', () => {
    expect(() => parseMentions(42 as unknown as string)).toThrow(TypeError);
  });
});
