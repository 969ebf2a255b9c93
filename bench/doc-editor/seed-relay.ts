import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { connectClient, waitUntilFlushed } from './yjs-client.js';

/**
 * Writes `doc` into a Y.Doc's `content` fragment as y-prosemirror would and pushes it to the relay
 * with a y-websocket client; resolves once a second, fresh client reads it all back from the relay.
 * Returns the size of the encoded update.
 */
export async function seedRelay(relayUrl: string, document: string, doc: ProseMirrorNode): Promise<{ updateBytes: number }> {
  const ydoc = new Y.Doc();
  prosemirrorToYXmlFragment(doc, ydoc.getXmlFragment('content'));
  const updateBytes = Y.encodeStateAsUpdate(ydoc).byteLength;
  const writer = await connectClient(relayUrl, document, ydoc);
  await waitUntilFlushed(writer);
  const reader = await connectClient(relayUrl, document);
  try {
    const deadline = Date.now() + 60_000;
    while (reader.doc.getXmlFragment('content').length !== doc.childCount) {
      if (Date.now() > deadline) throw new Error(`the relay holds ${reader.doc.getXmlFragment('content').length} of ${doc.childCount} blocks after 60 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    reader.destroy();
    writer.destroy();
  }
  return { updateBytes };
}
