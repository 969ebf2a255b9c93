import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { RelayCloseCode, signDevelopmentToken, startRelay, type Relay } from '@allmende/relay';
import { CollabBinding } from './collab-binding.js';
import type { CollabSource } from './collab-binding.js';

// The binding against a real relay that checks tokens; the host is a minimal stand-in that counts render requests.
const secret = 'ui-binding-test-secret-of-at-least-32-bytes';
let dataDir: string;
let relay: Relay;
const bindings: CollabBinding[] = [];

class Host {
  updates = 0;
  addController(): void {}
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  readonly updateComplete = Promise.resolve(true);
}

function binding(host = new Host()): { binding: CollabBinding; host: Host } {
  const made = new CollabBinding(host, {
    tag: 'test-element',
    presenceLabels: () => ({ you: (name) => `${name} (you)`, anonymous: 'Anonymous' }),
    connectOptions: { WebSocketPolyfill: WebSocket, offline: false },
  });
  bindings.push(made);
  return { binding: made, host };
}

const source = (extra: Partial<CollabSource>): CollabSource => ({ relay: '', document: '', user: { name: 'Ada', color: '#1d4ed8' }, ...extra });

async function until(check: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'allmende-ui-binding-'));
  relay = await startRelay({ port: 0, dataDir, auth: { jwtSecret: secret } });
});

afterEach(() => {
  for (const made of bindings.splice(0)) made.close();
  vi.restoreAllMocks();
});

afterAll(async () => {
  await relay.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('CollabBinding', () => {
  it('opens a session, follows its status and role, and sees who else is there', async () => {
    const token = await signDevelopmentToken({ secret, sub: 'u-ada', name: 'Ada', access: ['team/*=comment'], expiresIn: '1h' });
    const { binding: ada, host } = binding();
    const connection = ada.open(source({ relay: relay.wsUrl, document: 'team/plan', token }));
    expect(connection.session).not.toBeNull();
    expect(ada.status).toBe('connecting');
    await until(() => ada.status === 'connected' && ada.access === 'comment', 'connected with the comment role');
    expect(ada.writable).toBe(false);
    expect(ada.failure).toBeNull();
    expect(host.updates).toBeGreaterThan(1);

    const bobToken = await signDevelopmentToken({ secret, sub: 'u-bob', name: 'Bob', access: ['team/*=write'], expiresIn: '1h' });
    const { binding: bob } = binding();
    bob.open(source({ relay: relay.wsUrl, document: 'team/plan', token: bobToken, user: { name: 'Bob', color: '#047857' } }));
    await until(() => bob.access === 'write' && ada.presence.length === 2, 'Bob in Ada\'s presence list');
    expect(bob.writable).toBe(true);
    expect(ada.presence.map((user) => user.name)).toEqual(['Ada', 'Bob']);
    expect(ada.presence[0]!.label).toBe('Ada (you)');

    bob.close();
    await until(() => ada.presence.length === 1, 'Bob gone from the presence list');
    expect(bob.connection).toBeNull();
    expect(bob.presence).toEqual([]);
  });

  it('reports a refused token as a failure that later statuses do not hide', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { binding: made } = binding();
    made.open(source({ relay: relay.wsUrl, document: 'team/plan', token: 'not-a-jwt' }));
    await until(() => made.failure !== null, 'the close');
    expect(made.failure).toMatchObject({ reason: 'closedByRelay', code: RelayCloseCode.unauthorized });
    expect(made.status).toBe('error');
    expect(made.writable).toBe(false);
  });

  it('refuses settings it cannot connect with, on a private document', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { binding: made } = binding();
    const bad = made.open(source({ relay: 'http://not-a-websocket', document: 'x' }));
    expect(made.failure).toMatchObject({ reason: 'badSettings' });
    expect(made.failure && 'technical' in made.failure && made.failure.technical).toMatch(/ws/);
    expect(bad.session).toBeNull();

    made.open(source({ relay: relay.wsUrl }));
    expect(made.failure).toEqual({ reason: 'noDocumentName' });
    made.open(source({ document: 'x' }));
    expect(made.failure).toEqual({ reason: 'noRelay' });
    expect(made.writable).toBe(false);

    const scratch = made.open(source({}));
    expect(made.failure).toBeNull();
    expect(made.status).toBeNull();
    expect(made.writable).toBe(true);
    made.close();
    expect(scratch.doc.isDestroyed).toBe(true);
  });

  it('binds to a host document without destroying it, and publishes the user into its awareness', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const { binding: made } = binding();
    const connection = made.open(source({ ydoc: doc, awareness, announceToHost: true }));
    expect(connection).toEqual({ doc, awareness, session: null });
    expect(awareness.getLocalState()).toMatchObject({ user: { name: 'Ada' } });
    expect(made.presence.map((user) => user.label)).toEqual(['Ada (you)']);
    made.publishUser({ name: 'Ada L.', color: '#1d4ed8' });
    expect(made.presence[0]!.name).toBe('Ada L.');
    made.close();
    expect(doc.isDestroyed).toBe(false);
    // lib0's Observable keeps its listeners in `_observers`.
    expect((awareness as unknown as { _observers: Map<string, Set<unknown>> })._observers.get('change')?.size ?? 0).toBe(0);
    awareness.destroy();
    doc.destroy();
  });

  it('leaves a host\'s awareness alone unless asked to announce the user', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', { name: 'Host user' });
    const { binding: made } = binding();
    made.open(source({ ydoc: doc, awareness }));
    expect(awareness.getLocalState()).toMatchObject({ user: { name: 'Host user' } });
    made.close();
    awareness.destroy();
  });

  it('ignores an awareness of another document', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const doc = new Y.Doc();
    const other = new Awareness(new Y.Doc());
    const { binding: made } = binding();
    expect(made.open(source({ ydoc: doc, awareness: other })).awareness).toBeNull();
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/different Y.Doc/));
    other.destroy();
  });
});
