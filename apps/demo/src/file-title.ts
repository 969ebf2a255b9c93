import { WorkspaceError } from './workspace-error.js';

/** The longest file title, in characters (code points). */
export const MAX_TITLE_LENGTH = 120;

// Control characters (C0, DEL, C1) and invisible format characters that can reorder or hide text (bidi overrides).
const FORBIDDEN = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/**
 * Checks a title typed by a user and returns it trimmed. Throws a
 * {@link WorkspaceError} for an empty title, one longer than
 * {@link MAX_TITLE_LENGTH} characters, or one holding control characters or
 * invisible direction marks (which could make a title read as something else).
 */
export function checkTitle(input: unknown): string {
  if (typeof input !== 'string') throw new WorkspaceError('empty-title', 'A title must be text.');
  const title = input.trim();
  if (title === '') throw new WorkspaceError('empty-title', 'Enter a title.');
  const length = [...title].length;
  if (length > MAX_TITLE_LENGTH) {
    throw new WorkspaceError('title-too-long', `A title has at most ${MAX_TITLE_LENGTH} characters; this one has ${length}.`);
  }
  if (FORBIDDEN.test(title)) {
    throw new WorkspaceError('title-control-characters', 'A title must not contain control characters, line breaks or direction marks.');
  }
  return title;
}
