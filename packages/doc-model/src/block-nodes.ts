import type { DOMOutputSpec, Node as ProseMirrorNode, NodeSpec } from 'prosemirror-model';
import { blockDOMAttrs, parseBlockAttrs } from './block-attrs.js';
import type { ParsedElement } from './parsed-element.js';

/** The highest heading level; 1 is the top. */
export const MAX_HEADING_LEVEL = 6;

/**
 * The outline level of a textblock as stored in shared data, which any
 * client may have written: 0 for body text, 1 to 6 for headings. A
 * paragraph's `level` is clamped into 0–6 (anything that is no integer is
 * body text); a `heading` node of an older document counts as a heading of
 * its level, clamped into 1–6. Other textblocks (code blocks) have no level:
 * null.
 */
export function headingLevelOf(node: ProseMirrorNode): number | null {
  const name = node.type.name;
  if (name !== 'paragraph' && name !== 'heading') return null;
  const level = Number(node.attrs['level']);
  const lowest = name === 'heading' ? 1 : 0;
  if (!Number.isInteger(level)) return lowest;
  return Math.min(MAX_HEADING_LEVEL, Math.max(lowest, level));
}

/** `<p>`, or `<h1>` to `<h6>` for a heading, with alignment and indentation. */
function textblockDOM(node: ProseMirrorNode): DOMOutputSpec {
  const attrs = blockDOMAttrs(node);
  const level = headingLevelOf(node) ?? 0;
  const tag = level > 0 ? `h${level}` : 'p';
  return attrs ? [tag, attrs, 0] : [tag, 0];
}

/**
 * The level of a `<p role="heading" aria-level="n">`, as web pages and
 * some editors mark headings that are not `<h1>`–`<h6>`; else 0.
 */
function ariaHeadingLevel(dom: ParsedElement): number {
  if ((dom.getAttribute('role') ?? '').trim().toLowerCase() !== 'heading') return 0;
  const level = Number((dom.getAttribute('aria-level') ?? '').trim());
  return Number.isInteger(level) && level >= 1 && level <= MAX_HEADING_LEVEL ? level : 0;
}

const LANGUAGE = /^[a-z0-9][a-z0-9+#._-]{0,31}$/i;

/**
 * The language of a code block as stored, when it is a plain name such as
 * `js` or `c++`; anything else (it ends up in a class attribute) is null.
 */
export function codeLanguage(value: unknown): string | null {
  return typeof value === 'string' && LANGUAGE.test(value) ? value.toLowerCase() : null;
}

function parseCodeLanguage(dom: ParsedElement): string | null {
  const declared = dom.getAttribute('data-language');
  if (declared) return codeLanguage(declared);
  // Markdown renderers and highlight.js write <pre><code class="language-js">.
  const code = dom.firstElementChild;
  const classes = code && code.nodeName.toLowerCase() === 'code' ? (code.getAttribute('class') ?? '') : '';
  const match = /(?:^|\s)(?:language|lang)-(\S+)/.exec(classes);
  return match ? codeLanguage(match[1]) : null;
}

/** The names of the block nodes defined in this file. */
export type BlockNodeName =
  | 'doc'
  | 'paragraph'
  | 'heading'
  | 'blockquote'
  | 'code_block'
  | 'horizontal_rule'
  | 'page_break';

/**
 * The specs of the document node and the plain blocks. A heading is a
 * `paragraph` whose `level` is 1 to 6 (0 is body text), so that changing
 * between body text and headings changes an attribute and keeps the text
 * other users type into the block at the same moment (see the comment on
 * `paragraph` below). Paragraphs carry `align` (null for left, or
 * `center`, `right`, `justify`) and `indent` (0 to 8 steps of half an
 * inch). As everywhere in this schema, attributes are not validated here: a
 * failing `validate` would make y-prosemirror delete the node for everyone.
 * Rendering clamps instead.
 */
export const blockNodes: Record<BlockNodeName, NodeSpec> = {
  // `block+` on purpose, see the comment at the top of schema.ts.
  doc: {
    content: 'block+',
  },
  // Headings are paragraphs with a level, not a node type of their own.
  // y-prosemirror stores a node as a Y.XmlElement named after its type, and a
  // Y.XmlElement cannot be renamed: a change of node type is written as
  // deleting the element and inserting a new one, so whatever another user
  // typed into the block at that moment was deleted with the old element. A
  // change of `level` is one attribute of the same element, and the text
  // inside merges as usual. Google Docs stores paragraph styles the same way.
  paragraph: {
    attrs: { level: { default: 0 }, align: { default: null }, indent: { default: 0 } },
    content: 'inline*',
    group: 'block',
    parseDOM: [
      { tag: 'p', getAttrs: (dom: ParsedElement) => ({ level: ariaHeadingLevel(dom), ...parseBlockAttrs(dom) }) },
      ...[1, 2, 3, 4, 5, 6].map((level) => ({
        tag: `h${level}`,
        getAttrs: (dom: ParsedElement) => ({ level, ...parseBlockAttrs(dom) }),
      })),
    ],
    toDOM: textblockDOM,
  },
  // Headings of documents written before headings became paragraphs with a
  // level. y-prosemirror deletes, for everyone, any element whose name the
  // schema does not know, so the type stays to read those documents. Nothing
  // creates it any more (no parse rule, no command); the block commands turn
  // it into a paragraph with a level when the user changes its style.
  heading: {
    attrs: { level: { default: 1 }, align: { default: null }, indent: { default: 0 } },
    content: 'inline*',
    group: 'block',
    defining: true,
    toDOM: textblockDOM,
  },
  // `block*` for the same reason as list items (schema.ts): concurrent joins
  // of its paragraphs must not leave a quote that y-prosemirror would drop
  // together with a paragraph a third user is typing into it.
  blockquote: {
    content: 'block*',
    group: 'block',
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: (): DOMOutputSpec => ['blockquote', 0],
  },
  // Text only, no marks: what a code block holds can never become invalid.
  code_block: {
    attrs: { language: { default: null } },
    content: 'text*',
    marks: '',
    group: 'block',
    code: true,
    defining: true,
    parseDOM: [
      {
        tag: 'pre',
        preserveWhitespace: 'full',
        getAttrs: (dom: ParsedElement) => ({ language: parseCodeLanguage(dom) }),
      },
    ],
    toDOM: (node): DOMOutputSpec => {
      const language = codeLanguage(node.attrs['language']);
      return language
        ? ['pre', { 'data-language': language }, ['code', { class: `language-${language}` }, 0]]
        : ['pre', ['code', 0]];
    },
  },
  horizontal_rule: {
    group: 'block',
    parseDOM: [{ tag: 'hr' }],
    toDOM: (): DOMOutputSpec => ['hr'],
  },
  // A block of its own rather than a paragraph attribute: it can be selected,
  // deleted and moved like an image, and concurrent edits to the paragraphs
  // around it cannot lose or duplicate it.
  page_break: {
    group: 'block',
    selectable: true,
    parseDOM: [{ tag: 'div[data-page-break]' }],
    toDOM: (): DOMOutputSpec => [
      'div',
      { 'data-page-break': '', class: 'page-break', style: 'break-after: page' },
    ],
  },
};
