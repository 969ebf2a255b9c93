import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { INDENT_STEP_PT, MAX_INDENT } from '../block-attrs.js';
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
import { TASK_DONE_MARKS } from './odf-names.js';
import { DOCX_STYLE, EMU_PER_PX, OOXML_PREFIXES, REL } from './ooxml-names.js';
import { CommentMarkers, finishComments, withoutSentinels } from './file-comments.js';
import type { ReadThread } from './file-comments.js';
import { parseFileDate, suggestionMark } from './tracked-changes.js';
import { FORMAT_CHANGE, encodeFormatting, formattingMarks, sameFormatting } from '../review/format-changes.js';
import { childElements, findDescendant, firstChild, parseXML, readZip, textOf, zipText } from '@allmende/office-files';
import type { XmlElement, ZipEntries } from '@allmende/office-files';

interface DocxStyle {
  readonly id: string;
  readonly name: string;
  readonly basedOn: string | null;
  readonly pPr: XmlElement | null;
  readonly rPr: XmlElement | null;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

/** The indentation of a list level's text in this package's numbering (and Word's default), in twips. */
const TWIPS_PER_LEVEL = 720;

const on = (element: XmlElement | null): boolean => {
  if (!element) return false;
  const value = element.attrs['w:val'];
  return value === undefined || !['false', '0', 'off', 'none'].includes(value);
};

/** One paragraph read from the body, with its list membership. */
interface ReadParagraph {
  readonly item: BlockItem;
  readonly numId: string | null;
  readonly level: number;
  /** The direct left indentation in twips of an unnumbered paragraph, or null. */
  readonly left?: number | null;
}

/** Inline elements whose children are read as if they were not there. */
const TRANSPARENT = new Set(['w:smartTag', 'w:customXml', 'w:fldSimple', 'w:sdtContent', 'w:dir', 'w:bdo', 'w:moveTo']);
/** Inline elements with nothing to keep. */
const SKIPPED = new Set([
  'w:pPr', 'w:rPr', 'w:bookmarkStart', 'w:bookmarkEnd', 'w:proofErr', 'w:permStart', 'w:permEnd', 'w:lastRenderedPageBreak',
  'w:fldChar', 'w:instrText', 'w:commentRangeStart', 'w:commentRangeEnd', 'w:sdtPr', 'w:sdtEndPr', 'w:moveFromRangeStart',
  'w:moveFromRangeEnd', 'w:moveToRangeStart', 'w:moveToRangeEnd', 'w:noBreakHyphen', 'w:softHyphen', 'w:footnoteReference',
  'w:endnoteReference', 'w:annotationRef', 'w:separator', 'w:continuationSeparator', 'w:delText', 'w:delInstrText',
  'w:customXmlInsRangeStart', 'w:customXmlInsRangeEnd', 'w:customXmlDelRangeStart', 'w:customXmlDelRangeEnd',
]);

class DocxReader {
  private readonly styles = new Map<string, DocxStyle>();
  /** numId → abstract levels (ilvl → numFmt, start). */
  private readonly numbering = new Map<string, Map<number, { format: string; start: number }>>();
  readonly warnings = new WarningCollector();
  /** Comment sentinels put into the text (see file-comments.ts), and the comment ids whose range started. */
  readonly markers = new CommentMarkers();
  private readonly started = new Set<string>();

  constructor(
    private readonly files: ZipEntries,
    private readonly rels: ReadonlyMap<string, Relationship>,
    private readonly base: string,
  ) {}

  readStyles(root: XmlElement): void {
    for (const style of childElements(root, 'w:style')) {
      const id = style.attrs['w:styleId'];
      if (!id) continue;
      this.styles.set(id, {
        id,
        name: (firstChild(style, 'w:name')?.attrs['w:val'] ?? id).toLowerCase(),
        basedOn: firstChild(style, 'w:basedOn')?.attrs['w:val'] ?? null,
        pPr: firstChild(style, 'w:pPr'),
        rPr: firstChild(style, 'w:rPr'),
      });
    }
  }

  readNumbering(root: XmlElement): void {
    const abstracts = new Map<string, Map<number, { format: string; start: number }>>();
    for (const abstract of childElements(root, 'w:abstractNum')) {
      const levels = new Map<number, { format: string; start: number }>();
      for (const level of childElements(abstract, 'w:lvl')) {
        const format = firstChild(level, 'w:numFmt')?.attrs['w:val'] ?? 'decimal';
        const start = Number.parseInt(firstChild(level, 'w:start')?.attrs['w:val'] ?? '1', 10);
        levels.set(Number(level.attrs['w:ilvl'] ?? 0), { format, start: Number.isSafeInteger(start) ? start : 1 });
      }
      abstracts.set(abstract.attrs['w:abstractNumId'] ?? '', levels);
    }
    for (const num of childElements(root, 'w:num')) {
      const base = abstracts.get(firstChild(num, 'w:abstractNumId')?.attrs['w:val'] ?? '');
      if (!base) continue;
      const levels = new Map(base);
      for (const override of childElements(num, 'w:lvlOverride')) {
        const level = Number(override.attrs['w:ilvl'] ?? 0);
        const start = Number.parseInt(firstChild(override, 'w:startOverride')?.attrs['w:val'] ?? '', 10);
        const current = levels.get(level);
        if (current && Number.isSafeInteger(start)) levels.set(level, { ...current, start });
      }
      this.numbering.set(num.attrs['w:numId'] ?? '', levels);
    }
  }

  private chain(id: string | undefined): DocxStyle[] {
    const out: DocxStyle[] = [];
    const seen = new Set<string>();
    let current = id;
    while (current && !seen.has(current) && out.length < 32) {
      seen.add(current);
      const style = this.styles.get(current);
      if (!style) {
        out.push({ id: current, name: current.toLowerCase(), basedOn: null, pPr: null, rPr: null });
        break;
      }
      out.push(style);
      current = style.basedOn ?? undefined;
    }
    return out;
  }

  /** Marks from run properties: a character style's chain (not link styles), then direct formatting. */
  private runMarks(rPr: XmlElement | null): Mark[] {
    const props = new Map<string, XmlElement>();
    const styleId = rPr ? firstChild(rPr, 'w:rStyle')?.attrs['w:val'] : undefined;
    const chain = this.chain(styleId);
    const linkStyle = chain.some((style) => /link/i.test(style.name) || /link/i.test(style.id));
    const code = chain.some((style) => /source ?text|sourcetext|code|verbatim/i.test(`${style.id} ${style.name}`));
    if (!linkStyle) for (const style of [...chain].reverse()) for (const child of childElements(style.rPr ?? { name: '', attrs: {}, children: [] })) props.set(child.name, child);
    for (const child of rPr ? childElements(rPr) : []) props.set(child.name, child);
    const marks: Mark[] = [];
    if (on(props.get('w:b') ?? null)) marks.push(schema.marks.bold.create());
    if (on(props.get('w:i') ?? null)) marks.push(schema.marks.italic.create());
    const underline = props.get('w:u')?.attrs['w:val'];
    if (underline && underline !== 'none') marks.push(schema.marks.underline.create());
    if (on(props.get('w:strike') ?? null) || on(props.get('w:dstrike') ?? null)) marks.push(schema.marks.strikethrough.create());
    const vertical = props.get('w:vertAlign')?.attrs['w:val'];
    // LibreOffice writes raised and lowered text as a position shift instead of vertAlign.
    const position = Number.parseInt(props.get('w:position')?.attrs['w:val'] ?? '0', 10) || 0;
    if (vertical === 'superscript' || (!vertical && position > 0)) marks.push(schema.marks.superscript.create());
    if (vertical === 'subscript' || (!vertical && position < 0)) marks.push(schema.marks.subscript.create());
    const color = props.get('w:color')?.attrs['w:val'];
    if (color && /^[0-9a-f]{6}$/i.test(color)) marks.push(schema.marks.text_color.create({ color: `#${color.toLowerCase()}` }));
    const fill = props.get('w:shd')?.attrs['w:fill'];
    const highlight = props.get('w:highlight')?.attrs['w:val'];
    if (fill && /^[0-9a-f]{6}$/i.test(fill)) marks.push(schema.marks.highlight.create({ color: `#${fill.toLowerCase()}` }));
    else if (highlight && highlight !== 'none') {
      const normalized = normalizeColor(highlight);
      if (normalized) marks.push(schema.marks.highlight.create({ color: normalized }));
    }
    const fonts = props.get('w:rFonts');
    if (code || /mono|courier|consolas/i.test(`${fonts?.attrs['w:ascii'] ?? ''} ${fonts?.attrs['w:hAnsi'] ?? ''}`)) marks.push(schema.marks.code.create());
    return marks;
  }

  /**
   * A tracked formatting change (`w:rPrChange`, the run's properties before
   * the change) as a `format_change` suggestion remembering that formatting;
   * null when there is none or it changed nothing we keep. Marks from around
   * the run (a hyperlink) were there before too.
   */
  private formatChange(rPr: XmlElement | null, outer: readonly Mark[], now: readonly Mark[]): Mark | null {
    const change = rPr ? firstChild(rPr, 'w:rPrChange') : null;
    if (!change) return null;
    const before = [...formattingMarks(outer), ...this.runMarks(firstChild(change, 'w:rPr'))];
    if (sameFormatting(before, now)) return null;
    const attrs = { id: `w${change.attrs['w:id'] ?? ''}`, authorId: '', authorName: change.attrs['w:author'] ?? '', time: parseFileDate(change.attrs['w:date']) };
    return schema.marks[FORMAT_CHANGE]!.create({ ...attrs, before: encodeFormatting(before) });
  }

  private paragraphInfo(pPr: XmlElement | null): { level: number; role: 'quote' | 'code' | 'rule' | null; align: string | null; indent: number; left: number | null; numId: string | null; ilvl: number; border: boolean } {
    const chain = this.chain(pPr ? firstChild(pPr, 'w:pStyle')?.attrs['w:val'] : undefined);
    let level = 0;
    let role: 'quote' | 'code' | 'rule' | null = null;
    for (const style of chain) {
      const heading = /^heading ?(\d)$/.exec(style.name) ?? /^Heading(\d)$/.exec(style.id);
      if (!level && heading) level = Number(heading[1]);
      if (!level && (style.name === 'title' || style.id === 'Title')) level = 1;
      const outline = style.pPr ? firstChild(style.pPr, 'w:outlineLvl')?.attrs['w:val'] : undefined;
      if (!level && outline !== undefined && Number(outline) < 9) level = Number(outline) + 1;
      if (!role && /^(quote|quotations|intense quote|block ?text)$/.test(style.name)) role = 'quote';
      if (!role && /^(preformatted ?text|html preformatted|code|source ?code)$/.test(style.name)) role = 'code';
      if (!role && /^horizontal ?line$/.test(style.name)) role = 'rule';
    }
    const direct = pPr ? firstChild(pPr, 'w:outlineLvl')?.attrs['w:val'] : undefined;
    if (direct !== undefined && Number(direct) < 9) level = Number(direct) + 1;
    const jc = (pPr ? firstChild(pPr, 'w:jc')?.attrs['w:val'] : undefined) ?? chain.map((style) => (style.pPr ? firstChild(style.pPr, 'w:jc')?.attrs['w:val'] : undefined)).find(Boolean);
    const align = jc === 'center' ? 'center' : jc === 'right' || jc === 'end' ? 'right' : jc === 'both' || jc === 'distribute' ? 'justify' : null;
    const ind = pPr ? firstChild(pPr, 'w:ind') : null;
    const left = Number.parseInt(ind?.attrs['w:left'] ?? ind?.attrs['w:start'] ?? '', 10);
    const numPr = pPr ? firstChild(pPr, 'w:numPr') : null;
    const styleNumPr = chain.map((style) => (style.pPr ? firstChild(style.pPr, 'w:numPr') : null)).find(Boolean) ?? null;
    const numbering = numPr ?? styleNumPr;
    const numId = numbering ? (firstChild(numbering, 'w:numId')?.attrs['w:val'] ?? null) : null;
    const ilvl = Number(numbering ? (firstChild(numbering, 'w:ilvl')?.attrs['w:val'] ?? 0) : 0) || 0;
    const border = !!(pPr && firstChild(pPr, 'w:pBdr'));
    return {
      level: Math.min(MAX_HEADING_LEVEL, level),
      role,
      align,
      // Quotes are indented by their style; only other paragraphs' indentation is the user's.
      indent: Number.isFinite(left) && !numId && role !== 'quote' ? Math.min(MAX_INDENT, Math.max(0, Math.round(left / 20 / INDENT_STEP_PT))) : 0,
      left: Number.isFinite(left) ? left : null,
      numId: numId && numId !== '0' && this.numbering.has(numId) ? numId : null,
      ilvl: Math.min(8, Math.max(0, ilvl)),
      border,
    };
  }

  /** The blocks of a body, cell or other container. */
  blocks(container: XmlElement): ProseMirrorNode[] {
    const read: ReadParagraph[] = [];
    this.collect(container, read);
    return this.buildLists(read);
  }

  private collect(container: XmlElement, read: ReadParagraph[]): void {
    for (const child of childElements(container)) {
      switch (child.name) {
        case 'w:p':
          this.paragraph(child, read);
          break;
        case 'w:tbl':
          read.push({ item: { kind: 'node', node: this.table(child) }, numId: null, level: 0 });
          break;
        case 'w:sdt':
          this.collect(firstChild(child, 'w:sdtContent') ?? child, read);
          break;
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          if (child.name === 'w:ins') this.warnings.add('insertions-accepted');
          this.collect(child, read);
          break;
        case 'w:del':
        case 'w:moveFrom':
          this.warnings.add('deletions-dropped');
          break;
        case 'w:sectPr':
        case 'w:tcPr':
        case 'w:bookmarkStart':
        case 'w:bookmarkEnd':
        case 'w:proofErr':
        case 'w:commentRangeStart':
        case 'w:commentRangeEnd':
        case 'w:permStart':
        case 'w:permEnd':
          break;
        default: {
          this.warnings.add('unknown-content');
          const text = textOf(child).replace(/\s+/g, ' ').trim();
          if (text) read.push({ item: { kind: 'node', node: schema.node('paragraph', null, [schema.text(text)]) }, numId: null, level: 0 });
        }
      }
    }
  }

  private paragraph(element: XmlElement, read: ReadParagraph[]): void {
    const pPr = firstChild(element, 'w:pPr');
    const info = this.paragraphInfo(pPr);
    const pieces: InlineBuilder[] = [new InlineBuilder()];
    const breaks = { count: 0 };
    this.inline(element, pieces, [], breaks);
    const push = (item: BlockItem, numbered = false): void => {
      read.push({ item, numId: numbered ? info.numId : null, level: info.ilvl, left: info.numId ? null : info.left });
    };
    pieces.forEach((inline, index) => {
      if (index > 0) push({ kind: 'node', node: schema.node('page_break') });
      const empty = inline.nodes.length === 0;
      // A paragraph holding only a page break is the page break.
      if (empty && pieces.length > 1) return;
      if (info.role === 'rule' || (info.border && empty && info.role === null && info.level === 0 && !info.numId)) {
        if (empty) {
          push({ kind: 'node', node: schema.node('horizontal_rule') });
          return;
        }
      }
      if (info.role === 'code' && info.level === 0) {
        push({ kind: 'code', text: inline.nodes.map((node) => (node.isText ? node.text : node.type.name === 'hard_break' ? '\n' : '')).join('') });
        return;
      }
      const node = schema.node('paragraph', { level: info.level, align: info.align, indent: info.indent }, inline.nodes);
      push(info.role === 'quote' && info.level === 0 && !info.numId ? { kind: 'quote', node } : { kind: 'node', node }, index === 0);
    });
  }

  private inline(element: XmlElement, pieces: InlineBuilder[], marks: readonly Mark[], breaks: { count: number }): void {
    const out = (): InlineBuilder => pieces[pieces.length - 1]!;
    for (const child of childElements(element)) {
      const name = child.name;
      if (name === 'w:r') {
        const runMarks = [...marks, ...this.runMarks(firstChild(child, 'w:rPr'))];
        const formatChange = this.formatChange(firstChild(child, 'w:rPr'), marks, runMarks);
        if (formatChange) runMarks.push(formatChange);
        for (const part of childElements(child)) {
          if (part.name === 'w:t' || (part.name === 'w:delText' && runMarks.some((mark) => mark.type.name === 'deletion'))) out().text(textOf(part), runMarks);
          else if (part.name === 'w:tab' || part.name === 'w:ptab') out().text('\t', runMarks);
          else if (part.name === 'w:br' || part.name === 'w:cr') {
            if (part.attrs['w:type'] === 'page') pieces.push(new InlineBuilder());
            else out().lineBreak(runMarks);
          } else if (part.name === 'w:drawing') this.drawing(part, out(), runMarks);
          else if (part.name === 'w:sym') {
            const code = Number.parseInt(part.attrs['w:char'] ?? '', 16);
            if (Number.isInteger(code) && code > 0 && code < 0x110000) out().text(String.fromCodePoint(code >= 0xf000 ? code - 0xf000 : code), runMarks);
          } else if (part.name === 'w:commentReference') {
            // A comment without a range is on the place of its reference (widened to its paragraph later).
            const id = part.attrs['w:id'] ?? '';
            if (!this.started.has(id)) {
              this.started.add(id);
              out().marker(this.markers.start(id), runMarks);
              out().marker(this.markers.end(id), runMarks);
            }
          }
          else if (part.name === 'w:pict' || part.name === 'mc:AlternateContent' || part.name === 'w:object') {
            const text = textOf(part).replace(/\s+/g, ' ').trim();
            this.warnings.add('unknown-content');
            if (text) out().text(text, runMarks);
          } else if (!SKIPPED.has(part.name) && part.name !== 'w:rPr') this.warnings.add('unknown-content');
        }
      } else if (name === 'w:hyperlink') {
        const rel = this.rels.get(child.attrs['r:id'] ?? '');
        const href = rel?.external ? safeLinkHref(rel.target) : null;
        this.inline(child, pieces, href ? [...marks, schema.marks.link.create({ href, title: child.attrs['w:tooltip'] || null })] : marks, breaks);
      } else if (name === 'w:ins' || name === 'w:del') {
        // Tracked changes become suggestions; Word's w:id is a number unique in the file only.
        const kind = name === 'w:ins' ? 'insertion' : 'deletion';
        const mark = suggestionMark(kind, `w${child.attrs['w:id'] ?? ''}`, child.attrs['w:author'] ?? '', parseFileDate(child.attrs['w:date']));
        this.inline(child, pieces, [...marks, mark], breaks);
      } else if (name === 'w:moveFrom') {
        this.warnings.add('deletions-dropped');
      } else if (name === 'w:sdt') {
        this.inline(firstChild(child, 'w:sdtContent') ?? child, pieces, marks, breaks);
      } else if (TRANSPARENT.has(name)) {
        this.inline(child, pieces, marks, breaks);
      } else if (name === 'w:commentRangeStart') {
        const id = child.attrs['w:id'] ?? '';
        if (!this.started.has(id)) {
          this.started.add(id);
          out().marker(this.markers.start(id), marks);
        }
      } else if (name === 'w:commentRangeEnd') {
        out().marker(this.markers.end(child.attrs['w:id'] ?? ''), marks);
      } else if (!SKIPPED.has(name)) {
        this.warnings.add('unknown-content');
        const text = textOf(child);
        if (text) out().text(text, marks);
      }
    }
  }

  private drawing(drawing: XmlElement, out: InlineBuilder, marks: readonly Mark[]): void {
    const blip = findDescendant(drawing, 'a:blip');
    const docPr = findDescendant(drawing, 'wp:docPr');
    const extent = findDescendant(drawing, 'wp:extent');
    const rel = blip ? this.rels.get(blip.attrs['r:embed'] ?? blip.attrs['r:link'] ?? '') : undefined;
    if (!rel) {
      const text = textOf(drawing).replace(/\s+/g, ' ').trim();
      if (text) out.text(text, marks);
      this.warnings.add(text ? 'unknown-content' : 'images-dropped');
      return;
    }
    let src: string | null;
    let bytes: Uint8Array | null = null;
    if (rel.external) src = safeImageSrc(rel.target);
    else {
      bytes = this.files.get(resolvePath(this.base, rel.target)) ?? null;
      src = bytes ? dataUrlFromImageBytes(bytes) : null;
    }
    if (!src) {
      this.warnings.add('images-dropped');
      return;
    }
    const cx = Number.parseInt(extent?.attrs['cx'] ?? '', 10);
    let width = Number.isFinite(cx) && cx > 0 ? Math.max(1, Math.round(cx / EMU_PER_PX)) : null;
    const natural = bytes ? imagePixelSize(bytes) : null;
    if (width !== null && natural && Math.abs(natural.width - width) <= 1) width = null;
    out.image({ src, alt: docPr?.attrs['descr'] || null, title: docPr?.attrs['title'] || null, width }, marks);
  }

  /** Turns numbered paragraphs into nested lists, by numbering id and level. */
  private buildLists(read: readonly ReadParagraph[]): ProseMirrorNode[] {
    type OpenList = { numId: string; level: number; kind: 'bullet' | 'ordered'; start: number; items: BlockItem[][] };
    const out: BlockItem[] = [];
    const stack: OpenList[] = [];
    const close = (): void => {
      const list = stack.pop()!;
      const node = this.listNode(list.kind, list.start, list.items);
      const parent = stack[stack.length - 1];
      if (parent) (parent.items[parent.items.length - 1] ??= []).push({ kind: 'node', node });
      else out.push({ kind: 'node', node });
    };
    for (const paragraph of read) {
      if (paragraph.numId === null) {
        // An unnumbered paragraph indented at least to a list level's text continues that level's last item.
        const left = paragraph.left ?? null;
        const item = paragraph.item;
        if (left !== null && item.kind === 'node' && item.node.type.name === 'paragraph' && stack.length) {
          while (stack.length && left + 10 < TWIPS_PER_LEVEL * (stack[stack.length - 1]!.level + 1)) close();
          const top = stack[stack.length - 1];
          if (top) {
            const node = item.node.type.create({ ...item.node.attrs, indent: 0 }, item.node.content);
            (top.items[top.items.length - 1] ??= []).push({ kind: 'node', node });
            continue;
          }
        }
        while (stack.length) close();
        out.push(paragraph.item);
        continue;
      }
      while (stack.length && stack[stack.length - 1]!.level > paragraph.level) close();
      const top = stack[stack.length - 1];
      if (top && top.level === paragraph.level && top.numId !== paragraph.numId) close();
      const current = stack[stack.length - 1];
      if (current && current.level === paragraph.level) {
        current.items.push([paragraph.item]);
      } else {
        const format = this.numbering.get(paragraph.numId)?.get(paragraph.level);
        const kind = !format || format.format === 'bullet' || format.format === 'none' ? 'bullet' : 'ordered';
        stack.push({ numId: paragraph.numId, level: paragraph.level, kind, start: format?.start ?? 1, items: [[paragraph.item]] });
      }
    }
    while (stack.length) close();
    return groupBlocks(out);
  }

  private listNode(kind: 'bullet' | 'ordered', start: number, items: BlockItem[][]): ProseMirrorNode {
    const contents = items.map((item) => groupBlocks(item));
    const firstText = (blocks: ProseMirrorNode[]): string => (blocks[0]?.isTextblock ? blocks[0].textContent : '');
    if (kind === 'bullet' && contents.length > 0 && contents.every((blocks) => /^[☐☑☒]/u.test(firstText(blocks)))) {
      return schema.node(
        'task_list',
        null,
        contents.map((blocks) => {
          const marker = firstText(blocks)[0] ?? '';
          const [first, ...rest] = blocks;
          const inline = new InlineBuilder();
          first!.forEach((node) => inline.nodes.push(node));
          inline.dropPrefix(first!.textContent.startsWith(`${marker} `) ? 2 : 1);
          return schema.node('task_item', { checked: TASK_DONE_MARKS.includes(marker) }, itemContent([first!.type.create(first!.attrs, inline.nodes), ...rest]));
        }),
      );
    }
    const listItems = contents.map((blocks) => schema.node('list_item', null, itemContent(blocks)));
    return kind === 'bullet' ? schema.node('bullet_list', null, listItems) : schema.node('ordered_list', { order: start }, listItems);
  }

  /**
   * Whether a cell is a header cell outside the header rows: OOXML marks only whole rows (w:tblHeader),
   * so such a cell says so with LibreOffice's "Table Heading" paragraph style on a paragraph of its own.
   */
  private isHeadingCell(tc: XmlElement): boolean {
    return childElements(tc, 'w:p').some((p) => {
      const pPr = firstChild(p, 'w:pPr');
      return this.chain(pPr ? firstChild(pPr, 'w:pStyle')?.attrs['w:val'] : undefined).some((style) => /^table ?heading$/.test(style.name) || style.id === DOCX_STYLE.tableHeading);
    });
  }

  private table(element: XmlElement): ProseMirrorNode {
    type Cell = { header: boolean; colspan: number; rowspan: number; blocks: ProseMirrorNode[] };
    const rows: Cell[][] = [];
    const origins = new Map<number, Cell>();
    for (const tr of childElements(element, 'w:tr').slice(0, 10_000)) {
      const trPr = firstChild(tr, 'w:trPr');
      const header = !!(trPr && firstChild(trPr, 'w:tblHeader') && on(firstChild(trPr, 'w:tblHeader')));
      const cells: Cell[] = [];
      let column = 0;
      const before = trPr ? Number.parseInt(firstChild(trPr, 'w:gridBefore')?.attrs['w:val'] ?? '0', 10) || 0 : 0;
      column += Math.max(0, before);
      const tcs = childElements(tr).flatMap((child) => (child.name === 'w:sdt' ? childElements(firstChild(child, 'w:sdtContent') ?? child, 'w:tc') : child.name === 'w:tc' ? [child] : []));
      for (const tc of tcs) {
        const tcPr = firstChild(tc, 'w:tcPr');
        const colspan = Math.min(1000, Math.max(1, Number.parseInt((tcPr && firstChild(tcPr, 'w:gridSpan')?.attrs['w:val']) ?? '1', 10) || 1));
        const vMerge = tcPr ? firstChild(tcPr, 'w:vMerge') : null;
        const continues = vMerge !== null && (vMerge.attrs['w:val'] ?? 'continue') === 'continue';
        const origin = origins.get(column);
        if (continues && origin) {
          origin.rowspan++;
        } else {
          const cell: Cell = { header: header || this.isHeadingCell(tc), colspan, rowspan: 1, blocks: this.blocks(tc) };
          cells.push(cell);
          for (let offset = 0; offset < colspan; offset++) origins.delete(column + offset);
          if (vMerge) origins.set(column, cell);
        }
        column += colspan;
      }
      rows.push(cells);
    }
    return schema.node(
      'table',
      null,
      rows.map((cells) =>
        schema.node(
          'table_row',
          null,
          cells.map((cell) => schema.node(cell.header ? 'table_header' : 'table_cell', { colspan: cell.colspan, rowspan: cell.rowspan }, itemContent(cell.blocks))),
        ),
      ),
    );
  }
}

/** Resolves a relationship target against the folder of the part that names it. */
/** The part a relationship of `type` names (or the usual file name), if the file has it. */
function partPath(files: ZipEntries, rels: ReadonlyMap<string, Relationship>, base: string, type: string, fallback: string): string | null {
  const target = [...rels.values()].find((rel) => !rel.external && rel.type === type)?.target ?? fallback;
  const path = resolvePath(base, target);
  return files.has(path) ? path : null;
}

/**
 * The comments of word/comments.xml as threads: a comment whose
 * commentsExtended entry names a parent (w15:paraIdParent) is a reply to
 * it; w15:done marks a resolved thread.
 */
function readComments(files: ZipEntries, rels: ReadonlyMap<string, Relationship>, base: string, limits: ReturnType<typeof limitsOf>): ReadThread[] {
  const commentsPath = partPath(files, rels, base, REL.comments, 'comments.xml');
  if (!commentsPath) return [];
  const root = parseXML(zipText(files, commentsPath, 'DOCX'), commentsPath, limits, OOXML_PREFIXES);
  const extended = new Map<string, { parent: string | null; done: boolean }>();
  const extendedPath = partPath(files, rels, base, REL.commentsExtended, 'commentsExtended.xml');
  if (extendedPath) {
    const ex = parseXML(zipText(files, extendedPath, 'DOCX'), extendedPath, limits, OOXML_PREFIXES);
    for (const entry of childElements(ex, 'w15:commentEx')) {
      const id = entry.attrs['w15:paraId'];
      if (id) extended.set(id.toUpperCase(), { parent: entry.attrs['w15:paraIdParent']?.toUpperCase() ?? null, done: entry.attrs['w15:done'] === '1' });
    }
  }
  const threads: ReadThread[] = [];
  const byParaId = new Map<string, ReadThread>();
  for (const comment of childElements(root, 'w:comment')) {
    const paragraphs = childElements(comment).filter((child) => child.name === 'w:p');
    const body = paragraphs
      .map((paragraph) => textOf(paragraph).replace(/[ \t\r\n]+/g, ' ').trim())
      .join('\n')
      .trim();
    const read = { author: comment.attrs['w:author'] ?? '', time: parseFileDate(comment.attrs['w:date']), body: withoutSentinels(body) };
    const paraId = paragraphs[paragraphs.length - 1]?.attrs['w14:paraId']?.toUpperCase() ?? '';
    const ex = extended.get(paraId);
    const parent = ex?.parent ? byParaId.get(ex.parent) : undefined;
    if (parent) {
      parent.replies.push(read);
      continue;
    }
    const thread: ReadThread = { key: comment.attrs['w:id'] ?? '', ...read, resolved: ex?.done ?? false, replies: [] };
    threads.push(thread);
    if (paraId) byParaId.set(paraId, thread);
  }
  return threads;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment) parts.push(segment);
  }
  return parts.join('/');
}

function readRelationships(files: ZipEntries, path: string, limits: ReturnType<typeof limitsOf>): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (!files.has(path)) return rels;
  const root = parseXML(zipText(files, path, 'DOCX'), path, limits, OOXML_PREFIXES);
  for (const rel of childElements(root)) {
    if (!rel.name.endsWith('Relationship')) continue;
    rels.set(rel.attrs['Id'] ?? '', { type: rel.attrs['Type'] ?? '', target: rel.attrs['Target'] ?? '', external: rel.attrs['TargetMode'] === 'External' });
  }
  return rels;
}

/**
 * Reads a Word document (.docx, as Word, LibreOffice, Google Docs and this
 * package write it): headings (heading styles and outline levels),
 * paragraph alignment and indentation, bold, italic, underline,
 * strikethrough, super- and subscript, colours, highlight and shading,
 * monospace text, hyperlinks, nested lists from the numbering definitions
 * (bullets, numbers with their start, task lists marked ☐/☒), tables with
 * merged cells (`gridSpan`, `vMerge`) and header rows, inline images
 * (embedded PNG, JPEG, GIF and WebP up to `MAX_IMAGE_BYTES`), page breaks,
 * quotes, preformatted text and horizontal lines. Tracked insertions and
 * deletions in paragraphs (`w:ins`, `w:del` with `w:delText`) become
 * suggestions with their author and time (id `w` + Word's w:id); moves
 * are read as their result. Comments (`word/comments.xml`, replies and
 * resolved state from `commentsExtended.xml`) are returned as `comments`
 * with ranges in the new document; unknown elements keep their text.
 *
 * Throws a {@link FileImportError} for files it cannot read; see
 * {@link FileErrorCode}.
 */
export function fromDOCX(bytes: Uint8Array, options?: ImportOptions): ImportResult {
  const limits = limitsOf(options);
  const files = readZip(bytes, limits, (path) => path.endsWith('.xml') || path.endsWith('.rels') || /\.(png|jpe?g|gif|webp)$/i.test(path));
  if (files.has('content.xml') && !files.has('[Content_Types].xml')) {
    throw new FileImportError('wrong-format', 'The file is an ODF document, not a Word document.');
  }
  const packageRels = readRelationships(files, '_rels/.rels', limits);
  const main = [...packageRels.values()].find((rel) => !rel.external && /\/document\.xml$|^document\.xml$/.test(rel.target))?.target ?? 'word/document.xml';
  const mainPath = resolvePath('', main);
  const base = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/')) : '';
  const documentXml = parseXML(zipText(files, mainPath, 'DOCX'), mainPath, limits, OOXML_PREFIXES);
  const rels = readRelationships(files, `${base ? `${base}/` : ''}_rels/${mainPath.slice(base ? base.length + 1 : 0)}.rels`, limits);
  const reader = new DocxReader(files, rels, base);
  for (const [type, fallback] of [[REL.styles, 'styles.xml'], [REL.numbering, 'numbering.xml']] as const) {
    const target = [...rels.values()].find((rel) => !rel.external && rel.target.endsWith(fallback))?.target ?? fallback;
    const path = resolvePath(base, target);
    if (!files.has(path)) continue;
    const root = parseXML(zipText(files, path, 'DOCX'), path, limits, OOXML_PREFIXES);
    if (type === REL.styles) reader.readStyles(root);
    else reader.readNumbering(root);
  }
  const body = firstChild(documentXml, 'w:body');
  if (!body) throw new FileImportError('missing-part', `${mainPath} has no w:body.`);
  const read = finishDoc(reader.blocks(body));
  const threads = readComments(files, rels, base, limits);
  const { doc, comments } = finishComments(read, reader.markers, threads, (code, count) => reader.warnings.add(code, count));
  return { doc, warnings: reader.warnings.list(), comments };
}
