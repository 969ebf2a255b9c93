import type { AwarenessEntry } from './awareness-update.js';

/**
 * Returns how many presence (awareness) client ids a connection holds after it applies `entries`,
 * given the ids it holds now (`held`). Every entry is one the relay will apply (entries that
 * change nothing were filtered out before): a state claims its client id, a removal (state `null`)
 * gives it up.
 */
export function presenceStatesAfter(held: ReadonlySet<number>, entries: readonly AwarenessEntry[]): number {
  const after = new Set(held);
  for (const { clientID, state } of entries) {
    if (state === null) after.delete(clientID);
    else after.add(clientID);
  }
  return after.size;
}
