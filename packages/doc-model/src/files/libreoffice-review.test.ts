import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import { fromDOCX } from './docx-read.js';
import { toDOCX } from './docx-write.js';
import type { FileCommentThread } from './file-comments.js';
import { convertWithLibreOffice, disposeLibreOffice } from './libreoffice.test-support.js';
import { fromODT } from './odt-read.js';
import { toODT } from './odt-write.js';
import { listSuggestions } from '../review/suggestions.js';

const TIMEOUT = 240_000;
const T = Date.UTC(2026, 10, 2, 9, 30, 0);

/** A paragraph with a pending insertion and a pending deletion by two people. */
function reviewed(): ProseMirrorNode {
  const ins = schema.marks.insertion!.create({ id: 's1', authorId: 'u1', authorName: 'Ada Lovelace', color: '#aa0000', time: T });
  const del = schema.marks.deletion!.create({ id: 's2', authorId: 'u2', authorName: 'Bo Müller', color: '#0000aa', time: T });
  return schema.node('doc', null, [
    schema.node('paragraph', null, [schema.text('Der Rat '), schema.text('beschließt ', [ins]), schema.text('heute '), schema.text('nicht ', [del]), schema.text('die Satzung.')]),
    schema.node('paragraph', null, [schema.text('Ein zweiter Absatz.')]),
  ]);
}

/** "heute die Satzung" commented by Eve with a reply, "zweiter" by Max. */
function comments(doc: ProseMirrorNode): FileCommentThread[] {
  const find = (text: string): { from: number; to: number } => {
    let range = { from: 0, to: 0 };
    doc.descendants((node, pos) => {
      const index = node.isText ? (node.text ?? '').indexOf(text) : -1;
      if (index >= 0 && range.to === 0) range = { from: pos + index, to: pos + index + text.length };
    });
    return range;
  };
  return [
    { ...find('Ein zweiter'), author: 'Max Mustermann', time: T, body: 'Zweiter Kommentar', resolved: false, replies: [] },
    { ...find('Der Rat'), author: 'Eve Schmidt', time: T, body: 'Wer genau?', resolved: false, replies: [{ author: 'Ada Lovelace', time: T, body: 'Der Gemeinderat.' }] },
  ];
}

function suggestions(doc: ProseMirrorNode): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    const mark = node.marks.find((candidate) => candidate.type.name === 'insertion' || candidate.type.name === 'deletion');
    if (node.isText && mark) out.push(`${mark.type.name}:${String(mark.attrs['authorName'])}:${node.text}`);
  });
  return out;
}

describe('tracked changes and comments checked by LibreOffice', () => {
  afterAll(disposeLibreOffice);

  for (const [format, write, read, filter] of [
    ['ODT', toODT, fromODT, 'odt'],
    ['DOCX', toDOCX, fromDOCX, 'docx:MS Word 2007 XML'],
  ] as const) {
    it(
      `LibreOffice keeps the suggestions (authors, inserted and deleted text) and comments of our ${format} when it saves it again`,
      () => {
        const doc = reviewed();
        const extension = format.toLowerCase();
        const saved = convertWithLibreOffice(write(doc, { comments: comments(doc) }), `review.${extension}`, filter, extension);
        const back = read(saved);
        expect(back.doc.textContent).toBe(doc.textContent);
        expect(suggestions(back.doc)).toEqual(['insertion:Ada Lovelace:beschließt ', 'deletion:Bo Müller:nicht ']);
        const threads = back.comments.map((thread) => ({ quote: back.doc.textBetween(thread.from, thread.to), author: thread.author, body: thread.body }));
        // LibreOffice 7.4 has no reply threading in ODF: a reply comes back as a thread of its own on the same text.
        expect(threads).toEqual(
          expect.arrayContaining([
            { quote: 'Der Rat', author: 'Eve Schmidt', body: 'Wer genau?' },
            { quote: 'Ein zweiter', author: 'Max Mustermann', body: 'Zweiter Kommentar' },
          ]),
        );
        const replies = [...back.comments.flatMap((thread) => thread.replies), ...back.comments.filter((thread) => thread.body === 'Der Gemeinderat.')];
        expect(replies.map((reply) => `${reply.author}: ${reply.body}`)).toEqual(['Ada Lovelace: Der Gemeinderat.']);
      },
      TIMEOUT,
    );
  }

  it(
    'LibreOffice keeps a suggested formatting change of our DOCX (w:rPrChange: author, date, the formatting before) when it saves it again',
    () => {
      const change = schema.marks.format_change!.create({ id: 'f1', authorId: 'u1', authorName: 'Ada Lovelace', color: '#aa0000', time: T, before: '[{"type":"italic"}]' });
      const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('Der Rat '), schema.text('beschließt', [schema.marks.bold!.create(), change]), schema.text(' heute.')])]);
      const back = fromDOCX(convertWithLibreOffice(toDOCX(doc), 'format.docx', 'docx:MS Word 2007 XML', 'docx'));
      expect(back.doc.textContent).toBe(doc.textContent);
      expect(listSuggestions(back.doc).map(({ kind, formattedText, authorName, time, format }) => ({ kind, formattedText, authorName, time, format }))).toEqual([
        { kind: 'format', formattedText: 'beschließt', authorName: 'Ada Lovelace', time: T, format: { added: ['bold'], removed: ['italic'] } },
      ]);
    },
    TIMEOUT,
  );
});
