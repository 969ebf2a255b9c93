import type { Awareness } from 'y-protocols/awareness';
import { presenceColor } from './presence.js';

/** One person in a presence list (`<allmende-presence-list>`). */
export interface PresenceUser {
  /** Stable for the person (a user id, or an awareness client id); keys the list. */
  readonly id: string;
  readonly name: string;
  /** `#rrggbb`; anything else gets a palette colour. */
  readonly color: string;
  /** What to show and read instead of the name, such as "Ada (you)". */
  readonly label?: string;
}

/** The fields of another user's awareness state (`state.user`) that cursors and presence lists show. */
export interface RemoteUser {
  id?: unknown;
  name?: unknown;
  color?: unknown;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const MAX_NAME_LENGTH = 64;

/** Reads the `user` field of an awareness state, which any client can fill with anything. */
export function remoteUserOf(state: unknown): RemoteUser {
  const user = typeof state === 'object' && state !== null ? (state as { user?: unknown }).user : undefined;
  return typeof user === 'object' && user !== null ? (user as RemoteUser) : {};
}

/**
 * The name to show for a remote user, or `fallback` when they have none.
 * Awareness states come from other clients and are untrusted, so only
 * strings are shown, cut to 64 characters, and only ever as text.
 */
export function displayName(user: RemoteUser, fallback: string): string {
  const name = typeof user.name === 'string' ? user.name.trim() : '';
  return name ? name.slice(0, MAX_NAME_LENGTH) : fallback;
}

/**
 * The colour to draw a remote user in. Anything but `#rrggbb` is replaced by
 * a palette colour for `name`: the value ends up in a style attribute, and a
 * crafted string there could load remote resources or restyle the page.
 */
export function displayColor(user: RemoteUser, name: string): string {
  return typeof user.color === 'string' && HEX_COLOR.test(user.color) ? user.color : presenceColor(name);
}

/** Labels a presence list needs, in the page's language. */
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
