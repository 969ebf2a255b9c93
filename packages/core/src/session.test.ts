import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { startRelay, type Relay } from '@allmende/relay';
import { connect, type ConnectionStatus, type Session } from './index.js';

let dataDir: string;
let relay: Relay;
const sessions: Session[] = [];

function open(document: string, extra: Partial<Parameters<typeof connect>[0]> = {}): Session {
  const session = connect({ relay: relay.wsUrl, document, WebSocketPolyfill: WebSocket, ...extra });
  sessions.push(session);
  return session;
}

async function until(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function observerCount(doc: Y.Doc): Record<string, number> {
  const observers = (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers;
  return Object.fromEntries([...observers].map(([name, set]) => [name, set.size]).filter(([, n]) => n !== 0));
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'allmende-core-'));
  relay = await startRelay({ port: 0, dataDir });
});

afterEach(async () => {
  for (const session of sessions.splice(0)) session.destroy();
  await relay.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('connect', () => {
  it('syncs two sessions through the relay and reports connected', async () => {
    const a = open('notes');
    const b = open('notes');
    const seen: ConnectionStatus[] = [];
    a.on('status', (s) => seen.push(s));
    expect(a.status).toBe('connecting');
    await Promise.all([a.whenSynced, b.whenSynced]);
    expect(a.status).toBe('connected');
    expect(seen).toEqual(['connected']);
    a.doc.getText('t').insert(0, 'hello ');
    b.doc.getText('t').insert(0, 'world');
    await until(() => a.doc.getText('t').length === 11 && b.doc.getText('t').length === 11, 'both edits');
    expect(a.doc.getText('t').toString()).toBe(b.doc.getText('t').toString());
  });

  it('publishes the user in presence, and the other side sees it', async () => {
    const a = open('presence', { user: { name: 'Ada', color: '#aa3377' } });
    const b = open('presence');
    await Promise.all([a.whenSynced, b.whenSynced]);
    const names = () => [...b.awareness.getStates().values()].map((s) => (s['user'] as { name?: string } | undefined)?.name);
    await until(() => names().includes('Ada'), 'Ada in presence');
    a.setUser({ name: 'Ada L.', color: '#aa3377' });
    await until(() => names().includes('Ada L.'), 'renamed user');
    a.destroy();
    await until(() => !names().includes('Ada L.'), 'Ada gone after destroy');
  });

  it('keeps edits made while disconnected and syncs them on reconnect', async () => {
    const a = open('offline-edits');
    const b = open('offline-edits');
    await Promise.all([a.whenSynced, b.whenSynced]);
    a.disconnect();
    expect(a.status).toBe('offline');
    a.doc.getMap('m').set('written', 'offline');
    await new Promise((r) => setTimeout(r, 100));
    expect(b.doc.getMap('m').get('written')).toBeUndefined();
    a.reconnect();
    await until(() => b.doc.getMap('m').get('written') === 'offline', 'offline edit to arrive');
    expect(a.status).toBe('connected');
  });

  it('goes offline when the relay stops and back to connected when it returns', async () => {
    const a = open('relay-restart');
    await a.whenSynced;
    a.doc.getText('t').insert(0, 'before');
    const port = relay.port;
    await relay.close();
    await until(() => a.status === 'offline', 'offline status');
    a.doc.getText('t').insert(6, ' during');
    relay = await startRelay({ port, dataDir });
    await until(() => a.status === 'connected', 'reconnect', 15_000);
    const late = open('relay-restart');
    await late.whenSynced;
    await until(() => late.doc.getText('t').toString() === 'before during', 'late joiner sees both edits');
  });

  it('leaves no listeners on a host-owned Y.Doc after destroy()', async () => {
    const doc = new Y.Doc();
    doc.on('update', () => {});
    const before = observerCount(doc);
    const session = open('shared', { doc });
    await session.whenSynced;
    doc.getText('t').insert(0, 'x');
    expect(observerCount(doc)).not.toEqual(before);
    session.destroy();
    expect(observerCount(doc)).toEqual(before);
    expect(doc.isDestroyed).toBe(false);
    expect(doc.getText('t').toString()).toBe('x');
  });

  it('holds the relay\'s messages while a hold is active and applies them in order when it releases them', async () => {
    const a = open('held');
    const b = open('held');
    await Promise.all([a.whenSynced, b.whenSynced]);
    let active = true;
    let release: (() => void) | null = null;
    a.holdIncoming({ active: () => active, whenReleased: (run) => void (release = run) });
    b.doc.getText('t').insert(0, 'one ');
    b.doc.getText('t').insert(4, 'two');
    b.setUser({ name: 'Bea', color: '#aa3355' });
    await until(() => release !== null, 'a held message');
    // Everything else has time to arrive too; none of it is applied while held.
    await new Promise((r) => setTimeout(r, 200));
    expect(a.doc.getText('t').toString()).toBe('');
    // A's own edits still go out while it holds.
    a.doc.getText('mine').insert(0, 'a');
    await until(() => b.doc.getText('mine').toString() === 'a', 'A\'s edit at B');
    active = false;
    release!();
    expect(a.doc.getText('t').toString()).toBe('one two');
    await until(() => [...a.awareness.getStates().values()].some((s) => (s['user'] as { name?: string } | undefined)?.name === 'Bea'), 'B\'s presence');
    // Without a hold, messages are applied as they come.
    a.holdIncoming(null);
    b.doc.getText('t').insert(7, '!');
    await until(() => a.doc.getText('t').toString() === 'one two!', 'the next edit');
  });

  it('rejects whenSynced when destroyed before syncing', async () => {
    const session = connect({ relay: 'ws://127.0.0.1:9', document: 'never', WebSocketPolyfill: WebSocket });
    session.destroy();
    await expect(session.whenSynced).rejects.toThrow(/destroyed before it synced/);
  });

  it('explains bad options instead of failing later', () => {
    expect(() => connect({ relay: 'http://localhost', document: 'x', WebSocketPolyfill: WebSocket })).toThrow(TypeError);
    expect(() => connect({ relay: 'ws://localhost', document: '', WebSocketPolyfill: WebSocket })).toThrow(RangeError);
    expect(() => connect({ relay: 'ws://localhost', document: 'Meeting notes', WebSocketPolyfill: WebSocket }))
      .toThrow(/segment must match/);
    expect(() => connect({ relay: 'ws://localhost', document: '../etc', WebSocketPolyfill: WebSocket })).toThrow(/\.\./);
    expect(() => connect({ relay: 'ws://localhost', document: 'x' })).toThrow(/WebSocketPolyfill/);
    const other = new Y.Doc();
    const session = open('x');
    expect(() => connect({ relay: relay.wsUrl, document: 'x', doc: other, awareness: session.awareness, WebSocketPolyfill: WebSocket })).toThrow(RangeError);
  });
});
