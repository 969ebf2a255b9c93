import { expect } from 'vitest';
import * as Y from 'yjs';
import { formatAddress } from '../a1.js';
import { plain } from '../sheet.test-support.js';
import type { Workbook } from '../workbook.js';
import { getBorders } from './cell-borders.js';
import { importInto } from './import-into.js';
import { emptyWorkbook } from './sample-workbook.test-support.js';
import type { SheetImportResult } from './workbook-data.js';

/** Imports read data into a fresh workbook (replacing its sheet). */
export function imported(result: SheetImportResult): Workbook {
  const wb = emptyWorkbook();
  importInto(wb, result.data, { mode: 'replace' });
  return wb;
}

/** The full state of a workbook's document, for checking that a failed import changed nothing. */
export function docState(wb: Workbook): Uint8Array {
  return Y.encodeStateAsUpdate(wb.doc);
}

/** Everything a file carries for the first rows and columns of each sheet: inputs, values, formats, styles, borders, layout. */
export function describeWorkbook(wb: Workbook, rows = 12, cols = 6): unknown {
  return {
    sheets: wb.sheetNames().map((sheet) => {
      const cells: Record<string, unknown> = {};
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const address = formatAddress(r, c);
          const formula = wb.getFormula(sheet, address);
          const style = wb.getStyle(sheet, address);
          const format = wb.getFormat(sheet, address);
          const borders = getBorders(wb, sheet, address);
          if (formula === '' && !Object.keys(style).length && format === undefined && !Object.keys(borders).length) continue;
          cells[address] = { formula, value: plain(wb.getValue(sheet, address)), format, style, borders };
        }
      }
      return {
        name: sheet,
        cells,
        widths: Array.from({ length: cols }, (_, c) => wb.getColumnWidth(sheet, c)),
        heights: Array.from({ length: rows }, (_, r) => wb.getRowHeight(sheet, r)),
        frozen: wb.getFrozen(sheet),
        merges: wb.merges(sheet).map((m) => m.range),
        hidden: ((h) => ({ rows: [...h.rows].sort((a, b) => a - b), cols: [...h.cols].sort((a, b) => a - b) }))(wb.hiddenLines(sheet)),
      };
    }),
    names: wb.names(),
  };
}

/** Checks that two workbooks carry the same content, formats, styles and layout. */
export function expectSameWorkbook(actual: Workbook, expected: Workbook): void {
  expect(describeWorkbook(actual)).toEqual(describeWorkbook(expected));
}
