import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { FileCommentThread } from './file-comments.js';

// The generic error type moved to @allmende/office-files; re-exported so this package's API stays the same.
export { FILE_ERROR_CODES, FileImportError } from '@allmende/office-files';
export type { FileErrorCode } from '@allmende/office-files';

/**
 * Something an importer left out or changed, for telling the user. Counts
 * say how many instances there were.
 *
 * - `comments-dropped`: comments with no text to be on (the file's document is empty), or comments in
 *   a format that has none (Markdown, HTML).
 * - `comment-range-unclosed`: a comment's range starts but never ends; it runs to the end of its paragraph.
 * - `deletions-dropped`: tracked deletions outside a paragraph (a whole deleted table row, a moved
 *   paragraph) were left out: their text was already deleted in the suggestion.
 * - `insertions-accepted`: tracked insertions outside a paragraph were kept as ordinary text.
 * - `format-changes-accepted`: tracked formatting changes were kept as the formatting they set.
 * - `tracked-change-missing`: the text refers to a tracked change the file does not define; the text is
 *   kept as ordinary text (an insertion) or nothing is added (a deletion whose deleted text is missing).
 * - `tracked-change-unclosed`: a tracked insertion starts but never ends; it runs to the end of the document.
 * - `images-dropped`: images of an unsupported type or over the size cap.
 * - `unknown-content`: elements this importer does not know; their text was kept where it had any.
 */
export interface ImportWarning {
  readonly code:
    | 'comments-dropped'
    | 'comment-range-unclosed'
    | 'deletions-dropped'
    | 'insertions-accepted'
    | 'format-changes-accepted'
    | 'tracked-change-missing'
    | 'tracked-change-unclosed'
    | 'images-dropped'
    | 'unknown-content';
  readonly count: number;
}

/** What an importer returns: the new document and what it could not keep. */
export interface ImportResult {
  /** A document of the Allmende schema that passes `check()`. */
  readonly doc: ProseMirrorNode;
  readonly warnings: readonly ImportWarning[];
  /**
   * The comment threads of the file (ODT and DOCX), with ranges as
   * positions in `doc`; empty for the other formats. Write them into a
   * shared document with `writeCommentsToYDoc` after the document.
   */
  readonly comments: readonly FileCommentThread[];
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
