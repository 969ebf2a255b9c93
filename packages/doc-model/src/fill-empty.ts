import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { Transaction } from 'prosemirror-state';
import { changedRange } from './changed-range.js';

// List items and table cells may be empty (their content is `block*`, see
// schema.ts), but an empty one has no place for the cursor. ProseMirror's
// list and table commands fill new items and cells with `createAndFill`,
// which adds nothing to `block*`; the commands of this package therefore
// pass their transactions through `fillEmptyContainers`.

/** Tells whether a node is a container that should hold at least one block. */
function needsBlock(node: ProseMirrorNode): boolean {
  if (node.childCount > 0) return false;
  const role = node.type.spec['tableRole'] as string | undefined;
  return role === 'cell' || role === 'header_cell' || node.type.name === 'list_item' || node.type.name === 'task_item';
}

/**
 * Puts an empty paragraph into every empty list item, task item and table
 * cell in `range` of `tr.doc` (by default the part that the steps of `tr`
 * changed), and returns the positions inside those paragraphs (in the final
 * document), first to last. An editor can call it from `appendTransaction`
 * with a fresh transaction and the range the appended-to transactions
 * changed. Does nothing when the schema has no paragraph.
 */
export function fillEmptyContainers(
  tr: Transaction,
  range: { from: number; to: number } | null = changedRange(tr),
): number[] {
  const paragraph = tr.doc.type.schema.nodes['paragraph'];
  if (!paragraph || !range) return [];
  const empty: number[] = [];
  // A deletion leaves a collapsed range inside the container it emptied;
  // nodesBetween still visits the nodes around such a range.
  const from = Math.max(0, Math.min(range.from, tr.doc.content.size));
  const to = Math.max(from, Math.min(range.to, tr.doc.content.size));
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (needsBlock(node)) empty.push(pos);
    return !node.isTextblock && !node.isAtom;
  });
  // Insert back to front so the earlier positions stay valid.
  for (let index = empty.length - 1; index >= 0; index--) {
    tr.insert((empty[index] ?? 0) + 1, paragraph.create());
  }
  // Each earlier insertion shifts the later containers by two positions.
  return empty.map((pos, index) => pos + 2 + index * 2);
}
