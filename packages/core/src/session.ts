import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { ObservableV2 } from 'lib0/observable';
import * as decoding from 'lib0/decoding';
import {
  ALLMENDE_SUBPROTOCOL,
  MESSAGE_SESSION_INFO,
  RelayCloseCode,
  TOKEN_SUBPROTOCOL_PREFIX,
  isAccessRole,
  validateDocumentName,
  type AccessRole,
  type SessionInfo,
} from '@allmende/protocol';
import { HeldMessages, holdableWebSocket, type IncomingHold } from './incoming-hold.js';
import { openOfflineCache, type OfflineCache } from './offline-cache.js';
import { batchOutgoing, type OutgoingBatch } from './outgoing-batch.js';

/**
 * How a session is connected to its relay right now: `connecting` until the first sync,
 * `connected` while synced, `offline` once the connection dropped — including while it retries
 * in the background, which it does until the session is destroyed or the relay refuses for good.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

/** The person behind a session, as others see them in presence (cursors, avatars). */
export interface User {
  /** Display name shown next to the cursor. */
  name: string;
  /** A CSS colour for the cursor and selection. */
  color: string;
}

/** Options for {@link connect}. */
export interface ConnectOptions {
  /** The relay's WebSocket URL, for example `wss://office.example.org` or `ws://localhost:8080`. */
  relay: string;
  /** The document name on the relay, for example `minutes/2026-11`. */
  document: string;
  /**
   * A bearer token (JWT) the relay checks, sent in the WebSocket subprotocol. Either the token, or
   * a function that returns a fresh one: it is called before the first connection and again when
   * the relay says the token expired or was refused, and the session reconnects with the new
   * token, keeping every local edit.
   */
  token?: string | TokenSource;
  /** Who is editing; published in presence. */
  user?: User;
  /** A Y.Doc the host owns. The session never destroys it; by default the session creates its own. */
  doc?: Y.Doc;
  /** An Awareness the host owns, for the same Y.Doc; by default the session creates its own. */
  awareness?: Awareness;
  /** Keep a copy in IndexedDB so the document opens and accepts edits offline (browsers only). Default true. */
  offline?: boolean;
  /** A WebSocket implementation where there is no global one, such as `ws` in Node 20. */
  WebSocketPolyfill?: unknown;
}

/** Returns a current bearer token, for example by asking the host's OIDC client to refresh it. */
export type TokenSource = () => string | Promise<string>;

/** Why the relay closed a connection for good (close codes 4400 to 4499): reconnecting will not help. */
export interface ClosedEvent {
  code: number;
  reason: string;
}

/** The WebSocket constructor type y-websocket expects, without needing the DOM lib here. */
type WebSocketClass = NonNullable<NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>['WebSocketPolyfill']>;

type SessionEvents = {
  status: (status: ConnectionStatus) => void;
  closed: (event: ClosedEvent) => void;
  access: (info: SessionInfo) => void;
};

const defaultUser: User = { name: 'Anonymous', color: '#5b6b7a' };

/**
 * A Y.Doc kept in sync with one document on a relay: connection state, presence, and an offline
 * cache. Create it with {@link connect}; listen with `session.on('status', fn)`.
 */
export class Session extends ObservableV2<SessionEvents> {
  /** The shared document. */
  readonly doc: Y.Doc;
  /** Presence of everyone in the document, including this session's own user. */
  readonly awareness: Awareness;
  /** Resolves when the document has synced with the relay for the first time. */
  readonly whenSynced: Promise<void>;
  /** Resolves when the offline cache has been read (at once where there is none). */
  readonly whenLoaded: Promise<void>;
  #status: ConnectionStatus = 'connecting';
  readonly #provider: WebsocketProvider;
  readonly #outgoing: OutgoingBatch;
  readonly #incoming = new HeldMessages();
  readonly #cache: OfflineCache | null;
  readonly #ownsDoc: boolean;
  readonly #ownsAwareness: boolean;
  readonly #awarenessDestroyHooks: Array<(...args: unknown[]) => void>;
  readonly #tokenSource: TokenSource | null;
  #token: string | null = null;
  #info: SessionInfo | null = null;
  #destroyed = false;
  #rejectSynced: (error: Error) => void = () => {};

  /** @internal Use {@link connect}. */
  constructor(options: ConnectOptions) {
    super();
    const relay = checkRelayUrl(options.relay);
    try {
      validateDocumentName(options.document);
    } catch (error) {
      throw new (error instanceof TypeError ? TypeError : RangeError)(
        `connect(): ${(error as Error).message}, for example "minutes/2026-11".`);
    }
    const WS = options.WebSocketPolyfill ?? (globalThis as { WebSocket?: unknown }).WebSocket;
    if (WS === undefined) {
      throw new TypeError('connect(): there is no global WebSocket here; pass `WebSocketPolyfill` (for example the `ws` package in Node 20).');
    }
    if (options.awareness && options.doc && options.awareness.doc !== options.doc) {
      throw new RangeError('connect(): `awareness` belongs to a different Y.Doc than `doc`.');
    }
    this.#ownsDoc = !options.doc && !options.awareness;
    this.doc = options.doc ?? options.awareness?.doc ?? new Y.Doc();
    this.#ownsAwareness = !options.awareness;
    // y-protocols' Awareness subscribes to the doc's 'destroy' event and never unsubscribes;
    // remember that listener so a host-owned doc is left exactly as we found it.
    const destroyListenersBefore = listeners(this.doc, 'destroy');
    this.awareness = options.awareness ?? new Awareness(this.doc);
    this.#awarenessDestroyHooks = listeners(this.doc, 'destroy').filter((f) => !destroyListenersBefore.includes(f));
    this.setUser(options.user ?? defaultUser);

    this.#cache = options.offline === false ? null : openOfflineCache(`allmende:${relay}/${options.document}`, this.doc);
    this.whenLoaded = this.#cache?.whenLoaded ?? Promise.resolve();

    if (options.token !== undefined && typeof options.token !== 'string' && typeof options.token !== 'function') {
      throw new TypeError('connect(): `token` must be a string or a function that returns one.');
    }
    this.#tokenSource = typeof options.token === 'function' ? options.token : null;
    this.#token = typeof options.token === 'string' ? options.token : null;
    this.#provider = new WebsocketProvider(relay, options.document, this.doc, {
      awareness: this.awareness,
      protocols: this.#protocols(),
      WebSocketPolyfill: holdableWebSocket(WS as WebSocketClass, this.#incoming),
      // Tabs must not exchange updates behind the relay's back: the relay decides who may write.
      disableBc: true,
      maxBackoffTime: 5000,
      connect: this.#tokenSource === null,
    });
    // Edits and presence go out once per frame, after the paint, not inside the keystroke's task.
    this.#outgoing = batchOutgoing(this.#provider, this.doc, this.awareness);
    this.#provider.messageHandlers[MESSAGE_SESSION_INFO] = (_encoder, decoder) => this.#receiveInfo(decoder);
    this.whenSynced = new Promise<void>((resolve, reject) => {
      this.#rejectSynced = reject;
      const onSync = (synced: boolean) => {
        if (!synced) return;
        this.#provider.off('sync', onSync);
        resolve();
      };
      this.#provider.on('sync', onSync);
    });
    this.whenSynced.catch(() => {}); // a session destroyed before syncing is not an unhandled error
    this.#provider.on('sync', this.#onSync);
    this.#provider.on('connection-close', this.#onClose);
    this.#provider.on('closed', this.#onClosedForGood);
    if (this.#tokenSource) void this.#refreshTokenAndConnect(null);
  }

  /**
   * What the relay lets this session do with the document (`read`, `comment` or `write`), once the
   * relay has said so; null before that, and always with relays that don't tell (stock
   * y-websocket servers). Changes are announced with the `access` event.
   */
  get access(): AccessRole | null {
    return this.#info?.role ?? null;
  }

  /** The identity the relay took from the token and stamps on this session's presence; null without one. */
  get identity(): { id: string; name: string } | null {
    return this.#info?.user ?? null;
  }

  /** The current connection state; changes are announced with the `status` event. */
  get status(): ConnectionStatus {
    return this.#status;
  }

  /** The name of the document on the relay. */
  get document(): string {
    return this.#provider.roomname;
  }

  /** Publishes a new name or colour for this session's user. */
  setUser(user: User): void {
    if (typeof user?.name !== 'string' || typeof user.color !== 'string') {
      throw new TypeError('setUser(): expected { name: string, color: string }.');
    }
    this.awareness.setLocalStateField('user', { name: user.name, color: user.color });
  }

  /**
   * Lets `hold` delay the relay's messages (document updates, presence, everything) while it is
   * active; they are then applied in the order they came, when it releases them. An editor uses this
   * to paint a typed character before it reads it into the document (`<allmende-doc>` does).
   * `null` removes the hold and applies what waits.
   */
  holdIncoming(hold: IncomingHold | null): void {
    this.#incoming.setHold(hold);
  }

  /** Drops the connection on purpose (edits keep working locally); {@link reconnect} resumes it. */
  disconnect(): void {
    this.#outgoing.flush();
    this.#provider.disconnect();
    this.#setStatus('offline');
  }

  /** Connects again after {@link disconnect} or after the relay closed the connection for good. */
  reconnect(): void {
    if (this.#destroyed) throw new RangeError('reconnect(): this session was destroyed; call connect() again.');
    if (this.#provider.wsconnected || this.#provider.wsconnecting) return;
    this.#setStatus('connecting');
    this.#provider.connect();
  }

  /**
   * Disconnects, stops the offline cache and removes every listener this session added.
   * A Y.Doc or Awareness passed in by the host is left intact; ones the session created are destroyed.
   */
  override destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#rejectSynced(new Error(`The session for "${this.document}" was destroyed before it synced.`));
    this.#provider.off('sync', this.#onSync);
    this.#provider.off('connection-close', this.#onClose);
    this.#provider.off('closed', this.#onClosedForGood);
    this.#outgoing.destroy();
    this.#incoming.clear();
    this.#provider.destroy();
    this.#cache?.destroy();
    if (this.#ownsAwareness) {
      this.awareness.destroy();
      for (const hook of this.#awarenessDestroyHooks) this.doc.off('destroy', hook);
    } else {
      this.awareness.setLocalState(null);
    }
    if (this.#ownsDoc) this.doc.destroy();
    super.destroy();
  }

  readonly #onSync = (synced: boolean) => {
    if (synced) this.#setStatus('connected');
  };

  readonly #onClose = () => {
    this.#setStatus('offline');
  };

  readonly #onClosedForGood = (event: ClosedEvent) => {
    const tokenProblem = event.code === RelayCloseCode.tokenExpired || event.code === RelayCloseCode.unauthorized;
    if (tokenProblem && this.#tokenSource && !this.#destroyed) {
      void this.#refreshTokenAndConnect(event);
      return;
    }
    this.emit('closed', [{ code: event.code, reason: event.reason }]);
  };

  /** The subprotocols offered to the relay: ours, and the token if there is one. */
  #protocols(): string[] {
    return this.#token ? [ALLMENDE_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + this.#token] : [ALLMENDE_SUBPROTOCOL];
  }

  /**
   * Asks the token source for a token and (re)connects with it. Gives up, reporting `closed`, when
   * the source fails, or when the relay refused the token it returns again.
   */
  async #refreshTokenAndConnect(refused: ClosedEvent | null): Promise<void> {
    const rejected = this.#token;
    let token: string;
    try {
      token = await this.#tokenSource!();
      if (typeof token !== 'string' || token.length === 0) throw new TypeError('the token source returned no token');
    } catch (error) {
      if (!this.#destroyed) this.emit('closed', [{ code: refused?.code ?? RelayCloseCode.unauthorized, reason: `could not get a token: ${(error as Error).message}` }]);
      return;
    }
    if (this.#destroyed) return;
    if (refused && refused.code === RelayCloseCode.unauthorized && token === rejected) {
      this.emit('closed', [{ code: refused.code, reason: refused.reason }]);
      return;
    }
    this.#token = token;
    this.#provider.protocols = this.#protocols();
    this.#setStatus('connecting');
    this.#provider.connect();
  }

  #receiveInfo(decoder: decoding.Decoder): void {
    let info: Partial<SessionInfo>;
    try {
      info = JSON.parse(decoding.readVarString(decoder)) as Partial<SessionInfo>;
    } catch {
      return; // a relay speaking a newer dialect; the session works without the info
    }
    if (!isAccessRole(info?.role)) return;
    this.#info = {
      role: info.role,
      user: info.user && typeof info.user.id === 'string' && typeof info.user.name === 'string' ? { id: info.user.id, name: info.user.name } : null,
      devMode: info.devMode === true,
    };
    this.emit('access', [this.#info]);
  }

  #setStatus(status: ConnectionStatus): void {
    if (status === this.#status || this.#destroyed) return;
    this.#status = status;
    this.emit('status', [status]);
  }
}

/**
 * Connects a Y.Doc to a document on an Allmende relay (any y-websocket server works) and returns
 * the live {@link Session}. Edits made while offline are kept and sync when the relay is back.
 */
export function connect(options: ConnectOptions): Session {
  return new Session(options);
}

function checkRelayUrl(relay: unknown): string {
  if (typeof relay !== 'string' || !/^wss?:\/\/[^/?#]+(\/[^?#]*)?$/.test(relay)) {
    throw new TypeError(`connect(): \`relay\` must be a ws:// or wss:// URL without query, got ${JSON.stringify(relay)}.`);
  }
  return relay.replace(/\/+$/, '');
}

function listeners(doc: Y.Doc, event: string): Array<(...args: unknown[]) => void> {
  const observers = (doc as unknown as { _observers: Map<string, Set<(...args: unknown[]) => void>> })._observers;
  return [...(observers.get(event) ?? [])];
}
