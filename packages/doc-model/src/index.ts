export { schema } from './schema.js';
export type { MarkName, NodeName } from './schema.js';
export { ALIGNMENTS, INDENT_STEP_PT, MAX_INDENT } from './block-attrs.js';
export type { Alignment } from './block-attrs.js';
export { headingLevelOf, MAX_HEADING_LEVEL } from './block-nodes.js';
export { isHexColor, normalizeColor } from './color.js';
export { LINK_SCHEMES, safeLinkHref } from './link-href.js';
export { checkImageDataUrl, IMAGE_MIME_TYPES, MAX_IMAGE_BYTES, safeImageSrc } from './image-source.js';
export type { ImageDataUrlCheck } from './image-source.js';
export { DEFAULT_HIGHLIGHT } from './marks.js';
export {
  toggleBold,
  toggleItalic,
  toggleUnderline,
  toggleStrikethrough,
  toggleSuperscript,
  toggleSubscript,
  toggleCode,
  setTextColor,
  setHighlight,
  setLink,
  removeLink,
} from './mark-commands.js';
export {
  setParagraph,
  setHeading,
  setAlignment,
  indentBlock,
  outdentBlock,
  increaseIndent,
  decreaseIndent,
  toggleBlockquote,
  toggleCodeBlock,
  setCodeBlockLanguage,
  insertHorizontalRule,
  insertPageBreak,
  insertImage,
  insertHardBreak,
} from './block-commands.js';
export type { ImageAttrs } from './block-commands.js';
export {
  toggleBulletList,
  toggleOrderedList,
  toggleTaskList,
  toggleTaskChecked,
  toggleTaskCheckedAt,
  indentListItem,
  outdentListItem,
  splitListItem,
} from './list-commands.js';
export {
  MAX_TABLE_SIZE,
  insertTable,
  addTableRowBefore,
  addTableRowAfter,
  addTableColumnBefore,
  addTableColumnAfter,
  deleteTableRow,
  deleteTableColumn,
  deleteTable,
  mergeTableCells,
  splitTableCell,
  toggleTableHeaderRow,
  toggleTableHeaderColumn,
  goToNextTableCell,
  goToPreviousTableCell,
} from './table-commands.js';
export { fillEmptyContainers } from './fill-empty.js';
export { buildKeymap } from './keymap.js';
export type { KeymapOptions } from './keymap.js';
export { buildInputRules } from './input-rules.js';
export { isMarkActive, activeBlock, activeMarks } from './selection-state.js';
export type { ActiveBlock, ActiveMarks } from './selection-state.js';
export { findMatches, findNext, replaceAll, replaceNext } from './find-replace.js';
export type { FindOptions, TextRange } from './find-replace.js';
export { countCharacters, countWords } from './text-counts.js';
export type { CountCharactersOptions } from './text-counts.js';
export { fragmentToHTML, htmlToDoc, htmlToSlice, sanitizeHTML } from './sanitize-html.js';
export type { RemovedImage, SanitizeOptions } from './sanitize-html.js';
export { toODT } from './files/odt-write.js';
export { fromODT } from './files/odt-read.js';
export { toDOCX } from './files/docx-write.js';
export { fromDOCX } from './files/docx-read.js';
export { toMarkdown } from './files/markdown-write.js';
export { fromMarkdown } from './files/markdown-read.js';
export { toHTML, fromHTML } from './files/html-file.js';
export type { HTMLExportOptions } from './files/html-file.js';
export { exportWarnings } from './files/export-warnings.js';
export type { ExportWarning } from './files/export-warnings.js';
export { FILE_ERROR_CODES, FileImportError } from './files/file-error.js';
export type { FileErrorCode, ImportResult, ImportWarning } from './files/file-error.js';
export { DEFAULT_FILE_LIMITS } from './files/limits.js';
export type { FileLimits, ImportOptions } from './files/limits.js';
export { decodeUtf8, droppedComments, exportDocument, FILE_FORMATS, formatOfFileName, importDocument } from './files/file-formats.js';
export type { ExportOptions, FileFormat, FileFormatInfo } from './files/file-formats.js';
export type { DocumentExportOptions, FileComment, FileCommentThread } from './files/file-comments.js';
export { commentsFromYDoc, fileCommentAuthor, writeCommentsToYDoc } from './files/comments-bridge.js';
export type { CommentsBridgeOptions } from './files/comments-bridge.js';
export { CONTENT_FRAGMENT, docFromYDoc, writeDocToYDoc } from './files/ydoc-bridge.js';
export { FragmentPositions, decodeAnchor, encodeAnchor } from './review/anchor.js';
export { CommentThreads, COMMENTS_MAP, COMMENTS_ORIGIN, MAX_COMMENT_LENGTH } from './review/comment-threads.js';
export type { CommentAuthor, CommentReply, CommentThread, CommentThreadsOptions, ThreadState } from './review/comment-threads.js';
export { parseMentions } from './review/mentions.js';
export type { Mention, Person } from './review/mentions.js';
export { suggestionAttrsOf } from './review/suggestion-marks.js';
export { FORMAT_CHANGE, decodeFormatting, encodeFormatting, formatDifference } from './review/format-changes.js';
export type { FormatDifference } from './review/format-changes.js';
export type { SuggestionAttrs, SuggestionKind, SuggestionMarkName } from './review/suggestion-marks.js';
export {
  acceptAllSuggestions,
  acceptSuggestion,
  listSuggestions,
  rejectAllSuggestions,
  rejectSuggestion,
  SUGGESTION_DIRECT,
  suggestionPieces,
} from './review/suggestions.js';
export type { Suggestion, SuggestionPiece } from './review/suggestions.js';
export { isSuggestMode, setSuggestMode, suggestBackspace, suggestDelete, suggestModeKey, suggestModePlugin } from './review/suggest-mode.js';
export type { SuggestModeOptions, SuggestionAuthor } from './review/suggest-mode.js';
