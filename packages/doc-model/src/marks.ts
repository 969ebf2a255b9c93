import type { DOMOutputSpec, Mark, MarkSpec } from 'prosemirror-model';
import { isHexColor, normalizeColor } from './color.js';
import { safeLinkHref } from './link-href.js';
import type { ParsedElement, ParsedStyle } from './parsed-element.js';

/** The names of the marks of an Allmende document. */
export type MarkName =
  | 'link'
  | 'bold'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'superscript'
  | 'subscript'
  | 'text_color'
  | 'highlight'
  | 'code';

/** The default highlight colour, for `<mark>` without a colour: yellow, as in Word. */
export const DEFAULT_HIGHLIGHT = '#ffff00';

const isMark = (name: string) => (mark: Mark) => mark.type.name === name;
const optionalText = (value: string | null): string | null => (value ? value : null);

/** The background colour of an inline element, from the longhand, the shorthand or Word's own property. */
function backgroundColor(style: ParsedStyle): string | null {
  for (const property of ['background-color', 'background', 'mso-highlight']) {
    const value = style.getPropertyValue(property).trim();
    if (!value) continue;
    // `background` may list an image, position and repeat too; take the first colour.
    for (const token of value.split(/\s+(?![^(]*\))/)) {
      const color = normalizeColor(token);
      if (color) return color;
    }
  }
  return null;
}

const decorationRule = (pattern: RegExp) => (value: string) => pattern.test(value) && null;

/**
 * The mark specs, in the order in which they nest when rendered (links
 * outermost). Every parse rule reads only what the schema can hold and checks
 * it: links only with http, https or mailto targets, colours only as
 * `#rrggbb`. Inline styles count as much as tags, since Word and Google Docs
 * format with `<span style>` and Google wraps every paste in
 * `<b style="font-weight:normal">`.
 */
export const marks: Record<MarkName, MarkSpec> = {
  link: {
    attrs: { href: { default: '' }, title: { default: null } },
    inclusive: false,
    parseDOM: [
      {
        tag: 'a[href]',
        getAttrs: (dom: ParsedElement) => {
          const href = safeLinkHref(dom.getAttribute('href') ?? '');
          return href === null ? false : { href, title: optionalText(dom.getAttribute('title')) };
        },
      },
    ],
    toDOM: (mark): DOMOutputSpec => {
      // Checked again here: any client can write any href into the shared document.
      const href = safeLinkHref(String(mark.attrs['href'] ?? ''));
      const attrs: Record<string, string> = { rel: 'noopener noreferrer nofollow' };
      if (href !== null) attrs['href'] = href;
      const title = mark.attrs['title'];
      if (typeof title === 'string' && title) attrs['title'] = title;
      return ['a', attrs, 0];
    },
  },
  bold: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps whole pastes in <b style="font-weight:normal">.
      {
        tag: 'b',
        getAttrs: (dom: ParsedElement) =>
          !/^(normal|lighter|[1-5]\d\d)$/.test(dom.style.getPropertyValue('font-weight').trim()) && null,
      },
      { style: 'font-weight', getAttrs: decorationRule(/^\s*(bold|bolder|[6-9]\d\d)\s*$/) },
      { style: 'font-weight', getAttrs: decorationRule(/^\s*(normal|lighter|[1-5]\d\d)\s*$/), clearMark: isMark('bold') },
    ],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },
  italic: {
    parseDOM: [
      { tag: 'em' },
      { tag: 'i' },
      { style: 'font-style', getAttrs: decorationRule(/^\s*(italic|oblique)\b/) },
      { style: 'font-style=normal', clearMark: isMark('italic') },
    ],
    toDOM: (): DOMOutputSpec => ['em', 0],
  },
  underline: {
    parseDOM: [
      { tag: 'u' },
      // Not consuming: `text-decoration: underline line-through` is both marks.
      { style: 'text-decoration', getAttrs: decorationRule(/\bunderline\b/), consuming: false },
      { style: 'text-decoration-line', getAttrs: decorationRule(/\bunderline\b/), consuming: false },
    ],
    toDOM: (): DOMOutputSpec => ['u', 0],
  },
  strikethrough: {
    parseDOM: [
      { tag: 's' },
      { tag: 'strike' },
      { tag: 'del' },
      { style: 'text-decoration', getAttrs: decorationRule(/\bline-through\b/), consuming: false },
      { style: 'text-decoration-line', getAttrs: decorationRule(/\bline-through\b/), consuming: false },
    ],
    toDOM: (): DOMOutputSpec => ['s', 0],
  },
  // Superscript and subscript do not exclude each other here, although the
  // commands never put both on the same text: y-prosemirror stores each mark
  // as its own attribute of the Y.Text, so one user applying superscript
  // while another applies subscript to the same word merges into text with
  // both. It does not check mark sets when it reads them back, so with
  // `excludes` the merged document would fail `check()` on every client.
  superscript: {
    parseDOM: [{ tag: 'sup' }, { style: 'vertical-align', getAttrs: decorationRule(/^\s*super\s*$/) }],
    toDOM: (): DOMOutputSpec => ['sup', 0],
  },
  subscript: {
    parseDOM: [{ tag: 'sub' }, { style: 'vertical-align', getAttrs: decorationRule(/^\s*sub\s*$/) }],
    toDOM: (): DOMOutputSpec => ['sub', 0],
  },
  text_color: {
    attrs: { color: { default: '#000000' } },
    parseDOM: [
      {
        style: 'color',
        getAttrs: (value: string) => {
          const color = normalizeColor(value);
          return color === null ? false : { color };
        },
      },
      {
        tag: 'font[color]',
        getAttrs: (dom: ParsedElement) => {
          const color = normalizeColor(dom.getAttribute('color') ?? '');
          return color === null ? false : { color };
        },
        consuming: false,
      },
    ],
    toDOM: (mark): DOMOutputSpec => {
      const color = mark.attrs['color'];
      return isHexColor(color) ? ['span', { style: `color: ${color.toLowerCase()}` }, 0] : ['span', 0];
    },
  },
  // Only inline elements count: a background on a table cell or a page is
  // not a highlight of the text in it.
  highlight: {
    attrs: { color: { default: DEFAULT_HIGHLIGHT } },
    parseDOM: [
      { tag: 'mark', getAttrs: (dom: ParsedElement) => ({ color: backgroundColor(dom.style) ?? DEFAULT_HIGHLIGHT }) },
      ...['span', 'font'].map((tag) => ({
        tag,
        getAttrs: (dom: ParsedElement) => {
          const color = backgroundColor(dom.style);
          return color === null ? false : { color };
        },
        consuming: false,
      })),
    ],
    toDOM: (mark): DOMOutputSpec => {
      const color = mark.attrs['color'];
      return ['mark', { style: `background-color: ${isHexColor(color) ? color.toLowerCase() : DEFAULT_HIGHLIGHT}` }, 0];
    },
  },
  code: {
    code: true,
    parseDOM: [{ tag: 'code' }, { tag: 'kbd' }, { tag: 'samp' }, { tag: 'tt' }],
    toDOM: (): DOMOutputSpec => ['code', 0],
  },
};
