import type { Mark, MarkType, Node as ProseMirrorNode } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import { alignmentOf, indentOf } from './block-attrs.js';
import type { Alignment } from './block-attrs.js';
import { codeLanguage, headingLevelOf } from './block-nodes.js';
import { LIST_NAMES } from './list-nodes.js';

/**
 * What kind of block the selection is in, as a toolbar shows it.
 */
export interface ActiveBlock {
  /**
   * The name of the textblock type (`'paragraph'` for body text and
   * headings, `'code_block'`) shared by every textblock the selection
   * touches, or null when they differ or the selection touches no
   * textblock. The `heading` nodes of older documents count as
   * `'paragraph'` with their level.
   */
  readonly type: string | null;
  /**
   * When `type` is `'paragraph'`: the outline level every selected
   * paragraph shares, 0 for body text and 1 to 6 for headings, or null when
   * they differ. Null for other types.
   */
  readonly level: number | null;
  /**
   * The name of the innermost list (`'bullet_list'`, `'ordered_list'` or
   * `'task_list'`) that contains the whole selection, or null outside lists.
   */
  readonly list: string | null;
  /**
   * The alignment shared by every paragraph and heading the selection
   * touches (`'left'` for the default), or null when they differ or the
   * selection touches none.
   */
  readonly align: Alignment | null;
  /**
   * The indentation level (0 to 8) shared by every paragraph and heading the
   * selection touches, or null when they differ or the selection touches none.
   */
  readonly indent: number | null;
  /** The language of the code block when `type` is `'code_block'` and all selected code blocks share it. */
  readonly language: string | null;
  /**
   * Whether the innermost task item around the selection is checked, or null
   * outside task lists.
   */
  readonly checked: boolean | null;
  /** Whether the selection starts inside a blockquote. */
  readonly blockquote: boolean;
  /** Whether the selection starts inside a table (table commands apply). */
  readonly inTable: boolean;
}

/**
 * Tells whether the mark is active for the selection: at a collapsed cursor,
 * whether text typed next gets the mark; for a range, whether every piece of
 * text in it that can carry the mark has it (whitespace-only pieces aside).
 * This is exactly when `toggleBold`/`toggleItalic` remove the mark, so it is
 * what `aria-pressed` of a toolbar button should say.
 *
 * `type` is a mark type or the name of one in `state.schema`; an unknown
 * name throws a RangeError.
 */
export function isMarkActive(state: EditorState, type: MarkType | string): boolean {
  const markType = typeof type === 'string' ? state.schema.marks[type] : type;
  if (!markType) {
    throw new RangeError(`isMarkActive: the schema has no mark named "${String(type)}"; use a name such as "bold".`);
  }
  const selection = state.selection;
  if (selection.empty) {
    const $cursor = selection instanceof TextSelection ? selection.$cursor : null;
    return $cursor !== null && markType.isInSet(state.storedMarks ?? $cursor.marks()) !== undefined;
  }
  let sawMarkable = false;
  const covered = selection.ranges.every(({ $from, $to }) => {
    let missing = false;
    state.doc.nodesBetween($from.pos, $to.pos, (node, pos, parent) => {
      if (missing) return false;
      if (!parent || !parent.type.allowsMarkType(markType) || !node.isInline) return true;
      if (node.isText && /^\s*$/.test(coveredText(node, pos, $from.pos, $to.pos))) return false;
      sawMarkable = true;
      missing = markType.isInSet(node.marks) === undefined;
      return false;
    });
    return !missing;
  });
  return covered && sawMarkable;
}

function coveredText(node: ProseMirrorNode, pos: number, from: number, to: number): string {
  return node.textBetween(Math.max(0, from - pos), Math.min(node.nodeSize, to - pos));
}

/**
 * Describes the block around the selection for a toolbar: the shared
 * textblock type, outline level (0 for body text, 1–6 for headings), alignment, indentation and code language;
 * the innermost list and task item; and whether the selection is in a
 * blockquote or a table.
 */
export function activeBlock(state: EditorState): ActiveBlock {
  const { $from, $to, from, to } = state.selection;
  const blocks: ProseMirrorNode[] = [];
  if ($from.sameParent($to) && $from.parent.isTextblock) {
    blocks.push($from.parent);
  } else {
    state.doc.nodesBetween(from, to, (node) => {
      if (!node.isTextblock) return true;
      blocks.push(node);
      return false;
    });
  }
  const shared = <T>(read: (node: ProseMirrorNode) => T, among = blocks): T | null => {
    const first = among[0];
    if (first === undefined) return null;
    const value = read(first);
    return among.every((node) => read(node) === value) ? value : null;
  };
  // An old document's `heading` node is a paragraph with a level to the user.
  const sharedType = shared((node) => (node.type.name === 'heading' ? 'paragraph' : node.type.name));
  const level = sharedType === 'paragraph' ? shared(headingLevelOf) : null;
  const alignable = blocks.filter((node) => node.type.spec.attrs?.['align'] !== undefined);
  const indentable = blocks.filter((node) => node.type.spec.attrs?.['indent'] !== undefined);
  const range = $from.blockRange($to, (node) => LIST_NAMES.includes(node.type.name));
  let checked: boolean | null = null;
  let blockquote = false;
  let inTable = false;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (checked === null && node.type.name === 'task_item') checked = node.attrs['checked'] === true;
    if (node.type.name === 'blockquote') blockquote = true;
    if (node.type.spec['tableRole'] === 'table') inTable = true;
  }
  return {
    type: sharedType,
    level,
    list: range ? range.parent.type.name : null,
    align: alignable.length === blocks.length ? shared(alignmentOf, alignable) : null,
    indent: indentable.length === blocks.length ? shared(indentOf, indentable) : null,
    language: sharedType === 'code_block' ? shared((node) => codeLanguage(node.attrs['language'])) : null,
    checked,
    blockquote,
    inTable,
  };
}

/** The formatting of the selection as a toolbar shows it. */
export interface ActiveMarks {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly strikethrough: boolean;
  readonly superscript: boolean;
  readonly subscript: boolean;
  readonly code: boolean;
  /** The text colour (`#rrggbb`) shared by all selected text, or null when it differs or is the default. */
  readonly textColor: string | null;
  /** The highlight colour (`#rrggbb`) shared by all selected text, or null. */
  readonly highlight: string | null;
  /** The link around the cursor or shared by all selected text, or null. */
  readonly link: { readonly href: string; readonly title: string | null } | null;
}

const TOGGLED_MARKS = ['bold', 'italic', 'underline', 'strikethrough', 'superscript', 'subscript', 'code'] as const;

/**
 * The marks shared by the selection: for a toggle, whether
 * {@link isMarkActive} holds; for colours and links, the attributes every
 * piece of selected text has in common. At a collapsed cursor these are the
 * marks text typed there would get, except that a link counts also at its
 * very end (where typed text would not continue it), so a link dialog can
 * offer to edit it. Mark types the schema lacks count as inactive.
 */
export function activeMarks(state: EditorState): ActiveMarks {
  const toggles = Object.fromEntries(
    TOGGLED_MARKS.map((name) => [name, state.schema.marks[name] ? isMarkActive(state, name) : false]),
  ) as Record<(typeof TOGGLED_MARKS)[number], boolean>;
  const textColor = sharedMark(state, 'text_color');
  const highlight = sharedMark(state, 'highlight');
  const link = sharedMark(state, 'link');
  return {
    ...toggles,
    textColor: textColor ? String(textColor.attrs['color']) : null,
    highlight: highlight ? String(highlight.attrs['color']) : null,
    link: link
      ? { href: String(link.attrs['href']), title: typeof link.attrs['title'] === 'string' ? link.attrs['title'] : null }
      : null,
  };
}

/** The mark of the named type that every text node in the selection carries (with equal attributes), or null. */
function sharedMark(state: EditorState, name: string): Mark | null {
  const type = state.schema.marks[name];
  if (!type) return null;
  const { selection } = state;
  const $cursor = selection instanceof TextSelection ? selection.$cursor : null;
  if ($cursor) {
    const typed = type.isInSet(state.storedMarks ?? $cursor.marks());
    if (typed || name !== 'link') return typed ?? null;
    return type.isInSet($cursor.nodeBefore?.marks ?? []) ?? null;
  }
  let found: Mark | null | undefined;
  for (const { $from, $to } of selection.ranges) {
    state.doc.nodesBetween($from.pos, $to.pos, (node) => {
      if (found === null) return false;
      if (!node.isText) return true;
      const mark = type.isInSet(node.marks) ?? null;
      if (found === undefined) found = mark;
      else if (!mark || !found || !mark.eq(found)) found = null;
      return false;
    });
  }
  return found ?? null;
}
