import type { Transaction } from 'prosemirror-state';

/**
 * The range of `tr.doc` that the steps of `tr` touched, or null when the
 * transaction has no steps that change the document.
 */
export function changedRange(tr: Transaction): { from: number; to: number } | null {
  let from = tr.doc.content.size;
  let to = 0;
  tr.mapping.maps.forEach((map, index) => {
    const later = tr.mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      from = Math.min(from, later.map(newStart, -1));
      to = Math.max(to, later.map(newEnd, 1));
    });
  });
  return from <= to ? { from, to: Math.min(to, tr.doc.content.size) } : null;
}
