import { describe, expect, it } from 'vitest';
import { decodeAwarenessUpdate, encodeAwarenessUpdate, type AwarenessEntry } from './awareness-update.js';
import { ConnectionAccess } from './connection-access.js';
import { guardPresenceUpdate, type PresenceView } from './presence-guard.js';

function access(id: string | null, name = id ?? ''): ConnectionAccess {
  if (id === null) return ConnectionAccess.development(true);
  return new ConnectionAccess({ role: 'read', user: { id, name }, devMode: false, expiresAt: null, wantsSessionInfo: true });
}

function view(known: Array<{ clientID: number; clock: number; owner?: ConnectionAccess; removed?: boolean }>): PresenceView {
  const byId = new Map(known.map((entry) => [entry.clientID, entry]));
  return {
    clockOf: (client) => byId.get(client)?.clock,
    hasState: (client) => byId.has(client) && byId.get(client)!.removed !== true,
    ownerOf: (client) => byId.get(client)?.owner,
  };
}

function guard(entries: AwarenessEntry[], sender: ConnectionAccess, presence: PresenceView): { kept: AwarenessEntry[]; refused: readonly number[] } {
  const { update, refused } = guardPresenceUpdate(encodeAwarenessUpdate(entries), sender, presence);
  return { kept: update === null ? [] : decodeAwarenessUpdate(update), refused };
}

describe('guardPresenceUpdate', () => {
  const ada = access('u-ada', 'Ada');

  it("stamps the token's id and name over what the client claims, keeping its colour and other fields", () => {
    const { kept } = guard([{ clientID: 1, clock: 1, state: { user: { name: 'Mallory', id: 'u-bob', color: '#0f0' }, cursor: 5 } }], ada, view([]));
    expect(kept).toEqual([{ clientID: 1, clock: 1, state: { user: { name: 'Ada', id: 'u-ada', color: '#0f0' }, cursor: 5 } }]);
  });

  it('stamps states without a user object, or that are not objects at all', () => {
    const { kept } = guard([
      { clientID: 1, clock: 1, state: { user: 'Mallory' } },
      { clientID: 2, clock: 1, state: [1, 2] },
      { clientID: 3, clock: 1, state: null },
    ], ada, view([{ clientID: 3, clock: 0, owner: ada }]));
    expect(kept.map((entry) => entry.state)).toEqual([{ user: { id: 'u-ada', name: 'Ada' } }, { user: { id: 'u-ada', name: 'Ada' } }, null]);
  });

  it('leaves states alone in development mode', () => {
    const state = { user: { name: 'Whoever' } };
    expect(guard([{ clientID: 1, clock: 1, state }], access(null), view([])).kept[0]!.state).toEqual(state);
  });

  it("refuses changes to a state owned by another person's connection", () => {
    const bob = access('u-bob');
    const presence = view([{ clientID: 1, clock: 3, owner: bob }]);
    expect(guard([{ clientID: 1, clock: 4, state: { user: { name: 'Bob' } } }], ada, presence)).toEqual({ kept: [], refused: [1] });
    expect(guard([{ clientID: 1, clock: 3, state: null }], ada, presence)).toEqual({ kept: [], refused: [1] });
  });

  it('lets the same person take over a state from an older connection, and anyone in development mode', () => {
    const oldAda = access('u-ada', 'Ada');
    const fromNew = guard([{ clientID: 1, clock: 4, state: {} }], ada, view([{ clientID: 1, clock: 3, owner: oldAda }]));
    expect(fromNew.refused).toEqual([]);
    expect(fromNew.kept).toHaveLength(1);
    const dev = guard([{ clientID: 1, clock: 4, state: {} }], access(null), view([{ clientID: 1, clock: 3, owner: access(null) }]));
    expect(dev.kept).toHaveLength(1);
  });

  it('drops entries that would change nothing, such as the echoes every client sends, without refusing them', () => {
    const bob = access('u-bob');
    const presence = view([{ clientID: 1, clock: 3, owner: bob }, { clientID: 2, clock: 2, removed: true }]);
    const result = guard([
      { clientID: 1, clock: 3, state: { user: { name: 'Bob' } } },
      { clientID: 1, clock: 2, state: null },
      { clientID: 2, clock: 2, state: null },
      { clientID: 9, clock: 0, state: {} },
    ], ada, presence);
    expect(result).toEqual({ kept: [], refused: [] });
    expect(guardPresenceUpdate(encodeAwarenessUpdate([]), ada, presence).update).toBeNull();
  });

  it('keeps the allowed entries of a mixed update', () => {
    const bob = access('u-bob');
    const result = guard([
      { clientID: 1, clock: 9, state: { user: { name: 'Bob?' } } },
      { clientID: 5, clock: 1, state: { user: { color: 'red' } } },
    ], ada, view([{ clientID: 1, clock: 3, owner: bob }]));
    expect(result.refused).toEqual([1]);
    expect(result.kept).toEqual([{ clientID: 5, clock: 1, state: { user: { color: 'red', id: 'u-ada', name: 'Ada' } } }]);
  });

  it('throws a RangeError for a malformed update', () => {
    expect(() => guardPresenceUpdate(new Uint8Array([1, 1]), ada, view([]))).toThrow(RangeError);
  });
});
