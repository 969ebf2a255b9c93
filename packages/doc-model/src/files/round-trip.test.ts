import { Y } from './yjs.test-support.js';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema.js';
import { fromDOCX } from './docx-read.js';
import { toDOCX } from './docx-write.js';
import { exportDocument, formatOfFileName, importDocument } from './file-formats.js';
import type { FileFormat } from './file-formats.js';
import { fromHTML, toHTML } from './html-file.js';
import { fromMarkdown } from './markdown-read.js';
import { toMarkdown } from './markdown-write.js';
import { fromODT } from './odt-read.js';
import { toODT } from './odt-write.js';
import { richSample } from './sample-doc.test-support.js';
import { docFromYDoc, writeDocToYDoc } from './ydoc-bridge.js';
import type { Node as ProseMirrorNode } from 'prosemirror-model';

/** The first block where two documents differ, for a readable failure. */
function firstDifference(expected: ProseMirrorNode, actual: ProseMirrorNode): string | null {
  for (let index = 0; index < Math.max(expected.childCount, actual.childCount); index++) {
    const a = expected.maybeChild(index);
    const b = actual.maybeChild(index);
    if (!a || !b || !a.eq(b)) return `block ${index}: expected ${JSON.stringify(a?.toJSON())}, got ${JSON.stringify(b?.toJSON())}`;
  }
  return null;
}

describe('round trips', () => {
  it('reads back an ODT export as the same document', () => {
    const doc = richSample();
    const result = fromODT(toODT(doc));
    expect(firstDifference(doc, result.doc)).toBeNull();
    expect(result.doc.eq(doc)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('reads back a DOCX export as the same document', () => {
    const doc = richSample();
    const result = fromDOCX(toDOCX(doc));
    expect(firstDifference(doc, result.doc)).toBeNull();
    expect(result.doc.eq(doc)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('reads back a Markdown export as the same document', () => {
    const doc = richSample({ collapsedSpaces: true });
    const result = fromMarkdown(toMarkdown(doc));
    expect(firstDifference(doc, result.doc)).toBeNull();
    expect(result.warnings).toEqual([]);
  });

  it('reads back an HTML export as the same document', () => {
    const doc = richSample({ collapsedSpaces: true });
    const result = fromHTML(toHTML(doc, { title: 'Protokoll <1>' }));
    expect(firstDifference(doc, result.doc)).toBeNull();
    expect(result.warnings).toEqual([]);
  });

  it('keeps runs of spaces in HTML and Markdown, which collapse them by definition', () => {
    expect(firstDifference(richSample(), fromHTML(toHTML(richSample())).doc)).toBeNull();
    expect(firstDifference(richSample(), fromMarkdown(toMarkdown(richSample())).doc)).toBeNull();
  });

  it.each(['odt', 'docx', 'markdown', 'html'] as FileFormat[])('exports and imports %s through the format table', (format) => {
    const doc = richSample();
    expect(importDocument(format, exportDocument(format, doc)).doc.eq(doc)).toBe(true);
  });

  it('writes the same bytes for the same document', () => {
    expect(toODT(richSample())).toEqual(toODT(richSample()));
    expect(toDOCX(richSample())).toEqual(toDOCX(richSample()));
  });

  it('exports a document with only an empty paragraph and reads it back', () => {
    const empty = schema.node('doc', null, [schema.node('paragraph')]);
    for (const format of ['odt', 'docx', 'markdown', 'html'] as FileFormat[]) {
      expect(importDocument(format, exportDocument(format, empty)).doc.eq(empty)).toBe(true);
    }
  });

  it('keeps list items with several paragraphs in every format', () => {
    const p = (text: string): ProseMirrorNode => schema.node('paragraph', null, [schema.text(text)]);
    const item = (...blocks: ProseMirrorNode[]): ProseMirrorNode => schema.node('list_item', null, blocks);
    const doc = schema.node('doc', null, [
      schema.node('ordered_list', { order: 1 }, [
        item(p('eins'), p('eins, zweiter Absatz')),
        item(p('zwei'), schema.node('bullet_list', null, [item(p('tief'), p('tief, weiter'))]), p('zwei, nach der Unterliste')),
        item(p('drei')),
      ]),
      p('danach'),
    ]);
    for (const format of ['odt', 'docx', 'markdown', 'html'] as FileFormat[]) {
      const back = importDocument(format, exportDocument(format, doc)).doc;
      expect(firstDifference(doc, back), format).toBeNull();
    }
  });

  it('names formats by file extension', () => {
    expect(formatOfFileName('Protokoll.ODT')).toBe('odt');
    expect(formatOfFileName('a.docx')).toBe('docx');
    expect(formatOfFileName('README.markdown')).toBe('markdown');
    expect(formatOfFileName('x.htm')).toBe('html');
    expect(formatOfFileName('x.pdf')).toBeNull();
  });
});

describe('Y.Doc bridge', () => {
  it('writes a document into a Y.Doc as one update and reads it back', () => {
    const ydoc = new Y.Doc();
    const origins: unknown[] = [];
    ydoc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    const doc = richSample();
    writeDocToYDoc(ydoc, doc, 'import');
    expect(origins).toEqual(['import']);
    expect(docFromYDoc(ydoc).eq(doc)).toBe(true);
  });

  it('replaces the content, and an undo manager for the origin undoes it in one step', () => {
    const ydoc = new Y.Doc();
    const before = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('Alt')])]);
    writeDocToYDoc(ydoc, before);
    const undo = new Y.UndoManager(ydoc.getXmlFragment('content'), { trackedOrigins: new Set(['import']) });
    writeDocToYDoc(ydoc, richSample(), 'import');
    expect(docFromYDoc(ydoc).eq(richSample())).toBe(true);
    undo.undo();
    expect(docFromYDoc(ydoc).eq(before)).toBe(true);
  });

  it('reads an empty Y.Doc as one empty paragraph', () => {
    const doc = docFromYDoc(new Y.Doc());
    expect(doc.childCount).toBe(1);
    expect(doc.firstChild?.type.name).toBe('paragraph');
  });
});
