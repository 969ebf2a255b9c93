import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A y-websocket client in Node, as any stock client would connect to the relay. */
export interface YjsClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** How {@link connectClient} connects: the WebSocket class y-websocket uses, and how long to wait for the sync. */
export interface ConnectOptions {
  /** Shaped as the `WebSocket` constructor (default: `ws` with its defaults). */
  webSocket?: new (url: string | URL, protocols?: string | string[]) => WebSocket;
  /** Default 60 s; a big document takes the relay a while to encode. */
  timeoutMs?: number;
}

/** Connects `doc` (a new one by default) to a document on the relay and waits until it has synced. */
export async function connectClient(relayUrl: string, document: string, doc = new Y.Doc(), options: ConnectOptions = {}): Promise<YjsClient> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const provider = new WebsocketProvider(relayUrl, document, doc, {
    WebSocketPolyfill: (options.webSocket ?? WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const client: YjsClient = {
    doc,
    provider,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.destroy();
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
  return client;
}

/** Resolves once every update `client` made has been sent and the relay has nothing left to send back. */
export async function waitUntilFlushed(client: YjsClient): Promise<void> {
  const ws = client.provider.ws as unknown as WebSocket | null;
  while (ws && ws.bufferedAmount > 0) await new Promise((r) => setTimeout(r, 20));
}
