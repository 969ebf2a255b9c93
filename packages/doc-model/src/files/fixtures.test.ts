import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { fromDOCX } from './docx-read.js';
import { fromODT } from './odt-read.js';

// Files LibreOffice 7.4 made from fixtures/source.html (see fixtures/make-fixtures.sh).
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url))));

/** Node names with trimmed texts and the attributes that carry structure. */
function outline(node: ProseMirrorNode): unknown {
  if (node.isText) return (node.text ?? '').trim();
  const attrs: string[] = [];
  const level = Number(node.attrs['level'] ?? 0);
  if (node.type.name === 'paragraph' && level > 0) attrs.push(`h${level}`);
  if (node.attrs['align']) attrs.push(String(node.attrs['align']));
  if (Number(node.attrs['colspan'] ?? 1) > 1) attrs.push(`colspan=${String(node.attrs['colspan'])}`);
  if (Number(node.attrs['rowspan'] ?? 1) > 1) attrs.push(`rowspan=${String(node.attrs['rowspan'])}`);
  if (node.type.name === 'image') return `image${node.attrs['width'] ? ` width=${String(node.attrs['width'])}` : ''}`;
  const children: unknown[] = [];
  if (node.isTextblock) {
    children.push(node.textContent.trim());
    node.forEach((child) => {
      if (child.type.name === 'image') children.push(outline(child));
    });
  } else node.forEach((child) => children.push(outline(child)));
  return [node.type.name + (attrs.length ? `(${attrs.join(',')})` : ''), ...children];
}

const EXPECTED = [
  'doc',
  ['paragraph(h1)', 'Bericht an den Rat'],
  ['paragraph(center)', 'Ein zentrierter Absatz mit fettem, kursivem, unterstrichenem und durchgestrichenem Text, H2O und m2.'],
  ['paragraph', 'Farbig: rot und ein Link zur Sitzung.'],
  ['paragraph(h2)', 'Punkte'],
  [
    'ordered_list',
    ['list_item', ['paragraph', 'Erster Punkt']],
    ['list_item', ['paragraph', 'Zweiter Punkt'], ['bullet_list', ['list_item', ['paragraph', 'Unterpunkt A']], ['list_item', ['paragraph', 'Unterpunkt B']]]],
    ['list_item', ['paragraph', 'Dritter Punkt']],
  ],
  ['paragraph(h2)', 'Tabelle'],
  [
    'table',
    ['table_row', ['table_header', ['paragraph(center)', 'Posten']], ['table_header', ['paragraph(center)', 'Betrag']], ['table_header', ['paragraph(center)', 'Stand']]],
    ['table_row', ['table_cell(colspan=2)', ['paragraph', 'Zusammengefasst']], ['table_cell(rowspan=2)', ['paragraph', 'offen']]],
    ['table_row', ['table_cell', ['paragraph', 'Miete']], ['table_cell', ['paragraph', '1200']]],
  ],
  ['blockquote', ['paragraph', 'Ein zitierter Absatz.']],
  ['code_block', 'zeile 1\n  zeile 2'],
  ['page_break'],
  ['paragraph(h3)', 'Nach dem Seitenumbruch'],
  ['paragraph', 'Bild:', 'image width=40'],
];

/** The marks on the text of a paragraph, as `text:mark+mark`, for texts with marks. */
function markedTexts(paragraph: ProseMirrorNode): string[] {
  const out: string[] = [];
  paragraph.forEach((child) => {
    if (child.isText && child.marks.length) out.push(`${child.text}:${child.marks.map((mark) => mark.type.name + (mark.attrs['color'] ?? mark.attrs['href'] ?? '')).join('+')}`);
  });
  return out;
}

describe('files made by LibreOffice', () => {
  for (const [name, read] of [
    ['libreoffice.odt', fromODT],
    ['libreoffice.docx', fromDOCX],
  ] as const) {
    it(`imports ${name} with its structure`, () => {
      const result = read(fixture(name));
      expect(outline(result.doc)).toEqual(EXPECTED);
      expect(result.warnings).toEqual([]);
      expect(markedTexts(result.doc.child(1))).toEqual(['fettem:bold', 'kursivem:italic', 'unterstrichenem:underline', 'durchgestrichenem:strikethrough', '2:subscript', '2:superscript']);
      expect(markedTexts(result.doc.child(2))).toEqual(['rot:text_color#c00000', 'Link zur Sitzung:linkhttps://example.org/rat?sitzung=7&top=3']);
      let image: ProseMirrorNode | null = null;
      result.doc.descendants((node) => {
        if (node.type.name === 'image') image = node;
      });
      expect(String((image as ProseMirrorNode | null)?.attrs['src'] ?? '')).toMatch(/^data:image\/png;base64,iVBOR/);
    });
  }

  it('keeps the alternative text LibreOffice writes into an ODT', () => {
    const result = fromODT(fixture('libreoffice.odt'));
    const paragraph = result.doc.lastChild!;
    expect(paragraph.lastChild?.attrs['alt']).toBe('Rotes Rechteck');
  });
});

// LibreOffice 7.4 saved fixtures/review-source.fodt (tracked changes and a comment) as ODT and DOCX.
describe('LibreOffice fixtures with tracked changes and a comment', () => {
  for (const [format, read] of [
    ['odt', fromODT],
    ['docx', fromDOCX],
  ] as const) {
    it(`imports libreoffice-review.${format} with its suggestions and its comment`, () => {
      const { doc, comments, warnings } = read(fixture(`libreoffice-review.${format}`));
      expect(warnings).toEqual([]);
      expect(doc.textContent).toBe('BeschlussDer Rat beschließt heute nicht die Satzung.Die Satzung tritt morgen in Kraft.');
      const changes: string[] = [];
      doc.descendants((node) => {
        const mark = node.marks.find((candidate) => candidate.type.name === 'insertion' || candidate.type.name === 'deletion');
        if (node.isText && mark) changes.push(`${mark.type.name}:${String(mark.attrs['authorName'])}:${new Date(Number(mark.attrs['time'])).toISOString()}:${node.text}`);
      });
      expect(changes).toEqual([
        'insertion:Ada Lovelace:2026-11-02T09:30:00.000Z:beschließt',
        'insertion:Ada Lovelace:2026-11-02T09:30:00.000Z: heute ',
        'deletion:Bo Müller:2026-11-03T14:00:00.000Z:nicht ',
      ]);
      expect(comments.map((thread) => ({ quote: doc.textBetween(thread.from, thread.to), author: thread.author, body: thread.body, time: thread.time, resolved: thread.resolved }))).toEqual([
        { quote: 'Die Satzung', author: 'Eve Schmidt', body: 'Welche Fassung?', time: Date.UTC(2026, 10, 4, 8, 15), resolved: false },
      ]);
    });
  }
});
