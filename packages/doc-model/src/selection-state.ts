import type { MarkType, Node as ProseMirrorNode, NodeType } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';

/**
 * What kind of block the selection is in, as a toolbar shows it.
 */
export interface ActiveBlock {
  /**
   * The name of the textblock type (`'paragraph'`, `'heading'`) shared by
   * every textblock the selection touches, or null when they differ or the
   * selection touches no textblock.
   */
  readonly type: string | null;
  /**
   * The heading level when `type` is `'heading'` and all selected headings
   * have the same level; otherwise null.
   */
  readonly level: number | null;
  /**
   * The name of the innermost list (`'bullet_list'` or `'ordered_list'`)
   * that contains the whole selection, or null outside lists.
   */
  readonly list: string | null;
}

const LIST_NAMES: readonly string[] = ['bullet_list', 'ordered_list'];

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
 * textblock type and heading level, and the innermost list.
 */
export function activeBlock(state: EditorState): ActiveBlock {
  const { $from, $to, from, to } = state.selection;
  const found: { type: NodeType | null; level: number | null; mixed: boolean } = {
    type: null,
    level: null,
    mixed: false,
  };
  const visit = (node: ProseMirrorNode): boolean => {
    if (!node.isTextblock) return true;
    const level = node.type.name === 'heading' ? Number(node.attrs['level']) : null;
    if (found.type === null) {
      found.type = node.type;
      found.level = level;
    } else if (found.type !== node.type || found.level !== level) {
      found.mixed = true;
    }
    return false;
  };
  if ($from.sameParent($to) && $from.parent.isTextblock) {
    visit($from.parent);
  } else {
    state.doc.nodesBetween(from, to, visit);
  }
  const range = $from.blockRange($to, (node) => LIST_NAMES.includes(node.type.name));
  const shared = found.mixed ? null : found.type;
  return {
    type: shared ? shared.name : null,
    level: shared ? found.level : null,
    list: range ? range.parent.type.name : null,
  };
}
