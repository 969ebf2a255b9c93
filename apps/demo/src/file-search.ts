import type { FileEntry } from './workspace.js';

/** How the start page orders files: most recently changed first, or by title A–Z. */
export type SortOrder = 'modified' | 'name';

/**
 * Folds text for searching: lower case, without diacritics (é → e, ü → u),
 * ß as ss, and runs of spaces as one, so "Muller" finds "Müller".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tells whether a title matches a search: every word of the query occurs in it, ignoring case and diacritics. */
export function matchesSearch(title: string, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  const folded = foldForSearch(title);
  return words.every((word) => folded.includes(word));
}

/**
 * The files that match `query`, in `order`. Titles compare in `locale`
 * (accents and case only break ties); equal keys fall back to the id, so
 * every client lists the same files in the same order.
 */
export function searchFiles(files: readonly FileEntry[], query: string, order: SortOrder, locale: string): FileEntry[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: FileEntry, b: FileEntry) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return files
    .filter((file) => matchesSearch(file.title, query))
    .sort(order === 'name' ? byName : (a, b) => b.modified - a.modified || byName(a, b));
}

/**
 * `files` in the order of `previousIds`, for a list that must not move under
 * the person using it: files still listed keep their places, files that
 * are new to the list come after them (in `files`' order), files gone are
 * dropped. Nothing shifts up or down except by a removal.
 */
export function keepOrder(files: readonly FileEntry[], previousIds: readonly string[]): FileEntry[] {
  const byId = new Map(files.map((file) => [file.id, file]));
  const kept: FileEntry[] = [];
  for (const id of previousIds) {
    const file = byId.get(id);
    if (!file) continue;
    kept.push(file);
    byId.delete(id);
  }
  return kept.concat(files.filter((file) => byId.has(file.id)));
}
