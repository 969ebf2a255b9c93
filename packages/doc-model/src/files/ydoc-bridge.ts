import type { Node as ProseMirrorNode, Schema } from 'prosemirror-model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type * as Y from 'yjs';
import { schema as defaultSchema } from '../schema.js';

/** The name of the `Y.XmlFragment` that holds an Allmende document's text. */
export const CONTENT_FRAGMENT = 'content';

/**
 * The ProseMirror document held by a Y.Doc (its `Y.XmlFragment('content')`,
 * as `<allmende-doc>` binds it), for exporting on a server or in a worker.
 * An empty fragment gives one empty paragraph, as the editor shows it.
 */
export function docFromYDoc(ydoc: Y.Doc, schema: Schema = defaultSchema): ProseMirrorNode {
  const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(CONTENT_FRAGMENT), schema);
  return root.childCount > 0 ? root : (schema.topNodeType.createAndFill(null, root.content) ?? root);
}

/**
 * Replaces the content of a Y.Doc with a document, in one Yjs transaction
 * with `origin` (so an undo manager that tracks that origin undoes it in
 * one step, and observers see one update). y-prosemirror writes only what
 * differs. Meant for hosts and servers without an editor; inside the
 * editor, import through a ProseMirror transaction instead, which the
 * editor turns into the same kind of Yjs transaction under its user's undo
 * manager.
 */
export function writeDocToYDoc(ydoc: Y.Doc, doc: ProseMirrorNode, origin: unknown = null): void {
  const fragment = ydoc.getXmlFragment(CONTENT_FRAGMENT);
  ydoc.transact(() => {
    prosemirrorToYXmlFragment(doc, fragment);
  }, origin);
}
