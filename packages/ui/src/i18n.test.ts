import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './format.js';
import { languageOf } from './locale.js';
import { defineMessages } from './messages.js';

const messages = defineMessages(
  {
    bold: 'Bold',
    italic: 'Italic',
    words: (count: number, shown: string) => `${shown} ${count === 1 ? 'word' : 'words'}`,
  },
  { de: { bold: 'Fett', words: (count, shown) => `${shown} ${count === 1 ? 'Wort' : 'Wörter'}` } },
);

describe('languageOf', () => {
  it('reads the primary subtag of a language tag, in any case', () => {
    expect(languageOf('de')).toBe('de');
    expect(languageOf('de-AT')).toBe('de');
    expect(languageOf('DE_ch')).toBe('de');
    expect(languageOf('en-GB')).toBe('en');
  });

  it('falls back to English for languages without a translation and for empty tags', () => {
    expect(languageOf('fr')).toBe('en');
    expect(languageOf('')).toBe('en');
    expect(languageOf('  ')).toBe('en');
  });
});

describe('MessageBundle', () => {
  it('translates by the language of a tag', () => {
    expect(messages.translator('de-AT')('bold')).toBe('Fett');
    expect(messages.translator('en')('bold')).toBe('Bold');
    expect(messages.translator('fr')('bold')).toBe('Bold');
  });

  it('fills message arguments, with plurals chosen by the message', () => {
    expect(messages.translator('de')('words', 1, '1')).toBe('1 Wort');
    expect(messages.translator('de')('words', 12345, '12.345')).toBe('12.345 Wörter');
    expect(messages.translator('en')('words', 2, '2')).toBe('2 words');
  });

  it('takes a message a translation lacks from English, and lists it as missing', () => {
    expect(messages.translator('de')('italic')).toBe('Italic');
    expect(messages.missing('de')).toEqual(['italic']);
    expect(messages.missing('en')).toEqual([]);
  });

  it('throws a RangeError for an unknown message id', () => {
    const translate = messages.translator('de') as (key: string) => string;
    expect(() => translate('nope')).toThrow(RangeError);
  });

  it('refuses translations without every language', () => {
    expect(() => defineMessages({ a: 'A' }, {} as never)).toThrow(TypeError);
  });
});

describe('formatNumber and formatDate', () => {
  it('format numbers by locale', () => {
    expect(formatNumber(12345.6, 'de')).toBe('12.345,6');
    expect(formatNumber(12345.6, 'en')).toBe('12,345.6');
    expect(formatNumber(0.25, 'de', { style: 'percent' })).toBe('25\u00a0%');
  });

  it('fall back to English for a malformed tag', () => {
    expect(formatNumber(1234, 'not a tag!')).toBe('1,234');
    expect(formatDate(Date.UTC(2026, 10, 3, 12), 'x!', { dateStyle: 'long', timeZone: 'UTC' })).toBe('November 3, 2026');
  });

  it('format dates by locale', () => {
    const date = new Date(Date.UTC(2026, 10, 3, 12));
    expect(formatDate(date, 'de', { dateStyle: 'long', timeZone: 'UTC' })).toBe('3. November 2026');
    expect(formatDate(date, 'en-GB', { dateStyle: 'long', timeZone: 'UTC' })).toBe('3 November 2026');
  });

  it('throw a RangeError for bad options and invalid dates', () => {
    expect(() => formatNumber(1, 'de-XY-bad', { style: 'nope' as 'decimal' })).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN), 'de')).toThrow(RangeError);
  });
});
