// The workbook of the sheet-files benchmark: ROWS × 10 columns of numbers, text and one formula per row, with a
// bold header row, a date column with a number format and a percent column. Seeded, so every run writes the same file.
import type { Workbook } from '@allmende/sheet-model';
import { mulberry32 } from '../seeded-random.js';

export const ROWS = Number(process.env['SHEET_FILES_ROWS'] ?? 100_000);
export const COLS = 10;
export const HEADER = ['Id', 'Name', 'City', 'Qty', 'Price', 'Date', 'Rate', 'Code', 'Note', 'Total'];
const CITIES = ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt', 'Stuttgart', 'Leipzig', 'Bremen'];

export type Input = string | number;

/** The rows as plain values (row 0 is the header); column J holds `=D{n}*E{n}*(1+G{n})`. */
export function rowsOf(): Input[][] {
  const next = mulberry32(42);
  const out: Input[][] = [HEADER];
  for (let r = 1; r < ROWS; r++) {
    const n = r + 1;
    out.push([
      r,
      `Item ${Math.floor(next() * 50_000)}`,
      CITIES[Math.floor(next() * CITIES.length)]!,
      Math.floor(next() * 1000),
      Math.round(next() * 100_000) / 100,
      45_000 + Math.floor(next() * 1500),
      Math.round(next() * 100) / 1000,
      `C-${(r * 7919) % 100_000}`,
      next() < 0.5 ? 'ok' : `check ${r % 97}`,
      `=D${n}*E${n}*(1+G${n})`,
    ]);
  }
  return out;
}

/** Fills `wb` (sheet `Data`) with the rows, a bold header, a date format on F and a percent format on G. */
export function fillWorkbook(wb: Workbook): void {
  const sheet = wb.sheetNames()[0]!;
  wb.renameSheet(sheet, 'Data');
  wb.setCells('Data', 'A1', rowsOf());
  wb.setStyle('Data', 'A1:J1', { bold: true });
  wb.setFormat('Data', `F2:F${ROWS}`, 'DD.MM.YYYY');
  wb.setFormat('Data', `G2:G${ROWS}`, '0.0%');
  wb.setColumnWidth('Data', 1, 140);
  wb.setFrozen('Data', 1, 0);
}
