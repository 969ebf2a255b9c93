import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getBorders } from './cell-borders.js';
import { csvCells, expectSameValues } from './lo-values.test-support.js';
import { fromODS } from './ods-read.js';
import { fromXLSX } from './xlsx-read.js';
import { imported } from './round-trip.test-support.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url))));

describe('workbooks made by LibreOffice', () => {
  for (const [format, read, file] of [
    ['ODS', fromODS, 'libreoffice.ods'],
    ['XLSX', fromXLSX, 'libreoffice.xlsx'],
  ] as const) {
    describe(format, () => {
      const result = read(fixture(file));
      const wb = imported(result);

      it('imports every sheet, without warnings', () => {
        expect(wb.sheetNames()).toEqual(['Umsatz', 'Notizen']);
        expect(result.warnings).toEqual([]);
      });

      it('computes the same values as LibreOffice', () => {
        const compared = ['Umsatz', 'Notizen'].reduce((sum, sheet) => sum + expectSameValues(wb, sheet, csvCells(fixture(`libreoffice-values-${sheet}.csv`)), format), 0);
        expect(compared).toBe(38);
      });

      it('keeps the formulas, within and across sheets and through a named range', () => {
        expect(wb.getFormula('Umsatz', 'D2')).toBe('=B2*C2');
        expect(wb.getFormula('Umsatz', 'E3')).toBe('=D3/D$5');
        expect(wb.getFormula('Umsatz', 'D5')).toBe('=SUM(Posten)');
        expect(wb.getFormula('Umsatz', 'C5')).toBe('=ROUND(AVERAGE(C2:C4),2)');
        expect(wb.getFormula('Umsatz', 'D6')).toBe('=IF(D5>30,"viel","wenig")');
        expect(wb.getFormula('Umsatz', 'E7')).toBe('=Notizen!A1*2');
        expect(wb.getFormula('Notizen', 'B1')).toBe('=SUM(Umsatz!B2:B4)');
        expect(wb.names()).toEqual([{ name: 'Posten', reference: 'Umsatz!$D$2:$D$4' }]);
      });

      it('keeps number formats, styles and borders', () => {
        expect(wb.getFormat('Umsatz', 'C2')).toBe('#,##0.00');
        expect(wb.getFormat('Umsatz', 'C5')).toBe('0.00');
        expect(wb.getFormat('Umsatz', 'E2')).toBe('0.0%');
        expect(wb.getDisplay('Umsatz', 'E2')).toBe('36.1%');
        expect(wb.getFormat('Umsatz', 'A6')?.toUpperCase()).toBe('DD.MM.YYYY');
        expect(wb.getFormat('Umsatz', 'C6')).toBeUndefined();
        expect(wb.getDisplay('Umsatz', 'B6')).toBe('31.12.2024');
        expect(wb.getFormat('Umsatz', 'B2')).toBeUndefined();
        expect(wb.getStyle('Umsatz', 'A1')).toMatchObject({ bold: true, background: '#dde8f0', align: 'center' });
        expect(getBorders(wb, 'Umsatz', 'A1')).toEqual({ bottom: { style: 'thin', color: '#000000' } });
        expect(wb.getStyle('Umsatz', 'A2')).toMatchObject({ italic: true, color: '#c00000' });
        expect(wb.getStyle('Umsatz', 'A3')).toEqual({});
      });

      it('keeps merges, column widths and row heights', () => {
        expect(wb.merges('Umsatz').map((m) => m.range)).toEqual(['A7:C8']);
        // 4 cm and 2.5 cm at 96 dpi; XLSX stores widths in characters, so allow a few pixels.
        expect(wb.getColumnWidth('Umsatz', 0)).toBeGreaterThan(138);
        expect(wb.getColumnWidth('Umsatz', 0)).toBeLessThan(158);
        expect(wb.getColumnWidth('Umsatz', 1)).toBeGreaterThan(84);
        expect(wb.getColumnWidth('Umsatz', 1)).toBeLessThan(101);
        expect(wb.getRowHeight('Umsatz', 0)).toBeCloseTo(30.24, 0);
        // LibreOffice headless keeps no view settings, so its files have no frozen panes (ours are checked in the round trips).
      });
    });
  }
});
