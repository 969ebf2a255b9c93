import { strFromU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { fromDOCX } from './docx-read.js';
import { toDOCX } from './docx-write.js';
import { convertWithLibreOffice, disposeLibreOffice, htmlStructure } from './libreoffice.test-support.js';
import { fromODT } from './odt-read.js';
import { toODT } from './odt-write.js';
import { richSample, SAMPLE_CELLS, SAMPLE_HEADINGS, SAMPLE_LINKS, SAMPLE_LIST_ITEMS } from './sample-doc.test-support.js';

// LibreOffice is slow to start (seconds per conversion); conversions run one after another.
const TIMEOUT = 180_000;

describe('exports checked by LibreOffice', () => {
  afterAll(disposeLibreOffice);

  for (const [format, write, extension] of [
    ['ODT', toODT, 'odt'],
    ['DOCX', toDOCX, 'docx'],
  ] as const) {
    it(
      `LibreOffice reads the ${format} export with its headings, list items, table cells and links`,
      () => {
        const html = strFromU8(convertWithLibreOffice(write(richSample()), `sample.${extension}`, 'html', 'html'));
        const structure = htmlStructure(html);
        expect(structure.headings).toEqual(SAMPLE_HEADINGS);
        expect(structure.listItems).toEqual(SAMPLE_LIST_ITEMS);
        expect(structure.cells).toEqual(SAMPLE_CELLS);
        expect(structure.spans).toEqual(['Satzung (zusammengeführt):2x1', 'Q2:1x2']);
        for (const link of SAMPLE_LINKS) expect(structure.links).toContain(link);
      },
      TIMEOUT,
    );
  }

  it(
    'reads back what LibreOffice saves from our exports (ODT → DOCX and DOCX → ODT)',
    () => {
      const fromLibreDocx = fromDOCX(convertWithLibreOffice(toODT(richSample()), 'sample.odt', 'docx:MS Word 2007 XML', 'docx')).doc;
      const fromLibreOdt = fromODT(convertWithLibreOffice(toDOCX(richSample()), 'sample.docx', 'odt', 'odt')).doc;
      for (const doc of [fromLibreDocx, fromLibreOdt]) {
        const headings: string[] = [];
        const cells: string[] = [];
        let images = 0;
        let tasks = 0;
        doc.descendants((node) => {
          if (node.type.name === 'paragraph' && Number(node.attrs['level']) > 0) headings.push(node.textContent);
          if (node.type.name === 'table_cell' || node.type.name === 'table_header') cells.push(node.textContent);
          if (node.type.name === 'image') images++;
          if (node.type.name === 'task_item') tasks++;
        });
        expect(headings).toEqual(SAMPLE_HEADINGS);
        expect(cells).toEqual(SAMPLE_CELLS);
        expect(images).toBe(2);
        expect(tasks).toBe(2);
      }
    },
    TIMEOUT,
  );
});
