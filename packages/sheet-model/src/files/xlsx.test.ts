import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileImportError } from '@allmende/office-files';
import { plain } from '../sheet.test-support.js';
import { getBorders } from './cell-borders.js';
import { importInto } from './import-into.js';
import { docState, expectSameWorkbook, imported } from './round-trip.test-support.js';
import { emptyWorkbook, sampleWorkbook } from './sample-workbook.test-support.js';
import { fromXLSX } from './xlsx-read.js';
import { toXLSX } from './xlsx-write.js';

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A minimal XLSX with one sheet whose sheetData (and more) is given. */
function xlsxWith(sheetXml: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(`<workbook ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${MAIN}>${sheetXml}</worksheet>`),
  };
  for (const [path, text] of Object.entries(extra)) files[path] = strToU8(text);
  return zipSync(files);
}

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof FileImportError ? error.code : `other: ${String(error)}`;
  }
}

describe('XLSX round trip', () => {
  it('model → XLSX → model keeps values, formulas, formats, styles, borders and layout', () => {
    const wb = sampleWorkbook();
    const back = imported(fromXLSX(toXLSX(wb)));
    expectSameWorkbook(back, wb);
    expect(back.getValue('Summe und Rest', 'A2')).toBe(8.1);
    expect(plain(back.getValue('Data', 'B6'))).toBe('#DIV/0!');
  });

  it('XLSX → model → XLSX writes the same file again', () => {
    const first = toXLSX(sampleWorkbook());
    const second = toXLSX(imported(fromXLSX(first)));
    expect(second).toEqual(first);
  });

  it('writes formulas without "=", newer functions with _xlfn., and cached values unless asked not to', () => {
    const wb = emptyWorkbook();
    wb.setCell('Sheet1', 'A1', 5);
    wb.setCell('Sheet1', 'B1', '=IFS(A1>3,"big",TRUE,"small")');
    wb.setCell('Sheet1', 'C1', '=A1*2');
    const sheet = (bytes: Uint8Array): string => strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet(toXLSX(wb))).toContain('<c r="B1" t="str"><f>_xlfn.IFS(A1&gt;3,"big",TRUE,"small")</f><v>big</v></c>');
    expect(sheet(toXLSX(wb))).toContain('<c r="C1"><f>A1*2</f><v>10</v></c>');
    expect(sheet(toXLSX(wb, { cachedValues: false }))).toContain('<c r="C1"><f>A1*2</f></c>');
    const back = imported(fromXLSX(toXLSX(wb)));
    expect(back.getFormula('Sheet1', 'B1')).toBe('=IFS(A1>3,"big",TRUE,"small")');
    expect(back.getValue('Sheet1', 'B1')).toBe('big');
  });

  it('reads shared formulas, inline strings, ISO dates, booleans and errors', () => {
    const result = fromXLSX(
      xlsxWith(
        '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2+$A$1</f><v>2</v></c></row>' +
          '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/></c><c r="C2" t="inlineStr"><is><t>inline</t></is></c></row>' +
          '<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3" t="d"><v>2024-12-24</v></c></row></sheetData>',
      ),
    );
    const wb = imported(result);
    expect(wb.getFormula('S', 'B3')).toBe('=A3*2+$A$1');
    expect(wb.getValue('S', 'B3')).toBe(7);
    expect(wb.getValue('S', 'C2')).toBe('inline');
    expect(wb.getValue('S', 'C3')).toBe(true);
    expect(plain(wb.getValue('S', 'D3'))).toBe('#N/A');
    expect(wb.getValue('S', 'E3')).toBe(45650);
  });

  it('reads cells out of order, addresses with $ or lower case, and cells without an address', () => {
    const result = fromXLSX(
      xlsxWith(
        '<sheetData><row r="2"><c r="B2"><v>4</v></c><c r="a2"><v>3</v></c></row>' +
          '<row r="1"><c r="A1"><f>B2*10</f></c><c r="$B$1"><v>2</v></c><c><v>5</v></c></row></sheetData>',
      ),
    );
    const cells = result.data.sheets[0]!.cells.map((c) => `${c.row}:${c.col}`);
    expect(cells).toEqual(['0:0', '0:1', '0:2', '1:0', '1:1']);
    const wb = imported(result);
    expect(wb.getValue('S', 'A1')).toBe(40);
    expect(wb.getValue('S', 'B1')).toBe(2);
    expect(wb.getValue('S', 'C1')).toBe(5);
    expect(wb.getValue('S', 'A2')).toBe(3);
  });

  it('keeps formulas the parser cannot read as text, with a warning', () => {
    const result = fromXLSX(xlsxWith('<sheetData><row r="1"><c r="A1"><f>SUM(A2:A3</f><v>0</v></c><c r="B1"><f>A2 A3</f></c></row></sheetData>'));
    expect(result.warnings).toEqual([{ code: 'formula-kept-as-text', count: 2, detail: '=SUM(A2:A3' }]);
    const wb = imported(result);
    expect(wb.getFormula('S', 'A1')).toBe('=SUM(A2:A3');
    expect(plain(wb.getValue('S', 'A1'))).toBe('#ERROR!');
    // Exported as text (a file must not hold a formula no program can read), so the text survives.
    expect(imported(fromXLSX(toXLSX(wb))).getValue('S', 'A1')).toBe('=SUM(A2:A3');
  });

  it('reads fonts, fills, borders, alignment and custom number formats from styles.xml', () => {
    const styles =
      `<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="170" formatCode="0.000"/></numFmts>` +
      '<fonts count="2"><font><sz val="11"/></font><font><b/><i val="1"/><u/><color rgb="FF112233"/><sz val="14"/></font></fonts>' +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>' +
      '<borders count="2"><border/><border><left style="thin"><color rgb="FF000000"/></left><bottom style="double"><color rgb="FFFF0000"/></bottom></border></borders>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="170" fontId="1" fillId="2" borderId="1"><alignment horizontal="right" vertical="center" wrapText="1"/></xf></cellXfs></styleSheet>';
    const wb = imported(fromXLSX(xlsxWith('<sheetData><row r="1"><c r="A1" s="1"><v>1.5</v></c></row></sheetData>', { 'xl/styles.xml': styles })));
    expect(wb.getFormat('S', 'A1')).toBe('0.000');
    expect(wb.getDisplay('S', 'A1')).toBe('1.500');
    expect(wb.getStyle('S', 'A1')).toMatchObject({ bold: true, italic: true, underline: true, color: '#112233', fontSize: 14, background: '#ffff00', align: 'right', valign: 'middle', wrap: true });
    // Borders are stored as line weights (double becomes thick), drawn in the grid's border colour.
    expect(getBorders(wb, 'S', 'A1')).toEqual({ left: { style: 'thin', color: '#000000' }, bottom: { style: 'thick', color: '#000000' } });
  });
});

describe('XLSX bad input', () => {
  const bad = {
    'not a zip': strToU8('PK this is not really a zip file at all'),
    truncated: toXLSX(sampleWorkbook()).subarray(0, 400),
    'zip bomb': zipSync({ 'xl/workbook.xml': new Uint8Array(40 * 1024 * 1024) }),
    'entity expansion': xlsxWith('<sheetData/>', { 'xl/workbook.xml': `<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><workbook ${MAIN}>&b;</workbook>` }),
    'external entity': xlsxWith('<sheetData/>', { 'xl/sharedStrings.xml': `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><sst ${MAIN}><si><t>&e;</t></si></sst>`, 'xl/_rels/workbook.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x" Target="sharedStrings.xml"/></Relationships>' }),
    'row beyond the limit': xlsxWith('<sheetData><row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>'),
    'column beyond the limit': xlsxWith('<sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData>'),
    'no workbook': zipSync({ 'xl/other.xml': strToU8('<a/>') }),
    'an ODS file': zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<a/>') }),
  };
  const expected: Record<keyof typeof bad, string> = {
    'not a zip': 'corrupt-archive',
    truncated: 'corrupt-archive',
    'zip bomb': 'archive-limits',
    'entity expansion': 'forbidden-xml',
    'external entity': 'forbidden-xml',
    'row beyond the limit': 'too-many-cells',
    'column beyond the limit': 'too-many-cells',
    'no workbook': 'missing-part',
    'an ODS file': 'wrong-format',
  };
  for (const [label, bytes] of Object.entries(bad)) {
    it(`refuses ${label} with ${expected[label as keyof typeof bad]}, leaving the workbook byte-identical`, () => {
      const wb = sampleWorkbook();
      const before = docState(wb);
      // The unpacked-size limit is lowered so the zip bomb test stays fast (the default is 200 MiB).
      expect(codeOf(() => importInto(wb, fromXLSX(bytes, { limits: { maxUnpackedBytes: 10 * 1024 * 1024 } }).data, { mode: 'replace' }))).toBe(expected[label as keyof typeof bad]);
      expect(docState(wb)).toEqual(before);
    });
  }

  it('refuses more cells than the limit', () => {
    const wb = sampleWorkbook();
    expect(codeOf(() => fromXLSX(toXLSX(wb), { limits: { maxCells: 10 } }))).toBe('too-many-cells');
    expect(codeOf(() => fromXLSX(toXLSX(wb), { limits: { maxRows: 5 } }))).toBe('too-many-cells');
  });
});
