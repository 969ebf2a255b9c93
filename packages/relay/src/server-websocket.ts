import { isUtf8 } from 'node:buffer';
import type { Socket } from 'node:net';
import { Opcode, applyMask, encodeCloseFrame, encodeFrame, encodeFrameHeader, isValidCloseCode } from './websocket-frame.js';

/** What the peer did wrong, and the close code the connection is closed with for it. */
export class WebSocketProtocolError extends Error {
  /** The close code sent: 1002 (protocol error), 1007 (invalid UTF-8) or 1009 (message too big). */
  readonly closeCode: number;

  /** An error closing the connection with `closeCode`; `message` is also the close reason. */
  constructor(message: string, closeCode: number) {
    super(message);
    this.name = 'WebSocketProtocolError';
    this.closeCode = closeCode;
  }
}

/**
 * The listeners of every {@link ServerWebSocket} made with one {@link WebSocketContext}: one shared
 * object instead of an event emitter per connection.
 */
export interface WebSocketHandlers {
  /** A complete message; `data` is the whole payload, unmasked, `isBinary` false for text (valid UTF-8). */
  message(socket: ServerWebSocket, data: Buffer, isBinary: boolean): void;
  /** A pong arrived (the answer to {@link ServerWebSocket.ping}, or an unsolicited one). */
  pong(socket: ServerWebSocket): void;
  /** The peer broke the protocol; the connection is being closed with `error.closeCode`. Before {@link close}. */
  error(socket: ServerWebSocket, error: WebSocketProtocolError): void;
  /**
   * The TCP connection has closed; runs exactly once per socket. `code` is the code of the peer's
   * close frame, 1005 if it had none, 1006 if the connection ended without a close frame.
   */
  close(socket: ServerWebSocket, code: number, reason: string): void;
}

/** Settings shared by many connections (one object, referenced from each). */
export interface WebSocketContext {
  readonly handlers: WebSocketHandlers;
  /** The largest message (all its fragments together) in bytes; a larger one closes the connection with 1009. */
  readonly maxPayload: number;
  /** How long a closing connection waits for the peer's close frame and TCP end before it is destroyed. */
  readonly closeTimeoutMs: number;
}

/** {@link ServerWebSocket.readyState} values, as in the browser's WebSocket. */
export const ReadyState = { open: 1, closing: 2, closed: 3 } as const;

const kWebSocket = Symbol('allmende server websocket');
const empty = Buffer.alloc(0);
const pingFrame = encodeFrame(Opcode.ping, empty);
const emptyCloseFrame = encodeFrame(Opcode.close, empty);
// Frames below this size are built in one buffer; larger payloads are written after their header.
const copyLimit = 16 * 1024;

/**
 * The server side of one WebSocket connection over a raw TCP socket (RFC 6455, no extensions),
 * after the handshake: reads masked client frames (fragmented messages, control frames between
 * fragments, ping, pong, close), enforces the message size while reading a frame's header,
 * before buffering its payload, and sends unmasked frames. A broken rule closes the connection
 * with 1002, 1007 or 1009 and a reason. All state sits in this one object; an idle connection
 * holds no buffers and no timers (a closing one holds a timer until the peer answers).
 */
export class ServerWebSocket {
  /** The subprotocol chosen in the handshake, or '' for none. */
  readonly protocol: string;
  /** Open, closing (a close frame was sent or received) or closed (the TCP connection is gone). */
  readyState: number = ReadyState.open;
  /** Whatever the server keeps for this connection (the relay: its ClientConnection); null until set. */
  owner: unknown = null;
  readonly #tcp: Socket;
  readonly #context: WebSocketContext;
  // Received bytes not parsed yet; null while there are none (the idle state).
  #chunks: Buffer[] | null = null;
  #buffered = 0;
  // The frame whose header has been read: its opcode (-1 while reading a header), FIN bit, payload length and mask.
  #opcode = -1;
  #fin = false;
  #payloadLength = 0;
  #mask: Buffer = empty;
  // The message being assembled from fragments: its opcode (0 for none), parts and length so far.
  #messageOpcode = 0;
  #fragments: Buffer[] | null = null;
  #fragmentsLength = 0;
  #paused = false;
  // Set once input is no longer read: after the peer's close frame or a protocol error.
  #inputDone = false;
  #closeSent = false;
  #closeCode = 1006;
  #closeReason = '';
  #closeTimer: NodeJS.Timeout | null = null;

  /**
   * Takes over `tcp`, on which the handshake response has been written; `head` holds bytes that
   * arrived after the handshake request. Prefer {@link acceptWebSocket} from websocket-handshake.ts.
   */
  constructor(tcp: Socket, head: Buffer, protocol: string, context: WebSocketContext) {
    this.#tcp = tcp;
    this.#context = context;
    this.protocol = protocol;
    (tcp as unknown as Record<symbol, ServerWebSocket>)[kWebSocket] = this;
    tcp.setTimeout(0);
    tcp.setNoDelay(true);
    // Read through the stream, so that pause() holds these bytes back too.
    if (head.length > 0) tcp.unshift(head);
    tcp.on('data', onTcpData);
    tcp.on('end', onTcpEnd);
    tcp.on('close', onTcpClose);
    tcp.on('error', onTcpError);
  }

  /** The peer's address as the TCP socket reports it. */
  get remoteAddress(): string | undefined {
    return this.#tcp.remoteAddress;
  }

  /** Sends one binary message; does nothing unless open. `onWritten` receives a write error. */
  send(message: Uint8Array, onWritten?: (error?: Error | null) => void): void {
    if (this.readyState !== ReadyState.open) return;
    if (message.byteLength < copyLimit) {
      this.#tcp.write(encodeFrame(Opcode.binary, message), onWritten);
      return;
    }
    // A large payload is written as it is behind its header, not copied.
    this.#tcp.cork();
    this.#tcp.write(encodeFrameHeader(Opcode.binary, message.byteLength));
    this.#tcp.write(message, onWritten);
    this.#tcp.uncork();
  }

  /**
   * Writes a complete frame built elsewhere (a binary message framed once for many connections);
   * does nothing unless open. The caller vouches that `frame` is one valid unmasked server frame.
   * No callback: on the fan-out path a thousand writes of one broadcast each save the stream's
   * callback bookkeeping; a write error closes the socket, which the close handler sees.
   */
  sendFrame(frame: Buffer): void {
    if (this.readyState !== ReadyState.open) return;
    this.#tcp.write(frame);
  }

  /**
   * Bytes written to this connection that are still waiting in the process (the kernel's socket
   * buffer took no more): what a client that does not read costs the server's memory.
   */
  get bufferedAmount(): number {
    return this.#tcp.writableLength;
  }

  /** Sends a ping with no payload; the peer's pong reaches {@link WebSocketHandlers.pong}. */
  ping(): void {
    if (this.readyState === ReadyState.open) this.#tcp.write(pingFrame);
  }

  /**
   * Starts the closing handshake with `code` and `reason` (at most 123 bytes of UTF-8); the TCP
   * connection ends once the peer answers, or is destroyed after the context's close timeout.
   * Does nothing unless open. Throws a RangeError for a code that may not be sent or a long reason.
   */
  close(code: number, reason = ''): void {
    if (this.readyState !== ReadyState.open) return;
    const frame = encodeCloseFrame(code, reason);
    this.#sendClose(frame);
    // The peer's close frame was read already (we answered it): nothing more to wait for.
    if (this.#inputDone) this.#tcp.end();
  }

  /** Destroys the TCP connection at once, without a closing handshake. */
  terminate(): void {
    if (this.readyState === ReadyState.open) this.readyState = ReadyState.closing;
    this.#inputDone = true;
    this.#dropInput();
    this.#tcp.destroy();
  }

  /** Stops reading: received messages wait (in the kernel, then in the socket) until {@link resume}. */
  pause(): void {
    this.#paused = true;
    this.#tcp.pause();
  }

  /** Reads again after {@link pause}, starting with what was held back. */
  resume(): void {
    if (!this.#paused) return;
    this.#paused = false;
    this.#tcp.resume();
    if (this.#buffered > 0) this.#parse();
  }

  /** Resolves once the TCP connection is closed. */
  whenClosed(): Promise<void> {
    if (this.readyState === ReadyState.closed) return Promise.resolve();
    return new Promise((resolve) => this.#tcp.once('close', () => resolve()));
  }

  /** Called with each chunk the TCP socket reads. */
  receive(chunk: Buffer): void {
    if (this.#inputDone) return;
    if (this.#chunks === null) this.#chunks = [chunk];
    else this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    this.#parse();
  }

  /** Called when the peer ended its side of the TCP connection. */
  peerEnded(): void {
    this.#inputDone = true;
    this.#dropInput();
    if (this.readyState === ReadyState.open) this.readyState = ReadyState.closing;
    this.#tcp.end();
  }

  /** Called once the TCP connection has closed. */
  tcpClosed(): void {
    if (this.readyState === ReadyState.closed) return;
    this.readyState = ReadyState.closed;
    this.#inputDone = true;
    this.#dropInput();
    if (this.#closeTimer !== null) clearTimeout(this.#closeTimer);
    this.#closeTimer = null;
    this.#context.handlers.close(this, this.#closeCode, this.#closeReason);
  }

  #parse(): void {
    while (!this.#paused && !this.#inputDone) {
      if (this.#opcode < 0 && !this.#readHeader()) break;
      if (this.#buffered < this.#payloadLength) break;
      const payload = this.#take(this.#payloadLength);
      applyMask(payload, this.#mask);
      const opcode = this.#opcode;
      this.#opcode = -1;
      this.#mask = empty;
      if (opcode >= Opcode.close) this.#control(opcode, payload);
      else this.#data(opcode, payload);
    }
    if (this.#buffered === 0) this.#chunks = null;
  }

  // Reads the next frame header if it has arrived; checks what the header alone can tell.
  #readHeader(): boolean {
    if (this.#buffered < 2) return false;
    const first = this.#peek(2);
    const b0 = first[0]!;
    const b1 = first[1]!;
    const opcode = b0 & 0x0f;
    const fin = (b0 & 0x80) !== 0;
    const short = b1 & 0x7f;
    if ((b0 & 0x70) !== 0) return this.#fail(1002, 'reserved bits set, but no extension was negotiated');
    if ((b1 & 0x80) === 0) return this.#fail(1002, 'client frames must be masked');
    if (opcode >= Opcode.close) {
      if (opcode > Opcode.pong) return this.#fail(1002, `unknown opcode ${opcode}`);
      if (!fin) return this.#fail(1002, 'control frames must not be fragmented');
      if (short > 125) return this.#fail(1002, 'control frame payload longer than 125 bytes');
    } else if (opcode > Opcode.binary) {
      return this.#fail(1002, `unknown opcode ${opcode}`);
    } else if (opcode === Opcode.continuation) {
      if (this.#messageOpcode === 0) return this.#fail(1002, 'continuation frame without a message to continue');
    } else if (this.#messageOpcode !== 0) {
      return this.#fail(1002, 'new message before the fragmented one ended');
    }
    const headerLength = 2 + (short === 126 ? 2 : short === 127 ? 8 : 0) + 4;
    if (this.#buffered < headerLength) return false;
    const header = this.#take(headerLength);
    let length = short;
    if (short === 126) length = header.readUInt16BE(2);
    else if (short === 127) {
      const high = header.readUInt32BE(2);
      if (high >= 0x80000000) return this.#fail(1002, 'frame length with the most significant bit set');
      length = high * 2 ** 32 + header.readUInt32BE(6);
    }
    if (opcode < Opcode.close && this.#fragmentsLength + length > this.#context.maxPayload) {
      return this.#fail(1009, `message larger than ${this.#context.maxPayload} bytes`);
    }
    this.#opcode = opcode;
    this.#fin = fin;
    this.#payloadLength = length;
    this.#mask = header.subarray(headerLength - 4);
    return true;
  }

  #data(opcode: number, payload: Buffer): void {
    if (opcode !== Opcode.continuation) this.#messageOpcode = opcode;
    let message = payload;
    if (!this.#fin) {
      (this.#fragments ??= []).push(payload);
      this.#fragmentsLength += payload.length;
      return;
    }
    if (this.#fragments !== null) {
      this.#fragments.push(payload);
      message = Buffer.concat(this.#fragments, this.#fragmentsLength + payload.length);
      this.#fragments = null;
      this.#fragmentsLength = 0;
    }
    const isBinary = this.#messageOpcode === Opcode.binary;
    this.#messageOpcode = 0;
    if (!isBinary && !isUtf8(message)) {
      this.#fail(1007, 'text message is not valid UTF-8');
      return;
    }
    // After our close frame the peer may still send messages until it answers; they are dropped.
    if (this.readyState === ReadyState.open) this.#context.handlers.message(this, message, isBinary);
  }

  #control(opcode: number, payload: Buffer): void {
    if (opcode === Opcode.ping) {
      if (this.readyState === ReadyState.open) this.#tcp.write(encodeFrame(Opcode.pong, payload));
      return;
    }
    if (opcode === Opcode.pong) {
      this.#context.handlers.pong(this);
      return;
    }
    if (payload.length === 1) {
      this.#fail(1002, 'close frame with a 1-byte payload');
      return;
    }
    let code = 1005;
    let reason = '';
    if (payload.length >= 2) {
      code = payload.readUInt16BE(0);
      if (!isValidCloseCode(code)) {
        this.#fail(1002, `invalid close code ${code}`);
        return;
      }
      const reasonBytes = payload.subarray(2);
      if (!isUtf8(reasonBytes)) {
        this.#fail(1007, 'close reason is not valid UTF-8');
        return;
      }
      reason = reasonBytes.toString('utf8');
    }
    this.#closeCode = code;
    this.#closeReason = reason;
    this.#inputDone = true;
    this.#dropInput();
    // Answer with the same code (RFC 6455 §5.5.1), then end our side: the server closes TCP first.
    if (!this.#closeSent) this.#sendClose(code === 1005 ? emptyCloseFrame : encodeCloseFrame(code, ''));
    this.#tcp.end();
  }

  // Closes the connection for a broken rule: tells the handlers, sends the close frame and stops reading.
  #fail(code: number, reason: string): false {
    const error = new WebSocketProtocolError(reason, code);
    this.#inputDone = true;
    this.#dropInput();
    if (this.readyState === ReadyState.open) {
      this.#context.handlers.error(this, error);
      this.#sendClose(encodeCloseFrame(code, reason));
    }
    this.#tcp.end();
    return false;
  }

  #sendClose(frame: Buffer): void {
    this.#closeSent = true;
    if (this.readyState === ReadyState.open) this.readyState = ReadyState.closing;
    this.#tcp.write(frame);
    this.#closeTimer = setTimeout(destroyLater, this.#context.closeTimeoutMs, this.#tcp);
    this.#closeTimer.unref();
  }

  #dropInput(): void {
    this.#chunks = null;
    this.#buffered = 0;
    this.#fragments = null;
    this.#fragmentsLength = 0;
  }

  // The first `length` bytes, merging chunks only when the first is shorter (a header split over reads).
  #peek(length: number): Buffer {
    const chunks = this.#chunks!;
    if (chunks[0]!.length >= length) return chunks[0]!;
    // Merges just the leading chunks that hold those bytes (the caller checked that enough arrived).
    let count = 0;
    let total = 0;
    while (total < length) total += chunks[count++]!.length;
    chunks.splice(0, count, Buffer.concat(chunks.slice(0, count), total));
    return chunks[0]!;
  }

  // Removes and returns the next `length` bytes: a view when they lie in one chunk, else a copy.
  #take(length: number): Buffer {
    if (length === 0) return Buffer.alloc(0);
    const chunks = this.#chunks!;
    this.#buffered -= length;
    const first = chunks[0]!;
    if (first.length > length) {
      chunks[0] = first.subarray(length);
      return first.subarray(0, length);
    }
    if (first.length === length) {
      chunks.shift();
      return first;
    }
    const out = Buffer.allocUnsafe(length);
    let offset = 0;
    while (offset < length) {
      const chunk = chunks[0]!;
      const wanted = length - offset;
      if (chunk.length <= wanted) {
        out.set(chunk, offset);
        offset += chunk.length;
        chunks.shift();
      } else {
        out.set(chunk.subarray(0, wanted), offset);
        chunks[0] = chunk.subarray(wanted);
        offset += wanted;
      }
    }
    return out;
  }
}

function webSocketOf(tcp: Socket): ServerWebSocket {
  return (tcp as unknown as Record<symbol, ServerWebSocket>)[kWebSocket]!;
}

// The TCP listeners are shared by every connection: closures per connection would cost memory on each.
function onTcpData(this: Socket, chunk: Buffer): void {
  webSocketOf(this).receive(chunk);
}

function onTcpEnd(this: Socket): void {
  webSocketOf(this).peerEnded();
}

function onTcpClose(this: Socket): void {
  webSocketOf(this).tcpClosed();
}

// Resets and the like: the 'close' that follows cleans up.
function onTcpError(): void {}

function destroyLater(tcp: Socket): void {
  tcp.destroy();
}
