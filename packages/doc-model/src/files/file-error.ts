import type { Node as ProseMirrorNode } from 'prosemirror-model';

// The generic error type moved to @allmende/office-files; re-exported so this package's API stays the same.
export { FILE_ERROR_CODES, FileImportError } from '@allmende/office-files';
export type { FileErrorCode } from '@allmende/office-files';

/**
 * Something an importer left out or changed, for telling the user. Counts
 * say how many instances there were.
 *
 * - `comments-dropped`: comments (`office:annotation`, `w:comment`) are not imported yet.
 * - `deletions-dropped`: tracked deletions were left out (their text was already deleted in the suggestion).
 * - `insertions-accepted`: tracked insertions were kept as ordinary text.
 * - `images-dropped`: images of an unsupported type or over the size cap.
 * - `unknown-content`: elements this importer does not know; their text was kept where it had any.
 */
export interface ImportWarning {
  readonly code: 'comments-dropped' | 'deletions-dropped' | 'insertions-accepted' | 'images-dropped' | 'unknown-content';
  readonly count: number;
}

/** What an importer returns: the new document and what it could not keep. */
export interface ImportResult {
  /** A document of the Allmende schema that passes `check()`. */
  readonly doc: ProseMirrorNode;
  readonly warnings: readonly ImportWarning[];
}

/** Collects warnings by code while a file is read. */
export class WarningCollector {
  private readonly counts = new Map<ImportWarning['code'], number>();

  /** Counts one more instance of `code`. */
  add(code: ImportWarning['code'], count = 1): void {
    this.counts.set(code, (this.counts.get(code) ?? 0) + count);
  }

  /** The warnings so far, in a stable order. */
  list(): ImportWarning[] {
    return [...this.counts].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code));
  }
}
