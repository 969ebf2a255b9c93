import { ERR, ERROR_CODES, type FormulaError } from './errors.js';
import { bool, eachInArea, scalar } from './fn-args.js';
import type { FunctionTable, Thunk } from './function-types.js';
import { compareValues, isArea, isError, toBoolean, type Arg } from './values.js';

function logical(combine: (acc: boolean, v: boolean) => boolean, start: boolean): FunctionTable[string] {
  return { min: 1, max: 255, call: (args) => {
    let acc = start;
    let seen = false;
    for (const a of args) {
      if (isArea(a)) {
        let err: FormulaError | undefined;
        eachInArea(a, (v) => {
          if (isError(v)) {
            err = v;
            return false;
          }
          if (typeof v === 'number' || typeof v === 'boolean') {
            acc = combine(acc, typeof v === 'number' ? v !== 0 : v);
            seen = true;
          }
          return true;
        });
        if (err) return err;
      } else if (a !== null) {
        const b = toBoolean(a);
        if (isError(b)) return b;
        acc = combine(acc, b);
        seen = true;
      }
    }
    return seen ? acc : ERR.value;
  } };
}

function force(t: Thunk | undefined): Arg {
  return t ? t() : null;
}

function is(pred: (a: Arg) => boolean): FunctionTable[string] {
  return { min: 1, max: 1, call: ([a]) => pred(isArea(a!) ? scalar(a) : a!) };
}

/** Logical and information functions: IF, IFS, IFERROR, IFNA, AND, OR, NOT, XOR, SWITCH and the IS* tests. */
export const logicFunctions: FunctionTable = {
  IF: { min: 1, max: 3, lazy: ([c, t, f]) => {
    const cond = bool(force(c));
    if (isError(cond)) return cond;
    if (cond) return t ? t() ?? 0 : true;
    return f ? f() ?? 0 : false;
  } },
  IFS: { min: 2, max: 254, lazy: (args) => {
    if (args.length % 2) return ERR.value;
    for (let i = 0; i < args.length; i += 2) {
      const cond = bool(args[i]!());
      if (isError(cond)) return cond;
      if (cond) return args[i + 1]!() ?? 0;
    }
    return ERR.na;
  } },
  IFERROR: { min: 2, max: 2, lazy: ([v, alt]) => {
    const x = v!();
    return isError(isArea(x) ? scalar(x) : x) ? alt!() ?? 0 : x ?? 0;
  } },
  IFNA: { min: 2, max: 2, lazy: ([v, alt]) => {
    const x = v!();
    return (isArea(x) ? scalar(x) : x) === ERR.na ? alt!() ?? 0 : x ?? 0;
  } },
  SWITCH: { min: 3, max: 254, lazy: (args) => {
    const x = scalar(args[0]!());
    if (isError(x)) return x;
    const n = args.length - 1;
    for (let i = 1; i + 1 <= n; i += 2) {
      const v = scalar(args[i]!());
      if (isError(v)) return v;
      if (compareValues(x, v) === 0 && typeof x === typeof v) return args[i + 1]!() ?? 0;
    }
    return n % 2 === 1 ? args[n]!() ?? 0 : ERR.na;
  } },
  AND: logical((a, v) => a && v, true),
  OR: logical((a, v) => a || v, false),
  XOR: logical((a, v) => a !== v, false),
  NOT: { min: 1, max: 1, call: ([a]) => { const b = bool(a); return isError(b) ? b : !b; } },
  TRUE: { min: 0, max: 0, call: () => true },
  FALSE: { min: 0, max: 0, call: () => false },
  ISBLANK: is((a) => a === null),
  ISNUMBER: is((a) => typeof a === 'number'),
  ISTEXT: is((a) => typeof a === 'string'),
  ISNONTEXT: is((a) => typeof a !== 'string'),
  ISLOGICAL: is((a) => typeof a === 'boolean'),
  ISERROR: is((a) => isError(a)),
  ISERR: is((a) => isError(a) && a !== ERR.na),
  ISNA: is((a) => a === ERR.na),
  ISEVEN: { min: 1, max: 1, call: ([a]) => { const v = scalar(a!); if (isError(v)) return v; if (typeof v !== 'number') return ERR.value; return Math.floor(Math.abs(v)) % 2 === 0; } },
  ISODD: { min: 1, max: 1, call: ([a]) => { const v = scalar(a!); if (isError(v)) return v; if (typeof v !== 'number') return ERR.value; return Math.floor(Math.abs(v)) % 2 === 1; } },
  NA: { min: 0, max: 0, call: () => ERR.na },
  'ERROR.TYPE': { min: 1, max: 1, call: ([a]) => { const v = scalar(a!); return isError(v) ? ERROR_CODES.indexOf(v.code) + 1 : ERR.na; } },
  N: { min: 1, max: 1, call: ([a]) => { const v = scalar(a!); return typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : isError(v) ? v : 0; } },
  T: { min: 1, max: 1, call: ([a]) => { const v = scalar(a!); return typeof v === 'string' ? v : isError(v) ? v : ''; } },
  TYPE: { min: 1, max: 1, call: ([a]) => { if (isArea(a!) && a.height * a.width !== 1) return 64; const v = scalar(a!); return typeof v === 'number' || v === null ? 1 : typeof v === 'string' ? 2 : typeof v === 'boolean' ? 4 : 16; } },
};
