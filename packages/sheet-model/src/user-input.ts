import { parseDateText } from './dates.js';
import type { Locale } from './number-format.js';

/** What a typed input means: a formula, or a constant with an optional format the input implies (50% → percent). */
export type ParsedInput =
  | { readonly kind: 'empty' }
  | { readonly kind: 'formula'; readonly text: string }
  | { readonly kind: 'value'; readonly value: number | boolean | string; readonly format?: string };

const EN_NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?([eE][+-]?\d+)?$|^[+-]?\.\d+([eE][+-]?\d+)?$/;
const DE_NUMBER = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d*)?([eE][+-]?\d+)?$|^[+-]?,\d+([eE][+-]?\d+)?$/;

function parseLocaleNumber(s: string, locale: Locale): number | undefined {
  if (locale === 'de') {
    if (!DE_NUMBER.test(s)) return undefined;
    return Number(s.replace(/\./g, '').replace(',', '.'));
  }
  if (!EN_NUMBER.test(s)) return undefined;
  return Number(s.replace(/,/g, ''));
}

/**
 * Reads what a user typed into a cell, as a spreadsheet does: `=…` is a formula, a leading `'` forces text, numbers follow
 * the locale (de: 1.234,5), `12%` is a percentage, `1.234,56 €` a EUR amount, TRUE/FALSE (WAHR/FALSCH in German)
 * booleans, and ISO, German or US dates become date serials; everything else is text.
 */
export function parseUserInput(input: string | number | boolean | null | undefined, locale: Locale): ParsedInput {
  if (input === null || input === undefined || input === '') return { kind: 'empty' };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new RangeError(`A cell cannot hold ${input}; use a finite number.`);
    return { kind: 'value', value: input };
  }
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  if (typeof input !== 'string') throw new TypeError('A cell input must be text, a number, a boolean or null.');
  if (input.startsWith("'")) return { kind: 'value', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', text: input };
  const t = input.trim();
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || (locale === 'de' && upper === 'WAHR')) return { kind: 'value', value: true };
  if (upper === 'FALSE' || (locale === 'de' && upper === 'FALSCH')) return { kind: 'value', value: false };
  const n = parseLocaleNumber(t, locale);
  if (n !== undefined) return { kind: 'value', value: n };
  const pct = /^(.*?)\s*%$/.exec(t);
  if (pct) {
    const p = parseLocaleNumber(pct[1]!, locale);
    if (p !== undefined) return { kind: 'value', value: p / 100, format: Number.isInteger(p) ? '0%' : '0.00%' };
  }
  const eur = /^(.*?)\s*€$/.exec(t) ?? /^€\s*(.*)$/.exec(t);
  if (eur) {
    const p = parseLocaleNumber(eur[1]!, locale);
    if (p !== undefined) return { kind: 'value', value: p, format: '#,##0.00 €' };
  }
  const d = locale === 'de' || !/^\d{1,2}\.\d{1,2}\.\d{4}/.test(t) ? parseDateText(t) : undefined;
  if (d !== undefined) {
    const hasTime = /:/.test(t);
    const hasDate = /[-./]/.test(t);
    const dateFmt = locale === 'de' ? 'DD.MM.YYYY' : 'YYYY-MM-DD';
    return { kind: 'value', value: d, format: hasDate && hasTime ? `${dateFmt} hh:mm` : hasDate ? dateFmt : 'hh:mm' };
  }
  return { kind: 'value', value: input };
}
