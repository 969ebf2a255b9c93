import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { SharedFrame } from './shared-frame.js';
import { type Recorded, startRecordingServer, until } from './websocket.test-support.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// A ServerWebSocket and a ws client connected to it, with what the client received.
async function connectedPair(): Promise<{ server: Recorded; client: WebSocket; received: Buffer[] }> {
  const started = await startRecordingServer();
  cleanups.push(() => started.close());
  const client = new WebSocket(`ws://127.0.0.1:${started.port}`);
  cleanups.push(() => client.terminate());
  const received: Buffer[] = [];
  client.on('message', (data: Buffer) => received.push(data));
  await new Promise((resolve) => client.once('open', resolve));
  return { server: await started.nextConnection(), client, received };
}

function bytes(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

const lengths = [0, 1, 125, 126, 127, 300, 65535, 65536, 70_000];

describe('SharedFrame', () => {
  it('frames a message once so that ws clients read it back byte for byte, at every length class', async () => {
    const { server, received } = await connectedPair();
    const messages = lengths.map((length, i) => bytes(length, i));
    for (const message of messages) {
      const shared = new SharedFrame(message);
      expect(new Uint8Array(shared.message)).toEqual(message);
      server.socket.sendFrame(shared.frame);
    }
    await until(() => received.length === messages.length);
    expect(received.map((data) => new Uint8Array(data))).toEqual(messages);
  });

  it('writes one frame to many sockets, in order with their own sends', async () => {
    const pairs = await Promise.all([connectedPair(), connectedPair(), connectedPair()]);
    const shared = new SharedFrame(bytes(200, 7));
    for (const { server } of pairs) {
      server.socket.send(bytes(3, 1));
      server.socket.sendFrame(shared.frame);
      server.socket.send(bytes(30_000, 2));
    }
    for (const { received } of pairs) {
      await until(() => received.length === 3);
      expect(received.map((data) => new Uint8Array(data))).toEqual([bytes(3, 1), bytes(200, 7), bytes(30_000, 2)]);
    }
  });

  it('puts a batch of messages back to back in one buffer, read back as separate messages', async () => {
    const { server, received } = await connectedPair();
    const messages = [bytes(5, 1), bytes(300, 2), bytes(70_000, 3)];
    const batch = SharedFrame.batch(messages)!;
    expect(batch.messages).toBe(3);
    expect(batch.payloadBytes).toBe(5 + 300 + 70_000);
    expect(new Uint8Array(batch.message)).toEqual(messages[0]);
    server.socket.sendFrame(batch.frame);
    await until(() => received.length === 3);
    expect(received.map((data) => new Uint8Array(data))).toEqual(messages);
    expect(SharedFrame.batch([])).toBeNull();
    expect(() => new SharedFrame([])).toThrow(RangeError);
  });

  it('is not written to a socket that is closing', async () => {
    const { server, client, received } = await connectedPair();
    const closed = new Promise<number>((resolve) => client.once('close', resolve));
    server.socket.close(1000);
    server.socket.sendFrame(new SharedFrame(bytes(10, 0)).frame);
    expect(await closed).toBe(1000);
    expect(received).toEqual([]);
  });
});
