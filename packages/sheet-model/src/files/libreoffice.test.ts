import { afterAll, describe, expect, it } from 'vitest';
import { disposeLibreOffice, runLibreOffice } from '../../../office-files/src/libreoffice.test-support.js';
import { csvCells, expectSameValues } from './lo-values.test-support.js';
import { fromODS } from './ods-read.js';
import { toODS } from './ods-write.js';
import { emptyWorkbook, sampleWorkbook } from './sample-workbook.test-support.js';
import { fromXLSX } from './xlsx-read.js';
import { toXLSX } from './xlsx-write.js';

// LibreOffice takes seconds to start: one call converts both exports, every sheet of each, to CSV.
const TIMEOUT = 240_000;
// Field separator `,`, quote `"`, UTF-8, raw values (not as shown), all sheets (written as <stem>-<sheet>.csv).
const CSV_ALL_SHEETS = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1';

describe('exports checked by LibreOffice', () => {
  afterAll(disposeLibreOffice);

  it(
    'LibreOffice computes the same values as we do from our ODS and XLSX exports (formulas without cached values)',
    () => {
      const wb = sampleWorkbook();
      const out = runLibreOffice(
        [
          { name: 'ours-ods.ods', bytes: toODS(wb, { cachedValues: false }) },
          { name: 'ours-xlsx.xlsx', bytes: toXLSX(wb, { cachedValues: false }) },
        ],
        CSV_ALL_SHEETS,
      );
      let compared = 0;
      for (const stem of ['ours-ods', 'ours-xlsx']) {
        for (const sheet of wb.sheetNames()) {
          const csv = out.get(`${stem}-${sheet}.csv`);
          expect(csv, `${stem}-${sheet}.csv among ${[...out.keys()].join(', ')}`).toBeDefined();
          compared += expectSameValues(wb, sheet, csvCells(csv!), stem);
        }
      }
      // Every non-empty cell of both sheets, in both formats.
      expect(compared).toBeGreaterThan(70);
    },
    TIMEOUT,
  );

  it(
    'LibreOffice keeps the rows and columns we hide: our XLSX saved by it as ODS and our ODS saved as XLSX read back hidden',
    () => {
      const wb = emptyWorkbook();
      wb.setCells('Sheet1', 'A1', [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16], [17, 18, 19, 20]]);
      wb.setHidden('Sheet1', 'cols', 1, 1, true);
      wb.setHidden('Sheet1', 'rows', 2, 3, true);
      const toOds = runLibreOffice([{ name: 'hidden-xlsx.xlsx', bytes: toXLSX(wb) }], 'ods');
      const toXlsx = runLibreOffice([{ name: 'hidden-ods.ods', bytes: toODS(wb) }], 'xlsx:Calc MS Excel 2007 XML');
      const viaOds = fromODS(toOds.get('hidden-xlsx.ods')!).data.sheets[0]!;
      const viaXlsx = fromXLSX(toXlsx.get('hidden-ods.xlsx')!).data.sheets[0]!;
      for (const [label, sheet] of [['XLSX → LibreOffice → ODS', viaOds], ['ODS → LibreOffice → XLSX', viaXlsx]] as const) {
        expect([...(sheet.hiddenCols ?? [])].sort((a, b) => a - b), label).toEqual([1]);
        expect([...(sheet.hiddenRows ?? [])].sort((a, b) => a - b), label).toEqual([2, 3]);
        // The hidden cells keep their values.
        expect(sheet.cells.find((c) => c.row === 2 && c.col === 1)?.content, label).toEqual({ kind: 'number', value: 10 });
      }
    },
    TIMEOUT,
  );
});
