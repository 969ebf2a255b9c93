import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { schema } from '../schema.js';

/** A 4×3 red PNG. */
export const RED_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGP4z8AARww4OQD1MQv1NXv7ggAAAABJRU5ErkJggg==';

const m = schema.marks;
const t = (text: string, ...marks: Mark[]): ProseMirrorNode => schema.text(text, marks);
const p = (...content: ProseMirrorNode[]): ProseMirrorNode => schema.node('paragraph', null, content);
const pa = (attrs: Record<string, unknown>, ...content: ProseMirrorNode[]): ProseMirrorNode => schema.node('paragraph', attrs, content);
const h = (level: number, text: string): ProseMirrorNode => schema.node('paragraph', { level }, [t(text)]);
const li = (...content: ProseMirrorNode[]): ProseMirrorNode => schema.node('list_item', null, content);
const cell = (text: string, attrs: Record<string, unknown> = {}): ProseMirrorNode => schema.node('table_cell', attrs, [p(t(text))]);
const th = (text: string): ProseMirrorNode => schema.node('table_header', null, [p(t(text))]);

/** The headings of {@link richSample}, in order. */
export const SAMPLE_HEADINGS = ['Protokoll der Sitzung', 'Tagesordnung', 'Beschlüsse', 'Anhang'];
/** The texts of the list items of {@link richSample} (first paragraph of each), in document order. */
export const SAMPLE_LIST_ITEMS = ['Begrüßung', 'Bericht des Vorstands', 'Kassenbericht', 'Prüfung der Kasse', 'Entlastung', 'Haushalt 2027', 'Satzungsänderung', 'Protokoll versenden', 'Raum buchen'];
/** The table cell texts of {@link richSample}, row by row. */
export const SAMPLE_CELLS = ['Punkt', 'Verantwortlich', 'Frist', 'Haushalt', 'Kämmerei', 'März', 'Satzung (zusammengeführt)', 'Q2', 'Wahl', 'Vorstand'];
/** The link targets of {@link richSample}. */
export const SAMPLE_LINKS = ['https://example.org/satzung?version=2&lang=de', 'mailto:vorstand@example.org'];

/**
 * A document with every feature the file formats carry: headings 1–3,
 * aligned and indented paragraphs, every mark, colours and highlight,
 * links, nested bullet and numbered lists (with a start number), a task
 * list, a table with a header row and merged cells, an image, a page
 * break, a quote, a code block and a horizontal rule, and a run of two
 * spaces (which HTML and Markdown collapse unless the writer keeps them;
 * `collapsedSpaces` gives the variant with one space).
 */
export function richSample(options: { collapsedSpaces?: boolean } = {}): ProseMirrorNode {
  const spaces = options.collapsedSpaces ? ' ' : '  ';
  return schema.node('doc', null, [
    h(1, SAMPLE_HEADINGS[0]!),
    pa({ align: 'center' }, t('Zentriert: '), t('fett', m.bold.create()), t(', '), t('kursiv', m.italic.create()), t(' und '), t('unterstrichen', m.underline.create())),
    pa(
      { align: 'justify', indent: 1 },
      t('Blocksatz, eingerückt, mit '),
      t('durchgestrichen', m.strikethrough.create()),
      t(', H'),
      t('2', m.subscript.create()),
      t('O, x'),
      t('2', m.superscript.create()),
      t(', '),
      t('rot', m.text_color.create({ color: '#c00000' })),
      t(' und '),
      t('markiert', m.highlight.create({ color: '#ffff00' })),
      t(' und '),
      t('alles', m.bold.create(), m.italic.create(), m.text_color.create({ color: '#1f4e79' })),
      t('.'),
    ),
    pa({ align: 'right' }, t('Rechts: '), t('Satzung', m.link.create({ href: SAMPLE_LINKS[0] })), t(' und '), t('E-Mail', m.link.create({ href: SAMPLE_LINKS[1] })), t(' und '), t('print()', m.code.create())),
    p(t('Zeile eins'), schema.node('hard_break'), t(`Zeile zwei mit${spaces}zwei Leerzeichen`)),
    h(2, SAMPLE_HEADINGS[1]!),
    schema.node('ordered_list', { order: 1 }, [
      li(p(t(SAMPLE_LIST_ITEMS[0]!))),
      li(
        p(t(SAMPLE_LIST_ITEMS[1]!)),
        schema.node('bullet_list', null, [li(p(t(SAMPLE_LIST_ITEMS[2]!))), li(p(t(SAMPLE_LIST_ITEMS[3]!)), schema.node('bullet_list', null, [li(p(t(SAMPLE_LIST_ITEMS[4]!)))]))]),
      ),
    ]),
    schema.node('ordered_list', { order: 3 }, [li(p(t(SAMPLE_LIST_ITEMS[5]!))), li(p(t(SAMPLE_LIST_ITEMS[6]!)))]),
    schema.node('task_list', null, [
      schema.node('task_item', { checked: true }, [p(t(SAMPLE_LIST_ITEMS[7]!))]),
      schema.node('task_item', { checked: false }, [p(t(SAMPLE_LIST_ITEMS[8]!))]),
    ]),
    h(2, SAMPLE_HEADINGS[2]!),
    schema.node('table', null, [
      schema.node('table_row', null, [th(SAMPLE_CELLS[0]!), th(SAMPLE_CELLS[1]!), th(SAMPLE_CELLS[2]!)]),
      schema.node('table_row', null, [cell(SAMPLE_CELLS[3]!), cell(SAMPLE_CELLS[4]!), cell(SAMPLE_CELLS[5]!)]),
      schema.node('table_row', null, [cell(SAMPLE_CELLS[6]!, { colspan: 2 }), cell(SAMPLE_CELLS[7]!, { rowspan: 2 })]),
      schema.node('table_row', null, [cell(SAMPLE_CELLS[8]!), cell(SAMPLE_CELLS[9]!)]),
    ]),
    schema.node('blockquote', null, [p(t('Ein Zitat über zwei Absätze.')), p(t('Zweiter Absatz des Zitats.'))]),
    schema.node('code_block', null, [t('const a = 1;\n  if (a < 2) {\n    return "<ok>";\n  }')]),
    schema.node('horizontal_rule'),
    schema.node('page_break'),
    h(3, SAMPLE_HEADINGS[3]!),
    p(t('Bild: '), schema.node('image', { src: RED_PNG, alt: 'Rotes Rechteck', title: null, width: null }), t(' und breiter '), schema.node('image', { src: RED_PNG, alt: 'Breit', title: null, width: 120 })),
  ]);
}

/** A table with a header row and a header column, and a header cell on its own in the last row. */
export function headerColumnTable(): ProseMirrorNode {
  const th = (...blocks: ProseMirrorNode[]): ProseMirrorNode => schema.node('table_header', null, blocks);
  const td = (text: string): ProseMirrorNode => schema.node('table_cell', null, [p(t(text))]);
  const row = (...cells: ProseMirrorNode[]): ProseMirrorNode => schema.node('table_row', null, cells);
  return schema.node('doc', null, [
    schema.node('table', null, [
      row(th(p()), th(p(t('2026'))), th(p(t('2027')))),
      row(th(p(t('Einnahmen'))), td('10'), td('12')),
      row(th(p(t('Ausgaben')), p(t('zweiter Absatz'))), td('9'), td('11')),
      row(td('Summe'), th(p()), td('1')),
    ]),
  ]);
}

