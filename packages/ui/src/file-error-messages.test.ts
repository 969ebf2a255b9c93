import { describe, expect, it } from 'vitest';
import { fileErrorMessages, fileErrorReason } from './file-error-messages.js';

describe('fileErrorReason', () => {
  const codes = Object.keys(fileErrorMessages.english);

  it('explains every code in both languages, each differently, German ones as sentences', () => {
    expect(fileErrorMessages.missing('de')).toEqual([]);
    for (const locale of ['en', 'de-AT']) {
      const reasons = codes.map((code) => fileErrorReason(locale, code, '50 MB'));
      expect(new Set(reasons).size).toBe(codes.length);
      for (const reason of reasons) expect(reason).toMatch(/\.$/);
    }
    for (const code of codes) expect(fileErrorReason('de', code, '50 MB')).toMatch(/^[A-ZÄÖÜ]/);
  });

  it('puts the size cap into the too-large reason', () => {
    expect(fileErrorReason('en', 'too-large', '50 MB')).toBe('the file is larger than 50 MB.');
    expect(fileErrorReason('de', 'too-large', '50 MB')).toBe('Die Datei ist größer als 50 MB.');
  });

  it('gives the general reason for codes it does not know, also for names of object properties', () => {
    expect(fileErrorReason('en', 'something-new')).toBe('the file cannot be read.');
    expect(fileErrorReason('de', 'toString')).toBe('Die Datei kann nicht gelesen werden.');
    expect(fileErrorReason('fr', 'bad-xml')).toBe('the file contains broken XML.');
  });
});
