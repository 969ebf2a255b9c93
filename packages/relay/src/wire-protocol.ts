import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ProtocolError } from './protocol-error.js';
import { defaultRelayLimits } from './relay-limits.js';
import { type UpdateValidationLimits, validateStateVector, validateUpdate } from './update-validator.js';

// Re-exported: the relay's message handling catches it from here.
export { ProtocolError } from './protocol-error.js';

/** Top-level message types of the y-websocket protocol. */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** Sub-types of a y-websocket sync message (see y-protocols/sync). */
export const SyncMessageType = { step1: 0, step2: 1, update: 2 } as const;

/**
 * A decoded message from a client. Sync step 2 and sync update both carry an
 * update the relay has not seen yet, so both decode to `update`.
 */
export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array; isEmpty: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  | { kind: 'unknown'; type: number };

/**
 * Decodes one binary client message and checks that any Yjs payload it
 * carries is well-formed and within `limits` (see {@link validateUpdate}).
 * Throws a {@link ProtocolError} otherwise. Returned byte arrays are copies,
 * so they do not pin the socket's receive buffer.
 */
export function decodeClientMessage(
  data: Uint8Array,
  limits: UpdateValidationLimits = defaultRelayLimits,
): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        return decodeSyncMessage(decoder, limits);
      case MessageType.awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder).slice() };
      case MessageType.queryAwareness:
        return { kind: 'query-awareness' };
      default:
        return { kind: 'unknown', type };
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`malformed message: ${describe(error)}`, { cause: error });
  }
}

function decodeSyncMessage(decoder: decoding.Decoder, limits: UpdateValidationLimits): ClientMessage {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case SyncMessageType.step1: {
      const stateVector = decoding.readVarUint8Array(decoder).slice();
      validateStateVector(stateVector);
      return { kind: 'sync-step-1', stateVector };
    }
    case SyncMessageType.step2:
    case SyncMessageType.update: {
      const update = decoding.readVarUint8Array(decoder).slice();
      // A structural check instead of Y.decodeUpdate: linear, bounded, and it builds no structs.
      return { kind: 'update', update, isEmpty: validateUpdate(update, limits).isEmpty };
    }
    default:
      throw new ProtocolError(`unknown sync message type ${syncType}`);
  }
}

/** Encodes sync step 1: the relay's state vector, asking the client for what the relay lacks. */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.step1, stateVector);
}

/** Encodes sync step 2: the update a client is missing, answering its sync step 1. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.step2, update);
}

/** Encodes a sync update message that forwards one update to other clients. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.update, update);
}

/** Encodes an awareness message carrying an encoded awareness update. */
export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
