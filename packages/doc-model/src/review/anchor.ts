import type { Schema } from 'prosemirror-model';
import * as Y from 'yjs';

// Positions in the editor are ProseMirror positions over the document that
// y-prosemirror builds from a Y.XmlFragment: each Y.XmlElement is a node
// (two positions for its start and end tokens, one for a leaf such as an
// image), each character of a Y.XmlText one position. This file converts
// between such positions and Yjs relative positions by walking the Y types
// themselves, so it needs no editor, no binding mapping and no DOM: the
// relay, an exporter or a test can resolve anchors as the editor does.

/** A node of the shared document as y-prosemirror writes it. */
type YNode = Y.XmlElement | Y.XmlText;
/** A container of nodes: the root fragment or an element. */
type YContainer = Y.XmlFragment | Y.XmlElement;

/**
 * Converts between ProseMirror positions and Yjs relative positions for one
 * Y.XmlFragment. Sizes are memoized, so build one per document state and
 * resolve many anchors with it; build a new one after the document changed.
 */
export class FragmentPositions {
  private readonly sizes = new Map<YNode, number>();

  constructor(
    readonly fragment: Y.XmlFragment,
    private readonly schema: Schema,
  ) {
    if (!(fragment instanceof Y.XmlFragment)) throw new TypeError('FragmentPositions needs a Y.XmlFragment.');
  }

  /** The ProseMirror size of the fragment's content. */
  get contentSize(): number {
    return this.contentSizeOf(this.fragment);
  }

  /**
   * The relative position of ProseMirror position `pos`. With `assoc` ≥ 0 it
   * sticks to the character after the position (the start of a range), with
   * `assoc` < 0 to the one before it (the end of a range), so text inserted
   * at either edge of a range stays outside it.
   */
  relativePosition(pos: number, assoc: number): Y.RelativePosition {
    if (!Number.isInteger(pos) || pos < 0 || pos > this.contentSize) {
      throw new RangeError(`Position ${pos} is outside the document (0 to ${this.contentSize}).`);
    }
    let parent: YContainer = this.fragment;
    let offset = pos;
    descend: for (;;) {
      const children = parent.toArray() as YNode[];
      for (let index = 0; index < children.length; index++) {
        const child = children[index]!;
        const size = this.sizeOf(child);
        if (child instanceof Y.XmlText) {
          const last = index === children.length - 1;
          if (offset < size || (offset === size && (assoc < 0 || last))) {
            return Y.createRelativePositionFromTypeIndex(child, offset, assoc);
          }
          offset -= size;
          continue;
        }
        if (offset === 0) return Y.createRelativePositionFromTypeIndex(parent, index, assoc);
        if (!this.isLeaf(child) && offset < size) {
          parent = child;
          offset -= 1;
          continue descend;
        }
        offset -= size;
      }
      return Y.createRelativePositionFromTypeIndex(parent, children.length, assoc);
    }
  }

  /**
   * The ProseMirror position a relative position points to now, or null when
   * it cannot be resolved: its item or a node around it was deleted, it
   * belongs to another type, or the document does not have it yet.
   */
  absolutePosition(relative: Y.RelativePosition): number | null {
    const doc = this.fragment.doc;
    if (!doc) throw new RangeError('The Y.XmlFragment is not part of a Y.Doc.');
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc, false);
    if (!absolute) return null;
    const type = absolute.type;
    if (!(type instanceof Y.XmlFragment || type instanceof Y.XmlText)) return null;
    if (!this.isLiveInside(type)) return null;
    if (type instanceof Y.XmlText) {
      const start = this.startOf(type);
      return start === null ? null : start + Math.min(absolute.index, type.length);
    }
    const contentStart = type === this.fragment ? 0 : this.startOf(type as Y.XmlElement);
    if (contentStart === null) return null;
    const before = type === this.fragment ? 0 : 1;
    const children = type.toArray() as YNode[];
    let pos = contentStart + before;
    for (let index = 0; index < Math.min(absolute.index, children.length); index++) pos += this.sizeOf(children[index]!);
    return pos;
  }

  /** The text between two positions, with a line break between blocks (what a comment quotes). */
  textBetween(from: number, to: number): string {
    const parts: string[] = [];
    let textblockSeen = false;
    const walk = (container: YContainer, contentStart: number): void => {
      let pos = contentStart;
      for (const child of container.toArray() as YNode[]) {
        const size = this.sizeOf(child);
        const end = pos + size;
        if (end > from && pos < to) {
          if (child instanceof Y.XmlText) {
            parts.push(textOf(child).slice(Math.max(0, from - pos), Math.min(size, to - pos)));
          } else if (!this.isLeaf(child)) {
            if (this.schema.nodes[child.nodeName]?.isTextblock) {
              if (textblockSeen) parts.push('\n');
              textblockSeen = true;
            }
            walk(child, pos + 1);
          }
        }
        pos = end;
      }
    };
    walk(this.fragment, 0);
    return parts.join('');
  }

  /** Whether a leaf node (an image) lies wholly between two positions. */
  hasLeafBetween(from: number, to: number): boolean {
    let found = false;
    const walk = (container: YContainer, contentStart: number): void => {
      let pos = contentStart;
      for (const child of container.toArray() as YNode[]) {
        const size = this.sizeOf(child);
        if (!found && child instanceof Y.XmlElement && pos + size > from && pos < to) {
          if (this.isLeaf(child)) found = pos >= from && pos + size <= to;
          else walk(child, pos + 1);
        }
        pos += size;
      }
    };
    walk(this.fragment, 0);
    return found;
  }

  /** Whether a type and all its ancestors up to this fragment are not deleted. */
  private isLiveInside(type: Y.XmlFragment | Y.XmlText): boolean {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type
    let current: Y.AbstractType<any> | null = type;
    while (current !== null && current !== this.fragment) {
      const item: Y.Item | null = current._item;
      if (item === null || item.deleted) return false;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type
      current = item.parent instanceof Y.AbstractType ? (item.parent as Y.AbstractType<any>) : null;
    }
    return current === this.fragment;
  }

  /** The position of a node's start (before its opening token, or its first character). */
  private startOf(node: YNode): number | null {
    const parent = node.parent;
    if (!(parent instanceof Y.XmlFragment)) return null;
    let pos: number;
    if (parent === this.fragment) pos = 0;
    else {
      const parentStart = this.startOf(parent as Y.XmlElement);
      if (parentStart === null) return null;
      pos = parentStart + 1;
    }
    for (const sibling of parent.toArray() as YNode[]) {
      if (sibling === node) return pos;
      pos += this.sizeOf(sibling);
    }
    return null;
  }

  private isLeaf(element: Y.XmlElement): boolean {
    return this.schema.nodes[element.nodeName]?.isLeaf ?? false;
  }

  private sizeOf(node: YNode): number {
    let size = this.sizes.get(node);
    if (size === undefined) {
      if (node instanceof Y.XmlText) size = node.length;
      else size = this.isLeaf(node) ? 1 : 2 + this.contentSizeOf(node);
      this.sizes.set(node, size);
    }
    return size;
  }

  private contentSizeOf(container: YContainer): number {
    let size = 0;
    for (const child of container.toArray() as YNode[]) size += this.sizeOf(child);
    return size;
  }
}

/** The plain characters of a Y.XmlText, without its formatting. */
function textOf(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '\ufffc')).join('');
}

/** Encodes a relative position for storing in the shared comments map. */
export const encodeAnchor = (relative: Y.RelativePosition): Uint8Array => Y.encodeRelativePosition(relative);

/** Decodes a stored relative position, or returns null when the bytes are not one. */
export function decodeAnchor(bytes: unknown): Y.RelativePosition | null {
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) return null;
  try {
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}
