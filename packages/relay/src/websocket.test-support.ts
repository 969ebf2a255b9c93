// Test helpers for the WebSocket framing: a server that records what its ServerWebSockets report,
// and a raw TCP client that sends hand-made frames and parses what the server sends back.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, type Socket, connect } from 'node:net';
import type { ServerWebSocket, WebSocketContext, WebSocketProtocolError } from './server-websocket.js';
import { acceptWebSocket } from './websocket-handshake.js';

/** What one server-side connection reported to its handlers. */
export interface Recorded {
  socket: ServerWebSocket;
  messages: Array<{ data: Buffer; isBinary: boolean }>;
  pongs: number;
  errors: WebSocketProtocolError[];
  closed: { code: number; reason: string } | null;
}

/** A server of ServerWebSockets on 127.0.0.1 and what each connection reported, in accept order. */
export interface RecordingServer {
  port: number;
  connections: Recorded[];
  /** Resolves with the next connection to be accepted (or the first not yet taken). */
  nextConnection(): Promise<Recorded>;
  close(): Promise<void>;
}

/** Starts a recording server with `maxPayload` and `closeTimeoutMs`; subprotocol `chosen` is answered when offered. */
export async function startRecordingServer(options: { maxPayload?: number; closeTimeoutMs?: number; chosen?: string } = {}): Promise<RecordingServer> {
  const records = new Map<ServerWebSocket, Recorded>();
  const connections: Recorded[] = [];
  const waiters: Array<() => void> = [];
  const record = (socket: ServerWebSocket): Recorded => records.get(socket)!;
  const context: WebSocketContext = {
    maxPayload: options.maxPayload ?? 1024,
    closeTimeoutMs: options.closeTimeoutMs ?? 5_000,
    handlers: {
      message: (socket, data, isBinary) => record(socket).messages.push({ data: Buffer.from(data), isBinary }),
      pong: (socket) => record(socket).pongs++,
      error: (socket, error) => record(socket).errors.push(error),
      close: (socket, code, reason) => (record(socket).closed = { code, reason }),
    },
  };
  const server: Server = createServer((_request, response) => response.end('not a websocket'));
  server.on('upgrade', (request, socket, head) => {
    const chosen = options.chosen;
    const webSocket = acceptWebSocket(request, socket, head, context, (offered) => (chosen !== undefined && offered.has(chosen) ? chosen : null));
    if (webSocket === null) return;
    const entry: Recorded = { socket: webSocket, messages: [], pongs: 0, errors: [], closed: null };
    records.set(webSocket, entry);
    connections.push(entry);
    for (const waiter of waiters.splice(0)) waiter();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  let taken = 0;
  return {
    port: (server.address() as AddressInfo).port,
    connections,
    async nextConnection() {
      while (connections.length <= taken) await new Promise<void>((resolve) => waiters.push(resolve));
      return connections[taken++]!;
    },
    async close() {
      for (const entry of connections) entry.socket.terminate();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A frame as the server sent it. */
export interface ServerFrame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

/** A raw TCP client that has completed (or tried) the WebSocket handshake. */
export interface RawClient {
  socket: Socket;
  /** The HTTP response head (status line and headers). */
  response: string;
  /** The body of a response other than 101, as far as it arrived. */
  body: string;
  /** Frames received so far, parsed. */
  frames: ServerFrame[];
  /** Whether the server ended or closed the TCP connection. */
  ended: boolean;
  /** Resolves once the TCP connection is closed. */
  closed: Promise<void>;
  /** Writes raw bytes. */
  write(bytes: Uint8Array): void;
}

/** Opens a TCP connection and sends a handshake request with `headers` (defaults make a valid one). */
export async function rawClient(port: number, headers: Record<string, string | null> = {}, method = 'GET'): Promise<RawClient> {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  const all: Record<string, string | null> = {
    Host: `127.0.0.1:${port}`,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    'Sec-WebSocket-Version': '13',
    ...headers,
  };
  const lines = [`${method} /test HTTP/1.1`, ...Object.entries(all).filter(([, value]) => value !== null).map(([name, value]) => `${name}: ${value}`)];
  let buffer: Buffer = Buffer.alloc(0);
  let headDone = false;
  const client: RawClient = {
    socket,
    response: '',
    body: '',
    frames: [],
    ended: false,
    closed: new Promise((resolve) => socket.once('close', () => resolve())),
    write: (bytes) => socket.write(bytes),
  };
  socket.on('error', () => {});
  socket.on('end', () => (client.ended = true));
  socket.on('close', () => (client.ended = true));
  const headReceived = new Promise<void>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!headDone) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        client.response = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 4);
        headDone = true;
        resolve();
      }
      if (!client.response.startsWith('HTTP/1.1 101')) {
        client.body = buffer.toString('utf8');
        return;
      }
      buffer = parseFrames(buffer, client.frames);
    });
    socket.once('close', () => resolve());
  });
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  await headReceived;
  return client;
}

// Parses complete server frames off the front of `buffer` into `frames`; returns the rest.
function parseFrames(buffer: Buffer, frames: ServerFrame[]): Buffer {
  let rest = buffer;
  for (;;) {
    if (rest.length < 2) return rest;
    const short = rest[1]! & 0x7f;
    if ((rest[1]! & 0x80) !== 0) throw new Error('the server sent a masked frame');
    const headerLength = short === 126 ? 4 : short === 127 ? 10 : 2;
    if (rest.length < headerLength) return rest;
    const length = short === 126 ? rest.readUInt16BE(2) : short === 127 ? Number(rest.readBigUInt64BE(2)) : short;
    if (rest.length < headerLength + length) return rest;
    frames.push({ fin: (rest[0]! & 0x80) !== 0, opcode: rest[0]! & 0x0f, payload: Buffer.from(rest.subarray(headerLength, headerLength + length)) });
    rest = rest.subarray(headerLength + length);
  }
}

/** How a hand-made client frame is built; anything may be wrong on purpose. */
export interface ClientFrameOptions {
  opcode: number;
  payload?: Uint8Array;
  fin?: boolean;
  /** The RSV1–RSV3 bits, 0–7. */
  rsv?: number;
  masked?: boolean;
  /** Announce this length instead of the payload's (a bigint for the 64-bit form). */
  announcedLength?: bigint;
}

/** A client frame: masked with a random key unless `masked` is false. */
export function clientFrame(options: ClientFrameOptions): Buffer {
  const payload = Buffer.from(options.payload ?? new Uint8Array(0));
  const masked = options.masked ?? true;
  const length = options.announcedLength ?? BigInt(payload.length);
  let header: Buffer;
  if (options.announcedLength !== undefined && options.announcedLength > 0xffffn) {
    header = Buffer.alloc(10);
    header[1] = 127;
    header.writeBigUInt64BE(length, 2);
  } else if (length < 126n) {
    header = Buffer.alloc(2);
    header[1] = Number(length);
  } else if (length < 65536n) {
    header = Buffer.alloc(4);
    header[1] = 126;
    header.writeUInt16BE(Number(length), 2);
  } else {
    header = Buffer.alloc(10);
    header[1] = 127;
    header.writeBigUInt64BE(length, 2);
  }
  header[0] = ((options.fin ?? true) ? 0x80 : 0) | ((options.rsv ?? 0) << 4) | options.opcode;
  if (!masked) return Buffer.concat([header, payload]);
  header[1] = header[1]! | 0x80;
  const mask = randomBytes(4);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i] = body[i]! ^ mask[i & 3]!;
  return Buffer.concat([header, mask, body]);
}

/** A close frame payload: the code (2 bytes, big-endian) and the reason bytes. */
export function closePayload(code: number, reason: Uint8Array = new Uint8Array(0)): Buffer {
  const payload = Buffer.alloc(2 + reason.length);
  payload.writeUInt16BE(code, 0);
  payload.set(reason, 2);
  return payload;
}

/** The code of a close frame the server sent, or null. */
export function closeCodeOf(frame: ServerFrame | undefined): number | null {
  return frame !== undefined && frame.opcode === 0x8 && frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : null;
}

/** Polls `condition` every few milliseconds until it holds (the test's own timeout bounds it). */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
