import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FileImportError } from '@allmende/office-files';
import { plain } from '../sheet.test-support.js';
import { importInto } from './import-into.js';
import { fromOpenFormula, toOpenFormula } from './ods-formula.js';
import { formatCodeOf, odfNumberStyles } from './ods-number-style.js';
import { fromODS } from './ods-read.js';
import { toODS } from './ods-write.js';
import { docState, expectSameWorkbook, imported } from './round-trip.test-support.js';
import { emptyWorkbook, sampleWorkbook } from './sample-workbook.test-support.js';
import { parseXML, DEFAULT_FILE_LIMITS, childElements } from '@allmende/office-files';
import { ODF_PREFIXES, odfNamespaces } from './ods-names.js';

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof FileImportError ? error.code : `other: ${String(error)}`;
  }
}

const HEAD = `<office:document-content ${Object.entries(odfNamespaces('office', 'table', 'text', 'style', 'fo', 'number')).map(([k, v]) => `${k}="${v}"`).join(' ')} office:version="1.3">`;

function odsWith(tables: string, extra: Record<string, string> = {}): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(`${HEAD}<office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`),
    ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, strToU8(v)])),
  });
}

describe('OpenFormula translation', () => {
  it('writes references in brackets, ; between arguments and TRUE()', () => {
    expect(toOpenFormula('=SUM(A1:B2,$C$3)*2')).toBe('of:=SUM([.A1:.B2];[.$C$3])*2');
    expect(toOpenFormula("='Summe und Rest'!A1+Data!B$2")).toBe("of:=[$'Summe und Rest'.A1]+[$Data.B$2]");
    expect(toOpenFormula('=AND(TRUE,A:A>1,{1,2;3,4})')).toBe('of:=AND(TRUE();[.A:.A]>1;{1;2|3;4})');
    expect(toOpenFormula('=IFS(A1>1,"a;b",TRUE,"c")')).toBe('of:=COM.MICROSOFT.IFS([.A1]>1;"a;b";TRUE();"c")');
  });

  it('reads them back, including what LibreOffice writes', () => {
    for (const formula of ['=SUM(A1:B2,$C$3)*2', "='Summe und Rest'!A1+Data!B$2", '=AND(TRUE,A:A>1,{1,2;3,4})', '=IFS(A1>1,"a;b",TRUE,"c")', '=IF(A1="[x]",1,-2%)']) {
      expect(fromOpenFormula(toOpenFormula(formula)!)).toBe(formula);
    }
    expect(fromOpenFormula('of:=SUM([$Sheet1.A1:$Sheet1.B2])')).toBe('=SUM(Sheet1!A1:B2)');
    expect(fromOpenFormula('of:=[.A1]+[$#REF!.B1]')).toBe('=A1+#REF!');
    expect(fromOpenFormula('msoxl:=SUM(A1:A3)')).toBe('=SUM(A1:A3)');
    expect(fromOpenFormula('ooow:something')).toBeNull();
  });
});

describe('ODF number styles', () => {
  const roundTrip = (code: string): string | undefined => {
    const xml = `<office:automatic-styles ${Object.entries(odfNamespaces('office', 'style', 'number', 'fo')).map(([k, v]) => `${k}="${v}"`).join(' ')}>${odfNumberStyles(code, 'N1')}</office:automatic-styles>`;
    const root = parseXML(xml, 't', DEFAULT_FILE_LIMITS, ODF_PREFIXES);
    return formatCodeOf(new Map(childElements(root).map((el) => [el.attrs['style:name']!, el])), 'N1');
  };
  it('round-trips the format codes of the model', () => {
    for (const code of ['0', '0.00', '#,##0', '#,##0.00', '0%', '0.0%', '0.00E+00', '#,##0.00 €', 'DD.MM.YYYY', 'YYYY-MM-DD', 'MM/DD/YYYY', 'hh:mm', 'hh:mm:ss', 'DD.MM.YYYY hh:mm', 'D. MMMM YYYY', '@', '#,##0.00;[RED]-#,##0.00']) {
      expect(roundTrip(code), code).toBe(code);
    }
  });
});

describe('ODS round trip', () => {
  it('model → ODS → model keeps values, formulas, formats, styles, borders and layout', () => {
    const wb = sampleWorkbook();
    const back = imported(fromODS(toODS(wb)));
    expectSameWorkbook(back, wb);
    expect(back.getValue('Summe und Rest', 'A2')).toBe(8.1);
    expect(plain(back.getValue('Data', 'B6'))).toBe('#DIV/0!');
  });

  it('ODS → model → ODS writes the same file again', () => {
    const first = toODS(sampleWorkbook());
    expect(toODS(imported(fromODS(first)))).toEqual(first);
  });

  it('writes of: formulas, value types and cached display text', () => {
    const content = strFromU8(unzipSync(toODS(sampleWorkbook()))['content.xml']!);
    expect(content).toContain('table:formula="of:=[.B2]*[.C2]" office:value-type="float" office:value="3.75"');
    expect(content).toContain('office:value-type="date" office:date-value="2024-12-31"');
    expect(content).toContain('table:number-columns-spanned="3" table:number-rows-spanned="2"');
    expect(content).toContain('<table:named-range table:name="Prices"');
    const none = strFromU8(unzipSync(toODS(sampleWorkbook(), { cachedValues: false }))['content.xml']!);
    expect(none).toContain('<table:table-cell table:formula="of:=[.B3]*[.C3]"/>');
  });

  it('reads repeated rows and cells, column default styles, spaces and line breaks', () => {
    const styles = '<office:automatic-styles><style:style style:name="b" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style></office:automatic-styles>';
    const bytes = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(
        `${HEAD}${styles}<office:body><office:spreadsheet><table:table table:name="T"><table:table-column table:default-cell-style-name="b"/><table:table-column table:number-columns-repeated="1023"/>` +
          '<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="float" office:value="7" table:number-columns-repeated="2"/></table:table-row>' +
          '<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="2"/>b</text:p><text:p>c</text:p></table:table-cell></table:table-row>' +
          '<table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>',
      ),
    });
    const wb = imported(fromODS(bytes));
    expect([wb.getValue('T', 'A1'), wb.getValue('T', 'B1'), wb.getValue('T', 'A2'), wb.getValue('T', 'B2')]).toEqual([7, 7, 7, 7]);
    expect(wb.getValue('T', 'A3')).toBe('a  b\nc');
    expect(wb.getStyle('T', 'A1')).toEqual({ bold: true });
    expect(wb.getStyle('T', 'B1')).toEqual({});
    expect(wb.size('T').rows).toBe(1000);
  });

  it('keeps formulas it cannot read as text, with a warning', () => {
    const result = fromODS(odsWith('<table:table table:name="T"><table:table-row><table:table-cell table:formula="of:=[.A2]~[.A3]"/><table:table-cell table:formula="ooow:WEIRD"/><table:table-cell table:formula="of:=SUM([.A2]"/></table:table-row></table:table>'));
    expect(result.warnings).toEqual([{ code: 'formula-kept-as-text', count: 3, detail: 'of:=[.A2]~[.A3]' }]);
    const wb = imported(result);
    expect(wb.getFormula('T', 'A1')).toBe('=[.A2]~[.A3]');
    expect(wb.getFormula('T', 'C1')).toBe('=SUM(A2');
    expect(plain(wb.getValue('T', 'C1'))).toBe('#ERROR!');
  });
});

describe('ODS bad input', () => {
  const cases: [string, () => Uint8Array, string][] = [
    ['not a zip', () => strToU8('PK not a real zip, just text'), 'corrupt-archive'],
    ['a truncated file', () => toODS(sampleWorkbook()).subarray(0, 300), 'corrupt-archive'],
    // 40 MB of zeros deflate to about 40 kB; the limit is lowered so the test stays fast.
    ['a zip bomb', () => zipSync({ 'content.xml': new Uint8Array(40 * 1024 * 1024) }), 'archive-limits'],
    ['entity expansion', () => odsWith('<!DOCTYPE x [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]>'), 'bad-xml'],
    ['a DOCTYPE with an external entity', () => zipSync({ 'content.xml': strToU8('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>') }), 'forbidden-xml'],
    ['rows beyond the limit', () => odsWith('<table:table table:name="T"><table:table-row table:number-rows-repeated="1048576"><table:table-cell/></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>'), 'too-many-cells'],
    ['columns beyond the limit', () => odsWith('<table:table table:name="T"><table:table-row><table:table-cell table:number-columns-repeated="16384"/><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>'), 'too-many-cells'],
    ['a text document', () => zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<a/>') }), 'wrong-format'],
    ['no content', () => zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'styles.xml': strToU8('<a/>') }), 'missing-part'],
  ];
  for (const [label, make, code] of cases) {
    it(`refuses ${label} with ${code}, leaving the workbook byte-identical`, () => {
      const wb = sampleWorkbook();
      const before = docState(wb);
      expect(codeOf(() => importInto(wb, fromODS(make(), { limits: { maxUnpackedBytes: 10 * 1024 * 1024 } }).data, { mode: 'new-sheets' }))).toBe(code);
      expect(docState(wb)).toEqual(before);
    });
  }

  it('refuses more cells than the limit', () => {
    expect(codeOf(() => fromODS(toODS(sampleWorkbook()), { limits: { maxCells: 10 } }))).toBe('too-many-cells');
    expect(codeOf(() => fromODS(toODS(emptyWorkbook()), { limits: { maxCells: 10 } }))).toBe('no error');
  });
});
