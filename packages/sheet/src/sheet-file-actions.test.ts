import { createWorkbook, FILE_ERROR_CODES, FileImportError, SHEET_WARNING_CODES } from '@allmende/sheet-model';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applySheetFile,
  formatOfSheetFileName,
  importedCellCount,
  importErrorMessage,
  importWarningsMessage,
  MAX_IMPORT_CELLS,
  readSheetFile,
  sheetExportName,
  writeSheetFile,
} from './sheet-file-actions.js';
import { sheetFileMessages } from './sheet-file-messages.js';

function workbook(locale: 'en' | 'de' = 'en') {
  const wb = createWorkbook(new Y.Doc(), { locale, rows: 20, cols: 5 });
  wb.setCells('Sheet1', 'A1', [
    ['Name', 'Wert'],
    ['a', 1.5],
    ['b', '=B2*2'],
  ]);
  return wb;
}

describe('sheet file messages', () => {
  it('are translated into German completely', () => {
    expect(sheetFileMessages.missing('de')).toEqual([]);
  });

  it('explain every import error and warning code in English and German', () => {
    for (const locale of ['en', 'de']) {
      const t = sheetFileMessages.translator(locale);
      const fallback = t('fileError', 'no-such-code', '');
      for (const code of FILE_ERROR_CODES) expect(t('fileError', code, '50 MB'), `${locale} ${code}`).not.toBe(fallback);
      for (const code of SHEET_WARNING_CODES) expect(t('importWarning', code, 2, 'x'), `${locale} ${code}`).not.toBe('');
    }
    expect(sheetFileMessages.translator('de')('fileError', 'too-many-cells', '')).toContain('Zeilen');
  });
});

describe('sheet file actions', () => {
  it('counts the cells an import would write, so one too large to hold in memory is refused before it is applied', () => {
    const row = (r: number): string => Array.from({ length: 20 }, (_, c) => `${r * 20 + c}`).join(',');
    const small = readSheetFile('csv', new TextEncoder().encode(Array.from({ length: 3 }, (_, r) => row(r)).join('\n')), 'en', 'small.csv');
    expect(importedCellCount(small)).toBe(60);
    // Cells of all sheets count; one cell over the cap is refused.
    const sheet = small.data.sheets[0]!;
    const cells = new Array<(typeof sheet.cells)[number]>(MAX_IMPORT_CELLS / 2 + 1).fill(sheet.cells[0]!);
    const large = { ...small, data: { ...small.data, sheets: [{ ...sheet, cells }, { ...sheet, name: 'Two', cells }] } };
    expect(importedCellCount(large)).toBe(MAX_IMPORT_CELLS + 2);
    expect(importedCellCount(large)).toBeGreaterThan(MAX_IMPORT_CELLS);
    // The cap is for memory: well above what fits into one relay message (a 100,000-row × 10 file must import).
    expect(MAX_IMPORT_CELLS).toBeGreaterThanOrEqual(1_000_000);
    const t = sheetFileMessages.translator('de');
    expect(t('importTooManyCells', '2.000.002', '2.000.000')).toContain('2.000.002 Zellen');
  });

  it('imports a file larger than one relay message in several updates of at most 4 MiB, undone in one step', () => {
    const line = (r: number): string => Array.from({ length: 10 }, (_, c) => `${r}-${c} some text`).join(',');
    const bytes = new TextEncoder().encode(Array.from({ length: 30_000 }, (_, r) => line(r)).join('\n'));
    const result = readSheetFile('csv', bytes, 'en', 'Gross.csv');
    expect(importedCellCount(result)).toBeLessThan(MAX_IMPORT_CELLS);
    const target = workbook();
    const sizes: number[] = [];
    const listen = (update: Uint8Array): void => void sizes.push(update.length);
    target.doc.on('update', listen);
    expect(applySheetFile(target, result, 'new-sheets').sheets).toEqual(['Gross']);
    target.doc.off('update', listen);
    expect(sizes.length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(target.getValue('Gross', 'J30000')).toBe('29999-9 some text');
    expect(target.undo()).toBe(true);
    expect(target.sheetNames()).toEqual(['Sheet1']);
    expect(target.getValue('Sheet1', 'B3')).toBe(3);
  });

  it('tells formats from file names', () => {
    expect(['a.ODS', 'b.xlsx', 'c.csv', 'd.tsv', 'e.tab', 'f.docx', 'noext'].map(formatOfSheetFileName)).toEqual(['ods', 'xlsx', 'csv', 'tsv', 'tsv', null, null]);
  });

  it('exports and re-imports every format, adding sheets in one undo step', () => {
    const wb = workbook();
    for (const format of ['ods', 'xlsx'] as const) {
      const result = readSheetFile(format, writeSheetFile(wb, format, 'Sheet1'), 'en', `x.${format}`);
      const target = workbook();
      expect(applySheetFile(target, result, 'new-sheets').sheets).toEqual(['Sheet1 (2)']);
      expect(target.getValue('Sheet1 (2)', 'B3')).toBe(3);
      target.undo();
      expect(target.sheetNames()).toEqual(['Sheet1']);
    }
    const csv = writeSheetFile(wb, 'csv', 'Sheet1');
    expect(new TextDecoder().decode(csv)).toBe('Name,Wert\r\na,1.5\r\nb,3\r\n');
    const target = workbook();
    expect(applySheetFile(target, readSheetFile('csv', csv, 'en', 'Zahlen.csv'), 'new-sheets').sheets).toEqual(['Zahlen']);
    expect(target.getValue('Zahlen', 'B2')).toBe(1.5);
  });

  it('writes German CSV with semicolons and decimal commas, and reads it back in German', () => {
    const wb = workbook('de');
    const csv = writeSheetFile(wb, 'csv', 'Sheet1');
    expect(new TextDecoder().decode(csv)).toBe('Name;Wert\r\na;1,5\r\nb;3\r\n');
    const target = workbook('de');
    applySheetFile(target, readSheetFile('csv', csv, 'de', 'z.csv'), 'replace');
    expect(target.getValue('z', 'B2')).toBe(1.5);
  });

  it('reads TSV with tabs even when fields hold commas', () => {
    const bytes = new TextEncoder().encode('a,b\t1\nc\t2\n');
    const target = workbook();
    applySheetFile(target, readSheetFile('tsv', bytes, 'en', 't.tsv'), 'replace');
    expect(target.getValue('t', 'A1')).toBe('a,b');
    expect(target.getValue('t', 'B2')).toBe(2);
  });

  it('turns errors and warnings into translated messages', () => {
    const de = sheetFileMessages.translator('de');
    let error: unknown;
    try {
      readSheetFile('xlsx', new TextEncoder().encode('not a zip file, only text'), 'de', 'x.xlsx');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FileImportError);
    expect(importErrorMessage(de, error, '50 MB')).toBe('Die Datei ist beschädigt oder unvollständig (kein lesbares ZIP-Archiv).');
    expect(importErrorMessage(de, new Error('x'), '50 MB')).toBe('Die Datei kann nicht gelesen werden.');
    expect(importWarningsMessage(de, [{ code: 'formula-kept-as-text', count: 1, detail: '=SUM(' }])).toBe('Eine Formel konnte nicht gelesen werden und blieb als Text erhalten (=SUM().');
    expect(importWarningsMessage(de, [])).toBe('');
  });

  it('names exported files after the document and, for CSV, the sheet', () => {
    expect(sheetExportName('Budget 2025', 'Tabelle', 'xlsx')).toBe('Budget 2025.xlsx');
    expect(sheetExportName('', 'Tabelle', 'ods')).toBe('Tabelle.ods');
    expect(sheetExportName('a/b:c', 'Tabelle', 'csv', 'Q1*')).toBe('a b c - Q1.csv');
  });
});
