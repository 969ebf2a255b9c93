import { Schema } from 'prosemirror-model';
import type { DOMOutputSpec, MarkSpec, Node as ProseMirrorNode, NodeSpec } from 'prosemirror-model';

// Why the containers below use `*` and never `+` or a required first child:
//
// The shared document is a Y.XmlFragment that y-prosemirror turns back into
// ProseMirror nodes with `schema.node(...)`, which checks each node's content
// against its content expression. A node whose children do not match is not
// repaired: y-prosemirror deletes it from the Y.Doc, for every user, together
// with everything inside it.
//
// Yjs merges the children of an element as the union of concurrent inserts
// minus the union of concurrent deletes. Two edits that are each valid on
// their own can therefore merge into a child list that neither user ever saw:
//
// - Two users each join one of the two items of a list into the other: both
//   items are deleted, the list is left with no items. With `list_item+` the
//   (empty) list would be dropped, which is harmless, but the same shape hurts
//   below.
// - A list item `[p1, p2, nested list]`: one user joins p1 into p2, the other
//   joins p2 into p1. y-prosemirror may keep a different paragraph on each
//   side, so both paragraphs end up deleted and the item holds only its nested
//   list. With `paragraph block*` that item would be invalid and y-prosemirror
//   would delete it, nested list and other users' text included. The tempting
//   `(paragraph | heading) block*` fails the same way.
//
// The only expressions that are closed under "interleave and delete" are
// repetitions of a set, `(a | b | ...)*`. So lists hold `list_item*` and list
// items hold `block*`. The price is that a list item may be empty or start
// with a nested list; ProseMirror and HTML both handle that, and
// `splitListItem` puts a paragraph into the items it creates.
//
// The document node is the exception, deliberately: `doc` is `block+`.
// y-prosemirror never builds the root with `schema.node`; it replaces the
// root's content with `tr.replace`, which fits the content to the schema, so
// when concurrent deletes empty the fragment the view shows one empty
// paragraph (local until someone types) and nothing is dropped. With
// `block*` an empty document would have no place for the cursor: the
// toolbar's heading and list buttons and Enter would do nothing in a new
// document until the user typed something. Code that converts a fragment
// outside the editor (export on the relay) must fill an empty root itself,
// e.g. with `schema.topNodeType.createAndFill(null, content)`.
//
// Attributes are not validated in the schema for the same reason as content: a heading
// whose `level` fails validation would be deleted for everyone. Commands check
// their arguments instead (`setHeading` throws a RangeError), and rendering
// clamps out-of-range values.

/** Clamps a heading level read from shared data into 1–6. */
function headingLevel(node: ProseMirrorNode): number {
  const level = Number(node.attrs['level']);
  return Number.isInteger(level) ? Math.min(6, Math.max(1, level)) : 1;
}

/** Reads a list start number read from shared data, defaulting to 1. */
function listOrder(node: ProseMirrorNode): number {
  const order = Number(node.attrs['order']);
  return Number.isSafeInteger(order) ? order : 1;
}

/**
 * The part of a DOM element the parse rules read. Declared structurally so
 * this package type-checks without the DOM library.
 */
interface ParsedElement {
  getAttribute(name: string): string | null;
  readonly style: { readonly fontWeight: string };
}

type NodeName =
  | 'doc'
  | 'paragraph'
  | 'heading'
  | 'bullet_list'
  | 'ordered_list'
  | 'list_item'
  | 'text'
  | 'hard_break';

type MarkName = 'bold' | 'italic';

// Order matters: the first block type (paragraph) is what ProseMirror creates
// when it needs a block, and `doc` is the top node.
const nodes: Record<NodeName, NodeSpec> = {
  doc: {
    content: 'block+',
  },
  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }],
    toDOM: (): DOMOutputSpec => ['p', 0],
  },
  heading: {
    attrs: { level: { default: 1 } },
    content: 'inline*',
    group: 'block',
    defining: true,
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node): DOMOutputSpec => [`h${headingLevel(node)}`, 0],
  },
  bullet_list: {
    content: 'list_item*',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: (): DOMOutputSpec => ['ul', 0],
  },
  ordered_list: {
    attrs: { order: { default: 1 } },
    content: 'list_item*',
    group: 'block',
    parseDOM: [
      {
        tag: 'ol',
        getAttrs: (dom: ParsedElement) => {
          const start = Number.parseInt(dom.getAttribute('start') ?? '', 10);
          return { order: Number.isSafeInteger(start) ? start : 1 };
        },
      },
    ],
    toDOM: (node): DOMOutputSpec => {
      const order = listOrder(node);
      return order === 1 ? ['ol', 0] : ['ol', { start: String(order) }, 0];
    },
  },
  list_item: {
    content: 'block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: (): DOMOutputSpec => ['li', 0],
  },
  text: {
    group: 'inline',
  },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: (): DOMOutputSpec => ['br'],
  },
};

const marks: Record<MarkName, MarkSpec> = {
  bold: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps whole pastes in <b style="font-weight: normal">.
      { tag: 'b', getAttrs: (dom: ParsedElement) => dom.style.fontWeight !== 'normal' && null },
      { style: 'font-weight=400', clearMark: (mark) => mark.type.name === 'bold' },
      {
        style: 'font-weight',
        getAttrs: (value: string) => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null,
      },
    ],
    toDOM: (): DOMOutputSpec => ['strong', 0],
  },
  italic: {
    parseDOM: [
      { tag: 'em' },
      { tag: 'i' },
      { style: 'font-style=italic' },
      { style: 'font-style=normal', clearMark: (mark) => mark.type.name === 'italic' },
    ],
    toDOM: (): DOMOutputSpec => ['em', 0],
  },
};

/**
 * The ProseMirror schema of an Allmende document.
 *
 * Nodes: `doc`, `paragraph`, `heading` (attribute `level`, 1–6), `text`,
 * `hard_break`, `bullet_list`, `ordered_list` (attribute `order`, the number
 * of the first item) and `list_item`. Marks: `bold` (rendered as `<strong>`)
 * and `italic` (rendered as `<em>`). Lists and list items accept any child
 * list, including none, so that content merged from concurrent edits always
 * fits the schema (see the comment at the top of this file).
 */
export const schema: Schema<NodeName, MarkName> = new Schema({ nodes, marks });
