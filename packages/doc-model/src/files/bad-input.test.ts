import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromDOCX } from './docx-read.js';
import { toDOCX } from './docx-write.js';
import { FileImportError } from './file-error.js';
import type { FileErrorCode } from './file-error.js';
import { decodeUtf8, importDocument } from './file-formats.js';
import { fromHTML } from './html-file.js';
import { DEFAULT_FILE_LIMITS } from './limits.js';
import { fromMarkdown } from './markdown-read.js';
import { fromODT } from './odt-read.js';
import { toODT } from './odt-write.js';
import { richSample } from './sample-doc.test-support.js';
import { readZip } from '@allmende/office-files';

const ODF_HEAD =
  '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">';

/** An ODT with the given content.xml (and the usual mimetype first). */
function odtWith(content: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8(content), ...extra });
}

function odtBody(body: string): Uint8Array {
  return odtWith(`${ODF_HEAD}<office:body><office:text>${body}</office:text></office:body></office:document-content>`);
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A DOCX holding only a document.xml with this body. */
function docxBody(body: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
  });
}

/** Runs `read` and returns the error code it throws. */
function codeOf(read: () => unknown): FileErrorCode | 'no error' | 'other error' {
  try {
    read();
    return 'no error';
  } catch (error) {
    if (error instanceof FileImportError) {
      expect(error.detail.length).toBeGreaterThan(10);
      return error.code;
    }
    return 'other error';
  }
}

/** Sets the uncompressed size of every entry in a zip's central directory. */
function claimSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let index = 0; index + 4 <= copy.length; index++) {
    if (view.getUint32(index, true) === 0x02014b50) view.setUint32(index + 24, size, true);
  }
  return copy;
}

describe('zips that cannot be read', () => {
  it('refuses bytes that are no zip', () => {
    expect(codeOf(() => fromODT(strToU8('Hello, this is plain text and not a zip at all.')))).toBe('corrupt-archive');
    expect(codeOf(() => fromDOCX(new Uint8Array(0)))).toBe('corrupt-archive');
  });

  it('refuses truncated zips', () => {
    const odt = toODT(richSample());
    expect(codeOf(() => fromODT(odt.subarray(0, odt.length - 30)))).toBe('corrupt-archive');
    const docx = toDOCX(richSample());
    expect(codeOf(() => fromDOCX(docx.subarray(0, Math.floor(docx.length / 2))))).toBe('corrupt-archive');
  });

  it('refuses a zip whose compressed data is damaged', () => {
    const odt = toODT(richSample()).slice();
    // Overwrite the middle of the file (inside deflated entries) with noise.
    for (let index = 200; index < 600; index++) odt[index] = (index * 73) & 0xff;
    expect(['corrupt-archive', 'bad-xml']).toContain(codeOf(() => fromODT(odt)));
  });

  it('refuses files over the size cap before looking inside', () => {
    const odt = toODT(richSample());
    expect(codeOf(() => fromODT(odt, { limits: { maxFileBytes: 1000 } }))).toBe('too-large');
    expect(codeOf(() => importDocument('markdown', new Uint8Array(2000), { limits: { maxFileBytes: 1000 } }))).toBe('too-large');
    expect(codeOf(() => fromMarkdown('#'.repeat(2000), { limits: { maxFileBytes: 1000 } }))).toBe('too-large');
    expect(codeOf(() => fromHTML('<p>'.repeat(1000), { limits: { maxFileBytes: 1000 } }))).toBe('too-large');
  });

  it('refuses a zip bomb: an entry that unpacks far beyond the bound', () => {
    const bomb = odtWith(`${ODF_HEAD}<office:body><office:text/></office:body></office:document-content>`, {
      'Pictures/zeros.png': new Uint8Array(20 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(100_000);
    expect(codeOf(() => fromODT(bomb, { limits: { maxUnpackedBytes: 10 * 1024 * 1024 } }))).toBe('archive-limits');
  });

  it('refuses a zip that claims gigabytes, from its directory alone', () => {
    const claimed = claimSize(toDOCX(richSample()), 0xfffffff0);
    expect(codeOf(() => fromDOCX(claimed))).toBe('archive-limits');
    expect(DEFAULT_FILE_LIMITS.maxUnpackedBytes).toBeLessThan(0xfffffff0);
  });

  it('refuses zips with too many entries', () => {
    const entries: Record<string, Uint8Array> = {};
    for (let index = 0; index < DEFAULT_FILE_LIMITS.maxEntries + 1; index++) entries[`f${index}.txt`] = new Uint8Array(0);
    expect(codeOf(() => fromODT(zipSync(entries, { level: 0 })))).toBe('archive-limits');
  });

  it('never unpacks more than an entry declares', () => {
    const zip = zipSync({ 'content.xml': new Uint8Array(100_000).fill(65) });
    const lying = claimSize(zip, 10);
    const entries = readZip(lying, DEFAULT_FILE_LIMITS, () => true);
    expect(entries.get('content.xml')?.length).toBe(10);
  });

  it('reports missing parts', () => {
    expect(codeOf(() => fromODT(zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text') })))).toBe('missing-part');
    expect(codeOf(() => fromDOCX(zipSync({ '[Content_Types].xml': strToU8('<Types/>') })))).toBe('missing-part');
    expect(codeOf(() => fromODT(odtWith(`${ODF_HEAD}<office:body/></office:document-content>`)))).toBe('missing-part');
    expect(codeOf(() => fromDOCX(docxBody('').subarray(0, 0)))).toBe('corrupt-archive');
  });

  it('tells an ODT from a DOCX', () => {
    expect(codeOf(() => fromODT(toDOCX(richSample())))).toBe('missing-part');
    expect(codeOf(() => fromDOCX(toODT(richSample())))).toBe('wrong-format');
    const spreadsheet = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] });
    expect(codeOf(() => fromODT(spreadsheet))).toBe('wrong-format');
  });
});

describe('XML that is refused', () => {
  it('refuses a DOCTYPE with entity expansion (billion laughs)', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      `${ODF_HEAD}<office:body><office:text><text:p>&lol3;</text:p></office:text></office:body></office:document-content>`;
    expect(codeOf(() => fromODT(odtWith(laughs)))).toBe('forbidden-xml');
  });

  it('refuses external entities and never reads them', () => {
    const external = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`;
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(external) });
    expect(codeOf(() => fromDOCX(docx))).toBe('forbidden-xml');
  });

  it('refuses undeclared entities and malformed XML', () => {
    expect(codeOf(() => fromODT(odtBody('<text:p>&undeclared;</text:p>')))).toBe('bad-xml');
    expect(codeOf(() => fromODT(odtBody('<text:p>open')))).toBe('bad-xml');
    expect(codeOf(() => fromDOCX(docxBody('<w:p><w:r></w:p>')))).toBe('bad-xml');
  });

  it('refuses nesting beyond the bound', () => {
    const deep = '<text:span>'.repeat(300) + 'x' + '</text:span>'.repeat(300);
    expect(codeOf(() => fromODT(odtBody(`<text:p>${deep}</text:p>`)))).toBe('bad-xml');
  });

  it('refuses text files that are not UTF-8', () => {
    expect(codeOf(() => decodeUtf8(new Uint8Array([0x48, 0xff, 0x48])))).toBe('bad-text');
    expect(codeOf(() => importDocument('markdown', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])))).toBe('bad-text');
    expect(decodeUtf8(strToU8('\ufeffÄrger'))).toBe('Ärger');
  });
});

describe('content that is kept as text or dropped with a warning', () => {
  it('keeps the text of unknown ODF elements', () => {
    const result = fromODT(odtBody('<text:p>vor <text:unknown-thing>innen</text:unknown-thing> nach</text:p><text:mystery-block><text:p>Block</text:p></text:mystery-block>'));
    expect(result.doc.textContent).toBe('vor innen nachBlock');
    expect(result.warnings).toContainEqual({ code: 'unknown-content', count: 2 });
  });

  it('reads ODF tracked changes as suggestions and an annotation without a range as a comment on its paragraph', () => {
    const result = fromODT(
      odtBody(
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>gelöscht</text:p></text:deletion></text:changed-region>' +
          '<text:changed-region text:id="c2"><text:insertion/></text:changed-region></text:tracked-changes>' +
          '<text:p>Text<office:annotation><text:p>Kommentar</text:p></office:annotation> mit <text:change-start text:change-id="c2"/>neu<text:change-end text:change-id="c2"/><text:change text:change-id="c1"/>.</text:p>',
      ),
    );
    expect(result.doc.textContent).toBe('Text mit neugelöscht.');
    const kinds: string[] = [];
    result.doc.descendants((node) => {
      if (node.isText) kinds.push(`${node.text}:${node.marks.map((mark) => mark.type.name).join(',')}`);
    });
    expect(kinds).toEqual(['Text mit :', 'neu:insertion', 'gelöscht:deletion', '.:']);
    expect(result.comments.map((thread) => [result.doc.textBetween(thread.from, thread.to), thread.body])).toEqual([['Text mit neugelöscht.', 'Kommentar']]);
    expect(result.warnings).toEqual([]);
  });

  it('reads w:ins and w:del as suggestions; a comment range without comments.xml adds nothing', () => {
    const result = fromDOCX(
      docxBody(
        '<w:p><w:r><w:t xml:space="preserve">Alt </w:t></w:r><w:ins w:id="1" w:author="A"><w:r><w:t xml:space="preserve">eingefügt </w:t></w:r></w:ins>' +
          '<w:del w:id="2" w:author="B"><w:r><w:delText>entfernt</w:delText></w:r></w:del><w:commentRangeStart w:id="3"/><w:r><w:t>Ende</w:t></w:r>' +
          '<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p>',
      ),
    );
    expect(result.doc.textContent).toBe('Alt eingefügt entferntEnde');
    expect(result.comments).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps the text of unknown DOCX elements', () => {
    const result = fromDOCX(docxBody('<w:p><w:r><w:t>a</w:t></w:r><w:future><w:r><w:t>b</w:t></w:r></w:future></w:p><w:altChunk>c</w:altChunk>'));
    expect(result.doc.textContent).toBe('abc');
    expect(result.warnings).toEqual([{ code: 'unknown-content', count: 2 }]);
  });

  it('drops images of unsupported types with a warning', () => {
    const svg = strToU8('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const odt = odtWith(
      `${ODF_HEAD.replace('office:version', 'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version')}<office:body><office:text><text:p>Bild<draw:frame><draw:image xlink:href="Pictures/a.svg"/></draw:frame></text:p></office:text></office:body></office:document-content>`,
      { 'Pictures/a.svg': svg },
    );
    const result = fromODT(odt);
    expect(result.doc.textContent).toBe('Bild');
    expect(result.warnings).toEqual([{ code: 'images-dropped', count: 1 }]);
  });

  it('sanitizes HTML files as pastes are', () => {
    const result = fromHTML('<h2 onclick="x()">Titel</h2><script>alert(1)</script><p>Text <a href="javascript:alert(1)">Link</a><img src="file:///c/x.png"></p>');
    expect(result.doc.toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { level: 2, align: null, indent: 0 }, content: [{ type: 'text', text: 'Titel' }] },
        { type: 'paragraph', attrs: { level: 0, align: null, indent: 0 }, content: [{ type: 'text', text: 'Text Link' }] },
      ],
    });
    expect(result.warnings).toEqual([{ code: 'images-dropped', count: 1 }]);
  });
});
