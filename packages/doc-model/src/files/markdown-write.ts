import { Fragment } from 'prosemirror-model';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { alignmentOf, indentOf } from '../block-attrs.js';
import { codeLanguage, headingLevelOf } from '../block-nodes.js';
import { isHexColor } from '../color.js';
import { imageWidth } from '../inline-nodes.js';
import { safeImageSrc } from '../image-source.js';
import { safeLinkHref } from '../link-href.js';
import { fileFragmentToHTML } from './file-html.js';
import { linkGroups } from './inline-runs.js';
import type { InlineRun } from './inline-runs.js';
import { suggestionAttrsOf } from '../review/suggestion-marks.js';
import { tableGrid } from './table-grid.js';
import { fileDate } from './tracked-changes.js';

const escapeAttribute = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A pending suggestion as inline HTML, `<ins>` or `<del>` with its id,
 * author and time in data attributes: the text shows both the proposed and
 * the removed words, as LibreOffice shows tracked changes, instead of
 * silently accepting or dropping them.
 */
function suggestionTag(mark: Mark): string {
  const { id, authorName, time } = suggestionAttrsOf(mark);
  const date = fileDate(time);
  const tag = mark.type.name === 'insertion' ? 'ins' : 'del';
  return `<${tag} data-suggestion="${escapeAttribute(id)}" data-author="${escapeAttribute(authorName)}"${date ? ` datetime="${date}"` : ''}>`;
}

/** Markdown delimiters or inline HTML for each mark, outermost first as the schema orders them. */
function markOpen(mark: Mark): string {
  const color = String(mark.attrs['color'] ?? '').toLowerCase();
  switch (mark.type.name) {
    case 'bold':
      return '**';
    case 'italic':
      return '*';
    case 'strikethrough':
      return '~~';
    case 'underline':
      return '<u>';
    case 'superscript':
      return '<sup>';
    case 'subscript':
      return '<sub>';
    case 'text_color':
      return isHexColor(color) ? `<span style="color: ${color}">` : '<span>';
    case 'highlight':
      return isHexColor(color) ? `<mark style="background-color: ${color}">` : '<mark>';
    case 'insertion':
    case 'deletion':
      return suggestionTag(mark);
    default:
      return '';
  }
}

function markClose(mark: Mark): string {
  switch (mark.type.name) {
    case 'bold':
      return '**';
    case 'italic':
      return '*';
    case 'strikethrough':
      return '~~';
    case 'underline':
      return '</u>';
    case 'superscript':
      return '</sup>';
    case 'subscript':
      return '</sub>';
    case 'text_color':
      return '</span>';
    case 'highlight':
      return '</mark>';
    case 'insertion':
      return '</ins>';
    case 'deletion':
      return '</del>';
    default:
      return '';
  }
}

/** Escapes text so Markdown reads it literally: every ASCII punctuation character with a meaning gets a backslash. */
export function escapeMarkdown(text: string, lineStart: boolean): string {
  let out = text.replace(/[\\`*_[\]<>~|&]/g, '\\$&');
  if (lineStart) {
    out = out.replace(/^([#+=>-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  }
  return out;
}

/** A code span with a fence longer than any run of backticks inside. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function escapeHtmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function imageMarkdown(node: ProseMirrorNode): string {
  const src = safeImageSrc(String(node.attrs['src'] ?? ''));
  if (src === null) return '';
  const alt = typeof node.attrs['alt'] === 'string' ? node.attrs['alt'] : '';
  const title = typeof node.attrs['title'] === 'string' ? node.attrs['title'] : '';
  const width = imageWidth(node.attrs['width']);
  if (width !== null || /[\s()<>]/.test(src)) {
    return `<img src="${escapeHtmlAttr(src)}" alt="${escapeHtmlAttr(alt)}"${title ? ` title="${escapeHtmlAttr(title)}"` : ''}${width !== null ? ` width="${width}"` : ''}>`;
  }
  return `![${escapeMarkdown(alt, false)}](${src}${title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : ''})`;
}

/** Marks written as Markdown delimiters, which CommonMark recognises only next to non-space characters. */
const DELIMITER_MARKS = new Set(['bold', 'italic', 'strikethrough']);

/** The Markdown of a textblock's inline content. */
function inlineMarkdown(block: ProseMirrorNode): string {
  let out = '';
  let lineStart = true;
  for (const group of linkGroups(block)) {
    let content = '';
    const open: Mark[] = [];
    let heldSpace = '';
    const runs = group.runs;
    const inline = (run: InlineRun): void => {
      const wanted = run.marks.filter((mark) => mark.type.name !== 'code');
      let keep = 0;
      while (keep < open.length && keep < wanted.length && open[keep]!.eq(wanted[keep]!)) keep++;
      // Close what this run does not have, innermost first; held trailing spaces go outside the delimiters.
      while (open.length > keep) content += markClose(open.pop()!);
      content += heldSpace;
      heldSpace = '';
      if (run.kind === 'text') {
        const code = run.marks.some((mark) => mark.type.name === 'code');
        // Only delimiters (`**`, `*`, `~~`) must not touch spaces; inline HTML tags such as <ins> and <u> keep theirs inside.
        const moveSpaces = !code && wanted.some((mark) => DELIMITER_MARKS.has(mark.type.name));
        const lead = moveSpaces ? (/^\s+/.exec(run.text)?.[0] ?? '') : '';
        const trail = moveSpaces && run.text.length > lead.length ? (/\s+$/.exec(run.text)?.[0] ?? '') : '';
        const core = run.text.slice(lead.length, run.text.length - trail.length);
        // CommonMark drops spaces at the start of a line, also after a hard break; a space entity keeps them.
        const afterBreak = lineStart && (out !== '' || content !== '');
        content += afterBreak ? lead.replace(/^ /, '&#32;') : lead;
        const bare = content.length;
        for (const mark of wanted.slice(keep)) {
          content += markOpen(mark);
          open.push(mark);
        }
        let body = code ? codeSpan(core) : escapeMarkdown(core, lineStart && out === '' && content === lead);
        if (afterBreak && !code && lead === '' && content.length === bare) body = body.replace(/^ /, '&#32;');
        content += body;
        heldSpace = trail;
      } else {
        for (const mark of wanted.slice(keep)) {
          content += markOpen(mark);
          open.push(mark);
        }
        content += run.kind === 'break' ? '\\\n' : imageMarkdown(run.node);
      }
      lineStart = run.kind === 'break';
    };
    runs.forEach(inline);
    while (open.length) content += markClose(open.pop()!);
    content += heldSpace;
    const href = group.href === null ? null : safeLinkHref(group.href);
    if (href === null) out += content;
    else out += `[${content}](${/[\s()<>]/.test(href) ? `<${href.replace(/[<>]/g, encodeURIComponent)}>` : href})`;
  }
  // Markdown drops leading and trailing spaces of a paragraph; a space entity keeps them.
  return out.replace(/^ /, '&#32;').replace(/ $/, '&#32;');
}

/** HTML for content Markdown cannot express, as an HTML block (the importer sanitizes it like a paste). */
function htmlBlock(node: ProseMirrorNode): string {
  return fileFragmentToHTML(Fragment.from(node)).replace(/\n/g, '&#10;');
}

function isSimpleTable(table: ProseMirrorNode): boolean {
  const grid = tableGrid(table);
  if (grid.width === 0 || grid.rows.length === 0) return false;
  const alignments: string[] = [];
  return grid.rows.every((line, row) =>
    line.every((slot, column) => {
      if (slot.kind !== 'cell' || slot.colspan !== 1 || slot.rowspan !== 1) return false;
      if ((slot.cell.type.name === 'table_header') !== (row === 0)) return false;
      if (slot.cell.childCount !== 1) return false;
      const paragraph = slot.cell.child(0);
      if (paragraph.type.name !== 'paragraph' || (headingLevelOf(paragraph) ?? 0) !== 0 || indentOf(paragraph) !== 0) return false;
      let plain = true;
      paragraph.forEach((child) => {
        if (child.type.name === 'hard_break') plain = false;
      });
      const align = alignmentOf(paragraph);
      if (row === 0) alignments[column] = align;
      return plain && alignments[column] === align;
    }),
  );
}

function tableMarkdown(table: ProseMirrorNode): string {
  const grid = tableGrid(table);
  const cellText = (slot: (typeof grid.rows)[number][number]): string =>
    slot.kind === 'cell' ? inlineMarkdown(slot.cell.child(0)).trim() || ' ' : ' ';
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const head = grid.rows[0]!;
  const rule = head.map((slot) => {
    const align = slot.kind === 'cell' ? alignmentOf(slot.cell.child(0)) : 'left';
    return align === 'center' ? ':---:' : align === 'right' ? '---:' : align === 'justify' ? '---' : '---';
  });
  return [line(head.map(cellText)), line(rule), ...grid.rows.slice(1).map((row) => line(row.map(cellText)))].join('\n');
}

const LIST_TYPES = new Set(['bullet_list', 'ordered_list', 'task_list']);

/** Indents every line but the first by `width` spaces (list item continuation). */
function indentRest(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : pad + line))
    .join('\n');
}

function blocksMarkdown(parent: ProseMirrorNode, tightList = false): string {
  const parts: string[] = [];
  let previousList: { family: string; alternate: boolean } | null = null;
  parent.forEach((child) => {
    let alternate = false;
    if (LIST_TYPES.has(child.type.name)) {
      const family = child.type.name === 'ordered_list' ? 'ordered' : 'bullet';
      // Two lists in a row would merge into one; a different marker keeps them apart.
      alternate = previousList !== null && previousList.family === family ? !previousList.alternate : false;
      previousList = { family, alternate };
    } else previousList = null;
    parts.push(blockMarkdown(child, alternate));
  });
  return parts.join(tightList ? '\n' : '\n\n');
}

function blockMarkdown(node: ProseMirrorNode, alternate: boolean): string {
  switch (node.type.name) {
    case 'paragraph':
    case 'heading': {
      const level = headingLevelOf(node) ?? 0;
      if (alignmentOf(node) !== 'left' || indentOf(node) > 0) return htmlBlock(node);
      const text = inlineMarkdown(node);
      if (level > 0) return `${'#'.repeat(level)} ${text.replace(/\\\n/g, '<br>')}`.trimEnd();
      return text === '' ? '<p></p>' : text;
    }
    case 'blockquote': {
      const inner = blocksMarkdown(node);
      return inner
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    }
    case 'code_block': {
      const text = node.textContent;
      const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(longest + 1);
      return `${fence}${codeLanguage(node.attrs['language']) ?? ''}\n${text}\n${fence}`;
    }
    case 'horizontal_rule':
      return '---';
    case 'page_break':
      return '<div data-page-break></div>';
    case 'bullet_list':
    case 'task_list':
    case 'ordered_list': {
      const ordered = node.type.name === 'ordered_list';
      const start = Number.isSafeInteger(Number(node.attrs['order'])) ? Number(node.attrs['order']) : 1;
      const items: string[] = [];
      node.forEach((item, _offset, index) => {
        const bullet = alternate ? '*' : '-';
        let marker = ordered ? `${start + index}${alternate ? ')' : '.'} ` : `${bullet} `;
        if (node.type.name === 'task_list') marker += item.attrs['checked'] === true ? '[x] ' : '[ ] ';
        const width = ordered ? marker.length : 2;
        let body = item.childCount === 0 ? '' : blocksMarkdown(item, item.childCount > 0 && isTight(item));
        // An item starting with a nested list or a code block still needs its own first line.
        if (item.firstChild && item.firstChild.type.name !== 'paragraph') body = `<p></p>\n${body}`;
        items.push(indentRest(`${marker}${body}`, width).trimEnd());
      });
      return items.join('\n');
    }
    case 'table':
      return isSimpleTable(node) ? tableMarkdown(node) : htmlBlock(node);
    default:
      return node.isTextblock ? inlineMarkdown(node) : blocksMarkdown(node);
  }
}

/** A list item whose blocks are one paragraph and nested lists can be written tight (no blank lines). */
function isTight(item: ProseMirrorNode): boolean {
  let tight = true;
  item.forEach((child, _offset, index) => {
    if (index === 0 ? child.type.name !== 'paragraph' : !LIST_TYPES.has(child.type.name)) tight = false;
  });
  return tight;
}

/**
 * Writes a document as Markdown: CommonMark with GFM tables, strikethrough
 * and task lists. What Markdown has no syntax for is written as inline or
 * block HTML, which {@link fromMarkdown} reads back (through the paste
 * sanitizer): underline, super- and subscript, colours and highlight as
 * `<u>`, `<sup>`, `<sub>`, `<span style>` and `<mark>`; aligned or indented
 * paragraphs, tables with merged cells or several blocks per cell, and
 * images with a width as HTML; page breaks as
 * `<div data-page-break></div>`. Text is escaped so that it reads back
 * literally. Needs no DOM.
 */
export function toMarkdown(doc: ProseMirrorNode): string {
  return `${blocksMarkdown(doc)}\n`;
}
