// A minimal WebSocket client for the observers of the relay benchmark's case (a): a TCP socket, the
// HTTP upgrade and frame parsing written out, so that 1,000 observers on a 2-core machine cost the
// client side little next to the server under test (ws's client costs some 20 µs per message).
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
 * Connects to `url` (ws://host:port/path), sends `hello` and resolves once the upgrade is done and,
 * unless `silent`, the server sent its first message. `onMessages(at, messages)` receives the binary
 * messages of each chunk read from the socket with `at`, the clock read when the chunk arrived.
 */
export function openLeanClient(url: string, hello: Uint8Array[], silent: boolean, clock: () => number, onMessages: (at: number, messages: Buffer[]) => void): Promise<LeanClient> {
  const { hostname, port, pathname, search } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: hostname, port: Number(port), noDelay: true });
    const client: LeanClient = {
      send: (message) => socket.write(clientFrame(opcodeBinary, message)),
      close: () => socket.destroy(),
    };
    let pending: Buffer = Buffer.alloc(0);
    let upgraded = false;
    let answered = false;
    socket.on('error', reject);
    socket.on('connect', () => {
      const key = randomBytes(16).toString('base64');
      socket.write(`GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      const at = clock();
      pending = pending.byteLength === 0 ? chunk : Buffer.concat([pending, chunk]);
      if (!upgraded) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        const status = pending.subarray(0, pending.indexOf('\r\n')).toString();
        if (!/^HTTP\/1\.1 101 /.test(status)) {
          reject(new Error(`upgrade refused: ${status}`));
          socket.destroy();
          return;
        }
        upgraded = true;
        pending = pending.subarray(end + 4);
        for (const message of hello) client.send(message);
        if (silent) {
          answered = true;
          resolve(client);
        }
      }
      const messages: Buffer[] = [];
      let offset = 0;
      for (;;) {
        if (pending.byteLength - offset < 2) break;
        const opcode = pending[offset]! & 0x0f;
        let length = pending[offset + 1]! & 0x7f;
        let header = 2;
        if (length === 126) {
          if (pending.byteLength - offset < 4) break;
          length = pending.readUInt16BE(offset + 2);
          header = 4;
        } else if (length === 127) {
          if (pending.byteLength - offset < 10) break;
          length = Number(pending.readBigUInt64BE(offset + 2));
          header = 10;
        }
        if (pending.byteLength - offset < header + length) break;
        const payload = pending.subarray(offset + header, offset + header + length);
        offset += header + length;
        if (opcode === opcodeBinary) messages.push(payload);
        else if (opcode === opcodePing) socket.write(clientFrame(opcodePong, payload));
        else if (opcode === opcodeClose) socket.end();
      }
      pending = pending.subarray(offset);
      if (messages.length === 0) return;
      if (!answered) {
        answered = true;
        resolve(client);
      }
      onMessages(at, messages);
    });
  });
}
