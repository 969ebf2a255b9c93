import * as Y from 'yjs';
import type { Reencoder } from './document-reencoder.js';

const emptyUpdate = new Uint8Array([0, 0]);
// Below this many bytes a document is re-encoded no more often than every few
// KiB of incoming updates; re-encoding tiny documents more often gains nothing.
const minimumBudget = 4 * 1024;

/** Options for {@link DocumentUpdates}. */
export interface DocumentUpdatesOptions {
  /**
   * Re-encodes the document in the background (in a worker thread, in the relay). Without one,
   * re-encoding happens synchronously inside {@link DocumentUpdates.add}.
   */
  reencoder?: Reencoder;
  /** Called when a background re-encoding fails; the document stays as it was. */
  onReencodeError?: (error: Error) => void;
  /** The document size limit, so that re-encoding starts well before the document reaches it. */
  maxBytes?: number;
}

// Updates received since the last merge into the base, merged pairwise like a binary counter:
// a chunk holds `weight` updates, and two chunks are merged when the newer one is as heavy as the
// older one. That keeps the number of chunks logarithmic, so merging them all never hands
// Y.mergeUpdates thousands of inputs: it re-sorts its inputs once per struct it writes, so merging
// n single-keystroke updates at once takes time quadratic in n (seconds for 20,000).
interface Chunk {
  update: Uint8Array;
  weight: number;
}

/**
 * The content of one document held as encoded Yjs update bytes instead of a
 * `Y.Doc`: one merged update (the base) plus the updates received since,
 * merged when the full state is needed.
 *
 * `Y.mergeUpdates` is cheap but does not join the structs of consecutive
 * keystrokes, so text typed one character at a time takes about ten times its
 * `Y.encodeStateAsUpdate` size. Whenever the bytes held exceed twice the size
 * of the last compact encoding (less when the document nears `maxBytes`), they
 * are therefore re-encoded through a temporary `Y.Doc` (which joins structs and
 * garbage-collects deleted content) and the doc is dropped. Memory stays at
 * most about twice the encoded size, and the re-encoding cost is amortized over
 * the bytes received. With a {@link Reencoder} that happens in the background:
 * updates keep arriving meanwhile, and the result replaces the base it was
 * made from.
 */
export class DocumentUpdates {
  readonly #reencoder: Reencoder | null;
  readonly #onReencodeError: (error: Error) => void;
  readonly #maxBytes: number;
  #base: Uint8Array;
  #chunks: Chunk[] = [];
  #chunkBytes = 0;
  // The merged state while a background re-encoding runs (the base must stay what it re-encodes).
  #state: Uint8Array | null = null;
  #budget: number;
  #stateVector: Uint8Array | null = null;
  // The base being re-encoded in the background, if any.
  #reencoding: Uint8Array | null = null;

  /** Starts from the given stored updates, merged into one. */
  constructor(updates: readonly Uint8Array[], options: DocumentUpdatesOptions = {}) {
    this.#reencoder = options.reencoder ?? null;
    this.#onReencodeError = options.onReencodeError ?? (() => {});
    this.#maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.#base = updates.length === 0 ? emptyUpdate : mergeAll(updates);
    // A stored log is merged, not re-encoded, so the first growth already re-encodes it.
    const base = this.#base.byteLength;
    this.#budget = base + Math.max(minimumBudget, Math.min(base / 4, (this.#maxBytes - base) / 2));
  }

  /** Adds an update that has already been validated and stored. */
  add(update: Uint8Array): void {
    this.#chunks.push({ update, weight: 1 });
    this.#chunkBytes += update.byteLength;
    for (let n = this.#chunks.length; n >= 2 && this.#chunks[n - 2]!.weight <= this.#chunks[n - 1]!.weight; n--) {
      const newer = this.#chunks.pop()!;
      const older = this.#chunks.pop()!;
      const merged = Y.mergeUpdates([older.update, newer.update]);
      this.#chunkBytes += merged.byteLength - older.update.byteLength - newer.update.byteLength;
      this.#chunks.push({ update: merged, weight: older.weight + newer.weight });
    }
    this.#state = null;
    this.#stateVector = null;
    if (this.byteLength > this.#budget) this.#reencodeSoon();
  }

  /** Returns the whole document as one merged update. */
  state(): Uint8Array {
    if (this.#chunks.length === 0) return this.#base;
    if (this.#reencoding !== null) {
      this.#state ??= this.#merged();
      return this.#state;
    }
    this.#base = this.#merged();
    this.#chunks = [];
    this.#chunkBytes = 0;
    return this.#base;
  }

  /**
   * Re-encodes the whole document compactly through a temporary `Y.Doc`, synchronously in this
   * thread. The doc briefly costs about ten times the encoded size, one document at a time.
   */
  compress(): void {
    const merged = this.state();
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, merged);
      this.#base = Y.encodeStateAsUpdate(doc);
    } catch {
      // An update that decodes but cannot be applied stays merged as received; clients face the same bytes.
    } finally {
      doc.destroy();
    }
    this.#budget = this.#nextBudget(this.#base.byteLength);
  }

  /** Returns the encoded state vector of the document (what sync step 1 sends). */
  stateVector(): Uint8Array {
    this.#stateVector ??= Y.encodeStateVectorFromUpdate(this.state());
    return this.#stateVector;
  }

  /** Returns the update a peer with encoded state vector `stateVector` is missing (what sync step 2 sends). */
  diff(stateVector: Uint8Array): Uint8Array {
    // A new client has nothing: it needs the whole state, which needs no diffing.
    if (stateVector.length === 1 && stateVector[0] === 0) return this.state();
    return Y.diffUpdate(this.state(), stateVector);
  }

  /** Stops waiting for a background re-encoding: its result and failure are ignored. Call when the document is unloaded. */
  dispose(): void {
    this.#reencoding = null;
  }

  /** Returns the number of update bytes currently held, the base and the updates since together. */
  get byteLength(): number {
    return this.#base.byteLength + this.#chunkBytes;
  }

  // The base plus the chunks; the small chunks are merged first, so the base is read only once.
  #merged(): Uint8Array {
    return Y.mergeUpdates([this.#base, mergeAll(this.#chunks.map((chunk) => chunk.update))]);
  }

  #reencodeSoon(): void {
    if (this.#reencoder === null) {
      this.compress();
      return;
    }
    if (this.#reencoding !== null) return;
    const snapshot = this.state();
    this.#reencoding = snapshot;
    this.#reencoder.reencode(snapshot).then(
      (compact) => {
        if (this.#reencoding !== snapshot) return;
        this.#reencoding = null;
        if (this.#base === snapshot) {
          this.#base = compact;
          this.#state = null;
        }
        this.#budget = this.#nextBudget(compact.byteLength);
        if (this.byteLength > this.#budget) this.#reencodeSoon();
      },
      (error: unknown) => {
        if (this.#reencoding !== snapshot) return;
        this.#reencoding = null;
        // Not again until the document has grown by as much once more.
        this.#budget = this.#nextBudget(this.byteLength);
        this.#onReencodeError(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  #nextBudget(compactBytes: number): number {
    const headroom = (this.#maxBytes - compactBytes) / 2;
    return compactBytes + Math.max(minimumBudget, Math.min(compactBytes, headroom));
  }
}

// Merges updates pairwise, so no single Y.mergeUpdates call gets many inputs (see Chunk).
function mergeAll(updates: readonly Uint8Array[]): Uint8Array {
  let level = [...updates];
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? Y.mergeUpdates([level[i]!, level[i + 1]!]) : level[i]!);
    }
    level = next;
  }
  return level[0] ?? emptyUpdate;
}
