import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Reencoder } from './document-reencoder.js';
import { DocumentUpdates } from './document-updates.js';

function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('DocumentUpdates', () => {
  it('holds the same content as a Y.Doc fed the same updates', () => {
    const source = new Y.Doc();
    const received: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => received.push(update));
    const text = source.getText('t');
    text.insert(0, 'hello world');
    text.delete(0, 6);
    text.insert(5, '!');

    const updates = new DocumentUpdates(received.slice(0, 1));
    for (const update of received.slice(1)) updates.add(update);
    expect(textOf(updates.state())).toBe('world!');
    expect(updates.stateVector()).toEqual(Y.encodeStateVector(source));
  });

  it('diffs against a state vector so a peer gets only what it lacks', () => {
    const source = new Y.Doc();
    source.getText('t').insert(0, 'abc'.repeat(100));
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(source));
    source.getText('t').insert(300, 'def');

    const updates = new DocumentUpdates([Y.encodeStateAsUpdate(source)]);
    const diff = updates.diff(Y.encodeStateVector(peer));
    expect(diff.byteLength).toBeLessThan(updates.state().byteLength);
    Y.applyUpdate(peer, diff);
    expect(peer.getText('t').toString()).toBe('abc'.repeat(100) + 'def');
  });

  it('stays within three times its encoded size while text is typed one key at a time', () => {
    const source = new Y.Doc();
    const updates = new DocumentUpdates([]);
    let largest = 0;
    source.on('update', (update: Uint8Array) => {
      updates.add(update);
      largest = Math.max(largest, updates.byteLength);
    });
    const text = source.getText('t');
    for (let i = 0; i < 20_000; i++) text.insert(i, 'x');
    for (let i = 0; i < 5_000; i++) text.delete(i * 3, 1);
    const encoded = Y.encodeStateAsUpdate(source).byteLength;
    expect(largest).toBeLessThanOrEqual(3 * encoded);
    expect(updates.byteLength).toBeLessThanOrEqual(3 * encoded);
    expect(textOf(updates.state())).toBe(text.toString());
  });

  it('re-encodes a keystroke-by-keystroke log far below its merged size', () => {
    const source = new Y.Doc();
    const received: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => received.push(update));
    for (let i = 0; i < 2_000; i++) source.getText('t').insert(i, 'y');
    const updates = new DocumentUpdates(received);
    const merged = updates.byteLength;
    updates.compress();
    expect(updates.byteLength).toBeLessThan(merged / 4);
    expect(textOf(updates.state())).toBe('y'.repeat(2_000));
  });

  it('starts empty without stored updates', () => {
    const updates = new DocumentUpdates([]);
    expect(textOf(updates.state())).toBe('');
    expect(updates.stateVector()).toEqual(new Uint8Array([0]));
  });

  it('holds 50,000 single-keystroke updates without merging them all at once', () => {
    const source = new Y.Doc();
    const updates = new DocumentUpdates([], { maxBytes: Number.POSITIVE_INFINITY, reencoder: neverReencoder() });
    source.on('update', (update: Uint8Array) => updates.add(update));
    const text = source.getText('t');
    // Random positions keep the updates from being joinable, the worst case for Y.mergeUpdates.
    let seed = 1;
    for (let i = 0; i < 50_000; i++) {
      seed = (seed * 48271) % 2147483647;
      text.insert(seed % (text.length + 1), 'x');
    }
    expect(textOf(updates.state())).toBe(text.toString());
    expect(updates.stateVector()).toEqual(Y.encodeStateVector(source));
  });

  it('re-encodes in the background and keeps the updates that arrive meanwhile', async () => {
    const jobs: Array<{ update: Uint8Array; resolve: (update: Uint8Array) => void }> = [];
    const reencoder: Reencoder = {
      reencode: (update) => new Promise((resolve) => jobs.push({ update, resolve })),
    };
    const source = new Y.Doc();
    const updates = new DocumentUpdates([], { reencoder });
    source.on('update', (update: Uint8Array) => updates.add(update));
    const text = source.getText('t');
    for (let i = 0; jobs.length === 0; i++) text.insert(i, 'y');
    const before = text.toString();
    text.insert(0, 'meanwhile ');
    expect(textOf(updates.state())).toBe(text.toString());

    const job = jobs[0]!;
    expect(textOf(job.update)).toBe(before);
    const compact = reencodeNow(job.update);
    job.resolve(compact);
    await Promise.resolve();
    await Promise.resolve();
    expect(updates.byteLength).toBeLessThan(compact.byteLength * 2);
    expect(textOf(updates.state())).toBe(text.toString());
    expect(jobs).toHaveLength(1);
  });

  it('keeps the document as it was when a background re-encoding fails, and says why', async () => {
    const errors: Error[] = [];
    const updates = new DocumentUpdates([], {
      reencoder: { reencode: () => Promise.reject(new Error('took too long')) },
      onReencodeError: (error) => errors.push(error),
    });
    const source = new Y.Doc();
    source.on('update', (update: Uint8Array) => updates.add(update));
    for (let i = 0; i < 2_000; i++) source.getText('t').insert(i, 'z');
    await vi.waitFor(() => expect(errors.length).toBeGreaterThan(0));
    expect(errors[0]!.message).toBe('took too long');
    expect(textOf(updates.state())).toBe('z'.repeat(2_000));
  });

  it('re-encodes earlier when the document nears its size limit', () => {
    let reencodings = 0;
    const counting: Reencoder = {
      reencode: (update) => {
        reencodings++;
        return Promise.resolve(reencodeNow(update));
      },
    };
    const large = new Y.Doc();
    large.getText('t').insert(0, 'x'.repeat(100_000));
    const stored = [Y.encodeStateAsUpdate(large)];
    const near = new DocumentUpdates(stored, { reencoder: counting, maxBytes: 110_000 });
    const far = new DocumentUpdates(stored, { reencoder: counting, maxBytes: 10_000_000 });
    const update = new Y.Doc();
    update.getText('u').insert(0, 'y'.repeat(6_000));
    near.add(Y.encodeStateAsUpdate(update));
    expect(reencodings).toBe(1);
    far.add(Y.encodeStateAsUpdate(update));
    expect(reencodings).toBe(1);
  });
});

function neverReencoder(): Reencoder {
  return { reencode: () => new Promise(() => {}) };
}

function reencodeNow(update: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return Y.encodeStateAsUpdate(doc);
}
