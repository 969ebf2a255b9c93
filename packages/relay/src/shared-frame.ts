import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

/**
 * One binary message framed once for many sockets: the WebSocket frame (FIN, binary opcode, no
 * mask, as a server sends it) is built once, and the same bytes are written to every socket that
 * gets it, instead of ws framing it again per socket (a header, a payload and a corked writev each).
 */
export class SharedFrame {
  /** The message itself (a view of the frame's payload), for the sockets that need ws's own send path. */
  readonly message: Uint8Array;
  /** Header and payload in one buffer. */
  readonly frame: Buffer;

  /** Frames a copy of `message`. */
  constructor(message: Uint8Array) {
    const length = message.byteLength;
    const header = length < 126 ? 2 : length < 65536 ? 4 : 10;
    const frame = Buffer.allocUnsafe(header + length);
    frame[0] = 0x82; // FIN + binary
    if (length < 126) frame[1] = length;
    else if (length < 65536) {
      frame[1] = 126;
      frame.writeUInt16BE(length, 2);
    } else {
      frame[1] = 127;
      frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
      frame.writeUInt32BE(length >>> 0, 6);
    }
    frame.set(message, header);
    this.frame = frame;
    // A view of the frame's payload: the message is held once.
    this.message = frame.subarray(header);
  }
}

// The parts of ws 8's WebSocket that tell whether a prebuilt frame may go straight to the TCP
// socket. Not public API: anything unexpected sends through ws instead.
interface WebSocketInternals {
  _socket?: Socket | null;
  _extensions?: Record<string, unknown>;
  _sender?: { _state?: unknown; _queue?: unknown[]; _firstFragment?: unknown } | null;
}

/**
 * Sends `shared` on `socket` (an open server-side ws WebSocket). The prebuilt frame is written to
 * the TCP socket directly when ws would write exactly those bytes right now: no permessage-deflate
 * extension, no send of ws's queued or half-sent, the TCP socket writable. Otherwise ws sends the
 * message itself, in order behind what it holds. `onError` receives a failed send (the socket's
 * own close and error handling cleans up either way). Returns true when the prebuilt frame was
 * written, false when ws sent the message.
 */
export function sendShared(socket: WebSocket, shared: SharedFrame, onError: (error?: Error | null) => void): boolean {
  const internals = socket as unknown as WebSocketInternals;
  const tcp = internals._socket;
  const sender = internals._sender;
  if (
    socket.readyState === WebSocket.OPEN &&
    tcp != null &&
    tcp.writable &&
    !tcp.destroyed &&
    internals._extensions !== undefined &&
    Object.keys(internals._extensions).length === 0 &&
    sender != null &&
    sender._state === 0 &&
    Array.isArray(sender._queue) &&
    sender._queue.length === 0 &&
    sender._firstFragment === true
  ) {
    tcp.write(shared.frame, onError);
    return true;
  }
  socket.send(shared.message, onError);
  return false;
}
