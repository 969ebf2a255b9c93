import { strFromU8 } from 'fflate';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import { toDOCX } from './docx-write.js';
import { convertWithLibreOffice, disposeLibreOffice, htmlStructure } from './libreoffice.test-support.js';
import { fromODT } from './odt-read.js';
import { toODT } from './odt-write.js';
import { headerColumnTable } from './sample-doc.test-support.js';

const TIMEOUT = 300_000;
const p = (text: string): ProseMirrorNode => schema.node('paragraph', null, [schema.text(text)]);
const cell = (text: string): ProseMirrorNode => schema.node('table_cell', null, [p(text)]);

/** A list whose first item holds a code block, a table, a quote and a further paragraph, inside an ordered list. */
function listWithBlocks(): ProseMirrorNode {
  const table = schema.node('table', null, [schema.node('table_row', null, [cell('A1'), cell('B1')]), schema.node('table_row', null, [cell('C1'), cell('D1')])]);
  return schema.node('doc', null, [
    schema.node('ordered_list', { order: 1 }, [
      schema.node('list_item', null, [p('eins'), schema.node('bullet_list', null, [schema.node('list_item', null, [p('tief'), table, p('tief weiter')])]), schema.node('code_block', null, [schema.text('x = 1')]), schema.node('blockquote', null, [p('zitiert')])]),
      schema.node('list_item', null, [p('zwei')]),
    ]),
    p('Ende'),
  ]);
}

describe('blocks in list items and header cells, checked by LibreOffice', () => {
  afterAll(disposeLibreOffice);

  it(
    'LibreOffice shows a table inside a list item of our ODT (the list closes around it) and every paragraph of the item',
    () => {
      const html = strFromU8(convertWithLibreOffice(toODT(listWithBlocks()), 'liste.odt', 'html', 'html'));
      const structure = htmlStructure(html);
      expect(structure.cells).toEqual(['A1', 'B1', 'C1', 'D1']);
      for (const text of ['eins', 'tief', 'tief weiter', 'x = 1', 'zitiert', 'zwei', 'Ende']) expect(html).toContain(text);
      // The numbering goes on after the table: the second item is still number 2.
      const back = fromODT(convertWithLibreOffice(toODT(listWithBlocks()), 'liste.odt', 'odt', 'odt')).doc;
      expect(back.textContent).toBe('einstiefA1B1C1D1tief weiterx = 1zitiertzweiEnde');
    },
    TIMEOUT,
  );

  it(
    'LibreOffice reads the header column of our DOCX as Table Heading cells, which our ODT reader reads as header cells',
    () => {
      const back = fromODT(convertWithLibreOffice(toDOCX(headerColumnTable()), 'kopf.docx', 'odt', 'odt')).doc;
      const kinds: string[] = [];
      back.descendants((node) => {
        if (node.type.name === 'table_row') kinds.push(node.content.content.map((cell) => (cell.type.name === 'table_header' ? 'H' : 'c')).join(''));
        return node.type.name !== 'table_cell' && node.type.name !== 'table_header';
      });
      expect(kinds).toEqual(['HHH', 'Hcc', 'Hcc', 'cHc']);
    },
    TIMEOUT,
  );
});
