import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { htmlToDoc, sanitizeHTML } from '../sanitize-html.js';
import { schema } from '../schema.js';
import { fromHTML, toHTML } from './html-file.js';
import { fromMarkdown } from './markdown-read.js';
import { toMarkdown } from './markdown-write.js';

const t = (text: string, ...marks: string[]): ProseMirrorNode => schema.text(text, marks.map((name) => schema.marks[name as 'bold']!.create()));
const p = (...content: ProseMirrorNode[]): ProseMirrorNode => schema.node('paragraph', null, content);
const doc = (...blocks: ProseMirrorNode[]): ProseMirrorNode => schema.node('doc', null, blocks);
const br = (): ProseMirrorNode => schema.node('hard_break');

const FORMATS = [
  ['HTML', (d: ProseMirrorNode) => toHTML(d), (text: string) => fromHTML(text)],
  ['Markdown', (d: ProseMirrorNode) => toMarkdown(d), (text: string) => fromMarkdown(text)],
] as const;

/** Every kind of space HTML collapses: runs, both ends of a paragraph, both sides of a line break, in marks and code, in cells and headings. */
function spacedDoc(): ProseMirrorNode {
  const cell = (text: string): ProseMirrorNode => schema.node('table_cell', null, [p(t(text))]);
  return doc(
    p(t('  vorn, a  b,   drei '), t('fett  x', 'bold'), t(' § 5 und 10 km '), br(), t('  nach '), t('c  d', 'code'), t('  ')),
    schema.node('paragraph', { level: 2 }, [t(' Titel  mit  Lücken ')]),
    p(t('   ')),
    schema.node('paragraph', { align: 'center' }, [t('zentriert  und  doppelt ')]),
    schema.node('table', null, [schema.node('table_row', null, [cell(' a  b '), cell('c')])]),
    schema.node('bullet_list', null, [schema.node('list_item', null, [p(t('Punkt  eins  '))])]),
    schema.node('blockquote', null, [p(t('  zitiert'))]),
  );
}

describe('spaces in HTML and Markdown files', () => {
  for (const [format, write, read] of FORMATS) {
    it(`${format} keeps runs of spaces and spaces at the edges of paragraphs and line breaks`, () => {
      const source = spacedDoc();
      const back = read(write(source));
      expect(back.warnings).toEqual([]);
      expect(back.doc.toJSON()).toEqual(source.toJSON());
    });

    it(`${format} keeps no-break spaces as no-break spaces, next to kept spaces too`, () => {
      const source = doc(p(t('§\u00a05  und\u00a0 \u00a0x')));
      expect(read(write(source)).doc.eq(source)).toBe(true);
    });

    it(`${format} export → import → export is stable`, () => {
      const first = write(spacedDoc());
      expect(write(read(first).doc)).toBe(first);
    });
  }

  it('writes collapsible spaces as no-break spaces in a marked span that browsers show as spaces', () => {
    const html = toHTML(doc(p(t('a  b '))));
    expect(html).toContain('<p>a <span data-spaces="">&nbsp;</span>b<span data-spaces="">&nbsp;</span></p>');
    // A single space between words stays an ordinary space.
    expect(toHTML(doc(p(t('a b'))))).toContain('<p>a b</p>');
  });

  it('keeps Markdown readable: runs of spaces are plain text, only paragraph edges use an entity', () => {
    expect(toMarkdown(doc(p(t(' a  b '))))).toBe('&#32;a  b&#32;\n');
    expect(toMarkdown(doc(p(t('a'), br(), t(' b'))))).toBe('a\\\n&#32;b\n');
  });

  it('reads no-break spaces in HTML from elsewhere as no-break spaces (only our span means spaces)', () => {
    expect(fromHTML('<p>a&nbsp;&nbsp;b</p>').doc.textContent).toBe('a\u00a0\u00a0b');
    expect(fromHTML('<p>a  <span>&nbsp;</span>b</p>').doc.textContent).toBe('a \u00a0b');
  });

  it('does not read kept-space spans in pasted HTML: paste collapses as browsers do', () => {
    expect(htmlToDoc('<p>a<span data-spaces>&nbsp;&nbsp;</span>b</p>').textContent).toBe('a\u00a0\u00a0b');
  });
});

/** Suggestion marks of a document as [text, kind, id, author, time]. */
function suggestions(d: ProseMirrorNode): [string, string, string, string, number][] {
  const out: [string, string, string, string, number][] = [];
  d.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name !== 'insertion' && mark.type.name !== 'deletion') continue;
      out.push([node.text ?? '', mark.type.name, String(mark.attrs['id']), String(mark.attrs['authorName']), Number(mark.attrs['time'])]);
    }
  });
  return out;
}

describe('suggestions in HTML and Markdown files', () => {
  it('reads <ins>/<del> with data-suggestion as suggestions, with id, author and time and nothing else', () => {
    const html =
      '<p>A<ins data-suggestion="s1" data-author="Ada" datetime="2026-11-02T09:30:15Z" style="color:red" onclick="alert(1)" data-author-id="u-evil" class="x">neu</ins>' +
      '<del data-suggestion="s2" data-author="Bo" datetime="kein Datum" title="t">alt</del></p>';
    const { doc: read, warnings } = fromHTML(html);
    expect(warnings).toEqual([]);
    expect(suggestions(read)).toEqual([
      ['neu', 'insertion', 's1', 'Ada', Date.UTC(2026, 10, 2, 9, 30, 15)],
      ['alt', 'deletion', 's2', 'Bo', 0],
    ]);
    read.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === 'insertion' || mark.type.name === 'deletion') expect(mark.attrs).toMatchObject({ authorId: '', color: '#6b7280' });
    });
    const again = toHTML(read);
    expect(again).not.toMatch(/onclick|u-evil|class="x"/);
    // The style is read as a paste reads it: a text colour, not the suggestion's colour.
    expect(again).toContain('<span style="color: #ff0000">');
    expect(again).toContain('<ins class="suggestion suggestion-insertion" data-suggestion="s1" data-author="Ada" title="Ada" datetime="2026-11-02T09:30:15Z">neu</ins>');
  });

  it('gives suggestions with unusable ids one id, and cleans author names', () => {
    const long = 'x'.repeat(65);
    const { doc: read } = fromHTML(`<p><ins data-suggestion="${long}" data-author="  Ada&#10;Lovelace ">a</ins><ins data-suggestion="">b</ins></p>`);
    expect(suggestions(read).map(([, , id, author]) => [id, author])).toEqual([
      ['file', 'Ada Lovelace'],
      ['file', ''],
    ]);
  });

  it('reads <ins> and <del> without data-suggestion as before: no suggestion (del is strikethrough)', () => {
    const { doc: read } = fromHTML('<p><ins>plus</ins> <del>minus</del></p>');
    expect(suggestions(read)).toEqual([]);
    expect(read.textContent).toBe('plus minus');
    expect(read.firstChild!.child(1).marks.map((mark) => mark.type.name)).toEqual(['strikethrough']);
  });

  it('still never makes a suggestion out of pasted HTML', () => {
    const pasted = sanitizeHTML('<p>A<ins data-suggestion="s1" data-author="Ada">neu</ins><del data-suggestion="s2">alt</del></p>');
    expect(pasted).not.toMatch(/<ins|<del|data-suggestion/);
    expect(suggestions(htmlToDoc('<p><ins data-suggestion="s1">neu</ins></p>'))).toEqual([]);
  });

  for (const [format, write, read] of FORMATS) {
    it(`${format}: export → import → export of suggestions is stable`, () => {
      const ins = schema.marks.insertion!.create({ id: 'sugg1', authorId: 'u-ada', authorName: 'Ada <Lovelace>', color: '#aa0000', time: Date.UTC(2026, 0, 5, 8, 0, 0) });
      const del = schema.marks.deletion!.create({ id: 'sugg2', authorId: 'u-bo', authorName: 'Bo', color: '#0000aa', time: 0 });
      const source = doc(p(t('Der Rat '), schema.text('beschließt', [schema.marks.bold.create(), ins]), schema.text(' nicht', [del]), t('.')));
      const first = write(source);
      const once = read(first).doc;
      expect(suggestions(once).map(([text, kind, id, author, time]) => [text.trim(), kind, id, author, time])).toEqual([
        ['beschließt', 'insertion', 'sugg1', 'Ada <Lovelace>', Date.UTC(2026, 0, 5, 8, 0, 0)],
        ['nicht', 'deletion', 'sugg2', 'Bo', 0],
      ]);
      expect(write(once)).toBe(first);
    });
  }
});
