import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.js';
import { ByteBuilder } from './byte-builder.js';
import { FileImportError } from './file-error.js';
import type { FileErrorCode } from './file-error.js';
import { DEFAULT_FILE_LIMITS, limitsOf } from './limits.js';
import { childElements, findDescendant, firstChild, parseXML, textOf } from './xml-tree.js';
import { element, escapeText, xmlSafe } from './xml-writer.js';
import { readZip, writeZip, zipText } from './zip-archive.js';
import { streamXML } from './xml-stream.js';
import { decodeUtf8Text } from './utf8.js';

function codeOf(run: () => unknown): FileErrorCode | 'no error' | 'other error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof FileImportError ? error.code : 'other error';
  }
}

const ALL = (): boolean => true;

describe('zip archive', () => {
  it('writes entries in order, stores the uncompressed ones and reads them back', () => {
    const bytes = writeZip([
      { path: 'mimetype', data: 'application/x-test', store: true },
      { path: 'a/b.xml', data: '<a>ü</a>' },
    ]);
    // The first entry's name sits at offset 30 of the first local header.
    expect(new TextDecoder().decode(bytes.subarray(30, 38))).toBe('mimetype');
    const entries = readZip(bytes, DEFAULT_FILE_LIMITS, ALL);
    expect(zipText(entries, 'a/b.xml', 'test')).toBe('<a>ü</a>');
    expect(codeOf(() => zipText(entries, 'missing.xml', 'test'))).toBe('missing-part');
  });

  it('writes the same bytes for the same entries', () => {
    const items = [{ path: 'x.txt', data: 'same' }];
    expect(writeZip(items)).toEqual(writeZip(items));
  });

  it('refuses non-zips, truncated zips, oversize files, too many entries and zip bombs', () => {
    const good = writeZip([{ path: 'x.txt', data: 'x'.repeat(10_000) }]);
    expect(codeOf(() => readZip(strToU8('not a zip at all, not at all'), DEFAULT_FILE_LIMITS, ALL))).toBe('corrupt-archive');
    expect(codeOf(() => readZip(good.subarray(0, good.length - 30), DEFAULT_FILE_LIMITS, ALL))).toBe('corrupt-archive');
    expect(codeOf(() => readZip(good, limitsOf({ limits: { maxFileBytes: 100 } }), ALL))).toBe('too-large');
    const many = zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`f${index}`, strToU8('x')])));
    expect(codeOf(() => readZip(many, limitsOf({ limits: { maxEntries: 10 } }), ALL))).toBe('archive-limits');
    // 20 MB of zeros deflate to about 20 kB: refused from the declared size, before inflating.
    const bomb = zipSync({ 'big.xml': new Uint8Array(20_000_000) });
    expect(bomb.length).toBeLessThan(100_000);
    expect(codeOf(() => readZip(bomb, limitsOf({ limits: { maxUnpackedBytes: 1_000_000 } }), ALL))).toBe('archive-limits');
    // Entries that are not wanted do not count.
    expect(readZip(bomb, limitsOf({ limits: { maxUnpackedBytes: 1_000_000 } }), () => false).size).toBe(0);
  });
});

describe('XML reader', () => {
  const PREFIXES = { 'urn:test:one': 'one' };

  it('builds a tree with canonical prefixes, text and helpers', () => {
    const root = parseXML('<x:a xmlns:x="urn:test:one" x:k="v"><x:b>he<x:c>ll</x:c>o</x:b><x:b/><d><x:e>deep</x:e></d></x:a>', 'test.xml', DEFAULT_FILE_LIMITS, PREFIXES);
    expect(root.name).toBe('one:a');
    expect(root.attrs).toEqual({ 'one:k': 'v' });
    expect(childElements(root, 'one:b')).toHaveLength(2);
    expect(textOf(firstChild(root, 'one:b')!)).toBe('hello');
    expect(textOf(findDescendant(root, 'one:e')!)).toBe('deep');
    expect(firstChild(root, 'one:zzz')).toBeNull();
  });

  it('refuses DOCTYPEs (entity expansion, external entities), malformed XML and too many or too deep elements', () => {
    const billion = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><a>&lol2;</a>';
    const external = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>';
    expect(codeOf(() => parseXML(billion, 't', DEFAULT_FILE_LIMITS, PREFIXES))).toBe('forbidden-xml');
    expect(codeOf(() => parseXML(external, 't', DEFAULT_FILE_LIMITS, PREFIXES))).toBe('forbidden-xml');
    expect(codeOf(() => parseXML('<a><b></a>', 't', DEFAULT_FILE_LIMITS, PREFIXES))).toBe('bad-xml');
    expect(codeOf(() => parseXML('<a>&undeclared;</a>', 't', DEFAULT_FILE_LIMITS, PREFIXES))).toBe('bad-xml');
    expect(codeOf(() => parseXML(`<a>${'<b/>'.repeat(50)}</a>`, 't', limitsOf({ limits: { maxXmlElements: 20 } }), PREFIXES))).toBe('bad-xml');
    expect(codeOf(() => parseXML(`${'<b>'.repeat(40)}${'</b>'.repeat(40)}`, 't', limitsOf({ limits: { maxXmlDepth: 30 } }), PREFIXES))).toBe('bad-xml');
  });
});

describe('XML writer', () => {
  it('escapes text and attributes and drops characters XML cannot hold', () => {
    expect(escapeText('a<b>&c')).toBe('a&lt;b&gt;&amp;c');
    expect(element('x', { a: 'say "hi"\n', skip: null, n: 3 }, '')).toBe('<x a="say &quot;hi&quot;&#10;" n="3"/>');
    expect(element('x', {}, 'inner')).toBe('<x>inner</x>');
    expect(xmlSafe('a\u0001b\ud800c')).toBe('abc');
  });
});

describe('base64', () => {
  it('round-trips bytes of every length and refuses malformed text', () => {
    for (let length = 0; length < 10; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + 11) & 0xff);
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    }
    expect(encodeBase64(strToU8('Allmende'))).toBe('QWxsbWVuZGU=');
    expect(decodeBase64('QW*s')).toBeNull();
    expect(decodeBase64('Q')).toBeNull();
  });
});

describe('XML stream', () => {
  it('reports elements with canonical names and depth, and text', () => {
    const events: string[] = [];
    streamXML('<x:a xmlns:x="urn:test:one"><x:b k="1">t</x:b></x:a>', 't', DEFAULT_FILE_LIMITS, { 'urn:test:one': 'one' }, {
      open: (name, attrs, depth) => events.push(`<${name}${attrs['k'] ?? ''}@${depth}`),
      close: (name) => events.push(`</${name}`),
      text: (text) => events.push(text),
    });
    expect(events).toEqual(['<one:a@1', '<one:b1@2', 't', '</one:b', '</one:a']);
  });

  it('resolves prefixes per scope: redeclared, default and undeclared namespaces, prefixed attributes', () => {
    const events: string[] = [];
    const xml =
      '<root xmlns="urn:one" xmlns:p="urn:two" p:k="1" plain="2">' +
      '<p:a><p:b xmlns:p="urn:one" p:k="3"/></p:a>' +
      '<inner xmlns=""><p:c/></inner>' +
      '<q:d xmlns:q="urn:two" xml:space="preserve"/>' +
      '</root>';
    streamXML(xml, 't', DEFAULT_FILE_LIMITS, { 'urn:one': 'one', 'urn:two': 'two', 'http://www.w3.org/XML/1998/namespace': 'xml' }, {
      open: (name, attrs) => events.push(`<${name} ${Object.keys(attrs).sort().join(',')}`),
      close: (name) => events.push(`</${name}`),
    });
    expect(events).toEqual([
      '<one:root plain,two:k',
      '<two:a ',
      '<one:b one:k',
      '</one:b',
      '</two:a',
      '<inner ',
      '<two:c ',
      '</two:c',
      '</inner',
      '<two:d xml:space',
      '</two:d',
      '</one:root',
    ]);
  });

  it('refuses unbound prefixes as bad-xml', () => {
    const none = { open: () => undefined, close: () => undefined };
    expect(codeOf(() => streamXML('<p:a/>', 't', DEFAULT_FILE_LIMITS, {}, none))).toBe('bad-xml');
    expect(codeOf(() => streamXML('<a p:k="1"/>', 't', DEFAULT_FILE_LIMITS, {}, none))).toBe('bad-xml');
    // A prefix bound in one element is unbound again after it closes.
    expect(codeOf(() => streamXML('<a><b xmlns:p="urn:x"/><p:c/></a>', 't', DEFAULT_FILE_LIMITS, {}, none))).toBe('bad-xml');
  });

  it('refuses DOCTYPEs and passes the errors of handlers through', () => {
    const none = { open: () => undefined, close: () => undefined };
    expect(codeOf(() => streamXML('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', 't', DEFAULT_FILE_LIMITS, {}, none))).toBe('forbidden-xml');
    expect(codeOf(() => streamXML('<a><b></a>', 't', DEFAULT_FILE_LIMITS, {}, none))).toBe('bad-xml');
    expect(codeOf(() => streamXML(`<a>${'<b/>'.repeat(30)}</a>`, 't', limitsOf({ limits: { maxXmlElements: 10 } }), {}, none))).toBe('bad-xml');
    const limit = { open: () => { throw new FileImportError('too-many-cells', 'stop'); }, close: () => undefined };
    expect(codeOf(() => streamXML('<a/>', 't', DEFAULT_FILE_LIMITS, {}, limit))).toBe('too-many-cells');
  });
});

describe('ByteBuilder', () => {
  it('collects text as UTF-8 across many growths, and bytes as they are', () => {
    const builder = new ByteBuilder();
    let expected = '';
    for (let i = 0; i < 20_000; i++) {
      const piece = i % 7 === 0 ? `<c r="ä${i}">€𝄞</c>` : `<c r="A${i}"/>`;
      builder.append(piece);
      expected += piece;
    }
    builder.appendBytes(strToU8('!'));
    expect(strFromU8(builder.bytes())).toBe(expected + '!');
    expect(new ByteBuilder().bytes()).toEqual(new Uint8Array(0));
  });
});

describe('zip text', () => {
  it('refuses parts that are not UTF-8 with bad-xml', () => {
    const entries = new Map([['a.xml', Uint8Array.of(0x3c, 0x61, 0xe4, 0x2f, 0x3e)]]);
    expect(codeOf(() => zipText(entries, 'a.xml', 'XLSX'))).toBe('bad-xml');
    expect(zipText(new Map([['b.xml', strToU8('\ufeff<ä/>')]]), 'b.xml', 'XLSX')).toBe('<ä/>');
  });
});

describe('UTF-8 text', () => {
  it('decodes with and without BOM and refuses other encodings', () => {
    expect(decodeUtf8Text(strToU8('\ufeffäb'))).toBe('äb');
    expect(decodeUtf8Text(strToU8('äb'))).toBe('äb');
    expect(codeOf(() => decodeUtf8Text(Uint8Array.of(0x61, 0xe4, 0x62)))).toBe('bad-text');
  });
});
