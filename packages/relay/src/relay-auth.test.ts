import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { ALLMENDE_SUBPROTOCOL, MESSAGE_SESSION_INFO, RelayCloseCode, TOKEN_SUBPROTOCOL_PREFIX } from '@allmende/protocol';
import { startRelay } from './index.js';
import { readStoredUpdates } from './sqlite.test-support.js';
import {
  awarenessMessage,
  connectClient,
  connectRaw,
  eventually,
  makeDataDir,
  nowSeconds,
  runCleanups,
  signHs256,
  startTestRelay,
  synced,
  testSecret,
  tokenOptions,
} from './auth.test-support.js';

afterEach(() => runCleanups());

const auth = { jwtSecret: testSecret };

function token(sub: string, name: string, access: string[], claims: Record<string, unknown> = {}): Promise<string> {
  return signHs256({ sub, name, access, ...claims });
}

/** Reads a document's rows straight from the SQLite file into a fresh Y.Doc. */
function storedDoc(dataDir: string, name: string): Y.Doc {
  const doc = new Y.Doc();
  for (const update of readStoredUpdates(dataDir, name)) Y.applyUpdate(doc, update);
  return doc;
}

describe('read-only connections', () => {
  it('leave the stored document unchanged, as SQLite shows after a restart', async () => {
    const dataDir = await makeDataDir();
    const logs: string[] = [];
    const first = await startRelay({ port: 0, dataDir, auth, logger: (line) => logs.push(line) });
    const writer = connectClient(first, 'council/agenda', { token: await token('u-ada', 'Ada', ['council/*=write']) });
    await synced(writer);
    writer.doc.getText('notes').insert(0, 'Item 1: budget');
    writer.doc.getMap('comments').set('c1', 'agreed');

    const reader = connectClient(first, 'council/agenda', {
      token: await token('u-rita', 'Rita', ['council/*=read']),
      presence: { user: { name: 'Rita' }, step: 0 },
    });
    await synced(reader);
    await vi.waitFor(() => expect(reader.doc.getText('notes').toString()).toBe('Item 1: budget'), eventually);

    // Everything a reader might try: typing, deleting, commenting, a new root type.
    reader.doc.getText('notes').insert(0, 'vandalism ');
    reader.doc.getText('notes').delete(10, 4);
    reader.doc.getMap('comments').set('c2', 'spam');
    reader.doc.getMap('comments').delete('c1');
    reader.doc.getArray('extra').insert(0, [1, 2, 3]);
    // The relay handles a connection's messages in order: once this presence arrives, so have the edits.
    reader.provider.awareness.setLocalStateField('step', 1);
    await vi.waitFor(() => expect((writer.provider.awareness.getStates().get(reader.doc.clientID) as { step: number }).step).toBe(1), eventually);

    // The reader still receives live edits.
    writer.doc.getText('notes').insert(writer.doc.getText('notes').length, ', approved');
    await vi.waitFor(() => expect(reader.doc.getText('notes').toString()).toContain(', approved'), eventually);
    expect(writer.doc.getText('notes').toString()).toBe('Item 1: budget, approved');
    expect(logs.filter((line) => line.includes('dropped an update from user "u-rita" (read)'))).toHaveLength(1);

    reader.provider.destroy();
    writer.provider.destroy();
    await first.close();

    const stored = storedDoc(dataDir, 'council/agenda');
    expect(stored.getText('notes').toString()).toBe('Item 1: budget, approved');
    expect(stored.getMap('comments').toJSON()).toEqual({ c1: 'agreed' });
    expect(stored.share.has('extra')).toBe(false);
    // The stored state holds exactly the writer's structs: nothing of the reader's client id.
    expect(Y.decodeStateVector(Y.encodeStateVector(stored))).toEqual(Y.decodeStateVector(Y.encodeStateVector(writer.doc)));
    expect(Y.decodeStateVector(Y.encodeStateVector(stored)).has(reader.doc.clientID)).toBe(false);

    const second = await startTestRelay({ dataDir, auth });
    const late = connectClient(second, 'council/agenda', { token: await token('u-lee', 'Lee', ['council/*=read']) });
    await synced(late);
    await vi.waitFor(() => expect(late.doc.getText('notes').toString()).toBe('Item 1: budget, approved'), eventually);
    expect(late.doc.getMap('comments').toJSON()).toEqual({ c1: 'agreed' });
  });

  it('log nothing when they only sync, though their sync step 2 carries a delete set', async () => {
    const logs: string[] = [];
    const relay = await startTestRelay({ auth, logger: (line) => logs.push(line) });
    const writer = connectClient(relay, 'council/minutes', { token: await token('u-ada', 'Ada', ['council/*=write']) });
    await synced(writer);
    writer.doc.getText('notes').insert(0, 'draft: final text');
    writer.doc.getText('notes').delete(0, 7);
    const reader = connectClient(relay, 'council/minutes', { token: await token('u-rita', 'Rita', ['council/*=read']), presence: { step: 1 } });
    await synced(reader);
    await vi.waitFor(() => expect(reader.doc.getText('notes').toString()).toBe('final text'), eventually);
    // On a reconnect its sync step 2 carries the deletions it has seen.
    expect(Y.decodeUpdate(Y.encodeStateAsUpdate(reader.doc)).ds.clients.size).toBeGreaterThan(0);
    reader.provider.disconnect();
    expect(reader.provider.synced).toBe(false);
    reader.provider.connect();
    await synced(reader);
    // The reader answered the relay's sync step 1 before it synced; this presence change comes after.
    reader.provider.awareness.setLocalStateField('step', 2);
    await vi.waitFor(() => expect(writer.provider.awareness.getStates().get(reader.doc.clientID)).toMatchObject({ step: 2 }), eventually);
    expect(logs.filter((line) => line.includes('dropped an update'))).toEqual([]);
  });
});

describe('presence', () => {
  it("cannot be spoofed: another person's client id is refused, a forged name is overwritten", async () => {
    const logs: string[] = [];
    const relay = await startTestRelay({ auth, logger: (line) => logs.push(line) });
    const alice = connectClient(relay, 'team/doc', {
      token: await token('u-alice', 'Alice', ['team/*=write']),
      presence: { user: { name: 'Alice', color: '#a00' } },
    });
    const bob = connectClient(relay, 'team/doc', { token: await token('u-bob', 'Bob', ['team/*=read']) });
    await Promise.all([synced(alice), synced(bob)]);
    const seenByBob = (client: number): unknown => bob.provider.awareness.getStates().get(client);
    await vi.waitFor(() => expect(seenByBob(alice.doc.clientID)).toEqual({ user: { name: 'Alice', id: 'u-alice', color: '#a00' } }), eventually);
    const aliceClock = alice.provider.awareness.meta.get(alice.doc.clientID)!.clock;

    const malloryToken = await token('u-mallory', 'Mallory', ['team/*=write']);
    const mallory = await connectRaw(`${relay.wsUrl}/team/doc`, [ALLMENDE_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + malloryToken]);
    const malloryId = 666;
    // Overwrite Alice's state with a newer clock, and announce itself as Alice, in one message.
    mallory.socket.send(awarenessMessage([
      [alice.doc.clientID, aliceClock + 10, { user: { name: 'Alice', id: 'u-alice', color: '#000' }, cursor: 'elsewhere' }],
      [malloryId, 1, { user: { name: 'Alice', id: 'u-alice', color: '#0a0' } }],
    ]));
    await vi.waitFor(() => expect(seenByBob(malloryId)).toBeDefined(), eventually);
    expect(seenByBob(malloryId)).toEqual({ user: { name: 'Mallory', id: 'u-mallory', color: '#0a0' } });
    expect(seenByBob(alice.doc.clientID)).toEqual({ user: { name: 'Alice', id: 'u-alice', color: '#a00' } });

    // Nor can it remove Alice's presence.
    mallory.socket.send(awarenessMessage([[alice.doc.clientID, aliceClock + 20, null], [malloryId, 2, { user: { name: 'Bob' } }]]));
    await vi.waitFor(() => expect(seenByBob(malloryId)).toEqual({ user: { name: 'Mallory', id: 'u-mallory' } }), eventually);
    expect(seenByBob(alice.doc.clientID)).toEqual({ user: { name: 'Alice', id: 'u-alice', color: '#a00' } });
    expect(logs.filter((line) => line.includes('refused presence from user "u-mallory"'))).toHaveLength(1);

    // Alice's own later changes still go through, and her connection still owns her state.
    alice.provider.awareness.setLocalStateField('cursor', 3);
    await vi.waitFor(() => expect(seenByBob(alice.doc.clientID)).toEqual({ user: { name: 'Alice', id: 'u-alice', color: '#a00' }, cursor: 3 }), eventually);
  });

  it('may be taken over by a new connection of the same person, as after a reconnect', async () => {
    const relay = await startTestRelay({ auth });
    const aliceToken = await token('u-alice', 'Alice', ['team/*=write']);
    const observer = connectClient(relay, 'team/doc', { token: await token('u-obs', 'Obs', ['team/*=read']) });
    await synced(observer);
    const oldConnection = await connectRaw(`${relay.wsUrl}/team/doc`, [ALLMENDE_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + aliceToken]);
    oldConnection.socket.send(awarenessMessage([[4242, 1, { user: { name: 'Alice (old tab)' } }]]));
    await vi.waitFor(() => expect(observer.provider.awareness.getStates().get(4242)).toEqual({ user: { name: 'Alice', id: 'u-alice' } }), eventually);

    const newConnection = await connectRaw(`${relay.wsUrl}/team/doc`, [ALLMENDE_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + aliceToken]);
    newConnection.socket.send(awarenessMessage([[4242, 2, { user: { name: 'Alice' }, cursor: 7 }]]));
    await vi.waitFor(() => expect(observer.provider.awareness.getStates().get(4242)).toEqual({ user: { name: 'Alice', id: 'u-alice' }, cursor: 7 }), eventually);

    // The new connection owns it now: the old one's end leaves it, the new one's end removes it.
    oldConnection.socket.terminate();
    await oldConnection.closed;
    newConnection.socket.send(awarenessMessage([[4243, 1, { marker: true }]]));
    await vi.waitFor(() => expect(observer.provider.awareness.getStates().has(4243)).toBe(true), eventually);
    expect(observer.provider.awareness.getStates().has(4242)).toBe(true);
    newConnection.socket.terminate();
    await vi.waitFor(() => expect(observer.provider.awareness.getStates().has(4242)).toBe(false), eventually);
  });
});

describe('comment-only connections', () => {
  it('add comments, but their other edits are dropped', async () => {
    const relay = await startTestRelay({ auth });
    const writer = connectClient(relay, 'review/draft', { token: await token('u-w', 'W', ['review/*=write']) });
    await synced(writer);
    writer.doc.getXmlFragment('content').insert(0, [new Y.XmlText('draft text')]);
    const reviewer = connectClient(relay, 'review/draft', { token: await token('u-r', 'R', ['review/*=comment']), presence: { step: 0 } });
    await synced(reviewer);
    await vi.waitFor(() => expect(reviewer.doc.getXmlFragment('content').length).toBe(1), eventually);

    const thread = new Y.Map<unknown>();
    reviewer.doc.getMap('comments').set('t1', thread);
    thread.set('body', new Y.Text('please rephrase'));
    await vi.waitFor(() => expect(writer.doc.getMap<Y.Map<Y.Text>>('comments').get('t1')?.get('body')?.toString()).toBe('please rephrase'), eventually);

    (reviewer.doc.getXmlFragment('content').get(0) as Y.XmlText).insert(0, 'EDITED ');
    reviewer.provider.awareness.setLocalStateField('step', 1);
    await vi.waitFor(() => expect((writer.provider.awareness.getStates().get(reviewer.doc.clientID) as { step: number }).step).toBe(1), eventually);
    expect(writer.doc.getXmlFragment('content').toString()).not.toContain('EDITED');
  });
});

describe('token handling', () => {
  it('answers with the allmende.v1 subprotocol only, never echoing the token, then sends the session info after sync step 1', async () => {
    const relay = await startTestRelay({ auth });
    const jwt = await token('u-ada', 'Ada', ['a/**=comment']);
    const client = await connectRaw(`${relay.wsUrl}/a/b`, [ALLMENDE_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + jwt]);
    expect(client.socket.protocol).toBe(ALLMENDE_SUBPROTOCOL);
    await vi.waitFor(() => expect(client.messages.length).toBeGreaterThanOrEqual(2), eventually);
    expect([...client.messages[0]!.subarray(0, 2)]).toEqual([0, 0]);
    const decoder = decoding.createDecoder(client.messages[1]!);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SESSION_INFO);
    expect(JSON.parse(decoding.readVarString(decoder))).toEqual({ role: 'comment', user: { id: 'u-ada', name: 'Ada' }, devMode: false });
  });

  it('takes the token from the query for stock clients, and sends them no session info', async () => {
    const relay = await startTestRelay({ auth });
    const jwt = await token('u-ada', 'Ada', ['a/**=read']);
    const client = await connectRaw(`${relay.wsUrl}/a/b?token=${jwt}`);
    expect(client.socket.protocol).toBe('');
    client.socket.send(new Uint8Array([0, 0, 1, 0]));
    await vi.waitFor(() => expect(client.messages.some((m) => m[0] === 0 && m[1] === 1)).toBe(true), eventually);
    expect(client.messages.some((m) => m[0] === MESSAGE_SESSION_INFO)).toBe(false);
  });

  it('refuses before loading the document, saying why', async () => {
    const logs: string[] = [];
    const relay = await startTestRelay({ auth, logger: (line) => logs.push(line) });
    const cases: Array<[string | null, number, RegExp]> = [
      [null, RelayCloseCode.unauthorized, /no token/],
      ['garbage', RelayCloseCode.unauthorized, /malformed token/],
      [await token('u1', 'U', ['a/*=admin']), RelayCloseCode.unauthorized, /role must be one of/],
      [await token('u1', 'U', ['a/*=write'], { nbf: nowSeconds() + 3600 }), RelayCloseCode.unauthorized, /not valid yet/],
      [await token('u1', 'U', ['other/*=write']), RelayCloseCode.forbidden, /no access to this document/],
    ];
    for (const [jwt, code, reason] of cases) {
      const client = await connectRaw(`${relay.wsUrl}/a/b`, tokenOptions(jwt, 'subprotocol').protocols);
      const closed = await client.closed;
      expect(closed.code, String(reason)).toBe(code);
      expect(closed.reason).toMatch(reason);
      expect(client.messages).toEqual([]);
    }
    expect(relay.loadedDocuments).toBe(0);
    expect(logs.filter((line) => line.startsWith('refused a connection to "a/b"'))).toHaveLength(cases.length);
    expect(logs.join('\n')).not.toContain(cases[2]![0]!);
  });

  it('closes with 1011, a retryable code, while the OIDC issuer cannot be reached', async () => {
    const logs: string[] = [];
    const relay = await startTestRelay({ auth: { oidcIssuer: 'http://127.0.0.1:1/realms/down' }, logger: (line) => logs.push(line) });
    const { privateKey } = await generateKeyPair('RS256');
    const jwt = await new SignJWT({ sub: 'u1', access: ['a/*=write'], exp: nowSeconds() + 60 }).setProtectedHeader({ alg: 'RS256', kid: 'k' }).sign(privateKey);
    const client = await connectRaw(`${relay.wsUrl}/a/b`, tokenOptions(jwt, 'subprotocol').protocols);
    expect(await client.closed).toEqual({ code: RelayCloseCode.internalError, reason: 'cannot check tokens right now, try again later' });
    expect(logs.some((line) => line.includes('could not fetch http://127.0.0.1:1/realms/down/.well-known/openid-configuration'))).toBe(true);
  });

  it('closes a connection whose token expires with 4498; the client reconnects with a fresh token and its offline edits arrive', async () => {
    const relay = await startTestRelay({ auth: { ...auth, clockToleranceSeconds: 0 } });
    const observer = connectClient(relay, 'team/live', { token: await token('u-obs', 'Obs', ['team/*=read']) });
    await synced(observer);

    const mint = (lifetime: number): Promise<string> => token('u-ada', 'Ada', ['team/*=write'], { exp: nowSeconds() + lifetime });
    const ada = connectClient(relay, 'team/live', { token: await mint(2) });
    await synced(ada);
    ada.doc.getText('t').insert(0, 'before expiry. ');
    await vi.waitFor(() => expect(observer.doc.getText('t').toString()).toBe('before expiry. '), eventually);

    const closed = await ada.closed;
    expect(closed.code).toBe(RelayCloseCode.tokenExpired);
    expect(ada.provider.wsconnected).toBe(false);
    expect(observer.provider.wsconnected).toBe(true);

    // Offline edits, then a fresh token and a reconnect: what @allmende/core's token callback does on 4498.
    ada.doc.getText('t').insert(ada.doc.getText('t').length, 'written while offline.');
    Object.assign(ada.provider, tokenOptions(await mint(600), 'subprotocol'));
    ada.provider.connect();
    await vi.waitFor(() => expect(observer.doc.getText('t').toString()).toBe('before expiry. written while offline.'), eventually);
  });
});

describe('development mode', () => {
  it('lets everyone write without identity, tells Allmende clients so, and logs a warning', async () => {
    const logs: string[] = [];
    const relay = await startTestRelay({ logger: (line) => logs.push(line) });
    expect(logs.join('\n')).toMatch(/DEVELOPMENT MODE/);
    const client = await connectRaw(`${relay.wsUrl}/a`, [ALLMENDE_SUBPROTOCOL]);
    await vi.waitFor(() => expect(client.messages.length).toBeGreaterThanOrEqual(2), eventually);
    const decoder = decoding.createDecoder(client.messages[1]!);
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SESSION_INFO);
    expect(JSON.parse(decoding.readVarString(decoder))).toEqual({ role: 'write', user: null, devMode: true });
  });

  it('refuses to listen beyond loopback unless allowed', async () => {
    const dataDir = await makeDataDir();
    await expect(startRelay({ port: 0, dataDir, host: '0.0.0.0' })).rejects.toThrow(/refusing to listen on 0\.0\.0\.0 without authentication/);
    const logs: string[] = [];
    const relay = await startTestRelay({ dataDir, host: '0.0.0.0', allowInsecureDevMode: true, logger: (line) => logs.push(line) });
    expect(relay.port).toBeGreaterThan(0);
    expect(logs.join('\n')).toMatch(/FROM THE NETWORK \(0\.0\.0\.0\)/);
    const secured = await startTestRelay({ dataDir: await makeDataDir(), host: '0.0.0.0', auth });
    expect(secured.port).toBeGreaterThan(0);
  });

  it('refuses bad auth options with a message saying what to do', async () => {
    const dataDir = await makeDataDir();
    await expect(startRelay({ port: 0, dataDir, auth: {} })).rejects.toThrow(/needs jwtSecret or oidcIssuer/);
    await expect(startRelay({ port: 0, dataDir, auth: { jwtSecret: 'short' } })).rejects.toThrow(/at least 32 bytes/);
    await expect(startRelay({ port: 0, dataDir, auth: { ...auth, clockToleranceSeconds: -1 } })).rejects.toThrow(RangeError);
  });
});
