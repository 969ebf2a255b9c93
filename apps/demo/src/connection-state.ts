/** The connection state the app shell shows for the open file. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'error';

/** What the shell knows about the open file's session. */
export interface ConnectionFacts {
  /** The element's status: `connecting`, `connected`, `offline`, `error`, or null without a session. */
  readonly status: string | null;
  /** Whether the session has been connected at some point. */
  readonly wasOnline: boolean;
  /** How long ago it lost the connection, in ms (0 while connected). */
  readonly offlineFor: number;
  /** What `navigator.onLine` says. */
  readonly browserOnline: boolean;
}

/** How long a lost connection counts as "reconnecting" before the shell says "offline". */
export const RECONNECT_GRACE_MS = 4000;

/**
 * The state to show: online while connected; reconnecting for a few seconds
 * after the connection dropped (a relay restart, a network blip); offline
 * once that takes longer or the browser itself is offline; connecting
 * before the first connection.
 */
export function connectionState(facts: ConnectionFacts): ConnectionState {
  if (facts.status === 'error') return 'error';
  if (facts.status === 'connected') return 'online';
  if (!facts.browserOnline) return 'offline';
  if (!facts.wasOnline) return facts.status === 'offline' && facts.offlineFor >= RECONNECT_GRACE_MS ? 'offline' : 'connecting';
  return facts.offlineFor >= RECONNECT_GRACE_MS ? 'offline' : 'reconnecting';
}
