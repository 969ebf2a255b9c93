import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { alignmentOf, indentOf, INDENT_STEP_PT } from '../block-attrs.js';
import { headingLevelOf } from '../block-nodes.js';
import { isHexColor } from '../color.js';
import { imageWidth } from '../inline-nodes.js';
import { safeImageSrc } from '../image-source.js';
import { safeLinkHref } from '../link-href.js';
import { imageDisplaySize, imageFileFromDataUrl } from './image-data.js';
import { linkGroups, markAttrs } from './inline-runs.js';
import type { InlineRun } from './inline-runs.js';
import { ODF_STYLE, odfNamespaceAttrs, ODT_MIME_TYPE, TASK_DONE, TASK_OPEN } from './odf-names.js';
import { odtStylesXml } from './odt-styles.js';
import { headerRowCount, tableGrid } from './table-grid.js';
import { COMMENT_END, COMMENT_START, placeCommentSentinels } from './file-comments.js';
import type { CommentEvent, DocumentExportOptions } from './file-comments.js';
import { fileDate, ncNameSafe, suggestionOfMarks, withoutSuggestions } from './tracked-changes.js';
import { element, escapeText, writeZip, xmlSafe } from '@allmende/office-files';

/** Marks that an ODT text style expresses, in a stable order (links are `text:a`). */
const STYLED_MARKS = ['bold', 'italic', 'underline', 'strikethrough', 'superscript', 'subscript', 'text_color', 'highlight', 'code'];

/** Everything collected while writing content.xml. */
class OdtWriter {
  private readonly textStyles = new Map<string, string>();
  private readonly paragraphStyles = new Map<string, string>();
  readonly pictures: { path: string; bytes: Uint8Array; mimeType: string }[] = [];
  private readonly pictureByData = new Map<string, string>();
  private tables = 0;
  /** The style names of the lists around the block being written, outermost first (a table must leave them). */
  private openLists: string[] = [];
  private frames = 0;
  /** What each comment sentinel in the document stands for, in document order (see file-comments.ts). */
  events: CommentEvent[] = [];
  private nextEvent = 0;

  /** `text` with each comment sentinel replaced by its annotation XML, and the rest written by `write`. */
  private withComments(text: string, write: (piece: string) => string): string {
    if (!/[\ufdd0\ufdd1]/.test(text)) return write(text);
    return text
      .split(/([\ufdd0\ufdd1])/)
      .map((piece) => (piece === COMMENT_START || piece === COMMENT_END ? this.annotation(this.events[this.nextEvent++]) : piece ? write(piece) : ''))
      .join('');
  }

  /**
   * An annotation's start (`office:annotation`, with its replies as further
   * annotations on the same range that name their thread in
   * `loext:parent-name`) or end (`office:annotation-end`).
   */
  private annotation(event: CommentEvent | undefined): string {
    if (!event) return '';
    const names = [event.thread, ...event.thread.replies].map((_comment, reply) => `__Annotation__${event.index + 1}_${reply}`);
    if (event.kind === 'end') return names.map((name) => element('office:annotation-end', { 'office:name': name })).join('');
    return [event.thread, ...event.thread.replies]
      .map((comment, reply) => {
        const date = fileDate(comment.time);
        const paragraphs = comment.body.split('\n').map((line) => element('text:p', {}, this.text(line, { space: true })));
        return element(
          'office:annotation',
          {
            'office:name': names[reply],
            'loext:parent-name': reply > 0 ? names[0] : null,
            'loext:resolved': event.thread.resolved ? 'true' : null,
          },
          element('dc:creator', {}, escapeText(xmlSafe(comment.author))) + (date ? element('dc:date', {}, date.replace(/Z$/, '')) : '') + paragraphs.join(''),
        );
      })
      .join('');
  }

  /** The `text:changed-region`s of the pending suggestions, in document order. */
  readonly changedRegions: string[] = [];

  /** The automatic style name for a set of marks, or null when it needs none. */
  textStyle(marks: readonly Mark[]): string | null {
    const props: Record<string, string> = {};
    let parent: string | null = null;
    const key: string[] = [];
    for (const name of STYLED_MARKS) {
      const attrs = markAttrs(marks, name);
      if (!attrs) continue;
      const color = String(attrs['color'] ?? '');
      switch (name) {
        case 'bold':
          Object.assign(props, { 'fo:font-weight': 'bold', 'style:font-weight-asian': 'bold', 'style:font-weight-complex': 'bold' });
          break;
        case 'italic':
          Object.assign(props, { 'fo:font-style': 'italic', 'style:font-style-asian': 'italic', 'style:font-style-complex': 'italic' });
          break;
        case 'underline':
          Object.assign(props, { 'style:text-underline-style': 'solid', 'style:text-underline-width': 'auto', 'style:text-underline-color': 'font-color' });
          break;
        case 'strikethrough':
          Object.assign(props, { 'style:text-line-through-style': 'solid', 'style:text-line-through-type': 'single' });
          break;
        case 'superscript':
          props['style:text-position'] = 'super 58%';
          break;
        case 'subscript':
          props['style:text-position'] = 'sub 58%';
          break;
        case 'text_color':
          if (!isHexColor(color)) continue;
          props['fo:color'] = color.toLowerCase();
          break;
        case 'highlight':
          if (!isHexColor(color)) continue;
          props['fo:background-color'] = color.toLowerCase();
          break;
        case 'code':
          parent = ODF_STYLE.sourceText;
          props['style:font-name'] = 'Liberation Mono';
          break;
      }
      key.push(name === 'text_color' || name === 'highlight' ? `${name}=${color.toLowerCase()}` : name);
    }
    if (key.length === 0) return null;
    const id = key.join(';');
    let styleName = this.textStyles.get(id);
    if (!styleName) {
      styleName = `T${this.textStyles.size + 1}`;
      this.textStyles.set(id, styleName);
      this.styleXml.push(
        element('style:style', { 'style:name': styleName, 'style:family': 'text', 'style:parent-style-name': parent }, element('style:text-properties', props)),
      );
    }
    return styleName;
  }

  /** Automatic styles of content.xml, in order of first use. */
  readonly styleXml: string[] = [];

  /** The paragraph style for a parent style with alignment, indentation or a page break before it. */
  paragraphStyle(parent: string, align: string, indent: number, breakBefore = false): string {
    if (align === 'left' && indent === 0 && !breakBefore) return parent;
    const id = `${parent}|${align}|${indent}|${breakBefore}`;
    let styleName = this.paragraphStyles.get(id);
    if (!styleName) {
      styleName = `P${this.paragraphStyles.size + 1}`;
      this.paragraphStyles.set(id, styleName);
      const props: Record<string, string> = {};
      if (align !== 'left') props['fo:text-align'] = align === 'right' ? 'end' : align;
      if (indent > 0) props['fo:margin-left'] = `${indent * INDENT_STEP_PT}pt`;
      if (breakBefore) props['fo:break-before'] = 'page';
      this.styleXml.push(
        element('style:style', { 'style:name': styleName, 'style:family': 'paragraph', 'style:parent-style-name': parent }, element('style:paragraph-properties', props)),
      );
    }
    return styleName;
  }

  blocks(parent: ProseMirrorNode, context: { quote: boolean }): string {
    let out = '';
    parent.forEach((child) => {
      out += this.block(child, context);
    });
    return out;
  }

  block(node: ProseMirrorNode, context: { quote: boolean }, taskPrefix = ''): string {
    switch (node.type.name) {
      case 'paragraph':
      case 'heading': {
        const level = headingLevelOf(node) ?? 0;
        const base = level > 0 ? ODF_STYLE.heading(level) : context.quote ? ODF_STYLE.quote : ODF_STYLE.standard;
        const style = this.paragraphStyle(base, alignmentOf(node), indentOf(node));
        const content = (taskPrefix ? this.text(taskPrefix, { space: false }) : '') + this.inline(node);
        return level > 0
          ? element('text:h', { 'text:style-name': style, 'text:outline-level': level }, content)
          : element('text:p', { 'text:style-name': style }, content);
      }
      case 'blockquote':
        return this.blocks(node, { quote: true });
      case 'code_block': {
        const lines = node.textContent.split('\n');
        const content = lines.map((line) => this.withComments(line, (piece) => this.text(piece, { space: false }))).join('<text:line-break/>');
        return element('text:p', { 'text:style-name': ODF_STYLE.code }, content);
      }
      case 'horizontal_rule':
        return element('text:p', { 'text:style-name': ODF_STYLE.rule });
      case 'page_break':
        return element('text:p', { 'text:style-name': this.paragraphStyle(ODF_STYLE.standard, 'left', 0, true) });
      case 'bullet_list':
      case 'ordered_list':
      case 'task_list':
        return this.list(node, context);
      case 'table': {
        // ODF list items hold paragraphs, headings and lists, not tables (LibreOffice drops a table there):
        // close the lists around it, write the table, and reopen them continuing their numbering.
        const lists = this.openLists;
        this.openLists = [];
        const table = this.table(node);
        this.openLists = lists;
        if (lists.length === 0) return table;
        const close = '</text:list-item></text:list>'.repeat(lists.length);
        const reopen = lists.map((style) => `<text:list text:style-name="${style}" text:continue-numbering="true"><text:list-item>`).join('');
        return close + table + reopen;
      }
      default:
        // Unknown block types of extended schemas: their text, as paragraphs.
        return node.isTextblock ? element('text:p', { 'text:style-name': ODF_STYLE.standard }, this.inline(node)) : this.blocks(node, context);
    }
  }

  private list(node: ProseMirrorNode, context: { quote: boolean }): string {
    const kind = node.type.name;
    const styleName = kind === 'ordered_list' ? 'L2' : kind === 'task_list' ? 'L3' : 'L1';
    let items = '';
    this.openLists.push(styleName);
    node.forEach((item, _offset, index) => {
      const prefix = kind === 'task_list' ? `${item.attrs['checked'] === true ? TASK_DONE : TASK_OPEN} ` : '';
      let content = '';
      let first = true;
      item.forEach((child) => {
        if (child.type.name === 'bullet_list' || child.type.name === 'ordered_list' || child.type.name === 'task_list') {
          content += this.list(child, context);
        } else {
          content += this.block(child, context, first ? prefix : '');
          if (child.isTextblock) first = false;
        }
      });
      if (first && prefix) content = element('text:p', { 'text:style-name': ODF_STYLE.standard }, this.text(prefix, { space: false })) + content;
      const order = Number(node.attrs['order']);
      const start = kind === 'ordered_list' && index === 0 && Number.isSafeInteger(order) && order !== 1 ? order : null;
      items += element('text:list-item', { 'text:start-value': start }, content);
    });
    this.openLists.pop();
    // Every list names its style: LibreOffice numbers a nested list without one as a continuation.
    return element('text:list', { 'text:style-name': styleName }, items);
  }

  private table(node: ProseMirrorNode): string {
    this.tables++;
    const grid = tableGrid(node);
    const headers = headerRowCount(node);
    const rowXml = grid.rows.map((line) => {
      const cells = line.map((slot) => {
        if (slot.kind === 'covered') return '<table:covered-table-cell/>';
        if (slot.kind === 'empty') return element('table:table-cell', { 'office:value-type': 'string' }, element('text:p', { 'text:style-name': ODF_STYLE.tableContents }));
        const header = slot.cell.type.name === 'table_header';
        const content = this.blocks(slot.cell, { quote: false }) || element('text:p', { 'text:style-name': ODF_STYLE.tableContents });
        return element(
          'table:table-cell',
          {
            'table:style-name': header ? 'CellHeader' : null,
            'office:value-type': 'string',
            'table:number-columns-spanned': slot.colspan > 1 ? slot.colspan : null,
            'table:number-rows-spanned': slot.rowspan > 1 ? slot.rowspan : null,
          },
          content,
        );
      });
      return element('table:table-row', {}, cells.join(''));
    });
    const columns = grid.width > 0 ? element('table:table-column', { 'table:number-columns-repeated': grid.width > 1 ? grid.width : null }) : '';
    const head = headers > 0 ? element('table:table-header-rows', {}, rowXml.slice(0, headers).join('')) : '';
    return element('table:table', { 'table:name': `Table${this.tables}` }, columns + head + rowXml.slice(headers).join(''));
  }

  /** The inline content of a textblock: spans, links, line breaks and images. */
  inline(block: ProseMirrorNode): string {
    let out = '';
    const state = { space: true };
    for (const group of linkGroups(block)) {
      const runs = group.runs.map((run) => this.run(run, state)).join('');
      const href = group.href === null ? null : safeLinkHref(group.href);
      out += href === null ? runs : element('text:a', { 'xlink:type': 'simple', 'xlink:href': href }, runs);
    }
    return out;
  }

  private run(run: InlineRun, state: { space: boolean }): string {
    if (run.kind === 'text' && /[\ufdd0\ufdd1]/.test(run.text)) return this.withComments(run.text, (piece) => this.run({ ...run, text: piece }, state));
    const suggestion = suggestionOfMarks(run.marks);
    if (!suggestion) return this.plainRun(run, state);
    const plain = { ...run, marks: withoutSuggestions(run.marks) };
    const { id, authorName, time } = suggestion.attrs;
    // Our suggestion id travels in the region id, so importing our own file groups the pieces again.
    const changeId = `ct${this.changedRegions.length + 1}${ncNameSafe(id) ? `-${id}` : ''}`;
    const info = this.changeInfo(authorName, time);
    if (suggestion.kind === 'insertion') {
      this.changedRegions.push(element('text:changed-region', { 'text:id': changeId }, element('text:insertion', {}, info)));
      return element('text:change-start', { 'text:change-id': changeId }) + this.plainRun(plain, state) + element('text:change-end', { 'text:change-id': changeId });
    }
    // A deletion's text lives in its region, as a paragraph; the body keeps only a text:change where it was.
    const deleted = this.plainRun(plain, { space: true });
    this.changedRegions.push(
      element('text:changed-region', { 'text:id': changeId }, element('text:deletion', {}, info + element('text:p', { 'text:style-name': ODF_STYLE.standard }, deleted))),
    );
    return element('text:change', { 'text:change-id': changeId });
  }

  /** Who made a change and when: LibreOffice writes dc:date as local time without a zone; ours is UTC. */
  private changeInfo(author: string, time: number): string {
    const date = fileDate(time);
    return element(
      'office:change-info',
      {},
      element('dc:creator', {}, escapeText(xmlSafe(author))) + (date ? element('dc:date', {}, date.replace(/Z$/, '')) : ''),
    );
  }

  private plainRun(run: InlineRun, state: { space: boolean }): string {
    const style = this.textStyle(run.marks);
    let content: string;
    if (run.kind === 'text') content = this.text(run.text, state);
    else if (run.kind === 'break') {
      content = '<text:line-break/>';
      state.space = true;
    } else content = this.image(run.node);
    return style ? element('text:span', { 'text:style-name': style }, content) : content;
  }

  /**
   * Text with ODF's white-space rules: runs of spaces collapse and a
   * paragraph's leading space is dropped, so every space after the first of
   * a run (and one at the start) is written as `text:s`; tabs are `text:tab`.
   */
  text(text: string, state: { space: boolean }): string {
    let out = '';
    for (const piece of xmlSafe(text).split(/(\t| +)/)) {
      if (!piece) continue;
      if (piece === '\t') {
        out += '<text:tab/>';
        state.space = false;
      } else if (piece[0] === ' ') {
        const literal = state.space ? 0 : 1;
        if (literal) out += ' ';
        const rest = piece.length - literal;
        if (rest > 0) out += rest === 1 ? '<text:s/>' : `<text:s text:c="${rest}"/>`;
        state.space = true;
      } else {
        out += escapeText(piece.replace(/[\r\n]/g, ' '));
        state.space = false;
      }
    }
    return out;
  }

  private image(node: ProseMirrorNode): string {
    const src = safeImageSrc(String(node.attrs['src'] ?? ''));
    if (src === null) return '';
    const file = imageFileFromDataUrl(src);
    let href = src;
    if (file) {
      href = this.pictureByData.get(src) ?? '';
      if (!href) {
        href = `Pictures/image${this.pictures.length + 1}.${file.extension}`;
        this.pictures.push({ path: href, bytes: file.bytes, mimeType: file.mimeType });
        this.pictureByData.set(src, href);
      }
    }
    const size = imageDisplaySize(file?.bytes ?? null, imageWidth(node.attrs['width']));
    this.frames++;
    const alt = typeof node.attrs['alt'] === 'string' ? node.attrs['alt'] : '';
    const title = typeof node.attrs['title'] === 'string' ? node.attrs['title'] : '';
    const inches = (px: number): string => `${(px / 96).toFixed(4)}in`;
    return element(
      'draw:frame',
      {
        'draw:name': `Image${this.frames}`,
        'text:anchor-type': 'as-char',
        'svg:width': inches(size.width),
        'svg:height': inches(size.height),
        'draw:z-index': 0,
      },
      element('draw:image', {
        'xlink:href': href,
        'xlink:type': 'simple',
        'xlink:show': 'embed',
        'xlink:actuate': 'onLoad',
        'draw:mime-type': file?.mimeType ?? null,
      }) +
        // svg:title is the alternative text in LibreOffice (and its HTML export's alt); svg:desc the description.
        (alt ? element('svg:title', {}, escapeText(xmlSafe(alt))) : '') +
        (title ? element('svg:desc', {}, escapeText(xmlSafe(title))) : ''),
    );
  }
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The list styles of content.xml: L1 bullets, L2 numbers, L3 tasks (bullets hidden; the item text starts with ☐ or ☒). */
function listStyles(): string {
  const levels = (kind: 'bullet' | 'number' | 'task'): string => {
    let out = '';
    for (let level = 1; level <= 10; level++) {
      const props = element(
        'style:list-level-properties',
        { 'text:list-level-position-and-space-mode': 'label-alignment' },
        element('style:list-level-label-alignment', {
          'text:label-followed-by': 'listtab',
          'text:list-tab-stop-position': `${(0.25 * (level + 1)).toFixed(2)}in`,
          'fo:text-indent': '-0.25in',
          'fo:margin-left': `${(0.25 * (level + 1)).toFixed(2)}in`,
        }),
      );
      out +=
        kind === 'number'
          ? element('text:list-level-style-number', { 'text:level': level, 'style:num-suffix': '.', 'style:num-format': '1' }, props)
          : element('text:list-level-style-bullet', { 'text:level': level, 'text:bullet-char': kind === 'task' ? ' ' : ['•', '◦', '▪'][(level - 1) % 3] }, props);
    }
    return out;
  };
  return (
    element('text:list-style', { 'style:name': 'L1' }, levels('bullet')) +
    element('text:list-style', { 'style:name': 'L2' }, levels('number')) +
    element('text:list-style', { 'style:name': 'L3' }, levels('task'))
  );
}

/**
 * Writes a document as an ODF 1.3 text document (.odt): `mimetype`
 * (first, stored uncompressed, as ODF requires), `content.xml`,
 * `styles.xml` (named styles LibreOffice knows: Heading 1–6, Quotations,
 * Preformatted Text, Horizontal Line, Source Text), `meta.xml`, the images
 * of `data:` URLs under `Pictures/`, and `META-INF/manifest.xml`.
 * Headings are `text:h` with their outline level; task lists are bullet
 * lists whose items start with ☐ or ☒; page breaks are empty paragraphs
 * with a break before them. Pending suggestions are tracked changes
 * (`text:tracked-changes`): insertions between `text:change-start` and
 * `text:change-end`, deletions as `text:change` with their text in the
 * changed region. `options.comments` become `office:annotation`s around
 * their ranges; replies are further annotations on the same range with
 * `loext:parent-name`, resolved threads carry `loext:resolved`. Needs no DOM.
 */
export function toODT(doc: ProseMirrorNode, options: DocumentExportOptions = {}): Uint8Array {
  const writer = new OdtWriter();
  let source = doc;
  if (options.comments?.length) {
    const placed = placeCommentSentinels(doc, options.comments);
    source = placed.doc;
    writer.events = placed.events;
  }
  const body = writer.blocks(source, { quote: false });
  const cellHeader = element(
    'style:style',
    { 'style:name': 'CellHeader', 'style:family': 'table-cell' },
    element('style:table-cell-properties', { 'fo:padding': '0.04in', 'fo:border': '0.5pt solid #000000' }),
  );
  const content =
    XML_HEAD +
    element(
      'office:document-content',
      { ...odfNamespaceAttrs('office', 'style', 'text', 'table', 'draw', 'fo', 'xlink', 'svg', 'dc', 'loext'), 'office:version': '1.3' },
      element('office:automatic-styles', {}, listStyles() + cellHeader + writer.styleXml.join('')) +
        element(
          'office:body',
          {},
          element(
            'office:text',
            {},
            (writer.changedRegions.length > 0 ? element('text:tracked-changes', { 'text:track-changes': 'true' }, writer.changedRegions.join('')) : '') + body,
          ),
        ),
    );
  const meta =
    XML_HEAD +
    element(
      'office:document-meta',
      { ...odfNamespaceAttrs('office', 'meta', 'dc'), 'office:version': '1.3' },
      element('office:meta', {}, element('meta:generator', {}, 'Allmende')),
    );
  const manifest =
    XML_HEAD +
    element(
      'manifest:manifest',
      { ...odfNamespaceAttrs('manifest'), 'manifest:version': '1.3' },
      [
        element('manifest:file-entry', { 'manifest:full-path': '/', 'manifest:version': '1.3', 'manifest:media-type': ODT_MIME_TYPE }),
        ...['content.xml', 'styles.xml', 'meta.xml'].map((path) =>
          element('manifest:file-entry', { 'manifest:full-path': path, 'manifest:media-type': 'text/xml' }),
        ),
        ...writer.pictures.map((picture) =>
          element('manifest:file-entry', { 'manifest:full-path': picture.path, 'manifest:media-type': picture.mimeType }),
        ),
      ].join(''),
    );
  return writeZip([
    { path: 'mimetype', data: ODT_MIME_TYPE, store: true },
    { path: 'content.xml', data: content },
    { path: 'styles.xml', data: XML_HEAD + odtStylesXml() },
    { path: 'meta.xml', data: meta },
    ...writer.pictures.map((picture) => ({ path: picture.path, data: picture.bytes, store: true })),
    { path: 'META-INF/manifest.xml', data: manifest },
  ]);
}
