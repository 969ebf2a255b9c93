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
  return new Plugin({
    ...plugin.spec,
    appendTransaction(transactions, oldState, state) {
      if (!append || transactions.some(isRemoteSync)) return null;
      return append.call(this, transactions, oldState, state);
    },
  });
}

/**
 * Column resizing by dragging cell borders; widths are stored in the cells'
 * `colwidth`. Put it before {@link localTableEditing}. Its table view wraps
 * each table in `div.tableWrapper` and keeps a `<colgroup>` in step.
 */
export function tableColumnResizing(): Plugin {
  return columnResizing({ handleWidth: 5, cellMinWidth: 48, defaultCellMinWidth: 96 });
}
