import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from 'y-prosemirror';
import * as Y from 'yjs';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type: Yjs's own type parameter
type YType = Y.AbstractType<any>;

/** What the conversion reads from y-prosemirror's binding: its fragment and its Y type → ProseMirror node mapping. */
export interface PositionBinding {
  readonly type: Y.XmlFragment;
  readonly mapping: Map<YType, ProseMirrorNode | ProseMirrorNode[]>;
}

/** A selection as y-prosemirror stores it: its JSON type and both ends as Yjs relative positions. */
export interface RelativeSelection {
  readonly type: string;
  readonly anchor: Y.RelativePosition;
  readonly head: Y.RelativePosition;
}

/**
 * The top-level Y types of the fragment in the order of a ProseMirror
 * document's children, for documents whose children are exactly what the
 * binding drew for those types (checked when the list is made). Kept per
 * document: a keystroke asks for several positions in the same document.
 */
const topLevelTypes = new WeakMap<ProseMirrorNode, { fragment: Y.XmlFragment; types: YType[] }>();

function typesAligned(binding: PositionBinding, doc: ProseMirrorNode): YType[] | null {
  const known = topLevelTypes.get(doc);
  if (known && known.fragment === binding.type) return known.types;
  const types: YType[] = [];
  let item = binding.type._start;
  let index = 0;
  for (; item !== null; item = item.right) {
    if (item.deleted || !(item.content instanceof Y.ContentType)) continue;
    const type = item.content.type as YType;
    if (index >= doc.childCount || binding.mapping.get(type) !== doc.child(index)) return null;
    types.push(type);
    index++;
  }
  if (index !== doc.childCount) return null;
  topLevelTypes.set(doc, { fragment: binding.type, types });
  return types;
}

/** The relative position for `item`'s type `parent`, just before `item`. */
function beforeItem(parent: YType, item: Y.Item): Y.RelativePosition {
  return parent._item === null
    ? new Y.RelativePosition(null, Y.findRootTypeKey(parent), item.id)
    : new Y.RelativePosition(parent._item.id, null, item.id);
}

/** The relative position at the end of `type` (no item: it stays at the end). */
function endOf(type: YType): Y.RelativePosition {
  return type._item === null ? new Y.RelativePosition(null, Y.findRootTypeKey(type), null) : new Y.RelativePosition(type._item.id, null, null);
}

/** The type held by the next undeleted sibling of `type`, or null. */
function nextSibling(type: YType): YType | null {
  const next = type._item?.next ?? null;
  return next === null ? null : ((next.content as Y.ContentType).type as YType);
}

/**
 * Walks the Y tree from the top-level type `start`, `pos` positions into
 * the document counted from where `start` begins, the way y-prosemirror's
 * `absolutePositionToRelativePosition` counts (sizes of elements from the
 * ProseMirror nodes drawn for them, of texts from their length), so the
 * result is the same relative position it would return.
 */
function walkFrom(start: YType, pos: number, root: Y.XmlFragment, mapping: PositionBinding['mapping']): Y.RelativePosition {
  const assoc = root.length === 0 ? -1 : 0;
  let node: YType | null = start;
  let rest = pos;
  while (node !== null && node !== root) {
    if (node instanceof Y.XmlText) {
      if (node._length >= rest) return Y.createRelativePositionFromTypeIndex(node, rest, assoc);
      rest -= node._length;
      const next = nextSibling(node);
      if (next !== null) {
        node = next;
      } else {
        // Past the last text of an element: leave every element this was the last child of.
        let up: YType | null = node;
        do {
          up = up._item === null ? null : (up._item.parent as YType);
          rest--;
        } while (up !== root && up !== null && up._item !== null && up._item.next === null);
        node = up !== null && up !== root ? nextSibling(up) : up;
      }
    } else {
      const size = (mapping.get(node) as ProseMirrorNode | undefined)?.nodeSize ?? 0;
      if (node._first !== null && rest < size) {
        node = (node._first.content as Y.ContentType).type as YType;
        rest--;
      } else {
        // An element Yjs holds empty while ProseMirror drew content into it: the position ends in it.
        if (rest === 1 && node._length === 0 && size > 1) return endOf(node);
        rest -= size;
        const next = nextSibling(node);
        if (next !== null) {
          node = next;
        } else {
          if (rest === 0) return endOf(node._item === null ? node : (node._item.parent as YType));
          let up: YType = node;
          do {
            up = up._item!.parent as YType;
            rest--;
          } while (up !== root && up._item!.next === null);
          if (up !== root) node = nextSibling(up);
          else node = up;
        }
      }
    }
    if (node === null) throw new Error('relativePosition: the Yjs tree ended before the position');
    if (rest === 0 && !(node instanceof Y.XmlText) && node !== root) return beforeItem(node._item!.parent as YType, node._item!);
  }
  return Y.createRelativePositionFromTypeIndex(root, root._length, assoc);
}

/**
 * The Yjs relative position of ProseMirror position `pos` in `doc`: the
 * same as y-prosemirror's `absolutePositionToRelativePosition`, which walks
 * every top-level block before the position (all of them for a cursor at
 * the end of a long document, several times per keystroke). This starts at
 * the block holding the position, found in `doc`, when the binding's Y
 * types are exactly `doc`'s children; otherwise it asks y-prosemirror.
 */
export function relativePosition(pos: number, binding: PositionBinding, doc: ProseMirrorNode): Y.RelativePosition {
  const types = pos > 0 ? typesAligned(binding, doc) : null;
  if (types === null || pos > doc.content.size) return absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never) as Y.RelativePosition;
  const $pos = doc.resolve(pos);
  const index = $pos.index(0);
  const offset = $pos.posAtIndex(index, 0);
  // At the very end: after the last block.
  if (index >= types.length) return endOf(binding.type);
  const type = types[index]!;
  if (type._item === null || type._item.deleted || binding.mapping.get(type) !== doc.child(index)) {
    // Yjs moved on since the list was made (a change not drawn into `doc` yet): ask y-prosemirror.
    topLevelTypes.delete(doc);
    return absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never) as Y.RelativePosition;
  }
  if (pos === offset) return beforeItem(binding.type, type._item);
  return walkFrom(type, pos - offset, binding.type, binding.mapping);
}

/** y-prosemirror's `getRelativeSelection`, through {@link relativePosition}. */
export function relativeSelection(binding: PositionBinding, state: EditorState): RelativeSelection {
  const { selection, doc } = state;
  return {
    type: (selection as unknown as { jsonID: string }).jsonID,
    anchor: relativePosition(selection.anchor, binding, doc),
    head: relativePosition(selection.head, binding, doc),
  };
}

/**
 * The top-level Y types in the order of `doc`'s children, when a position
 * conversion already listed them for `doc` (no walk over the fragment here:
 * null otherwise).
 */
export function knownTopLevelTypes(binding: PositionBinding, doc: ProseMirrorNode): readonly YType[] | null {
  const known = topLevelTypes.get(doc);
  return known && known.fragment === binding.type ? known.types : null;
}

/**
 * Tells the conversion that Yjs now holds `next` with the same top-level Y
 * types as `previous` (blocks changed in place, none added or removed), so
 * positions in `next` need no new walk over the fragment.
 */
export function sameTopLevelTypes(binding: PositionBinding, previous: ProseMirrorNode, next: ProseMirrorNode): void {
  const known = topLevelTypes.get(previous);
  if (known && known.fragment === binding.type && previous.childCount === next.childCount) topLevelTypes.set(next, known);
}

/** The size ProseMirror gives a Y type's content: a text's length, an element's node size; null when nothing was drawn for it. */
function drawnSize(type: YType, mapping: PositionBinding['mapping']): number | null {
  if (type instanceof Y.XmlText) return type._length;
  const node = mapping.get(type);
  return node === undefined || Array.isArray(node) ? null : node.nodeSize;
}

/**
 * The position of `decoded` counted from the start of the top-level block
 * `top` (before its opening token), the way y-prosemirror's
 * `relativePositionToAbsolutePosition` counts; null when something inside
 * was not drawn.
 */
function offsetInBlock(decoded: Y.AbsolutePosition, top: YType, mapping: PositionBinding['mapping']): number | null {
  let type = decoded.type as YType;
  let pos = 0;
  if (type instanceof Y.XmlText) {
    pos = decoded.index;
  } else if (type._item === null || !type._item.deleted) {
    let item = type._start;
    for (let index = 0; index < type._length && index < decoded.index && item !== null; item = item.right) {
      if (item.deleted) continue;
      const size = drawnSize((item.content as Y.ContentType).type as YType, mapping);
      if (size === null) return null;
      pos += size;
      index++;
    }
    pos += 1;
  }
  while (type !== top) {
    const parent = type._item!.parent as YType;
    if (parent._item === null || !parent._item.deleted) {
      pos += 1;
      for (let item = parent._start; item !== null; item = item.right) {
        const child = (item.content as Y.ContentType).type as YType;
        if (child === type) break;
        if (item.deleted) continue;
        const size = drawnSize(child, mapping);
        if (size === null) return null;
        pos += size;
      }
    }
    type = parent;
  }
  return pos;
}

/**
 * The ProseMirror position in `doc` of a Yjs relative position: the same as
 * y-prosemirror's `relativePositionToAbsolutePosition`, which adds up every
 * top-level block before the position from the Y types (all 1,800 blocks
 * of a long document for a remote cursor near its end, for every cursor
 * each time one moves). This finds the block in the binding's list of
 * top-level types and counts only inside it, when those types are exactly
 * `doc`'s children; otherwise it asks y-prosemirror. Null when the position
 * is not in the document.
 */
export function absolutePosition(ydoc: Y.Doc, binding: PositionBinding, doc: ProseMirrorNode, relative: Y.RelativePosition): number | null {
  const fallback = (): number | null => relativePositionToAbsolutePosition(ydoc, binding.type, relative, binding.mapping as never);
  const types = typesAligned(binding, doc);
  if (types === null) return fallback();
  const decoded = Y.createAbsolutePositionFromRelativePosition(relative, ydoc);
  if (decoded === null) return null;
  const $start = doc.resolve(0);
  if (decoded.type === binding.type) return $start.posAtIndex(Math.min(decoded.index, doc.childCount), 0);
  let top = decoded.type as YType;
  while (top._item !== null && top._item.parent !== binding.type) top = top._item.parent as YType;
  const index = top._item === null ? -1 : types.indexOf(top);
  if (index < 0 || binding.mapping.get(top) !== doc.child(index)) return fallback();
  const offset = offsetInBlock(decoded, top, binding.mapping);
  return offset === null ? fallback() : $start.posAtIndex(index, 0) + offset;
}
