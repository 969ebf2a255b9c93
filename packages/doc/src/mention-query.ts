import type { Person } from '@allmende/doc-model';

/** An @mention being typed: where its `@` is and the text typed after it. */
export interface MentionQuery {
  readonly start: number;
  readonly query: string;
}

/**
 * The @mention the caret is in while typing, or null: an `@` at the start or
 * after a space or punctuation, followed by up to 40 characters without a
 * line break and at most two spaces (so "@Ada Love" still finds
 * "Ada Lovelace").
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && /[\p{L}\p{N}_]/u.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (query.length > 40 || /[\n@]/.test(query) || (query.match(/ /g)?.length ?? 0) > 2) return null;
  return { start: at, query };
}

/** The people whose name matches what was typed after `@` (any word of the name starting with it), at most 6. */
export function matchPeople(people: readonly Person[], query: string): Person[] {
  const wanted = query.trim().toLowerCase();
  return people
    .filter((person) => {
      const name = person.name.toLowerCase();
      return wanted === '' || name.startsWith(wanted) || name.split(/\s+/).some((word) => word.startsWith(wanted));
    })
    .slice(0, 6);
}

/** The text with the mention being typed replaced by `@Name `, and where the caret goes. */
export function insertMention(text: string, query: MentionQuery, caret: number, person: Person): { text: string; caret: number } {
  const inserted = `@${person.name} `;
  return { text: text.slice(0, query.start) + inserted + text.slice(caret), caret: query.start + inserted.length };
}
