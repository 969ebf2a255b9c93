import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeAwarenessUpdate, encodeAwarenessUpdate } from './awareness-update.js';

describe('awareness update codec', () => {
  it('decodes what y-protocols encodes', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Ada', color: '#f00' }, cursor: null });
    awareness.setLocalStateField('cursor', { anchor: 3 });
    const entries = decodeAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
    expect(entries).toEqual([{ clientID: awareness.clientID, clock: 2, state: { user: { name: 'Ada', color: '#f00' }, cursor: { anchor: 3 } } }]);
    awareness.destroy();
  });

  it('encodes what y-protocols applies, including removals', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwarenessUpdate([
      { clientID: 7, clock: 1, state: { user: { name: 'Bo' } } },
      { clientID: 8, clock: 4, state: { user: { name: 'Cy' } } },
    ]), null);
    expect(awareness.getStates().get(7)).toEqual({ user: { name: 'Bo' } });
    expect(awareness.meta.get(8)?.clock).toBe(4);
    awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwarenessUpdate([{ clientID: 7, clock: 2, state: null }]), null);
    expect(awareness.getStates().has(7)).toBe(false);
    awareness.destroy();
  });

  it('round-trips entries, with large ids and clocks', () => {
    const entries = [
      { clientID: 0, clock: 0, state: null },
      { clientID: 2 ** 32 - 1, clock: 2 ** 40, state: { a: [1, 'two', { three: true }] } },
      { clientID: 5, clock: 1, state: 'not an object' },
    ];
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate(entries))).toEqual(entries);
    expect(decodeAwarenessUpdate(encodeAwarenessUpdate([]))).toEqual([]);
  });

  it('refuses truncated updates, bad JSON and trailing bytes with a RangeError', () => {
    const valid = encodeAwarenessUpdate([{ clientID: 1, clock: 1, state: { x: 1 } }]);
    expect(() => decodeAwarenessUpdate(valid.subarray(0, valid.length - 2))).toThrow(RangeError);
    expect(() => decodeAwarenessUpdate(new Uint8Array([5, 1, 1]))).toThrow(/malformed awareness update/);
    expect(() => decodeAwarenessUpdate(new Uint8Array([1, 1, 1, 3, 0x7b, 0x7b, 0x7b]))).toThrow(/malformed awareness update/);
    expect(() => decodeAwarenessUpdate(new Uint8Array([...valid, 0]))).toThrow(/after the last entry/);
  });
});
