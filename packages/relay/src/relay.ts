import { mkdirSync } from 'node:fs';
import { type IncomingMessage, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ClientConnection, type ConnectionHooks, tooSlowCloseCode } from './client-connection.js';
import { ALLMENDE_SUBPROTOCOL, RelayCloseCode } from '@allmende/protocol';
import { Authenticator, type RelayAuthOptions } from './authenticator.js';
import { DevLinkTokens } from './dev-link-tokens.js';
import type { ConnectionAccess } from './connection-access.js';
import { checkDevModeHost, devModeWarning } from './dev-mode.js';
import { clientAddress } from './client-address.js';
import { ConnectionsPerAddress } from './connections-per-address.js';
import { WorkerReencoder } from './document-reencoder.js';
import { MessageRateLimiter } from './message-rate-limiter.js';
import { type RelayLimits, resolveRelayLimits } from './relay-limits.js';
import { scheduleTokenExpiry } from './token-expiry.js';
import { DocumentRegistry } from './document-registry.js';
import { documentNameFromRequestTarget } from './document-name.js';
import { createHttpHandler } from './http-handler.js';
import type { LoadedDocument } from './loaded-document.js';
import { SqliteStore, sqliteFileName } from './sqlite-store.js';
import type { DocumentStore } from './document-store.js';
import type { Fanout } from './fanout.js';
import { RelayMetrics } from './relay-metrics.js';
import type { RelayLog } from './relay-log.js';
import { closeCodeName } from './close-code-name.js';
import { ReadyState, type ServerWebSocket, type WebSocketContext, type WebSocketProtocolError } from './server-websocket.js';
import { acceptWebSocket } from './websocket-handshake.js';

const heartbeatIntervalMs = 30_000;
// With a fan-out, how often loaded documents are checked for rows that Redis did not deliver.
const catchUpIntervalMs = 2_000;
const closeHandshakeTimeoutMs = 2_000;
// How long a connection the relay closed may take to answer with its close frame before it is dropped.
const closeTimeoutMs = 10_000;

/** Options for {@link startRelay}. */
export interface RelayOptions {
  /** TCP port to listen on; `0` (the default) picks a free port, see {@link Relay.port}. */
  port?: number;
  /** Interface to bind; defaults to `'127.0.0.1'`. Use `'0.0.0.0'` to accept remote connections. */
  host?: string;
  /** Directory for the SQLite database; created if it does not exist. Required unless `databaseUrl` is given. */
  dataDir?: string;
  /**
   * A PostgreSQL URL (`postgres://user:password@host:5432/database`): documents are stored there
   * instead of in SQLite, so several relays can share them. Schema migrations run at start.
   */
  databaseUrl?: string;
  /**
   * A Redis URL (`redis://host:6379/0`): relays that share a `databaseUrl` pass each other their
   * documents' updates and presence through Redis pub/sub.
   */
  redisUrl?: string;
  /** Prefix of the Redis channel names, to share one Redis between deployments; default `allmende:`. */
  redisPrefix?: string;
  /**
   * With `redisUrl`: how often (ms) a relay republishes the presence of its own clients to the
   * other instances; a presence state another instance did not refresh for three such intervals
   * is removed (its removal was lost in Redis, or that instance died). Default 2000.
   */
  presenceRefreshMs?: number;
  /** Adds prom-client's process and Node.js metrics (CPU, memory, event loop lag) to `/metrics`; off by default. */
  processMetrics?: boolean;
  /** Directory of static files (the demo app) to serve over HTTP; nothing is served if omitted. */
  staticDir?: string;
  /** Number of stored updates of one document after which its log is merged into one row; defaults to 200. */
  compactAfter?: number;
  /**
   * Bounds on what clients may send: message size and rate, connections per address, presence
   * states per connection, document size, update complexity (see {@link RelayLimits} for each
   * default). Omitted fields keep their defaults.
   */
  limits?: Partial<RelayLimits>;
  /**
   * How many reverse proxies in front of the relay append the client's address to
   * `X-Forwarded-For`; the connection limit per address then counts that address. 0 (the
   * default) counts the TCP peer and ignores the header, which clients can forge.
   */
  trustProxy?: number;
  /**
   * Receives one line per noteworthy event (refused connections, internal errors) and its
   * structured fields (level, document, user, close code; never content); silent by default.
   */
  logger?: RelayLog;
  /**
   * How connections are authenticated: a JWT secret (HS256) and/or an OIDC issuer (RS256/ES256).
   * Without it the relay runs in development mode: everyone may write, and it refuses a
   * non-loopback `host` unless `allowInsecureDevMode` is true.
   */
  auth?: RelayAuthOptions;
  /** Lets a relay without `auth` listen on a non-loopback interface; false by default. */
  allowInsecureDevMode?: boolean;
  /**
   * Development mode only: issues sharing-link tokens for one document and one role on
   * `POST /dev/token` (signed with a secret made at start, so links end with the process) and
   * honours them, so a read link cannot write. The CLI turns it on when it runs without `auth`;
   * with `auth` it is an error. False by default.
   */
  devLinkTokens?: boolean;
}

/** A running relay, as returned by {@link startRelay}. */
export interface Relay {
  /** The TCP port the relay listens on (the actual one when `port: 0` was given). */
  readonly port: number;
  /** The HTTP base URL, such as `http://127.0.0.1:8080`. */
  readonly url: string;
  /** The WebSocket base URL to give to a y-websocket `WebsocketProvider`, such as `ws://127.0.0.1:8080`. */
  readonly wsUrl: string;
  /** The number of documents currently held in memory; a document is unloaded when its last client leaves. */
  readonly loadedDocuments: number;
  /** The number of open client connections. */
  readonly connections: number;
  /**
   * Shuts the relay down gracefully: stops accepting connections, closes every
   * client with code 1001 (going away), stores what is pending, compacts and
   * unloads all documents and closes the database and Redis. Calling it again
   * returns the same promise.
   */
  close(): Promise<void>;
}

/**
 * Starts a relay: a y-websocket compatible WebSocket server that persists
 * documents in SQLite under `dataDir` or in PostgreSQL at `databaseUrl`, shares
 * them with other relays through Redis at `redisUrl`, and serves `GET /healthz`,
 * `GET /readyz`, `GET /metrics` and optional static files on the same port.
 * Resolves once the relay is listening. Rejects with a `TypeError` or
 * `RangeError` for invalid options, and with the database's error when it cannot
 * be reached or migrated.
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const settings = checkOptions(options);
  const limits = resolveRelayLimits(options.limits);
  const log = options.logger ?? (() => {});
  if (options.devLinkTokens === true && options.auth !== undefined) {
    throw new TypeError('options.devLinkTokens is for development mode only: a relay with auth issues no link tokens');
  }
  const linkTokens = options.devLinkTokens === true ? new DevLinkTokens() : null;
  const authenticator = new Authenticator(options.auth, linkTokens);
  if (authenticator.devMode) {
    checkDevModeHost(settings.host, options.allowInsecureDevMode === true);
    for (const line of devModeWarning(settings.host)) log(line, { level: 'warn' });
  }

  const connections = new Set<ClientConnection>();
  let registry: DocumentRegistry | null = null;
  const metrics = new RelayMetrics(
    { connections: () => connections.size, documentsLoaded: () => registry?.size ?? 0 },
    { processMetrics: options.processMetrics === true },
  );
  const store = await openStore(options, settings.dataDir, metrics, log);
  if (options.redisUrl !== undefined && options.databaseUrl === undefined) {
    log('Redis fan-out with SQLite: only relays sharing this one SQLite file on one machine see the same documents; use databaseUrl for relays on several machines', { level: 'warn' });
  }
  let fanout: Fanout | null = null;
  if (options.redisUrl !== undefined) {
    let lastErrorLog = 0;
    // Loaded only when used: a single relay on SQLite starts without pg and ioredis.
    const { RedisFanout } = await import('./redis-fanout.js');
    try {
      fanout = new RedisFanout({
        url: options.redisUrl,
        ...(options.redisPrefix === undefined ? {} : { prefix: options.redisPrefix }),
        onError: (error) => {
          metrics.redisErrors.inc();
          // A Redis outage reports an error per reconnect attempt; one line every ten seconds says enough.
          if (Date.now() - lastErrorLog < 10_000) return;
          lastErrorLog = Date.now();
          log(`Redis error: ${error.message}`, { level: 'error' });
        },
        onReconnect: () => {
          log('reconnected to Redis; catching up on updates published meanwhile', { level: 'warn' });
          registry?.catchUp().then(
            (added) => log(`caught up after the Redis reconnect: ${added} updates were missing`),
            (error: unknown) => log(`could not catch up after the Redis reconnect: ${error instanceof Error ? error.message : String(error)}`, { level: 'error' }),
          );
        },
      });
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  const reencoder = new WorkerReencoder({ timeoutMs: limits.reencodeTimeoutMs, memoryMb: limits.reencodeMemoryMb });
  const documents = new DocumentRegistry({ store, compactAfter: settings.compactAfter, log, limits, reencoder, fanout, metrics });
  registry = documents;
  let catchingUp = false;
  const catchUpTimer = setInterval(() => {
    if (fanout === null || catchingUp) return;
    catchingUp = true;
    documents
      .catchUp()
      .then(
        (added) => {
          if (added > 0) log(`caught up on ${added} updates the fan-out had not delivered`, { level: 'warn' });
        },
        (error: unknown) => log(`could not catch up: ${error instanceof Error ? error.message : String(error)}`, { level: 'error' }),
      )
      .finally(() => (catchingUp = false));
  }, catchUpIntervalMs);
  catchUpTimer.unref();
  const presenceTimer = fanout === null ? undefined : setInterval(() => {
    const removed = documents.refreshPresence(3 * settings.presenceRefreshMs);
    if (removed > 0) log(`removed ${removed} presence states that other relay instances no longer announce`, { level: 'warn' });
  }, settings.presenceRefreshMs);
  presenceTimer?.unref();
  const connectionsPerAddress = new ConnectionsPerAddress(limits.connectionsPerAddress);
  let closing: Promise<void> | null = null;

  // Upgraded sockets that are not (yet) a ClientConnection: waiting for their token check, or
  // refused and closing. Each with the address it counts against (null when not counted).
  const pendingSockets = new Map<ServerWebSocket, string | null>();
  const server = createServer(
    createHttpHandler({
      staticDir: options.staticDir,
      linkTokens,
      log,
      metrics: metrics.registry,
      readiness: async () => {
        if (closing !== null) return { ready: false, checks: { relay: 'shutting down' } };
        const [database, redis] = await Promise.allSettled([store.ping(), fanout?.ping()]);
        const checks: Record<string, string> = { database: database.status === 'fulfilled' ? 'ok' : 'unreachable' };
        if (fanout !== null) checks['redis'] = redis.status === 'fulfilled' ? 'ok' : 'unreachable';
        for (const [name, result] of [['database', database], ['redis', redis]] as const) {
          if (result.status === 'rejected') log(`readiness check: ${name} unreachable: ${result.reason instanceof Error ? result.reason.message : String(result.reason)}`, { level: 'warn' });
        }
        return { ready: Object.values(checks).every((check) => check === 'ok'), checks };
      },
    }),
  );

  server.on('upgrade', (request, socket, head) => {
    if (closing !== null) {
      socket.destroy();
      return;
    }
    const webSocket = acceptWebSocket(request, socket, head, webSocketContext, chooseProtocol);
    if (webSocket !== null) accept(webSocket, request);
  });

  // The socket listeners are made once and shared by every connection (they find theirs with
  // ClientConnection.of): per-connection closures cost memory on every idle connection.
  const connectionHooks: ConnectionHooks = {
    traffic: metrics.traffic,
    maxBufferedBytes: limits.maxBufferedBytes,
    tooSlow(connection, buffered) {
      metrics.closedConnections.inc({ reason: 'too_slow' });
      log(`closing the connection of ${connection.access.describe()} to "${connection.documentName}" with ${tooSlowCloseCode}: ${buffered} bytes waited to be sent, more than ${limits.maxBufferedBytes}`, { ...fieldsOf(connection), level: 'warn', code: tooSlowCloseCode });
    },
    gone(connection) {
      connection.cancelExpiry?.();
      connections.delete(connection);
      documents.leaveJoined(connection);
    },
  };
  function onSocketError(socket: ServerWebSocket, error: WebSocketProtocolError): void {
    const connection = ClientConnection.of(socket);
    const fields = connection === undefined ? {} : { document: connection.documentName };
    const subject = connection === undefined ? 'a connection' : `a connection to "${connection.documentName}"`;
    // The framing closes with 1009 when a message exceeds maxPayload, before reading it; this says why.
    if (error.closeCode === RelayCloseCode.messageTooBig) {
      metrics.rejected(closeCodeName(RelayCloseCode.messageTooBig));
      log(`closing ${subject} with ${RelayCloseCode.messageTooBig}: a message larger than ${limits.maxMessageBytes} bytes`, { level: 'warn', code: RelayCloseCode.messageTooBig, ...fields });
    } else {
      metrics.rejected('protocol_error');
      log(`closing ${subject} with ${error.closeCode}: ${error.message}`, { level: 'warn', code: error.closeCode, ...fields });
    }
  }
  function onSocketClose(socket: ServerWebSocket): void {
    const connection = ClientConnection.of(socket);
    const address = connection === undefined ? pendingSockets.get(socket) : connection.address;
    pendingSockets.delete(socket);
    if (address != null) connectionsPerAddress.close(address);
    connection?.socketClosed();
  }
  function onSocketPong(socket: ServerWebSocket): void {
    ClientConnection.of(socket)?.answeredPing();
  }
  function onSocketMessage(socket: ServerWebSocket, data: Buffer, isBinary: boolean): void {
    const connection = ClientConnection.of(socket);
    const document = connection && documents.joinedBy(connection);
    if (connection === undefined || document === undefined || connection.isGone) return;
    if (connection.rateLimiter?.tryTake() === false) {
      metrics.rejected(closeCodeName(RelayCloseCode.rateLimited));
      const { access } = connection;
      log(`closing the connection of ${access.describe()} to "${document.name}" with ${RelayCloseCode.rateLimited}: more than ${limits.messagesPerSecond} messages per second`, { ...fieldsOf(connection), level: 'warn', code: RelayCloseCode.rateLimited });
      connection.close(RelayCloseCode.rateLimited, 'too many messages, slow down');
      return;
    }
    if (!isBinary) {
      metrics.rejected('text_frame');
      connection.close(RelayCloseCode.badRequest, 'the y-websocket protocol uses binary messages only');
      return;
    }
    document.receive(connection, data);
  }
  const webSocketContext: WebSocketContext = {
    handlers: { message: onSocketMessage, pong: onSocketPong, error: onSocketError, close: onSocketClose },
    maxPayload: limits.maxMessageBytes,
    closeTimeoutMs,
  };

  function accept(socket: ServerWebSocket, request: IncomingMessage): void {
    pendingSockets.set(socket, null);
    let name: string;
    try {
      name = documentNameFromRequestTarget(request.url ?? '/');
    } catch (error) {
      // The upgrade is accepted first so that browsers see this close code and reason.
      const reason = error instanceof Error ? error.message : 'invalid document name';
      metrics.rejected('bad_document_name');
      log(`refused a connection: ${reason}`, { level: 'warn', code: RelayCloseCode.badRequest });
      socket.close(RelayCloseCode.badRequest, reason);
      return;
    }
    const address = clientAddress(request, settings.trustProxy);
    if (!connectionsPerAddress.tryOpen(address)) {
      // Accepted first, like a bad name, so that browsers see the code (and retry later).
      metrics.rejected(closeCodeName(RelayCloseCode.tooManyConnections));
      log(`closing a connection to "${name}" with ${RelayCloseCode.tooManyConnections}: more than ${limits.connectionsPerAddress} open connections from ${address}`, { level: 'warn', code: RelayCloseCode.tooManyConnections, document: name });
      socket.close(RelayCloseCode.tooManyConnections, 'too many connections from your address, try again later');
      return;
    }
    pendingSockets.set(socket, address);
    // The token is checked before the document is loaded; meanwhile the client's messages wait unread.
    socket.pause();
    void authenticator.admit(request, name, socket.protocol).then((admission) => {
      if (socket.readyState !== ReadyState.open) return;
      if (admission.ok && closing === null) {
        // Resumed once the document is joined.
        void openConnection(socket, name, admission.access, address).finally(() => socket.resume());
        return;
      }
      // A refused socket must read the close handshake.
      socket.resume();
      if (!admission.ok) {
        metrics.rejected(closeCodeName(admission.code));
        log(admission.logLine, { level: 'warn', code: admission.code, document: name });
        socket.close(admission.code, admission.reason);
      } else {
        socket.close(RelayCloseCode.goingAway, 'the relay is shutting down');
      }
    });
  }

  async function openConnection(socket: ServerWebSocket, name: string, access: ConnectionAccess, address: string): Promise<void> {
    const rateLimiter = new MessageRateLimiter({ perSecond: limits.messagesPerSecond, burst: limits.messageBurst });
    pendingSockets.delete(socket);
    const connection = new ClientConnection(socket, name, access, connectionHooks, rateLimiter, address);
    if (access.expiresAt !== null) {
      connection.cancelExpiry = scheduleTokenExpiry(access.expiresAt, () => {
        log(`closing the connection of ${access.describe()} to "${connection.documentName}": token expired`, { ...fieldsOf(connection), code: RelayCloseCode.tokenExpired });
        connection.close(RelayCloseCode.tokenExpired, 'token expired, reconnect with a fresh one');
      });
    }
    connections.add(connection);
    let document: LoadedDocument | null;
    try {
      document = await documents.join(name, connection);
    } catch (error) {
      log(`could not load "${name}": ${error instanceof Error ? error.message : String(error)}`, { ...fieldsOf(connection), level: 'error', code: RelayCloseCode.internalError });
      connection.close(RelayCloseCode.internalError, 'could not load the document, try again later');
      return;
    }
    if (document === null) return;
    // The document's own name string: the one parsed from this request can go.
    connection.documentName = document.name;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await fanout?.close();
    await store.close();
    await reencoder.close();
    throw error;
  });
  server.on('error', (error) => log(`HTTP server error: ${error.message}`, { level: 'error' }));
  if (!authenticator.devMode) {
    authenticator.warmUp().then(log, (error: unknown) => {
      log(`cannot check tokens yet, will retry with the first connection: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  const heartbeat = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, heartbeatIntervalMs);
  heartbeat.unref();

  const port = (server.address() as AddressInfo).port;
  const hostInUrl = settings.host.includes(':') ? `[${settings.host}]` : settings.host;

  async function shutDown(): Promise<void> {
    clearInterval(heartbeat);
    clearInterval(catchUpTimer);
    clearInterval(presenceTimer);
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    const clients = [...connections];
    const socketsClosed = Promise.all(clients.map((client) => client.whenClosed(closeHandshakeTimeoutMs)));
    for (const client of clients) client.close(RelayCloseCode.goingAway, 'the relay is shutting down');
    // Every accepted update is stored and sent to the other instances before the connections to them close.
    await documents.unloadAll();
    await fanout?.close();
    await store.close();
    await reencoder.close();
    await socketsClosed;
    // Sockets refused for a bad name never joined; don't let a slow close handshake hold shutdown.
    for (const socket of pendingSockets.keys()) socket.terminate();
    server.closeAllConnections();
    await serverClosed;
  }

  return {
    port,
    url: `http://${hostInUrl}:${port}`,
    wsUrl: `ws://${hostInUrl}:${port}`,
    get loadedDocuments() {
      return documents.size;
    },
    get connections() {
      return connections.size;
    },
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}

// Opens PostgreSQL when a URL is given, else SQLite in the data directory.
async function openStore(options: RelayOptions, dataDir: string | null, metrics: RelayMetrics, log: RelayLog): Promise<DocumentStore> {
  if (options.databaseUrl !== undefined) {
    let lastErrorLog = 0;
    const { PostgresStore } = await import('./postgres-store.js');
    return PostgresStore.open({
      connectionString: options.databaseUrl,
      onError: (error) => {
        metrics.databaseErrors.inc();
        if (Date.now() - lastErrorLog < 10_000) return;
        lastErrorLog = Date.now();
        log(`database error: ${error.message}`, { level: 'error' });
      },
    });
  }
  mkdirSync(dataDir!, { recursive: true });
  return new SqliteStore(join(dataDir!, sqliteFileName));
}

function checkOptions(options: RelayOptions): { port: number; host: string; dataDir: string | null; compactAfter: number; trustProxy: number; presenceRefreshMs: number } {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('startRelay needs an options object with at least { dataDir } or { databaseUrl }');
  }
  const { port = 0, host = '127.0.0.1', dataDir, compactAfter = 200, trustProxy = 0, presenceRefreshMs = 2000 } = options;
  if (options.databaseUrl !== undefined && (typeof options.databaseUrl !== 'string' || !/^postgres(ql)?:\/\//.test(options.databaseUrl))) {
    throw new TypeError('options.databaseUrl must be a PostgreSQL URL such as postgres://user:password@host:5432/database');
  }
  if (options.redisUrl !== undefined && (typeof options.redisUrl !== 'string' || !/^rediss?:\/\//.test(options.redisUrl))) {
    throw new TypeError('options.redisUrl must be a Redis URL such as redis://host:6379/0');
  }
  if (options.databaseUrl === undefined && (typeof dataDir !== 'string' || dataDir === '')) {
    throw new TypeError('options.dataDir must be a non-empty path to the directory for the database (or give options.databaseUrl)');
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`options.port must be an integer from 0 to 65535 (0 picks a free port), got ${String(port)}`);
  }
  if (typeof host !== 'string' || host === '') {
    throw new TypeError('options.host must be a non-empty host name or IP address');
  }
  if (options.staticDir !== undefined && (typeof options.staticDir !== 'string' || options.staticDir === '')) {
    throw new TypeError('options.staticDir must be a non-empty path, or omitted to serve no files');
  }
  if (!Number.isInteger(compactAfter) || compactAfter < 1) {
    throw new RangeError(`options.compactAfter must be a positive integer, got ${String(compactAfter)}`);
  }
  if (!Number.isInteger(trustProxy) || trustProxy < 0) {
    throw new RangeError(`options.trustProxy must be the number of proxies in front of the relay (0 for none), got ${String(trustProxy)}`);
  }
  if (!Number.isInteger(presenceRefreshMs) || presenceRefreshMs < 10) {
    throw new RangeError(`options.presenceRefreshMs must be an integer of at least 10 (milliseconds), got ${String(presenceRefreshMs)}`);
  }
  return { port, host, dataDir: options.databaseUrl === undefined ? dataDir! : null, compactAfter, trustProxy, presenceRefreshMs };
}

function fieldsOf(connection: ClientConnection): { document: string; user?: string } {
  const user = connection.access.user;
  return user === null ? { document: connection.documentName } : { document: connection.documentName, user: user.id };
}

// Allmende clients offer their subprotocol (and may carry the token in another one); the relay
// answers with its own so the handshake names no token. Stock y-websocket clients offer none.
function chooseProtocol(offered: ReadonlySet<string>): string | null {
  return offered.has(ALLMENDE_SUBPROTOCOL) ? ALLMENDE_SUBPROTOCOL : null;
}
