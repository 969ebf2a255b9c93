import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Y from 'yjs';
import * as prng from 'lib0/prng';
import { WebSocket } from 'ws';
import { startRelay, type Relay } from '@allmende/relay';
import { connect, type Session } from './index.js';

// Five sessions edit one document through a real relay while dropping off and coming back in a
// random (seeded, so reproducible) order; at the end every replica must hold the same state.
const seeds = [1, 42, 2026];
let relay: Relay;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'allmende-converge-'));
  relay = await startRelay({ port: 0, dataDir });
});

afterAll(async () => {
  await relay.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function randomEdit(gen: prng.PRNG, doc: Y.Doc): void {
  const text = doc.getText('text');
  const list = doc.getArray<number>('list');
  const map = doc.getMap<string>('map');
  switch (prng.int32(gen, 0, 4)) {
    case 0:
      text.insert(prng.int32(gen, 0, text.length), prng.word(gen, 1, 6));
      break;
    case 1:
      if (text.length > 0) {
        const at = prng.int32(gen, 0, text.length - 1);
        text.delete(at, Math.min(prng.int32(gen, 1, 4), text.length - at));
      }
      break;
    case 2:
      list.insert(prng.int32(gen, 0, list.length), [prng.int32(gen, 0, 999)]);
      break;
    case 3:
      if (list.length > 0) list.delete(prng.int32(gen, 0, list.length - 1), 1);
      break;
    default:
      map.set(`k${prng.int32(gen, 0, 5)}`, prng.word(gen, 1, 4));
  }
}

function shuffle<T>(gen: prng.PRNG, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = prng.int32(gen, 0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Map keys are sorted: a Y.Map's key order is each replica's local insertion order, not shared state.
const state = (s: Session) => JSON.stringify([s.doc.getText('text').toString(), s.doc.getArray('list').toJSON(), Object.entries(s.doc.getMap('map').toJSON()).sort()]);

for (const seed of seeds) {
  it(`converges: 5 clients, random edits, disconnects and reconnects (seed ${seed})`, async () => {
    const gen = prng.create(seed);
    const sessions = Array.from({ length: 5 }, () =>
      connect({ relay: relay.wsUrl, document: `converge-${seed}`, WebSocketPolyfill: WebSocket }));
    try {
      await Promise.all(sessions.map((s) => s.whenSynced));
      for (let step = 0; step < 300; step++) {
        const session = sessions[prng.int32(gen, 0, sessions.length - 1)]!;
        const roll = prng.int32(gen, 0, 19);
        if (roll === 0) session.disconnect();
        else if (roll === 1) session.reconnect();
        else randomEdit(gen, session.doc);
        if (step % 25 === 0) await new Promise((r) => setTimeout(r, prng.int32(gen, 0, 30)));
      }
      // Reconnect in a random order, not all at once.
      for (const session of shuffle(gen, sessions)) {
        session.reconnect();
        await new Promise((r) => setTimeout(r, prng.int32(gen, 0, 40)));
      }
      const end = Date.now() + 15_000;
      while (new Set(sessions.map(state)).size !== 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      const states = sessions.map(state);
      expect(new Set(states).size).toBe(1);
      expect(sessions.map((s) => s.status)).toEqual(Array(5).fill('connected'));
      // And a fresh client sees the same, loaded from the relay's database once everyone has left.
      for (const s of sessions) s.destroy();
      const unloadBy = Date.now() + 10_000;
      while (relay.loadedDocuments > 0 && Date.now() < unloadBy) await new Promise((r) => setTimeout(r, 20));
      expect(relay.loadedDocuments).toBe(0);
      const fresh = connect({ relay: relay.wsUrl, document: `converge-${seed}`, WebSocketPolyfill: WebSocket });
      await fresh.whenSynced;
      expect(state(fresh)).toBe(states[0]);
      expect(fresh.doc.getText('text').length + fresh.doc.getArray('list').length).toBeGreaterThan(0);
      fresh.destroy();
    } finally {
      for (const s of sessions) s.destroy();
    }
  });
}
