import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WorkerReencoder } from './document-reencoder.js';
import { joinableChain } from './hostile-updates.test-support.js';

const reencoders: WorkerReencoder[] = [];

afterEach(async () => {
  for (const reencoder of reencoders.splice(0)) await reencoder.close();
});

function start(options: { timeoutMs?: number; memoryMb?: number } = {}): WorkerReencoder {
  const reencoder = new WorkerReencoder({ timeoutMs: options.timeoutMs ?? 20_000, memoryMb: options.memoryMb ?? 256 });
  reencoders.push(reencoder);
  return reencoder;
}

function typedKeyByKey(text: string): Uint8Array {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < text.length; i++) doc.getText('t').insert(i, text[i]!);
  return Y.mergeUpdates(updates);
}

function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe('WorkerReencoder', () => {
  it('re-encodes a merged keystroke log compactly with the same content', async () => {
    const merged = typedKeyByKey('compact me '.repeat(100));
    const compact = await start().reencode(merged);
    expect(compact.byteLength).toBeLessThan(merged.byteLength / 4);
    expect(textOf(compact)).toBe('compact me '.repeat(100));
  });

  it('stops a re-encoding that takes too long and serves the next job with a fresh worker', async () => {
    const reencoder = start({ timeoutMs: 500 });
    // Joining 300,000 array items one by one copies ~4.5e10 elements: minutes, if allowed.
    const slow = reencoder.reencode(joinableChain(1, 300_000));
    const next = reencoder.reencode(typedKeyByKey('after'));
    await expect(slow).rejects.toThrow(/longer than 500 ms/);
    expect(textOf(await next)).toBe('after');
  });

  it('fails a re-encoding that runs out of its heap without harming the relay', async () => {
    const reencoder = start({ memoryMb: 32, timeoutMs: 60_000 });
    const doc = new Y.Doc();
    const map = doc.getMap('m');
    doc.transact(() => {
      for (let i = 0; i < 300_000; i++) map.set(`key ${i}`, new Y.Map());
    });
    await expect(reencoder.reencode(Y.encodeStateAsUpdate(doc))).rejects.toThrow(/worker/);
    expect(textOf(await reencoder.reencode(typedKeyByKey('still here')))).toBe('still here');
  });

  it('rejects queued jobs when closed', async () => {
    const reencoder = start();
    const outcomes = Promise.allSettled([reencoder.reencode(typedKeyByKey('one')), reencoder.reencode(typedKeyByKey('two'))]);
    await reencoder.close();
    for (const outcome of await outcomes) {
      expect(outcome.status).toBe('rejected');
      expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/closed/);
    }
    await expect(reencoder.reencode(typedKeyByKey('three'))).rejects.toThrow(/closed/);
  });
});
