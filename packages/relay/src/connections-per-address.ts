/** Counts the open connections per client address and refuses one more than `limit`. */
export class ConnectionsPerAddress {
  readonly #limit: number;
  readonly #open = new Map<string, number>();

  /** Allows up to `limit` open connections per address. */
  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Counts a new connection from `address`; returns false, counting nothing, if the address is at its limit. */
  tryOpen(address: string): boolean {
    const open = this.#open.get(address) ?? 0;
    if (open >= this.#limit) return false;
    this.#open.set(address, open + 1);
    return true;
  }

  /** Forgets one connection from `address`, counted by a successful {@link tryOpen}. */
  close(address: string): void {
    const open = this.#open.get(address) ?? 0;
    if (open <= 1) this.#open.delete(address);
    else this.#open.set(address, open - 1);
  }

  /** The number of open connections counted for `address`. */
  count(address: string): number {
    return this.#open.get(address) ?? 0;
  }
}
