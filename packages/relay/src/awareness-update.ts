import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** One client's entry in an awareness update: its presence state (null when it left) and that state's clock. */
export interface AwarenessEntry {
  /** The awareness client id (the client's Y.Doc clientID). */
  readonly clientID: number;
  /** Increases with every change of the state; a receiver keeps the entry with the highest clock. */
  readonly clock: number;
  /** The presence state, any JSON value; null means the client's state was removed. */
  readonly state: unknown;
}

/**
 * Decodes an awareness update as y-protocols encodes it: a varUint count, then per entry a varUint
 * clientID, a varUint clock and the state as JSON in a varString. Throws a `RangeError` if the
 * bytes are truncated, carry invalid JSON, or continue after the last entry.
 */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const entries: AwarenessEntry[] = [];
  try {
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientID = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientID, clock, state });
    }
  } catch (error) {
    throw new RangeError(`malformed awareness update: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (decoding.hasContent(decoder)) throw new RangeError('malformed awareness update: bytes after the last entry');
  return entries;
}

/** Encodes entries in the format {@link decodeAwarenessUpdate} reads (and y-protocols' `applyAwarenessUpdate`). */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientID, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientID);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state ?? null));
  }
  return encoding.toUint8Array(encoder);
}
