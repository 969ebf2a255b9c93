// Building server frames and checking close codes (RFC 6455 §5.2 and §7.4), for ServerWebSocket.

/** WebSocket opcodes (RFC 6455 §5.2). */
export const Opcode = {
  continuation: 0x0,
  text: 0x1,
  binary: 0x2,
  close: 0x8,
  ping: 0x9,
  pong: 0xa,
} as const;

/** The longest close reason a close frame can carry: 125 payload bytes minus the 2-byte code. */
export const maxCloseReasonBytes = 123;

/** The header of an unmasked, final server frame with `opcode` and a payload of `length` bytes. */
export function encodeFrameHeader(opcode: number, length: number): Buffer {
  const header = Buffer.allocUnsafe(headerLength(length));
  writeHeader(header, opcode, length);
  return header;
}

/**
 * Frames `payload` as one unmasked, final server frame with `opcode`, header and payload in one
 * buffer (a copy of `payload`).
 */
export function encodeFrame(opcode: number, payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = headerLength(length);
  const frame = Buffer.allocUnsafe(header + length);
  writeHeader(frame, opcode, length);
  frame.set(payload, header);
  return frame;
}

function headerLength(length: number): number {
  return length < 126 ? 2 : length < 65536 ? 4 : 10;
}

function writeHeader(target: Buffer, opcode: number, length: number): void {
  target[0] = 0x80 | opcode;
  if (length < 126) target[1] = length;
  else if (length < 65536) {
    target[1] = 126;
    target.writeUInt16BE(length, 2);
  } else {
    target[1] = 127;
    target.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    target.writeUInt32BE(length >>> 0, 6);
  }
}

/**
 * Whether `code` may appear in a close frame on the wire (RFC 6455 §7.4): the defined codes
 * 1000–1003 and 1007–1014, and the registered and private ranges 3000–4999. 1004, 1005, 1006 and
 * 1015 are reserved and never sent.
 */
export function isValidCloseCode(code: number): boolean {
  if (!Number.isInteger(code)) return false;
  if (code >= 3000 && code <= 4999) return true;
  return code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006;
}

/**
 * A close frame with `code` and `reason`. Throws a RangeError for a code that may not be sent or
 * a reason longer than {@link maxCloseReasonBytes} bytes of UTF-8.
 */
export function encodeCloseFrame(code: number, reason: string): Buffer {
  if (!isValidCloseCode(code)) {
    throw new RangeError(`close code ${String(code)} may not be sent: use 1000–1003, 1007–1014 or 3000–4999`);
  }
  const reasonBytes = Buffer.from(reason, 'utf8');
  if (reasonBytes.byteLength > maxCloseReasonBytes) {
    throw new RangeError(`a close reason may be at most ${maxCloseReasonBytes} bytes of UTF-8, got ${reasonBytes.byteLength}: shorten it`);
  }
  const payload = Buffer.allocUnsafe(2 + reasonBytes.byteLength);
  payload.writeUInt16BE(code, 0);
  payload.set(reasonBytes, 2);
  return encodeFrame(Opcode.close, payload);
}

/** Applies (or removes: XOR is its own inverse) the 4-byte `mask` to `data` in place. */
export function applyMask(data: Uint8Array, mask: Uint8Array): void {
  const m0 = mask[0]!;
  const m1 = mask[1]!;
  const m2 = mask[2]!;
  const m3 = mask[3]!;
  const length = data.length;
  let i = 0;
  for (; i + 3 < length; i += 4) {
    data[i] = data[i]! ^ m0;
    data[i + 1] = data[i + 1]! ^ m1;
    data[i + 2] = data[i + 2]! ^ m2;
    data[i + 3] = data[i + 3]! ^ m3;
  }
  for (; i < length; i++) data[i] = data[i]! ^ mask[i & 3]!;
}
