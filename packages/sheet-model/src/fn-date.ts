import { dateToSerial, daysInMonth, serialToDate, serialToTime } from './dates.js';
import { ERR, type FormulaError } from './errors.js';
import { eachInArea, int, num, scalar } from './fn-args.js';
import type { FunctionTable } from './function-types.js';
import { isArea, isError, toNumber, type Arg } from './values.js';

function datePart(f: (d: ReturnType<typeof serialToDate>) => number): FunctionTable[string] {
  return { min: 1, max: 1, call: ([a]) => {
    const x = num(a);
    if (isError(x)) return x;
    return x < 0 ? ERR.num : f(serialToDate(x));
  } };
}
function timePart(f: (t: ReturnType<typeof serialToTime>) => number): FunctionTable[string] {
  return { min: 1, max: 1, call: ([a]) => {
    const x = num(a);
    if (isError(x)) return x;
    return x < 0 ? ERR.num : f(serialToTime(x));
  } };
}

function addMonths(serial: number, months: number, endOfMonth: boolean): number {
  const d = serialToDate(serial);
  const total = d.year * 12 + (d.month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const day = endOfMonth ? daysInMonth(y, m) : Math.min(d.day, daysInMonth(y, m));
  return dateToSerial(y, m, day);
}

function holidaySet(a: Arg | undefined): Set<number> | FormulaError {
  const set = new Set<number>();
  if (a === undefined || a === null) return set;
  if (isArea(a)) {
    let err: FormulaError | undefined;
    eachInArea(a, (v) => {
      if (v === null) return true;
      const n = toNumber(v);
      if (isError(n)) {
        err = n;
        return false;
      }
      set.add(Math.floor(n));
      return true;
    });
    return err ?? set;
  }
  const n = num(a);
  if (isError(n)) return n;
  set.add(Math.floor(n));
  return set;
}

/** Date and time functions; dates are serial day numbers counted from 1899-12-30. */
export const dateFunctions: FunctionTable = {
  DATE: { min: 3, max: 3, call: ([y, m, d]) => {
    let yy = int(y); const mm = int(m); const dd = int(d);
    if (isError(yy)) return yy;
    if (isError(mm)) return mm;
    if (isError(dd)) return dd;
    if (yy >= 0 && yy < 1900) yy += 1900;
    if (yy < 0 || yy > 9999) return ERR.num;
    const s = dateToSerial(yy, mm, dd);
    return s < 0 ? ERR.num : s;
  } },
  TIME: { min: 3, max: 3, call: ([h, m, s]) => {
    const hh = int(h); const mm = int(m); const ss = int(s);
    if (isError(hh)) return hh;
    if (isError(mm)) return mm;
    if (isError(ss)) return ss;
    const t = hh * 3600 + mm * 60 + ss;
    if (t < 0) return ERR.num;
    return (t % 86_400) / 86_400;
  } },
  TODAY: { min: 0, max: 0, volatile: true, call: (_a, ctx) => Math.floor(ctx.now) },
  NOW: { min: 0, max: 0, volatile: true, call: (_a, ctx) => ctx.now },
  YEAR: datePart((d) => d.year),
  MONTH: datePart((d) => d.month),
  DAY: datePart((d) => d.day),
  HOUR: timePart((t) => t.hour),
  MINUTE: timePart((t) => t.minute),
  SECOND: timePart((t) => t.second),
  WEEKDAY: { min: 1, max: 2, call: ([a, t]) => {
    const x = num(a); const type = t === undefined ? 1 : int(t);
    if (isError(x)) return x;
    if (isError(type)) return type;
    const w = serialToDate(x).weekday;
    if (type === 1) return w + 1;
    if (type === 2) return ((w + 6) % 7) + 1;
    if (type === 3) return (w + 6) % 7;
    return ERR.num;
  } },
  EDATE: { min: 2, max: 2, call: ([a, m]) => {
    const x = num(a); const k = int(m);
    if (isError(x)) return x;
    if (isError(k)) return k;
    return x < 0 ? ERR.num : addMonths(x, k, false);
  } },
  EOMONTH: { min: 2, max: 2, call: ([a, m]) => {
    const x = num(a); const k = int(m);
    if (isError(x)) return x;
    if (isError(k)) return k;
    return x < 0 ? ERR.num : addMonths(x, k, true);
  } },
  DAYS: { min: 2, max: 2, call: ([e, s]) => {
    const a = num(e); const b = num(s);
    if (isError(a)) return a;
    if (isError(b)) return b;
    return Math.floor(a) - Math.floor(b);
  } },
  NETWORKDAYS: { min: 2, max: 3, call: ([s, e, h]) => {
    const a = num(s); const b = num(e);
    if (isError(a)) return a;
    if (isError(b)) return b;
    const hol = holidaySet(h);
    if (isError(hol)) return hol;
    let start = Math.floor(a);
    let end = Math.floor(b);
    const sign = start <= end ? 1 : -1;
    if (sign < 0) [start, end] = [end, start];
    let n = 0;
    for (let d = start; d <= end; d++) {
      const w = serialToDate(d).weekday;
      if (w !== 0 && w !== 6 && !hol.has(d)) n++;
    }
    return sign * n;
  } },
  WORKDAY: { min: 2, max: 3, call: ([s, k, h]) => {
    const a = num(s); const days = int(k);
    if (isError(a)) return a;
    if (isError(days)) return days;
    const hol = holidaySet(h);
    if (isError(hol)) return hol;
    let d = Math.floor(a);
    let left = Math.abs(days);
    const step = days < 0 ? -1 : 1;
    while (left > 0) {
      d += step;
      const w = serialToDate(d).weekday;
      if (w !== 0 && w !== 6 && !hol.has(d)) left--;
    }
    return d;
  } },
  DATEVALUE: { min: 1, max: 1, call: ([a]) => {
    const v = scalar(a!);
    if (typeof v !== 'string') return isError(v) ? v : ERR.value;
    const n = toNumber(v);
    return isError(n) ? n : Math.floor(n);
  } },
  DATEDIF: { min: 3, max: 3, call: ([s, e, u]) => {
    const a = num(s); const b = num(e); const unit = scalar(u!);
    if (isError(a)) return a;
    if (isError(b)) return b;
    if (typeof unit !== 'string') return ERR.value;
    if (a > b) return ERR.num;
    const x = serialToDate(a); const y = serialToDate(b);
    let months = (y.year - x.year) * 12 + (y.month - x.month);
    if (y.day < x.day) months--;
    switch (unit.toUpperCase()) {
      case 'D': return Math.floor(b) - Math.floor(a);
      case 'M': return months;
      case 'Y': return Math.floor(months / 12);
      case 'YM': return months % 12;
      case 'MD': return y.day >= x.day ? y.day - x.day : Math.floor(b) - addMonths(Math.floor(a), months, false);
      case 'YD': { const shifted = addMonths(Math.floor(a), Math.floor(months / 12) * 12, false); return Math.floor(b) - shifted; }
      default: return ERR.num;
    }
  } },
};
