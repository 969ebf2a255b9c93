import WebSocket from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';

// y-websocket message types and sync steps (y-protocols).
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

function writeVarUint(out: number[], value: number): void {
  let v = value;
  while (v > 0x7f) {
    out.push(0x80 | (v & 0x7f));
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** A y-websocket message: the type, optionally a sync step, then the payload with its length. */
function frame(head: number[], payload: Uint8Array): Uint8Array {
  const prefix: number[] = [];
  for (const h of head) writeVarUint(prefix, h);
  writeVarUint(prefix, payload.length);
  const out = new Uint8Array(prefix.length + payload.length);
  out.set(prefix);
  out.set(payload, prefix.length);
  return out;
}

function readVarUint(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0;
  let mult = 1;
  for (;;) {
    const b = bytes[at.pos++]!;
    value += (b & 0x7f) * mult;
    if (b < 0x80) return value;
    mult *= 128;
  }
}

/**
 * A second, light connection to the document that proves what the relay has stored: the relay persists an update
 * before it broadcasts it, so a clock seen here in a broadcast update is on the relay. It keeps no Y.Doc (it only
 * reads each update's state vector), and it publishes a presence state every 10 s, which the relay forwards to the
 * seeding client, so that client's y-websocket does not drop the connection after 30 s without a message.
 */
export class RelayWatcher {
  private readonly clocks = new Map<number, number>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly awareness = new Awareness(new Y.Doc());
  private ws: WebSocket | null = null;
  private stopped = false;
  private lastClose = '';

  private constructor(private readonly url: string) {
    this.awareness.setLocalState({ user: { name: 'benchmark watcher', color: '#888888' } });
    const beat = (): void => {
      this.awareness.setLocalState({ user: { name: 'benchmark watcher', color: '#888888' }, at: Date.now() });
      const ws = this.ws;
      if (ws?.readyState === WebSocket.OPEN) ws.send(frame([MESSAGE_AWARENESS], encodeAwarenessUpdate(this.awareness, [this.awareness.clientID])));
    };
    this.timer = setInterval(beat, 10_000);
  }

  /** Connects to `document` on the relay (before anything is written, so the first sync is small). */
  static async connect(relayUrl: string, document: string): Promise<RelayWatcher> {
    const watcher = new RelayWatcher(`${relayUrl}/${document}`);
    await watcher.open();
    return watcher;
  }

  /**
   * Opens the connection and asks for what the relay holds beyond the clocks seen so far (sync step 1). The relay
   * drops connections whose process does not answer its pings in time, as a seeding process busy in the engine may
   * not; the watcher then connects again and catches up from the relay's answer.
   */
  private async open(): Promise<void> {
    if (this.stopped) return;
    const ws = new WebSocket(this.url, { maxPayload: 1024 * 1024 * 1024 });
    this.ws = ws;
    ws.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    ws.on('close', (code: number, reason: Buffer) => {
      this.lastClose = `${code} ${reason.toString()}`;
      if (this.ws === ws) this.ws = null;
      if (!this.stopped) setTimeout(() => void this.open().catch(() => {}), 500);
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.send(frame([MESSAGE_SYNC, 0], Y.encodeStateVector(this.clocks)));
    ws.send(frame([MESSAGE_AWARENESS], encodeAwarenessUpdate(this.awareness, [this.awareness.clientID])));
  }

  private onMessage(bytes: Uint8Array): void {
    const at = { pos: 0 };
    if (readVarUint(bytes, at) !== MESSAGE_SYNC) return;
    const step = readVarUint(bytes, at);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return;
    const length = readVarUint(bytes, at);
    const update = bytes.subarray(at.pos, at.pos + length);
    // The clock after the update's last struct per client (a state vector from an update counts only clients whose
    // structs start at clock 0, which later chunks do not).
    for (const [client, clock] of Y.parseUpdateMeta(update).to) {
      if ((this.clocks.get(client) ?? 0) < clock) this.clocks.set(client, clock);
    }
  }

  /** Resolves once the relay has stored everything `doc` wrote (its own client's clock). */
  async until(doc: Y.Doc, timeoutMs: number): Promise<void> {
    const want = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
    const deadline = Date.now() + timeoutMs;
    while ((this.clocks.get(doc.clientID) ?? 0) < want) {
      if (Date.now() > deadline) throw new Error(`the relay did not store the seeded rows within ${timeoutMs / 1000} s (watcher's last close: ${this.lastClose || 'none'})`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Closes the connection. */
  close(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.awareness.destroy();
    this.ws?.close();
  }
}
