import { Opcode, encodeFrame } from './websocket-frame.js';

/**
 * One binary message framed once for many sockets: the WebSocket frame (FIN, binary opcode, no
 * mask, as a server sends it) is built once, and the same bytes are written to every connection
 * that gets it (see ServerWebSocket.sendFrame), instead of framing it again per connection.
 */
export class SharedFrame {
  /** The message itself (a view of the frame's payload). */
  readonly message: Uint8Array;
  /** Header and payload in one buffer. */
  readonly frame: Buffer;

  /** Frames a copy of `message`. */
  constructor(message: Uint8Array) {
    this.frame = encodeFrame(Opcode.binary, message);
    // A view of the frame's payload: the message is held once.
    this.message = this.frame.subarray(this.frame.length - message.byteLength);
  }
}
