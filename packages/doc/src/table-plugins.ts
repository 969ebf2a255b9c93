import { Plugin } from 'prosemirror-state';
import { columnResizing, tableEditing } from 'prosemirror-tables';
import { isRemoteSync } from './sync-origin.js';

/**
 * prosemirror-tables' editing plugin (cell selections, copying and pasting
 * cells, arrow keys between cells) without its repairs of content synced in
 * from others. Its `appendTransaction` runs `fixTables`, which pads rows that
 * a concurrent edit left short; if it ran on every client for the same
 * remote change, each client would add its own cells, and all of them would
 * survive the merge. The client that made the edit repairs it.
 */
export function localTableEditing(): Plugin {
  const plugin = tableEditing();
  const append = plugin.spec.appendTransaction;
  const props = plugin.spec.props ?? {};
  return new Plugin({
    ...plugin.spec,
    props: {
      ...props,
      handleKeyDown: guarded(props.handleKeyDown, false),
      handleTripleClick: guarded(props.handleTripleClick, false),
      handlePaste: guarded(props.handlePaste, false),
      createSelectionBetween: guarded(props.createSelectionBetween, null),
    },
    appendTransaction(transactions, oldState, state) {
      if (!append || transactions.some(isRemoteSync)) return null;
      return guarded(append, null).call(this, transactions, oldState, state);
    },
  });
}

/**
 * Wraps one of prosemirror-tables' handlers so that a table left malformed by concurrent edits
 * (rows without cells, which two people deleting different columns can produce) makes it step
 * aside instead of throwing `Position NaN out of range`; ProseMirror's default handling applies.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any handler signature
function guarded<F extends ((this: any, ...args: any[]) => any) | undefined>(handler: F, fallback: unknown): F {
  if (!handler) return handler;
  return function (this: unknown, ...args: unknown[]) {
    try {
      return handler.apply(this, args);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      console.warn('<allmende-doc>: a table edit was skipped, the table is malformed after concurrent edits:', error.message);
      return fallback;
    }
  } as F;
}

/**
 * Column resizing by dragging cell borders; widths are stored in the cells'
 * `colwidth`. Put it before {@link localTableEditing}. Its table view wraps
 * each table in `div.tableWrapper` and keeps a `<colgroup>` in step.
 */
export function tableColumnResizing(): Plugin {
  return columnResizing({ handleWidth: 5, cellMinWidth: 48, defaultCellMinWidth: 96 });
}
