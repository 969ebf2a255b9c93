import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import { fromDOCX } from './docx-read.js';
import { toDOCX } from './docx-write.js';
import { fromODT } from './odt-read.js';
import { toODT } from './odt-write.js';
import { fromHTML, toHTML } from './html-file.js';
import { fromMarkdown } from './markdown-read.js';
import { toMarkdown } from './markdown-write.js';
import { EditorState } from 'prosemirror-state';
import type { Transaction } from 'prosemirror-state';
import { listSuggestions, rejectSuggestion } from '../review/suggestions.js';
import { exportWarnings } from './export-warnings.js';

const ADA = { authorId: 'u-ada', authorName: 'Ada Lovelace', color: '#aa0000', time: Date.UTC(2026, 10, 2, 9, 30, 15) };
const BO = { authorId: 'u-bo', authorName: 'Bo <Müller> & Co', color: '#0000aa', time: Date.UTC(2026, 10, 3, 14, 0, 0) };

/** A document with an insertion spanning bold and plain text, a deletion inside a link, and one in a second paragraph. */
function reviewed(): ProseMirrorNode {
  const ins = schema.marks.insertion!.create({ id: 'sugg1', ...ADA });
  const del = schema.marks.deletion!.create({ id: 'sugg2', ...BO });
  const del2 = schema.marks.deletion!.create({ id: 'sugg3', ...ADA });
  const bold = schema.marks.bold!.create();
  const link = schema.marks.link!.create({ href: 'https://example.org/' });
  return schema.node('doc', null, [
    schema.node('paragraph', null, [
      schema.text('Der Rat '),
      schema.text('beschließt', [bold, ins]),
      schema.text(' heute ', [ins]),
      schema.text('die Satzung', [link]),
      schema.text(' nicht', [link, del]),
      schema.text('.'),
    ]),
    schema.node('paragraph', null, [schema.text('Zweitens: '), schema.text('alles  doppelt', [del2]), schema.text(' Ende')]),
  ]);
}

interface Piece {
  readonly text: string;
  readonly kind: string;
  readonly author: string;
  readonly time: number;
  readonly bold: boolean;
}

/** The suggested pieces of a document, adjacent text of one suggestion joined. */
function pieces(doc: ProseMirrorNode): Piece[] {
  const out: Piece[] = [];
  doc.descendants((node) => {
    if (!node.isText) return;
    const mark = node.marks.find((candidate) => candidate.type.name === 'insertion' || candidate.type.name === 'deletion');
    if (!mark) return;
    out.push({
      text: node.text ?? '',
      kind: mark.type.name,
      author: String(mark.attrs['authorName']),
      time: Number(mark.attrs['time']),
      bold: node.marks.some((candidate) => candidate.type.name === 'bold'),
    });
  });
  return out;
}

/** The suggestion ids in document order, each once. */
function ids(doc: ProseMirrorNode): string[] {
  const seen: string[] = [];
  doc.descendants((node) => {
    for (const mark of node.marks) {
      const id = String(mark.attrs['id'] ?? '');
      if ((mark.type.name === 'insertion' || mark.type.name === 'deletion') && !seen.includes(id)) seen.push(id);
    }
  });
  return seen;
}

describe('suggestions as tracked changes', () => {
  it('ODT: import(export(doc)) keeps insertions and deletions with author, time, formatting and ids', () => {
    const doc = reviewed();
    const back = fromODT(toODT(doc));
    expect(back.warnings).toEqual([]);
    expect(back.doc.textContent).toBe(doc.textContent);
    expect(pieces(back.doc)).toEqual(pieces(doc));
    expect(ids(back.doc)).toEqual(['sugg1', 'sugg2', 'sugg3']);
    expect(back.doc.eq(doc.type.create(null, back.doc.content))).toBe(true);
  });

  it('ODT: writes text:tracked-changes with change-start/end for insertions and the deleted text in its region', () => {
    const content = strFromU8(unzipSync(toODT(reviewed()))['content.xml']!);
    expect(content).toMatch(/<text:tracked-changes[^>]*>.*<\/text:tracked-changes>/s);
    expect(content).toContain('<dc:creator>Bo &lt;Müller&gt; &amp; Co</dc:creator>');
    expect(content).toContain('<dc:date>2026-11-02T09:30:15</dc:date>');
    const body = content.slice(content.indexOf('</text:tracked-changes>'));
    // Deleted text is not in the body, only in its region.
    expect(body).not.toContain('nicht');
    expect(body).toMatch(/<text:change text:change-id="ct\d+-sugg2"\/>/);
    expect(body).toMatch(/<text:change-start text:change-id="ct1-sugg1"\/>.*beschließt.*<text:change-end text:change-id="ct1-sugg1"\/>/s);
  });

  it('DOCX: import(export(doc)) keeps insertions and deletions with author, time and formatting', () => {
    const doc = reviewed();
    const back = fromDOCX(toDOCX(doc));
    expect(back.warnings).toEqual([]);
    expect(back.doc.textContent).toBe(doc.textContent);
    expect(pieces(back.doc)).toEqual(pieces(doc));
    // Word ids are per run: the insertion over bold and plain text comes back as two pieces.
    expect(ids(back.doc)).toHaveLength(4);
  });

  it('DOCX: writes w:ins and w:del with w:delText, w:author, w:date and w:id', () => {
    const xml = strFromU8(unzipSync(toDOCX(reviewed()))['word/document.xml']!);
    expect(xml).toMatch(/<w:ins w:id="1" w:author="Ada Lovelace" w:date="2026-11-02T09:30:15Z"><w:r>.*beschließt/s);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="Bo &lt;Müller&gt; &amp; Co" w:date="2026-11-03T14:00:00Z"><w:r>(<w:rPr>.*<\/w:rPr>)?<w:delText xml:space="preserve"> nicht<\/w:delText>/s);
    expect(xml).not.toMatch(/<w:t[ >][^<]*nicht/);
  });
});

describe('suggested formatting changes in files', () => {
  const italic = schema.marks.italic!.create();
  const bold = schema.marks.bold!.create();
  const red = schema.marks.text_color!.create({ color: '#ff0000' });
  const change = (before: string): ReturnType<typeof schema.marks.bold.create> => schema.marks.format_change!.create({ id: 'f1', ...ADA, before });
  /** "word" was italic and is now bold (Ada's suggestion); "red" was plain and is now red. */
  const formatted = (): ProseMirrorNode =>
    schema.node('doc', null, [
      schema.node('paragraph', null, [
        schema.text('plain '),
        schema.text('word', [bold, change('[{"type":"italic"}]')]),
        schema.text(' and '),
        schema.text('red', [red, change('[]')]),
      ]),
    ]);

  it('DOCX: writes w:rPrChange with the properties before the change, author and date', () => {
    const xml = strFromU8(unzipSync(toDOCX(formatted()))['word/document.xml']!);
    expect(xml).toMatch(/<w:rPr><w:b\/><w:bCs\/><w:rPrChange w:id="\d+" w:author="Ada Lovelace" w:date="2026-11-02T09:30:15Z"><w:rPr><w:i\/><w:iCs\/><\/w:rPr><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">word<\/w:t>/);
    expect(xml).toMatch(/<w:rPr><w:color w:val="FF0000"\/><w:rPrChange [^>]*><w:rPr\/><\/w:rPrChange><\/w:rPr><w:t xml:space="preserve">red/);
  });

  it('DOCX: import(export(doc)) gives the same suggestions: what changed, by whom, and what rejecting restores', () => {
    const back = fromDOCX(toDOCX(formatted()));
    expect(back.warnings).toEqual([]);
    const found = listSuggestions(back.doc);
    expect(found.map(({ kind, formattedText, authorName, time, format }) => ({ kind, formattedText, authorName, time, format }))).toEqual([
      { kind: 'format', formattedText: 'word', authorName: 'Ada Lovelace', time: ADA.time, format: { added: ['bold'], removed: ['italic'] } },
      { kind: 'format', formattedText: 'red', authorName: 'Ada Lovelace', time: ADA.time, format: { added: ['text_color'], removed: [] } },
    ]);
    let state = EditorState.create({ doc: back.doc });
    for (const { id } of found) state = state.apply(((): Transaction => {
      let tr: Transaction | null = null;
      rejectSuggestion(id)(state, (next) => (tr = next));
      return tr!;
    })());
    const plain = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('plain '), schema.text('word', [italic]), schema.text(' and red')])]);
    expect(state.doc.eq(plain)).toBe(true);
  });

  it('DOCX: a w:rPrChange that changed nothing we keep is no suggestion', () => {
    const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('same', [bold, change('[{"type":"bold"}]')])])]);
    const back = fromDOCX(toDOCX(doc));
    expect(listSuggestions(back.doc)).toEqual([]);
    expect(back.doc.textContent).toBe('same');
  });

  for (const [format, write] of [['ODT', toODT], ['Markdown', toMarkdown], ['HTML', toHTML]] as const) {
    it(`${format}: writes the suggested formatting as if accepted, and the export warns once per suggestion`, () => {
      const doc = formatted();
      expect(exportWarnings(format === 'ODT' ? 'odt' : format === 'Markdown' ? 'markdown' : 'html', doc)).toEqual([{ code: 'format-suggestions-applied', count: 1 }]);
      const out = write(doc);
      expect(typeof out === 'string' ? out : strFromU8(unzipSync(out)['content.xml']!)).toContain('word');
    });
  }
  it('DOCX: the export has nothing to warn about', () => {
    expect(exportWarnings('docx', formatted())).toEqual([]);
  });
});

const ODF_HEAD =
  '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">';

function odtBody(body: string): Uint8Array {
  const content = `${ODF_HEAD}<office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  return zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(content) });
}

const region = (id: string, kind: string, author: string, inner = ''): string =>
  `<text:changed-region text:id="${id}"><text:${kind}><office:change-info><dc:creator>${author}</dc:creator><dc:date>2026-01-05T10:11:12.123456789</dc:date></office:change-info>${inner}</text:${kind}></text:changed-region>`;

describe('tracked changes in bad or unusual files', () => {
  it('reads LibreOffice-style zone-less dates with nanoseconds as UTC and joins a deletion of two paragraphs', () => {
    const bytes = odtBody(
      `<text:tracked-changes>${region('c1', 'deletion', 'Eve', '<text:p>erster</text:p><text:p>zweiter</text:p>')}</text:tracked-changes>` +
        '<text:p>A<text:change text:change-id="c1"/>B</text:p>',
    );
    const { doc, warnings } = fromODT(bytes);
    expect(warnings).toEqual([]);
    expect(doc.textContent).toBe('Aerster zweiterB');
    expect(pieces(doc)).toEqual([{ text: 'erster zweiter', kind: 'deletion', author: 'Eve', time: Date.UTC(2026, 0, 5, 10, 11, 12, 123), bold: false }]);
    expect(ids(doc)).toEqual(['c1']);
  });

  it('keeps the text of a change-id that is referenced but not defined, with a warning', () => {
    const bytes = odtBody('<text:p>A<text:change-start text:change-id="nope"/>kept<text:change-end text:change-id="nope"/><text:change text:change-id="gone"/>B</text:p>');
    const { doc, warnings } = fromODT(bytes);
    expect(doc.textContent).toBe('AkeptB');
    expect(pieces(doc)).toEqual([]);
    expect(warnings).toEqual([{ code: 'tracked-change-missing', count: 2 }]);
  });

  it('runs an insertion that never ends to the end of the document, with a warning', () => {
    const bytes = odtBody(
      `<text:tracked-changes>${region('c1', 'insertion', 'Eve')}</text:tracked-changes>` +
        '<text:p>A<text:change-start text:change-id="c1"/>neu</text:p><text:p>weiter</text:p>',
    );
    const { doc, warnings } = fromODT(bytes);
    expect(doc.textContent).toBe('Aneuweiter');
    expect(pieces(doc).map((piece) => piece.text)).toEqual(['neu', 'weiter']);
    expect(warnings).toEqual([{ code: 'tracked-change-unclosed', count: 1 }]);
  });

  it('reads overlapping insertions and a deletion inside an insertion (the deletion wins on export)', () => {
    const bytes = odtBody(
      `<text:tracked-changes>${region('i1', 'insertion', 'Eve')}${region('i2', 'insertion', 'Max')}${region('d1', 'deletion', 'Max', '<text:p>weg</text:p>')}</text:tracked-changes>` +
        '<text:p><text:change-start text:change-id="i1"/>ab<text:change-start text:change-id="i2"/>cd<text:change-end text:change-id="i1"/>ef<text:change text:change-id="d1"/><text:change-end text:change-id="i2"/>gh</text:p>',
    );
    const { doc, warnings } = fromODT(bytes);
    expect(warnings).toEqual([]);
    expect(doc.textContent).toBe('abcdefweggh');
    // A text carries one insertion mark: where two overlap, the later one is kept.
    expect(pieces(doc).map((piece) => `${piece.text}:${piece.kind}:${piece.author}`)).toEqual(['ab:insertion:Eve', 'cdef:insertion:Max', 'weg:deletion:Max']);
    const again = fromODT(toODT(doc)).doc;
    expect(again.textContent).toBe('abcdefweggh');
    // Files keep whole seconds.
    const seconds = (list: Piece[]): Piece[] => list.map((piece) => ({ ...piece, time: Math.floor(piece.time / 1000) * 1000 }));
    expect(pieces(again)).toEqual(seconds(pieces(doc)));
  });

  it('DOCX: reads w:del without a date and a w:ins with a bad date as time 0, keeping the text', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(
        `<w:document ${W}><w:body><w:p><w:r><w:t>A</w:t></w:r><w:del w:id="7" w:author="Eve"><w:r><w:delText>alt</w:delText></w:r></w:del><w:ins w:id="8" w:author="Max" w:date="gestern"><w:r><w:t>neu</w:t></w:r></w:ins></w:p></w:body></w:document>`,
      ),
    });
    const { doc, warnings } = fromDOCX(bytes);
    expect(warnings).toEqual([]);
    expect(doc.textContent).toBe('Aaltneu');
    expect(pieces(doc)).toEqual([
      { text: 'alt', kind: 'deletion', author: 'Eve', time: 0, bold: false },
      { text: 'neu', kind: 'insertion', author: 'Max', time: 0, bold: false },
    ]);
    expect(ids(doc)).toEqual(['w7', 'w8']);
  });
});

describe('suggestions in Markdown and HTML', () => {
  it('Markdown writes pending suggestions as <ins>/<del> with id, author and time, keeping both texts', () => {
    const markdown = toMarkdown(reviewed());
    expect(markdown).toContain('**<ins data-suggestion="sugg1" data-author="Ada Lovelace" datetime="2026-11-02T09:30:15Z">beschließt</ins>**');
    // Spaces move outside Markdown delimiters only; inside an HTML tag they stay.
    expect(markdown).toContain('<del data-suggestion="sugg2" data-author="Bo &lt;Müller> &amp; Co" datetime="2026-11-03T14:00:00Z"> nicht</del>');
  });

  it('HTML writes pending suggestions as <ins>/<del> with data attributes', () => {
    const html = toHTML(reviewed());
    expect(html).toMatch(/<strong><ins class="suggestion suggestion-insertion" data-suggestion="sugg1"[^>]*>beschließt<\/ins><\/strong>/);
    expect(html).toMatch(/<del class="suggestion suggestion-deletion" data-suggestion="sugg2"[^>]*> nicht<\/del>/);
  });

  for (const [format, read] of [
    ['Markdown', (doc: ProseMirrorNode) => fromMarkdown(toMarkdown(doc))],
    ['HTML', (doc: ProseMirrorNode) => fromHTML(toHTML(doc))],
  ] as const) {
    it(`${format} import reads suggestions back with author and time, without warnings`, () => {
      const { doc, warnings } = read(reviewed());
      expect(warnings).toEqual([]);
      // Both texts are there: the proposed and the removed words.
      expect(doc.textContent).toBe('Der Rat beschließt heute die Satzung nicht.Zweitens: alles  doppelt Ende');
      expect(pieces(doc)).toEqual([
        { text: 'beschließt', kind: 'insertion', author: 'Ada Lovelace', time: ADA.time, bold: true },
        { text: ' heute ', kind: 'insertion', author: 'Ada Lovelace', time: ADA.time, bold: false },
        { text: ' nicht', kind: 'deletion', author: 'Bo <Müller> & Co', time: BO.time, bold: false },
        { text: 'alles  doppelt', kind: 'deletion', author: 'Ada Lovelace', time: ADA.time, bold: false },
      ]);
      const ids = new Set<string>();
      doc.descendants((node) => node.marks.forEach((mark) => mark.type.name === 'insertion' || mark.type.name === 'deletion' ? ids.add(String(mark.attrs['id'])) : undefined));
      expect([...ids]).toEqual(['sugg1', 'sugg2', 'sugg3']);
    });
  }
});
