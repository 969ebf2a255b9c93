import { describe, expect, it } from 'vitest';
import { HeldMessages, holdableWebSocket, type IncomingHold } from './incoming-hold.js';

/** A hold switched by hand, remembering who waits for its release. */
function manualHold(): IncomingHold & { on: boolean; releaseNow(): void } {
  let waiting: Array<() => void> = [];
  return {
    on: true,
    active() {
      return this.on;
    },
    whenReleased(release) {
      if (this.on) waiting.push(release);
      else release();
    },
    releaseNow() {
      this.on = false;
      const runs = waiting;
      waiting = [];
      for (const run of runs) run();
    },
  };
}

describe('HeldMessages', () => {
  it('delivers at once without a hold or while the hold is inactive', () => {
    const messages = new HeldMessages();
    const seen: number[] = [];
    messages.deliver(() => seen.push(1));
    const hold = manualHold();
    hold.on = false;
    messages.setHold(hold);
    messages.deliver(() => seen.push(2));
    expect(seen).toEqual([1, 2]);
  });

  it('keeps messages while held and delivers them in order on release, before any later one', () => {
    const messages = new HeldMessages();
    const hold = manualHold();
    messages.setHold(hold);
    const seen: number[] = [];
    messages.deliver(() => seen.push(1));
    messages.deliver(() => seen.push(2));
    expect(seen).toEqual([]);
    hold.releaseNow();
    expect(seen).toEqual([1, 2]);
    messages.deliver(() => seen.push(3));
    expect(seen).toEqual([1, 2, 3]);
  });

  it('queues a message behind waiting ones even when the hold went inactive without releasing yet', () => {
    const messages = new HeldMessages();
    let release: (() => void) | null = null;
    let active = true;
    messages.setHold({ active: () => active, whenReleased: (run) => void (release = run) });
    const seen: string[] = [];
    messages.deliver(() => seen.push('first'));
    active = false;
    messages.deliver(() => seen.push('second'));
    expect(seen).toEqual([]);
    release!();
    expect(seen).toEqual(['first', 'second']);
  });

  it('delivers what waits when the hold is removed, and drops it on clear', () => {
    const messages = new HeldMessages();
    const seen: number[] = [];
    messages.setHold(manualHold());
    messages.deliver(() => seen.push(1));
    messages.setHold(null);
    expect(seen).toEqual([1]);
    messages.setHold(manualHold());
    messages.deliver(() => seen.push(2));
    messages.clear();
    messages.setHold(null);
    expect(seen).toEqual([1]);
  });
});

describe('holdableWebSocket', () => {
  it('passes each message to the onmessage handler through the held messages, with the socket as this', () => {
    class FakeSocket {
      #handler: ((event: unknown) => void) | null = null;
      get onmessage() {
        return this.#handler;
      }
      set onmessage(handler: ((event: unknown) => void) | null) {
        this.#handler = handler;
      }
      receive(data: string): void {
        this.#handler?.({ data });
      }
    }
    const messages = new HeldMessages();
    const hold = manualHold();
    messages.setHold(hold);
    const Socket = holdableWebSocket(FakeSocket, messages);
    const socket = new Socket();
    const seen: Array<[string, boolean]> = [];
    socket.onmessage = function (this: unknown, event: unknown) {
      seen.push([(event as { data: string }).data, this === socket]);
    };
    socket.receive('a');
    socket.receive('b');
    expect(seen).toEqual([]);
    hold.releaseNow();
    expect(seen).toEqual([['a', true], ['b', true]]);
    socket.onmessage = null;
    expect(socket.onmessage).toBeNull();
  });
});
