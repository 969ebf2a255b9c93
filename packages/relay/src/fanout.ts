/** A message one relay instance passes to the others that have the same document loaded. */
export type FanoutMessage =
  /** A document update that is already durable in the shared store, as row `id`. */
  | { kind: 'update'; id: number; update: Uint8Array }
  /** An awareness (presence) update, already checked and stamped by the instance that received it. */
  | { kind: 'awareness'; update: Uint8Array };

/** Receives the messages other instances publish for one document. */
export type FanoutHandler = (message: FanoutMessage) => void;

/**
 * How relay instances share their documents' traffic; implemented over Redis by
 * {@link RedisFanout}. A single relay runs without one.
 */
export interface Fanout {
  /** Starts receiving the other instances' messages for document `name`; resolves once subscribed. */
  subscribe(name: string, handler: FanoutHandler): Promise<void>;
  /** Stops receiving messages for document `name`. */
  unsubscribe(name: string): Promise<void>;
  /** Sends `message` to the other instances; never throws (failures are counted and logged). */
  publish(name: string, message: FanoutMessage): void;
  /** Resolves when the message broker answers; rejects with the reason otherwise. */
  ping(): Promise<void>;
  /** Disconnects. */
  close(): Promise<void>;
}
