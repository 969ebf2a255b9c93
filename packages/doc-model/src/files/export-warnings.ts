import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { headingLevelOf } from '../block-nodes.js';
import { FORMAT_CHANGE } from '../review/format-changes.js';

/**
 * Something an export could not write as it is in the document, for telling
 * the user. Counts say how many instances there were.
 *
 * - `comments-dropped`: comment threads, in a format without comments (Markdown, HTML).
 * - `nested-quotes-merged`: quotes inside quotes (ODT, DOCX keep a quote as a paragraph style, so
 *   the inner quote becomes part of the outer one).
 * - `quote-blocks-moved`: blocks other than body-text paragraphs inside a quote (headings, lists,
 *   tables, code blocks, rules, page breaks), written after or around the quote instead of in it (ODT, DOCX).
 * - `list-blocks-moved`: blocks inside a list item that end the list: in DOCX all but body-text
 *   paragraphs and nested lists (tables, code blocks, quotes, headings, rules, page breaks; Word numbers
 *   paragraphs, it has no items that hold blocks), in ODT tables (ODF list items cannot hold them; the
 *   list is closed before the table and continues after it).
 * - `format-suggestions-applied`: suggested formatting changes, counted by suggestion, in a format
 *   that cannot record the formatting before the change (ODT: ODF's `text:format-change` names no
 *   old formatting; Markdown, HTML): the text is written with the suggested formatting. DOCX keeps
 *   them as `w:rPrChange`.
 */
export interface ExportWarning {
  readonly code: 'comments-dropped' | 'nested-quotes-merged' | 'quote-blocks-moved' | 'list-blocks-moved' | 'format-suggestions-applied';
  readonly count: number;
}

const LISTS = new Set(['bullet_list', 'ordered_list', 'task_list']);
const ITEMS = new Set(['list_item', 'task_item']);

const isBodyParagraph = (node: ProseMirrorNode): boolean => node.type.name === 'paragraph' && (headingLevelOf(node) ?? 0) === 0;

/**
 * What an export of `doc` (with `commentCount` comment threads) in `format`
 * leaves out or changes, by the rules of that format's writer; empty when
 * importing the file gives the same document back.
 */
export function exportWarnings(format: 'odt' | 'docx' | 'markdown' | 'html', doc: ProseMirrorNode, commentCount = 0): ExportWarning[] {
  const counts = new Map<ExportWarning['code'], number>();
  const add = (code: ExportWarning['code'], count = 1): void => {
    if (count > 0) counts.set(code, (counts.get(code) ?? 0) + count);
  };
  if (format !== 'docx') {
    const ids = new Set<unknown>();
    doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === FORMAT_CHANGE) ids.add(mark.attrs['id']);
      return true;
    });
    add('format-suggestions-applied', ids.size);
  }
  if (format === 'markdown' || format === 'html') {
    add('comments-dropped', commentCount);
  } else {
    doc.descendants((node, _pos, parent) => {
      if (parent?.type.name === 'blockquote') {
        if (node.type.name === 'blockquote') add('nested-quotes-merged');
        else if (!isBodyParagraph(node)) add('quote-blocks-moved');
      }
      if (parent && ITEMS.has(parent.type.name)) {
        // Word numbers paragraphs and has no items that hold blocks; ODF items hold paragraphs, headings and lists, not tables.
        if (format === 'docx' ? !isBodyParagraph(node) && !LISTS.has(node.type.name) : node.type.name === 'table') add('list-blocks-moved');
      }
      // Inside a table cell, quotes and lists follow the same rules; nothing else to look at below a textblock.
      return !node.isTextblock;
    });
  }
  return [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code));
}
