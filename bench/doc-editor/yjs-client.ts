import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A y-websocket client in Node, as any stock client would connect to the relay. */
export interface YjsClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** Connects `doc` (a new one by default) to a document on the relay and waits until it has synced. */
export async function connectClient(relayUrl: string, document: string, doc = new Y.Doc()): Promise<YjsClient> {
  const provider = new WebsocketProvider(relayUrl, document, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync with ${relayUrl} for ${document} within 60 s`)), 60_000);
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

/** Resolves once every update `client` made has been sent and the relay has nothing left to send back. */
export async function waitUntilFlushed(client: YjsClient): Promise<void> {
  const ws = client.provider.ws as unknown as WebSocket | null;
  while (ws && ws.bufferedAmount > 0) await new Promise((r) => setTimeout(r, 20));
}
