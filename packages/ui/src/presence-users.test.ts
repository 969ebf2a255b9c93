import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { presenceUsers, samePresence } from './presence-users.js';

const labels = { you: (name: string) => `${name} (you)`, anonymous: 'Anonymous' };

/** An awareness with this user and others whose states arrived as updates. */
function awarenessWith(self: unknown, others: unknown[]): Awareness {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(self as Record<string, unknown> | null);
  for (const state of others) {
    const remote = new Awareness(new Y.Doc());
    remote.setLocalState(state as Record<string, unknown>);
    applyAwarenessUpdate(awareness, encodeAwarenessUpdate(remote, [remote.clientID]), 'remote');
    remote.destroy();
  }
  return awareness;
}

describe('presenceUsers', () => {
  it('lists this user first, labelled, then the others', () => {
    const awareness = awarenessWith({ user: { name: 'Ada', color: '#1d4ed8' } }, [{ user: { name: 'Grace', color: '#047857' } }]);
    const users = presenceUsers(awareness, labels);
    expect(users.map((user) => [user.name, user.color, user.label])).toEqual([
      ['Ada', '#1d4ed8', 'Ada (you)'],
      ['Grace', '#047857', undefined],
    ]);
  });

  it('shows one entry per stamped user id, however many connections they have', () => {
    const awareness = awarenessWith({ user: { id: 'u1', name: 'Ada' } }, [
      { user: { id: 'u1', name: 'Ada' } },
      { user: { id: 'u2', name: 'Grace' } },
      { user: { id: 'u2', name: 'Grace' } },
    ]);
    expect(presenceUsers(awareness, labels).map((user) => user.name)).toEqual(['Ada', 'Grace']);
  });

  it('does not trust what other clients send: names are cut and colours replaced', () => {
    const awareness = awarenessWith(null, [
      { user: { name: 'x'.repeat(500), color: 'red; background: url(https://evil.example)' } },
      { user: { name: { toString: 'no' } } },
      { cursor: null },
    ]);
    const users = presenceUsers(awareness, labels);
    expect(users).toHaveLength(3);
    expect(users[0]!.name).toHaveLength(64);
    for (const user of users) expect(user.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(users[1]!.name).toBe('Anonymous');
    expect(users[2]!.name).toBe('Anonymous');
  });
});

describe('samePresence', () => {
  it('compares what the list shows', () => {
    const a = [{ id: 'client:1', name: 'Ada', color: '#1d4ed8' }];
    expect(samePresence(a, [{ ...a[0]! }])).toBe(true);
    expect(samePresence(a, [{ ...a[0]!, color: '#047857' }])).toBe(false);
    expect(samePresence(a, [])).toBe(false);
  });
});
