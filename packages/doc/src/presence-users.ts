import type { PresenceUser } from '@allmende/ui';
import type { Awareness } from 'y-protocols/awareness';
import { displayColor, displayName, remoteUserOf } from './remote-user.js';

/** Labels the presence list needs, in the page's language. */
export interface PresenceLabels {
  /** The label of this user's own avatar, such as "Ada (you)". */
  readonly you: (name: string) => string;
  /** The name of someone who has not given one. */
  readonly anonymous: string;
}

/**
 * The people in a document for the presence list: this user first, then
 * everyone else in the order they arrived. Several connections of one
 * person (tabs, devices) show once when the relay stamped their states with
 * the same `user.id`; without ids, each connection is its own entry.
 */
export function presenceUsers(awareness: Awareness, labels: PresenceLabels): PresenceUser[] {
  const users: PresenceUser[] = [];
  const seen = new Set<string>();
  const add = (clientId: number, state: unknown, self: boolean): void => {
    const user = remoteUserOf(state);
    const id = typeof user.id === 'string' && user.id ? `user:${user.id}` : `client:${clientId}`;
    if (seen.has(id)) return;
    seen.add(id);
    const name = displayName(user, labels.anonymous);
    users.push({ id, name, color: displayColor(user, name), ...(self ? { label: labels.you(name) } : {}) });
  };
  const local = awareness.getLocalState();
  if (local) add(awareness.clientID, local, true);
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId !== awareness.clientID && state) add(clientId, state, false);
  }
  return users;
}

/** Tells whether two presence lists show the same, so the list need not render again. */
export function samePresence(a: readonly PresenceUser[], b: readonly PresenceUser[]): boolean {
  return (
    a.length === b.length &&
    a.every((user, index) => {
      const other = b[index]!;
      return user.id === other.id && user.name === other.name && user.color === other.color && user.label === other.label;
    })
  );
}
