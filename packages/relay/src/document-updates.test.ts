import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
});
