// A bare page for element tests: the built elements plus the Yjs pieces a host app would hold,
// exposed on `window.harness` so specs can play the host.
import '@allmende/doc';
import { connect } from '@allmende/core';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';

type Observable = { _observers: Map<string, Set<unknown>> };

/** Listener counts per event name, leaving out events with none. */
function listenerCounts(target: object): Record<string, number> {
  const observers = (target as Observable)._observers;
  return Object.fromEntries([...observers].map(([name, set]) => [name, set.size] as const).filter(([, n]) => n > 0));
}

/** Listener counts of a shared type: its own observers and its deep observers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type, whatever its event type
function typeListenerCounts(type: Y.AbstractType<any>): { observe: number; observeDeep: number } {
  const internal = type as unknown as { _eH: { l: unknown[] }; _dEH: { l: unknown[] } };
  return { observe: internal._eH.l.length, observeDeep: internal._dEH.l.length };
}

const harness = { Y, Awareness, connect, listenerCounts, typeListenerCounts };
declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
