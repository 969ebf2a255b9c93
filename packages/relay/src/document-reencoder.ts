import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Re-encodes a document's merged update compactly; see {@link WorkerReencoder}. */
export interface Reencoder {
  /** Resolves with `update` re-encoded through a Y.Doc (same content, joined structs, deleted content collected). */
  reencode(update: Uint8Array): Promise<Uint8Array>;
}

/** Options for {@link WorkerReencoder}. */
export interface WorkerReencoderOptions {
  /** How long one re-encoding may take before the worker is stopped and the job fails. */
  timeoutMs: number;
  /** The worker's heap limit in MiB (`resourceLimits.maxOldGenerationSizeMb`). */
  memoryMb: number;
  /** Jobs that may wait behind the running one; more fail at once. Defaults to 32. */
  maxQueued?: number;
}

interface Job {
  update: Uint8Array;
  resolve: (update: Uint8Array) => void;
  reject: (error: Error) => void;
}

// Runs in the worker (CommonJS, since it is evaluated from a string). Applying an update to a
// Y.Doc is where crafted content can take quadratic time or unbounded memory, so it happens here.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjsPath);
parentPort.on('message', (update) => {
  let result;
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    result = Y.encodeStateAsUpdate(doc);
    doc.destroy();
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
    return;
  }
  parentPort.postMessage({ update: result }, [result.buffer]);
});
`;

/**
 * Re-encodes documents in a worker thread, one at a time, each with a time and a heap limit.
 *
 * Re-encoding is the one place the relay builds a `Y.Doc`, and a `Y.Doc` is where crafted (or
 * merely unlucky) content costs far more than its size: a long run of array items is joined in
 * quadratic time, many small structs take hundreds of bytes each. In the worker such a job can
 * only fail: after `timeoutMs`, or when it runs out of its heap, the worker is terminated and the
 * job rejected; the relay keeps the document as it was and stays responsive meanwhile. A new
 * worker is started for the next job. The worker is started on first use and does not keep the
 * process alive.
 */
export class WorkerReencoder implements Reencoder {
  readonly #options: Required<WorkerReencoderOptions>;
  readonly #queue: Job[] = [];
  #worker: Worker | null = null;
  #running: Job | null = null;
  // The worker the running job was sent to; events of a worker stopped earlier are ignored.
  #runningOn: Worker | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #workerOnline = false;
  #closed = false;

  /** Creates the re-encoder; no thread starts until the first job. */
  constructor(options: WorkerReencoderOptions) {
    this.#options = { maxQueued: 32, ...options };
  }

  /** Queues `update` for re-encoding; rejects on timeout, worker failure, a full queue or after {@link close}. */
  reencode(update: Uint8Array): Promise<Uint8Array> {
    if (this.#closed) return Promise.reject(new Error('the re-encoder is closed'));
    if (this.#queue.length >= this.#options.maxQueued) {
      return Promise.reject(new Error(`${this.#queue.length} re-encodings are already waiting`));
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ update, resolve, reject });
      this.#next();
    });
  }

  /** Stops the worker and rejects every queued job. */
  async close(): Promise<void> {
    this.#closed = true;
    const error = new Error('the re-encoder is closed');
    for (const job of this.#queue.splice(0)) job.reject(error);
    this.#finish(null, error);
    await this.#stopWorker();
  }

  #next(): void {
    if (this.#running !== null || this.#closed) return;
    const job = this.#queue.shift();
    if (job === undefined) return;
    this.#running = job;
    let worker: Worker;
    try {
      worker = this.#ensureWorker();
    } catch (error) {
      this.#finish(null, new Error(`cannot start the re-encoding worker: ${error instanceof Error ? error.message : String(error)}`));
      this.#next();
      return;
    }
    this.#runningOn = worker;
    // A fresh worker's start-up (slow on a busy machine) does not count against the job's time.
    if (this.#workerOnline) this.#startTimer();
    // Copied, not transferred: the caller keeps serving these bytes meanwhile.
    worker.postMessage(job.update);
  }

  #startTimer(): void {
    this.#timer = setTimeout(() => {
      this.#finish(null, new Error(`re-encoding took longer than ${this.#options.timeoutMs} ms`));
      void this.#stopWorker();
      this.#next();
    }, this.#options.timeoutMs);
    this.#timer.unref();
  }

  #ensureWorker(): Worker {
    if (this.#worker !== null) return this.#worker;
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { yjsPath: createRequire(import.meta.url).resolve('yjs') },
      resourceLimits: { maxOldGenerationSizeMb: this.#options.memoryMb },
    });
    worker.unref();
    this.#workerOnline = false;
    worker.once('online', () => {
      if (this.#worker !== worker) return;
      this.#workerOnline = true;
      if (this.#runningOn === worker && this.#timer === null) this.#startTimer();
    });
    worker.on('message', (reply: { update?: Uint8Array; error?: string }) => {
      if (this.#runningOn !== worker) return;
      if (reply.update !== undefined) this.#finish(reply.update, null);
      else this.#finish(null, new Error(`the update cannot be applied: ${reply.error ?? 'unknown error'}`));
      this.#next();
    });
    // An error (such as running out of heap) is followed by exit; either ends the running job.
    const onFailure = (reason: string): void => {
      if (this.#worker === worker) this.#worker = null;
      if (this.#runningOn !== worker) return;
      this.#finish(null, new Error(reason));
      this.#next();
    };
    worker.on('error', (error) => onFailure(`the re-encoding worker failed: ${error.message}`));
    worker.on('exit', () => onFailure('the re-encoding worker stopped'));
    this.#worker = worker;
    return worker;
  }

  #finish(update: Uint8Array | null, error: Error | null): void {
    const job = this.#running;
    if (job === null) return;
    this.#running = null;
    this.#runningOn = null;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (update !== null) job.resolve(update);
    else job.reject(error ?? new Error('re-encoding failed'));
  }

  async #stopWorker(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker !== null) await worker.terminate();
  }
}
