import { WebSocket } from 'ws';
import type { ConnectionAccess } from './connection-access.js';
import type { MessageRateLimiter } from './message-rate-limiter.js';
import type { TrafficCounters } from './relay-metrics.js';
import { MessageType } from './wire-protocol.js';

const maxCloseReasonBytes = 123;

/**
 * One client's WebSocket, wrapped so that sending to or closing a socket that
 * is already closing never throws. Holds the little per-connection state the
 * relay needs: which awareness client ids this connection controls, and
 * whether it answered the last heartbeat ping.
 */
export class ClientConnection {
  /** The awareness client ids this connection has announced; removed for everyone when it leaves. */
  readonly awarenessClientIds = new Set<number>();
  /** What this connection may do with its document, and who it is. */
  readonly access: ConnectionAccess;
  /** The bucket its incoming messages are taken from; null for no rate limit. */
  readonly rateLimiter: MessageRateLimiter | null;
  readonly #socket: WebSocket;
  readonly #onGone: (connection: ClientConnection) => void;
  readonly #traffic: TrafficCounters | null;
  #isGone = false;
  #answeredPing = true;

  /**
   * Wraps `socket` of a connection with `access`; `onGone` runs exactly once, when the relay
   * closes the connection or the socket closes by itself, whichever comes first. `rateLimiter`
   * limits its incoming messages; every presence message sent to it grants one more. `traffic`
   * counts the messages and bytes sent to it.
   */
  constructor(
    socket: WebSocket,
    onGone: (connection: ClientConnection) => void,
    access: ConnectionAccess,
    rateLimiter: MessageRateLimiter | null = null,
    traffic: TrafficCounters | null = null,
  ) {
    this.#traffic = traffic;
    this.access = access;
    this.rateLimiter = rateLimiter;
    this.#socket = socket;
    this.#onGone = onGone;
    socket.on('close', () => this.#gone());
    socket.on('pong', () => {
      this.#answeredPing = true;
    });
  }

  /** Whether the connection has been closed; messages from it are then ignored. */
  get isGone(): boolean {
    return this.#isGone;
  }

  /**
   * Sends one binary message; does nothing if the socket is no longer open. A presence message
   * grants the rate limiter one message, since a y-websocket client echoes every presence message
   * that changes something for it; `isReply` marks one that answers the client's own query and
   * so changes nothing.
   */
  send(message: Uint8Array, options: { isReply?: boolean } = {}): void {
    if (this.#isGone || this.#socket.readyState !== WebSocket.OPEN) return;
    if (message[0] === MessageType.awareness && options.isReply !== true) this.rateLimiter?.grant();
    this.#traffic?.sent(message.byteLength);
    // The callback receives send errors of a socket that closed meanwhile; its close handler cleans up.
    this.#socket.send(message, ignoreError);
  }

  /** Closes the connection with `code` and a reason (truncated to the 123 bytes the protocol allows). */
  close(code: number, reason: string): void {
    if (this.#isGone) return;
    try {
      this.#socket.close(code, truncateReason(reason));
    } catch {
      this.#socket.terminate();
    }
    this.#gone();
  }

  /**
   * Pings the client, or terminates the connection if it did not answer the
   * previous ping; called periodically so dead TCP connections are noticed.
   */
  heartbeat(): void {
    if (this.#isGone) return;
    if (!this.#answeredPing) {
      this.#socket.terminate();
      this.#gone();
      return;
    }
    this.#answeredPing = false;
    this.#socket.ping(undefined, undefined, ignoreError);
  }

  /** Resolves when the underlying socket is fully closed, terminating it after `timeoutMs`. */
  whenClosed(timeoutMs: number): Promise<void> {
    if (this.#socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#socket.terminate(), timeoutMs);
      this.#socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  #gone(): void {
    if (this.#isGone) return;
    this.#isGone = true;
    this.#onGone(this);
  }
}

function ignoreError(): void {}

function truncateReason(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text) > maxCloseReasonBytes) text = text.slice(0, -1);
  return text;
}
