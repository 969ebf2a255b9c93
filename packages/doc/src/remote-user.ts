import { presenceColor } from '@allmende/ui';

/** The fields of another user's awareness state (`state.user`) that cursors and the presence list show. */
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
