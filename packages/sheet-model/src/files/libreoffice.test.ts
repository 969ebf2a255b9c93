import { afterAll, describe, expect, it } from 'vitest';
import { disposeLibreOffice, runLibreOffice } from '../../../office-files/src/libreoffice.test-support.js';
import { csvCells, expectSameValues } from './lo-values.test-support.js';
import { toODS } from './ods-write.js';
import { sampleWorkbook } from './sample-workbook.test-support.js';
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
});
