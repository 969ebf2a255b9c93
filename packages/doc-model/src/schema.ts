import { Schema } from 'prosemirror-model';
import { blockNodes } from './block-nodes.js';
import type { BlockNodeName } from './block-nodes.js';
import { inlineNodes } from './inline-nodes.js';
import type { InlineNodeName } from './inline-nodes.js';
import { listNodes } from './list-nodes.js';
import type { ListNodeName } from './list-nodes.js';
import { marks } from './marks.js';
import type { MarkName as FormatMarkName } from './marks.js';
import { suggestionMarks } from './review/suggestion-marks.js';
import type { SuggestionMarkName } from './review/suggestion-marks.js';
import { tableNodes } from './table-nodes.js';
import type { TableNodeName } from './table-nodes.js';

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
//   items are deleted, the list is left with no items.
// - A list item `[p1, p2, nested list]`: one user joins p1 into p2, the other
//   joins p2 into p1. y-prosemirror may keep a different paragraph on each
//   side, so both paragraphs end up deleted and the item holds only its nested
//   list. With `paragraph block*` that item would be invalid and y-prosemirror
//   would delete it, nested list and other users' text included.
// - Even `list_item+` is not harmless: when two users delete the last two
//   items while a third adds one, a client that receives the deletes first
//   sees an empty list and y-prosemirror deletes it, so the third user's item
//   arrives into a deleted list and is lost.
//
// The only expressions that are closed under "interleave and delete" are
// repetitions of a set, `(a | b | ...)*`. So lists hold `list_item*` (task
// lists `task_item*`), list items and blockquotes hold `block*`, tables hold
// `table_row*`, rows hold cells, and cells hold `block*` (table-nodes.ts says
// why each one matters). The price is that a list item may be empty or start
// with a nested list; ProseMirror and HTML both handle that, and
// the commands put a paragraph into the items and cells they create.
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
// Marks follow the same rule. y-prosemirror stores each mark type as its own
// attribute of the Y.Text, so concurrent formatting can give a piece of text
// any combination of mark types, and it builds text nodes without checking
// the combination. So no mark type excludes another: superscript and
// subscript, which the commands never put on the same text, would otherwise
// merge into a document that fails `check()` on every client. A mark type
// still excludes itself (one link, one colour): that is one attribute, and
// Yjs resolves concurrent values of one attribute to a single winner.
//
// `src/convergence.test.ts` checks all of this: replicas edit concurrently
// through y-prosemirror with this package's commands, and any element or text
// y-prosemirror drops on reading, or any document that fails `check()`, fails
// the test. Making any of the expressions above stricter makes it fail.
//
// Attributes are not validated in the schema for the same reason as content: a paragraph
// whose `level` fails validation would be deleted for everyone. Commands check
// their arguments instead (`setHeading` throws a RangeError), parse rules keep
// only values the schema can hold, and rendering checks again and clamps,
// because any client can write any value into the shared document: a link
// whose href is `javascript:…` in the Y.Doc renders without an href, an
// image with a bad src without a src, a colour that is not `#rrggbb` not at
// all.

/** The names of the node types of an Allmende document. */
export type NodeName = BlockNodeName | ListNodeName | TableNodeName | InlineNodeName;

/** The names of the mark types of an Allmende document: formatting and the two suggestion marks. */
export type MarkName = FormatMarkName | SuggestionMarkName;

// Order matters: the first block type (paragraph) is what ProseMirror creates
// when it needs a block, and `doc` is the top node.
const { doc, paragraph, ...otherBlocks } = blockNodes;
const nodes = { doc, paragraph, ...otherBlocks, ...listNodes, ...tableNodes, ...inlineNodes };

/**
 * The ProseMirror schema of an Allmende document.
 *
 * Blocks: `paragraph` (`level`: 0 for body text, 1–6 for headings, rendered
 * as `<p>` or `<h1>`–`<h6>`; `align`; `indent`), `heading` (only to read
 * documents written before headings were paragraphs with a level),
 * `blockquote`, `code_block` (`language`), `horizontal_rule`,
 * `page_break`, `bullet_list`, `ordered_list` (`order`, the number of the
 * first item) and `task_list` with `list_item` and `task_item` (`checked`),
 * and `table` with `table_row`, `table_cell` and `table_header` (`colspan`,
 * `rowspan`, `colwidth`) as prosemirror-tables expects them. Inline: `text`,
 * `hard_break` and `image` (`src`, `alt`, `title`, `width`).
 *
 * Marks: `link` (`href`, `title`), `bold`, `italic`, `underline`,
 * `strikethrough`, `superscript` and `subscript` (the commands apply one at
 * a time; the schema allows both, which concurrent edits can produce),
 * `text_color` and `highlight` (`color`, `#rrggbb`), and `code`; and the
 * review workflow's suggestions, `insertion` and `deletion` (`id`,
 * `authorId`, `authorName`, `color`, `time`; see `review/suggestion-marks.ts`).
 *
 * Containers accept any number of children, including none, and no mark
 * excludes another, so that content merged from concurrent edits always fits
 * the schema (see the comment at the top of this file).
 */
export const schema: Schema<NodeName, MarkName> = new Schema({ nodes, marks: { ...marks, ...suggestionMarks } });
