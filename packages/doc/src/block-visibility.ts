import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { remoteCursorKey } from './remote-cursor.js';

/** The class of the top-level blocks that are always rendered (see {@link blockVisibilityPlugin}). */
export const ACTIVE_BLOCK_CLASS = 'allmende-active-block';

/** The key of {@link blockVisibilityPlugin}. */
export const blockVisibilityKey = new PluginKey<DecorationSet>('allmende-block-visibility');

/** The index of the top-level block holding position `pos` (the one after it at a block boundary, clamped). */
export function blockIndexAt(doc: ProseMirrorNode, pos: number): number {
  const index = doc.resolve(Math.max(0, Math.min(pos, doc.content.size))).index(0);
  return Math.min(index, doc.childCount - 1);
}

/** The top-level block indexes holding the selection and every remote cursor, as sorted ranges [from, to]. */
export function activeBlockRanges(state: EditorState): Array<[number, number]> {
  const { doc, selection } = state;
  if (doc.childCount === 0) return [];
  const ranges: Array<[number, number]> = [[blockIndexAt(doc, selection.from), blockIndexAt(doc, selection.to)]];
  for (const cursor of remoteCursorKey.getState(state)?.cursors ?? []) {
    ranges.push([blockIndexAt(doc, Math.min(cursor.anchor, cursor.head)), blockIndexAt(doc, Math.max(cursor.anchor, cursor.head))]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function decorationsFor(state: EditorState): DecorationSet {
  const { doc } = state;
  const decorations: Decoration[] = [];
  const $start = doc.resolve(0);
  for (const [from, to] of activeBlockRanges(state)) {
    let pos = $start.posAtIndex(from, 0);
    for (let index = from; index <= to; index++) {
      const end = pos + doc.child(index).nodeSize;
      decorations.push(Decoration.node(pos, end, { class: ACTIVE_BLOCK_CLASS }));
      pos = end;
    }
  }
  return DecorationSet.create(doc, decorations);
}

/** Whether two decoration sets mark the same blocks (so the old one can stay, and nothing is redrawn). */
function sameBlocks(a: DecorationSet, b: DecorationSet): boolean {
  const left = a.find();
  const right = b.find();
  return left.length === right.length && left.every((decoration, index) => decoration.from === right[index]!.from && decoration.to === right[index]!.to);
}

/**
 * Marks the top-level blocks that hold the selection or a remote cursor
 * with {@link ACTIVE_BLOCK_CLASS}. editor-styles.ts lets Chromium skip the
 * rendering of every other block while it is off screen
 * (`content-visibility: auto`), so a keystroke in a long document lays out
 * and paints what is on screen, not the whole document; the marked blocks
 * are always rendered, so the caret (and the browser's editing, which
 * measures around it) is never inside a skipped block, also right after
 * Enter created it or a jump moved the selection far away.
 */
export function blockVisibilityPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: blockVisibilityKey,
    state: {
      init: (_config, state) => decorationsFor(state),
      apply(tr, value, oldState, state) {
        const cursorsMoved = remoteCursorKey.getState(state) !== remoteCursorKey.getState(oldState);
        if (!tr.docChanged && !tr.selectionSet && !cursorsMoved) return value;
        const next = decorationsFor(state);
        // Typing inside the same block: the mapped set marks the same block; keep it so nothing is redrawn.
        const mapped = tr.docChanged ? value.map(tr.mapping, tr.doc) : value;
        return sameBlocks(mapped, next) ? mapped : next;
      },
    },
    props: {
      decorations: (state) => blockVisibilityKey.getState(state) ?? null,
    },
  });
}
