import { ERR, type FormulaError } from './errors.js';
import { eachInArea, int, num, scalar, text, textMatcher, bool } from './fn-args.js';
import type { FunctionTable } from './function-types.js';
import { formatNumber } from './number-format.js';
import { isArea, isError, textToNumber, toText, type Arg } from './values.js';

function textArgs(args: readonly Arg[], skipEmpty: boolean): string[] | FormulaError {
  const out: string[] = [];
  for (const a of args) {
    if (isArea(a)) {
      let err: FormulaError | undefined;
      eachInArea(a, (v) => {
        if (isError(v)) {
          err = v;
          return false;
        }
        const t = toText(v) as string;
        if (!(skipEmpty && t === '')) out.push(t);
        return true;
      });
      if (err) return err;
    } else {
      const t = toText(a);
      if (isError(t)) return t;
      if (!(skipEmpty && t === '')) out.push(t);
    }
  }
  return out;
}

/** Excel refuses text longer than 32,767 characters in a cell. */
function limit(s: string): string | FormulaError {
  return s.length > 32_767 ? ERR.value : s;
}

function str1(f: (s: string) => string): FunctionTable[string] {
  return { min: 1, max: 1, call: ([a]) => { const s = text(a); return isError(s) ? s : f(s); } };
}

/** Text functions: TEXT, CONCAT, CONCATENATE, LEFT, RIGHT, MID, LEN, TRIM, UPPER, LOWER and more. */
export const textFunctions: FunctionTable = {
  CONCAT: { min: 1, max: 255, call: (args) => { const t = textArgs(args, false); return isError(t) ? t : limit(t.join('')); } },
  CONCATENATE: { min: 1, max: 255, call: (args) => {
    const parts: string[] = [];
    for (const a of args) {
      const t = text(a);
      if (isError(t)) return t;
      parts.push(t);
    }
    return limit(parts.join(''));
  } },
  TEXTJOIN: { min: 3, max: 255, call: ([d, skip, ...rest]) => {
    const delim = text(d);
    const s = bool(skip);
    if (isError(delim)) return delim;
    if (isError(s)) return s;
    const t = textArgs(rest, s);
    return isError(t) ? t : limit(t.join(delim));
  } },
  LEFT: { min: 1, max: 2, call: ([a, n]) => {
    const s = text(a); const k = n === undefined ? 1 : int(n);
    if (isError(s)) return s;
    if (isError(k)) return k;
    return k < 0 ? ERR.value : s.slice(0, k);
  } },
  RIGHT: { min: 1, max: 2, call: ([a, n]) => {
    const s = text(a); const k = n === undefined ? 1 : int(n);
    if (isError(s)) return s;
    if (isError(k)) return k;
    return k < 0 ? ERR.value : k === 0 ? '' : s.slice(-k);
  } },
  MID: { min: 3, max: 3, call: ([a, p, n]) => {
    const s = text(a); const st = int(p); const k = int(n);
    if (isError(s)) return s;
    if (isError(st)) return st;
    if (isError(k)) return k;
    if (st < 1 || k < 0) return ERR.value;
    return s.slice(st - 1, st - 1 + k);
  } },
  LEN: { min: 1, max: 1, call: ([a]) => { const s = text(a); return isError(s) ? s : s.length; } },
  TRIM: str1((s) => s.replace(/ +/g, ' ').replace(/^ | $/g, '')),
  UPPER: str1((s) => s.toUpperCase()),
  LOWER: str1((s) => s.toLowerCase()),
  PROPER: str1((s) => s.toLowerCase().replace(/(^|[^\p{L}])(\p{L})/gu, (_m, p: string, l: string) => p + l.toUpperCase())),
  CLEAN: str1((s) => [...s].filter((ch) => ch.charCodeAt(0) >= 32).join('')),
  REPT: { min: 2, max: 2, call: ([a, n]) => {
    const s = text(a); const k = int(n);
    if (isError(s)) return s;
    if (isError(k)) return k;
    if (k < 0 || s.length * k > 32767) return ERR.value;
    return s.repeat(k);
  } },
  EXACT: { min: 2, max: 2, call: ([a, b]) => { const x = text(a); const y = text(b); if (isError(x)) return x; if (isError(y)) return y; return x === y; } },
  FIND: { min: 2, max: 3, call: ([f, w, s]) => {
    const needle = text(f); const hay = text(w); const st = s === undefined ? 1 : int(s);
    if (isError(needle)) return needle;
    if (isError(hay)) return hay;
    if (isError(st)) return st;
    if (st < 1 || st > hay.length + 1) return ERR.value;
    const i = hay.indexOf(needle, st - 1);
    return i < 0 ? ERR.value : i + 1;
  } },
  SEARCH: { min: 2, max: 3, call: ([f, w, s]) => {
    const needle = text(f); const hay = text(w); const st = s === undefined ? 1 : int(s);
    if (isError(needle)) return needle;
    if (isError(hay)) return hay;
    if (isError(st)) return st;
    if (st < 1 || st > hay.length + 1) return ERR.value;
    for (let i = st - 1; i <= hay.length; i++) {
      for (let j = hay.length; j >= i; j--) {
        if (textMatcher(needle)(hay.slice(i, j)) && (needle !== '' || j === i)) return i + 1;
      }
    }
    return ERR.value;
  } },
  SUBSTITUTE: { min: 3, max: 4, call: ([a, o, n, i]) => {
    const s = text(a); const old = text(o); const nw = text(n); const which = i === undefined ? 0 : int(i);
    if (isError(s)) return s;
    if (isError(old)) return old;
    if (isError(nw)) return nw;
    if (isError(which)) return which;
    if (old === '') return s;
    if (i === undefined) return s.split(old).join(nw);
    if (which < 1) return ERR.value;
    let idx = -1;
    for (let k = 0; k < which; k++) {
      idx = s.indexOf(old, idx + 1);
      if (idx < 0) return s;
    }
    return s.slice(0, idx) + nw + s.slice(idx + old.length);
  } },
  REPLACE: { min: 4, max: 4, call: ([a, p, n, r]) => {
    const s = text(a); const st = int(p); const k = int(n); const nw = text(r);
    if (isError(s)) return s;
    if (isError(st)) return st;
    if (isError(k)) return k;
    if (isError(nw)) return nw;
    if (st < 1 || k < 0) return ERR.value;
    return s.slice(0, st - 1) + nw + s.slice(st - 1 + k);
  } },
  VALUE: { min: 1, max: 1, call: ([a]) => {
    const v = scalar(a!);
    if (isError(v)) return v;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return ERR.value;
    const n = textToNumber(v ?? '');
    return n === undefined ? ERR.value : n;
  } },
  TEXT: { min: 2, max: 2, call: ([a, f]) => {
    const v = scalar(a!);
    const fmt = text(f);
    if (isError(v)) return v;
    if (isError(fmt)) return fmt;
    if (typeof v === 'string') {
      const n = textToNumber(v);
      return n === undefined ? formatNumber(v, fmt, 'en') : formatNumber(n, fmt, 'en');
    }
    return formatNumber(typeof v === 'boolean' ? v : v ?? 0, fmt, 'en');
  } },
  CHAR: { min: 1, max: 1, call: ([a]) => { const n = int(a); return isError(n) ? n : n < 1 || n > 255 ? ERR.value : String.fromCharCode(n); } },
  CODE: { min: 1, max: 1, call: ([a]) => { const s = text(a); return isError(s) ? s : s === '' ? ERR.value : s.charCodeAt(0); } },
  UNICHAR: { min: 1, max: 1, call: ([a]) => { const n = int(a); return isError(n) ? n : n < 1 || n > 0x10ffff ? ERR.value : String.fromCodePoint(n); } },
  UNICODE: { min: 1, max: 1, call: ([a]) => { const s = text(a); return isError(s) ? s : s === '' ? ERR.value : s.codePointAt(0)!; } },
  FIXED: { min: 1, max: 3, call: ([a, d, nc]) => {
    const x = num(a); const dec = d === undefined ? 2 : int(d); const noCommas = nc === undefined ? false : bool(nc);
    if (isError(x)) return x;
    if (isError(dec)) return dec;
    if (isError(noCommas)) return noCommas;
    const digits = Math.max(0, dec);
    return formatNumber(x, (noCommas ? '0' : '#,##0') + (digits > 0 ? '.' + '0'.repeat(digits) : ''), 'en');
  } },
};
