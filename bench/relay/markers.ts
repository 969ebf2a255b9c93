// The updates the writer of the relay benchmark's case (a) sends, each carrying its own index as a
// marker in the inserted text ("#u00042#"), so that an observer learns which updates a message holds
// by finding the markers in its bytes, without decoding Yjs. A server that merges updates queued up
// in one tick into one message (the marker texts then sit side by side in the merged update) is
// measured the same way as one that forwards each update: every update counts when the message
// holding it arrives.
import * as Y from 'yjs';

const prefix = Buffer.from('#u');
const digits = 5;

/** `count` updates of one writer, the i-th inserting marker i at the end of the text. */
export function markedUpdates(count: number): Uint8Array[] {
  if (count > 10 ** digits) throw new RangeError(`at most ${10 ** digits} marked updates`);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const text = doc.getText('content');
  for (let i = 0; i < count; i++) text.insert(text.length, `#u${String(i).padStart(digits, '0')}#`);
  doc.destroy();
  return updates;
}

/** Calls `found` with the index of every marker in `bytes` (a message as received), in order. */
export function findMarkers(bytes: Uint8Array, found: (index: number) => void): void {
  const data = bytes as Buffer;
  let at = data.indexOf(prefix);
  while (at >= 0 && at + 2 + digits < data.byteLength) {
    let index = 0;
    let valid = data[at + 2 + digits] === 0x23;
    for (let d = 0; valid && d < digits; d++) {
      const byte = data[at + 2 + d]!;
      valid = byte >= 0x30 && byte <= 0x39;
      index = index * 10 + byte - 0x30;
    }
    if (valid) found(index);
    at = data.indexOf(prefix, at + 2);
  }
}
