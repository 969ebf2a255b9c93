import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { cssLengthToPoints, INDENT_STEP_PT, MAX_INDENT } from '../block-attrs.js';
import { MAX_HEADING_LEVEL } from '../block-nodes.js';
import { normalizeColor } from '../color.js';
import { safeImageSrc } from '../image-source.js';
import { safeLinkHref } from '../link-href.js';
import { schema } from '../schema.js';
import { FileImportError, WarningCollector } from './file-error.js';
import type { ImportResult } from './file-error.js';
import { dataUrlFromImageBytes, imagePixelSize } from './image-data.js';
import { finishDoc, groupBlocks, InlineBuilder, itemContent } from './import-builder.js';
import type { BlockItem } from './import-builder.js';
import { limitsOf } from './limits.js';
import type { ImportOptions } from './limits.js';
import { ODF_PREFIXES, ODF_STYLE, ODT_MIME_TYPE, TASK_DONE_MARKS, TASK_OPEN } from './odf-names.js';
import { CommentMarkers, finishComments, withoutSentinels } from './file-comments.js';
import type { ReadThread } from './file-comments.js';
import { parseFileDate, suggestionMark } from './tracked-changes.js';
import { childElements, firstChild, parseXML, readZip, textOf, zipText } from '@allmende/office-files';
import type { XmlElement } from '@allmende/office-files';

interface OdfStyle {
  readonly name: string;
  readonly family: string;
  readonly parent: string | null;
  readonly automatic: boolean;
  readonly text: Record<string, string>;
  readonly paragraph: Record<string, string>;
  readonly outlineLevel: number;
  readonly listStyle: string | null;
}

/** Inline elements whose text is content and which need no warning (fields, wrappers). */
const TRANSPARENT = new Set([
  'text:page-number', 'text:page-count', 'text:date', 'text:time', 'text:title', 'text:subject', 'text:author-name',
  'text:chapter', 'text:file-name', 'text:sequence', 'text:variable-get', 'text:user-field-get', 'text:meta',
  'text:ruby-base', 'text:hidden-text', 'text:conditional-text', 'text:reference-ref', 'text:bookmark-ref',
  'text:sequence-ref', 'text:note-ref', 'text:placeholder', 'text:word-count', 'text:character-count',
]);

/** Inline elements with no content to keep. */
const SKIPPED = new Set([
  'text:bookmark', 'text:bookmark-start', 'text:bookmark-end', 'text:reference-mark', 'text:reference-mark-start',
  'text:reference-mark-end', 'text:soft-page-break', 
  'text:alphabetical-index-mark', 'text:alphabetical-index-mark-start', 'text:alphabetical-index-mark-end',
  'text:toc-mark', 'text:toc-mark-start', 'text:toc-mark-end', 'text:ruby-text', 'text:sequence-decls',
  'text:variable-decls', 'text:user-field-decls', 'office:forms', 'text:bookmark', 'text:number',
]);

/** Block-level elements that contain blocks. */
const BLOCK_CONTAINERS = new Set(['text:section', 'text:index-body', 'text:table-of-content', 'text:illustration-index', 'text:table-index', 'text:object-index', 'text:user-index', 'text:alphabetical-index', 'text:bibliography', 'office:text', 'text:deletion']);

/** Block-level elements with nothing to keep. */
const BLOCK_SKIPPED = new Set(['text:sequence-decls', 'text:variable-decls', 'text:user-field-decls', 'office:forms', 'text:soft-page-break', 'text:index-title-template', 'text:table-of-content-source', 'text:alphabetical-index-source', 'text:illustration-index-source', 'table:table-columns', 'table:table-column', 'table:table-column-group', 'text:dde-connection-decls', 'table:calculation-settings', 'table:named-expressions', 'table:database-ranges', 'text:tracked-changes']);

class OdtReader {
  private readonly styles = new Map<string, OdfStyle>();
  private readonly listStyles = new Map<string, XmlElement>();
  readonly warnings = new WarningCollector();
  /** The document's tracked changes by id (from text:tracked-changes, read before the body). */
  private readonly regions = new Map<string, { kind: 'insertion' | 'deletion'; mark: Mark; deleted: XmlElement | null }>();
  /** Comment sentinels put into the text, and the threads read so far (see file-comments.ts). */
  readonly markers = new CommentMarkers();
  readonly threads: ReadThread[] = [];
  private readonly threadByName = new Map<string, ReadThread>();
  private annotations = 0;

  /**
   * An office:annotation: a thread starting here (its range ends at the
   * office:annotation-end of the same name; without a name it is a point),
   * or a reply when it names a known thread in loext:parent-name.
   */
  private annotation(element: XmlElement, out: InlineBuilder, marks: readonly Mark[]): void {
    const childText = (name: string): string => {
      const child = firstChild(element, name);
      return child ? textOf(child).trim() : '';
    };
    const author = childText('dc:creator');
    const time = parseFileDate(childText('dc:date'));
    const body = childElements(element)
      .filter((child) => child.name === 'text:p' || child.name === 'text:h' || child.name === 'text:list')
      .map((child) => textOf(child).replace(/[ \t\r\n]+/g, ' ').trim())
      .join('\n');
    const comment = { author, time, body: withoutSentinels(body) };
    const parent = this.threadByName.get(element.attrs['loext:parent-name'] ?? '');
    if (parent) {
      parent.replies.push(comment);
      return;
    }
    const name = element.attrs['office:name'];
    const key = `a${++this.annotations}`;
    const thread: ReadThread = { key, ...comment, resolved: element.attrs['loext:resolved'] === 'true', replies: [] };
    this.threads.push(thread);
    out.marker(this.markers.start(key), marks);
    if (name && !this.threadByName.has(name)) this.threadByName.set(name, thread);
    else out.marker(this.markers.end(key), marks);
  }

  /** Tracked insertions open at this point of the body (between text:change-start and text:change-end). */
  private readonly openInsertions = new Map<string, Mark>();

  constructor(private readonly files: ReadonlyMap<string, Uint8Array>) {}

  addStyles(container: XmlElement | null, automatic: boolean): void {
    if (!container) return;
    for (const style of childElements(container)) {
      if (style.name === 'text:list-style') {
        const name = style.attrs['style:name'];
        if (name) this.listStyles.set(name, style);
        continue;
      }
      if (style.name !== 'style:style' && style.name !== 'style:default-style') continue;
      const name = style.attrs['style:name'] ?? (style.name === 'style:default-style' ? '' : null);
      const family = style.attrs['style:family'] ?? '';
      if (name === null || name === '') continue;
      this.styles.set(`${family}:${name}`, {
        name,
        family,
        parent: style.attrs['style:parent-style-name'] ?? null,
        automatic,
        text: { ...(firstChild(style, 'style:text-properties')?.attrs ?? {}) },
        paragraph: { ...(firstChild(style, 'style:paragraph-properties')?.attrs ?? {}) },
        outlineLevel: Number(style.attrs['style:default-outline-level'] ?? 0) || 0,
        listStyle: style.attrs['style:list-style-name'] ?? null,
      });
    }
  }

  /** A style and its ancestors, nearest first (cycles cut). */
  private chain(family: string, name: string | undefined): OdfStyle[] {
    const out: OdfStyle[] = [];
    const seen = new Set<string>();
    let current = name;
    while (current && !seen.has(current) && out.length < 32) {
      seen.add(current);
      const style = this.styles.get(`${family}:${current}`);
      if (!style) {
        // Keep a bare name for style-name checks even when styles.xml lacks it.
        out.push({ name: current, family, parent: null, automatic: false, text: {}, paragraph: {}, outlineLevel: 0, listStyle: null });
        break;
      }
      out.push(style);
      current = style.parent ?? undefined;
    }
    return out;
  }

  /** The marks a text style (and its ancestors) applies. */
  private textMarks(styleName: string | undefined, family: 'text' | 'paragraph'): Mark[] {
    const chain = this.chain(family, styleName);
    const props: Record<string, string> = {};
    // A paragraph's own formatting counts, not its named style's (headings are bold by style, not by mark),
    // and a link's character style (LibreOffice's blue underlined "Internet Link") is how links look, not marks.
    for (const style of [...chain].reverse()) {
      if (family === 'paragraph' ? !style.automatic : /link/i.test(style.name)) continue;
      Object.assign(props, style.text);
    }
    const marks: Mark[] = [];
    const weight = (props['fo:font-weight'] ?? '').trim();
    if (weight === 'bold' || Number(weight) >= 600) marks.push(schema.marks.bold.create());
    if (/^(italic|oblique)$/.test(props['fo:font-style'] ?? '')) marks.push(schema.marks.italic.create());
    const underline = props['style:text-underline-style'];
    if (underline && underline !== 'none') marks.push(schema.marks.underline.create());
    const strike = props['style:text-line-through-style'];
    if (strike && strike !== 'none') marks.push(schema.marks.strikethrough.create());
    const position = (props['style:text-position'] ?? '').trim();
    const shift = position.split(/\s+/)[0] ?? '';
    if (shift === 'super' || (/^\d/.test(shift) && Number.parseFloat(shift) > 0)) marks.push(schema.marks.superscript.create());
    if (shift === 'sub' || (/^-/.test(shift) && Number.parseFloat(shift) < 0)) marks.push(schema.marks.subscript.create());
    const color = props['fo:color'] ? normalizeColor(props['fo:color']) : null;
    if (color && family === 'text') marks.push(schema.marks.text_color.create({ color }));
    const background = props['fo:background-color'] ? normalizeColor(props['fo:background-color']) : null;
    if (background && family === 'text') marks.push(schema.marks.highlight.create({ color: background }));
    const font = `${props['style:font-name'] ?? ''} ${props['fo:font-family'] ?? ''}`;
    const source = chain.some((style) => style.name === ODF_STYLE.sourceText);
    if (family === 'text' && (source || /mono|courier|consolas/i.test(font))) marks.push(schema.marks.code.create());
    return marks;
  }

  private paragraphInfo(styleName: string | undefined): {
    level: number;
    role: 'quote' | 'code' | 'rule' | 'header' | null;
    align: string | null;
    indent: number;
    breakBefore: boolean;
    breakAfter: boolean;
  } {
    const chain = this.chain('paragraph', styleName);
    let level = 0;
    let role: 'quote' | 'code' | 'rule' | 'header' | null = null;
    for (const style of chain) {
      const heading = /^Heading_20_(\d)$/.exec(style.name);
      if (!level && heading) level = Number(heading[1]);
      if (!level && style.outlineLevel) level = style.outlineLevel;
      if (!role && style.name === ODF_STYLE.quote) role = 'quote';
      if (!role && style.name === ODF_STYLE.code) role = 'code';
      if (!role && style.name === ODF_STYLE.rule) role = 'rule';
      if (!role && style.name === ODF_STYLE.tableHeading) role = 'header';
    }
    const props: Record<string, string> = {};
    for (const style of [...chain].reverse()) Object.assign(props, style.paragraph);
    const rawAlign = props['fo:text-align'] ?? '';
    const align = rawAlign === 'center' ? 'center' : rawAlign === 'end' || rawAlign === 'right' ? 'right' : rawAlign === 'justify' ? 'justify' : null;
    // Indentation counts only from automatic styles: named styles (Quotations) indent by design.
    let indent = 0;
    for (const style of chain) {
      const margin = style.automatic ? style.paragraph['fo:margin-left'] : undefined;
      if (margin === undefined) continue;
      const points = cssLengthToPoints(margin);
      indent = points === null ? 0 : Math.min(MAX_INDENT, Math.max(0, Math.round(points / INDENT_STEP_PT)));
      break;
    }
    return {
      level: Math.min(MAX_HEADING_LEVEL, Math.max(0, level)),
      role,
      align,
      indent,
      breakBefore: props['fo:break-before'] === 'page',
      breakAfter: props['fo:break-after'] === 'page',
    };
  }

  blocks(container: XmlElement, inheritedList: string | null = null): BlockItem[] {
    const items: BlockItem[] = [];
    for (const child of container.children) {
      if (typeof child === 'string') continue;
      this.block(child, items, inheritedList);
    }
    return items;
  }

  private block(element: XmlElement, items: BlockItem[], inheritedList: string | null): void {
    const name = element.name;
    if (name === 'text:p' || name === 'text:h') {
      this.paragraph(element, items);
    } else if (name === 'text:list') {
      const list = this.list(element, 1, inheritedList);
      if (list) items.push({ kind: 'node', node: list });
    } else if (name === 'table:table') {
      items.push({ kind: 'node', node: this.table(element) });
    } else if (name === 'text:tracked-changes') {
      // Read before the body, by fromODT.
    } else if (BLOCK_SKIPPED.has(name)) {
      // Declarations and layout hints.
    } else if (BLOCK_CONTAINERS.has(name)) {
      items.push(...this.blocks(element, inheritedList));
    } else if (name === 'draw:frame' || name === 'draw:a') {
      const inline = new InlineBuilder();
      this.inline(element, inline, [], { space: true });
      if (inline.nodes.length) items.push({ kind: 'node', node: schema.node('paragraph', null, inline.nodes) });
    } else {
      this.warnings.add('unknown-content');
      const nested = this.blocks(element, inheritedList);
      if (nested.length) items.push(...nested);
      else {
        const text = textOf(element).replace(/\s+/g, ' ').trim();
        if (text) items.push({ kind: 'node', node: schema.node('paragraph', null, [schema.text(text)]) });
      }
    }
  }

  /**
   * Reads text:tracked-changes into suggestion marks. Insertions and
   * deletions become suggestions; format changes (text:format-change) have
   * no suggestion to become and are counted as accepted.
   */
  readChanges(element: XmlElement): void {
    for (const region of childElements(element, 'text:changed-region')) {
      const id = region.attrs['text:id'] ?? region.attrs['xml:id'] ?? '';
      const change = firstChild(region, 'text:insertion') ?? firstChild(region, 'text:deletion');
      if (!change || !id) {
        if (firstChild(region, 'text:format-change')) this.warnings.add('format-changes-accepted');
        continue;
      }
      const info = firstChild(change, 'office:change-info');
      const author = textOf(firstChild(info ?? change, 'dc:creator') ?? change).trim();
      const time = parseFileDate(info ? textOf(firstChild(info, 'dc:date') ?? info) : '');
      const kind = change.name === 'text:insertion' ? 'insertion' : 'deletion';
      // Our own files carry the suggestion id after the region number (see toODT).
      const suggestionId = /^ct\d+-(.+)$/.exec(id)?.[1] ?? id;
      this.regions.set(id, { kind, mark: suggestionMark(kind, suggestionId, info ? author : '', time), deleted: kind === 'deletion' ? change : null });
    }
  }

  /** Tracked insertions opened but never closed, counted when the body ends. */
  countUnclosed(): void {
    if (this.openInsertions.size > 0) this.warnings.add('tracked-change-unclosed', this.openInsertions.size);
  }

  private insertionMarks(marks: readonly Mark[]): Mark[] {
    return this.openInsertions.size === 0 ? [...marks] : [...marks, ...this.openInsertions.values()];
  }

  /** A deletion's text, from its region, inline where text:change stands (paragraphs joined by a space). */
  private deletion(id: string, out: InlineBuilder, marks: readonly Mark[], state: { space: boolean }): void {
    const region = this.regions.get(id);
    if (!region || region.kind !== 'deletion' || !region.deleted) {
      this.warnings.add('tracked-change-missing');
      return;
    }
    const open = [...this.openInsertions];
    this.openInsertions.clear();
    let first = true;
    for (const paragraph of childElements(region.deleted)) {
      if (paragraph.name !== 'text:p' && paragraph.name !== 'text:h') continue;
      if (!first) out.text(' ', [...marks, region.mark]);
      first = false;
      this.inline(paragraph, out, [...marks, ...this.textMarks(paragraph.attrs['text:style-name'], 'paragraph'), region.mark], { space: true });
    }
    for (const [key, mark] of open) this.openInsertions.set(key, mark);
    state.space = false;
  }

  private paragraph(element: XmlElement, items: BlockItem[]): void {
    const info = this.paragraphInfo(element.attrs['text:style-name']);
    const declared = Number(element.attrs['text:outline-level'] ?? 0);
    const level = element.name === 'text:h' ? Math.min(MAX_HEADING_LEVEL, Math.max(1, Number.isInteger(declared) && declared > 0 ? declared : info.level || 1)) : info.level;
    const inline = new InlineBuilder();
    this.inline(element, inline, this.textMarks(element.attrs['text:style-name'], 'paragraph'), { space: true });
    const hasContent = inline.nodes.length > 0;
    if (info.breakBefore) items.push({ kind: 'node', node: schema.node('page_break') });
    if (info.role === 'rule' && !hasContent) {
      items.push({ kind: 'node', node: schema.node('horizontal_rule') });
    } else if (info.role === 'code' && level === 0) {
      items.push({ kind: 'code', text: inline.nodes.map((node) => (node.isText ? node.text : node.type.name === 'hard_break' ? '\n' : '')).join('') });
    } else if (!(info.breakBefore && !hasContent) && !(info.breakAfter && !hasContent)) {
      const node = schema.node('paragraph', { level, align: info.align, indent: info.indent }, inline.nodes);
      items.push(info.role === 'quote' && level === 0 ? { kind: 'quote', node } : { kind: 'node', node });
    }
    if (info.breakAfter) items.push({ kind: 'node', node: schema.node('page_break') });
  }

  private inline(element: XmlElement, out: InlineBuilder, marks: readonly Mark[], state: { space: boolean }): void {
    for (const child of element.children) {
      if (typeof child === 'string') {
        let text = child.replace(/[ \t\r\n]+/g, ' ');
        if (state.space && text.startsWith(' ')) text = text.slice(1);
        if (text) {
          out.text(text, this.insertionMarks(marks));
          state.space = text.endsWith(' ');
        }
        continue;
      }
      const name = child.name;
      if (name === 'text:span') {
        this.inline(child, out, [...marks, ...this.textMarks(child.attrs['text:style-name'], 'text')], state);
      } else if (name === 'text:a') {
        const href = safeLinkHref(child.attrs['xlink:href'] ?? '');
        const linkMarks = href ? [...marks, schema.marks.link.create({ href, title: child.attrs['office:title'] || null })] : marks;
        this.inline(child, out, [...linkMarks, ...this.textMarks(child.attrs['text:style-name'], 'text')], state);
      } else if (name === 'text:s') {
        const count = Math.min(10_000, Math.max(1, Number.parseInt(child.attrs['text:c'] ?? '1', 10) || 1));
        out.text(' '.repeat(count), this.insertionMarks(marks));
        state.space = false;
      } else if (name === 'text:tab') {
        out.text('\t', this.insertionMarks(marks));
        state.space = false;
      } else if (name === 'text:line-break') {
        out.lineBreak(this.insertionMarks(marks));
        state.space = false;
      } else if (name === 'draw:frame') {
        this.frame(child, out, this.insertionMarks(marks));
      } else if (name === 'draw:a') {
        const href = safeLinkHref(child.attrs['xlink:href'] ?? '');
        this.inline(child, out, href ? [...marks, schema.marks.link.create({ href })] : marks, state);
      } else if (name === 'office:annotation') {
        this.annotation(child, out, this.insertionMarks(marks));
      } else if (name === 'office:annotation-end') {
        const thread = this.threadByName.get(child.attrs['office:name'] ?? '');
        // Replies end where their thread ends; an end without a start has nothing to close.
        if (thread && !this.markers.sentinels.some((entry) => entry.kind === 'end' && entry.key === thread.key)) out.marker(this.markers.end(thread.key), this.insertionMarks(marks));
      } else if (name === 'text:change') {
        // Deleted text was there before any insertion around its place: it does not take the insertion's mark.
        this.deletion(child.attrs['text:change-id'] ?? '', out, marks, state);
      } else if (name === 'text:change-start') {
        const id = child.attrs['text:change-id'] ?? '';
        const region = this.regions.get(id);
        if (region?.kind === 'insertion') this.openInsertions.set(id, region.mark);
        else if (!region) this.warnings.add('tracked-change-missing');
      } else if (name === 'text:change-end') {
        this.openInsertions.delete(child.attrs['text:change-id'] ?? '');
      } else if (SKIPPED.has(name)) {
        // Anchors and markers without content.
      } else {
        if (!TRANSPARENT.has(name)) this.warnings.add('unknown-content');
        this.inline(child, out, marks, state);
      }
    }
  }

  private frame(frame: XmlElement, out: InlineBuilder, marks: readonly Mark[]): void {
    const box = firstChild(frame, 'draw:text-box');
    if (box) {
      // A text frame: its paragraphs' text, inline.
      out.text(textOf(box).replace(/\s+/g, ' ').trim(), marks);
      return;
    }
    const title = firstChild(frame, 'svg:title');
    const desc = firstChild(frame, 'svg:desc');
    for (const image of childElements(frame, 'draw:image')) {
      const href = image.attrs['xlink:href'] ?? '';
      let src: string | null;
      let bytes: Uint8Array | null = null;
      if (/^https?:/i.test(href)) src = safeImageSrc(href);
      else {
        bytes = this.files.get(href.replace(/^\.\//, '')) ?? null;
        src = bytes ? dataUrlFromImageBytes(bytes) : null;
      }
      if (!src) continue;
      const widthPt = cssLengthToPoints(frame.attrs['svg:width'] ?? '');
      let width = widthPt === null ? null : Math.max(1, Math.round((widthPt / 72) * 96));
      const natural = bytes ? imagePixelSize(bytes) : null;
      if (width !== null && natural && Math.abs(natural.width - width) <= 1) width = null;
      // LibreOffice keeps an image's alternative text in svg:title (its "Text Alternative") and a longer description in svg:desc.
      out.image({ src, alt: title ? textOf(title) || null : null, title: desc ? textOf(desc) || null : null, width }, marks);
      return;
    }
    if (childElements(frame, 'draw:image').length > 0) this.warnings.add('images-dropped');
  }

  private list(element: XmlElement, depth: number, inherited: string | null): ProseMirrorNode | null {
    const styleName = element.attrs['text:style-name'] ?? inherited;
    const listStyle = styleName ? this.listStyles.get(styleName) : undefined;
    const levelStyle = listStyle
      ? childElements(listStyle).find((level) => Number(level.attrs['text:level']) === depth) ?? null
      : null;
    const numbered = levelStyle?.name === 'text:list-level-style-number' && (levelStyle.attrs['style:num-format'] ?? '1') !== '';
    const items: { blocks: ProseMirrorNode[]; start: number | null }[] = [];
    for (const item of childElements(element)) {
      if (item.name !== 'text:list-item' && item.name !== 'text:list-header') continue;
      const blocks: BlockItem[] = [];
      for (const child of childElements(item)) {
        if (child.name === 'text:list') {
          const nested = this.list(child, depth + 1, styleName ?? null);
          if (nested) blocks.push({ kind: 'node', node: nested });
        } else this.block(child, blocks, styleName ?? null);
      }
      const start = Number.parseInt(item.attrs['text:start-value'] ?? '', 10);
      items.push({ blocks: groupBlocks(blocks), start: Number.isSafeInteger(start) ? start : null });
    }
    const firstText = (blocks: ProseMirrorNode[]): string => (blocks[0]?.isTextblock ? blocks[0].textContent : '');
    const isTask = !numbered && items.length > 0 && items.every((item) => /^[☐☑☒]/u.test(firstText(item.blocks)));
    if (isTask) {
      const taskItems = items.map((item) => {
        const marker = firstText(item.blocks)[0] ?? TASK_OPEN;
        const [first, ...rest] = item.blocks;
        let blocks = item.blocks;
        if (first) {
          const text = first.textContent;
          const cut = text.startsWith(`${marker} `) ? 2 : 1;
          const inline = new InlineBuilder();
          first.forEach((node) => inline.nodes.push(node));
          inline.dropPrefix(cut);
          blocks = inline.nodes.length === 0 && rest.length > 0 ? rest : [first.copy(schema.nodes.paragraph.create(null, inline.nodes).content), ...rest];
        }
        return schema.node('task_item', { checked: TASK_DONE_MARKS.includes(marker) }, itemContent(blocks));
      });
      return schema.node('task_list', null, taskItems);
    }
    const listItems = items.map((item) => schema.node('list_item', null, itemContent(item.blocks)));
    if (!numbered) return schema.node('bullet_list', null, listItems);
    const declaredStart = Number.parseInt(levelStyle?.attrs['text:start-value'] ?? '', 10);
    const order = items[0]?.start ?? (Number.isSafeInteger(declaredStart) ? declaredStart : 1);
    return schema.node('ordered_list', { order }, listItems);
  }

  private table(element: XmlElement): ProseMirrorNode {
    const rows: ProseMirrorNode[] = [];
    let budget = 10_000;
    const readRows = (container: XmlElement, header: boolean): void => {
      for (const child of childElements(container)) {
        if (child.name === 'table:table-header-rows') readRows(child, true);
        else if (child.name === 'table:table-rows' || child.name === 'table:table-row-group') readRows(child, header);
        else if (child.name === 'table:table-row') {
          const repeat = Math.min(100, Math.max(1, Number.parseInt(child.attrs['table:number-rows-repeated'] ?? '1', 10) || 1));
          for (let index = 0; index < repeat && budget > 0; index++, budget--) rows.push(this.row(child, header));
        }
      }
    };
    readRows(element, false);
    return schema.node('table', null, rows);
  }

  private row(element: XmlElement, header: boolean): ProseMirrorNode {
    const cells: ProseMirrorNode[] = [];
    for (const cell of childElements(element, 'table:table-cell')) {
      const repeat = Math.min(100, Math.max(1, Number.parseInt(cell.attrs['table:number-columns-repeated'] ?? '1', 10) || 1));
      const blocks = groupBlocks(this.blocks(cell));
      const paragraphs = childElements(cell).filter((child) => child.name === 'text:p');
      const headingStyle = paragraphs.length > 0 && paragraphs.every((p) => this.paragraphInfo(p.attrs['text:style-name']).role === 'header');
      const isHeader = header || cell.attrs['table:style-name'] === 'CellHeader' || headingStyle;
      const colspan = Math.min(1000, Math.max(1, Number.parseInt(cell.attrs['table:number-columns-spanned'] ?? '1', 10) || 1));
      const rowspan = Math.min(65_534, Math.max(1, Number.parseInt(cell.attrs['table:number-rows-spanned'] ?? '1', 10) || 1));
      for (let index = 0; index < repeat; index++) {
        cells.push(schema.node(isHeader ? 'table_header' : 'table_cell', { colspan, rowspan }, itemContent(blocks)));
      }
    }
    return schema.node('table_row', null, cells);
  }
}

/**
 * Reads an ODF text document (.odt, as LibreOffice, OpenOffice, Word and
 * this package write it): headings (`text:h`, and paragraphs whose style
 * is a heading style), paragraph alignment and indentation, bold, italic,
 * underline, strikethrough, super- and subscript, colours, highlight,
 * monospace text, links, nested lists (bullets, numbers with their start,
 * task lists marked ☐/☒), tables with merged cells and header rows, images
 * (embedded PNG, JPEG, GIF and WebP up to `MAX_IMAGE_BYTES` become `data:`
 * URLs), page breaks, quotations, preformatted text and horizontal lines.
 * Tracked changes (text:tracked-changes) become suggestions: insertions
 * and deletions with their author and time (the deleted text comes back
 * from its changed region, at its text:change). Annotations become
 * `comments` with ranges in the new document (replies from
 * `loext:parent-name`, resolved from `loext:resolved`); unknown elements
 * keep their text.
 *
 * Throws a {@link FileImportError} for files it cannot read; see
 * {@link FileErrorCode}.
 */
export function fromODT(bytes: Uint8Array, options?: ImportOptions): ImportResult {
  const limits = limitsOf(options);
  const files = readZip(bytes, limits, (path) => path === 'mimetype' || path === 'content.xml' || path === 'styles.xml' || /\.(png|jpe?g|gif|webp)$/i.test(path));
  const mimetype = files.get('mimetype');
  if (mimetype) {
    const type = String.fromCharCode(...mimetype.subarray(0, 100)).trim();
    if (type !== ODT_MIME_TYPE && type !== 'application/vnd.oasis.opendocument.text-template') {
      throw new FileImportError('wrong-format', `The file is ${type || 'of an unknown type'}, not an ODF text document.`);
    }
  } else if (files.has('word/document.xml')) {
    throw new FileImportError('wrong-format', 'The file is a Word document, not an ODF text document.');
  }
  const content = parseXML(zipText(files, 'content.xml', 'ODT'), 'content.xml', limits, ODF_PREFIXES);
  const reader = new OdtReader(files);
  if (files.has('styles.xml')) {
    const styles = parseXML(zipText(files, 'styles.xml', 'ODT'), 'styles.xml', limits, ODF_PREFIXES);
    reader.addStyles(firstChild(styles, 'office:styles'), false);
    reader.addStyles(firstChild(styles, 'office:automatic-styles'), true);
  }
  reader.addStyles(firstChild(content, 'office:automatic-styles'), true);
  const text = firstChild(firstChild(content, 'office:body') ?? content, 'office:text');
  if (!text) throw new FileImportError('missing-part', 'content.xml has no office:body/office:text: this is not a text document.');
  for (const changes of childElements(text, 'text:tracked-changes')) reader.readChanges(changes);
  const read = finishDoc(groupBlocks(reader.blocks(text)));
  reader.countUnclosed();
  const { doc, comments } = finishComments(read, reader.markers, reader.threads, (code, count) => reader.warnings.add(code, count));
  return { doc, warnings: reader.warnings.list(), comments };
}
