import { ReadyState, type ServerWebSocket } from './server-websocket.js';
import type { ConnectionAccess } from './connection-access.js';
import type { MessageRateLimiter } from './message-rate-limiter.js';
import type { TrafficCounters } from './relay-metrics.js';
import type { SharedFrame } from './shared-frame.js';
import { maxCloseReasonBytes } from './websocket-frame.js';
import { MessageType } from './wire-protocol.js';

const noClientIds: ReadonlySet<number> = new Set();

/** What a {@link ClientConnection} reports to the relay; one object shared by all connections. */
export interface ConnectionHooks {
  /** Runs exactly once per connection, when the relay closes it or the socket closes by itself. */
  gone(connection: ClientConnection): void;
  /** Counts the messages and bytes sent to clients; null for no counting. */
  readonly traffic: TrafficCounters | null;
  /**
   * How many bytes may wait in the process for one connection (see {@link ClientConnection.send}
   * for the rule); a connection beyond it is closed with {@link tooSlowCloseCode}. Omitted: no bound.
   */
  readonly maxBufferedBytes?: number;
  /** Called (before the close) when a connection is closed for not reading fast enough; `buffered` is what waited for it. */
  tooSlow?(connection: ClientConnection, buffered: number): void;
}

/**
 * The close code of a connection that did not read what the relay sent it fast enough (1013, "try
 * again later"): a standard code, so every client reconnects and syncs what it missed.
 */
export const tooSlowCloseCode = 1013;

/**
 * One client's WebSocket, wrapped so that sending to or closing a socket that
 * is already closing never throws. Holds the little per-connection state the
 * relay needs: the document it joined, which awareness client ids it controls,
 * and whether it answered the last heartbeat ping. Kept small: a relay holds
 * one per open connection, so nothing here is allocated per connection unless needed.
 */
export class ClientConnection {
  /** What this connection may do with its document, and who it is. */
  readonly access: ConnectionAccess;
  /** The bucket its incoming messages are taken from; null for no rate limit. */
  readonly rateLimiter: MessageRateLimiter | null;
  /** The name of the document it asked for (the loaded document's own string once joined). */
  documentName: string;
  /** Cancels the token expiry timer; null when the token does not expire. */
  cancelExpiry: (() => void) | null = null;
  /** Set once a dropped update has been logged, so a read-only client typing logs one line, not one per key. */
  loggedDroppedUpdate = false;
  /** Set after the first document update of this connection that the relay dropped. */
  sentUpdate = false;
  /** Set once a refused presence entry has been logged. */
  loggedRefusedPresence = false;
  /** The client address its connection counts against (see ConnectionsPerAddress). */
  readonly address: string;
  readonly #socket: ServerWebSocket;
  readonly #hooks: ConnectionHooks;
  #awarenessClientIds: Set<number> | null = null;
  #isGone = false;
  #answeredPing = true;
  // Bytes beyond maxBufferedBytes that may wait: the size of the last reply sent while within the bound.
  #replyAllowance = 0;

  /**
   * Wraps `socket` of a connection to document `documentName` with `access`; `hooks.gone` runs
   * exactly once, when the relay closes the connection or the socket closes by itself (the relay's
   * socket 'close' listener calls {@link socketClosed}). `rateLimiter` limits its incoming messages;
   * every presence message sent to it grants one more. `address` is the client address the
   * connection counts against (see ConnectionsPerAddress).
   */
  constructor(socket: ServerWebSocket, documentName: string, access: ConnectionAccess, hooks: ConnectionHooks, rateLimiter: MessageRateLimiter | null = null, address = '') {
    this.#socket = socket;
    this.documentName = documentName;
    this.access = access;
    this.#hooks = hooks;
    this.rateLimiter = rateLimiter;
    this.address = address;
    socket.owner = this;
  }

  /** The connection wrapping `socket`, if one was made. */
  static of(socket: ServerWebSocket): ClientConnection | undefined {
    return socket.owner instanceof ClientConnection ? socket.owner : undefined;
  }

  /** Whether the connection has been closed; messages from it are then ignored. */
  get isGone(): boolean {
    return this.#isGone;
  }

  /** The awareness client ids this connection has announced; removed for everyone when it leaves. */
  get awarenessClientIds(): ReadonlySet<number> {
    return this.#awarenessClientIds ?? noClientIds;
  }

  /** Records that this connection now owns awareness client id `client`. */
  claimAwarenessClientId(client: number): void {
    (this.#awarenessClientIds ??= new Set()).add(client);
  }

  /** Records that this connection no longer owns awareness client id `client`. */
  releaseAwarenessClientId(client: number): void {
    this.#awarenessClientIds?.delete(client);
  }

  /** Forgets every awareness client id this connection owns and returns them. */
  takeAwarenessClientIds(): number[] {
    const ids = this.#awarenessClientIds === null ? [] : [...this.#awarenessClientIds];
    this.#awarenessClientIds = null;
    return ids;
  }

  /**
   * Sends one binary message; does nothing if the socket is no longer open. A presence message
   * grants the rate limiter one message, since a y-websocket client echoes every presence message
   * that changes something for it; `isReply` marks one that answers the client's own query and
   * so changes nothing.
   *
   * Back-pressure: a message is queued only while the bytes waiting for this connection in the
   * process stay within `maxBufferedBytes`, plus the size of the last reply (a sync step 2 of a
   * large document may exceed the bound on its own) if that reply was sent while within it. A
   * connection beyond that is closed with {@link tooSlowCloseCode} instead: it holds at most the
   * bound, one reply and one message, however long it stops reading, and on reconnecting its
   * client syncs what it missed.
   */
  send(message: Uint8Array, options: { isReply?: boolean } = {}): void {
    if (this.#isGone || this.#socket.readyState !== ReadyState.open || !this.#mayQueue()) return;
    if (message[0] === MessageType.awareness && options.isReply !== true) this.rateLimiter?.grant();
    this.#hooks.traffic?.sent(message.byteLength);
    // Only a reply sent within the bound earns an allowance: a client that asks for more while it does not read gets none.
    if (this.#replyAllowance === 0 && this.#hooks.maxBufferedBytes !== undefined) this.#replyAllowance = message.byteLength;
    // The callback receives send errors of a socket that closed meanwhile; its close handler cleans up.
    this.#socket.send(message, ignoreError);
  }

  /** Sends a message framed once for many connections (see {@link SharedFrame}); like {@link send} otherwise. */
  sendShared(shared: SharedFrame): void {
    if (this.#isGone || this.#socket.readyState !== ReadyState.open || !this.#mayQueue()) return;
    if (shared.message[0] === MessageType.awareness) this.rateLimiter?.grant();
    this.#hooks.traffic?.sent(shared.payloadBytes, shared.messages);
    this.#socket.sendFrame(shared.frame);
  }

  /** The number of bytes waiting in the process to be written to this connection's socket. */
  get bufferedAmount(): number {
    return this.#socket.bufferedAmount;
  }

  // Whether one more message may be queued; closes the connection as too slow if not.
  #mayQueue(): boolean {
    const limit = this.#hooks.maxBufferedBytes;
    if (limit === undefined) return true;
    const buffered = this.#socket.bufferedAmount;
    if (buffered <= limit) {
      this.#replyAllowance = 0;
      return true;
    }
    if (buffered <= limit + this.#replyAllowance) return true;
    this.#hooks.tooSlow?.(this, buffered);
    this.close(tooSlowCloseCode, `too slow: more than ${limit} bytes waited to be sent`);
    return false;
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

  /** Called by the relay's socket 'close' listener. */
  socketClosed(): void {
    this.#gone();
  }

  /** Called by the relay's socket 'pong' listener. */
  answeredPing(): void {
    this.#answeredPing = true;
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
    this.#socket.ping();
  }

  /** Resolves when the underlying socket is fully closed, terminating it after `timeoutMs`. */
  whenClosed(timeoutMs: number): Promise<void> {
    if (this.#socket.readyState === ReadyState.closed) return Promise.resolve();
    const timer = setTimeout(() => this.#socket.terminate(), timeoutMs);
    return this.#socket.whenClosed().then(() => clearTimeout(timer));
  }

  #gone(): void {
    if (this.#isGone) return;
    this.#isGone = true;
    this.#hooks.gone(this);
  }
}

function ignoreError(): void {}

function truncateReason(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text) > maxCloseReasonBytes) text = text.slice(0, -1);
  return text;
}
