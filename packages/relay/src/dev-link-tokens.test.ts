import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignJWT } from 'jose';
import * as Y from 'yjs';
import { RelayCloseCode } from '@allmende/protocol';
import type { Relay } from './index.js';
import { readStoredUpdates } from './sqlite.test-support.js';
import { connectClient, eventually, makeDataDir, runCleanups, startTestRelay, synced } from './auth.test-support.js';

afterEach(() => runCleanups());

// The CLI turns link tokens on for a relay without authentication; these tests do what it does.
const startLinkRelay = (options: Parameters<typeof startTestRelay>[0] = {}): ReturnType<typeof startTestRelay> => startTestRelay({ devLinkTokens: true, ...options });

async function requestToken(relay: Relay, body: unknown, method = 'POST'): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${relay.url}/dev/token`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(method === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function linkToken(relay: Relay, document: string, access: string): Promise<string> {
  const { status, json } = await requestToken(relay, { document, access });
  expect(status, JSON.stringify(json)).toBe(200);
  return json['token'] as string;
}

function storedText(dataDir: string, name: string): string {
  const doc = new Y.Doc();
  for (const update of readStoredUpdates(dataDir, name)) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('POST /dev/token on a development relay', () => {
  it('issues a token for one document and one role', async () => {
    const relay = await startLinkRelay();
    const { status, json } = await requestToken(relay, { document: 'team/notes', access: 'comment' });
    expect(status).toBe(200);
    expect(json).toMatchObject({ document: 'team/notes', access: 'comment' });
    expect(json['token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(json['expiresAt']).toBeGreaterThan(Date.now());
  });

  it('refuses bad requests with a message saying what is wrong', async () => {
    const relay = await startLinkRelay();
    const cases: Array<[unknown, RegExp]> = [
      ['not json', /must be JSON/],
      [[1, 2], /must be an object/],
      [{ document: 'Meeting notes', access: 'read' }, /segment must match/],
      [{ document: 'a..b', access: 'read' }, /\.\./],
      [{ document: 'notes', access: 'admin' }, /access must be one of read, comment, write/],
      [{ document: 'notes' }, /access must be one of/],
      [{ access: 'read' }, /name/i],
    ];
    for (const [body, message] of cases) {
      const { status, json } = await requestToken(relay, body);
      expect(status, JSON.stringify(body)).toBe(400);
      expect(json['error'], JSON.stringify(body)).toMatch(message);
    }
    const tooLarge = await requestToken(relay, { document: 'notes', access: 'read', padding: 'x'.repeat(5000) });
    expect(tooLarge.status).toBe(413);
    const get = await requestToken(relay, null, 'GET');
    expect(get.status).toBe(405);
  });
});

describe('link tokens on a development relay', () => {
  it('a read link cannot write: the relay drops its updates, others and the store never see them', async () => {
    const dataDir = await makeDataDir();
    const logs: string[] = [];
    const relay = await startLinkRelay({ dataDir, logger: (line) => logs.push(line) });
    const writer = connectClient(relay, 'team/notes');
    await synced(writer);
    writer.doc.getText('t').insert(0, 'agenda');

    const reader = connectClient(relay, 'team/notes', { token: await linkToken(relay, 'team/notes', 'read') });
    await synced(reader);
    await vi.waitFor(() => expect(reader.doc.getText('t').toString()).toBe('agenda'), eventually);
    expect(reader.sessionInfo.at(-1)).toMatchObject({ role: 'read', devMode: true });
    reader.doc.getText('t').insert(0, 'HACKED ');
    await vi.waitFor(() => expect(logs.join('\n')).toMatch(/dropped an update from anonymous \(read\) to "team\/notes"/), eventually);

    // A later write from the tokenless client arrives; the reader's edit never does.
    writer.doc.getText('t').insert(6, ' for Monday');
    const third = connectClient(relay, 'team/notes');
    await synced(third);
    await vi.waitFor(() => expect(third.doc.getText('t').toString()).toBe('agenda for Monday'), eventually);
    expect(writer.doc.getText('t').toString()).toBe('agenda for Monday');
    await relay.close();
    expect(storedText(dataDir, 'team/notes')).toBe('agenda for Monday');
  });

  it('a write link writes, and tokenless connections keep writing', async () => {
    const relay = await startLinkRelay();
    const editor = connectClient(relay, 'plans', { token: await linkToken(relay, 'plans', 'write') });
    const anonymous = connectClient(relay, 'plans');
    await Promise.all([synced(editor), synced(anonymous)]);
    expect(editor.sessionInfo.at(-1)).toMatchObject({ role: 'write' });
    editor.doc.getText('t').insert(0, 'A');
    anonymous.doc.getText('t').insert(0, 'B');
    await vi.waitFor(() => {
      expect(editor.doc.getText('t').toString()).toHaveLength(2);
      expect(anonymous.doc.getText('t').toString()).toBe(editor.doc.getText('t').toString());
    }, eventually);
  });

  it('refuses a link for another document, a forged link and an expired one', async () => {
    const relay = await startLinkRelay();
    const other = connectClient(relay, 'secret/plans', { token: await linkToken(relay, 'team/notes', 'write') });
    expect(await other.closed).toMatchObject({ code: RelayCloseCode.unauthorized, reason: expect.stringMatching(/another document/) });

    const key = new TextEncoder().encode('an-attacker-guessing-the-secret-0123456789');
    const forgedToken = await new SignJWT({ allmende_dev_link: true, doc: 'team/notes', role: 'write' })
      .setProtectedHeader({ alg: 'HS256' }).setSubject('link:x').setExpirationTime('1h').sign(key);
    const forged = connectClient(relay, 'team/notes', { token: forgedToken });
    expect(await forged.closed).toMatchObject({ code: RelayCloseCode.unauthorized, reason: expect.stringMatching(/not issued by this run/) });
  });

  it('ignores tokens that are not sharing links, as development mode always has', async () => {
    const relay = await startLinkRelay();
    const token = await new SignJWT({ access: ['*=read'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('u')
      .sign(new TextEncoder().encode('some-other-secret-of-at-least-32-bytes!!'));
    const client = connectClient(relay, 'notes', { token });
    await synced(client);
    await vi.waitFor(() => expect(client.sessionInfo.at(-1)).toMatchObject({ role: 'write', devMode: true }), eventually);
  });
});
