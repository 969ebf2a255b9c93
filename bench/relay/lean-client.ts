// A minimal WebSocket client for the observers of the relay benchmark's case (a): a TCP socket, the
// HTTP upgrade and frame parsing written out, so that 1,000 observers on a 2-core machine cost the
// client side little next to the server under test (ws's client costs some 20 µs per message).
//
// The socket is read with Node's `onread` option: the kernel's bytes land in one buffer that all
// clients of a process share and reuse, with no stream, no 'data' event and no Buffer allocated per
// read (the stream path cost some 17 µs of client CPU per message, more than the server's own
// write). A frame is handed to the caller as a view into that buffer, valid only during the call;
// only the rare frame split over two reads is copied.
// Reads unfragmented server frames only; answers pings; sends binary frames with a zero mask.
import { randomBytes } from 'node:crypto';
import { type Socket, connect } from 'node:net';

const opcodeBinary = 2;
const opcodeClose = 8;
const opcodePing = 9;
const opcodePong = 10;

/** One client frame (FIN, masked with a zero key, so the payload goes out as it is). */
function clientFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.alloc(header + 4 + length);
  frame[0] = 0x80 | opcode;
  if (length < 126) frame[1] = 0x80 | length;
  else if (length < 65536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, header + 4);
  return frame;
}

/** A connected lean client. */
export interface LeanClient {
  send(message: Uint8Array): void;
  close(): void;
}

/**
 * Receives each binary message: `payload` is a view valid only during the call, `at` the clock read
 * when the bytes holding it were read from the socket.
 */
export type MessageHandler = (client: LeanClient, at: number, payload: Buffer) => void;

// One read buffer for every client of the process: a read callback finishes with it before the next runs.
const readBuffer = Buffer.allocUnsafe(256 * 1024);

/** The frames of one connection's byte stream, parsed as they are read. */
class FrameReader {
  // Bytes of a frame split over reads (copied out of the shared buffer); null when none.
  #rest: Buffer | null = null;

  constructor(
    readonly client: LeanClient,
    readonly socket: Socket,
    readonly clock: () => number,
    readonly onMessage: MessageHandler,
  ) {}

  /** Parses `bytes` (a view into the shared buffer, or a handshake remainder). */
  read(bytes: Buffer): void {
    const at = this.clock();
    let data = bytes;
    if (this.#rest !== null) {
      data = Buffer.concat([this.#rest, bytes]);
      this.#rest = null;
    }
    let offset = 0;
    const end = data.byteLength;
    while (end - offset >= 2) {
      const opcode = data[offset]! & 0x0f;
      let length = data[offset + 1]! & 0x7f;
      let header = 2;
      if (length === 126) {
        if (end - offset < 4) break;
        length = data.readUInt16BE(offset + 2);
        header = 4;
      } else if (length === 127) {
        if (end - offset < 10) break;
        length = Number(data.readBigUInt64BE(offset + 2));
        header = 10;
      }
      if (end - offset < header + length) break;
      const payload = data.subarray(offset + header, offset + header + length);
      offset += header + length;
      if (opcode === opcodeBinary) this.onMessage(this.client, at, payload);
      else if (opcode === opcodePing) this.socket.write(clientFrame(opcodePong, payload));
      else if (opcode === opcodeClose) this.socket.end();
    }
    if (offset < end) this.#rest = Buffer.from(data.subarray(offset));
  }
}

/**
 * Connects to `url` (ws://host:port/path), sends `hello` and resolves once the upgrade is done and,
 * unless `silent`, the server sent its first message. `onMessage` receives every binary message.
 */
export function openLeanClient(url: string, hello: Uint8Array[], silent: boolean, clock: () => number, onMessage: MessageHandler): Promise<LeanClient> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    let reader: FrameReader | null = null;
    let handshake: Buffer = Buffer.alloc(0);
    let answered = false;
    const client: LeanClient = {
      send: (message) => socket.write(clientFrame(opcodeBinary, message)),
      close: () => socket.destroy(),
    };
    const firstMessage: MessageHandler = (self, at, payload) => {
      if (!answered) {
        answered = true;
        resolve(client);
      }
      onMessage(self, at, payload);
    };
    const socket: Socket = connect({
      host: hostname,
      port: Number(port),
      noDelay: true,
      onread: {
        buffer: readBuffer,
        callback: (length: number, buffer: Uint8Array): boolean => {
          const bytes = (buffer as Buffer).subarray(0, length);
          if (reader !== null) {
            reader.read(bytes);
            return true;
          }
          // The upgrade response: copied, it is short and read once.
          handshake = Buffer.concat([handshake, bytes]);
          const headEnd = handshake.indexOf('\r\n\r\n');
          if (headEnd < 0) return true;
          const status = handshake.subarray(0, handshake.indexOf('\r\n')).toString();
          if (!/^HTTP\/1\.1 101 /.test(status)) {
            reject(new Error(`upgrade refused: ${status}`));
            socket.destroy();
            return false;
          }
          reader = new FrameReader(client, socket, clock, firstMessage);
          for (const message of hello) client.send(message);
          if (silent) {
            answered = true;
            resolve(client);
          }
          const after = handshake.subarray(headEnd + 4);
          if (after.byteLength > 0) reader.read(after);
          return true;
        },
      },
    });
    socket.on('error', reject);
    socket.on('connect', () => {
      const key = randomBytes(16).toString('base64');
      socket.write(`GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    });
  });
}
