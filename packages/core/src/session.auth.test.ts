import { afterEach, beforeEach, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { RelayCloseCode, signDevelopmentToken, startRelay, type Relay } from '@allmende/relay';
import { connect, type ClosedEvent, type Session, type SessionInfo } from './index.js';

// Sessions against a relay that checks tokens: the token travels in the subprotocol, the relay
// says what the session may do, and an expired token is replaced without losing local edits.
const secret = 'core-test-secret-of-at-least-32-bytes!';
let dataDir: string;
let relay: Relay;
const sessions: Session[] = [];

function open(document: string, token: Parameters<typeof connect>[0]['token']): Session {
  const session = connect({ relay: relay.wsUrl, document, token, WebSocketPolyfill: WebSocket });
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

const mint = (access: string, expiresIn = '1h', sub = 'u-ada') =>
  signDevelopmentToken({ secret, sub, name: 'Ada', access: [access], expiresIn });

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'allmende-core-auth-'));
  relay = await startRelay({ port: 0, dataDir, auth: { jwtSecret: secret, clockToleranceSeconds: 0 } });
});

afterEach(async () => {
  for (const session of sessions.splice(0)) session.destroy();
  await relay.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('learns its access and identity from the relay', async () => {
  const session = open('team/notes', await mint('team/*=read'));
  const infos: SessionInfo[] = [];
  session.on('access', (info) => infos.push(info));
  await session.whenSynced;
  await until(() => session.access !== null, 'session info');
  expect(session.access).toBe('read');
  expect(session.identity).toEqual({ id: 'u-ada', name: 'Ada' });
  expect(infos).toEqual([{ role: 'read', user: { id: 'u-ada', name: 'Ada' }, devMode: false }]);
});

it('reports a refused token as closed for good, with the relay\'s reason', async () => {
  const session = open('team/notes', 'not-a-jwt');
  const closed: ClosedEvent[] = [];
  session.on('closed', (event) => closed.push(event));
  await until(() => closed.length === 1, 'closed event');
  expect(closed[0]!.code).toBe(RelayCloseCode.unauthorized);
  const other = open('secret/plans', await mint('team/*=write'));
  const forbidden: ClosedEvent[] = [];
  other.on('closed', (event) => forbidden.push(event));
  await until(() => forbidden.length === 1, 'forbidden');
  expect(forbidden[0]!.code).toBe(RelayCloseCode.forbidden);
});

it('gets a fresh token when the old one expires, and keeps edits made in between', async () => {
  let issued = 0;
  const session = open('team/expiry', async () => {
    issued++;
    return mint('team/*=write', issued === 1 ? '2s' : '1h');
  });
  await session.whenSynced;
  session.doc.getText('t').insert(0, 'before expiry');
  const observer = open('team/expiry', await mint('team/*=read', '1h', 'u-bob'));
  await observer.whenSynced;
  await until(() => observer.doc.getText('t').toString() === 'before expiry', 'first edit');

  // The relay closes the connection at expiry (4498); the session asks for a token and comes back.
  // An edit made the moment the connection drops must arrive after the refresh.
  const seen: string[] = [];
  session.on('status', (status) => {
    seen.push(status);
    if (status === 'offline') session.doc.getText('t').insert(13, ', while reconnecting');
  });
  await until(() => issued === 2 && session.status === 'connected', 'reconnect with a fresh token', 10_000);
  expect(seen).toEqual(['offline', 'connecting', 'connected']);
  await until(() => observer.doc.getText('t').toString() === 'before expiry, while reconnecting', 'edit made across the refresh');
});

it('gives up when the token source cannot produce a token', async () => {
  const session = open('team/notes', () => Promise.reject(new Error('login required')));
  const closed: ClosedEvent[] = [];
  session.on('closed', (event) => closed.push(event));
  await until(() => closed.length === 1, 'closed');
  expect(closed[0]!.reason).toMatch(/login required/);
  expect(session.status).toBe('connecting');
});
