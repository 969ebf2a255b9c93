import { RelayCloseCode } from '@allmende/protocol';
import { ProtocolError } from './protocol-error.js';

/**
 * The highest clock (and clock plus length) an update may name. An honest client would have to
 * insert about a trillion elements to get there; below it every sum of two clocks is exact in a
 * double, so no clock arithmetic in Yjs can lose precision and stop advancing.
 */
export const maxUpdateClock = 2 ** 40;

/** How deeply values encoded with lib0's `writeAny` may nest; Yjs decodes them recursively. */
export const maxValueDepth = 100;

/**
 * The most work an update may cause when a Y.Doc joins its consecutive `ContentAny`/`ContentJSON`
 * items: joining a run of n such items copies about n²/2 array elements, so the sum of n² over the
 * runs is bounded. Honest updates carry items already joined (a Y.Doc joins them before encoding),
 * so their runs are short.
 */
export const maxJoinWork = 2 ** 27;

/** What {@link validateUpdate} checks an update against. */
export interface UpdateValidationLimits {
  /** The most structs plus delete-set ranges one update may carry. */
  readonly maxUpdateStructs: number;
}

/** What {@link validateUpdate} learned about a valid update. */
export interface UpdateSummary {
  /** The number of structs (items, GC and skip ranges). */
  readonly structs: number;
  /** The number of delete-set ranges. */
  readonly deleteRanges: number;
  /** True when the update carries neither structs nor deletions (y-websocket sends `[0, 0]` in sync step 2). */
  readonly isEmpty: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// Struct kinds, the low five bits of a struct's info byte (see Yjs' contentRefs).
const gcRef = 0;
const deletedRef = 1;
const jsonRef = 2;
const binaryRef = 3;
const stringRef = 4;
const embedRef = 5;
const formatRef = 6;
const typeRef = 7;
const anyRef = 8;
const docRef = 9;
const skipRef = 10;
const hasOrigin = 0x80;
const hasRightOrigin = 0x40;
const hasParentSub = 0x20;
// Type refs of ContentType that carry a name (YXmlElement, YXmlHook); 0–6 are defined.
const namedTypeRefs = new Set([3, 5]);
const lastTypeRef = 6;

/**
 * Checks that `update` is a well-formed Yjs update in the V1 encoding, reading every field once
 * without building structs, and that it stays within bounds that honest clients never reach.
 * Runs in time linear in the update's length and allocates little beyond the strings it decodes.
 *
 * Throws a {@link ProtocolError} with close code 4400 (`badRequest`) when the bytes are not a valid
 * update (truncated, unknown struct or value kinds, zero lengths, invalid UTF-8 or JSON, trailing
 * bytes, counts larger than the bytes could hold), and with 4422 (`updateTooComplex`) when it is
 * valid but exceeds a bound: more than `limits.maxUpdateStructs` structs and delete ranges, a clock
 * beyond {@link maxUpdateClock}, values nested deeper than {@link maxValueDepth}, or runs of
 * joinable items costing more than {@link maxJoinWork}.
 *
 * Rejecting these before anything is stored means every stored update can later be merged, diffed
 * and re-encoded by Yjs without throwing (which would break the document for everyone) and without
 * work out of proportion to its size.
 */
export function validateUpdate(update: Uint8Array, limits: UpdateValidationLimits): UpdateSummary {
  return new UpdateReader(update, 'Yjs update', limits.maxUpdateStructs).read();
}

/**
 * Checks that `stateVector` is a well-formed encoded state vector (a count, then a client id and a
 * clock per entry, nothing after). Throws a {@link ProtocolError} with close code 4400 otherwise.
 */
export function validateStateVector(stateVector: Uint8Array): void {
  new UpdateReader(stateVector, 'state vector', 0).readStateVector();
}

class UpdateReader {
  readonly #bytes: Uint8Array;
  readonly #what: string;
  readonly #maxEntries: number;
  #pos = 0;
  #structs = 0;
  #deleteRanges = 0;
  #joinWork = 0;

  constructor(bytes: Uint8Array, what: string, maxEntries: number) {
    this.#bytes = bytes;
    this.#what = what;
    this.#maxEntries = maxEntries;
  }

  read(): UpdateSummary {
    this.#readStructs();
    this.#readDeleteSet();
    if (this.#pos !== this.#bytes.length) throw this.#malformed(`${this.#bytes.length - this.#pos} bytes after the delete set`);
    return {
      structs: this.#structs,
      deleteRanges: this.#deleteRanges,
      isEmpty: this.#structs === 0 && this.#deleteRanges === 0,
    };
  }

  readStateVector(): void {
    const entries = this.#count('state vector entries', 2);
    for (let i = 0; i < entries; i++) {
      this.#varUint();
      this.#varUint();
    }
    if (this.#pos !== this.#bytes.length) throw this.#malformed(`${this.#bytes.length - this.#pos} bytes after the state vector`);
  }

  #readStructs(): void {
    const clients = this.#count('client blocks', 3);
    const seen = new Set<number>();
    for (let block = 0; block < clients; block++) {
      const structs = this.#count('structs', 2);
      const client = this.#varUint();
      if (seen.has(client)) throw this.#malformed(`client ${client} has two struct blocks`);
      seen.add(client);
      let clock = this.#clock(this.#varUint());
      // The length of the current run of joinable items, and the clock its last item ends at.
      let run = 0;
      let runKind = -1;
      for (let i = 0; i < structs; i++) {
        this.#checkEntryCount();
        this.#structs++;
        const info = this.#uint8();
        const kind = info & 0x1f;
        let length: number;
        let joins = false;
        if (kind === gcRef || kind === skipRef) {
          if (info !== kind) throw this.#malformed(`struct kind ${kind} with flags ${info >> 5}`);
          length = this.#varUint();
        } else if (kind > skipRef) {
          throw this.#malformed(`unknown struct kind ${kind}`);
        } else {
          let originClient = -1;
          let originClock = -1;
          if ((info & hasOrigin) !== 0) {
            originClient = this.#varUint();
            originClock = this.#clock(this.#varUint());
          }
          if ((info & hasRightOrigin) !== 0) {
            this.#varUint();
            this.#clock(this.#varUint());
          }
          if ((info & (hasOrigin | hasRightOrigin)) === 0) {
            // Without neighbours the parent is named: a root type's key, or the ID of a type item.
            const parentIsKey = this.#varUint();
            if (parentIsKey === 1) this.#string();
            else if (parentIsKey === 0) {
              this.#varUint();
              this.#clock(this.#varUint());
            } else throw this.#malformed(`parent info ${parentIsKey}`);
            if ((info & hasParentSub) !== 0) this.#string();
          }
          length = this.#content(kind);
          joins = (kind === anyRef || kind === jsonRef) && originClient === client && originClock === clock - 1;
        }
        if (length < 1) throw this.#malformed(`struct of length ${length}`);
        if (joins && runKind === kind) run++;
        else {
          this.#addJoinWork(run);
          run = kind === anyRef || kind === jsonRef ? 1 : 0;
          runKind = run === 0 ? -1 : kind;
        }
        clock = this.#clock(clock + length);
      }
      this.#addJoinWork(run);
    }
  }

  #readDeleteSet(): void {
    const clients = this.#count('delete-set clients', 2);
    for (let i = 0; i < clients; i++) {
      this.#varUint();
      const ranges = this.#count('delete ranges', 2);
      for (let j = 0; j < ranges; j++) {
        this.#checkEntryCount();
        this.#deleteRanges++;
        const clock = this.#varUint();
        const length = this.#varUint();
        if (length < 1) throw this.#malformed('delete range of length 0');
        this.#clock(clock + length);
      }
    }
  }

  // Reads the content of an item of `kind` and returns its length in clock units.
  #content(kind: number): number {
    switch (kind) {
      case deletedRef:
        return this.#varUint();
      case jsonRef: {
        const count = this.#count('JSON values', 1);
        for (let i = 0; i < count; i++) {
          const text = this.#string();
          if (text !== 'undefined') this.#json(text);
        }
        return count;
      }
      case binaryRef:
        this.#skip(this.#varUint());
        return 1;
      case stringRef:
        return this.#string().length;
      case embedRef:
        this.#json(this.#string());
        return 1;
      case formatRef:
        this.#string();
        this.#json(this.#string());
        return 1;
      case typeRef: {
        const ref = this.#varUint();
        if (ref > lastTypeRef) throw this.#malformed(`unknown type ref ${ref}`);
        if (namedTypeRefs.has(ref)) this.#string();
        return 1;
      }
      case anyRef: {
        const count = this.#count('values', 1);
        for (let i = 0; i < count; i++) this.#any(0);
        return count;
      }
      case docRef: {
        this.#string();
        // Yjs reads the subdocument's options with `opts.shouldLoad`, which throws unless it is an object.
        if (this.#peek() !== 118) throw this.#malformed('subdocument options are not an object');
        this.#any(0);
        return 1;
      }
      default:
        throw this.#malformed(`unknown struct kind ${kind}`);
    }
  }

  // Skips one value written by lib0's writeAny, as lib0's readAny would read it.
  #any(depth: number): void {
    if (depth > maxValueDepth) throw tooComplex(`values nested deeper than ${maxValueDepth}`);
    const type = this.#uint8();
    switch (type) {
      case 127: // undefined
      case 126: // null
      case 121: // false
      case 120: // true
        return;
      case 125: // varInt
        this.#varInt();
        return;
      case 124: // float32
        this.#skip(4);
        return;
      case 123: // float64
      case 122: // bigint64
        this.#skip(8);
        return;
      case 119: // string
        this.#string();
        return;
      case 118: {
        const count = this.#count('object entries', 2);
        for (let i = 0; i < count; i++) {
          this.#string();
          this.#any(depth + 1);
        }
        return;
      }
      case 117: {
        const count = this.#count('array elements', 1);
        for (let i = 0; i < count; i++) this.#any(depth + 1);
        return;
      }
      case 116: // Uint8Array
        this.#skip(this.#varUint());
        return;
      default:
        throw this.#malformed(`unknown value type ${type}`);
    }
  }

  #malformed(detail: string): ProtocolError {
    return new ProtocolError(`malformed ${this.#what}: ${detail}`);
  }

  #addJoinWork(run: number): void {
    if (run < 2) return;
    this.#joinWork += run * run;
    if (this.#joinWork > maxJoinWork) throw tooComplex(`${run} consecutive joinable items`);
  }

  // Called before each struct or delete range is counted.
  #checkEntryCount(): void {
    if (this.#structs + this.#deleteRanges >= this.#maxEntries) {
      throw tooComplex(`more than ${this.#maxEntries} structs and delete ranges`);
    }
  }

  // A count of elements that each take at least `minBytes` bytes cannot exceed what is left.
  #count(what: string, minBytes: number): number {
    const count = this.#varUint();
    if (count * minBytes > this.#bytes.length - this.#pos) throw this.#malformed(`${count} ${what} in ${this.#bytes.length - this.#pos} bytes`);
    return count;
  }

  #clock(clock: number): number {
    if (clock > maxUpdateClock) throw tooComplex(`clock ${clock} beyond ${maxUpdateClock}`);
    return clock;
  }

  #json(text: string): void {
    try {
      JSON.parse(text);
    } catch {
      throw this.#malformed('invalid JSON content');
    }
  }

  #string(): string {
    const length = this.#varUint();
    const start = this.#pos;
    this.#skip(length);
    try {
      return utf8.decode(this.#bytes.subarray(start, start + length));
    } catch {
      throw this.#malformed('invalid UTF-8 in a string');
    }
  }

  #peek(): number {
    if (this.#pos >= this.#bytes.length) throw this.#malformed('unexpected end');
    return this.#bytes[this.#pos]!;
  }

  #uint8(): number {
    const byte = this.#peek();
    this.#pos++;
    return byte;
  }

  #skip(length: number): void {
    if (length > this.#bytes.length - this.#pos) throw this.#malformed('unexpected end');
    this.#pos += length;
  }

  // lib0's varUint: 7 bits per byte, low bits first. Eight bytes hold every safe integer.
  #varUint(): number {
    let value = 0;
    let factor = 1;
    for (let i = 0; i < 8; i++) {
      const byte = this.#uint8();
      value += (byte & 0x7f) * factor;
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) throw this.#malformed('integer out of range');
        return value;
      }
      factor *= 128;
    }
    throw this.#malformed('integer longer than 8 bytes');
  }

  // lib0's varInt: a sign bit and 6 bits in the first byte, then 7 bits per byte.
  #varInt(): void {
    for (let i = 0; i < 8; i++) {
      if (this.#uint8() < 0x80) return;
    }
    throw this.#malformed('integer longer than 8 bytes');
  }
}

function tooComplex(detail: string): ProtocolError {
  return new ProtocolError(`update too complex: ${detail}`, { closeCode: RelayCloseCode.updateTooComplex });
}
