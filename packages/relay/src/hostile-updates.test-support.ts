// Builders for hand-crafted Yjs updates (V1 encoding) and y-websocket messages, shared by the
// validator's unit tests and the relay's hostile-input tests.
import * as encoding from 'lib0/encoding';

/** One struct as the V1 encoding writes it; `body` writes everything after the info byte. */
export interface CraftedStruct {
  info: number;
  body: (encoder: encoding.Encoder) => void;
}

/** Encodes an update with one struct block per `[client, startClock, structs]` and a delete set. */
export function craftUpdate(
  blocks: Array<[client: number, clock: number, structs: CraftedStruct[]]>,
  deletes: Array<[client: number, ranges: Array<[clock: number, length: number]>]> = [],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, blocks.length);
  for (const [client, clock, structs] of blocks) {
    encoding.writeVarUint(encoder, structs.length);
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    for (const struct of structs) {
      encoding.writeUint8(encoder, struct.info);
      struct.body(encoder);
    }
  }
  encoding.writeVarUint(encoder, deletes.length);
  for (const [client, ranges] of deletes) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, ranges.length);
    for (const [clock, length] of ranges) {
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, length);
    }
  }
  return encoding.toUint8Array(encoder);
}

/** A string item at the start of root type `key`. */
export function rootString(key: string, text: string): CraftedStruct {
  return {
    info: 4,
    body: (encoder) => {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, key);
      encoding.writeVarString(encoder, text);
    },
  };
}

/** A GC struct (deleted, garbage-collected content) of `length` clock units. */
export function gcStruct(length: number): CraftedStruct {
  return { info: 0, body: (encoder) => encoding.writeVarUint(encoder, length) };
}

/** A `ContentAny` item of one `undefined` value whose origin is (`client`, `clock`). */
export function anyAfter(client: number, clock: number): CraftedStruct {
  return {
    info: 8 | 0x80,
    body: (encoder) => {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarUint(encoder, 1);
      encoding.writeUint8(encoder, 127);
    },
  };
}

/** A `ContentAny` item at the start of root type `key` holding one raw lib0 `any` value. */
export function rootAny(key: string, writeValue: (encoder: encoding.Encoder) => void): CraftedStruct {
  return {
    info: 8,
    body: (encoder) => {
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, key);
      encoding.writeVarUint(encoder, 1);
      writeValue(encoder);
    },
  };
}

/**
 * The yjs issue 687 kind of update that a relay applying updates to a Y.Doc cannot survive:
 * `count` `ContentAny` items, each inserted right after the previous one, which a Y.Doc joins one
 * by one (copying the growing array each time). About 7 bytes per item.
 */
export function joinableChain(client: number, count: number): Uint8Array {
  return chainSegment(client, 0, count);
}

/**
 * Items `start` to `start + count - 1` of a joinable chain in root array `chain` (see
 * {@link joinableChain}); consecutive segments continue each other, so a document built from many
 * of them holds one long chain although every single update is short.
 */
export function chainSegment(client: number, start: number, count: number): Uint8Array {
  const structs: CraftedStruct[] = [];
  for (let clock = start; clock < start + count; clock++) {
    structs.push(clock === 0 ? rootAny('chain', (encoder) => encoding.writeUint8(encoder, 127)) : anyAfter(client, clock - 1));
  }
  return craftUpdate([[client, start, structs]]);
}

/** Wraps an update in a y-websocket sync update message (`[0, 2, update]`). */
export function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
