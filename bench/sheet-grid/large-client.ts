import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { YjsClient } from '../doc-editor/yjs-client.js';

/**
 * The largest message the benchmark's Node clients accept. The relay answers a sync request with the whole
 * document in one message (about 120 MiB for 100,000 × 20), above the `ws` library's default `maxPayload` of
 * 100 MiB, so a stock Node client cannot read it back; browsers have no such limit.
 */
const MAX_PAYLOAD = 1024 * 1024 * 1024;

/** `ws` with a larger `maxPayload`, shaped as the `WebSocket` constructor y-websocket calls. */
class LargeWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols, { maxPayload: MAX_PAYLOAD });
  }
}

/**
 * Connects a new Y.Doc to `document` on the relay through y-websocket, accepting messages up to 1 GiB, and
 * resolves once it has synced (within `timeoutMs`; a big document takes the relay a while to encode).
 */
export async function connectLargeClient(relayUrl: string, document: string, timeoutMs = 300_000): Promise<YjsClient> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(relayUrl, document, doc, {
    WebSocketPolyfill: LargeWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      provider.destroy();
      doc.destroy();
      reject(new Error(`no sync with ${relayUrl} for ${document} within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const onSync = (synced: boolean): void => {
      if (!synced) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    provider.on('sync', onSync);
  });
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
