// Back-pressure and batching on real sockets: a client that stops reading may not grow the relay's
// memory without bound, and updates that queue up together reach everyone but their senders.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { type RawClient as WsClient, cleanups, connectClient, connectRaw, runCleanups, startTestRelay, synced } from './auth.test-support.js';
import { tooSlowCloseCode } from './client-connection.js';
import { syncUpdateMessage } from './hostile-updates.test-support.js';
import type { Relay } from './index.js';
import { type RawClient as TcpClient, clientFrame, rawClient } from './websocket.test-support.js';

afterEach(() => runCleanups());

const patiently = { timeout: 60_000, interval: 20 };
// Megabytes through a relay on a machine that may be busy.
const slowTest = 120_000;
const kib = 1024;

function logger(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

/** `count` updates of one writer, each appending `size` characters (ASCII, so as many bytes and more). */
function bigUpdates(count: number, size: number, seed = 'a'): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('content');
  for (let i = 0; i < count; i++) text.insert(text.length, `${seed}${i}:`.padEnd(size, seed));
  return updates;
}

const isUpdate = (message: Uint8Array): boolean => message[0] === 0 && message[1] === 2;

/**
 * A raw TCP WebSocket client of document "test" (the path rawClient asks for), once the relay's
 * first message arrived; with `hello` it has sent sync step 1 first. It reads until paused.
 */
async function tcpClient(relay: Relay, hello: boolean): Promise<TcpClient> {
  const client = await rawClient(relay.port);
  expect(client.response).toMatch(/^HTTP\/1\.1 101/);
  cleanups.push(() => void client.socket.destroy());
  if (hello) client.write(clientFrame({ opcode: 2, payload: syncStep1 }));
  await vi.waitFor(() => expect(client.frames.length).toBeGreaterThan(0), patiently);
  return client;
}

const syncStep1 = new Uint8Array([0, 0, 1, 0]);

async function metric(relay: Relay, line: string): Promise<number> {
  const text = await (await fetch(`${relay.url}/metrics`)).text();
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? 0 : Number(found.slice(line.length + 1));
}

const tooSlowMetric = 'allmende_relay_closed_connections_total{reason="too_slow"}';

describe('a client that does not read', () => {
  it('is closed with 1013 once more than the bound waits for it; its buffer stays bounded and the others get everything', async () => {
    const { lines, log } = logger();
    const limit = 256 * kib;
    const relay = await startTestRelay({ limits: { maxBufferedBytes: limit }, logger: log });
    // rawClient connects to "/test": every client here is on document "test".
    const slow = await tcpClient(relay, true);
    const fast = await connectRaw(`${relay.wsUrl}/test`);
    const writer = await connectRaw(`${relay.wsUrl}/test`);
    slow.socket.pause();

    // 8 MiB of updates: more than the kernel's socket buffers take for a socket that does not read
    // (the sender's grows to 4 MiB at most here, a receiver's only as its application reads).
    // Each update is sent once the fast client has the one before: the bound applies to every client, and a
    // busy machine must not make the fast one (in this test's own process) fall behind by more than one update.
    const updates = bigUpdates(64, 128 * kib);
    for (const [index, update] of updates.entries()) {
      writer.socket.send(syncUpdateMessage(update));
      await vi.waitFor(() => expect(fast.messages.filter(isUpdate).length).toBe(index + 1), patiently);
    }

    // The slow client was closed once, with the reason logged and counted.
    const closing = lines.filter((line) => line.includes(`with ${tooSlowCloseCode}:`));
    expect(closing).toHaveLength(1);
    expect(await metric(relay, tooSlowMetric)).toBe(1);
    // What waited for it when it was closed: the bound, plus at most what one tick sends (the
    // updates stored together go out in one write; here a few of the 128 KiB ones at most).
    const waited = Number(/: (\d+) bytes waited to be sent/.exec(closing[0]!)?.[1]);
    expect(waited).toBeGreaterThan(limit);
    expect(waited).toBeLessThanOrEqual(limit + 4096 * kib);

    // The others were not held up: the fast client has every update in order, the writer is open.
    const received = fast.messages.filter(isUpdate).map((message) => Buffer.from(message).toString('latin1'));
    expect(received).toEqual(updates.map((update) => Buffer.from(syncUpdateMessage(update)).toString('latin1')));
    expect(writer.socket.readyState).toBe(writer.socket.OPEN);

    // Reading again, the slow client gets what was queued before the bound, then the close frame with 1013.
    slow.socket.resume();
    await slow.closed;
    const close = slow.frames.find((frame) => frame.opcode === 8);
    expect(close?.payload.readUInt16BE(0)).toBe(tooSlowCloseCode);
    expect(close?.payload.subarray(2).toString()).toMatch(/^too slow/);
    const slowUpdates = slow.frames.filter((frame) => frame.opcode === 2 && isUpdate(frame.payload));
    expect(slowUpdates.length).toBeGreaterThan(0);
    expect(slowUpdates.length).toBeLessThan(updates.length);
  }, slowTest);

  it('may fall behind by its own large sync reply, not by more, and asking for more while behind closes it', async () => {
    const { lines, log } = logger();
    const limit = 64 * kib;
    const relay = await startTestRelay({ limits: { maxBufferedBytes: limit }, logger: log });
    const applied = 'allmende_relay_update_apply_seconds_count';
    const writer = await connectRaw(`${relay.wsUrl}/test`);
    // An 8 MiB document: its sync step 2 alone is far beyond the bound and the kernel's buffers.
    const content = bigUpdates(8, 1024 * kib, 'b');
    for (const update of content) writer.socket.send(syncUpdateMessage(update));
    await vi.waitFor(async () => expect(await metric(relay, applied)).toBe(content.length), patiently);
    const isWholeDocument = (payload: Uint8Array): boolean => payload[0] === 0 && payload[1] === 1 && payload.byteLength > 8 * 1024 * kib;

    // The reader stops reading, then asks for everything: its answer waits in the relay.
    const reader = await tcpClient(relay, false);
    reader.socket.pause();
    reader.write(clientFrame({ opcode: 2, payload: syncStep1 }));
    // Small updates still queue for it: it is behind only by what it asked for.
    const small = bigUpdates(8, 4 * kib, 'c');
    for (const update of small) writer.socket.send(syncUpdateMessage(update));
    await vi.waitFor(async () => expect(await metric(relay, applied)).toBe(content.length + small.length), patiently);
    // Time for the relay to have sent them (they go out after the tick they were stored in).
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lines.filter((line) => line.includes(`with ${tooSlowCloseCode}:`))).toEqual([]);
    expect(await metric(relay, tooSlowMetric)).toBe(0);

    // Asking for the whole document again while the first answer still waits earns no second
    // allowance: that answer is queued, and the next update finds the reader beyond the bound.
    reader.write(clientFrame({ opcode: 2, payload: syncStep1 }));
    const late = bigUpdates(2, 4 * kib, 'd');
    for (const update of late) writer.socket.send(syncUpdateMessage(update));
    await vi.waitFor(async () => expect(await metric(relay, tooSlowMetric)).toBe(1), patiently);

    // Reading again, it gets both answers and the small updates, then the close frame: no late update.
    reader.socket.resume();
    await reader.closed;
    const payloads = reader.frames.filter((frame) => frame.opcode === 2).map((frame) => frame.payload);
    expect(payloads.filter(isWholeDocument)).toHaveLength(2);
    expect(payloads.filter(isUpdate).map((payload) => Buffer.from(payload).toString('latin1'))).toEqual(
      small.map((update) => Buffer.from(syncUpdateMessage(update)).toString('latin1')),
    );
    expect(reader.frames.at(-1)?.opcode).toBe(8);
    expect(reader.frames.at(-1)?.payload.readUInt16BE(0)).toBe(tooSlowCloseCode);
  }, slowTest);
});

describe('updates that queue up together', () => {
  it('reach every client but their sender, each update once and in order', async () => {
    const relay = await startTestRelay({ limits: { messagesPerSecond: 10_000, messageBurst: 10_000 } });
    const clients: WsClient[] = [];
    for (let i = 0; i < 3; i++) clients.push(await connectRaw(`${relay.wsUrl}/burst`));
    const [alice, bob, carol] = clients as [WsClient, WsClient, WsClient];
    const fromAlice = bigUpdates(200, 20, 'a').map(syncUpdateMessage);
    const fromBob = bigUpdates(200, 20, 'b').map(syncUpdateMessage);
    // Sent interleaved and at once, so that the relay stores many in one tick and sends them together.
    for (let i = 0; i < fromAlice.length; i++) {
      alice.socket.send(fromAlice[i]!);
      bob.socket.send(fromBob[i]!);
    }
    const text = (messages: Uint8Array[]): string[] => messages.filter(isUpdate).map((message) => Buffer.from(message).toString('latin1'));
    await vi.waitFor(() => expect(text(carol.messages)).toHaveLength(400), patiently);
    await vi.waitFor(() => expect(text(alice.messages)).toHaveLength(200), patiently);
    await vi.waitFor(() => expect(text(bob.messages)).toHaveLength(200), patiently);
    const own = (messages: Uint8Array[]): string[] => messages.map((message) => Buffer.from(message).toString('latin1'));
    // Each sender got exactly the other's updates, in the order sent; nothing of its own.
    expect(text(alice.messages)).toEqual(own(fromBob));
    expect(text(bob.messages)).toEqual(own(fromAlice));
    // The third got both streams, each in its own order.
    const seen = text(carol.messages);
    expect(seen.filter((message) => own(fromAlice).includes(message))).toEqual(own(fromAlice));
    expect(seen.filter((message) => own(fromBob).includes(message))).toEqual(own(fromBob));
    // And the relay holds all of it: a late client syncs to the text of both.
    const late = connectClient(relay, 'burst');
    await synced(late);
    expect(late.doc.getText('content').length).toBe(400 * 20);
  });
});
