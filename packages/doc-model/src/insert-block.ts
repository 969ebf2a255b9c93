import type { Node as ProseMirrorNode, NodeType } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorState, Transaction } from 'prosemirror-state';
import { changedRange } from './changed-range.js';

/**
 * Tells whether a node of `type` can be inserted at the selection, in its
 * parent or (splitting blocks) in one of its ancestors.
 */
export function canInsert(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth >= 0; depth--) {
    const index = $from.index(depth);
    if ($from.node(depth).canReplaceWith(index, index, type)) return true;
  }
  return false;
}

/**
 * Replaces the selection with the block `node` and returns the transaction
 * and the position of the node in it. Makes sure there is a textblock after
 * the node (adding an empty paragraph where there is none, as at the end of
 * the document) and puts the cursor there, so typing continues below it.
 */
export function insertBlock(state: EditorState, node: ProseMirrorNode): { tr: Transaction; pos: number } | null {
  const tr = state.tr.replaceSelectionWith(node, false);
  const range = changedRange(tr);
  if (!range) return null;
  let pos = -1;
  tr.doc.nodesBetween(range.from, range.to, (child, childPos) => {
    if (pos >= 0) return false;
    if (child === node || (child.type === node.type && child.eq(node))) pos = childPos;
    return pos < 0;
  });
  if (pos < 0) return null;
  const after = pos + node.nodeSize;
  const $after = tr.doc.resolve(after);
  if ($after.nodeAfter?.isTextblock) {
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
  } else {
    const paragraph = state.schema.nodes['paragraph'];
    if (paragraph && $after.parent.canReplaceWith($after.index(), $after.index(), paragraph)) {
      tr.insert(after, paragraph.create());
      tr.setSelection(TextSelection.create(tr.doc, after + 1));
    }
  }
  return { tr: tr.scrollIntoView(), pos };
}
