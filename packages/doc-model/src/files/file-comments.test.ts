import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { CommentThreads } from '../review/comment-threads.js';
import { schema } from '../schema.js';
import { commentsFromYDoc, writeCommentsToYDoc } from './comments-bridge.js';
import { fromDOCX } from './docx-read.js';
import { toDOCX } from './docx-write.js';
import type { FileCommentThread } from './file-comments.js';
import { droppedComments, exportDocument, importDocument } from './file-formats.js';
import { fromODT } from './odt-read.js';
import { toODT } from './odt-write.js';
import { docFromYDoc, writeDocToYDoc } from './ydoc-bridge.js';
import { Y } from './yjs.test-support.js';
import { richSample } from './sample-doc.test-support.js';

/** "Der Rat beschließt heute die Satzung." with "beschließt heute" bold-then-plain, and a table. */
function sample(): ProseMirrorNode {
  const bold = schema.marks.bold!.create();
  const link = schema.marks.link!.create({ href: 'https://example.org/' });
  const cell = (text: string): ProseMirrorNode => schema.node('table_cell', null, [schema.node('paragraph', null, [schema.text(text)])]);
  return schema.node('doc', null, [
    schema.node('paragraph', { level: 1 }, [schema.text('Beschluss')]),
    schema.node('paragraph', null, [schema.text('Der Rat '), schema.text('beschließt', [bold]), schema.text(' heute '), schema.text('die Satzung', [link]), schema.text('.')]),
    schema.node('table', null, [schema.node('table_row', null, [cell('Kosten'), cell('1.000 €')])]),
    schema.node('paragraph', null, [schema.text('Zweiter Absatz mit Text.')]),
  ]);
}

/** The position range of the first occurrence of `text` in a document (within one text block). */
function rangeOf(doc: ProseMirrorNode, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found || !node.isTextblock) return;
    const index = node.textContent.indexOf(text);
    if (index === -1) return;
    // Text blocks here hold only text, so offsets map one to one.
    found = { from: pos + 1 + index, to: pos + 1 + index + text.length };
    return false;
  });
  if (!found) throw new Error(`no ${text}`);
  return found;
}

const T1 = Date.UTC(2026, 10, 2, 9, 30, 15);
const T2 = Date.UTC(2026, 10, 2, 10, 0, 0);

function threads(doc: ProseMirrorNode): FileCommentThread[] {
  return [
    // Spans bold, plain and linked text.
    { ...rangeOf(doc, 'beschließt heute die'), author: 'Ada Lovelace', time: T1, body: 'Ist das so?\nZweite Zeile', resolved: false, replies: [{ author: 'Bo Müller', time: T2, body: 'Ja, & <so>.' }] },
    { ...rangeOf(doc, '1.000'), author: 'Bo Müller', time: T2, body: 'Zu teuer', resolved: true, replies: [] },
    // Overlaps the first.
    { ...rangeOf(doc, 'heute die Satzung.'), author: 'Eve', time: T2, body: 'Überlappend', resolved: false, replies: [{ author: 'Ada Lovelace', time: T2, body: 'A' }, { author: 'Max', time: T2, body: 'B' }] },
  ];
}

/** What a thread says, with its quoted text instead of positions. */
function summary(doc: ProseMirrorNode, list: readonly FileCommentThread[]): unknown[] {
  return list.map((thread) => ({ quote: doc.textBetween(thread.from, thread.to), author: thread.author, time: thread.time, body: thread.body, resolved: thread.resolved, replies: thread.replies }));
}

describe('comments in ODT and DOCX', () => {
  for (const [format, write, read] of [
    ['ODT', toODT, fromODT],
    ['DOCX', toDOCX, fromDOCX],
  ] as const) {
    it(`${format}: import(export(doc, comments)) keeps the text, the ranges, replies and resolved state`, () => {
      const doc = sample();
      const comments = threads(doc);
      const back = read(write(doc, { comments }));
      expect(back.warnings).toEqual([]);
      expect(back.doc.eq(doc)).toBe(true);
      const sortKey = (entry: unknown): string => JSON.stringify(entry);
      expect(summary(back.doc, back.comments).map(sortKey).sort()).toEqual(summary(doc, comments).map(sortKey).sort());
    });

    it(`${format}: a document without comments has no comment parts and no sentinels`, () => {
      const back = read(write(sample()));
      expect(back.comments).toEqual([]);
      expect(back.doc.textContent).not.toMatch(/[\ufdd0\ufdd1]/);
    });
  }

  for (const [format, write, read] of [
    ['ODT', toODT, fromODT],
    ['DOCX', toDOCX, fromDOCX],
  ] as const) {
    it(`${format}: a comment on every text block of the rich sample (lists, tasks, tables, code, quotes) keeps document and ranges`, () => {
      const doc = richSample();
      const comments: FileCommentThread[] = [];
      doc.descendants((node, pos) => {
        if (node.isTextblock && node.textContent.trim().length >= 2 && node.firstChild?.isText) {
          comments.push({ from: pos + 1, to: pos + 3, author: 'A', time: T1, body: `on ${node.textContent.slice(0, 2)}`, resolved: false, replies: [] });
        }
      });
      expect(comments.length).toBeGreaterThan(10);
      const back = read(write(doc, { comments }));
      const plain = read(write(doc));
      expect(back.doc.eq(plain.doc)).toBe(true);
      expect(back.warnings).toEqual(plain.warnings);
      expect(back.comments.map((thread) => `${thread.body}=${back.doc.textBetween(thread.from, thread.to)}`)).toEqual(comments.map((thread) => `${thread.body}=${thread.body.slice(3)}`));
    });
  }

  it('writes ODF annotations with creator, date, paragraphs, names, parent names and resolved', () => {
    const doc = sample();
    const content = strFromU8(unzipSync(toODT(doc, { comments: threads(doc) }))['content.xml']!);
    expect(content).toContain('<dc:creator>Ada Lovelace</dc:creator><dc:date>2026-11-02T09:30:15</dc:date><text:p>Ist das so?</text:p><text:p>Zweite Zeile</text:p>');
    expect(content).toMatch(/<office:annotation office:name="__Annotation__1_1" loext:parent-name="__Annotation__1_0">/);
    expect(content).toMatch(/<office:annotation office:name="__Annotation__2_0" loext:resolved="true">/);
    expect(content.match(/<office:annotation-end /g)).toHaveLength(6);
  });

  it('writes DOCX comments.xml and commentsExtended.xml with parents and done', () => {
    const doc = sample();
    const files = unzipSync(toDOCX(doc, { comments: threads(doc) }));
    const comments = strFromU8(files['word/comments.xml']!);
    const extended = strFromU8(files['word/commentsExtended.xml']!);
    const body = strFromU8(files['word/document.xml']!);
    expect(comments).toMatch(/<w:comment w:id="0" w:author="Ada Lovelace" w:date="2026-11-02T09:30:15Z" w:initials="AL">/);
    expect(extended).toContain('<w15:commentEx w15:paraId="00000002" w15:paraIdParent="00000001" w15:done="0"/>');
    expect(extended).toContain('<w15:commentEx w15:paraId="00000003" w15:done="1"/>');
    for (let id = 0; id < 6; id++) {
      expect(body).toContain(`<w:commentRangeStart w:id="${id}"/>`);
      expect(body).toContain(`<w:commentReference w:id="${id}"/>`);
    }
    expect(strFromU8(files['[Content_Types].xml']!)).toContain('/word/comments.xml');
  });

  it('leaves out comments whose range is not in the document, and says how many Markdown and HTML drop', () => {
    const doc = sample();
    const bad: FileCommentThread[] = [
      { from: 5, to: 3, author: 'X', time: 0, body: 'rückwärts', resolved: false, replies: [] },
      { from: 1, to: 10_000, author: 'X', time: 0, body: 'zu weit', resolved: false, replies: [] },
    ];
    expect(fromODT(toODT(doc, { comments: bad })).comments).toEqual([]);
    expect(fromDOCX(toDOCX(doc, { comments: bad })).comments).toEqual([]);
    expect(droppedComments('markdown', threads(doc))).toBe(3);
    expect(droppedComments('odt', threads(doc))).toBe(0);
    expect(strFromU8(exportDocument('html', doc, { comments: threads(doc) }))).not.toContain('Ist das so');
  });
});

const ODF_HEAD =
  '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">';

function odtBody(body: string): Uint8Array {
  const content = `${ODF_HEAD}<office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  return zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(content) });
}

const note = (name: string | null, text: string): string =>
  `<office:annotation${name ? ` office:name="${name}"` : ''}><dc:creator>Eve</dc:creator><text:p>${text}</text:p></office:annotation>`;

describe('comments in bad or unusual files', () => {
  it('runs a comment range that never ends to the end of its paragraph, with a warning', () => {
    const { doc, comments, warnings } = fromODT(odtBody(`<text:p>Vor ${note('n1', 'offen')}bis hier</text:p><text:p>Weiter</text:p>`));
    expect(doc.textContent).toBe('Vor bis hierWeiter');
    expect(comments.map((thread) => doc.textBetween(thread.from, thread.to))).toEqual(['bis hier']);
    expect(warnings).toEqual([{ code: 'comment-range-unclosed', count: 1 }]);
  });

  it('widens a point comment (no name, no end) to its paragraph and ignores an end without a start', () => {
    const { doc, comments, warnings } = fromODT(odtBody(`<text:p>Ganzer ${note(null, 'Punkt')}Absatz<office:annotation-end office:name="nie"/></text:p>`));
    expect(doc.textContent).toBe('Ganzer Absatz');
    expect(comments.map((thread) => [doc.textBetween(thread.from, thread.to), thread.body])).toEqual([['Ganzer Absatz', 'Punkt']]);
    expect(warnings).toEqual([]);
  });

  it('keeps overlapping comment ranges apart', () => {
    const { doc, comments } = fromODT(
      odtBody(`<text:p>a${note('x', 'X')}bc${note('y', 'Y')}de<office:annotation-end office:name="x"/>fg<office:annotation-end office:name="y"/>h</text:p>`),
    );
    expect(comments.map((thread) => `${thread.body}:${doc.textBetween(thread.from, thread.to)}`)).toEqual(['X:bcde', 'Y:defg']);
  });

  it('drops a comment on an empty document with a count, and strips sentinel characters from file text', () => {
    const { doc, comments, warnings } = fromODT(odtBody(`<text:p>${note(null, 'leer')}</text:p><text:p>x\ufdd0y</text:p>`));
    expect(doc.textContent).toBe('xy');
    expect(comments).toEqual([]);
    expect(warnings).toEqual([{ code: 'comments-dropped', count: 1 }]);
  });

  it('DOCX: a comment in comments.xml with only a reference is on its paragraph; one never referenced is dropped with a count', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const bytes = zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      'word/document.xml': strToU8(`<w:document ${W}><w:body><w:p><w:r><w:t>Satz eins.</w:t></w:r><w:r><w:commentReference w:id="4"/></w:r></w:p><w:p><w:commentRangeStart w:id="5"/><w:r><w:t>offen</w:t></w:r></w:p></w:body></w:document>`),
      'word/comments.xml': strToU8(
        `<w:comments ${W}><w:comment w:id="4" w:author="Eve" w:date="2026-01-02T03:04:05Z"><w:p><w:r><w:t>Hinweis</w:t></w:r></w:p></w:comment><w:comment w:id="5" w:author="Max"><w:p><w:r><w:t>Offen</w:t></w:r></w:p></w:comment><w:comment w:id="6" w:author="Max"><w:p><w:r><w:t>Nirgends</w:t></w:r></w:p></w:comment></w:comments>`,
      ),
    });
    const { doc, comments, warnings } = fromDOCX(bytes);
    expect(comments.map((thread) => [doc.textBetween(thread.from, thread.to), thread.author, thread.body, thread.time])).toEqual([
      ['Satz eins.', 'Eve', 'Hinweis', Date.UTC(2026, 0, 2, 3, 4, 5)],
      ['offen', 'Max', 'Offen', 0],
    ]);
    expect(warnings).toEqual([
      { code: 'comment-range-unclosed', count: 1 },
      { code: 'comments-dropped', count: 1 },
    ]);
  });
});

describe('comments between a Y.Doc and files', () => {
  it('exports the threads of a Y.Doc and imports them into another with authors, times, replies and resolved state', () => {
    const source = new Y.Doc();
    writeDocToYDoc(source, sample());
    const doc = docFromYDoc(source);
    const ada = new CommentThreads(source, { user: { id: 'u1', name: 'Ada Lovelace', color: '#aa0000' }, schema, now: () => T1 });
    const bo = new CommentThreads(source, { user: { id: 'u2', name: 'Bo Müller', color: '#0000aa' }, schema, now: () => T2 });
    const first = ada.add(rangeOf(doc, 'beschließt heute die'), 'Ist das so?');
    bo.reply(first, 'Ja.');
    const second = bo.add(rangeOf(doc, 'Zweiter'), 'Erledigt');
    bo.resolve(second);
    const exported = commentsFromYDoc(source);
    expect(exported).toHaveLength(2);

    for (const format of ['odt', 'docx'] as const) {
      const imported = importDocument(format, exportDocument(format, doc, { comments: exported }));
      const target = new Y.Doc();
      writeDocToYDoc(target, imported.doc);
      expect(writeCommentsToYDoc(target, imported.comments)).toBe(0);
      const list = new CommentThreads(target, { user: { id: 'me', name: 'Me', color: '#000000' }, schema }).list();
      expect(
        list.map((thread) => ({ quote: thread.quote, author: thread.author.name, created: thread.created, body: thread.body, state: thread.state, replies: thread.replies.map((reply) => `${reply.author.name}: ${reply.body}`) })),
      ).toEqual([
        { quote: 'beschließt heute die', author: 'Ada Lovelace', created: T1, body: 'Ist das so?', state: 'open', replies: ['Bo Müller: Ja.'] },
        { quote: 'Zweiter', author: 'Bo Müller', created: T2, body: 'Erledigt', state: 'resolved', replies: [] },
      ]);
    }
  });
});
