import { strFromU8 } from 'fflate';
import { expect } from 'vitest';
import { formatAddress } from '../a1.js';
import { FormulaError } from '../errors.js';
import type { Workbook } from '../workbook.js';
import { parseCsvRows } from './csv.js';
import { isDateFormat } from './format-kinds.js';

/** The fields of a CSV file LibreOffice wrote (`,` and `"`). */
export function csvCells(bytes: Uint8Array): string[][] {
  const rows: string[][] = [];
  parseCsvRows(strFromU8(bytes), ',', (fields) => rows.push(fields));
  return rows;
}

/** Our computed value of a cell as LibreOffice writes it in CSV (raw numbers compared numerically later). */
function ours(wb: Workbook, sheet: string, row: number, col: number): string | number | boolean {
  const value = wb.getValue(sheet, formatAddress(row, col));
  if (value === null) return '';
  if (value instanceof FormulaError) return value.code;
  return value;
}

/** Checks our computed values of the first 12 rows and 6 columns against LibreOffice's CSV; returns how many non-empty cells were compared. */
export function expectSameValues(wb: Workbook, sheet: string, rows: string[][], label: string): number {
  let compared = 0;
  const height = Math.max(rows.length, wb.size(sheet).rows > 12 ? 12 : wb.size(sheet).rows);
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < 6; c++) {
      const mine = ours(wb, sheet, r, c);
      const theirs = rows[r]?.[c] ?? '';
      const where = `${label} ${sheet}!${formatAddress(r, c)}`;
      if (typeof mine === 'number') {
        const date = wb.getFormat(sheet, formatAddress(r, c));
        if (date && isDateFormat(date)) expect(theirs, where).toMatch(/^\d{4}-\d{2}-\d{2}$|^\d{2}\/\d{2}\/\d{2,4}$/);
        else expect(theirs.endsWith('%') ? Number(theirs.slice(0, -1)) / 100 : Number(theirs), where).toBeCloseTo(mine, 9);
      } else if (typeof mine === 'boolean') expect(theirs.toUpperCase(), where).toBe(mine ? 'TRUE' : 'FALSE');
      else expect(theirs, where).toBe(mine);
      if (mine !== '') compared++;
    }
  }
  return compared;
}

