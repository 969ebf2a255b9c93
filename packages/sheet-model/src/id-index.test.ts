import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index.js';

function mulberry(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectSame(index: IdIndex, ids: readonly string[], probes: readonly string[] = []): void {
  expect(index.size).toBe(ids.length);
  const wrong = ids.map((id, i) => [id, index.get(id), i] as const).filter(([, got, want]) => got !== want);
  expect(wrong).toEqual([]);
  for (const p of probes) if (!ids.includes(p)) expect(index.get(p)).toBeUndefined();
}

describe('IdIndex', () => {
  it('finds positions of model ids, seed ids and ids of any other form', () => {
    const ids = ['r0', 'r1', 'r2', 'ab12.1', 'ab12.2', 'x', '', 'r01', 'q.', 'Z9', 'a.b.c', 'ab12.0a', '..', 'ab12.3'];
    expectSame(IdIndex.of(ids), ids, ['r3', 'ab12.4', 'r1.', 'ab12.01', 'zz.1', 'r']);
  });

  it('keeps an opaque id and a prefix of the same text apart', () => {
    const ids = ['abc.', 'abc.1', 'abc.2'];
    expectSame(IdIndex.of(ids), ids, ['abc.0', 'abc.3']);
  });

  it('refuses an id twice when built from unique ids', () => {
    expect(() => IdIndex.of(['a.1', 'a.2', 'a.1'])).toThrow(RangeError);
  });

  it('drops later duplicates of a raw list and reports raw positions', () => {
    const v = IdIndex.visible(['a.1', 'a.2', 'a.1', 'x', 'a.3', 'x', 'a.2']);
    expect(v.ids).toEqual(['a.1', 'a.2', 'x', 'a.3']);
    expect(v.raw).toEqual([0, 1, 3, 4]);
    expectSame(v.index, v.ids);
    expect(IdIndex.visible(['a.1', 'b', 'a.2']).raw).toBeUndefined();
  });

  it('inserts inside a run, at the start, at the end, and leaves the original unchanged', () => {
    const base = Array.from({ length: 10 }, (_, i) => 'c.' + (i + 1).toString(36));
    const a = IdIndex.of(base);
    const b = a.withInserted(4, ['d.1', 'd.2']);
    expectSame(a, base);
    expectSame(b, [...base.slice(0, 4), 'd.1', 'd.2', ...base.slice(4)]);
    const c = b.withInserted(0, ['e.5']).withAppended(['f.1']).withInserted(13, ['g.1']);
    expectSame(c, ['e.5', ...base.slice(0, 4), 'd.1', 'd.2', ...base.slice(4), 'g.1', 'f.1']);
    expectSame(b, [...base.slice(0, 4), 'd.1', 'd.2', ...base.slice(4)]);
  });

  it('refuses to insert an id that is already there', () => {
    const a = IdIndex.of(['c.1', 'c.2', 'c.3']);
    expect(() => a.withInserted(0, ['c.2'])).toThrow(RangeError);
  });

  it('matches a plain list through random inserts, appends and shuffled rebuilds (seeded)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const rnd = mulberry(seed);
      let list: string[] = [];
      let index = IdIndex.of(list);
      let counter = 0;
      const fresh = (n: number): string[] => {
        const prefix = ['a.', 'b.', 'r', 'zz'][Math.floor(rnd() * 4)]!;
        const out: string[] = [];
        for (let i = 0; i < n; i++) out.push(prefix + (++counter).toString(36));
        return out;
      };
      for (let step = 0; step < 120; step++) {
        const roll = rnd();
        const n = 1 + Math.floor(rnd() * 40);
        if (roll < 0.4) {
          const at = Math.floor(rnd() * (list.length + 1));
          const ids = fresh(n);
          index = index.withInserted(at, ids);
          list = [...list.slice(0, at), ...ids, ...list.slice(at)];
        } else if (roll < 0.7) {
          const ids = fresh(n);
          index = index.withAppended(ids);
          list = [...list, ...ids];
        } else if (roll < 0.8) {
          // a move: a block taken out and put back elsewhere, as a rebuild after a remote change
          const from = Math.floor(rnd() * list.length);
          const block = list.splice(from, n);
          const to = Math.floor(rnd() * (list.length + 1));
          list.splice(to, 0, ...block);
          const dup = list.length > 0 ? [list[Math.floor(rnd() * list.length)]!] : [];
          const v = IdIndex.visible([...list, ...dup]);
          expect(v.ids).toEqual(list);
          index = v.index;
        } else {
          index = IdIndex.of(list);
        }
        if (step % 20 === 0 || step === 119) expectSame(index, list, ['a.0', 'q.1', 'r0']);
      }
    }
  });

  it('falls back to a hash map for scattered ids and keeps working', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => 'p.' + ((i * 7919) % 2000 + 1).toString(36));
    const a = IdIndex.of(ids);
    expectSame(a, ids, ['p.0', 'p.' + (2001).toString(36)]);
    const b = a.withInserted(3, ['n.1', 'n.2']);
    expectSame(b, [...ids.slice(0, 3), 'n.1', 'n.2', ...ids.slice(3)]);
    expectSame(a, ids);
  });
});
