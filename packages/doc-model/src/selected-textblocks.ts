import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';

/** A textblock and its position in the document. */
export interface PositionedNode {
  readonly node: ProseMirrorNode;
  readonly pos: number;
}

/**
 * The textblocks the selection touches, in document order. A collapsed
 * cursor touches the textblock it is in; a node selection of a block leaf
 * (an image's paragraph aside) touches none.
 */
export function selectedTextblocks(state: EditorState): PositionedNode[] {
  const { $from, $to, from, to } = state.selection;
  if ($from.sameParent($to) && $from.parent.isTextblock) {
    return [{ node: $from.parent, pos: $from.before() }];
  }
  const found: PositionedNode[] = [];
  state.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isTextblock) {
      found.push({ node, pos });
      return false;
    }
    return true;
  });
  return found;
}

/** Tells whether the position lies inside a list item or task item. */
export function isInListItem(state: EditorState, pos: number): boolean {
  const $pos = state.doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    const name = $pos.node(depth).type.name;
    if (name === 'list_item' || name === 'task_item') return true;
  }
  return false;
}
