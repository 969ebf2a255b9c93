// Helpers shared by the relay's authentication tests: relays, token issuers and clients.
// Not part of the build (see tsconfig.json); imported by *.test.ts files only.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JWK, SignJWT, exportJWK, generateKeyPair } from 'jose';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ALLMENDE_SUBPROTOCOL, MESSAGE_SESSION_INFO, type SessionInfo, TOKEN_SUBPROTOCOL_PREFIX } from '@allmende/protocol';
import { type Relay, type RelayOptions, startRelay } from './index.js';

/** Cleanup callbacks, run in reverse order of registration after each test (clients, relays, directories). */
export const cleanups: Array<() => Promise<void> | void> = [];

/** Runs and clears the registered cleanups; call from `afterEach`/`afterAll`. */
export async function runCleanups(list = cleanups): Promise<void> {
  for (const cleanup of list.splice(0).reverse()) await cleanup();
}

/** Waiting options for `vi.waitFor`. */
export const eventually = { timeout: 5000, interval: 20 };

/** A shared secret long enough for HS256. */
export const testSecret = 'relay-auth-tests-secret-of-at-least-32-bytes';

/** Seconds since the epoch, as in `exp`. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** Creates a temporary data directory, removed by the given cleanup list. */
export async function makeDataDir(list = cleanups): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'allmende-relay-auth-'));
  list.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts a relay on a free port with a temporary data directory; closed by the given cleanup list. */
export async function startTestRelay(options: Partial<RelayOptions> = {}, list = cleanups): Promise<Relay> {
  const relay = await startRelay({ port: 0, dataDir: options.dataDir ?? (await makeDataDir(list)), ...options });
  list.push(() => relay.close());
  return relay;
}

/** Signs an HS256 token with `secret`; `sub` and a 10-minute `exp` unless `claims` say otherwise (undefined removes). */
export function signHs256(claims: Record<string, unknown>, secret = testSecret): Promise<string> {
  return new SignJWT(withDefaults(claims)).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}

/** A local OIDC issuer: discovery document and JWKS with one RS256 and one ES256 key, on 127.0.0.1. */
export interface TestIssuer {
  /** The issuer URL, such as `http://127.0.0.1:PORT/realms/test`. */
  readonly url: string;
  /** Signs a token with the issuer's key for `alg`; `iss` and the defaults of {@link signHs256} unless overridden. */
  sign(alg: 'RS256' | 'ES256', claims: Record<string, unknown>): Promise<string>;
  /** Signs a token with a key the issuer does not publish, under the published key's `kid`. */
  forge(alg: 'RS256' | 'ES256', claims: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/** Starts a {@link TestIssuer}; closed by the given cleanup list. */
export async function startTestIssuer(list = cleanups): Promise<TestIssuer> {
  const keys = { RS256: await generateKeyPair('RS256'), ES256: await generateKeyPair('ES256') };
  const impostors = { RS256: await generateKeyPair('RS256'), ES256: await generateKeyPair('ES256') };
  const jwks: { keys: JWK[] } = { keys: [] };
  for (const alg of ['RS256', 'ES256'] as const) {
    jwks.keys.push({ ...(await exportJWK(keys[alg].publicKey)), kid: `${alg}-key`, alg, use: 'sig' });
  }
  let url = '';
  const server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/realms/test/.well-known/openid-configuration') {
      response.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/protocol/openid-connect/certs` }));
    } else if (request.url === '/realms/test/protocol/openid-connect/certs') {
      response.end(JSON.stringify(jwks));
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test`;
  const signWith = (alg: 'RS256' | 'ES256', claims: Record<string, unknown>, key: CryptoKey): Promise<string> =>
    new SignJWT(withDefaults({ iss: url, ...claims })).setProtectedHeader({ alg, kid: `${alg}-key` }).sign(key);
  const issuer: TestIssuer = {
    url,
    sign: (alg, claims) => signWith(alg, claims, keys[alg].privateKey),
    forge: (alg, claims) => signWith(alg, claims, impostors[alg].privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  list.push(() => issuer.close());
  return issuer;
}

function withDefaults(claims: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { sub: 'u-test', exp: nowSeconds() + 600, ...claims };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  return merged;
}

/** How a test client sends its token: in the subprotocol (as @allmende/core does) or in the query (stock y-websocket). */
export type TokenTransport = 'subprotocol' | 'query';

/** A y-websocket client in Node. */
export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves with the first close the relay sent that stops the provider (codes 4400–4499). */
  closed: Promise<{ code: number; reason: string }>;
  /** The session info messages received (only clients that offer the allmende.v1 subprotocol get them). */
  sessionInfo: SessionInfo[];
}

/** Options for {@link connectClient}. */
export interface ClientOptions {
  token?: string | null;
  transport?: TokenTransport;
  /** The client's own presence state; omitted means none. */
  presence?: Record<string, unknown>;
  /** Don't connect until `provider.connect()`. */
  connect?: boolean;
}

/** Connects a stock y-websocket `WebsocketProvider` to document `name`. */
export function connectClient(relay: Relay, name: string, options: ClientOptions = {}, list = cleanups): TestClient {
  const { token = null, transport = 'subprotocol', presence, connect = true } = options;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(relay.wsUrl, name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has BroadcastChannel: without this, clients in one process would sync around the relay.
    disableBc: true,
    connect,
    ...tokenOptions(token, transport),
  });
  provider.awareness.setLocalState(presence ?? null);
  const sessionInfo: SessionInfo[] = [];
  // As @allmende/core does; a stock provider would log "Unable to compute message".
  provider.messageHandlers[MESSAGE_SESSION_INFO] = (_encoder, decoder) => {
    sessionInfo.push(JSON.parse(decoding.readVarString(decoder)) as SessionInfo);
  };
  const closed = new Promise<{ code: number; reason: string }>((resolve) => provider.once('closed', (event) => resolve(event)));
  list.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider, closed, sessionInfo };
}

/** The provider options that carry `token` by `transport`. */
export function tokenOptions(token: string | null, transport: TokenTransport): { protocols: string[]; params: Record<string, string> } {
  if (transport === 'query') return { protocols: [], params: token === null ? {} : { token } };
  return { protocols: token === null ? [ALLMENDE_SUBPROTOCOL] : [ALLMENDE_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + token], params: {} };
}

/** Resolves once the client has synced with the relay. */
export function synced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => client.provider.once('sync', (isSynced: boolean) => isSynced && resolve()));
}

/** A raw `ws` socket and everything it received. */
export interface RawClient {
  socket: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens a raw WebSocket to `url` offering `protocols`; resolves once it is open. */
export function connectRaw(url: string, protocols: string[] = [], list = cleanups): Promise<RawClient> {
  const socket = new WebSocket(url, protocols);
  const messages: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  list.push(() => socket.terminate());
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages, closed }));
    socket.once('error', reject);
  });
}

/** Encodes a y-websocket awareness message by hand: `[clientID, clock, state]` per entry. */
export function awarenessMessage(entries: Array<[clientID: number, clock: number, state: unknown]>): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientID, clock, state] of entries) {
    encoding.writeVarUint(update, clientID);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}
