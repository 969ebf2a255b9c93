import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { SharedFrame, sendShared } from './shared-frame.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

// A ws server and one client connected to it; resolves with the server's side of the socket.
async function connectedPair(serverOptions: { perMessageDeflate?: boolean } = {}): Promise<{ server: WebSocket; client: WebSocket; received: Buffer[] }> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', ...serverOptions });
  cleanups.push(() => wss.close());
  await new Promise((resolve) => wss.once('listening', resolve));
  const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
  cleanups.push(() => client.terminate());
  const received: Buffer[] = [];
  client.on('message', (data: Buffer) => received.push(data));
  await new Promise((resolve) => client.once('open', resolve));
  return { server: await serverSide, client, received };
}

function bytes(length: number, seed: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const lengths = [0, 1, 125, 126, 127, 300, 65535, 65536, 70_000];

describe('SharedFrame', () => {
  it('frames a message once so that ws clients read it back byte for byte, at every length class', async () => {
    const { server, received } = await connectedPair();
    const messages = lengths.map((length, i) => bytes(length, i));
    const errors: unknown[] = [];
    const direct = messages.map((message) => sendShared(server, new SharedFrame(message), (error) => error && errors.push(error)));
    expect(direct).toEqual(messages.map(() => true));
    await until(() => received.length === messages.length);
    expect(received.map((data) => new Uint8Array(data))).toEqual(messages);
    expect(errors).toEqual([]);
  });

  it('writes one frame to many sockets, in order with what ws itself sends', async () => {
    const pairs = await Promise.all([connectedPair(), connectedPair(), connectedPair()]);
    const shared = new SharedFrame(bytes(200, 7));
    for (const { server } of pairs) {
      server.send(bytes(3, 1));
      sendShared(server, shared, () => {});
      server.send(bytes(3, 2));
    }
    for (const { received } of pairs) {
      await until(() => received.length === 3);
      expect(received.map((data) => new Uint8Array(data))).toEqual([bytes(3, 1), bytes(200, 7), bytes(3, 2)]);
    }
  });

  it('lets ws send the message when permessage-deflate is negotiated', async () => {
    const { server, client, received } = await connectedPair({ perMessageDeflate: true });
    expect(client.extensions).toContain('permessage-deflate');
    // A compressible message larger than ws's 1 KiB threshold: ws compresses it, a raw frame would break the stream.
    const messages = [new Uint8Array(5000).fill(65), bytes(300, 3)];
    const direct = messages.map((message) => sendShared(server, new SharedFrame(message), () => {}));
    expect(direct).toEqual([false, false]);
    await until(() => received.length === messages.length);
    expect(received.map((data) => new Uint8Array(data))).toEqual(messages);
  });

  it('reports a send on a closed socket to onError instead of throwing', async () => {
    const { server, client } = await connectedPair();
    const closed = new Promise((resolve) => server.once('close', resolve));
    client.close();
    await closed;
    const errors: Array<Error | null | undefined> = [];
    expect(sendShared(server, new SharedFrame(bytes(10, 0)), (error) => errors.push(error))).toBe(false);
    await until(() => errors.length === 1);
    expect(errors[0]).toBeInstanceOf(Error);
  });
});
