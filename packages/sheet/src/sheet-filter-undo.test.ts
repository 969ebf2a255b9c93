import { createWorkbook } from '@allmende/sheet-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SheetFilters } from './sheet-filter.js';

// How <allmende-sheet> makes filter changes undoable: the workbook's per-user undo history tracks the shared
// filter map, and the element writes filter changes with the workbook's edit origin.
function setup(): { wb: ReturnType<typeof createWorkbook>; filters: SheetFilters; sheet: string } {
  const wb = createWorkbook(new Y.Doc(), { rows: 10, cols: 3 });
  const filters = new SheetFilters(wb.doc);
  wb.trackUndo(filters.map);
  return { wb, filters, sheet: wb.model.sheetIds()[0]! };
}

describe('filter undo', () => {
  it('Ctrl+Z after filtering restores the earlier filter, Ctrl+Y filters again', () => {
    const { wb, filters, sheet } = setup();
    const header = wb.model.rows(sheet)[0]!;
    const col = wb.model.cols(sheet)[1]!;
    filters.setHeaderRow(sheet, header, wb.editOrigin);
    filters.setHidden(sheet, col, ['Berlin'], wb.editOrigin);
    filters.setHidden(sheet, col, ['Berlin', 'Hamburg'], wb.editOrigin);
    wb.undo();
    expect([...filters.hidden(sheet, col)]).toEqual(['Berlin']);
    wb.undo();
    expect(filters.columns(sheet).size).toBe(0);
    expect(filters.headerRow(sheet)).toBe(header);
    wb.redo();
    expect([...filters.hidden(sheet, col)]).toEqual(['Berlin']);
  });

  it('undoes filters and cell edits in the order they were made', () => {
    const { wb, filters, sheet } = setup();
    wb.setCell('Sheet1', 'A2', 'Ada');
    filters.setHeaderRow(sheet, wb.model.rows(sheet)[0]!, wb.editOrigin);
    wb.setCell('Sheet1', 'A3', 'Bob');
    wb.undo();
    expect(wb.getValue('Sheet1', 'A3')).toBeNull();
    expect(filters.headerRow(sheet)).not.toBeNull();
    wb.undo();
    expect(filters.headerRow(sheet)).toBeNull();
    expect(wb.getValue('Sheet1', 'A2')).toBe('Ada');
  });

  it('is per user: another user\'s filter change is not undone here', () => {
    const { wb, filters, sheet } = setup();
    const other = createWorkbook(new Y.Doc(), { seed: false });
    Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(wb.doc));
    const otherFilters = new SheetFilters(other.doc);
    other.trackUndo(otherFilters.map);
    otherFilters.setHeaderRow(sheet, wb.model.rows(sheet)[0]!, other.editOrigin);
    Y.applyUpdate(wb.doc, Y.encodeStateAsUpdate(other.doc));
    expect(filters.headerRow(sheet)).not.toBeNull();
    expect(wb.undo()).toBe(false);
    expect(filters.headerRow(sheet)).not.toBeNull();
  });
});
