import { ERR, FormulaError } from './errors.js';
import { roundHalfAway } from './rounding.js';
import { collectNumbers, collectNumbersA, criterion, eachInArea, int, num, scalar } from './fn-args.js';
import type { FunctionTable } from './function-types.js';
import { isArea, isError, toNumber, type Arg, type Area, type Scalar } from './values.js';

function sum(args: readonly Arg[]): number | FormulaError {
  let s = 0;
  for (const a of args) {
    if (isArea(a)) {
      if (a.column) {
        for (let c = 0; c < a.width; c++) {
          const { values, start, end } = a.column(c);
          for (let r = start; r < end; r++) {
            const v = values[r];
            if (typeof v === 'number') s += v;
            else if (v instanceof FormulaError) return v;
          }
        }
        continue;
      }
      for (let r = 0; r < a.height; r++) {
        for (let c = 0; c < a.width; c++) {
          const v = a.at(r, c);
          if (typeof v === 'number') s += v;
          else if (v instanceof FormulaError) return v;
        }
      }
    } else if (a !== null) {
      const n = toNumber(a);
      if (isError(n)) return n;
      s += n;
    }
  }
  return s;
}

function unary(f: (x: number) => number): FunctionTable[string] {
  return {
    min: 1, max: 1, call: ([a]) => {
      const x = num(a);
      if (isError(x)) return x;
      const r = f(x);
      return Number.isFinite(r) ? r : ERR.num;
    },
  };
}

function aggregate(f: (xs: number[]) => Scalar, collect = collectNumbers): FunctionTable[string] {
  return { min: 1, max: 255, call: (args) => {
    const xs = collect(args);
    return isError(xs) ? xs : f(xs);
  } };
}

function roundWith(mode: 'half' | 'up' | 'down'): FunctionTable[string] {
  return { min: 1, max: 2, call: ([a, d]) => {
    const x = num(a);
    const n = d === undefined ? 0 : int(d);
    if (isError(x)) return x;
    if (isError(n)) return n;
    if (mode === 'half') return roundHalfAway(x, n);
    const m = Math.pow(10, n);
    const scaled = Number((Math.abs(x) * m).toPrecision(15));
    const r = mode === 'up' ? Math.ceil(scaled) : Math.floor(scaled);
    return (Math.sign(x) * r) / m;
  } };
}

/** Pairs of (range, criteria) for the *IFS functions; returns the matching offsets' predicate or an error. */
function criteriaMask(pairs: readonly Arg[], height: number, width: number): ((r: number, c: number) => boolean) | FormulaError {
  const tests: { area: Area; test: (v: Scalar) => boolean }[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const a = pairs[i]!;
    if (!isArea(a)) return isError(a) ? a : ERR.value;
    if (a.height !== height || a.width !== width) return ERR.value;
    const crit = scalar(pairs[i + 1] ?? null);
    tests.push({ area: a, test: criterion(crit) });
  }
  return (r, c) => tests.every((t) => t.test(t.area.at(r, c)));
}

function ifsAggregate(kind: 'sum' | 'count' | 'avg'): FunctionTable[string] {
  const first = kind === 'count' ? 0 : 1;
  return { min: kind === 'count' ? 2 : 3, max: 255, call: (args) => {
    const target = kind === 'count' ? undefined : args[0];
    if (target !== undefined && !isArea(target)) return isError(target) ? target : ERR.value;
    const pairs = args.slice(first);
    if (pairs.length % 2 !== 0) return ERR.value;
    const shape = pairs[0]!;
    if (!isArea(shape)) return isError(shape) ? shape : ERR.value;
    if (target !== undefined && ((target as Area).height !== shape.height || (target as Area).width !== shape.width)) return ERR.value;
    const mask = criteriaMask(pairs, shape.height, shape.width);
    if (isError(mask)) return mask;
    let s = 0;
    let n = 0;
    for (let r = 0; r < shape.height; r++) {
      for (let c = 0; c < shape.width; c++) {
        if (!mask(r, c)) continue;
        if (target === undefined) {
          n++;
          continue;
        }
        const v = (target as Area).at(r, c);
        if (typeof v === 'number') {
          s += v;
          n++;
        } else if (isError(v)) return v;
      }
    }
    return kind === 'sum' ? s : kind === 'count' ? n : n === 0 ? ERR.div0 : s / n;
  } };
}

function ifAggregate(kind: 'sum' | 'count' | 'avg'): FunctionTable[string] {
  return { min: 2, max: kind === 'count' ? 2 : 3, call: (args) => {
    const range = args[0]!;
    if (!isArea(range)) return isError(range) ? range : ERR.value;
    const test = criterion(scalar(args[1]!));
    const target = args[2];
    if (target !== undefined && target !== null && !isArea(target)) return isError(target) ? target : ERR.value;
    let s = 0;
    let n = 0;
    let err: FormulaError | undefined;
    eachInArea(range, (v, r, c) => {
      if (!test(v)) return true;
      if (kind === 'count') {
        n++;
        return true;
      }
      // SUMIF with a sum range uses the cell at the same offset, even beyond a smaller sum range
      const t = target && isArea(target) ? target.at(r, c) : v;
      if (typeof t === 'number') {
        s += t;
        n++;
      } else if (isError(t)) {
        err = t;
        return false;
      }
      return true;
    });
    if (err) return err;
    return kind === 'sum' ? s : kind === 'count' ? n : n === 0 ? ERR.div0 : s / n;
  } };
}

function median(xs: number[]): Scalar {
  if (xs.length === 0) return ERR.num;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function variance(xs: number[], sample: boolean): number | FormulaError {
  const n = xs.length;
  if (n < (sample ? 2 : 1)) return ERR.div0;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const ss = xs.reduce((a, b) => a + (b - mean) ** 2, 0);
  return ss / (sample ? n - 1 : n);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

/** Math and aggregate functions: SUM, SUMIF(S), COUNT(IF/IFS/A/BLANK), AVERAGE(IF/IFS), MIN, MAX, rounding and arithmetic. */
export const mathFunctions: FunctionTable = {
  SUM: { min: 1, max: 255, call: (args) => sum(args) },
  SUMIF: ifAggregate('sum'),
  SUMIFS: ifsAggregate('sum'),
  COUNTIF: ifAggregate('count'),
  COUNTIFS: ifsAggregate('count'),
  AVERAGEIF: ifAggregate('avg'),
  AVERAGEIFS: ifsAggregate('avg'),
  COUNT: { min: 1, max: 255, call: (args) => {
    let n = 0;
    for (const a of args) {
      if (isArea(a)) eachInArea(a, (v) => void (typeof v === 'number' && n++));
      else if (typeof a === 'number' || typeof a === 'boolean' || (typeof a === 'string' && !isError(toNumber(a)))) n++;
    }
    return n;
  } },
  COUNTA: { min: 1, max: 255, call: (args) => {
    let n = 0;
    for (const a of args) {
      if (isArea(a)) eachInArea(a, (v) => void (v !== null && n++));
      else if (a !== null) n++;
    }
    return n;
  } },
  COUNTBLANK: { min: 1, max: 1, call: ([a]) => {
    if (!isArea(a!)) return isError(a) ? a : ERR.value;
    let n = 0;
    eachInArea(a, (v) => void ((v === null || v === '') && n++));
    return n;
  } },
  AVERAGE: aggregate((xs) => (xs.length === 0 ? ERR.div0 : xs.reduce((a, b) => a + b, 0) / xs.length)),
  AVERAGEA: aggregate((xs) => (xs.length === 0 ? ERR.div0 : xs.reduce((a, b) => a + b, 0) / xs.length), collectNumbersA),
  MIN: aggregate((xs) => (xs.length === 0 ? 0 : xs.reduce((a, b) => Math.min(a, b)))),
  MAX: aggregate((xs) => (xs.length === 0 ? 0 : xs.reduce((a, b) => Math.max(a, b)))),
  MINA: aggregate((xs) => (xs.length === 0 ? 0 : xs.reduce((a, b) => Math.min(a, b))), collectNumbersA),
  MAXA: aggregate((xs) => (xs.length === 0 ? 0 : xs.reduce((a, b) => Math.max(a, b))), collectNumbersA),
  PRODUCT: aggregate((xs) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a * b, 1))),
  MEDIAN: aggregate(median),
  VAR: aggregate((xs) => variance(xs, true)),
  'VAR.S': aggregate((xs) => variance(xs, true)),
  VARP: aggregate((xs) => variance(xs, false)),
  'VAR.P': aggregate((xs) => variance(xs, false)),
  STDEV: aggregate((xs) => { const v = variance(xs, true); return isError(v) ? v : Math.sqrt(v); }),
  'STDEV.S': aggregate((xs) => { const v = variance(xs, true); return isError(v) ? v : Math.sqrt(v); }),
  STDEVP: aggregate((xs) => { const v = variance(xs, false); return isError(v) ? v : Math.sqrt(v); }),
  'STDEV.P': aggregate((xs) => { const v = variance(xs, false); return isError(v) ? v : Math.sqrt(v); }),
  SUMSQ: aggregate((xs) => xs.reduce((a, b) => a + b * b, 0)),
  LARGE: { min: 2, max: 2, call: ([a, k]) => {
    const xs = collectNumbers([a!]);
    const n = int(k);
    if (isError(xs)) return xs;
    if (isError(n)) return n;
    if (n < 1 || n > xs.length) return ERR.num;
    return xs.sort((x, y) => y - x)[n - 1]!;
  } },
  SMALL: { min: 2, max: 2, call: ([a, k]) => {
    const xs = collectNumbers([a!]);
    const n = int(k);
    if (isError(xs)) return xs;
    if (isError(n)) return n;
    if (n < 1 || n > xs.length) return ERR.num;
    return xs.sort((x, y) => x - y)[n - 1]!;
  } },
  SUMPRODUCT: { min: 1, max: 255, call: (args) => {
    const areas = args.map((a) => (isArea(a) ? a : null));
    const first = areas[0];
    if (!first) {
      const xs = args.map((a) => num(a));
      const e = xs.find(isError);
      return e ?? (xs as number[]).reduce((p, q) => p * q, 1);
    }
    if (areas.some((a) => !a || a.height !== first.height || a.width !== first.width)) return ERR.value;
    let s = 0;
    for (let r = 0; r < first.height; r++) {
      for (let c = 0; c < first.width; c++) {
        let p = 1;
        for (const a of areas) {
          const v = a!.at(r, c);
          if (isError(v)) return v;
          p *= typeof v === 'number' ? v : typeof v === 'boolean' ? 0 : 0;
        }
        s += p;
      }
    }
    return s;
  } },
  ROUND: roundWith('half'),
  ROUNDUP: roundWith('up'),
  ROUNDDOWN: roundWith('down'),
  TRUNC: roundWith('down'),
  INT: unary(Math.floor),
  ABS: unary(Math.abs),
  SIGN: unary(Math.sign),
  SQRT: { min: 1, max: 1, call: ([a]) => { const x = num(a); return isError(x) ? x : x < 0 ? ERR.num : Math.sqrt(x); } },
  EXP: unary(Math.exp),
  LN: { min: 1, max: 1, call: ([a]) => { const x = num(a); return isError(x) ? x : x <= 0 ? ERR.num : Math.log(x); } },
  LOG10: { min: 1, max: 1, call: ([a]) => { const x = num(a); return isError(x) ? x : x <= 0 ? ERR.num : Math.log10(x); } },
  LOG: { min: 1, max: 2, call: ([a, b]) => {
    const x = num(a);
    const base = b === undefined ? 10 : num(b);
    if (isError(x)) return x;
    if (isError(base)) return base;
    if (x <= 0 || base <= 0) return ERR.num;
    if (base === 1) return ERR.div0;
    return Math.log(x) / Math.log(base);
  } },
  PI: { min: 0, max: 0, call: () => Math.PI },
  SIN: unary(Math.sin),
  COS: unary(Math.cos),
  TAN: unary(Math.tan),
  ASIN: unary(Math.asin),
  ACOS: unary(Math.acos),
  ATAN: unary(Math.atan),
  ATAN2: { min: 2, max: 2, call: ([a, b]) => { const x = num(a); const y = num(b); if (isError(x)) return x; if (isError(y)) return y; return x === 0 && y === 0 ? ERR.div0 : Math.atan2(y, x); } },
  DEGREES: unary((x) => (x * 180) / Math.PI),
  RADIANS: unary((x) => (x * Math.PI) / 180),
  EVEN: unary((x) => { const c = Math.ceil(Math.abs(x) / 2) * 2; return Math.sign(x) * c; }),
  ODD: unary((x) => { let c = Math.ceil(Math.abs(x)); if (c % 2 === 0) c++; return x < 0 ? -c : c; }),
  FACT: { min: 1, max: 1, call: ([a]) => { const x = num(a); return isError(x) ? x : x < 0 ? ERR.num : factorial(Math.floor(x)); } },
  COMBIN: { min: 2, max: 2, call: ([a, b]) => {
    const n = int(a); const k = int(b);
    if (isError(n)) return n;
    if (isError(k)) return k;
    if (n < 0 || k < 0 || k > n) return ERR.num;
    let r = 1;
    for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
    return Math.round(r);
  } },
  GCD: aggregate((xs) => (xs.some((x) => x < 0) ? ERR.num : xs.map(Math.floor).reduce((a, b) => gcd(a, b), 0))),
  LCM: aggregate((xs) => (xs.some((x) => x < 0) ? ERR.num : xs.map(Math.floor).reduce((a, b) => (a === 0 || b === 0 ? 0 : (a * b) / gcd(a, b)), 1))),
  MOD: { min: 2, max: 2, call: ([a, b]) => {
    const x = num(a); const y = num(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    if (y === 0) return ERR.div0;
    const r = x - y * Math.floor(x / y);
    return Number(r.toPrecision(15));
  } },
  QUOTIENT: { min: 2, max: 2, call: ([a, b]) => { const x = num(a); const y = num(b); if (isError(x)) return x; if (isError(y)) return y; return y === 0 ? ERR.div0 : Math.trunc(x / y); } },
  POWER: { min: 2, max: 2, call: ([a, b]) => {
    const x = num(a); const y = num(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    if (x === 0 && y === 0) return ERR.num;
    if (x === 0 && y < 0) return ERR.div0;
    const r = Math.pow(x, y);
    return Number.isFinite(r) ? r : ERR.num;
  } },
  CEILING: { min: 1, max: 2, call: ([a, b]) => {
    const x = num(a); const s = b === undefined ? 1 : num(b);
    if (isError(x)) return x;
    if (isError(s)) return s;
    if (s === 0) return 0;
    if (x > 0 && s < 0) return ERR.num;
    return Number((Math.ceil(Number((x / s).toPrecision(15))) * s).toPrecision(15));
  } },
  FLOOR: { min: 1, max: 2, call: ([a, b]) => {
    const x = num(a); const s = b === undefined ? 1 : num(b);
    if (isError(x)) return x;
    if (isError(s)) return s;
    if (s === 0) return ERR.div0;
    if (x > 0 && s < 0) return ERR.num;
    return Number((Math.floor(Number((x / s).toPrecision(15))) * s).toPrecision(15));
  } },
  MROUND: { min: 2, max: 2, call: ([a, b]) => {
    const x = num(a); const m = num(b);
    if (isError(x)) return x;
    if (isError(m)) return m;
    if (m === 0) return 0;
    if (Math.sign(x) * Math.sign(m) < 0) return ERR.num;
    return Number((roundHalfAway(x / m, 0) * m).toPrecision(15));
  } },
  RAND: { min: 0, max: 0, volatile: true, call: (_a, ctx) => ctx.random() },
  RANDBETWEEN: { min: 2, max: 2, volatile: true, call: ([a, b], ctx) => {
    const lo = num(a); const hi = num(b);
    if (isError(lo)) return lo;
    if (isError(hi)) return hi;
    const l = Math.ceil(lo); const h = Math.floor(hi);
    if (l > h) return ERR.num;
    return l + Math.floor(ctx.random() * (h - l + 1));
  } },
};
