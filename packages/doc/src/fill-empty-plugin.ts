import { fillEmptyContainers } from '@allmende/doc-model';
import { Mapping } from 'prosemirror-transform';
import { Plugin } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { isLocalEdit } from './sync-origin.js';

/**
 * The range of the final document that a run of transactions changed, or
 * null when none of them changed the document.
 */
export function changedRangeOf(transactions: readonly Transaction[]): { from: number; to: number } | null {
  const maps = transactions.flatMap((tr) => tr.mapping.maps);
  const mapping = new Mapping(maps);
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  maps.forEach((map, index) => {
    const later = mapping.slice(index + 1);
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      from = Math.min(from, later.map(newStart, -1));
      to = Math.max(to, later.map(newEnd, 1));
    });
  });
  return from <= to ? { from, to } : null;
}

/**
 * Puts a paragraph into list items and table cells that this user's edits
 * left empty (the schema allows `block*` there so concurrent edits cannot
 * invalidate them, but an empty container has no place for the cursor).
 * Content synced in from others is left alone: every client would add its
 * own paragraph, and all of them would survive the merge.
 */
export function fillEmptyContainersPlugin(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, state) {
      const local = transactions.filter(isLocalEdit);
      if (local.length === 0 || local.length !== transactions.filter((tr) => tr.docChanged).length) return null;
      const range = changedRangeOf(transactions);
      if (!range) return null;
      const tr = state.tr;
      fillEmptyContainers(tr, range);
      return tr.docChanged ? tr : null;
    },
  });
}
