import {
  addTableColumnAfter,
  addTableColumnBefore,
  addTableRowAfter,
  addTableRowBefore,
  deleteTable,
  deleteTableColumn,
  deleteTableRow,
  mergeTableCells,
  splitTableCell,
  toggleTableHeaderColumn,
  toggleTableHeaderRow,
} from '@allmende/doc-model';
import type { Command } from 'prosemirror-state';
import type { DocTranslate } from './doc-messages.js';
import type { FormatState } from './format-state.js';
import type { MenuItem } from './menu-button.js';

/**
 * The items of the table menu, shown while the selection is in a table:
 * insert rows and columns on either side, delete them, merge and split
 * cells, header row and column, delete the table. Merge and split are
 * unavailable when they cannot apply to the selection.
 */
export function tableMenuItems(format: FormatState, t: DocTranslate, run: (command: Command) => void): MenuItem[] {
  const item = (label: string, command: Command, extra: Partial<MenuItem> = {}): MenuItem => ({
    label,
    run: () => run(command),
    ...extra,
  });
  return [
    item(t('addRowBefore'), addTableRowBefore),
    item(t('addRowAfter'), addTableRowAfter),
    item(t('addColumnBefore'), addTableColumnBefore),
    item(t('addColumnAfter'), addTableColumnAfter),
    item(t('deleteRow'), deleteTableRow, { separated: true }),
    item(t('deleteColumn'), deleteTableColumn),
    item(t('mergeCells'), mergeTableCells, { separated: true, disabled: !format.canMerge }),
    item(t('splitCell'), splitTableCell, { disabled: !format.canSplit }),
    item(t('headerRow'), toggleTableHeaderRow, { separated: true }),
    item(t('headerColumn'), toggleTableHeaderColumn),
    item(t('deleteTable'), deleteTable, { separated: true }),
  ];
}
