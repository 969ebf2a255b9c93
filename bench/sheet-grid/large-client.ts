import WebSocket from 'ws';
import * as Y from 'yjs';
import { connectClient } from '../doc-editor/yjs-client.js';
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
export function connectLargeClient(relayUrl: string, document: string, timeoutMs = 300_000): Promise<YjsClient> {
  return connectClient(relayUrl, document, new Y.Doc(), { webSocket: LargeWebSocket, timeoutMs });
}
