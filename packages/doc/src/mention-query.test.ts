import { describe, expect, it } from 'vitest';
import { insertMention, matchPeople, mentionQueryAt } from './mention-query.js';

const people = [
  { id: 'u-ada', name: 'Ada Lovelace' },
  { id: 'u-bob', name: 'Bob' },
  { id: 'u-bea', name: 'Beatrix Potter' },
];

describe('typing an @mention', () => {
  it('finds the mention the caret is in, and none inside words or e-mail addresses', () => {
    expect(mentionQueryAt('Ask @Bo', 7)).toEqual({ start: 4, query: 'Bo' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Ask @Ada Lo', 11)).toEqual({ start: 4, query: 'Ada Lo' });
    expect(mentionQueryAt('mail ada@example.org', 20)).toBeNull();
    expect(mentionQueryAt('Ask @Bo\nthen', 12)).toBeNull();
    expect(mentionQueryAt('no mention', 10)).toBeNull();
  });

  it('offers people whose name or a word of it starts with what was typed', () => {
    expect(matchPeople(people, 'b').map((person) => person.id)).toEqual(['u-bob', 'u-bea']);
    expect(matchPeople(people, 'love').map((person) => person.id)).toEqual(['u-ada']);
    expect(matchPeople(people, '')).toHaveLength(3);
    expect(matchPeople(people, 'zed')).toEqual([]);
  });

  it('replaces the typed part with the full name and puts the caret after it', () => {
    const text = 'Ask @Ad about it';
    const query = mentionQueryAt(text, 7)!;
    expect(insertMention(text, query, 7, people[0]!)).toEqual({ text: 'Ask @Ada Lovelace  about it', caret: 18 });
  });
});
