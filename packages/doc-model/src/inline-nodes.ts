import type { DOMOutputSpec, NodeSpec } from 'prosemirror-model';
import { safeImageSrc } from './image-source.js';
import type { ParsedElement } from './parsed-element.js';

/** The names of the inline nodes defined in this file. */
export type InlineNodeName = 'text' | 'hard_break' | 'image';

/** The largest width, in CSS pixels, an image is shown with. */
const MAX_IMAGE_WIDTH = 10_000;

/** An image width as stored, or null: a positive integer number of CSS pixels. */
export function imageWidth(value: unknown): number | null {
  const width = typeof value === 'string' ? Number.parseInt(value, 10) : value;
  return typeof width === 'number' && Number.isInteger(width) && width > 0 && width <= MAX_IMAGE_WIDTH ? width : null;
}

function parseImageWidth(dom: ParsedElement): number | null {
  const attr = dom.getAttribute('width');
  if (attr && /^\d+$/.test(attr.trim())) return imageWidth(attr.trim());
  const style = /^(\d+(?:\.\d+)?)px$/.exec(dom.style.getPropertyValue('width').trim());
  return style ? imageWidth(Math.round(Number(style[1]))) : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The specs of text, line breaks and images. */
export const inlineNodes: Record<InlineNodeName, NodeSpec> = {
  text: {
    group: 'inline',
  },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    // Turned into "\n" (and back) when a paragraph becomes a code block.
    linebreakReplacement: true,
    parseDOM: [{ tag: 'br' }],
    toDOM: (): DOMOutputSpec => ['br'],
  },
  // Inline, like pictures in Word and LibreOffice: an image sits in a line of
  // text or alone in its paragraph, and table cells and list items need no
  // special case. `src` is checked when parsing and again when rendering,
  // because any client can write any attribute into the shared document.
  image: {
    inline: true,
    group: 'inline',
    draggable: true,
    attrs: { src: { default: '' }, alt: { default: null }, title: { default: null }, width: { default: null } },
    parseDOM: [
      {
        tag: 'img[src]',
        getAttrs: (dom: ParsedElement) => {
          const src = safeImageSrc(dom.getAttribute('src') ?? '');
          if (src === null) return false;
          return { src, alt: text(dom.getAttribute('alt')), title: text(dom.getAttribute('title')), width: parseImageWidth(dom) };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => {
      const attrs: Record<string, string> = {};
      const src = safeImageSrc(String(node.attrs['src'] ?? ''));
      if (src !== null) attrs['src'] = src;
      attrs['alt'] = text(node.attrs['alt']) ?? '';
      const title = text(node.attrs['title']);
      if (title !== null) attrs['title'] = title;
      const width = imageWidth(node.attrs['width']);
      if (width !== null) attrs['width'] = String(width);
      return ['img', attrs];
    },
  },
};
