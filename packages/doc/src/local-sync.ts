import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { updateYFragment, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { relativeSelection, sameTopLevelTypes } from './relative-position.js';
import type { PositionBinding, RelativeSelection } from './relative-position.js';

/** What the local writer needs of y-prosemirror's binding (see sync-binding.ts, `SyncBinding`). */
export interface LocalSyncBinding extends PositionBinding {
  readonly doc: Y.Doc;
  readonly isOMark: Map<unknown, boolean>;
  beforeTransactionSelection: RelativeSelection | { type: string; anchor: unknown; head: unknown } | null;
  prosemirrorView: { readonly state: EditorState } | null;
}

/** The ProseMirror document Yjs is known to hold, per binding: written by this client or drawn from Yjs. */
const written = new WeakMap<LocalSyncBinding, ProseMirrorNode>();

/** Records that Yjs holds exactly `doc` now (after it was drawn from Yjs). */
export function noteDocumentInSync(binding: LocalSyncBinding, doc: ProseMirrorNode): void {
  written.set(binding, doc);
}

/** The top-level children of `next` that are not the same nodes as in `previous`, by identity from both ends. */
function changedRange(previous: ProseMirrorNode, next: ProseMirrorNode): { start: number; endPrevious: number; endNext: number } | null {
  let start = 0;
  const shorter = Math.min(previous.childCount, next.childCount);
  while (start < shorter && previous.child(start) === next.child(start)) start++;
  let endPrevious = previous.childCount;
  let endNext = next.childCount;
  while (endPrevious > start && endNext > start && previous.child(endPrevious - 1) === next.child(endNext - 1)) {
    endPrevious--;
    endNext--;
  }
  return start === endPrevious && start === endNext ? null : { start, endPrevious, endNext };
}

/**
 * Writes `doc` to the binding's fragment, touching only what changed: when
 * Yjs holds the document written before and the new one changed some
 * top-level blocks in place (same number, same types; typing, formatting),
 * y-prosemirror's `updateYFragment` runs on just those blocks' Y elements.
 * Otherwise (blocks added, removed or retyped, or the Yjs state unknown) it
 * runs on the whole fragment as y-prosemirror does, which compares every
 * top-level block. Returns whether the short way was taken.
 */
export function writeDocument(binding: LocalSyncBinding, doc: ProseMirrorNode): boolean {
  const previous = written.get(binding);
  const fragment = binding.type;
  let done = false;
  if (previous !== undefined && fragment.length === previous.childCount) {
    const range = changedRange(previous, doc);
    if (range === null) {
      done = true;
    } else if (range.endPrevious - range.start === range.endNext - range.start) {
      const elements: Y.XmlElement[] = [];
      for (let index = range.start; index < range.endPrevious; index++) {
        const element = fragment.get(index);
        if (!(element instanceof Y.XmlElement) || binding.mapping.get(element) !== previous.child(index) || element.nodeName !== doc.child(index).type.name) break;
        elements.push(element);
      }
      if (elements.length === range.endPrevious - range.start) {
        elements.forEach((element, offset) => updateYFragment(binding.doc, element, doc.child(range.start + offset), binding as never));
        done = true;
      }
    }
    if (done) {
      binding.mapping.set(fragment, doc);
      sameTopLevelTypes(binding, previous, doc);
    }
  }
  if (!done) updateYFragment(binding.doc, fragment, doc, binding as never);
  written.set(binding, doc);
  return done;
}

/**
 * Replaces y-prosemirror's `_prosemirrorChanged` (the ProseMirror → Yjs
 * direction, run after every transaction) with {@link writeDocument}, and
 * its selection bookkeeping with {@link relativeSelection}.
 */
export function localChangeWriter(binding: LocalSyncBinding): (doc: ProseMirrorNode) => void {
  return (doc) => {
    binding.doc.transact(() => {
      writeDocument(binding, doc);
      const view = binding.prosemirrorView;
      binding.beforeTransactionSelection = view ? relativeSelection(binding, view.state) : null;
    }, ySyncPluginKey);
  };
}
