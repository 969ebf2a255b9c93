import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ReadyState } from './server-websocket.js';
import {
  type RawClient,
  type RecordingServer,
  clientFrame,
  closeCodeOf,
  closePayload,
  rawClient,
  startRecordingServer,
  until,
} from './websocket.test-support.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(options: { maxPayload?: number; closeTimeoutMs?: number } = {}): Promise<RecordingServer> {
  const started = await startRecordingServer(options);
  cleanups.push(() => started.close());
  return started;
}

async function client(port: number): Promise<RawClient> {
  const opened = await rawClient(port);
  cleanups.push(() => void opened.socket.destroy());
  expect(opened.response).toMatch(/^HTTP\/1\.1 101 /);
  return opened;
}

const bytes = (length: number, seed = 0): Buffer => Buffer.from(Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff));
const text = (value: string): Buffer => Buffer.from(value, 'utf8');

// Sends `frames` and expects the server to close with `code`, report the error, and end the TCP connection.
async function expectProtocolClose(frames: Buffer[], code: number, messagePattern: RegExp): Promise<void> {
  const { port, nextConnection } = await server();
  const raw = await client(port);
  const recorded = await nextConnection();
  for (const frame of frames) raw.write(frame);
  await until(() => raw.frames.some((frame) => frame.opcode === 0x8));
  const close = raw.frames.find((frame) => frame.opcode === 0x8)!;
  expect(closeCodeOf(close)).toBe(code);
  expect(close.payload.subarray(2).toString()).toMatch(messagePattern);
  expect(recorded.errors.map((error) => error.closeCode)).toEqual([code]);
  expect(recorded.errors[0]!.message).toMatch(messagePattern);
  expect(recorded.messages).toEqual([]);
  // The server ends its side at once; once the client ends too, the connection is gone.
  await until(() => raw.ended);
  raw.socket.end();
  await until(() => recorded.closed !== null);
  expect(recorded.socket.readyState).toBe(ReadyState.closed);
}

describe('ServerWebSocket with the ws client', () => {
  it('exchanges binary and text messages of every length class, in order', async () => {
    const { port, nextConnection } = await server({ maxPayload: 200_000 });
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    cleanups.push(() => ws.terminate());
    const received: Buffer[] = [];
    ws.on('message', (data: Buffer) => received.push(data));
    await new Promise((resolve) => ws.once('open', resolve));
    const recorded = await nextConnection();
    const lengths = [0, 1, 125, 126, 65535, 65536, 70_000];
    for (const length of lengths) ws.send(bytes(length, length));
    ws.send('grüße ✓');
    await until(() => recorded.messages.length === lengths.length + 1);
    expect(recorded.messages.slice(0, -1).map((message) => [message.isBinary, message.data.equals(bytes(message.data.length, message.data.length))])).toEqual(lengths.map(() => [true, true]));
    expect(recorded.messages.map((message) => message.data.length).slice(0, -1)).toEqual(lengths);
    expect(recorded.messages.at(-1)).toEqual({ data: text('grüße ✓'), isBinary: false });
    for (const length of lengths) recorded.socket.send(bytes(length, length + 1));
    await until(() => received.length === lengths.length);
    expect(received.map((data) => data.equals(bytes(data.length, data.length + 1)))).toEqual(lengths.map(() => true));
  });

  it('assembles a fragmented message', async () => {
    const { port, nextConnection } = await server();
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    cleanups.push(() => ws.terminate());
    await new Promise((resolve) => ws.once('open', resolve));
    const recorded = await nextConnection();
    ws.send(bytes(10, 1), { fin: false });
    ws.send(bytes(20, 2), { fin: false });
    ws.send(bytes(5, 3), { fin: true });
    await until(() => recorded.messages.length === 1);
    expect(recorded.messages[0]!.data).toEqual(Buffer.concat([bytes(10, 1), bytes(20, 2), bytes(5, 3)]));
  });

  it('answers pings with the same payload and reports pongs to its own pings', async () => {
    const { port, nextConnection } = await server();
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    cleanups.push(() => ws.terminate());
    await new Promise((resolve) => ws.once('open', resolve));
    const recorded = await nextConnection();
    const pong = new Promise<Buffer>((resolve) => ws.once('pong', resolve));
    ws.ping(text('are you there'));
    expect((await pong).toString()).toBe('are you there');
    recorded.socket.ping();
    await until(() => recorded.pongs === 1);
  });

  it('closes with a code and reason the client sees, and reports the client\'s answer', async () => {
    const { port, nextConnection } = await server();
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    cleanups.push(() => ws.terminate());
    await new Promise((resolve) => ws.once('open', resolve));
    const recorded = await nextConnection();
    const closed = new Promise<[number, string]>((resolve) => ws.once('close', (code, reason) => resolve([code, reason.toString()])));
    recorded.socket.close(4403, 'no access to this document');
    expect(recorded.socket.readyState).toBe(ReadyState.closing);
    // Sends while closing are dropped, not thrown.
    recorded.socket.send(bytes(3));
    expect(await closed).toEqual([4403, 'no access to this document']);
    await until(() => recorded.closed !== null);
    // The ws client answers with the same code and reason.
    expect(recorded.closed).toEqual({ code: 4403, reason: 'no access to this document' });
    expect(recorded.errors).toEqual([]);
  });

  it('answers the client\'s close frame with the same code and reports its code and reason', async () => {
    const { port, nextConnection } = await server();
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    cleanups.push(() => ws.terminate());
    await new Promise((resolve) => ws.once('open', resolve));
    const recorded = await nextConnection();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.close(1000, 'bye');
    expect(await closed).toBe(1000);
    await until(() => recorded.closed !== null);
    expect(recorded.closed).toEqual({ code: 1000, reason: 'bye' });
  });

  it('refuses to send a code that may not be sent or a reason over 123 bytes', async () => {
    const { port, nextConnection } = await server();
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    cleanups.push(() => ws.terminate());
    await new Promise((resolve) => ws.once('open', resolve));
    const recorded = await nextConnection();
    expect(() => recorded.socket.close(1005)).toThrow(RangeError);
    expect(() => recorded.socket.close(4000, 'x'.repeat(124))).toThrow(/at most 123 bytes/);
    expect(recorded.socket.readyState).toBe(ReadyState.open);
  });
});

describe('ServerWebSocket against hostile frames', () => {
  it('closes with 1002 on an unmasked client frame', () =>
    expectProtocolClose([clientFrame({ opcode: 0x2, payload: bytes(4), masked: false })], 1002, /must be masked/));

  it('closes with 1002 on reserved bits', () => expectProtocolClose([clientFrame({ opcode: 0x2, payload: bytes(4), rsv: 4 })], 1002, /reserved bits/));

  it('closes with 1002 on unknown data and control opcodes', async () => {
    await expectProtocolClose([clientFrame({ opcode: 0x3, payload: bytes(4) })], 1002, /unknown opcode 3/);
    await expectProtocolClose([clientFrame({ opcode: 0xb })], 1002, /unknown opcode 11/);
  });

  it('closes with 1002 on a control frame over 125 bytes or a fragmented one', async () => {
    await expectProtocolClose([clientFrame({ opcode: 0x9, payload: bytes(126) })], 1002, /longer than 125/);
    await expectProtocolClose([clientFrame({ opcode: 0x9, payload: bytes(3), fin: false })], 1002, /must not be fragmented/);
  });

  it('closes with 1002 on a continuation without a start, and on a new message inside a fragmented one', async () => {
    await expectProtocolClose([clientFrame({ opcode: 0x0, payload: bytes(3) })], 1002, /without a message to continue/);
    await expectProtocolClose(
      [clientFrame({ opcode: 0x2, payload: bytes(3), fin: false }), clientFrame({ opcode: 0x1, payload: text('x') })],
      1002,
      /before the fragmented one ended/,
    );
  });

  it('closes with 1002 on a 64-bit length with the high bit set', () =>
    expectProtocolClose([clientFrame({ opcode: 0x2, announcedLength: 0x8000_0000_0000_0001n }).subarray(0, 14)], 1002, /most significant bit/));

  it('closes with 1009 when the header announces more than maxPayload, before any payload arrives', async () => {
    // Only the 14-byte header is sent: the close must come without waiting for the 4 GiB.
    await expectProtocolClose([clientFrame({ opcode: 0x2, announcedLength: 2n ** 32n }).subarray(0, 14)], 1009, /larger than 1024 bytes/);
    await expectProtocolClose([clientFrame({ opcode: 0x2, announcedLength: 1025n }).subarray(0, 8)], 1009, /larger than 1024 bytes/);
  });

  it('closes with 1009 when the fragments of one message add up to more than maxPayload', () =>
    expectProtocolClose(
      [clientFrame({ opcode: 0x2, payload: bytes(600), fin: false }), clientFrame({ opcode: 0x0, payload: bytes(600) })],
      1009,
      /larger than 1024 bytes/,
    ));

  it('closes with 1007 on a text message that is not UTF-8, also when split inside a character', async () => {
    await expectProtocolClose([clientFrame({ opcode: 0x1, payload: Buffer.from([0x61, 0xff, 0x62]) })], 1007, /not valid UTF-8/);
    const euro = text('€');
    const { port, nextConnection } = await server();
    const raw = await client(port);
    const recorded = await nextConnection();
    raw.write(clientFrame({ opcode: 0x1, payload: euro.subarray(0, 1), fin: false }));
    raw.write(clientFrame({ opcode: 0x0, payload: euro.subarray(1) }));
    await until(() => recorded.messages.length === 1);
    expect(recorded.messages[0]).toEqual({ data: euro, isBinary: false });
  });

  it('closes with 1002 on an invalid close code or a 1-byte close payload, and 1007 on a reason that is not UTF-8', async () => {
    for (const code of [999, 1004, 1005, 1006, 1015, 2000, 5000]) {
      await expectProtocolClose([clientFrame({ opcode: 0x8, payload: closePayload(code) })], 1002, new RegExp(`invalid close code ${code}`));
    }
    await expectProtocolClose([clientFrame({ opcode: 0x8, payload: Buffer.from([3]) })], 1002, /1-byte payload/);
    await expectProtocolClose([clientFrame({ opcode: 0x8, payload: closePayload(1000, Buffer.from([0xc3])) })], 1007, /reason is not valid UTF-8/);
  });

  it('handles control frames between the fragments of a message', async () => {
    const { port, nextConnection } = await server();
    const raw = await client(port);
    const recorded = await nextConnection();
    raw.write(clientFrame({ opcode: 0x2, payload: bytes(5, 1), fin: false }));
    raw.write(clientFrame({ opcode: 0x9, payload: text('ping in between') }));
    raw.write(clientFrame({ opcode: 0xa }));
    raw.write(clientFrame({ opcode: 0x0, payload: bytes(7, 2) }));
    await until(() => recorded.messages.length === 1);
    expect(recorded.messages[0]!.data).toEqual(Buffer.concat([bytes(5, 1), bytes(7, 2)]));
    expect(recorded.pongs).toBe(1);
    await until(() => raw.frames.length === 1);
    expect(raw.frames[0]).toEqual({ fin: true, opcode: 0xa, payload: text('ping in between') });
  });

  it('reads frames split over many TCP chunks, down to single bytes', async () => {
    const { port, nextConnection } = await server({ maxPayload: 100_000 });
    const raw = await client(port);
    const recorded = await nextConnection();
    const small = clientFrame({ opcode: 0x2, payload: bytes(40, 9) });
    for (const byte of small) {
      raw.write(Buffer.from([byte]));
      // Waiting for the write lets each byte leave as its own segment.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await until(() => recorded.messages.length === 1);
    expect(recorded.messages[0]!.data).toEqual(bytes(40, 9));
    const large = clientFrame({ opcode: 0x2, payload: bytes(70_000, 4) });
    for (let offset = 0; offset < large.length; offset += 997) raw.write(large.subarray(offset, offset + 997));
    await until(() => recorded.messages.length === 2);
    expect(recorded.messages[1]!.data.equals(bytes(70_000, 4))).toBe(true);
    expect(recorded.errors).toEqual([]);
  });

  it('reads many frames arriving in one chunk, in order', async () => {
    const { port, nextConnection } = await server();
    const raw = await client(port);
    const recorded = await nextConnection();
    const frames = Array.from({ length: 200 }, (_, i) => clientFrame({ opcode: i % 2 === 0 ? 0x2 : 0x1, payload: i % 2 === 0 ? bytes(i % 130, i) : text(`message ${i}`) }));
    raw.write(Buffer.concat(frames));
    await until(() => recorded.messages.length === 200);
    expect(recorded.messages.map((message, i) => (i % 2 === 0 ? message.data.equals(bytes(i % 130, i)) : message.data.toString() === `message ${i}`))).toEqual(frames.map(() => true));
  });

  it('reports a client that vanishes mid-frame as closed with 1006 and delivers nothing of the frame', async () => {
    const { port, nextConnection } = await server();
    const raw = await client(port);
    const recorded = await nextConnection();
    raw.write(clientFrame({ opcode: 0x2, payload: bytes(3) }));
    raw.write(clientFrame({ opcode: 0x2, payload: bytes(500) }).subarray(0, 100));
    await until(() => recorded.messages.length === 1);
    raw.socket.destroy();
    await until(() => recorded.closed !== null);
    expect(recorded.closed).toEqual({ code: 1006, reason: '' });
    expect(recorded.messages).toHaveLength(1);
    expect(recorded.errors).toEqual([]);
    expect(recorded.socket.readyState).toBe(ReadyState.closed);
  });

  it('destroys a connection whose client never answers the close frame, after the close timeout', async () => {
    const { port, nextConnection } = await server({ closeTimeoutMs: 50 });
    const raw = await client(port);
    const recorded = await nextConnection();
    recorded.socket.close(1001, 'going away');
    await until(() => raw.frames.length === 1);
    expect(closeCodeOf(raw.frames[0])).toBe(1001);
    // The client neither answers nor ends its side.
    await raw.closed;
    await until(() => recorded.closed !== null);
    expect(recorded.closed).toEqual({ code: 1006, reason: '' });
  });

  it('drops data messages a client sends after the server\'s close frame and still reads its answer', async () => {
    const { port, nextConnection } = await server();
    const raw = await client(port);
    const recorded = await nextConnection();
    recorded.socket.close(4000, 'done');
    raw.write(clientFrame({ opcode: 0x2, payload: bytes(3) }));
    raw.write(clientFrame({ opcode: 0x8, payload: closePayload(4000) }));
    await raw.closed;
    await until(() => recorded.closed !== null);
    expect(recorded.closed).toEqual({ code: 4000, reason: '' });
    expect(recorded.messages).toEqual([]);
  });

  it('holds messages back while paused and delivers them on resume', async () => {
    const { port, nextConnection } = await server();
    const raw = await client(port);
    const recorded = await nextConnection();
    recorded.socket.pause();
    raw.write(Buffer.concat([clientFrame({ opcode: 0x2, payload: bytes(3, 1) }), clientFrame({ opcode: 0x2, payload: bytes(3, 2) })]));
    // Time for the bytes to arrive; nothing may be delivered while paused.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(recorded.messages).toEqual([]);
    recorded.socket.resume();
    await until(() => recorded.messages.length === 2);
    expect(recorded.messages.map((message) => message.data)).toEqual([bytes(3, 1), bytes(3, 2)]);
  });

  it('answers a client close frame without a code with an empty close frame, reported as 1005', async () => {
    const { port, nextConnection } = await server();
    const raw = await client(port);
    const recorded = await nextConnection();
    raw.write(clientFrame({ opcode: 0x8 }));
    await until(() => raw.frames.length === 1 && raw.ended);
    expect(raw.frames[0]).toEqual({ fin: true, opcode: 0x8, payload: Buffer.alloc(0) });
    raw.socket.end();
    await until(() => recorded.closed !== null);
    expect(recorded.closed).toEqual({ code: 1005, reason: '' });
  });
});
