import type { Workbook } from '../workbook.js';

/**
 * The default budget of one import transaction, in estimated update bytes. The relay refuses messages over 16 MiB;
 * 1 MiB keeps every update far below that (the estimate errs on the large side) while a 100,000-row file still needs
 * only a few dozen transactions.
 */
export const IMPORT_CHUNK_BYTES = 1024 * 1024;

/** Progress of a chunked write: estimated bytes written so far, after each committed transaction. */
export type ImportProgress = (chunk: number, bytes: number) => void;

/**
 * Runs `steps` (a generator whose every `next()` makes one write and yields its estimated size in update bytes) in as
 * many Yjs transactions with the workbook's edit origin as the byte budget needs, each one broadcast as its own update.
 *
 * For the user the whole run is ONE undo step: capturing is stopped before the first chunk, every chunk is merged into
 * the same undo item, and capturing is stopped again after the last one, whatever the undo manager's `captureTimeout`.
 *
 * If a step or `onProgress` throws, the chunks already written (including the part of the failing one) are undone and
 * that undo item is dropped from the redo stack, so no half-written import stays; the error is rethrown.
 *
 * Called inside another transaction (`wb.batch`, `doc.transact`), every chunk joins that one: do not, for large data.
 */
export function writeInChunks(wb: Workbook, steps: Iterator<number>, budget: number, onProgress?: ImportProgress): void {
  if (!(budget > 0)) throw new RangeError(`The chunk budget must be a positive number of bytes, not ${budget}.`);
  const undo = wb.undoManager;
  const undoDepth = undo.undoStack.length;
  const timeout = undo.captureTimeout;
  undo.stopCapturing();
  undo.captureTimeout = Number.POSITIVE_INFINITY;
  let total = 0;
  let chunk = 0;
  try {
    let done = false;
    while (!done) {
      let bytes = 0;
      wb.doc.transact(() => {
        while (bytes < budget) {
          const step = steps.next();
          if (step.done) {
            done = true;
            return;
          }
          bytes += step.value;
        }
      }, wb.editOrigin);
      total += bytes;
      if (bytes > 0 || chunk === 0) onProgress?.(chunk++, total);
    }
  } catch (error) {
    undo.captureTimeout = timeout;
    undo.stopCapturing();
    if (undo.undoStack.length > undoDepth) {
      undo.undo();
      undo.redoStack.pop();
    }
    throw error;
  }
  undo.captureTimeout = timeout;
  undo.stopCapturing();
}
