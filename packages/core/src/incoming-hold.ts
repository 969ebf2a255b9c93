/**
 * What lets an editor hold the relay's messages for a moment: while a typed character waits to be
 * painted before the editor reads it, a remote edit applied in between would land on a document
 * without that character (see `deferred-input.ts` in @allmende/doc). Set it with `Session.holdIncoming`.
 */
export interface IncomingHold {
  /** Whether messages must wait now. */
  active(): boolean;
  /** Calls `release` once, as soon as messages need not wait any more (at once when they need not now). */
  whenReleased(release: () => void): void;
}

/**
 * The relay's messages in the order they arrived, each delivered at once unless a hold is active
 * (or earlier ones are still waiting); the waiting ones are delivered, in order, when it releases them.
 */
export class HeldMessages {
  #hold: IncomingHold | null = null;
  #waiting: Array<() => void> = [];

  /** Sets (or with null removes) the hold; removing it delivers what waits. */
  setHold(hold: IncomingHold | null): void {
    this.#hold = hold;
    if (hold === null) this.#deliverWaiting();
  }

  /** Delivers one message now or, while held, after the ones before it. */
  deliver(message: () => void): void {
    if (this.#waiting.length === 0 && !this.#hold?.active()) {
      message();
      return;
    }
    this.#waiting.push(message);
    if (this.#waiting.length === 1) this.#hold?.whenReleased(() => this.#deliverWaiting());
  }

  /** Drops what waits (the connection is gone). */
  clear(): void {
    this.#waiting = [];
  }

  #deliverWaiting(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const message of waiting) message();
  }
}

interface MessageSocket {
  onmessage: ((event: unknown) => void) | null;
}

/**
 * A subclass of the WebSocket class `WS` whose `onmessage` handler receives each message through
 * `messages`, so a hold can delay it. Everything else is the class's own.
 */
export function holdableWebSocket<T extends new (...args: never[]) => object>(WS: T, messages: HeldMessages): T {
  const base = WS as unknown as new (...args: unknown[]) => MessageSocket;
  class HoldableWebSocket extends base {
    override set onmessage(handler: ((event: unknown) => void) | null) {
      super.onmessage = handler === null ? null : (event: unknown) => messages.deliver(() => handler.call(this, event));
    }
    override get onmessage(): ((event: unknown) => void) | null {
      return super.onmessage;
    }
  }
  return HoldableWebSocket as unknown as T;
}
