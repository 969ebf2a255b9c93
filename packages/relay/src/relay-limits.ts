/**
 * The bounds a relay puts on what clients may send, each enforced per connection: a breach
 * closes only the connection that caused it, with its own close code, and logs one line. Pass
 * some or all of them as `limits` to `startRelay`; the rest keep their defaults
 * ({@link defaultRelayLimits}).
 */
export interface RelayLimits {
  /**
   * The largest WebSocket message in bytes (all fragments of one message together). Checked in
   * each frame's header, before its payload is buffered or decoded; a breach closes with 1009
   * (`messageTooBig`). Default 16 MiB.
   */
  maxMessageBytes: number;
  /**
   * Messages per second one connection may send on average (a token bucket refilled at this rate);
   * more closes it with 4429 (`rateLimited`). Presence echoes do not count against it: every
   * y-websocket client sends back each presence message it receives, so the relay grants one extra
   * message per presence message it sent. Default 200.
   */
  messagesPerSecond: number;
  /** How many messages one connection may send at once before the rate applies (the bucket size). Default 1000. */
  messageBurst: number;
  /**
   * Open connections from one client address (an IPv6 address counts by its /64 network); one
   * more is accepted and closed at once with 4529 (`tooManyConnections`). Default 64.
   */
  connectionsPerAddress: number;
  /**
   * Presence (awareness) client ids one connection may hold at once; an update that would give it
   * more closes it with 4431 (`tooManyPresenceStates`). A browser tab holds one. Default 8.
   */
  presenceStatesPerConnection: number;
  /**
   * The largest a document may grow, in bytes of its encoded state as the relay holds it (compactly
   * re-encoded in the background, plus the updates received since). An update that would grow it
   * beyond this closes its sender with 4413 (`documentTooLarge`) and is not stored. Default 64 MiB.
   */
  maxDocumentBytes: number;
  /**
   * The most structs plus delete-set ranges one update may carry; more closes its sender with 4422
   * (`updateTooComplex`). Default 1,000,000.
   */
  maxUpdateStructs: number;
  /**
   * How long the background re-encoding of one document (in a worker thread) may take before the
   * worker is stopped and the document is kept as it is. Default 30 s.
   */
  reencodeTimeoutMs: number;
  /** The heap the re-encoding worker may use, in MiB; beyond it the worker fails, not the relay. Default 1024. */
  reencodeMemoryMb: number;
  /**
   * Bytes that may wait in the relay's memory for one client that reads too slowly (or not at all),
   * on top of the last reply it asked for (a large document's sync step 2 may exceed this alone).
   * Beyond it, nothing more is queued for that client: it is closed with 1013 ("try again later"),
   * and its client syncs what it missed when it reconnects. Default 16 MiB.
   */
  maxBufferedBytes: number;
}

/** The limits a relay uses for every field not given in `startRelay`'s `limits`. */
export const defaultRelayLimits: Readonly<RelayLimits> = Object.freeze({
  maxMessageBytes: 16 * 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 1000,
  connectionsPerAddress: 64,
  presenceStatesPerConnection: 8,
  maxDocumentBytes: 64 * 1024 * 1024,
  maxUpdateStructs: 1_000_000,
  reencodeTimeoutMs: 30_000,
  reencodeMemoryMb: 1024,
  maxBufferedBytes: 16 * 1024 * 1024,
});

/**
 * Completes `limits` with the defaults and checks every value: each must be a positive integer
 * (`messagesPerSecond` may be fractional). Throws a `TypeError` for a non-object or an unknown
 * field and a `RangeError` for a bad value.
 */
export function resolveRelayLimits(limits: Partial<RelayLimits> | undefined): RelayLimits {
  if (limits === undefined) return { ...defaultRelayLimits };
  if (typeof limits !== 'object' || limits === null) {
    throw new TypeError('options.limits must be an object such as { messagesPerSecond: 100 }, or omitted for the defaults');
  }
  const resolved: RelayLimits = { ...defaultRelayLimits };
  for (const [key, value] of Object.entries(limits)) {
    if (!(key in defaultRelayLimits)) {
      throw new TypeError(`options.limits.${key} is not a limit; known limits: ${Object.keys(defaultRelayLimits).join(', ')}`);
    }
    if (value === undefined) continue;
    const name = key as keyof RelayLimits;
    const valid = typeof value === 'number' && value > 0 && (name === 'messagesPerSecond' ? Number.isFinite(value) : Number.isSafeInteger(value));
    if (!valid) throw new RangeError(`options.limits.${key} must be a positive ${name === 'messagesPerSecond' ? 'number' : 'integer'}, got ${String(value)}`);
    resolved[name] = value;
  }
  return resolved;
}
