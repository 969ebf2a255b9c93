import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { alignmentOf, indentOf } from '../block-attrs.js';
import { headingLevelOf } from '../block-nodes.js';
import { isHexColor } from '../color.js';
import { imageWidth } from '../inline-nodes.js';
import { safeImageSrc } from '../image-source.js';
import { safeLinkHref } from '../link-href.js';
import { FORMAT_CHANGE, decodeFormatting } from '../review/format-changes.js';
import { suggestionAttrsOf } from '../review/suggestion-marks.js';
import { schema } from '../schema.js';
import { imageDisplaySize, imageFileFromDataUrl } from './image-data.js';
import { linkGroups, markAttrs } from './inline-runs.js';
import type { InlineRun } from './inline-runs.js';
import { TASK_DONE, TASK_OPEN } from './odf-names.js';
import { DOCX_STYLE, EMU_PER_PX, OOXML_NAMESPACES, REL } from './ooxml-names.js';
import { headerRowCount, tableGrid } from './table-grid.js';
import { COMMENT_END, COMMENT_START, placeCommentSentinels } from './file-comments.js';
import type { CommentEvent, DocumentExportOptions, FileComment, FileCommentThread } from './file-comments.js';
import { fileDate, suggestionOfMarks, withoutSuggestions } from './tracked-changes.js';
import { element, escapeText, writeZip, xmlSafe } from '@allmende/office-files';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const TWIPS_PER_INDENT = 720;

interface ListContext {
  readonly numId: number;
  readonly level: number;
  readonly taskPrefix: string;
  /** A further paragraph of an item: no number, indented to the item's text. */
  readonly continuation?: boolean;
}

class DocxWriter {
  readonly rels: { id: string; type: string; target: string; external: boolean }[] = [];
  readonly media: { path: string; bytes: Uint8Array; extension: string; mimeType: string }[] = [];
  private readonly mediaByData = new Map<string, string>();
  /** w:num entries: numId → abstractNumId and start. */
  readonly nums: { numId: number; abstractId: number; start: number }[] = [];
  private drawings = 0;
  /** What each comment sentinel in the document stands for, in document order (see file-comments.ts). */
  events: CommentEvent[] = [];
  private nextEvent = 0;

  /**
   * A comment range's start (`w:commentRangeStart` for the thread and each
   * reply) or end (`w:commentRangeEnd` and the `w:commentReference` runs).
   * Comment ids: thread i's comments take ids from its index, in order.
   */
  private commentMarker(event: CommentEvent | undefined): string {
    if (!event) return '';
    const ids = commentIds(event.thread, event.index, this.commentBase);
    if (event.kind === 'start') return ids.map((id) => element('w:commentRangeStart', { 'w:id': id })).join('');
    return ids
      .map((id) => element('w:commentRangeEnd', { 'w:id': id }) + element('w:r', {}, element('w:rPr', {}, element('w:rStyle', { 'w:val': 'CommentReference' })) + element('w:commentReference', { 'w:id': id })))
      .join('');
  }

  /** The first comment id of each thread, by thread index. */
  commentBase: number[] = [];

  /** The next w:id of a tracked change. */
  private changes = 0;
  /** Whether the paragraphs being written are in a header cell outside the header rows. */
  private headerCell = false;

  private rel(type: string, target: string, external: boolean): string {
    const id = `rId${this.rels.length + 10}`;
    this.rels.push({ id, type, target, external });
    return id;
  }

  private num(abstractId: number, start = 1): number {
    const numId = this.nums.length + 1;
    this.nums.push({ numId, abstractId, start });
    return numId;
  }

  blocks(parent: ProseMirrorNode, quote: boolean): string {
    let out = '';
    parent.forEach((child) => {
      out += this.block(child, quote, null);
    });
    return out;
  }

  private block(node: ProseMirrorNode, quote: boolean, list: ListContext | null): string {
    switch (node.type.name) {
      case 'paragraph':
      case 'heading': {
        const level = headingLevelOf(node) ?? 0;
        const style = level > 0 ? DOCX_STYLE.heading(level) : quote ? DOCX_STYLE.quote : this.headerCell && !list ? DOCX_STYLE.tableHeading : null;
        const align = alignmentOf(node);
        const indent = indentOf(node);
        const props =
          (style ? element('w:pStyle', { 'w:val': style }) : '') +
          (list && !list.continuation ? element('w:numPr', {}, element('w:ilvl', { 'w:val': list.level }) + element('w:numId', { 'w:val': list.numId })) : '') +
          (list?.continuation ? element('w:ind', { 'w:left': TWIPS_PER_INDENT * (list.level + 1) }) : !list && indent > 0 ? element('w:ind', { 'w:left': indent * TWIPS_PER_INDENT }) : '') +
          (align !== 'left' ? element('w:jc', { 'w:val': align === 'justify' ? 'both' : align }) : '');
        const prefix = list?.taskPrefix && !list.continuation ? this.textRun(list.taskPrefix, []) : '';
        return element('w:p', {}, (props ? element('w:pPr', {}, props) : '') + prefix + this.inline(node));
      }
      case 'blockquote':
        return this.blocks(node, true);
      case 'code_block':
        return node.textContent
          .split('\n')
          .map((line) => element('w:p', {}, element('w:pPr', {}, element('w:pStyle', { 'w:val': DOCX_STYLE.code })) + (line ? this.run({ kind: 'text', text: line, marks: [] }) : '')))
          .join('');
      case 'horizontal_rule':
        return element(
          'w:p',
          {},
          element('w:pPr', {}, element('w:pStyle', { 'w:val': DOCX_STYLE.rule }) + element('w:pBdr', {}, element('w:bottom', { 'w:val': 'single', 'w:sz': 6, 'w:space': 1, 'w:color': 'auto' }))),
        );
      case 'page_break':
        return element('w:p', {}, element('w:r', {}, element('w:br', { 'w:type': 'page' })));
      case 'bullet_list':
      case 'ordered_list':
      case 'task_list':
        return this.list(node, quote, 0);
      case 'table':
        return this.table(node);
      default:
        return node.isTextblock ? element('w:p', {}, this.inline(node)) : this.blocks(node, quote);
    }
  }

  private list(node: ProseMirrorNode, quote: boolean, level: number): string {
    const kind = node.type.name;
    const order = Number(node.attrs['order']);
    const numId = kind === 'ordered_list' ? this.num(2, Number.isSafeInteger(order) ? order : 1) : this.num(kind === 'task_list' ? 3 : 1);
    let out = '';
    node.forEach((item) => {
      const taskPrefix = kind === 'task_list' ? `${item.attrs['checked'] === true ? TASK_DONE : TASK_OPEN} ` : '';
      let first = true;
      item.forEach((child) => {
        if (child.type.name === 'bullet_list' || child.type.name === 'ordered_list' || child.type.name === 'task_list') {
          out += this.list(child, quote, Math.min(8, level + 1));
        } else if (first && child.isTextblock && child.type.name !== 'code_block') {
          out += this.block(child, quote, { numId, level, taskPrefix });
          first = false;
        } else {
          // Further paragraphs of an item: unnumbered, indented to the item's text, as Word writes them.
          const continuation = child.type.name === 'paragraph' && (headingLevelOf(child) ?? 0) === 0;
          out += this.block(child, quote, continuation ? { numId, level, taskPrefix: '', continuation } : null);
        }
      });
      if (first) out += this.block(schemaParagraph(item), quote, { numId, level, taskPrefix });
    });
    return out;
  }

  private table(node: ProseMirrorNode): string {
    const grid = tableGrid(node);
    const headers = headerRowCount(node);
    const columnWidth = grid.width > 0 ? Math.floor(9000 / grid.width) : 9000;
    const border = (side: string): string => element(`w:${side}`, { 'w:val': 'single', 'w:sz': 4, 'w:space': 0, 'w:color': 'auto' });
    const props = element(
      'w:tblPr',
      {},
      element('w:tblW', { 'w:w': 0, 'w:type': 'auto' }) +
        element('w:tblBorders', {}, ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')) +
        element('w:tblLook', { 'w:val': '04A0', 'w:firstRow': 1 }),
    );
    const gridXml = element('w:tblGrid', {}, Array.from({ length: grid.width }, () => element('w:gridCol', { 'w:w': columnWidth })).join(''));
    const rows = grid.rows
      .map((line, rowIndex) => {
        let cells = '';
        line.forEach((slot, column) => {
          if (slot.kind === 'cell') {
            const tcPr =
              element('w:tcW', { 'w:w': columnWidth * slot.colspan, 'w:type': 'dxa' }) +
              (slot.colspan > 1 ? element('w:gridSpan', { 'w:val': slot.colspan }) : '') +
              (slot.rowspan > 1 ? element('w:vMerge', { 'w:val': 'restart' }) : '');
            // w:tblHeader marks whole leading rows; any other header cell says so through its paragraphs' style.
            const outer = this.headerCell;
            this.headerCell = rowIndex >= headers && slot.cell.type.name === 'table_header';
            const content = this.blocks(slot.cell, false) || (this.headerCell ? element('w:p', {}, element('w:pPr', {}, element('w:pStyle', { 'w:val': DOCX_STYLE.tableHeading }))) : '<w:p/>');
            this.headerCell = outer;
            cells += element('w:tc', {}, element('w:tcPr', {}, tcPr) + content);
          } else if (slot.kind === 'covered' && !slot.first) {
            // The top-left position of a vertically merged cell in a later row continues the merge.
            const above = line[column - 1];
            const startsHere = column === 0 || !(above && above.kind === 'covered' && above.by === slot.by);
            if (!startsHere) return;
            const colspan = Math.max(1, Number(slot.by.attrs['colspan']) || 1);
            cells += element('w:tc', {}, element('w:tcPr', {}, (colspan > 1 ? element('w:gridSpan', { 'w:val': colspan }) : '') + element('w:vMerge', {})) + '<w:p/>');
          } else if (slot.kind === 'empty') {
            cells += element('w:tc', {}, '<w:p/>');
          }
        });
        const rowProps = rowIndex < headers ? element('w:trPr', {}, element('w:tblHeader', {})) : '';
        return element('w:tr', {}, rowProps + cells);
      })
      .join('');
    return element('w:tbl', {}, props + gridXml + rows);
  }

  private inline(block: ProseMirrorNode): string {
    let out = '';
    for (const group of linkGroups(block)) {
      const runs = group.runs.map((run) => this.run(run)).join('');
      const href = group.href === null ? null : safeLinkHref(group.href);
      out += href === null ? runs : element('w:hyperlink', { 'r:id': this.rel(REL.hyperlink, href, true), 'w:history': 1 }, runs);
    }
    return out;
  }

  /**
   * A run's `w:rPr`. A suggested formatting change (`format_change`) adds
   * `w:rPrChange` with the properties the text had before, as Word tracks
   * formatting; its author and date are the suggestion's.
   */
  private runProps(marks: readonly Mark[]): string {
    let props = runPropsXml(marks);
    const change = marks.find((mark) => mark.type.name === FORMAT_CHANGE);
    if (change) {
      const { authorName, time } = suggestionAttrsOf(change);
      const attrs = { 'w:id': ++this.changes, 'w:author': authorName || 'Unknown', 'w:date': fileDate(time) };
      props += element('w:rPrChange', attrs, element('w:rPr', {}, runPropsXml(decodeFormatting(schema, change.attrs['before']))));
    }
    return props ? element('w:rPr', {}, props) : '';
  }

  private textRun(text: string, marks: readonly Mark[]): string {
    const pieces = xmlSafe(text).split(/(\t)/);
    const content = pieces
      .map((piece) => (piece === '\t' ? '<w:tab/>' : piece ? element('w:t', { 'xml:space': 'preserve' }, escapeText(piece.replace(/[\r\n]/g, ' '))) : ''))
      .join('');
    return element('w:r', {}, this.runProps(marks) + content);
  }

  /** A run, inside w:ins or w:del (with its text as w:delText) when it is a pending suggestion. */
  private run(run: InlineRun): string {
    if (run.kind === 'text' && /[\ufdd0\ufdd1]/.test(run.text)) {
      return run.text
        .split(/([\ufdd0\ufdd1])/)
        .map((piece) => (piece === COMMENT_START || piece === COMMENT_END ? this.commentMarker(this.events[this.nextEvent++]) : piece ? this.run({ ...run, text: piece }) : ''))
        .join('');
    }
    const suggestion = suggestionOfMarks(run.marks);
    if (!suggestion) return this.plainRun(run);
    let xml = this.plainRun({ ...run, marks: withoutSuggestions(run.marks) });
    if (suggestion.kind === 'deletion') xml = xml.replace(/<w:t( [^>]*)?>/g, '<w:delText$1>').replace(/<\/w:t>/g, '</w:delText>');
    const attrs = { 'w:id': ++this.changes, 'w:author': suggestion.attrs.authorName || 'Unknown', 'w:date': fileDate(suggestion.attrs.time) };
    return element(suggestion.kind === 'insertion' ? 'w:ins' : 'w:del', attrs, xml);
  }

  private plainRun(run: InlineRun): string {
    if (run.kind === 'text') return this.textRun(run.text, run.marks);
    if (run.kind === 'break') return element('w:r', {}, this.runProps(run.marks) + '<w:br/>');
    return this.image(run.node, run.marks);
  }

  private image(node: ProseMirrorNode, marks: readonly Mark[]): string {
    const src = safeImageSrc(String(node.attrs['src'] ?? ''));
    if (src === null) return '';
    const file = imageFileFromDataUrl(src);
    let blip: Record<string, string>;
    if (file) {
      let id = this.mediaByData.get(src);
      if (!id) {
        const path = `media/image${this.media.length + 1}.${file.extension}`;
        this.media.push({ path, bytes: file.bytes, extension: file.extension, mimeType: file.mimeType });
        id = this.rel(REL.image, path, false);
        this.mediaByData.set(src, id);
      }
      blip = { 'r:embed': id };
    } else {
      blip = { 'r:link': this.rel(REL.image, src, true) };
    }
    const size = imageDisplaySize(file?.bytes ?? null, imageWidth(node.attrs['width']));
    const cx = size.width * EMU_PER_PX;
    const cy = size.height * EMU_PER_PX;
    this.drawings++;
    const alt = typeof node.attrs['alt'] === 'string' ? node.attrs['alt'] : null;
    const title = typeof node.attrs['title'] === 'string' ? node.attrs['title'] : null;
    const name = `Picture ${this.drawings}`;
    const picture = element(
      'pic:pic',
      { 'xmlns:pic': OOXML_NAMESPACES['pic'] },
      element('pic:nvPicPr', {}, element('pic:cNvPr', { id: this.drawings, name, descr: alt }) + '<pic:cNvPicPr/>') +
        element('pic:blipFill', {}, element('a:blip', blip) + '<a:stretch><a:fillRect/></a:stretch>') +
        element(
          'pic:spPr',
          {},
          element('a:xfrm', {}, element('a:off', { x: 0, y: 0 }) + element('a:ext', { cx, cy })) + element('a:prstGeom', { prst: 'rect' }, '<a:avLst/>'),
        ),
    );
    const drawing = element(
      'wp:inline',
      { distT: 0, distB: 0, distL: 0, distR: 0 },
      element('wp:extent', { cx, cy }) +
        element('wp:docPr', { id: this.drawings, name, descr: alt, title }) +
        element('a:graphic', { 'xmlns:a': OOXML_NAMESPACES['a'] }, element('a:graphicData', { uri: OOXML_NAMESPACES['pic'] }, picture)),
    );
    return element('w:r', {}, this.runProps(marks) + element('w:drawing', {}, drawing));
  }
}

/** The w:ids of a thread's comments: the thread's first, then one per reply. */
function commentIds(thread: FileCommentThread, index: number, base: readonly number[]): number[] {
  const first = base[index] ?? 0;
  return [thread, ...thread.replies].map((_comment, offset) => first + offset);
}

/** A w14:paraId for comment `id` (hex, below 0x80000000 as Word requires). */
const paraId = (id: number): string => (id + 1).toString(16).toUpperCase().padStart(8, '0');

/** Initials for w:initials: the first letters of the first two words. */
const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => [...word][0] ?? '')
    .join('');

/** The run properties of formatting marks, in the order of CT_RPr (u before shd, vertAlign last); links are hyperlinks, not properties. */
function runPropsXml(marks: readonly Mark[]): string {
  let props = '';
  if (markAttrs(marks, 'code')) props += element('w:rStyle', { 'w:val': DOCX_STYLE.codeChar }) + element('w:rFonts', { 'w:ascii': 'Liberation Mono', 'w:hAnsi': 'Liberation Mono', 'w:cs': 'Liberation Mono' });
  if (markAttrs(marks, 'bold')) props += '<w:b/><w:bCs/>';
  if (markAttrs(marks, 'italic')) props += '<w:i/><w:iCs/>';
  if (markAttrs(marks, 'strikethrough')) props += '<w:strike/>';
  const color = markAttrs(marks, 'text_color')?.['color'];
  if (isHexColor(color)) props += element('w:color', { 'w:val': color.slice(1).toUpperCase() });
  if (markAttrs(marks, 'underline')) props += element('w:u', { 'w:val': 'single' });
  const highlight = markAttrs(marks, 'highlight')?.['color'];
  if (isHexColor(highlight)) props += element('w:shd', { 'w:val': 'clear', 'w:color': 'auto', 'w:fill': highlight.slice(1).toUpperCase() });
  if (markAttrs(marks, 'superscript')) props += element('w:vertAlign', { 'w:val': 'superscript' });
  else if (markAttrs(marks, 'subscript')) props += element('w:vertAlign', { 'w:val': 'subscript' });
  return props;
}

/**
 * word/comments.xml (each comment's text, one paragraph per line, its last
 * paragraph carrying the w14:paraId that commentsExtended refers to) and
 * word/commentsExtended.xml (replies name their thread's paragraph in
 * w15:paraIdParent; w15:done marks resolved threads).
 */
function commentParts(threads: readonly FileCommentThread[], base: readonly number[]): { comments: string; extended: string } {
  let comments = '';
  let extended = '';
  threads.forEach((thread, index) => {
    const ids = commentIds(thread, index, base);
    const all: FileComment[] = [thread, ...thread.replies];
    all.forEach((comment, offset) => {
      const id = ids[offset]!;
      const lines = comment.body.split('\n');
      const paragraphs = lines.map((line, lineIndex) =>
        element(
          'w:p',
          { 'w14:paraId': lineIndex === lines.length - 1 ? paraId(id) : null, 'w14:textId': lineIndex === lines.length - 1 ? '77777777' : null },
          element('w:pPr', {}, element('w:pStyle', { 'w:val': 'CommentText' })) +
            element('w:r', {}, element('w:t', { 'xml:space': 'preserve' }, escapeText(xmlSafe(line)))),
        ),
      );
      comments += element(
        'w:comment',
        { 'w:id': id, 'w:author': comment.author || 'Unknown', 'w:date': fileDate(comment.time), 'w:initials': initialsOf(comment.author) || null },
        paragraphs.join(''),
      );
      extended += element('w15:commentEx', {
        'w15:paraId': paraId(id),
        'w15:paraIdParent': offset > 0 ? paraId(ids[0]!) : null,
        'w15:done': thread.resolved ? 1 : 0,
      });
    });
  });
  const namespaces = { 'xmlns:w': OOXML_NAMESPACES['w'], 'xmlns:w14': OOXML_NAMESPACES['w14'], 'xmlns:w15': OOXML_NAMESPACES['w15'], 'xmlns:mc': OOXML_NAMESPACES['mc'], 'mc:Ignorable': 'w14 w15' };
  return {
    comments: XML_HEAD + element('w:comments', namespaces, comments),
    extended: XML_HEAD + element('w15:commentsEx', namespaces, extended),
  };
}

function schemaParagraph(item: ProseMirrorNode): ProseMirrorNode {
  return item.type.schema.node('paragraph');
}

function stylesXml(): string {
  const paragraphStyle = (id: string, name: string, pPr: string, rPr: string, extra = ''): string =>
    element(
      'w:style',
      { 'w:type': 'paragraph', 'w:styleId': id },
      element('w:name', { 'w:val': name }) + element('w:basedOn', { 'w:val': 'Normal' }) + extra + (pPr ? element('w:pPr', {}, pPr) : '') + (rPr ? element('w:rPr', {}, rPr) : ''),
    );
  const sizes = [32, 28, 26, 24, 22, 22];
  const headings = [1, 2, 3, 4, 5, 6]
    .map((level) =>
      paragraphStyle(
        DOCX_STYLE.heading(level),
        `heading ${level}`,
        element('w:keepNext', {}) + element('w:spacing', { 'w:before': 240, 'w:after': 120 }) + element('w:outlineLvl', { 'w:val': level - 1 }),
        `<w:b/><w:bCs/>${element('w:sz', { 'w:val': sizes[level - 1] })}`,
        element('w:next', { 'w:val': 'Normal' }) + '<w:qFormat/>',
      ),
    )
    .join('');
  return (
    XML_HEAD +
    element(
      'w:styles',
      { 'xmlns:w': OOXML_NAMESPACES['w'] },
      element('w:docDefaults', {}, element('w:rPrDefault', {}, element('w:rPr', {}, element('w:rFonts', { 'w:ascii': 'Liberation Serif', 'w:hAnsi': 'Liberation Serif', 'w:cs': 'Liberation Serif' }) + element('w:sz', { 'w:val': 24 }) + element('w:lang', { 'w:val': 'de-DE' })))) +
        element('w:style', { 'w:type': 'paragraph', 'w:default': 1, 'w:styleId': 'Normal' }, element('w:name', { 'w:val': 'Normal' }) + '<w:qFormat/>') +
        headings +
        paragraphStyle(DOCX_STYLE.quote, 'Quote', element('w:ind', { 'w:left': 567, 'w:right': 567 }), '<w:i/>') +
        paragraphStyle(DOCX_STYLE.code, 'Preformatted Text', element('w:spacing', { 'w:after': 0 }), element('w:rFonts', { 'w:ascii': 'Liberation Mono', 'w:hAnsi': 'Liberation Mono', 'w:cs': 'Liberation Mono' }) + element('w:sz', { 'w:val': 20 })) +
        paragraphStyle(DOCX_STYLE.rule, 'Horizontal Line', '', element('w:sz', { 'w:val': 12 })) +
        paragraphStyle(DOCX_STYLE.tableHeading, 'Table Heading', '', '<w:b/><w:bCs/>') +
        element('w:style', { 'w:type': 'character', 'w:styleId': DOCX_STYLE.codeChar }, element('w:name', { 'w:val': 'Source Text' }) + element('w:rPr', {}, element('w:rFonts', { 'w:ascii': 'Liberation Mono', 'w:hAnsi': 'Liberation Mono', 'w:cs': 'Liberation Mono' }))) +
        element('w:style', { 'w:type': 'character', 'w:styleId': 'Hyperlink' }, element('w:name', { 'w:val': 'Hyperlink' }) + element('w:rPr', {}, element('w:color', { 'w:val': '0563C1' }) + element('w:u', { 'w:val': 'single' }))),
    )
  );
}

function numberingXml(nums: readonly { numId: number; abstractId: number; start: number }[]): string {
  const abstract = (id: number, kind: 'bullet' | 'decimal' | 'task'): string => {
    let levels = '';
    for (let level = 0; level < 9; level++) {
      const text = kind === 'decimal' ? `%${level + 1}.` : kind === 'task' ? '' : ['•', '◦', '▪'][level % 3]!;
      levels += element(
        'w:lvl',
        { 'w:ilvl': level },
        element('w:start', { 'w:val': 1 }) +
          element('w:numFmt', { 'w:val': kind === 'decimal' ? 'decimal' : kind === 'task' ? 'none' : 'bullet' }) +
          element('w:lvlText', { 'w:val': text }) +
          element('w:lvlJc', { 'w:val': 'left' }) +
          element('w:pPr', {}, element('w:ind', { 'w:left': 720 * (level + 1), 'w:hanging': 360 })),
      );
    }
    return element('w:abstractNum', { 'w:abstractNumId': id }, element('w:multiLevelType', { 'w:val': 'hybridMultilevel' }) + levels);
  };
  const numXml = nums
    .map((num) =>
      element(
        'w:num',
        { 'w:numId': num.numId },
        element('w:abstractNumId', { 'w:val': num.abstractId }) +
          (num.abstractId === 2 ? element('w:lvlOverride', { 'w:ilvl': 0 }, element('w:startOverride', { 'w:val': num.start })) : ''),
      ),
    )
    .join('');
  return XML_HEAD + element('w:numbering', { 'xmlns:w': OOXML_NAMESPACES['w'] }, abstract(1, 'bullet') + abstract(2, 'decimal') + abstract(3, 'task') + numXml);
}

/**
 * Writes a document as Office Open XML (.docx) for Word and LibreOffice:
 * `word/document.xml` with Word's built-in style ids (Heading1–6, Quote),
 * `word/styles.xml`, `word/numbering.xml` (bullets, numbers with their
 * start, task lists as unnumbered items starting with ☐ or ☒), hyperlinks
 * and images (embedded under `word/media/`) as relationships, page breaks
 * as `w:br w:type="page"`. Pending suggestions are `w:ins` and `w:del`
 * (with `w:delText`). `options.comments` go to `word/comments.xml` with
 * `w:commentRangeStart`/`End` and `w:commentReference` in the text;
 * replies are comments on the same range whose `word/commentsExtended.xml`
 * entry names the thread (`w15:paraIdParent`), and `w15:done` marks
 * resolved threads. Written here rather than with the `docx`
 * package: see the package README. Needs no DOM.
 */
export function toDOCX(doc: ProseMirrorNode, options: DocumentExportOptions = {}): Uint8Array {
  const writer = new DocxWriter();
  let source = doc;
  const threads = options.comments ?? [];
  if (threads.length > 0) {
    const placed = placeCommentSentinels(doc, threads);
    source = placed.doc;
    writer.events = placed.events;
    let next = 0;
    writer.commentBase = threads.map((thread) => {
      const first = next;
      next += 1 + thread.replies.length;
      return first;
    });
  }
  const body = writer.blocks(source, false);
  // Only threads that found their range are written (a comment without a reference is an error to Word).
  const written = [...new Set(writer.events.map((event) => event.index))].sort((a, b) => a - b);
  const parts = written.length > 0 ? commentParts(written.map((index) => threads[index]!), written.map((index) => writer.commentBase[index]!)) : null;
  const section = element(
    'w:sectPr',
    {},
    element('w:pgSz', { 'w:w': 11906, 'w:h': 16838 }) + element('w:pgMar', { 'w:top': 1134, 'w:right': 1134, 'w:bottom': 1134, 'w:left': 1134, 'w:header': 709, 'w:footer': 709, 'w:gutter': 0 }),
  );
  const documentXml =
    XML_HEAD +
    element(
      'w:document',
      { 'xmlns:w': OOXML_NAMESPACES['w'], 'xmlns:r': OOXML_NAMESPACES['r'], 'xmlns:wp': OOXML_NAMESPACES['wp'], 'xmlns:a': OOXML_NAMESPACES['a'], 'xmlns:pic': OOXML_NAMESPACES['pic'] },
      element('w:body', {}, body + section),
    );
  const relsXml = (rels: readonly { id: string; type: string; target: string; external: boolean }[]): string =>
    XML_HEAD +
    element(
      'Relationships',
      { xmlns: OOXML_NAMESPACES['rel'] },
      rels.map((rel) => element('Relationship', { Id: rel.id, Type: rel.type, Target: rel.target, TargetMode: rel.external ? 'External' : null })).join(''),
    );
  const documentRels = [
    { id: 'rId1', type: REL.styles, target: 'styles.xml', external: false },
    { id: 'rId2', type: REL.numbering, target: 'numbering.xml', external: false },
    ...(parts
      ? [
          { id: 'rId3', type: REL.comments, target: 'comments.xml', external: false },
          { id: 'rId4', type: REL.commentsExtended, target: 'commentsExtended.xml', external: false },
        ]
      : []),
    ...writer.rels,
  ];
  const extensions = [...new Set(writer.media.map((item) => `${item.extension}|${item.mimeType}`))];
  const contentTypes =
    XML_HEAD +
    element(
      'Types',
      { xmlns: OOXML_NAMESPACES['ct'] },
      element('Default', { Extension: 'rels', ContentType: 'application/vnd.openxmlformats-package.relationships+xml' }) +
        element('Default', { Extension: 'xml', ContentType: 'application/xml' }) +
        extensions.map((pair) => element('Default', { Extension: pair.split('|')[0], ContentType: pair.split('|')[1] })).join('') +
        element('Override', { PartName: '/word/document.xml', ContentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' }) +
        element('Override', { PartName: '/word/styles.xml', ContentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml' }) +
        element('Override', { PartName: '/word/numbering.xml', ContentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml' }) +
        (parts
          ? element('Override', { PartName: '/word/comments.xml', ContentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml' }) +
            element('Override', { PartName: '/word/commentsExtended.xml', ContentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml' })
          : ''),
    );
  return writeZip([
    { path: '[Content_Types].xml', data: contentTypes },
    { path: '_rels/.rels', data: relsXml([{ id: 'rId1', type: REL.officeDocument, target: 'word/document.xml', external: false }]) },
    { path: 'word/document.xml', data: documentXml },
    { path: 'word/_rels/document.xml.rels', data: relsXml(documentRels) },
    { path: 'word/styles.xml', data: stylesXml() },
    { path: 'word/numbering.xml', data: numberingXml(writer.nums) },
    ...(parts
      ? [
          { path: 'word/comments.xml', data: parts.comments },
          { path: 'word/commentsExtended.xml', data: parts.extended },
        ]
      : []),
    ...writer.media.map((item) => ({ path: `word/${item.path}`, data: item.bytes, store: true })),
  ]);
}
