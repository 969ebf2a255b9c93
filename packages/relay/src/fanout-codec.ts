import type { FanoutMessage } from './fanout.js';

const formatVersion = 1;
const kindUpdate = 0;
const kindAwareness = 1;
// version (1) + kind (1) + sender instance id (16) [+ row id as float64 (8) for updates].
const headerBytes = 18;

/**
 * Encodes a fan-out message as bytes: a format version, the kind, the sending instance's 16-byte
 * id (so an instance ignores its own messages), the row id of an update, then the Yjs bytes.
 */
export function encodeFanoutMessage(instance: Uint8Array, message: FanoutMessage): Buffer {
  const extra = message.kind === 'update' ? 8 : 0;
  const buffer = Buffer.allocUnsafe(headerBytes + extra + message.update.byteLength);
  buffer[0] = formatVersion;
  buffer[1] = message.kind === 'update' ? kindUpdate : kindAwareness;
  buffer.set(instance, 2);
  if (message.kind === 'update') buffer.writeDoubleBE(message.id, headerBytes);
  buffer.set(message.update, headerBytes + extra);
  return buffer;
}

/**
 * Decodes a fan-out message; returns `null` for one sent by `self` or one of another format
 * version (a relay of another version during a rolling upgrade), and throws a `RangeError` for
 * bytes that are not a fan-out message.
 */
export function decodeFanoutMessage(bytes: Buffer, self: Uint8Array): FanoutMessage | null {
  if (bytes.byteLength < headerBytes) throw new RangeError(`a fan-out message of ${bytes.byteLength} bytes is too short`);
  if (bytes[0] !== formatVersion) return null;
  if (bytes.subarray(2, headerBytes).equals(self)) return null;
  const kind = bytes[1];
  if (kind === kindAwareness) return { kind: 'awareness', update: new Uint8Array(bytes.subarray(headerBytes)) };
  if (kind !== kindUpdate || bytes.byteLength < headerBytes + 8) throw new RangeError(`unknown fan-out message kind ${String(kind)}`);
  const id = bytes.readDoubleBE(headerBytes);
  if (!Number.isSafeInteger(id)) throw new RangeError('a fan-out update without a valid row id');
  return { kind: 'update', id, update: new Uint8Array(bytes.subarray(headerBytes + 8)) };
}
