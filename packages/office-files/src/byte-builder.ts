/** The global `TextEncoder` of browsers and Node (this package compiles without the DOM and Node type libraries). */
interface Utf8Encoder {
  encodeInto(text: string, into: Uint8Array): { read: number; written: number };
}
declare const TextEncoder: new () => Utf8Encoder;

const encoder = new TextEncoder();

/**
 * Collects UTF-8 text in a growing byte buffer, for parts of a file too large to build as one string first (a
 * worksheet of a million cells): each piece is encoded as it is appended, so no large string is ever built, flattened
 * and encoded at the end.
 */
export class ByteBuilder {
  private buffer = new Uint8Array(1 << 16);
  private length = 0;

  /** Appends text as UTF-8. */
  append(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    this.reserve(text.length * 3);
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }

  /** Appends bytes as they are. */
  appendBytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  /** The bytes written so far (a view, not a copy). */
  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
