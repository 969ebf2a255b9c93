import { DOMParser, DOMSerializer } from 'prosemirror-model';
import type { Fragment, Node as ProseMirrorNode, Schema, Slice } from 'prosemirror-model';
import { HtmlElement, htmlDocument } from './html-dom.js';
import type { HtmlFragment, HtmlParent } from './html-dom.js';
import { parseHTML } from './html-parser.js';
import { checkImageDataUrl, MAX_IMAGE_BYTES, safeImageSrc } from './image-source.js';
import { normalizeOfficeHTML } from './office-html.js';
import { schema as defaultSchema } from './schema.js';

// How pasted HTML becomes safe:
//
// 1. `parseHTML` builds a tree without a browser (no DOM is needed, nothing
//    can load or run), and elements that are dangerous or meaningless in a
//    document are removed with everything inside them.
// 2. Office quirks are rewritten into plain HTML (office-html.ts), and images
//    are checked: only PNG, JPEG, GIF and WebP data URLs within the size cap
//    and http(s) URLs stay.
// 3. ProseMirror's DOMParser reads the tree through the schema's parse
//    rules. This is the allowlist: a node or mark exists only if a rule
//    creates it, and every rule validates what it reads (link schemes,
//    colours, image sources). Attributes, classes and styles are never
//    copied, so event handlers and CSS cannot come along.
// 4. For an HTML string (`sanitizeHTML`), the resulting slice is written out
//    again with the schema's own toDOM. The output is generated, never
//    echoed: a parser differential between this parser and the browser's
//    (the root of mutation XSS) cannot smuggle markup through, because the
//    output contains only the schema's tags with escaped text and attributes.
//    The one attribute carried over is prosemirror-view's `data-pm-slice`,
//    checked (see readSliceData), so that copy and paste within the editor
//    keeps open list items and table cells.

/** Elements removed together with their content before parsing. */
const DROPPED = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'noscript', 'noembed', 'noframes', 'head', 'title', 'meta', 'link', 'base', 'textarea', 'select', 'option',
  'optgroup', 'datalist', 'button', 'input', 'canvas', 'audio', 'video', 'source', 'track', 'map', 'area',
  'portal', 'xml', 'dialog', 'slot', 'param', 'xmp', 'plaintext', 'marquee',
]);

/** Why {@link SanitizeOptions.onImageRemoved} was called. */
export interface RemovedImage {
  /**
   * `too-large`: a data URL over the size cap. `unsupported-source`: any
   * other image that cannot be kept, such as a `file:` path from Word, a
   * `blob:` URL, SVG, or a relative URL.
   */
  readonly reason: 'too-large' | 'unsupported-source';
  /** The decoded size of a data URL, else null. */
  readonly bytes: number | null;
}

/** Options of {@link sanitizeHTML} and {@link htmlToSlice}. */
export interface SanitizeOptions {
  /** The schema to parse into; the Allmende schema by default. */
  readonly schema?: Schema;
  /** The largest data-URL image kept, in decoded bytes; `MAX_IMAGE_BYTES` by default. */
  readonly maxImageBytes?: number;
  /** Called for each image that is removed, so the editor can tell the user. */
  readonly onImageRemoved?: (removed: RemovedImage) => void;
}

function checkOptions(caller: string, html: unknown, options: SanitizeOptions): number {
  if (typeof html !== 'string') throw new TypeError(`${caller}: expected an HTML string, got ${typeof html}.`);
  const maxImageBytes = options.maxImageBytes ?? MAX_IMAGE_BYTES;
  if (!Number.isSafeInteger(maxImageBytes) || maxImageBytes < 0) {
    throw new RangeError(`${caller}: maxImageBytes must be a non-negative integer, got ${String(maxImageBytes)}.`);
  }
  return maxImageBytes;
}

/** Word's VML drawings (`<v:shape>`) and WordML (`<w:…>`) carry no text worth keeping. */
const DROPPED_PREFIX = /^(v|w):/;

/** Removes the dropped elements and the images that cannot be kept. */
function removeUnsafe(parent: HtmlParent, maxImageBytes: number, options: SanitizeOptions): void {
  for (const child of parent.childNodes) {
    if (!(child instanceof HtmlElement)) continue;
    if (DROPPED.has(child.localName) || DROPPED_PREFIX.test(child.localName)) {
      child.remove();
      continue;
    }
    if (child.localName === 'img') {
      const src = (child.getAttribute('src') ?? '').trim();
      const check = /^data:/i.test(src) ? checkImageDataUrl(src, maxImageBytes) : null;
      if (safeImageSrc(src) === null) {
        options.onImageRemoved?.({ reason: 'unsupported-source', bytes: null });
        child.remove();
      } else if (check && !check.ok) {
        options.onImageRemoved?.({ reason: check.reason === 'too-large' ? 'too-large' : 'unsupported-source', bytes: check.bytes });
        child.remove();
      }
      continue;
    }
    removeUnsafe(child, maxImageBytes, options);
  }
}

/** The parser's input type, which prosemirror-model declares as the DOM's `Node`. */
type DOMInput = Parameters<DOMParser['parseSlice']>[0];

/**
 * Parses clipboard or file HTML into a slice of the schema, dropping
 * everything the schema cannot hold and everything unsafe (see
 * {@link sanitizeHTML}). Needs no DOM, so it also serves HTML import on the
 * relay. Throws a TypeError when `html` is not a string and a RangeError for
 * a bad `maxImageBytes`.
 */
export function htmlToSlice(html: string, options: SanitizeOptions = {}): Slice {
  const maxImageBytes = checkOptions('htmlToSlice', html, options);
  const parser = DOMParser.fromSchema(options.schema ?? defaultSchema);
  return parser.parseSlice(prepare(html, maxImageBytes, options));
}

/**
 * Parses HTML into a whole document of the schema, with the same cleaning
 * as {@link htmlToSlice}; content outside blocks is wrapped in paragraphs,
 * and an empty result is one empty paragraph. For HTML import, for example
 * on the relay. Throws like {@link htmlToSlice}.
 */
export function htmlToDoc(html: string, options: SanitizeOptions = {}): ProseMirrorNode {
  const maxImageBytes = checkOptions('htmlToDoc', html, options);
  const parser = DOMParser.fromSchema(options.schema ?? defaultSchema);
  return parser.parse(prepare(html, maxImageBytes, options));
}

/** Parses and cleans HTML, returning the container ProseMirror's DOMParser reads. */
function prepare(html: string, maxImageBytes: number, options: SanitizeOptions): DOMInput {
  return prepareTree(parseHTML(html), maxImageBytes, options) as unknown as DOMInput;
}

function prepareTree(root: HtmlFragment, maxImageBytes: number, options: SanitizeOptions): HtmlElement {
  removeUnsafe(root, maxImageBytes, options);
  normalizeOfficeHTML(root);
  // Parse from a <div>, as prosemirror-view does with clipboard HTML: white
  // space between blocks directly in the root then counts as block context.
  const container = new HtmlElement('div');
  container.appendChild(root);
  return container;
}

const SLICE_DATA = /^(\d{1,3}) (\d{1,3})(?: -(\d{1,2}))? (\[.*\])$/;
const MAX_SLICE_CONTEXT = 4096;

/**
 * The `data-pm-slice` attribute that prosemirror-view writes on copy (open
 * depths, table wrappers, and the nodes around the copied content), when it
 * is well formed and names only node types of `schema` with their own
 * attributes and plain values. Kept so that copy and paste inside the
 * editor keeps list items and table cells as they were; any page can write
 * this attribute, hence the checks.
 */
function readSliceData(root: HtmlFragment, schema: Schema): string | null {
  const value = root.querySelector('[data-pm-slice]')?.getAttribute('data-pm-slice') ?? null;
  const match = value && value.length <= MAX_SLICE_CONTEXT ? SLICE_DATA.exec(value) : null;
  if (!value || !match) return null;
  let context: unknown;
  try {
    context = JSON.parse(match[4] ?? '');
  } catch {
    return null;
  }
  if (!Array.isArray(context) || context.length % 2 !== 0) return null;
  for (let index = 0; index < context.length; index += 2) {
    const type = schema.nodes[String(context[index])];
    const attrs: unknown = context[index + 1];
    if (!type || typeof context[index] !== 'string') return null;
    if (attrs === null) continue;
    const known = type.spec.attrs ?? {};
    if (typeof attrs !== 'object' || Array.isArray(attrs)) return null;
    for (const [name, attr] of Object.entries(attrs as Record<string, unknown>)) {
      if (!Object.hasOwn(known, name)) return null;
      const plain = attr === null || ['string', 'number', 'boolean'].includes(typeof attr);
      const widths = Array.isArray(attr) && attr.every((width) => typeof width === 'number');
      if (!plain && !widths) return null;
    }
  }
  return value;
}

/**
 * Writes document content as HTML with the schema's `toDOM` (what the editor
 * puts on the clipboard and what an HTML export contains). Text and
 * attributes are escaped. Needs no DOM.
 */
export function fragmentToHTML(fragment: Fragment, schema: Schema = defaultSchema): string {
  return serializeFragment(fragment, schema).innerHTML;
}

function serializeFragment(fragment: Fragment, schema: Schema): HtmlElement {
  type SerializeOptions = NonNullable<Parameters<DOMSerializer['serializeFragment']>[1]>;
  const document = htmlDocument as unknown as SerializeOptions['document'];
  const target = DOMSerializer.fromSchema(schema).serializeFragment(fragment, { document }) as unknown as HtmlFragment;
  const container = new HtmlElement('div');
  container.appendChild(target);
  return container;
}

/**
 * Makes HTML from the clipboard or a drop safe to paste, keeping its
 * structure: headings, paragraphs with alignment and indentation, lists
 * (including Word's list paragraphs and Google Docs' nested lists), tables,
 * bold, italic, underline, strikethrough, super- and subscript (as tags or
 * as inline styles such as `font-weight:700`), colours, links and images.
 * Everything else is dropped: scripts, event handlers, styles and classes,
 * SVG, MathML, iframes, objects, forms, links other than http, https and
 * mailto, images other than PNG, JPEG, GIF and WebP data URLs up to the
 * size cap and http(s) URLs.
 *
 * Returns the HTML the schema itself writes for that content, for
 * prosemirror-view's `transformPastedHTML`. Throws a TypeError when `html`
 * is not a string and a RangeError for a bad `maxImageBytes`.
 */
export function sanitizeHTML(html: string, options: SanitizeOptions = {}): string {
  const maxImageBytes = checkOptions('sanitizeHTML', html, options);
  const schema = options.schema ?? defaultSchema;
  const root = parseHTML(html);
  const sliceData = readSliceData(root, schema);
  // Copied from a ProseMirror editor: white space is content, as prosemirror-view reads it.
  const slice = DOMParser.fromSchema(schema).parseSlice(prepareTree(root, maxImageBytes, options) as unknown as DOMInput, {
    preserveWhitespace: sliceData !== null,
  });
  const output = serializeFragment(slice.content, schema);
  const first = output.firstChild;
  if (sliceData !== null && first instanceof HtmlElement) first.setAttribute('data-pm-slice', sliceData);
  return output.innerHTML;
}
