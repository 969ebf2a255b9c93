import { describe, expect, it } from 'vitest';
import { decodeEntities, parseHtmlTable, parseTsv, toHtmlTable, toTsv } from './clipboard.js';
import { shiftFormula } from './formula-shift.js';

describe('TSV', () => {
  it('round-trips tabs, line breaks and quotes', () => {
    const rows = [
      ['a', 'b\tc', ''],
      ['line\nbreak', 'say "hi"', '1,5'],
    ];
    const text = toTsv(rows);
    expect(text).toBe('a\t"b\tc"\t\r\n"line\nbreak"\t"say ""hi"""\t1,5\r\n');
    expect(parseTsv(text)).toEqual(rows);
  });

  it('reads LF and CR line ends and no trailing break', () => {
    expect(parseTsv('1\t2\n3\t4')).toEqual([['1', '2'], ['3', '4']]);
    expect(parseTsv('x\ry\r')).toEqual([['x'], ['y']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('keeps a quote that does not open a quoted field literally', () => {
    expect(parseTsv('"abc"def\tx\n')).toEqual([['"abc"def', 'x']]);
    expect(parseTsv('"never closed\tstill\n')).toEqual([['"never closed', 'still']]);
  });
});

describe('HTML tables', () => {
  it('reads a LibreOffice Calc clipboard with raw numbers and spans', () => {
    const html = `<!DOCTYPE html><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/>
      <style type="text/css">td { color: red }</style></head><body>
      <table cellspacing="0" border="0"><colgroup width="85"></colgroup>
      <tr><td height="17" align="left">Name</td><td align="left">Betrag</td></tr>
      <tr><td align="left">Miete</td><td align="right" sdval="1234.5" sdnum="1031;0;#.##0,00">1.234,50</td></tr>
      <tr><td colspan="2" align="left">A &amp; B<br>zweite Zeile</td></tr>
      </table></body></html>`;
    expect(parseHtmlTable(html)).toEqual([
      ['Name', 'Betrag'],
      ['Miete', 1234.5],
      ['A & B\nzweite Zeile', ''],
    ]);
  });

  it('reads Google Sheets and Excel raw values', () => {
    const google = `<google-sheets-html-origin><table><tbody><tr><td data-sheets-value='{"1":3,"3":42}'>42,00</td><td data-sheets-value='{"1":2,"2":"x"}'>x</td></tr></tbody></table>`;
    expect(parseHtmlTable(google)).toEqual([[42, 'x']]);
    const excel = `<table><tr><td class=xl65 x:num="0.25">25%</td><td>&#8364;&nbsp;5</td></tr></table>`;
    expect(parseHtmlTable(excel)).toEqual([[0.25, '€ 5']]);
  });

  it('never turns markup into anything but text', () => {
    const hostile = `<table><tr><td><img src=x onerror="alert(1)">safe<script>alert(2)</script></td><td><!-- <td>no</td> -->ok</td></tr></table>`;
    expect(parseHtmlTable(hostile)).toEqual([['safe', 'ok']]);
    expect(parseHtmlTable('<p>no table here</p>')).toBeNull();
  });

  it('fills rowspans with empty cells and caps absurd spans', () => {
    expect(parseHtmlTable('<table><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></table>')).toEqual([
      ['a', 'b'],
      ['', 'c'],
    ]);
    const wide = parseHtmlTable('<table><tr><td colspan="99999999">x</td></tr></table>');
    expect(wide?.[0]?.length).toBe(1000);
  });

  it('writes tables that read back', () => {
    const rows = [['<b>', 'a&b'], ['two\nlines', '']];
    expect(parseHtmlTable(toHtmlTable(rows))).toEqual(rows);
  });

  it('decodes numeric and named references, and leaves unknown ones', () => {
    expect(decodeEntities('&#x41;&#66;&lt;&unknown;&#0;')).toBe('AB<&unknown;\ufffd');
  });
});

describe('shiftFormula', () => {
  it('moves relative references and keeps absolute parts', () => {
    expect(shiftFormula('=A1+$B$2+C$3+$D4', 2, 1)).toBe('=B3+$B$2+D$3+$D6');
    expect(shiftFormula('=SUM(A1:B2)', 1, 0)).toBe('=SUM(A2:B3)');
  });

  it('turns references pushed off the sheet into #REF! and leaves plain text alone', () => {
    expect(shiftFormula('=A1*2', -1, 0)).toBe('=#REF!*2');
    expect(shiftFormula('hello', 3, 3)).toBe('hello');
    expect(shiftFormula('=SUM(', 1, 1)).toBe('=SUM(');
  });
});
