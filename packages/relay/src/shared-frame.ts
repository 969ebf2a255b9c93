import { Opcode, encodeFrame } from './websocket-frame.js';

/**
 * Binary messages framed once for many sockets: each WebSocket frame (FIN, binary opcode, no mask,
 * as a server sends it) is built once, and the same bytes are written to every connection that
 * gets them (see ServerWebSocket.sendFrame), instead of framing them again per connection. Several
 * messages (a batch, see {@link SharedFrame.batch}) sit back to back in one buffer, so they cost
 * each connection one socket write: the write, not the bytes, is what a broadcast pays for.
 */
export class SharedFrame {
  /** The (first) message itself: a view of its frame's payload. */
  readonly message: Uint8Array;
  /** Header and payload of every message, in one buffer. */
  readonly frame: Buffer;
  /** The number of messages in {@link frame}. */
  readonly messages: number;
  /** Their payload bytes together (without the frame headers). */
  readonly payloadBytes: number;

  /** Frames a copy of `message`. */
  constructor(message: Uint8Array);
  /** Frames copies of `messages` (at least one) back to back. */
  constructor(messages: readonly Uint8Array[]);
  constructor(content: Uint8Array | readonly Uint8Array[]) {
    const messages = content instanceof Uint8Array ? [content] : content;
    const first = messages[0];
    if (first === undefined) throw new RangeError('a shared frame needs at least one message');
    const frames = messages.map((message) => encodeFrame(Opcode.binary, message));
    this.frame = frames.length === 1 ? frames[0]! : Buffer.concat(frames);
    // A view of the first frame's payload: the message is held once.
    this.message = this.frame.subarray(frames[0]!.length - first.byteLength, frames[0]!.length);
    this.messages = messages.length;
    this.payloadBytes = messages.reduce((sum, message) => sum + message.byteLength, 0);
  }

  /** Frames `messages` back to back, or returns null for none. */
  static batch(messages: readonly Uint8Array[]): SharedFrame | null {
    return messages.length === 0 ? null : new SharedFrame(messages);
  }
}
