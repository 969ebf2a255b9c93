import { describe, expect, it } from 'vitest';
import { docMessages } from './doc-messages.js';

describe('docMessages', () => {
  it('has a German text for every English one', () => {
    expect(docMessages.missing('de')).toEqual([]);
  });

  it('speaks German for de and its regions, English otherwise', () => {
    expect(docMessages.translator('de-AT')('bold')).toBe('Fett');
    expect(docMessages.translator('en-GB')('bold')).toBe('Bold');
    expect(docMessages.translator('fr')('bold')).toBe('Bold');
  });

  it('chooses singular and plural in both languages', () => {
    const de = docMessages.translator('de');
    const en = docMessages.translator('en');
    expect(de('words', 1, '1')).toBe('1 Wort');
    expect(de('words', 1234, '1.234')).toBe('1.234 Wörter');
    expect(en('words', 1, '1')).toBe('1 word');
    expect(en('characters', 2, '2')).toBe('2 characters');
    expect(en('pastedImagesRemoved', 1, '1 MB')).toMatch(/^One image was left out/);
    expect(de('pastedImagesRemoved', 3, '1 MB')).toMatch(/^3 Bilder wurden/);
  });

  it('explains relay close codes in words', () => {
    expect(docMessages.translator('de')('closedByRelay', 4403)).toBe('Sie haben keinen Zugriff auf dieses Dokument');
    expect(docMessages.translator('en')('closedByRelay', 4999)).toBe('the relay closed the connection (4999)');
  });

  it('explains every file error and import warning in both languages', () => {
    const codes = ['too-large', 'corrupt-archive', 'archive-limits', 'missing-part', 'wrong-format', 'bad-xml', 'forbidden-xml', 'bad-text', 'unknown-format'];
    for (const language of ['de', 'en']) {
      const t = docMessages.translator(language);
      const texts = codes.map((code) => t('fileError', code, '50 MB'));
      expect(new Set(texts).size).toBe(codes.length);
      expect(texts).not.toContain(t('fileError', 'something-else', ''));
    }
    expect(docMessages.translator('de')('fileError', 'too-large', '50 MB')).toBe('Die Datei ist größer als 50 MB.');
    expect(docMessages.translator('en')('importFailed', 'a.docx', 'x')).toBe('“a.docx” could not be imported: x');
    expect(docMessages.translator('de')('importWarning', 'comments-dropped', 2)).toBe('2 Kommentare wurden weggelassen.');
    expect(docMessages.translator('en')('importWarning', 'insertions-accepted', 1)).toBe('One tracked insertion was accepted.');
  });

  it('explains every export warning in both languages, in the singular and the plural', () => {
    const codes = ['nested-quotes-merged', 'quote-blocks-moved', 'list-blocks-moved'];
    for (const language of ['de', 'en']) {
      const t = docMessages.translator(language);
      const fallback = t('exportWarning', 'something-else', 1);
      for (const count of [1, 3]) {
        const texts = codes.map((code) => t('exportWarning', code, count));
        expect(new Set(texts).size).toBe(codes.length);
        expect(texts).not.toContain(fallback);
        if (count > 1) for (const text of texts) expect(text).toContain('3');
      }
      expect(t('exportDoneWithWarnings', 'a.odt', 'x')).toContain('a.odt');
    }
  });
});
