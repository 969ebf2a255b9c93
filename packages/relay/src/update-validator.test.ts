import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RelayCloseCode } from '@allmende/protocol';
import {
  anyAfter,
  craftUpdate,
  gcStruct,
  joinableChain,
  rootAny,
  rootString,
} from './hostile-updates.test-support.js';
import { ProtocolError } from './protocol-error.js';
import { maxUpdateClock, maxValueDepth, validateStateVector, validateUpdate } from './update-validator.js';

const limits = { maxUpdateStructs: 1_000_000 };

/** Every update a busy document emits, using every kind of content Yjs has. */
function honestUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('text');
  text.insert(0, 'Grüße, 世界 👋');
  text.format(0, 5, { bold: true, color: '#ff0000' });
  text.insertEmbed(3, { image: 'x.png' });
  text.delete(2, 3);
  const map = doc.getMap('map');
  map.set('number', 42);
  map.set('float', 1.5);
  map.set('big', 2n ** 60n);
  map.set('nested', { a: [1, 'two', null, true, { deep: new Uint8Array([1, 2]) }] });
  map.set('bytes', new Uint8Array([0, 255]));
  map.set('undefined', undefined);
  map.set('sub', new Y.Map());
  map.set('subdoc', new Y.Doc());
  const array = doc.getArray<unknown>('array');
  array.insert(0, [1, 2, 3]);
  array.push([new Y.Array(), new Y.Text('inner')]);
  array.delete(1, 1);
  const xml = doc.getXmlFragment('xml');
  const element = new Y.XmlElement('paragraph');
  element.setAttribute('align', 'center');
  xml.insert(0, [element, new Y.XmlText('tail')]);
  array.push([new Y.XmlHook('hook')]);
  element.insert(0, [new Y.XmlText('hello')]);
  doc.transact(() => {
    for (let i = 0; i < 50; i++) text.insert(i % text.length, 'k');
  });
  map.delete('number');
  updates.push(Y.encodeStateAsUpdate(doc));
  updates.push(Y.mergeUpdates(updates.slice(0, 10)));
  updates.push(Y.diffUpdate(Y.encodeStateAsUpdate(doc), Y.encodeStateVectorFromUpdate(updates[0]!)));
  return updates;
}

function rejection(update: Uint8Array, options = limits): ProtocolError {
  try {
    validateUpdate(update, options);
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error('the update was accepted');
}

describe('validateUpdate', () => {
  it('accepts every update an honest document produces, including merged and diffed ones', () => {
    for (const update of honestUpdates()) {
      const summary = validateUpdate(update, limits);
      const decoded = Y.decodeUpdate(update);
      expect(summary.structs).toBe(decoded.structs.length);
      expect(summary.isEmpty).toBe(false);
    }
  });

  it('reports the empty update y-websocket sends as empty', () => {
    expect(validateUpdate(new Uint8Array([0, 0]), limits)).toEqual({ structs: 0, deleteRanges: 0, isEmpty: true });
    expect(validateUpdate(Y.encodeStateAsUpdate(new Y.Doc()), limits).isEmpty).toBe(true);
  });

  it('counts delete ranges', () => {
    const update = craftUpdate([], [[7, [[0, 3], [10, 2]]]]);
    expect(validateUpdate(update, limits)).toEqual({ structs: 0, deleteRanges: 2, isEmpty: false });
  });

  it('closes with 4400 for every truncation of a valid update', () => {
    const update = honestUpdates().at(-3)!;
    for (let length = 0; length < update.length; length++) {
      expect(rejection(update.subarray(0, length)).closeCode, `length ${length}`).toBe(RelayCloseCode.badRequest);
    }
  });

  it('closes with 4400 for bytes after the delete set', () => {
    const update = new Uint8Array([...Y.encodeStateAsUpdate(honestDoc()), 0]);
    expect(rejection(update).message).toMatch(/after the delete set/);
  });

  it('closes with 4400 for unknown struct kinds, zero lengths, bad strings and bad JSON', () => {
    const cases: Array<[string, Uint8Array]> = [
      ['unknown kind', craftUpdate([[1, 0, [{ info: 11, body: () => {} }]]])],
      ['GC with flags', craftUpdate([[1, 0, [{ info: 0x80, body: (e) => encoding.writeVarUint(e, 1) }]]])],
      ['zero-length GC', craftUpdate([[1, 0, [gcStruct(0)]]])],
      ['empty string item', craftUpdate([[1, 0, [rootString('t', '')]]])],
      ['invalid UTF-8', craftUpdate([[1, 0, [{ info: 4, body: (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 't');
        encoding.writeVarUint8Array(e, new Uint8Array([0xc3, 0x28]));
      } }]]])],
      ['bad JSON embed', craftUpdate([[1, 0, [{ info: 5, body: (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 't');
        encoding.writeVarString(e, '{nope');
      } }]]])],
      ['unknown value type', craftUpdate([[1, 0, [rootAny('a', (e) => encoding.writeUint8(e, 100))]]])],
      ['unknown type ref', craftUpdate([[1, 0, [{ info: 7, body: (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 't');
        encoding.writeVarUint(e, 9);
      } }]]])],
      ['subdocument options null', craftUpdate([[1, 0, [{ info: 9, body: (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 't');
        encoding.writeVarString(e, 'guid');
        encoding.writeUint8(e, 126);
      } }]]])],
      ['parent info 2', craftUpdate([[1, 0, [{ info: 4, body: (e) => encoding.writeVarUint(e, 2) }]]])],
      ['duplicate client block', craftUpdate([[1, 0, [rootString('t', 'a')]], [1, 1, [rootString('t', 'b')]]])],
      ['zero-length delete range', craftUpdate([], [[1, [[0, 0]]]])],
      ['count larger than the bytes', new Uint8Array([0xff, 0xff, 0xff, 0x7f, 0])],
      ['varint longer than 8 bytes', new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0])],
      ['string longer than the bytes', craftUpdate([[1, 0, [{ info: 4, body: (e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarString(e, 't');
        encoding.writeVarUint(e, 2 ** 31);
      } }]]])],
    ];
    for (const [name, update] of cases) {
      const error = rejection(update);
      expect(error.closeCode, name).toBe(RelayCloseCode.badRequest);
      expect(error.message, name).toMatch(/^malformed/);
    }
  });

  it('closes with 4422 for clocks and lengths beyond the bound', () => {
    for (const update of [
      craftUpdate([[1, maxUpdateClock, [rootString('t', 'x')]]]),
      craftUpdate([[1, 0, [gcStruct(maxUpdateClock + 1)]]]),
      craftUpdate([[1, 0, [gcStruct(Number.MAX_SAFE_INTEGER)]]]),
      craftUpdate([], [[1, [[2 ** 52, 2 ** 52]]]]),
      craftUpdate([[1, 0, [anyAfter(2, maxUpdateClock + 1)]]]),
    ]) {
      expect(rejection(update).closeCode).toBe(RelayCloseCode.updateTooComplex);
    }
  });

  it('closes with 4422 for values nested deeper than the bound, before Yjs would overflow its stack', () => {
    const nested = (depth: number) => (e: encoding.Encoder) => {
      for (let i = 0; i < depth; i++) {
        encoding.writeUint8(e, 117);
        encoding.writeVarUint(e, 1);
      }
      encoding.writeUint8(e, 126);
    };
    expect(() => validateUpdate(craftUpdate([[1, 0, [rootAny('a', nested(maxValueDepth))]]]), limits)).not.toThrow();
    const deep = craftUpdate([[1, 0, [rootAny('a', nested(100_000))]]]);
    expect(rejection(deep).closeCode).toBe(RelayCloseCode.updateTooComplex);
    expect(() => Y.mergeUpdates([Y.encodeStateAsUpdate(new Y.Doc()), deep])).toThrow(RangeError);
  });

  it('closes with 4422 for more structs and delete ranges than allowed', () => {
    const small = { maxUpdateStructs: 10 };
    const structs = Array.from({ length: 11 }, (_, i) => (i === 0 ? rootString('t', 'x') : gcStruct(1)));
    expect(rejection(craftUpdate([[1, 0, structs]]), small).closeCode).toBe(RelayCloseCode.updateTooComplex);
    const ranges = Array.from({ length: 11 }, (_, i): [number, number] => [i * 2, 1]);
    expect(rejection(craftUpdate([], [[1, ranges]]), small).closeCode).toBe(RelayCloseCode.updateTooComplex);
    expect(() => validateUpdate(craftUpdate([[1, 0, structs.slice(0, 10)]]), small)).not.toThrow();
  });

  it('closes with 4422 for a long run of joinable items, which a Y.Doc joins in quadratic time', () => {
    expect(() => validateUpdate(joinableChain(1, 1000), limits)).not.toThrow();
    expect(rejection(joinableChain(1, 20_000)).closeCode).toBe(RelayCloseCode.updateTooComplex);
  });

  it('only accepts mutated updates that Yjs can merge, diff and apply', () => {
    const gen = prng.create(687);
    const base = honestUpdates();
    const state = Y.mergeUpdates(base);
    let accepted = 0;
    for (let round = 0; round < 2000; round++) {
      const original = prng.oneOf(gen, base);
      const mutated = original.slice();
      for (let flips = prng.int32(gen, 1, 3); flips > 0; flips--) {
        const at = prng.int32(gen, 0, mutated.length - 1);
        mutated[at] = mutated[at]! ^ (1 << prng.int32(gen, 0, 7));
      }
      try {
        validateUpdate(mutated, limits);
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError);
        continue;
      }
      accepted++;
      const merged = Y.mergeUpdates([state, mutated]);
      Y.encodeStateVectorFromUpdate(merged);
      Y.diffUpdate(merged, new Uint8Array([0]));
    }
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('validateStateVector', () => {
  it('accepts encoded state vectors and refuses truncated or padded ones', () => {
    const vector = Y.encodeStateVector(honestDoc());
    expect(() => validateStateVector(vector)).not.toThrow();
    expect(() => validateStateVector(new Uint8Array([0]))).not.toThrow();
    expect(() => validateStateVector(vector.subarray(0, vector.length - 1))).toThrow(ProtocolError);
    expect(() => validateStateVector(new Uint8Array([...vector, 1]))).toThrow(/after the state vector/);
    expect(() => validateStateVector(new Uint8Array([0xff, 0xff, 0x03]))).toThrow(ProtocolError);
  });
});

function honestDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'hello');
  return doc;
}
