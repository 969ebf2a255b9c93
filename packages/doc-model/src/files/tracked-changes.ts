import type { Mark } from 'prosemirror-model';
import { suggestionAttrsOf } from '../review/suggestion-marks.js';
import type { SuggestionAttrs, SuggestionKind } from '../review/suggestion-marks.js';
import { schema } from '../schema.js';

/** A pending suggestion on a run of text, as a file writer needs it. */
export interface RunSuggestion {
  readonly kind: SuggestionKind;
  readonly attrs: SuggestionAttrs;
}

/** The suggestion a run's marks carry (a deletion wins over an insertion: the text is not in the accepted document either way). */
export function suggestionOfMarks(marks: readonly Mark[]): RunSuggestion | null {
  const deletion = marks.find((mark) => mark.type.name === 'deletion');
  if (deletion) return { kind: 'deletion', attrs: suggestionAttrsOf(deletion) };
  const insertion = marks.find((mark) => mark.type.name === 'insertion');
  return insertion ? { kind: 'insertion', attrs: suggestionAttrsOf(insertion) } : null;
}

/** Marks without the suggestion marks (for writing a run's formatting). */
export const withoutSuggestions = (marks: readonly Mark[]): Mark[] => marks.filter((mark) => mark.type.name !== 'insertion' && mark.type.name !== 'deletion');

/**
 * A time for `dc:date` and `w:date`: ISO 8601 in UTC to the second (Word
 * rejects fractions in w:date; LibreOffice keeps whole seconds), or null
 * for an unknown time (0).
 */
export function fileDate(time: number): string | null {
  if (!Number.isFinite(time) || time <= 0) return null;
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Milliseconds since 1970 of a file's `dc:date`/`w:date`; 0 when it is
 * missing or not a date. A time without a zone (as LibreOffice writes its
 * local time) is read as UTC, since the file does not say which zone it meant.
 */
export function parseFileDate(text: string | undefined | null): number {
  const value = (text ?? '').trim();
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value)) return 0;
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(value) || !value.includes('T') ? value : `${value}Z`;
  // Date parses at most milliseconds: LibreOffice writes nanoseconds.
  const time = Date.parse(zoned.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(time) ? time : 0;
}

/** The suggestion mark for a tracked change read from a file. Imported changes have no user id: the file names only the author. */
export function suggestionMark(kind: SuggestionKind, id: string, author: string, time: number): Mark {
  return schema.marks[kind]!.create({ id, authorId: '', authorName: author, time });
}

/** A valid XML NCName for `id` (ODF change and annotation ids), or null when it has characters an NCName cannot hold. */
export const ncNameSafe = (id: string): string | null => (/^[A-Za-z0-9_.-]{1,64}$/.test(id) ? id : null);
