import * as Y from 'yjs';

/** The root type a `comment` connection may change: `Y.Map('comments')`, see the design page. */
export const commentsRootName = 'comments';

/**
 * Tells why `update` changes something outside the root `Y.Map('comments')` of the document whose
 * full state is `state`, or returns null when it changes only comments. Used for connections with
 * the `comment` role.
 *
 * The update is applied to a temporary Y.Doc built from `state` (without garbage collection, so
 * deleted items keep their parents), and every item it inserted or deleted is walked up to its
 * root type. Direct children of the comments root must be map entries. An update that Yjs cannot
 * integrate yet (missing structs, or deletions of unknown items, which could delete other people's
 * future edits) counts as a change outside the comments: it cannot be checked. Costs one decode of
 * the whole document per call; only comment-only connections pay it.
 */
export function findChangeOutsideComments(state: Uint8Array, update: Uint8Array): string | null {
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    const pendingBefore = pendingOf(doc);
    let problem: string | null = null;
    const inspect = (transaction: Y.Transaction): void => {
      problem ??= findProblem(doc, transaction);
    };
    doc.on('afterTransaction', inspect);
    Y.applyUpdate(doc, update);
    doc.off('afterTransaction', inspect);
    if (problem !== null) return problem;
    if (!samePending(pendingBefore, pendingOf(doc))) return 'it depends on content the relay does not have';
    return null;
  } catch (error) {
    return `it cannot be applied: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    doc.destroy();
  }
}

function findProblem(doc: Y.Doc, transaction: Y.Transaction): string | null {
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = doc.store.clients.get(client) ?? [];
    // New structs may have been merged into the one before them; that one has the same parent.
    for (let i = Y.findIndexSS(structs, before); i < structs.length && structs[i]!.id.clock < after; i++) {
      const problem = checkStruct(structs[i]!);
      if (problem !== null) return problem;
    }
  }
  let problem: string | null = null;
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    problem ??= checkStruct(struct);
  });
  return problem;
}

function checkStruct(struct: Y.AbstractStruct): string | null {
  // GC and Skip structs carry no content and belong to no type.
  if (!(struct instanceof Y.Item)) return null;
  let child: Y.Item = struct;
  let type = struct.parent;
  while (type instanceof Y.AbstractType && type._item !== null) {
    child = type._item;
    type = child.parent;
  }
  if (!(type instanceof Y.AbstractType)) return 'it has content whose parent is unknown';
  const root = Y.findRootTypeKey(type);
  if (root !== commentsRootName) return `it changes ${JSON.stringify(root)}`;
  if (child.parentSub === null) return `it adds list content to the ${JSON.stringify(commentsRootName)} map`;
  return null;
}

function pendingOf(doc: Y.Doc): [Uint8Array | null, Uint8Array | null] {
  return [doc.store.pendingStructs?.update ?? null, doc.store.pendingDs];
}

function samePending(a: [Uint8Array | null, Uint8Array | null], b: [Uint8Array | null, Uint8Array | null]): boolean {
  return a.every((bytes, i) => sameBytes(bytes, b[i] ?? null));
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}
