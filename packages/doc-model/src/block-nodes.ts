import type { DOMOutputSpec, Node as ProseMirrorNode, NodeSpec } from 'prosemirror-model';
import { blockDOMAttrs, parseBlockAttrs } from './block-attrs.js';
import type { ParsedElement } from './parsed-element.js';

/** Clamps a heading level read from shared data into 1–6. */
function headingLevel(node: ProseMirrorNode): number {
  const level = Number(node.attrs['level']);
  return Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 1;
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
 * The specs of the document node and the plain blocks. Paragraphs and
 * headings carry `align` (null for left, or `center`, `right`, `justify`)
 * and `indent` (0 to 8 steps of half an inch). As everywhere in this schema,
 * attributes are not validated here: a failing `validate` would make
 * y-prosemirror delete the node for everyone. Rendering clamps instead.
 */
export const blockNodes: Record<BlockNodeName, NodeSpec> = {
  // `block+` on purpose, see the comment at the top of schema.ts.
  doc: {
    content: 'block+',
  },
  paragraph: {
    attrs: { align: { default: null }, indent: { default: 0 } },
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p', getAttrs: (dom: ParsedElement) => parseBlockAttrs(dom) }],
    toDOM: (node): DOMOutputSpec => {
      const attrs = blockDOMAttrs(node);
      return attrs ? ['p', attrs, 0] : ['p', 0];
    },
  },
  heading: {
    attrs: { level: { default: 1 }, align: { default: null }, indent: { default: 0 } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({
      tag: `h${level}`,
      getAttrs: (dom: ParsedElement) => ({ level, ...parseBlockAttrs(dom) }),
    })),
    toDOM: (node): DOMOutputSpec => {
      const attrs = blockDOMAttrs(node);
      const tag = `h${headingLevel(node)}`;
      return attrs ? [tag, attrs, 0] : [tag, 0];
    },
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
