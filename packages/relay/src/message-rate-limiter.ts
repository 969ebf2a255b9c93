/**
 * A token bucket for the messages of one connection: it holds up to `burst` tokens, refills at
 * `perSecond`, and each message takes one. Presence echoes are paid for by {@link grant}.
 */
export class MessageRateLimiter {
  readonly #perMillisecond: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #updatedAt: number;

  /** Starts with a full bucket; `now` returns milliseconds and exists for tests. */
  constructor(options: { perSecond: number; burst: number }, now: () => number = monotonicNow) {
    this.#perMillisecond = options.perSecond / 1000;
    this.#burst = options.burst;
    this.#now = now;
    this.#tokens = options.burst;
    this.#updatedAt = now();
  }

  /** Takes a token for one incoming message; returns false, taking nothing, when the bucket is empty. */
  tryTake(): boolean {
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens--;
    return true;
  }

  /**
   * Adds one token (up to the bucket size). The relay calls it for every presence message it sends
   * to the connection, because a y-websocket client answers each with an echo of the same states.
   */
  grant(): void {
    this.#refill();
    this.#tokens = Math.min(this.#burst, this.#tokens + 1);
  }

  #refill(): void {
    const now = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + (now - this.#updatedAt) * this.#perMillisecond);
    this.#updatedAt = now;
  }
}

// Shared by every limiter: a default parameter written as an arrow would be a closure per connection.
function monotonicNow(): number {
  return performance.now();
}
