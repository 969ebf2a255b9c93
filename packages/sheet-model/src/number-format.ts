import { serialToDate, serialToTime } from './dates.js';
import { roundHalfAway } from './rounding.js';
import { numberToText } from './values.js';

/** A display locale: German (`de`: 1.234,56) or English (`en`: 1,234.56). */
export type Locale = 'de' | 'en';

/** Common number format codes, in Excel's format language. */
export const NUMBER_FORMATS = {
  general: 'General',
  integer: '0',
  fixed2: '0.00',
  thousands: '#,##0',
  thousands2: '#,##0.00',
  percent: '0%',
  percent2: '0.00%',
  eur: '#,##0.00 €',
  scientific: '0.00E+00',
  dateDe: 'DD.MM.YYYY',
  dateIso: 'YYYY-MM-DD',
  dateEn: 'MM/DD/YYYY',
  time: 'hh:mm',
  timeSeconds: 'hh:mm:ss',
  dateTimeDe: 'DD.MM.YYYY hh:mm',
  text: '@',
} as const;

const SEPARATORS: Record<Locale, { dec: string; group: string }> = { de: { dec: ',', group: '.' }, en: { dec: '.', group: ',' } };
const MONTHS: Record<Locale, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};
const DAYS: Record<Locale, string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  de: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
};

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < fmt.length) {
      cur += ch + fmt[++i]!;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Removes quoted literals, escapes and brackets so a section can be classified. */
function bare(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

function isDateSection(section: string): boolean {
  return /[ymdhs]/i.test(bare(section).replace(/E[+-]/gi, ''));
}

function groupDigits(int: string, sep: string): string {
  let out = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += sep;
    out += int[i];
  }
  return out;
}

/** Formats with a numeric section such as `#,##0.00 "€"`, `0%` or `0.00E+00`. */
function formatNumeric(value: number, section: string, locale: Locale, negativeSection: boolean): string {
  const { dec, group } = SEPARATORS[locale];
  // Tokenize into literals and the number pattern
  let prefix = '';
  let suffix = '';
  let pattern = '';
  let phase: 'pre' | 'num' | 'post' = 'pre';
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    let literal: string | undefined;
    if (ch === '"') {
      const j = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, j < 0 ? undefined : j);
      i = j < 0 ? section.length : j;
    } else if (ch === '\\') literal = section[++i] ?? '';
    else if (ch === '[') {
      const j = section.indexOf(']', i);
      const inner = section.slice(i + 1, j < 0 ? undefined : j);
      i = j < 0 ? section.length : j;
      const cur = /^\$([^-]*)/.exec(inner);
      literal = cur ? cur[1]! : '';
    } else if (ch === '_') {
      i++;
      literal = ' ';
    } else if (ch === '*') {
      i++;
      literal = '';
    } else if ('0#?'.includes(ch) || ((ch === '.' || ch === ',') && phase === 'num') || ((ch === 'E' || ch === 'e') && phase === 'num' && /[+-]/.test(section[i + 1] ?? ''))) {
      if (phase === 'post') {
        pattern += ch;
        continue;
      }
      phase = 'num';
      if (ch === 'E' || ch === 'e') {
        pattern += 'E' + section[i + 1]!;
        i++;
      } else pattern += ch;
      continue;
    } else if (ch === '.' && phase === 'pre' && /[0#?]/.test(section[i + 1] ?? '')) {
      phase = 'num';
      pattern += ch;
      continue;
    } else literal = ch;
    if (phase === 'num') phase = 'post';
    if (phase === 'pre') prefix += literal;
    else suffix += literal;
  }
  const percents = (prefix + suffix).split('%').length - 1;
  let v = Math.abs(value) * Math.pow(100, percents);
  const ePos = pattern.indexOf('E');
  const mantissa = ePos >= 0 ? pattern.slice(0, ePos) : pattern;
  const dot = mantissa.indexOf('.');
  const intPat = (dot >= 0 ? mantissa.slice(0, dot) : mantissa);
  const decPat = dot >= 0 ? mantissa.slice(dot + 1).replace(/,/g, '') : '';
  const grouping = intPat.includes(',') && /[0#?],+[0#?]/.test(intPat);
  const trailingCommas = /,+$/.exec(intPat)?.[0].length ?? 0;
  v = v / Math.pow(1000, trailingCommas);
  const minInt = (intPat.match(/0/g) ?? []).length;
  const minDec = (decPat.match(/0/g) ?? []).length;
  const maxDec = decPat.length;
  let exponent = '';
  if (ePos >= 0) {
    const e = v === 0 ? 0 : Math.floor(Math.log10(v));
    v = v / Math.pow(10, e);
    if (Number(v.toFixed(maxDec)) >= 10) {
      // Rounding carried into another digit, as in 9.99 → 10.0: renormalise
      v = 1;
      exponent = 'E' + (e + 1 < 0 ? '-' : pattern[ePos + 1] === '+' ? '+' : '') + String(Math.abs(e + 1)).padStart((pattern.slice(ePos + 2).match(/0/g) ?? []).length, '0');
    } else {
      const expDigits = (pattern.slice(ePos + 2).match(/0/g) ?? []).length;
      exponent = 'E' + (e < 0 ? '-' : pattern[ePos + 1] === '+' ? '+' : '') + String(Math.abs(e)).padStart(expDigits, '0');
    }
  }
  let fixed = roundHalfAway(v, maxDec).toFixed(maxDec);
  let [ip, dp = ''] = fixed.split('.') as [string, string?];
  while (dp.length > minDec && dp.endsWith('0')) dp = dp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = groupDigits(ip, group);
  fixed = ip + (dp.length > 0 || decPat.length > 0 && mantissa.endsWith('.') ? dec + dp : '');
  if (decPat.length === 0 && dot >= 0) fixed = ip + dec;
  const sign = value < 0 && !negativeSection && Number(fixed.replace(/[^0-9]/g, '') || '0') !== 0 ? '-' : '';
  return sign + prefix + fixed + exponent + suffix;
}

/** Formats with a date and time section such as `DD.MM.YYYY hh:mm`. */
function formatDate(serial: number, section: string, locale: Locale): string {
  const d = serialToDate(serial);
  const t = serialToTime(serial);
  const ampm = /AM\/PM|A\/P/i.test(section);
  let out = '';
  const src = section;
  let lastWasHour = false;
  for (let i = 0; i < src.length; ) {
    const rest = src.slice(i);
    const ch = src[i]!;
    if (ch === '"') {
      const j = src.indexOf('"', i + 1);
      out += src.slice(i + 1, j < 0 ? undefined : j);
      i = j < 0 ? src.length : j + 1;
      continue;
    }
    if (ch === '\\') {
      out += src[i + 1] ?? '';
      i += 2;
      continue;
    }
    const elapsed = /^\[(h+|m+|s+)\]/i.exec(rest);
    if (elapsed) {
      const unit = elapsed[1]![0]!.toLowerCase();
      const total = Math.round(serial * 86_400);
      const val = unit === 'h' ? Math.floor(total / 3600) : unit === 'm' ? Math.floor(total / 60) : total;
      out += String(val).padStart(elapsed[1]!.length, '0');
      i += elapsed[0].length;
      lastWasHour = unit === 'h';
      continue;
    }
    if (/^AM\/PM/i.test(rest)) {
      out += t.hour < 12 ? 'AM' : 'PM';
      i += 5;
      continue;
    }
    if (/^A\/P/i.test(rest)) {
      out += t.hour < 12 ? 'A' : 'P';
      i += 3;
      continue;
    }
    const run = /^(y+|m+|d+|h+|s+)/i.exec(rest);
    if (run) {
      const tok = run[1]!.toLowerCase();
      const n = tok.length;
      i += n;
      switch (tok[0]) {
        case 'y': out += n <= 2 ? String(d.year % 100).padStart(2, '0') : String(d.year); break;
        case 'd': out += n === 1 ? String(d.day) : n === 2 ? String(d.day).padStart(2, '0') : n === 3 ? DAYS[locale][d.weekday]!.slice(0, 3) : DAYS[locale][d.weekday]!; break;
        case 'h': {
          const h = ampm ? ((t.hour + 11) % 12) + 1 : t.hour;
          out += n === 1 ? String(h) : String(h).padStart(2, '0');
          lastWasHour = true;
          continue;
        }
        case 's': out += n === 1 ? String(t.second) : String(t.second).padStart(2, '0'); break;
        case 'm': {
          const minutes = lastWasHour || /^[^a-z]*s/i.test(src.slice(i).replace(/"[^"]*"/g, ''));
          if (minutes && n <= 2) out += n === 1 ? String(t.minute) : String(t.minute).padStart(2, '0');
          else out += n === 1 ? String(d.month) : n === 2 ? String(d.month).padStart(2, '0') : n === 3 ? MONTHS[locale][d.month - 1]!.slice(0, 3) : MONTHS[locale][d.month - 1]!;
          break;
        }
      }
      lastWasHour = false;
      continue;
    }
    if (ch === '[') {
      const j = src.indexOf(']', i);
      i = j < 0 ? src.length : j + 1;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Formats a number as Excel's General format does, with the locale's decimal separator. */
export function formatGeneral(value: number, locale: Locale): string {
  const s = numberToText(value);
  return locale === 'de' ? s.replace('.', ',') : s;
}

/**
 * Formats a value with an Excel number format code (`0.00`, `#,##0`, `0%`, `#,##0.00 €`, `DD.MM.YYYY`, `hh:mm`, `@`, and
 * up to four `;`-separated sections for positive, negative, zero and text), using the locale's separators and month names.
 */
export function formatNumber(value: number | string | boolean, format: string, locale: Locale): string {
  if (typeof value === 'boolean') return locale === 'de' ? (value ? 'WAHR' : 'FALSCH') : value ? 'TRUE' : 'FALSE';
  const sections = splitSections(format);
  if (typeof value === 'string') {
    const textSection = sections.length >= 4 ? sections[3]! : sections.find((s) => s.includes('@'));
    return textSection ? textSection.replace(/"([^"]*)"/g, '$1').replace('@', value) : value;
  }
  let section = sections[0]!;
  let negativeSection = false;
  if (value < 0 && sections.length >= 2 && sections[1] !== '') {
    section = sections[1]!;
    negativeSection = true;
  } else if (value === 0 && sections.length >= 3) section = sections[2]!;
  if (/^\s*general\s*$/i.test(section) || section.trim() === '') return (value < 0 && negativeSection ? '' : '') + formatGeneral(negativeSection ? Math.abs(value) : value, locale);
  if (section.trim() === '@') return formatGeneral(value, locale);
  if (isDateSection(section)) {
    if (value < 0 || value > 2_958_465) return '#'.repeat(8);
    return formatDate(value, section, locale);
  }
  return formatNumeric(value, section, locale, negativeSection);
}
