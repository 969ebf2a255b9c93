// The relay's own WebSocket framing as clients see it: protocol violations close only the
// connection that made them, with the framing's close code, a log line and a metric.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { cleanups, connectClient, eventually, runCleanups, startTestRelay, synced } from './auth.test-support.js';
import { clientFrame, closeCodeOf, rawClient, until } from './websocket.test-support.js';

afterEach(() => runCleanups());

async function metricsText(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

describe('relay WebSocket framing', () => {
  it('closes a connection that sends an unmasked frame with 1002, logs and counts it, and the others carry on', async () => {
    const lines: string[] = [];
    const relay = await startTestRelay({ logger: (line) => lines.push(line) });
    const alice = connectClient(relay, 'framing/doc');
    const bob = connectClient(relay, 'framing/doc');
    await Promise.all([synced(alice), synced(bob)]);
    const raw = await rawClient(relay.port);
    cleanups.push(() => void raw.socket.destroy());
    expect(raw.response).toMatch(/^HTTP\/1\.1 101 /);
    await until(() => raw.frames.length >= 1);
    raw.write(clientFrame({ opcode: 0x2, payload: Buffer.from([0, 0]), masked: false }));
    await until(() => raw.frames.some((frame) => frame.opcode === 0x8));
    expect(closeCodeOf(raw.frames.find((frame) => frame.opcode === 0x8))).toBe(1002);
    await vi.waitFor(() => expect(lines.some((line) => /with 1002: client frames must be masked/.test(line))).toBe(true), eventually);
    expect(await metricsText(relay.url)).toMatch(/allmende_relay_rejected_messages_total\{reason="protocol_error"\} 1/);
    alice.doc.getText('content').insert(0, 'still here');
    await vi.waitFor(() => expect(bob.doc.getText('content').toString()).toBe('still here'), eventually);
  });

  it('answers an upgrade that is not a WebSocket handshake with 400 and keeps serving', async () => {
    const relay = await startTestRelay();
    const bad = await rawClient(relay.port, { 'Sec-WebSocket-Key': null });
    expect(bad.response).toMatch(/^HTTP\/1\.1 400 /);
    expect(bad.body).toMatch(/Sec-WebSocket-Key/);
    await bad.closed;
    const client = connectClient(relay, 'framing/after');
    await synced(client);
    expect(client.doc).toBeInstanceOf(Y.Doc);
    expect(relay.connections).toBe(1);
  });
});
