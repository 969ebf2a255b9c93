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
});
