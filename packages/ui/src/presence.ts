/**
 * The colours handed out to users for cursors and presence avatars. Each is a
 * six-digit hex colour (the only format y-prosemirror's cursors accept), has
 * a contrast of at least 4.5:1 with white (user names are drawn in white on
 * it) and at least 3:1 against a white page (the caret is a 2px line). They
 * are spread around the hue circle so neighbours are easy to tell apart.
 */
export const PRESENCE_PALETTE: readonly string[] = Object.freeze([
  '#b3261e', // red
  '#1d4ed8', // blue
  '#047857', // green
  '#7e22ce', // purple
  '#b45309', // amber
  '#0e7490', // cyan
  '#be185d', // pink
  '#4d7c0f', // olive
  '#4338ca', // indigo
  '#9a3412', // rust
  '#0f766e', // teal
  '#6d28d9', // violet
]);

/**
 * Returns a colour for a user, picked from {@link PRESENCE_PALETTE} by a hash
 * of `seed` (a user id or name), so the same seed always gets the same colour
 * on every client. Throws a TypeError when `seed` is not a string.
 */
export function presenceColor(seed: string): string {
  if (typeof seed !== 'string') {
    throw new TypeError(`presenceColor: seed must be a string such as a user name or id, got ${typeof seed}.`);
  }
  // FNV-1a: cheap, stable across platforms, and spreads similar names apart.
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index++) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return PRESENCE_PALETTE[hash % PRESENCE_PALETTE.length] as string;
}
