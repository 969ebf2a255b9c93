import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromDOCX } from './docx-read.js';
import { toDOCX } from './docx-write.js';
import { exportDocument, importDocument } from './file-formats.js';
import { headerColumnTable } from './sample-doc.test-support.js';
import type { FileFormat } from './file-formats.js';

describe('header cells outside header rows', () => {
  it.each(['odt', 'docx', 'markdown', 'html'] as FileFormat[])('%s keeps a header column and a lone header cell', (format) => {
    const source = headerColumnTable();
    const back = importDocument(format, exportDocument(format, source));
    expect(back.doc.toJSON()).toEqual(source.toJSON());
  });

  it('DOCX marks the header row with w:tblHeader and other header cells with the Table Heading paragraph style', () => {
    const files = unzipSync(toDOCX(headerColumnTable()));
    const body = strFromU8(files['word/document.xml']!);
    const rows = body.split('<w:tr>').slice(1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).not.toContain('TableHeading');
    expect(rows[1]!.match(/w:val="TableHeading"/g)).toHaveLength(1);
    expect(rows[2]!.match(/w:val="TableHeading"/g)).toHaveLength(2);
    expect(rows[3]!.match(/w:val="TableHeading"/g)).toHaveLength(1);
    expect(strFromU8(files['word/styles.xml']!)).toMatch(/<w:style w:type="paragraph" w:styleId="TableHeading"><w:name w:val="Table Heading"\/>/);
  });

  it('reads a Word or LibreOffice cell whose paragraph has the Table Heading style as a header cell', () => {
    const back = fromDOCX(toDOCX(headerColumnTable())).doc;
    const kinds: string[] = [];
    back.descendants((node) => {
      if (node.type.name === 'table_row') kinds.push(node.content.content.map((cell) => (cell.type.name === 'table_header' ? 'H' : 'c')).join(''));
      return node.type.name !== 'table_cell' && node.type.name !== 'table_header';
    });
    expect(kinds).toEqual(['HHH', 'Hcc', 'Hcc', 'cHc']);
  });
});
