import type { Node as ProseMirrorNode } from 'prosemirror-model';

/**
 * Why a file could not be imported. The element translates each code into
 * the user's language; `detail` is a developer-facing English explanation.
 *
 * - `too-large`: the file is larger than the size cap.
 * - `corrupt-archive`: not a readable zip (truncated, damaged, encrypted or an unknown compression).
 * - `archive-limits`: the zip would unpack into too many entries or too many bytes (a zip bomb).
 * - `missing-part`: a part the format requires (such as `content.xml` or `word/document.xml`) is absent.
 * - `wrong-format`: the file is of another kind than the one chosen (an ODT given as DOCX).
 * - `bad-xml`: a part is not well-formed XML or is too deeply nested or too large.
 * - `forbidden-xml`: a part declares a DOCTYPE (which could define entities or fetch external ones); refused, never resolved.
 * - `bad-text`: a text file (Markdown, HTML) is not valid UTF-8.
 */
export type FileErrorCode =
  | 'too-large'
  | 'corrupt-archive'
  | 'archive-limits'
  | 'missing-part'
  | 'wrong-format'
  | 'bad-xml'
  | 'forbidden-xml'
  | 'bad-text';

/** Every {@link FileErrorCode}, for catalogs of translated messages. */
export const FILE_ERROR_CODES: readonly FileErrorCode[] = [
  'too-large',
  'corrupt-archive',
  'archive-limits',
  'missing-part',
  'wrong-format',
  'bad-xml',
  'forbidden-xml',
  'bad-text',
];

/**
 * The error every importer throws for a file it cannot read. Importers
 * build the whole new document before returning, so when this is thrown
 * nothing has been changed anywhere.
 */
export class FileImportError extends Error {
  override readonly name = 'FileImportError';

  constructor(
    /** What kind of problem it is; see {@link FileErrorCode}. */
    readonly code: FileErrorCode,
    /** A developer-facing explanation in English. */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

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
