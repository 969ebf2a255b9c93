import type { Identity } from './access-claims.js';
import { type AwarenessEntry, decodeAwarenessUpdate, encodeAwarenessUpdate } from './awareness-update.js';
import type { ConnectionAccess } from './connection-access.js';

/** What {@link guardPresenceUpdate} needs to know about the document's presence right now. */
export interface PresenceView {
  /** The clock the relay holds for a client id, if it has seen it. */
  clockOf(clientID: number): number | undefined;
  /** Whether the relay holds a (non-removed) state for a client id. */
  hasState(clientID: number): boolean;
  /** The access of the connection that owns a client id's state, if any. */
  ownerOf(clientID: number): ConnectionAccess | undefined;
}

/** The part of an awareness update the relay applies, and the client ids it refused. */
export interface GuardedPresence {
  /** The re-encoded update to apply, or null when nothing in it would change anything. */
  readonly update: Uint8Array | null;
  /** Client ids whose entries were dropped because another person's connection owns them. */
  readonly refused: readonly number[];
}

/**
 * Filters and stamps an awareness update sent by a connection with access `sender`:
 *
 * - entries that would not change anything (an older or equal clock, as every y-websocket client
 *   echoes the presence it receives) are dropped silently;
 * - entries for a client id owned by a connection of another person (another token subject) are
 *   refused, so nobody can change or remove someone else's presence; the same person's new
 *   connection may take over its state (a reconnect), as may anyone in development mode;
 * - every remaining state gets `user.id` and `user.name` from the sender's token, keeping the
 *   client's other fields (such as `user.color`). A state that is not an object becomes `{ user }`.
 *
 * Throws a `RangeError` for a malformed update.
 */
export function guardPresenceUpdate(update: Uint8Array, sender: ConnectionAccess, view: PresenceView): GuardedPresence {
  const kept: AwarenessEntry[] = [];
  const refused: number[] = [];
  for (const entry of decodeAwarenessUpdate(update)) {
    const current = view.clockOf(entry.clientID) ?? 0;
    // The same test y-protocols' applyAwarenessUpdate uses to decide whether an entry applies.
    const changes = current < entry.clock || (current === entry.clock && entry.state === null && view.hasState(entry.clientID));
    if (!changes) continue;
    const owner = view.ownerOf(entry.clientID);
    if (owner !== undefined && owner !== sender && !sender.isSameUserAs(owner)) {
      refused.push(entry.clientID);
      continue;
    }
    kept.push(sender.user === null ? entry : { ...entry, state: stamp(entry.state, sender.user) });
  }
  return { update: kept.length === 0 ? null : encodeAwarenessUpdate(kept), refused };
}

function stamp(state: unknown, user: Identity): unknown {
  if (state === null) return null;
  const base = isPlainObject(state) ? state : {};
  const previous = isPlainObject(base['user']) ? base['user'] : {};
  return { ...base, user: { ...previous, id: user.id, name: user.name } };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
