import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { awarenessMessage } from './auth.test-support.js';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { RelayCloseCode, startRelay, type Relay, type RelayOptions } from './index.js';
import { appendStoredUpdate, countStoredRows } from './sqlite.test-support.js';

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  // Clients first, then relays, then directories: the reverse of creation.
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function makeDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'allmende-relay-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function startTestRelay(options: Partial<RelayOptions> = {}): Promise<Relay> {
  const relay = await startRelay({ port: 0, dataDir: options.dataDir ?? (await makeDataDir()), ...options });
  cleanups.push(() => relay.close());
  return relay;
}

interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  text: Y.Text;
}

function connectClient(relay: Relay, name: string, user?: string, clientID?: number): TestClient {
  const doc = new Y.Doc();
  // Before the provider exists: its Awareness takes the doc's clientID when constructed.
  if (clientID !== undefined) doc.clientID = clientID;
  const provider = new WebsocketProvider(relay.wsUrl, name, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Node has BroadcastChannel: without this, clients in one process would sync around the relay.
    disableBc: true,
  });
  if (user !== undefined) provider.awareness.setLocalState({ user });
  else provider.awareness.setLocalState(null);
  cleanups.push(() => {
    provider.destroy();
    doc.destroy();
  });
  return { doc, provider, text: doc.getText('content') };
}

function synced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => client.provider.once('sync', (isSynced: boolean) => isSynced && resolve()));
}

interface RawClient {
  socket: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

function connectRaw(url: string): Promise<RawClient> {
  const socket = new WebSocket(url);
  const messages: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  cleanups.push(() => socket.terminate());
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, messages, closed }));
    socket.once('error', reject);
  });
}

function countRows(dataDir: string, name: string): number {
  return countStoredRows(dataDir, name);
}

const eventually = { timeout: 5000, interval: 20 };

describe('relay', () => {
  it('syncs text between two clients in both directions', async () => {
    const relay = await startTestRelay();
    const alice = connectClient(relay, 'team/minutes');
    const bob = connectClient(relay, 'team/minutes');
    await Promise.all([synced(alice), synced(bob)]);

    alice.text.insert(0, 'hello');
    await vi.waitFor(() => expect(bob.text.toString()).toBe('hello'), eventually);
    bob.text.insert(5, ' world');
    await vi.waitFor(() => expect(alice.text.toString()).toBe('hello world'), eventually);
    expect(bob.text.toString()).toBe('hello world');
  });

  it('gives a late joiner the full state', async () => {
    const relay = await startTestRelay();
    const alice = connectClient(relay, 'late');
    await synced(alice);
    alice.text.insert(0, 'written before ');
    alice.doc.getMap('meta').set('title', 'Minutes');
    alice.text.insert(alice.text.length, 'anyone else came');
    alice.text.delete(0, 8);

    const carol = connectClient(relay, 'late');
    await synced(carol);
    await vi.waitFor(() => expect(carol.text.toString()).toBe('before anyone else came'), eventually);
    expect(carol.doc.getMap('meta').get('title')).toBe('Minutes');
  });

  it('stores an update before other clients receive it', async () => {
    const dataDir = await makeDataDir();
    const relay = await startTestRelay({ dataDir });
    const alice = connectClient(relay, 'durable');
    const bob = connectClient(relay, 'durable');
    await Promise.all([synced(alice), synced(bob)]);

    const rowsWhenReceived: number[] = [];
    bob.doc.on('update', () => rowsWhenReceived.push(countRows(dataDir, 'durable')));
    alice.text.insert(0, 'x');
    await vi.waitFor(() => expect(bob.text.toString()).toBe('x'), eventually);
    expect(rowsWhenReceived.length).toBeGreaterThan(0);
    expect(rowsWhenReceived.every((rows) => rows >= 1)).toBe(true);
  });

  it('keeps content across a restart on the same data directory', async () => {
    const dataDir = await makeDataDir();
    const first = await startRelay({ port: 0, dataDir });
    const alice = connectClient(first, 'projects/plan');
    await synced(alice);
    alice.text.insert(0, 'survives restarts');
    const bob = connectClient(first, 'projects/plan');
    await vi.waitFor(() => expect(bob.text.toString()).toBe('survives restarts'), eventually);
    alice.provider.destroy();
    bob.provider.destroy();
    await first.close();

    const second = await startTestRelay({ dataDir });
    const carol = connectClient(second, 'projects/plan');
    await synced(carol);
    await vi.waitFor(() => expect(carol.text.toString()).toBe('survives restarts'), eventually);
  });

  it('compacts the log into one row and keeps the content intact', async () => {
    const dataDir = await makeDataDir();
    const relay = await startTestRelay({ dataDir, compactAfter: 5 });
    const alice = connectClient(relay, 'compact-me');
    await synced(alice);

    for (const letter of 'abcde') alice.text.insert(alice.text.length, letter);
    await vi.waitFor(() => expect(countRows(dataDir, 'compact-me')).toBe(1), eventually);
    for (const letter of 'fgh') alice.text.insert(alice.text.length, letter);
    await vi.waitFor(() => expect(countRows(dataDir, 'compact-me')).toBe(4), eventually);

    alice.provider.destroy();
    await vi.waitFor(() => expect(relay.loadedDocuments).toBe(0), eventually);
    expect(countRows(dataDir, 'compact-me')).toBe(1);

    const bob = connectClient(relay, 'compact-me');
    await synced(bob);
    await vi.waitFor(() => expect(bob.text.toString()).toBe('abcdefgh'), eventually);
  });

  it('unloads a document after its last client leaves', async () => {
    const relay = await startTestRelay();
    const alice = connectClient(relay, 'one');
    const bob = connectClient(relay, 'one');
    const carol = connectClient(relay, 'two');
    await Promise.all([synced(alice), synced(bob), synced(carol)]);
    expect(relay.loadedDocuments).toBe(2);

    alice.provider.destroy();
    carol.provider.destroy();
    await vi.waitFor(() => expect(relay.loadedDocuments).toBe(1), eventually);
    bob.provider.destroy();
    await vi.waitFor(() => expect(relay.loadedDocuments).toBe(0), eventually);
  });

  it('removes the awareness of a disconnected client for the others', async () => {
    const relay = await startTestRelay();
    const alice = connectClient(relay, 'presence', 'alice');
    const bob = connectClient(relay, 'presence', 'bob');
    await Promise.all([synced(alice), synced(bob)]);
    await vi.waitFor(() => expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toEqual({ user: 'alice' }), eventually);
    await vi.waitFor(() => expect(alice.provider.awareness.getStates().get(bob.doc.clientID)).toEqual({ user: 'bob' }), eventually);

    // A crashed tab: the socket drops without the provider announcing its departure.
    alice.provider.shouldConnect = false;
    (alice.provider.ws as unknown as WebSocket).terminate();
    await vi.waitFor(() => expect(bob.provider.awareness.getStates().has(alice.doc.clientID)).toBe(false), eventually);
    expect(bob.provider.awareness.getStates().get(bob.doc.clientID)).toEqual({ user: 'bob' });
  });

  it('keeps the presence of a client that reconnected while its old socket was half-open', async () => {
    const relay = await startTestRelay();
    const bob = connectClient(relay, 'handover', 'bob');
    await synced(bob);
    const states = (): Map<number, unknown> => bob.provider.awareness.getStates();

    // Alice's old connection, still open on the relay's side: her state (clock 1), and a
    // second state whose removal shows when the relay has handled this connection's end.
    const aliceId = 1_000_001;
    const marker = 1_000_002;
    const old = await connectRaw(`${relay.wsUrl}/handover`);
    old.socket.send(awarenessMessage([[aliceId, 1, { user: 'alice' }], [marker, 1, { user: 'marker' }]]));
    await vi.waitFor(() => expect(states().get(marker)).toEqual({ user: 'marker' }), eventually);
    expect(states().get(aliceId)).toEqual({ user: 'alice' });

    // Alice's tab reconnects with the same clientID. Her state has moved on meanwhile
    // (clock 2, set before the socket opens), so the relay sees it as `updated`, not `added`.
    const alice = connectClient(relay, 'handover', 'alice', aliceId);
    alice.provider.awareness.setLocalState({ user: 'alice again' });
    expect(alice.provider.awareness.meta.get(aliceId)?.clock).toBe(2);
    await synced(alice);
    await vi.waitFor(() => expect(states().get(aliceId)).toEqual({ user: 'alice again' }), eventually);

    // The relay removes all of a connection's states in one message, so once the marker is
    // gone Bob has seen everything the old connection's end caused. (Alice's provider would
    // re-assert a state the relay removed, so checking her presence alone could miss a flicker.)
    const removedForBob: number[] = [];
    bob.provider.awareness.on('change', ({ removed }: { removed: number[] }) => removedForBob.push(...removed));
    old.socket.terminate();
    await vi.waitFor(() => expect(states().has(marker)).toBe(false), eventually);
    expect(removedForBob).toEqual([marker]);
    expect(states().get(aliceId)).toEqual({ user: 'alice again' });

    // The new connection owns the state now: when it drops, the state goes.
    alice.provider.shouldConnect = false;
    (alice.provider.ws as unknown as WebSocket).terminate();
    await vi.waitFor(() => expect(states().has(aliceId)).toBe(false), eventually);
    expect(states().get(bob.doc.clientID)).toEqual({ user: 'bob' });
  });

  it('refuses a bad document name with close code 4400 and a reason', async () => {
    const relay = await startTestRelay();
    for (const path of ['/has%20space', '/a/b/c/d/e', '/..%2Fescape', '/', '/%E0%A4%A']) {
      const client = await connectRaw(relay.wsUrl + path);
      const { code, reason } = await client.closed;
      expect(code, path).toBe(RelayCloseCode.badRequest);
      expect(reason, path).toMatch(/document name/);
    }
    expect(relay.loadedDocuments).toBe(0);

    const client = connectClient(relay, 'a/b/c/d/e');
    const closedEvent = await new Promise<{ code: number }>((resolve) =>
      client.provider.on('connection-close', (event) => event !== null && resolve(event)),
    );
    expect(closedEvent.code).toBe(4400);
    expect(client.provider.shouldConnect).toBe(false);
  });

  it('closes only the connection that sent a malformed message', async () => {
    const relay = await startTestRelay();
    const alice = connectClient(relay, 'shared');
    const bob = connectClient(relay, 'shared');
    await Promise.all([synced(alice), synced(bob)]);

    const truncated = await connectRaw(`${relay.wsUrl}/shared`);
    truncated.socket.send(new Uint8Array([0, 2, 5, 1, 2, 3]));
    expect((await truncated.closed).code).toBe(RelayCloseCode.badRequest);

    const garbage = await connectRaw(`${relay.wsUrl}/shared`);
    garbage.socket.send(new Uint8Array([0, 2, 9, 200, 200, 200, 200, 200, 200, 200, 200, 1]));
    const garbageClose = await garbage.closed;
    expect(garbageClose.code).toBe(RelayCloseCode.badRequest);
    expect(garbageClose.reason).toMatch(/malformed/);

    alice.text.insert(0, 'still working');
    await vi.waitFor(() => expect(bob.text.toString()).toBe('still working'), eventually);
    expect(alice.provider.wsconnected && bob.provider.wsconnected).toBe(true);
  });

  it('ignores unknown message types and answers sync step 1 on the same connection', async () => {
    const relay = await startTestRelay();
    const client = await connectRaw(`${relay.wsUrl}/raw`);
    await vi.waitFor(() => expect(client.messages.length).toBeGreaterThan(0), eventually);
    expect([...client.messages[0]!.subarray(0, 2)]).toEqual([0, 0]);

    client.socket.send(new Uint8Array([7, 1, 2, 3]));
    client.socket.send(new Uint8Array([0, 0, 1, 0]));
    await vi.waitFor(() => expect(client.messages.some((m) => m[0] === 0 && m[1] === 1)).toBe(true), eventually);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('closes with 1011 when a stored document cannot be loaded, and serves other documents', async () => {
    const dataDir = await makeDataDir();
    await appendStoredUpdate(dataDir, 'broken', new Uint8Array([1, 2, 3]));
    const relay = await startTestRelay({ dataDir });

    const broken = await connectRaw(`${relay.wsUrl}/broken`);
    expect((await broken.closed).code).toBe(RelayCloseCode.internalError);
    expect(relay.loadedDocuments).toBe(0);

    const alice = connectClient(relay, 'healthy');
    const bob = connectClient(relay, 'healthy');
    await Promise.all([synced(alice), synced(bob)]);
    alice.text.insert(0, 'fine');
    await vi.waitFor(() => expect(bob.text.toString()).toBe('fine'), eventually);
  });

  it('closes a connection whose message exceeds maxMessageBytes with 1009', async () => {
    const relay = await startTestRelay({ limits: { maxMessageBytes: 1024 } });
    const client = await connectRaw(`${relay.wsUrl}/big`);
    client.socket.send(new Uint8Array(4096));
    expect((await client.closed).code).toBe(RelayCloseCode.messageTooBig);
  });

  it('refuses a presence refresh interval that is not a whole number of milliseconds of at least 10', async () => {
    const dataDir = await makeDataDir();
    for (const presenceRefreshMs of [0, 5, 1.5, Number.NaN]) {
      await expect(startRelay({ port: 0, dataDir, presenceRefreshMs })).rejects.toThrow(/presenceRefreshMs must be an integer of at least 10/);
    }
  });

  it('closes clients with 1001 when the relay shuts down', async () => {
    const relay = await startRelay({ port: 0, dataDir: await makeDataDir() });
    const client = await connectRaw(`${relay.wsUrl}/closing`);
    await relay.close();
    expect((await client.closed).code).toBe(RelayCloseCode.goingAway);
    expect(relay.loadedDocuments).toBe(0);
  });
});
