import * as Y from 'yjs';

const emptyUpdate = new Uint8Array([0, 0]);
// Below this many bytes a document is re-encoded no more often than every few
// KiB of incoming updates; re-encoding tiny documents more often gains nothing.
const minimumBudget = 4 * 1024;

/**
 * The content of one document held as encoded Yjs update bytes instead of a
 * `Y.Doc`: one merged update plus the updates received since, merged lazily
 * when the full state is needed.
 *
 * `Y.mergeUpdates` is cheap but does not join the structs of consecutive
 * keystrokes, so text typed one character at a time takes about ten times its
 * `Y.encodeStateAsUpdate` size. Whenever the bytes held exceed twice the size
 * of the last compact encoding, they are therefore re-encoded through a
 * temporary `Y.Doc` (which joins structs and garbage-collects deleted
 * content) and the doc is dropped. Memory stays at most about twice the
 * encoded size, and the re-encoding cost is amortized over the bytes received.
 */
export class DocumentUpdates {
  #merged: Uint8Array;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #budget: number;
  #stateVector: Uint8Array | null = null;

  /** Starts from the given stored updates, merged into one. */
  constructor(updates: readonly Uint8Array[]) {
    this.#merged = updates.length === 0 ? emptyUpdate : Y.mergeUpdates([...updates]);
    this.#budget = Math.max(minimumBudget, 2 * this.#merged.byteLength);
  }

  /** Adds an update that has already been validated and stored. */
  add(update: Uint8Array): void {
    this.#pending.push(update);
    this.#pendingBytes += update.byteLength;
    this.#stateVector = null;
    if (this.byteLength > this.#budget) this.compress();
  }

  /** Returns the whole document as one merged update, merging pending updates first. */
  state(): Uint8Array {
    if (this.#pending.length > 0) {
      this.#merged = Y.mergeUpdates([this.#merged, ...this.#pending]);
      this.#pending = [];
      this.#pendingBytes = 0;
    }
    return this.#merged;
  }

  /**
   * Re-encodes the whole document compactly through a temporary `Y.Doc`. The
   * doc briefly costs about ten times the encoded size, one document at a time.
   */
  compress(): void {
    const merged = this.state();
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, merged);
      this.#merged = Y.encodeStateAsUpdate(doc);
    } catch {
      // An update that decodes but cannot be applied stays merged as received; clients face the same bytes.
    } finally {
      doc.destroy();
    }
    this.#budget = Math.max(minimumBudget, 2 * this.#merged.byteLength);
  }

  /** Returns the encoded state vector of the document (what sync step 1 sends). */
  stateVector(): Uint8Array {
    this.#stateVector ??= Y.encodeStateVectorFromUpdate(this.state());
    return this.#stateVector;
  }

  /** Returns the update a peer with encoded state vector `stateVector` is missing (what sync step 2 sends). */
  diff(stateVector: Uint8Array): Uint8Array {
    return Y.diffUpdate(this.state(), stateVector);
  }

  /** Returns the number of update bytes currently held, merged and pending together. */
  get byteLength(): number {
    return this.#merged.byteLength + this.#pendingBytes;
  }
}
