// Client-side framing for the relay benchmark: the y-websocket protocol (our relay, the stock server,
// raw forwarding) and Hocuspocus's, which puts the document name in front of every message and
// wants an authentication message first.
// lib0's variable-length integers, written out here (the bench package does not depend on lib0).
class Writer {
  readonly bytes: number[] = [];
  varUint(value: number): void {
    let rest = value;
    while (rest > 0x7f) {
      this.bytes.push(0x80 | (rest & 0x7f));
      rest = Math.floor(rest / 128);
    }
    this.bytes.push(rest);
  }
  varBytes(data: Uint8Array): void {
    this.varUint(data.byteLength);
    for (const byte of data) this.bytes.push(byte);
  }
  varString(text: string): void {
    this.varBytes(new TextEncoder().encode(text));
  }
}

class Reader {
  #position = 0;
  constructor(readonly data: Uint8Array) {}
  varUint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.data[this.#position++];
      if (byte === undefined) throw new RangeError('message ends inside a number');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }
  varBytes(): Uint8Array {
    const length = this.varUint();
    const start = this.#position;
    this.#position += length;
    return this.data.subarray(start, start + length);
  }
}

/** How one kind of server is spoken to. */
export interface Wire {
  /** True for a server that sends nothing of its own (raw forwarding): a client is ready once open. */
  silent?: boolean;
  /** The URL for document `name` on `port`. */
  url(port: number, name: string): string;
  /** The messages a client sends right after connecting. */
  hello(name: string): Uint8Array[];
  /** A document update message. */
  update(name: string, update: Uint8Array): Uint8Array;
  /** A sync step 2 message carrying `update`. */
  syncStep2(name: string, update: Uint8Array): Uint8Array;
  /** A sync step 1 message with an empty state vector (asks for everything). */
  syncStep1(name: string): Uint8Array;
  /** The sync sub-type (0 step 1, 1 step 2, 2 update) and payload of a received message, or null for other messages. */
  readSync(data: Uint8Array): { type: number; payload: Uint8Array } | null;
}

function frame(prefix: string | null, write: (writer: Writer) => void): Uint8Array {
  const writer = new Writer();
  if (prefix !== null) writer.varString(prefix);
  write(writer);
  return new Uint8Array(writer.bytes);
}

function sync(prefix: string | null, type: number, payload: Uint8Array): Uint8Array {
  return frame(prefix, (writer) => {
    writer.varUint(0);
    writer.varUint(type);
    writer.varBytes(payload);
  });
}

function readSync(data: Uint8Array, prefixed: boolean): { type: number; payload: Uint8Array } | null {
  const reader = new Reader(data);
  if (prefixed) reader.varBytes();
  if (reader.varUint() !== 0) return null;
  const type = reader.varUint();
  return { type, payload: reader.varBytes() };
}

const emptyStateVector = new Uint8Array([0]);

/** The y-websocket protocol: the document is the URL path. */
export const yWebsocketWire: Wire = {
  url: (port, name) => `ws://127.0.0.1:${port}/${name}`,
  hello: () => [sync(null, 0, emptyStateVector)],
  update: (_name, update) => sync(null, 2, update),
  syncStep2: (_name, update) => sync(null, 1, update),
  syncStep1: () => sync(null, 0, emptyStateVector),
  readSync: (data) => readSync(data, false),
};

/** Hocuspocus: the document name before every message, and an Auth message (type 2, token) first. */
export const hocuspocusWire: Wire = {
  url: (port) => `ws://127.0.0.1:${port}/`,
  hello: (name) => [
    frame(name, (writer) => {
      writer.varUint(2);
      writer.varUint(0);
      writer.varString('');
    }),
    sync(name, 0, emptyStateVector),
  ],
  update: (name, update) => sync(name, 2, update),
  syncStep2: (name, update) => sync(name, 1, update),
  syncStep1: (name) => sync(name, 0, emptyStateVector),
  readSync: (data) => readSync(data, true),
};

/** The raw forwarding server: y-websocket frames, but nothing is answered. */
export const rawWire: Wire = { ...yWebsocketWire, silent: true };
