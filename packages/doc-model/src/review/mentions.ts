/** Someone a comment can mention: a user id (null when only a name was typed) and a display name. */
export interface Mention {
  readonly id: string | null;
  readonly name: string;
}

/** A person who can be mentioned: present in the document now, or the author of a comment in it. */
export interface Person {
  readonly id: string;
  readonly name: string;
}

const WORD_CHAR = /[\p{L}\p{N}_.-]/u;

/**
 * Finds the @mentions in a comment body. `@` counts at the start or after a
 * character that is not part of a word (so `mail@example.org` mentions no
 * one). A known person's full name after it, compared without regard to case,
 * wins over a shorter one ("@Ada Lovelace" over "@Ada"); otherwise the word
 * after `@` is a mention by name only (`id` null). Each person is listed once,
 * in order of first mention.
 */
export function parseMentions(body: string, people: readonly Person[] = []): Mention[] {
  if (typeof body !== 'string') throw new TypeError('parseMentions needs the comment body as a string.');
  const candidates = [...people].filter((person) => person.name.trim() !== '').sort((a, b) => b.name.length - a.name.length);
  const found: Mention[] = [];
  const seen = new Set<string>();
  const add = (mention: Mention) => {
    const key = mention.id !== null ? `id:${mention.id}` : `name:${mention.name.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(mention);
  };
  for (let at = body.indexOf('@'); at !== -1; at = body.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHAR.test(body[at - 1]!)) continue;
    const rest = body.slice(at + 1);
    const person = candidates.find((candidate) => {
      const name = candidate.name;
      if (rest.slice(0, name.length).toLowerCase() !== name.toLowerCase()) return false;
      const after = rest[name.length];
      return after === undefined || !WORD_CHAR.test(after);
    });
    if (person) {
      add({ id: person.id, name: person.name });
      continue;
    }
    const word = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*/u.exec(rest)?.[0]?.replace(/[.-]+$/, '');
    if (word) add({ id: null, name: word });
  }
  return found;
}
