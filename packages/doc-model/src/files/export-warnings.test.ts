import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import { exportWarnings } from './export-warnings.js';
import { exportDocument, importDocument } from './file-formats.js';
import type { FileFormat } from './file-formats.js';

const p = (text: string, level = 0): ProseMirrorNode => schema.node('paragraph', { level }, [schema.text(text)]);
const item = (...blocks: ProseMirrorNode[]): ProseMirrorNode => schema.node('list_item', null, blocks);
const bullets = (...items: ProseMirrorNode[]): ProseMirrorNode => schema.node('bullet_list', null, items);
const quote = (...blocks: ProseMirrorNode[]): ProseMirrorNode => schema.node('blockquote', null, blocks);
const code = (text: string): ProseMirrorNode => schema.node('code_block', null, [schema.text(text)]);
const cell = (...blocks: ProseMirrorNode[]): ProseMirrorNode => schema.node('table_cell', null, blocks);
const table = (...cells: ProseMirrorNode[][]): ProseMirrorNode => schema.node('table', null, cells.map((row) => schema.node('table_row', null, row)));
const doc = (...blocks: ProseMirrorNode[]): ProseMirrorNode => schema.node('doc', null, [...blocks, p('Ende')]);
const small = (): ProseMirrorNode => table([cell(p('A')), cell(p('B'))], [cell(p('C')), cell(p('D'))]);

/** Documents with blocks inside list items and quotes, by name. */
const CASES: Record<string, ProseMirrorNode> = {
  'item: paragraphs and a nested list': doc(bullets(item(p('eins'), p('weiter'), bullets(item(p('tief'))), p('danach')), item(p('zwei')))),
  'item: code block': doc(bullets(item(p('eins'), code('x = 1')), item(p('zwei')))),
  'item: table': doc(bullets(item(p('eins'), small()), item(p('zwei')))),
  'item: quote': doc(bullets(item(p('eins'), quote(p('zitiert'))), item(p('zwei')))),
  'item: heading': doc(bullets(item(p('eins'), p('Titel', 2)), item(p('zwei')))),
  'item: rule and page break': doc(bullets(item(p('eins'), schema.node('horizontal_rule'), schema.node('page_break'), p('zwei')))),
  'quote: paragraphs': doc(quote(p('a'), p('b'))),
  'quote: nested quote': doc(quote(p('a'), quote(p('tief')), p('b'))),
  'quote: code block': doc(quote(p('a'), code('c'))),
  'quote: list': doc(quote(p('a'), bullets(item(p('in quote'))))),
  'quote: table': doc(quote(p('a'), small())),
  'quote: heading': doc(quote(p('Titel', 2), p('a'))),
  'cell: quote with a list': doc(table([cell(quote(p('a'), bullets(item(p('b'))))), cell(p('c'))])),
  'cell: list with a code block': doc(table([cell(bullets(item(p('a'), code('b')))), cell(p('c'))])),
};

const FORMATS: FileFormat[] = ['odt', 'docx', 'markdown', 'html'];

describe('blocks inside list items and quotes', () => {
  for (const [name, source] of Object.entries(CASES)) {
    for (const format of FORMATS) {
      it(`${format}, ${name}: survives the round trip, or the export says what it changed`, () => {
        const back = importDocument(format, exportDocument(format, source)).doc;
        const warnings = exportWarnings(format, source);
        expect({ same: back.eq(source), warned: warnings.length > 0 }).toEqual({ same: !warnings.length, warned: !back.eq(source) });
      });
    }
  }
});
