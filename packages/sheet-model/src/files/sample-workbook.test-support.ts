import * as Y from 'yjs';
import { createWorkbook } from '../workbook.js';
import type { Workbook } from '../workbook.js';

/** A fresh workbook (English locale). */
export function emptyWorkbook(locale: 'en' | 'de' = 'en'): Workbook {
  return createWorkbook(new Y.Doc(), { locale, rows: 100, cols: 12 });
}

/**
 * A workbook with two sheets, values of every type, formulas within and across sheets, number formats, styles,
 * borders, layout and a named range — the sample every round trip and LibreOffice check uses.
 */
export function sampleWorkbook(): Workbook {
  const wb = emptyWorkbook();
  wb.renameSheet('Sheet1', 'Data');
  wb.addSheet('Summe und Rest');
  wb.setCells('Data', 'A1', [
    ['Item', 'Count', 'Price', 'Total', 'Flag'],
    ['Äpfel', 3, 1.25, '=B2*C2', true],
    ['Birnen "fein"', 4, 2.5, '=B3*C3', false],
    ['Kirschen, rot', 10, 0.3, '=B4*C4', '=B4>5'],
    ['=UPPER(A2)', '=SUM(B2:B4)', '=AVERAGE(C2:C4)', '=SUM(D2:D4)', '=IF(D5>10,"big","small")'],
  ]);
  wb.setCell('Data', 'A6', 'Line one\nline two');
  wb.setCell('Data', 'B6', '=1/0');
  wb.setCell('Data', 'C6', '=ROUND(PI(),4)');
  wb.setCell('Data', 'D6', '2024-12-24');
  wb.setCell('Data', 'E6', '=D6+7');
  wb.setFormat('Data', 'E6', 'YYYY-MM-DD');
  wb.setCell('Data', 'A7', '=CONCATENATE("x";A3)');
  wb.setCell('Data', 'B7', '=IFERROR(B6,-1)');
  wb.setCell('Data', 'C7', '=VLOOKUP("Birnen*",A2:C4,3,FALSE)');
  wb.setCell('Data', 'D7', 0.125);
  wb.setFormat('Data', 'D7', '0.0%');
  wb.setCell('Data', 'E7', '=TEXT(D7,"0.00")');
  wb.setFormat('Data', 'C2:C4', '#,##0.00');
  wb.setStyle('Data', 'A1:E1', { bold: true, background: '#dde8f0', align: 'center' });
  wb.setStyle('Data', 'A2', { italic: true, underline: true, color: '#c00000' });
  wb.setStyle('Data', 'A3', { strike: true, valign: 'top', wrap: true });
  // Borders (line weights), written into the style map as the workbook stores them.
  const id = wb.sheetId('Data');
  const rows = wb.model.rows(id);
  const cols = wb.model.cols(id);
  wb.doc.transact(() => {
    const styles = wb.model.sheet(id).styles;
    for (let c = 0; c < 5; c++) styles.set(`${rows[4]}:${cols[c]}:borderTop`, 'medium');
    styles.set(`${rows[1]}:${cols[3]}:borderLeft`, 'thin');
    styles.set(`${rows[1]}:${cols[3]}:borderRight`, 'thick');
  });
  wb.setColumnWidth('Data', 0, 140);
  wb.setRowHeight('Data', 0, 30);
  wb.setFrozen('Data', 1, 1);
  // Hidden lines past the data (so LibreOffice's CSV of the sheet is unchanged): column G, rows 12 and 13.
  wb.setHidden('Data', 'cols', 6, 6, true);
  wb.setHidden('Data', 'rows', 11, 12, true);
  wb.merge('Data', 'A9:C10');
  wb.setCell('Data', 'A9', 'Merged');
  wb.defineName('Prices', 'Data!$C$2:$C$4');
  wb.setCell('Summe und Rest', 'A1', '=SUM(Data!D2:D4)');
  wb.setCell('Summe und Rest', 'A2', '=SUM(Prices)*2');
  wb.setCell('Summe und Rest', 'A3', "='Summe und Rest'!A1+1");
  wb.setCell('Summe und Rest', 'A4', '=MAX(Data!B2:B4)-MIN(Data!B2:B4)');
  wb.setCell('Summe und Rest', 'B1', '=COUNTIF(Data!B2:B4,">3")');
  wb.setCell('Summe und Rest', 'B2', '=LEN(Data!A3)');
  wb.setCell('Summe und Rest', 'B3', '=MOD(17,5)+POWER(2,3)');
  wb.setCell('Summe und Rest', 'B4', '=AND(Data!E2,NOT(Data!E3))');
  return wb;
}
