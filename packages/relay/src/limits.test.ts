// One test per limit, against the real relay: the breaching connection is closed with the
// limit's code and a log line, nothing it sent is stored, and everyone else carries on.
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import {
  type RawClient,
  type TestClient,
  awarenessMessage,
  cleanups,
  connectClient,
  connectRaw,
  eventually,
  makeDataDir,
  runCleanups,
  startTestRelay,
  synced,
} from './auth.test-support.js';
import {
  chainSegment,
  craftUpdate,
  gcStruct,
  joinableChain,
  rootAny,
  rootString,
  syncUpdateMessage,
} from './hostile-updates.test-support.js';
import { type Relay, RelayCloseCode, startRelay } from './index.js';
import { readStoredUpdates } from './sqlite.test-support.js';

afterEach(() => runCleanups());

const patiently = { timeout: 20_000, interval: 20 };

function text(client: TestClient): Y.Text {
  return client.doc.getText('content');
}

/** Two honest clients on `name`, synced, with presence. */
async function honestPair(relay: Relay, name: string): Promise<[TestClient, TestClient]> {
  const alice = connectClient(relay, name, { presence: { user: 'alice' } });
  const bob = connectClient(relay, name, { presence: { user: 'bob' } });
  await Promise.all([synced(alice), synced(bob)]);
  return [alice, bob];
}

/** Asserts that an edit by `from` still reaches `to`. */
async function stillSyncing(from: TestClient, to: TestClient, word: string): Promise<void> {
  text(from).insert(text(from).length, word);
  await vi.waitFor(() => expect(text(to).toString()).toBe(text(from).toString()), eventually);
  expect(from.provider.wsconnected && to.provider.wsconnected).toBe(true);
}

function logger(): { lines: string[]; log: (line: string) => void } {
  const lines: string[] = [];
  return { lines, log: (line) => lines.push(line) };
}

function storedRows(dataDir: string, name: string): Uint8Array[] {
  return readStoredUpdates(dataDir, name);
}

function storedText(dataDir: string, name: string): string {
  const rows = storedRows(dataDir, name);
  const doc = new Y.Doc();
  if (rows.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(rows));
  return doc.getText('content').toString();
}

function openRaw(relay: Relay, name: string, headers: Record<string, string> = {}): Promise<RawClient> {
  const socket = new WebSocket(`${relay.wsUrl}/${name}`, { headers });
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

/** Sends `message` on a fresh raw connection to `name` and resolves with how the relay closed it. */
async function sendAlone(relay: Relay, name: string, message: Uint8Array): Promise<{ code: number; reason: string }> {
  const raw = await connectRaw(`${relay.wsUrl}/${name}`);
  raw.socket.send(message);
  return raw.closed;
}

describe('relay limits', () => {
  it('closes a connection whose message is too big with 1009, before decoding it, and logs why', async () => {
    const { lines, log } = logger();
    const relay = await startTestRelay({ limits: { maxMessageBytes: 1024 }, logger: log });
    const [alice, bob] = await honestPair(relay, 'limits/size');

    const big = new Uint8Array(4096);
    big.set(syncUpdateMessage(craftUpdate([[1, 0, [rootString('content', 'x'.repeat(4000))]]])).subarray(0, 4096));
    expect((await sendAlone(relay, 'limits/size', big)).code).toBe(RelayCloseCode.messageTooBig);
    await vi.waitFor(() => expect(lines).toContain('closing a connection to "limits/size" with 1009: a message larger than 1024 bytes'), eventually);
    await stillSyncing(alice, bob, 'unaffected');
  });

  it('closes a connection that sends too many messages with 4429 and logs it once', async () => {
    const { lines, log } = logger();
    const relay = await startTestRelay({ limits: { messagesPerSecond: 10, messageBurst: 50 }, logger: log });
    const [alice, bob] = await honestPair(relay, 'limits/rate');

    const flood = await connectRaw(`${relay.wsUrl}/limits/rate`);
    for (let i = 0; i < 500; i++) flood.socket.send(new Uint8Array([3]));
    expect((await flood.closed).code).toBe(RelayCloseCode.rateLimited);
    expect(lines.filter((line) => line.includes('with 4429'))).toEqual([
      'closing the connection of anonymous to "limits/rate" with 4429: more than 10 messages per second',
    ]);
    await stillSyncing(alice, bob, 'unaffected');
  });

  it('does not count the presence echoes of y-websocket clients against the rate', async () => {
    const { lines, log } = logger();
    // Far below what six busy clients echo: without the echo allowance they would all be closed.
    const relay = await startTestRelay({ limits: { messagesPerSecond: 2, messageBurst: 30 }, logger: log });
    const clients = Array.from({ length: 6 }, (_, i) => connectClient(relay, 'limits/echo', { presence: { user: `u${i}`, moves: 0 } }));
    await Promise.all(clients.map(synced));
    for (let move = 1; move <= 10; move++) {
      for (const client of clients) client.provider.awareness.setLocalStateField('moves', move);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const watcher of clients) {
      await vi.waitFor(() => {
        for (const client of clients) {
          expect(watcher.provider.awareness.getStates().get(client.doc.clientID)).toMatchObject({ moves: 10 });
        }
      }, eventually);
    }
    expect(clients.every((client) => client.provider.wsconnected)).toBe(true);
    expect(lines.filter((line) => line.includes('4429'))).toEqual([]);
  });

  it('accepts and closes one connection too many from an address with 4529', async () => {
    const { lines, log } = logger();
    const relay = await startTestRelay({ limits: { connectionsPerAddress: 3 }, logger: log });
    const [alice, bob] = await honestPair(relay, 'limits/address');
    const third = await openRaw(relay, 'limits/address');
    await vi.waitFor(() => expect(third.messages.length).toBeGreaterThan(0), eventually);

    const fourth = await openRaw(relay, 'limits/address');
    expect((await fourth.closed).code).toBe(RelayCloseCode.tooManyConnections);
    expect(lines).toContain('closing a connection to "limits/address" with 4529: more than 3 open connections from 127.0.0.1');
    await stillSyncing(alice, bob, 'unaffected');

    third.socket.close();
    await third.closed;
    await vi.waitFor(async () => {
      const again = await openRaw(relay, 'limits/address');
      await vi.waitFor(() => expect(again.messages.length).toBeGreaterThan(0), { timeout: 500, interval: 20 });
    }, eventually);
  });

  it('counts connections by the X-Forwarded-For address the trusted proxy added', async () => {
    const relay = await startTestRelay({ limits: { connectionsPerAddress: 1 }, trustProxy: 1 });
    const first = await openRaw(relay, 'limits/proxy', { 'X-Forwarded-For': '203.0.113.1' });
    const other = await openRaw(relay, 'limits/proxy', { 'X-Forwarded-For': '203.0.113.2' });
    await vi.waitFor(() => expect(first.messages.length * other.messages.length).toBeGreaterThan(0), eventually);
    // What the client itself wrote in front of the proxy's entry does not change its address.
    const forged = await openRaw(relay, 'limits/proxy', { 'X-Forwarded-For': '198.51.100.9, 203.0.113.1' });
    expect((await forged.closed).code).toBe(RelayCloseCode.tooManyConnections);
  });

  it('closes a connection that announces more presence states than allowed with 4431, applying none', async () => {
    const { lines, log } = logger();
    const relay = await startTestRelay({ limits: { presenceStatesPerConnection: 2 }, logger: log });
    const [alice, bob] = await honestPair(relay, 'limits/presence');

    const modest = await connectRaw(`${relay.wsUrl}/limits/presence`);
    modest.socket.send(awarenessMessage([[901, 1, { user: 'tab 1' }], [902, 1, { user: 'tab 2' }]]));
    modest.socket.send(awarenessMessage([[901, 2, null], [903, 1, { user: 'tab 3' }]]));
    await vi.waitFor(() => expect(bob.provider.awareness.getStates().get(903)).toEqual({ user: 'tab 3' }), eventually);

    const greedy = await connectRaw(`${relay.wsUrl}/limits/presence`);
    greedy.socket.send(awarenessMessage([[911, 1, { user: 'a' }], [912, 1, { user: 'b' }], [913, 1, { user: 'c' }]]));
    expect((await greedy.closed).code).toBe(RelayCloseCode.tooManyPresenceStates);
    expect(lines).toContain('closing a connection to "limits/presence" with 4431: more than 2 presence states on one connection');

    alice.provider.awareness.setLocalStateField('user', 'alice again');
    await vi.waitFor(() => expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toEqual({ user: 'alice again' }), eventually);
    for (const id of [911, 912, 913]) expect(bob.provider.awareness.getStates().has(id)).toBe(false);
    expect(modest.socket.readyState).toBe(WebSocket.OPEN);
    await stillSyncing(alice, bob, 'unaffected');
  });

  it('closes the sender of an update that would make the document too large with 4413, storing nothing', async () => {
    const { lines, log } = logger();
    const dataDir = await makeDataDir();
    const relay = await startRelay({ port: 0, dataDir, limits: { maxDocumentBytes: 4096 }, logger: log });
    const [alice, bob] = await honestPair(relay, 'limits/document');
    await stillSyncing(alice, bob, 'small');

    const huge = syncUpdateMessage(craftUpdate([[77, 0, [rootString('content', 'x'.repeat(5000))]]]));
    expect((await sendAlone(relay, 'limits/document', huge)).code).toBe(RelayCloseCode.documentTooLarge);
    expect(lines).toContain('closing a connection to "limits/document" with 4413: the document would grow beyond 4096 bytes');
    await stillSyncing(alice, bob, ' still');
    expect(text(bob).toString()).toBe('small still');

    alice.provider.destroy();
    bob.provider.destroy();
    await relay.close();
    expect(storedText(dataDir, 'limits/document')).toBe('small still');
  });

  it('closes the sender of a malformed update with 4400 and stores nothing of it', async () => {
    const { lines, log } = logger();
    const dataDir = await makeDataDir();
    const relay = await startRelay({ port: 0, dataDir, logger: log });
    const [alice, bob] = await honestPair(relay, 'limits/malformed');
    await stillSyncing(alice, bob, 'honest');
    const rowsBefore = storedRows(dataDir, 'limits/malformed').length;

    const valid = craftUpdate([[55, 0, [rootString('content', 'forged')]]]);
    const malformed = [
      valid.subarray(0, valid.length - 3),
      new Uint8Array([...valid, 0]),
      new Uint8Array([1, 1, 55, 0, 11, 0]),
      // A string that declares 2^31 bytes in a message of a dozen.
      craftUpdate([[55, 0, [{ info: 4, body: (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 'content');
        encoding.writeVarUint(e, 2 ** 31);
      } }]]]),
    ];
    for (const update of malformed) {
      const { code, reason } = await sendAlone(relay, 'limits/malformed', syncUpdateMessage(update));
      expect(code).toBe(RelayCloseCode.badRequest);
      expect(reason).toMatch(/^malformed Yjs update/);
    }
    expect(lines.filter((line) => line.includes('with 4400: malformed Yjs update'))).toHaveLength(malformed.length);
    expect(storedRows(dataDir, 'limits/malformed')).toHaveLength(rowsBefore);
    await stillSyncing(alice, bob, ' and on');

    alice.provider.destroy();
    bob.provider.destroy();
    await relay.close();
    expect(storedText(dataDir, 'limits/malformed')).toBe('honest and on');
  });

  it('rejects crafted updates of the yjs issue 687 kind with 4422 while an honest client keeps syncing', async () => {
    const dataDir = await makeDataDir();
    const relay = await startRelay({ port: 0, dataDir });
    cleanups.push(() => relay.close());
    const [alice, bob] = await honestPair(relay, 'limits/crafted');

    const nested = (e: encoding.Encoder): void => {
      for (let i = 0; i < 200_000; i++) {
        encoding.writeUint8(e, 117);
        encoding.writeVarUint(e, 1);
      }
      encoding.writeUint8(e, 126);
    };
    const crafted: Array<[string, Uint8Array]> = [
      ['a clock near 2^53', craftUpdate([[66, 2 ** 52, [rootString('content', 'x')]]])],
      ['a GC range of 2^53 - 1', craftUpdate([[66, 0, [gcStruct(Number.MAX_SAFE_INTEGER)]]])],
      ['an enormous delete range', craftUpdate([], [[alice.doc.clientID, [[0, 2 ** 52]]]])],
      ['values nested 200,000 deep', craftUpdate([[66, 0, [rootAny('m', nested)]]])],
      ['20,000 joinable items', joinableChain(66, 20_000)],
      ['1,000,001 structs', craftUpdate([[66, 0, [rootString('content', 'x'), ...Array.from({ length: 1_000_000 }, () => gcStruct(1))]]])],
    ];

    // Alice types throughout; none of it may be held up or lost.
    let typed = 0;
    const typing = setInterval(() => text(alice).insert(text(alice).length, `${typed++} `), 5);
    try {
      for (const [what, update] of crafted) {
        const { code, reason } = await sendAlone(relay, 'limits/crafted', syncUpdateMessage(update));
        expect(code, what).toBe(RelayCloseCode.updateTooComplex);
        expect(reason, what).toMatch(/^update too complex/);
      }
    } finally {
      clearInterval(typing);
    }
    await vi.waitFor(() => expect(text(bob).toString()).toBe(text(alice).toString()), patiently);
    expect(typed).toBeGreaterThan(0);
    await stillSyncing(bob, alice, 'after');

    // Everything stored is Alice's typing.
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.mergeUpdates(storedRows(dataDir, 'limits/crafted')));
    expect(stored.getText('content').toString()).toBe(text(alice).toString());
    expect([...Y.decodeStateVector(Y.encodeStateVector(stored)).keys()].sort()).toEqual(
      [alice.doc.clientID, bob.doc.clientID].sort(),
    );
  });

  it('re-encodes a document whose content is pathological off the main thread, and gives up in time', async () => {
    const { lines, log } = logger();
    const relay = await startTestRelay({ limits: { reencodeTimeoutMs: 1000 }, logger: log });
    const [alice, bob] = await honestPair(relay, 'limits/elsewhere');

    // Each update is a short, valid chain; together they make one a Y.Doc joins in quadratic time.
    const chain = await connectRaw(`${relay.wsUrl}/limits/chain`);
    for (let segment = 0; segment < 40; segment++) chain.socket.send(syncUpdateMessage(chainSegment(88, segment * 10_000, 10_000)));
    await vi.waitFor(() => expect(lines.some((line) => line.startsWith('kept "limits/chain" as it is, re-encoding failed'))).toBe(true), patiently);
    expect(chain.socket.readyState).toBe(WebSocket.OPEN);

    // The relay kept serving everyone meanwhile.
    await stillSyncing(alice, bob, 'meanwhile');
    expect((await fetch(`${relay.url}/healthz`)).status).toBe(200);
    const before = chain.messages.length;
    chain.socket.send(new Uint8Array([0, 0, 1, 0]));
    await vi.waitFor(() => expect(chain.messages.slice(before).some((m) => m[0] === 0 && m[1] === 1)).toBe(true), eventually);
  });
});
