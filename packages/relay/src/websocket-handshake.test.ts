import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { connect } from 'node:net';
import { type RecordingServer, clientFrame, rawClient, startRecordingServer, until } from './websocket.test-support.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(chosen?: string): Promise<RecordingServer> {
  const started = await startRecordingServer(chosen === undefined ? {} : { chosen });
  cleanups.push(() => started.close());
  return started;
}

describe('acceptWebSocket', () => {
  it('answers with the Sec-WebSocket-Accept of RFC 6455 §1.3 and no extensions, even when permessage-deflate is offered', async () => {
    const { port } = await server();
    const client = await rawClient(port, { 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits' });
    cleanups.push(() => void client.socket.destroy());
    expect(client.response).toMatch(/^HTTP\/1\.1 101 Switching Protocols\r\n/);
    expect(client.response).toContain('\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    expect(client.response.toLowerCase()).not.toContain('sec-websocket-extensions');
    expect(client.response.toLowerCase()).not.toContain('sec-websocket-protocol');
  });

  it('answers with the subprotocol the server chooses, and a ws client agrees', async () => {
    const { port, nextConnection } = await server('allmende.v1');
    const ws = new WebSocket(`ws://127.0.0.1:${port}`, ['allmende.token.abc.def', 'allmende.v1']);
    cleanups.push(() => ws.terminate());
    await new Promise((resolve) => ws.once('open', resolve));
    expect(ws.protocol).toBe('allmende.v1');
    expect((await nextConnection()).socket.protocol).toBe('allmende.v1');
  });

  it('refuses a request without a valid key, upgrade header or method with 400 and a reason', async () => {
    const { port, connections } = await server();
    const cases: Array<[Record<string, string | null>, string, RegExp]> = [
      [{ 'Sec-WebSocket-Key': null }, 'GET', /Sec-WebSocket-Key/],
      [{ 'Sec-WebSocket-Key': 'too-short' }, 'GET', /Sec-WebSocket-Key/],
      [{ Upgrade: 'h2c' }, 'GET', /Upgrade header/],
      [{}, 'POST', /GET request/],
      [{ 'Sec-WebSocket-Protocol': 'a, b c' }, 'GET', /Sec-WebSocket-Protocol/],
      [{ 'Sec-WebSocket-Protocol': 'a, a' }, 'GET', /Sec-WebSocket-Protocol/],
    ];
    for (const [headers, method, reason] of cases) {
      const client = await rawClient(port, headers, method);
      expect(client.response).toMatch(/^HTTP\/1\.1 400 Bad Request/);
      await client.closed;
      expect(client.body).toMatch(reason);
    }
    expect(connections).toEqual([]);
  });

  it('refuses another protocol version with 426 naming version 13', async () => {
    const { port, connections } = await server();
    const client = await rawClient(port, { 'Sec-WebSocket-Version': '8' });
    expect(client.response).toMatch(/^HTTP\/1\.1 426 Upgrade Required/);
    expect(client.response).toContain('\r\nSec-WebSocket-Version: 13');
    await client.closed;
    expect(client.body).toMatch(/version 13/);
    expect(connections).toEqual([]);
  });

  it('reads frames that arrive in the same packet as the handshake request', async () => {
    const { port, nextConnection } = await server();
    const socket = connect(port, '127.0.0.1');
    cleanups.push(() => void socket.destroy());
    await new Promise((resolve) => socket.once('connect', resolve));
    const request = `GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
    socket.write(Buffer.concat([Buffer.from(request), clientFrame({ opcode: 0x2, payload: Buffer.from([1, 2, 3]) })]));
    const recorded = await nextConnection();
    await until(() => recorded.messages.length === 1);
    expect(recorded.messages[0]).toEqual({ data: Buffer.from([1, 2, 3]), isBinary: true });
  });
});
