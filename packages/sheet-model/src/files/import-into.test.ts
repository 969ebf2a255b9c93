import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkbook } from '../workbook.js';
import { syncDocs } from '../sheet.test-support.js';
import { fromCSV } from './csv.js';
import { importInto } from './import-into.js';
import { docState, expectSameWorkbook } from './round-trip.test-support.js';
import { sampleWorkbook } from './sample-workbook.test-support.js';
import { fromXLSX } from './xlsx-read.js';
import { toXLSX } from './xlsx-write.js';

describe('importInto', () => {
  it('replaces all sheets and names in one undo step that every client sees', () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = createWorkbook(docA, { rows: 50, cols: 10 });
    a.setCell('Sheet1', 'A1', 'before');
    a.defineName('Old', 'Sheet1!$A$1');
    syncDocs(docA, docB);
    const b = createWorkbook(docB, { seed: false });
    const data = fromXLSX(toXLSX(sampleWorkbook())).data;
    const result = importInto(a, data, { mode: 'replace' });
    expect(result.sheets).toEqual(['Data', 'Summe und Rest']);
    syncDocs(docA, docB);
    expect(b.sheetNames()).toEqual(['Data', 'Summe und Rest']);
    expect(b.getValue('Summe und Rest', 'A2')).toBe(8.1);
    expect(b.names().map((n) => n.name)).toEqual(['Prices']);
    expectSameWorkbook(b, sampleWorkbook());
    // One undo takes the whole import back, for everyone.
    expect(a.undo()).toBe(true);
    syncDocs(docA, docB);
    expect(b.sheetNames()).toEqual(['Sheet1']);
    expect(b.getValue('Sheet1', 'A1')).toBe('before');
    expect(b.names().map((n) => n.name)).toEqual(['Old']);
    expect(a.redo()).toBe(true);
    expect(a.getValue('Data', 'D5')).toBe(16.75);
  });

  it('adds new sheets after the existing ones, renaming taken names and keeping formulas on their own sheets', () => {
    const wb = sampleWorkbook();
    wb.setCell('Data', 'A1', 'mine');
    const result = importInto(wb, fromXLSX(toXLSX(sampleWorkbook())).data, { mode: 'new-sheets' });
    expect(result.sheets).toEqual(['Data (2)', 'Summe und Rest (2)']);
    expect(result.warnings).toEqual([
      { code: 'name-dropped', count: 1, detail: 'Prices' },
      { code: 'sheet-renamed', count: 2, detail: 'Data → Data (2)' },
    ]);
    expect(wb.sheetNames()).toEqual(['Data', 'Summe und Rest', 'Data (2)', 'Summe und Rest (2)']);
    expect(wb.getFormula('Summe und Rest (2)', 'A1')).toBe("=SUM('Data (2)'!D2:D4)");
    expect(wb.getValue('Data', 'A1')).toBe('mine');
    expect(wb.getValue('Data (2)', 'A1')).toBe('Item');
    wb.undo();
    expect(wb.sheetNames()).toEqual(['Data', 'Summe und Rest']);
  });

  it('leaves the document byte-identical when the data cannot be applied', () => {
    const wb = sampleWorkbook();
    const before = docState(wb);
    expect(() => importInto(wb, { sheets: [], names: [] }, { mode: 'replace' })).toThrow(/no sheet/);
    expect(docState(wb)).toEqual(before);
  });

  it('cleans sheet names a workbook cannot hold', () => {
    const wb = sampleWorkbook();
    const data = fromCSV('1,2\n', { sheetName: "'Q1/Q2: [draft]'" }).data;
    expect(importInto(wb, data, { mode: 'new-sheets' }).sheets).toEqual(['Q1_Q2_ _draft_']);
  });
});
