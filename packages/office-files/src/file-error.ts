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
 * - `bad-text`: a text file (Markdown, HTML, CSV) is not valid UTF-8.
 * - `too-many-cells`: a table or sheet has more rows or columns than the importer's limit.
 */
export type FileErrorCode =
  | 'too-large'
  | 'corrupt-archive'
  | 'archive-limits'
  | 'missing-part'
  | 'wrong-format'
  | 'bad-xml'
  | 'forbidden-xml'
  | 'bad-text'
  | 'too-many-cells';

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
  'too-many-cells',
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
