import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { startRelay, type Relay } from '@allmende/relay';
import { connect, type Session } from './index.js';
import { MAX_MERGED_BYTES } from './outgoing-batch.js';

// y-websocket's message types: the first varint of every message.
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
// The sync protocol's sub-type of a plain update.
const SYNC_UPDATE = 2;

let dataDir: string;
let relay: Relay;
const sessions: Session[] = [];
/** Every message a session's socket sent, per socket, in order. */
let sent: Array<{ socket: WebSocket; data: Uint8Array }> = [];

/** The real `ws` client, recording what it sends. */
class RecordingSocket extends WebSocket {
  override send(data: unknown, ...rest: unknown[]): void {
    sent.push({ socket: this, data: new Uint8Array(data as ArrayBufferLike) });
    (WebSocket.prototype.send as (...args: unknown[]) => void).call(this, data, ...rest);
  }
}

function open(document: string): Session {
  const session = connect({ relay: relay.wsUrl, document, WebSocketPolyfill: RecordingSocket, offline: false });
  sessions.push(session);
  return session;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const updatesSent = () => sent.filter((m) => m.data[0] === MESSAGE_SYNC && m.data[1] === SYNC_UPDATE);
const presenceSent = () => sent.filter((m) => m.data[0] === MESSAGE_AWARENESS);

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'allmende-core-batch-'));
  relay = await startRelay({ port: 0, dataDir });
  sent = [];
});

afterEach(async () => {
  for (const session of sessions.splice(0)) session.destroy();
  await relay.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('sending local edits', () => {
  it('sends the edits of one task as one merged update, after that task, and the other side gets all of them', async () => {
    const a = open('batched');
    const b = open('batched');
    await Promise.all([a.whenSynced, b.whenSynced]);
    await new Promise((r) => setTimeout(r, 50));
    sent = [];
    const text = a.doc.getText('t');
    for (const ch of 'twenty characters!!!') text.insert(text.length, ch); // 20 transactions
    expect(updatesSent()).toHaveLength(0); // nothing sent inside the task that edited
    await until(() => b.doc.getText('t').toString() === 'twenty characters!!!', 'the edits at b');
    expect(updatesSent()).toHaveLength(1);
  });

  it('keeps large updates apart: merged messages stay under MAX_MERGED_BYTES', async () => {
    const a = open('large');
    const b = open('large');
    await Promise.all([a.whenSynced, b.whenSynced]);
    await new Promise((r) => setTimeout(r, 50));
    sent = [];
    const text = a.doc.getText('t');
    const chunk = 'x'.repeat(Math.ceil(MAX_MERGED_BYTES * 0.6));
    text.insert(0, chunk); // two updates of 60% of the limit each, in one task
    text.insert(text.length, chunk);
    text.insert(text.length, 'small');
    await until(() => b.doc.getText('t').length === 2 * chunk.length + 5, 'the large edits at b');
    const sizes = updatesSent().map((m) => m.data.length);
    expect(sizes).toHaveLength(2);
    expect(Math.max(...sizes)).toBeLessThan(MAX_MERGED_BYTES + 64);
  });

  it('sends presence changes of one task as one message, and does not echo presence from others', async () => {
    const a = open('presence');
    const b = open('presence');
    await Promise.all([a.whenSynced, b.whenSynced]);
    await new Promise((r) => setTimeout(r, 50));
    sent = [];
    for (let i = 0; i < 5; i++) b.setUser({ name: `B${i}`, color: '#123456' });
    await until(() => [...a.awareness.getStates().values()].some((s) => (s as { user?: { name: string } }).user?.name === 'B4'), 'b\'s last name at a');
    await new Promise((r) => setTimeout(r, 50));
    // One presence message in all: b's, for five changes; a sent none back.
    expect(presenceSent()).toHaveLength(1);
  });

  it('sends pending edits before disconnecting on purpose', async () => {
    const a = open('disconnect');
    await a.whenSynced;
    sent = [];
    a.doc.getText('t').insert(0, 'last words');
    a.disconnect();
    expect(updatesSent()).toHaveLength(1);
    a.reconnect();
    const b = open('disconnect');
    await b.whenSynced;
    await until(() => b.doc.getText('t').toString() === 'last words', 'the edit at b');
  });

  it('leaves a host\'s Y.Doc and Awareness with the listeners they had before, after destroy', async () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const observers = (o: unknown) => [...(o as { _observers: Map<string, Set<unknown>> })._observers.values()].reduce((n, s) => n + s.size, 0);
    const before = [observers(doc), observers(awareness)];
    const a = connect({ relay: relay.wsUrl, document: 'listeners', WebSocketPolyfill: RecordingSocket, offline: false, doc, awareness });
    await a.whenSynced;
    doc.getText('t').insert(0, 'x');
    expect([observers(doc), observers(awareness)]).not.toEqual(before);
    a.destroy();
    expect([observers(doc), observers(awareness)]).toEqual(before);
    awareness.destroy();
  });
});
