import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Workbook } from '../workbook.js';
import { FileImportError } from '@allmende/office-files';
import { plain } from '../sheet.test-support.js';
import { detectSeparator, fromCSV, toCSV } from './csv.js';
import { importInto } from './import-into.js';
import { emptyWorkbook, sampleWorkbook } from './sample-workbook.test-support.js';

function load(text: string | Uint8Array, options: Parameters<typeof fromCSV>[1] = {}) {
  const wb = emptyWorkbook(options?.locale ?? 'en');
  const result = fromCSV(text, options);
  importInto(wb, result.data, { mode: 'replace' });
  return { wb, warnings: result.warnings, sheet: wb.sheetNames()[0]! };
}

describe('CSV import', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks (RFC 4180)', () => {
    const { wb, sheet } = load('name,note,n\r\n"Smith, J.","He said ""hi""",1\r\n"multi\nline",,2.5\r\n');
    expect(wb.getValue(sheet, 'A2')).toBe('Smith, J.');
    expect(wb.getValue(sheet, 'B2')).toBe('He said "hi"');
    expect(wb.getValue(sheet, 'A3')).toBe('multi\nline');
    expect(wb.getValue(sheet, 'B3')).toBeNull();
    expect(wb.getValue(sheet, 'C3')).toBe(2.5);
    expect(wb.getValue(sheet, 'A4')).toBeNull();
  });

  it('detects comma, semicolon and tab, also with quoted separators of another kind', () => {
    expect(detectSeparator('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectSeparator('a;b;c\n"1,5";2;3\n')).toBe(';');
    expect(detectSeparator('a\tb\tc\n1,5\t2\t3\n')).toBe('\t');
    expect(detectSeparator('"x;y",b\n"z;w",c\n')).toBe(',');
    const { wb, sheet } = load('a\tb\n1\t"2\t3"\n');
    expect(wb.getValue(sheet, 'B2')).toBe('2\t3');
  });

  it('accepts UTF-8 with and without BOM, and refuses other encodings with bad-text', () => {
    for (const bytes of [strToU8('\ufeffÄpfel;2\n'), strToU8('Äpfel;2\n')]) {
      const { wb, sheet } = load(bytes);
      expect(wb.getValue(sheet, 'A1')).toBe('Äpfel');
      expect(wb.getValue(sheet, 'B1')).toBe(2);
    }
    expect(() => fromCSV(Uint8Array.of(0xc4, 0x70, 0x66, 0x65, 0x6c))).toThrow(FileImportError);
    try {
      fromCSV(Uint8Array.of(0xc4, 0x70));
    } catch (error) {
      expect((error as FileImportError).code).toBe('bad-text');
    }
  });

  it('reads the German decimal comma and dates when the locale is de, and not when it is en', () => {
    const text = 'Betrag;Datum;Anteil\n1.234,5;24.12.2024;12,5%\n';
    const de = load(text, { locale: 'de' });
    expect(de.wb.getValue(de.sheet, 'A2')).toBe(1234.5);
    expect(de.wb.getDisplay(de.sheet, 'B2')).toBe('24.12.2024');
    expect(de.wb.getValue(de.sheet, 'C2')).toBeCloseTo(0.125);
    const en = load(text, { locale: 'en' });
    expect(en.wb.getValue(en.sheet, 'A2')).toBe('1.234,5');
  });

  it('never runs formulas from a file, and strips the injection guard', () => {
    const { wb, sheet } = load("=1+2,'=SUM(A1),'-3\n");
    expect(wb.getValue(sheet, 'A1')).toBe('=1+2');
    expect(wb.getFormula(sheet, 'A1')).toBe("'=1+2");
    expect(wb.getValue(sheet, 'B1')).toBe('=SUM(A1)');
    expect(wb.getValue(sheet, 'C1')).toBe('-3');
  });

  it('refuses files with more rows or columns than the limit, leaving the workbook byte-identical', () => {
    const wb = sampleWorkbook();
    const before = Y_state(wb);
    expect(() => fromCSV('a\n'.repeat(20), { limits: { maxRows: 10 } })).toThrow(/limit is 10 rows/);
    expect(() => fromCSV('a,'.repeat(20) + 'a\n', { limits: { maxCols: 10 } })).toThrow(/limit is 10 columns/);
    expect(() => fromCSV('x'.repeat(2000), { limits: { maxFileBytes: 1000 } })).toThrow(FileImportError);
    expect(Y_state(wb)).toEqual(before);
  });

  it('reports rows of different lengths', () => {
    expect(fromCSV('a,b,c\n1\n').warnings).toEqual([{ code: 'rows-padded', count: 1 }]);
  });
});

function Y_state(wb: Workbook): Uint8Array {
  return Y.encodeStateAsUpdate(wb.doc);
}

describe('CSV export', () => {
  it('writes computed values, quotes where needed and uses CRLF', () => {
    const wb = sampleWorkbook();
    const csv = toCSV(wb, 'Data');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Item,Count,Price,Total,Flag');
    expect(lines[1]).toBe('Äpfel,3,1.25,3.75,TRUE');
    expect(lines[2]).toBe('"Birnen ""fein""",4,2.5,10,FALSE');
    expect(lines[3]).toBe('"Kirschen, rot",10,0.3,3,TRUE');
    expect(lines[5]).toBe('"Line one\nline two",#DIV/0!,3.1416,2024-12-24,2024-12-31');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('guards against formula injection by default and can be switched off', () => {
    const wb = emptyWorkbook();
    wb.setCell('Sheet1', 'A1', "'=HYPERLINK(\"http://x\")");
    wb.setCell('Sheet1', 'B1', "'+1");
    wb.setCell('Sheet1', 'C1', "'-2");
    wb.setCell('Sheet1', 'D1', "'@SUM(A1)");
    wb.setCell('Sheet1', 'E1', -5);
    wb.setCell('Sheet1', 'F1', '="=1+1"');
    expect(toCSV(wb, 'Sheet1')).toBe(`"'=HYPERLINK(""http://x"")",'+1,'-2,'@SUM(A1),-5,'=1+1\r\n`);
    expect(toCSV(wb, 'Sheet1', { guardFormulas: false })).toBe(`"=HYPERLINK(""http://x"")",+1,-2,@SUM(A1),-5,=1+1\r\n`);
    // What the guard wrote reads back as the same text.
    const back = emptyWorkbook();
    importInto(back, fromCSV(toCSV(wb, 'Sheet1')).data, { mode: 'replace' });
    expect([0, 1, 2, 3].map((c) => back.getValue(back.sheetNames()[0]!, 'ABCD'[c]! + '1'))).toEqual(['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)']);
  });

  it('writes German numbers with ; and decimal comma, display values and a BOM on request', () => {
    const wb = sampleWorkbook();
    const de = toCSV(wb, 'Data', { locale: 'de', bom: true });
    expect(de.startsWith('\ufeffItem;Count;Price')).toBe(true);
    expect(de.split('\r\n')[1]).toBe('Äpfel;3;1,25;3,75;TRUE');
    expect(toCSV(wb, 'Data', { values: 'display', locale: 'de' }).split('\r\n')[1]).toBe('Äpfel;3;1,25;3,75;WAHR');
    expect(toCSV(wb, 'Data', { separator: '\t' }).split('\r\n')[2]).toBe('"Birnen ""fein"""\t4\t2.5\t10\tFALSE');
  });

  it('round-trips through fromCSV', () => {
    const wb = sampleWorkbook();
    const text = toCSV(wb, 'Data');
    const back = load(text);
    expect(plain(back.wb.getValue(back.sheet, 'B6'))).toBe('#DIV/0!');
    expect(back.wb.getValue(back.sheet, 'A6')).toBe('Line one\nline two');
    expect(back.wb.getValue(back.sheet, 'D5')).toBe(16.75);
    expect(toCSV(back.wb, back.sheet)).toBe(text);
  });
});
