// A seeded fuzz test against the real relay: thousands of random and mutated frames over many
// connections while an honest client writes. The relay must stay up and bounded, the honest edits
// must all arrive, and what is stored must be exactly what the honest clients hold.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { awarenessMessage } from './auth.test-support.js';
import { syncUpdateMessage } from './hostile-updates.test-support.js';
import { type Relay, startRelay } from './index.js';
import { readStoredUpdates } from './sqlite.test-support.js';

const frameCount = 10_000;
const laneCount = 50;
const documentName = 'fuzz/target';
const writerId = 1_234_567_891;
const observerId = 1_987_654_321;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Exposes the garbage collector (when node was not started with --expose-gc), for heap readings.
function collectGarbage(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function connect(relay: Relay, clientID: number): Client {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const provider = new WebsocketProvider(relay.wsUrl, documentName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.awareness.setLocalState({ user: `honest ${clientID}` });
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider };
}

function synced(client: Client): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => client.provider.once('sync', (isSynced: boolean) => isSynced && resolve()));
}

/** Real y-websocket messages of every kind, from documents whose clients are not the honest ones. */
function corpus(gen: prng.PRNG): Uint8Array[] {
  const messages: Uint8Array[] = [new Uint8Array([3])];
  for (const clientID of [7, 8, 9]) {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    doc.on('update', (update: Uint8Array) => messages.push(syncUpdateMessage(update)));
    const text = doc.getText('fuzz-text');
    const map = doc.getMap<unknown>('fuzz-map');
    const array = doc.getArray<unknown>('fuzz-array');
    const xml = doc.getXmlFragment('fuzz-xml');
    for (let i = 0; i < 12; i++) {
      text.insert(prng.int32(gen, 0, text.length), prng.utf16String(gen, 8));
      if (text.length > 4) text.delete(prng.int32(gen, 0, text.length - 2), 1);
      text.format(0, Math.min(2, text.length), { bold: prng.bool(gen) });
      map.set(prng.word(gen, 1, 4), prng.oneOf(gen, [1, 'two', null, true, 2.5, { nested: [1, { deep: 'x' }] }, new Uint8Array([1, 2])]));
      array.insert(0, [prng.int32(gen, 0, 100), prng.word(gen)]);
      if (i % 4 === 0) map.set(`type${i}`, new Y.Map());
      if (i % 4 === 1) xml.insert(0, [new Y.XmlElement('p'), new Y.XmlText('t')]);
    }
    const state = Y.encodeStateAsUpdate(doc);
    const stateVector = Y.encodeStateVector(doc);
    messages.push(sync(1, state), sync(0, stateVector), sync(0, new Uint8Array([0])));
    messages.push(awarenessMessage([[clientID, 1, { user: { name: `fuzzer ${clientID}`, color: '#123456' }, cursor: { anchor: 3 } }]]));
    messages.push(awarenessMessage([[clientID, 2, null]]));
    messages.push(awarenessMessage([[clientID + 100, 5, 'not an object'], [clientID + 200, 1, [1, 2, 3]]]));
  }
  return messages;
}

function sync(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** One hostile frame: a corpus message, mutated in one or two ways, or random bytes. */
function fuzzFrame(gen: prng.PRNG, messages: Uint8Array[]): Uint8Array {
  let frame: Uint8Array = prng.oneOf(gen, messages).slice();
  const rounds = prng.int32(gen, 1, 2);
  for (let round = 0; round < rounds; round++) frame = mutate(gen, frame, messages);
  return frame;
}

function mutate(gen: prng.PRNG, frame: Uint8Array, messages: Uint8Array[]): Uint8Array {
  const at = (length: number): number => prng.int32(gen, 0, Math.max(0, length - 1));
  switch (prng.int32(gen, 0, 9)) {
    case 0:
    case 1: {
      // Bit flips.
      const out = frame.slice();
      for (let flips = prng.int32(gen, 1, 4); flips > 0 && out.length > 0; flips--) {
        const i = at(out.length);
        out[i] = out[i]! ^ (1 << prng.int32(gen, 0, 7));
      }
      return out;
    }
    case 2:
      // Truncation.
      return frame.slice(0, prng.int32(gen, 0, frame.length));
    case 3: {
      // Varint inflation: the same value written with redundant continuation bytes.
      const i = at(frame.length);
      const byte = frame[i] ?? 0;
      if (byte >= 0x80) return frame;
      const padding = new Array<number>(prng.int32(gen, 1, 12)).fill(0x80);
      return Uint8Array.from([...frame.subarray(0, i), byte | 0x80, ...padding, 0x00, ...frame.subarray(i + 1)]);
    }
    case 4: {
      // A huge varint where a small one was.
      const i = at(frame.length);
      const huge = prng.oneOf(gen, [[0xff, 0xff, 0xff, 0xff, 0x0f], [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]]);
      return Uint8Array.from([...frame.subarray(0, i), ...huge, ...frame.subarray(i + 1)]);
    }
    case 5: {
      // Type swaps: another message type or sync step.
      const out = frame.slice();
      if (out.length === 0) return out;
      if (prng.bool(gen) || out.length < 2) out[0] = prng.int32(gen, 0, 4);
      else out[1] = prng.int32(gen, 0, 3);
      return out;
    }
    case 6:
      // Random bytes.
      return prng.uint8Array(gen, prng.int32(gen, 0, 64));
    case 7: {
      // Splices: a prefix of one message and the rest of another.
      const other = prng.oneOf(gen, messages);
      return Uint8Array.from([...frame.subarray(0, at(frame.length)), ...other.subarray(at(other.length))]);
    }
    case 8: {
      // A random run of bytes overwritten.
      const out = frame.slice();
      const start = at(out.length);
      for (let i = start; i < Math.min(out.length, start + prng.int32(gen, 1, 8)); i++) out[i] = prng.int32(gen, 0, 255);
      return out;
    }
    default:
      // Unchanged: valid messages belong in the mix too.
      return frame;
  }
}

// Whether the relay would read `frame` as sync step 1, which it answers with sync step 2.
function isSyncStep1(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 0;
  } catch {
    return false;
  }
}

/**
 * A hostile connection that sends one frame at a time, each followed by a sync step 1 probe, and
 * counts a frame as processed once the relay answered the probe (it handles a connection's
 * messages in order) or closed the connection (it was the frame: the probe is valid).
 */
class Lane {
  #socket: WebSocket | null = null;
  #replies = 0;
  #expected = 0;
  #wake: (() => void) | null = null;
  closedByRelay = 0;

  constructor(private readonly url: string) {}

  async send(frame: Uint8Array, probe: Uint8Array): Promise<void> {
    const socket = this.#socket ?? (await this.#open());
    this.#expected += isSyncStep1(frame) ? 2 : 1;
    const done = new Promise<void>((resolve) => (this.#wake = resolve));
    socket.send(frame);
    socket.send(probe);
    await done;
  }

  close(): void {
    this.#socket?.terminate();
  }

  #open(): Promise<WebSocket> {
    const socket = new WebSocket(this.url);
    this.#replies = 0;
    this.#expected = 0;
    socket.on('message', (data: Buffer) => {
      // Sync step 2 ([0, 1, …]) only ever answers this connection's own sync step 1.
      if (data[0] === 0 && data[1] === 1 && ++this.#replies >= this.#expected) this.#wakeUp();
    });
    socket.on('close', () => {
      if (this.#socket === socket) this.#socket = null;
      this.closedByRelay++;
      this.#wakeUp();
    });
    socket.on('error', () => {});
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        this.#socket = socket;
        resolve(socket);
      });
      socket.once('error', reject);
    });
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }
}

describe('relay under fuzzing', () => {
  // About 10 s alone; the timeout leaves room for a busy machine running other suites alongside (it took 60–130 s at a load average of 14–20).
  it('stays up, bounded and correct through 10,000 random and mutated frames over 50 connections', { timeout: 120_000 }, async () => {
    const gen = prng.create(0x5eed);
    const dataDir = await mkdtemp(join(tmpdir(), 'allmende-relay-fuzz-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const logLines: string[] = [];
    // Many lanes reconnect at once; the connection limit is tested elsewhere.
    const relay = await startRelay({ port: 0, dataDir, limits: { connectionsPerAddress: 10_000 }, logger: (line) => logLines.push(line) });
    let relayOpen = true;
    cleanups.push(() => (relayOpen ? relay.close() : undefined));

    const writer = connect(relay, writerId);
    const observer = connect(relay, observerId);
    await Promise.all([synced(writer), synced(observer)]);
    const gc = collectGarbage();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;

    const messages = corpus(gen);
    const words: string[] = [];
    const typing = setInterval(() => {
      const word = `w${words.length} `;
      words.push(word);
      writer.doc.getText('content').insert(writer.doc.getText('content').length, word);
    }, 15);

    const lanes = Array.from({ length: laneCount }, () => new Lane(`${relay.wsUrl}/${documentName}`));
    let sent = 0;
    try {
      await Promise.all(
        lanes.map(async (lane) => {
          while (sent < frameCount) {
            sent++;
            // The observer's state vector keeps the probe's answer small.
            await lane.send(fuzzFrame(gen, messages), sync(0, Y.encodeStateVector(observer.doc)));
          }
        }),
      );
    } finally {
      clearInterval(typing);
      for (const lane of lanes) lane.close();
    }
    expect(sent).toBeGreaterThanOrEqual(frameCount);
    // Most frames are malformed, so most connections ended; some frames were valid and applied.
    const closed = lanes.reduce((sum, lane) => sum + lane.closedByRelay, 0);
    expect(closed).toBeGreaterThan(frameCount / 4);
    expect(logLines.some((line) => line.includes('with 4400'))).toBe(true);

    // The relay is up, and the observer saw every honest edit, in order.
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    const expected = words.join('');
    await vi.waitFor(() => expect(observer.doc.getText('content').toString()).toBe(expected), { timeout: 10_000, interval: 20 });
    expect(writer.provider.wsconnected && observer.provider.wsconnected).toBe(true);

    // Memory is bounded: whatever the fuzzing allocated is gone again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    gc();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(heapGrowth).toBeLessThan(32 * 1024 * 1024);

    // After a restart the stored document is exactly what the honest clients hold: the honest
    // text, and the same structs and deletions (valid fuzz updates reached them too).
    writer.provider.destroy();
    observer.provider.destroy();
    relayOpen = false;
    await relay.close();
    const rows = readStoredUpdates(dataDir, documentName);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.mergeUpdates(rows));
    expect(stored.getText('content').toString()).toBe(expected);
    expect(Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(writer.doc))).toBe(true);
    // Valid frames were among them, and were stored and forwarded like any other update.
    const storedClients = [...Y.decodeStateVector(Y.encodeStateVector(stored)).keys()];
    expect(storedClients.some((client) => client !== writerId && client !== observerId)).toBe(true);

    const restarted = await startRelay({ port: 0, dataDir });
    cleanups.push(() => restarted.close());
    const reader = connect(restarted, 42);
    await synced(reader);
    await vi.waitFor(() => expect(reader.doc.getText('content').toString()).toBe(expected), { timeout: 10_000, interval: 20 });
  });
});
