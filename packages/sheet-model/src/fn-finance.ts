import { ERR, type FormulaError } from './errors.js';
import { collectNumbers, num } from './fn-args.js';
import type { FunctionTable } from './function-types.js';
import { isError, type Arg } from './values.js';

function nums(args: readonly (Arg | undefined)[], defaults: number[]): number[] | FormulaError {
  const out: number[] = [];
  for (let i = 0; i < defaults.length; i++) {
    const a = args[i];
    if (a === undefined || a === null) out.push(defaults[i]!);
    else {
      const n = num(a);
      if (isError(n)) return n;
      out.push(n);
    }
  }
  return out;
}

function fv(rate: number, nper: number, pmt: number, pv: number, type: number): number {
  if (rate === 0) return -(pv + pmt * nper);
  const f = Math.pow(1 + rate, nper);
  return -(pv * f + (pmt * (1 + rate * type) * (f - 1)) / rate);
}

function pmt(rate: number, nper: number, pv: number, fvv: number, type: number): number {
  if (rate === 0) return -(pv + fvv) / nper;
  const f = Math.pow(1 + rate, nper);
  return (-(pv * f + fvv) * rate) / ((1 + rate * type) * (f - 1));
}

function ipmt(rate: number, per: number, nper: number, pv: number, f: number, type: number): number {
  const p = pmt(rate, nper, pv, f, type);
  if (type === 1 && per === 1) return 0;
  // The balance before this period, in FV's sign convention, times the rate
  const before = type === 1 ? fv(rate, per - 2, p, pv, 1) - p : fv(rate, per - 1, p, pv, 0);
  return before * rate;
}

function npv(rate: number, flows: number[]): number {
  let s = 0;
  for (let i = 0; i < flows.length; i++) s += flows[i]! / Math.pow(1 + rate, i + 1);
  return s;
}

function finite(x: number): number | FormulaError {
  return Number.isFinite(x) ? x : ERR.num;
}

/** Financial functions: PMT, NPV, IRR, FV, PV, NPER, RATE, IPMT, PPMT. Signs follow Excel: money paid out is negative. */
export const financeFunctions: FunctionTable = {
  PMT: { min: 3, max: 5, call: (args) => {
    const v = nums(args, [0, 0, 0, 0, 0]);
    if (isError(v)) return v;
    const [rate, nper, pv, f, type] = v as [number, number, number, number, number];
    if (nper === 0) return ERR.num;
    return finite(pmt(rate, nper, pv, f, type ? 1 : 0));
  } },
  FV: { min: 3, max: 5, call: (args) => {
    const v = nums(args, [0, 0, 0, 0, 0]);
    if (isError(v)) return v;
    const [rate, nper, p, pv, type] = v as [number, number, number, number, number];
    return finite(fv(rate, nper, p, pv, type ? 1 : 0));
  } },
  PV: { min: 3, max: 5, call: (args) => {
    const v = nums(args, [0, 0, 0, 0, 0]);
    if (isError(v)) return v;
    const [rate, nper, p, f, type] = v as [number, number, number, number, number];
    if (rate === 0) return -(p * nper + f);
    const g = Math.pow(1 + rate, nper);
    return finite(-(f + (p * (1 + rate * (type ? 1 : 0)) * (g - 1)) / rate) / g);
  } },
  NPER: { min: 3, max: 5, call: (args) => {
    const v = nums(args, [0, 0, 0, 0, 0]);
    if (isError(v)) return v;
    const [rate, p, pv, f, type] = v as [number, number, number, number, number];
    if (rate === 0) return p === 0 ? ERR.num : finite(-(pv + f) / p);
    const t = type ? 1 : 0;
    const num1 = p * (1 + rate * t) - f * rate;
    const den = pv * rate + p * (1 + rate * t);
    return finite(Math.log(num1 / den) / Math.log(1 + rate));
  } },
  IPMT: { min: 4, max: 6, call: (args) => {
    const v = nums(args, [0, 0, 0, 0, 0, 0]);
    if (isError(v)) return v;
    const [rate, per, nper, pv, f, type] = v as [number, number, number, number, number, number];
    if (per < 1 || per > nper) return ERR.num;
    return finite(ipmt(rate, per, nper, pv, f, type ? 1 : 0));
  } },
  PPMT: { min: 4, max: 6, call: (args) => {
    const v = nums(args, [0, 0, 0, 0, 0, 0]);
    if (isError(v)) return v;
    const [rate, per, nper, pv, f, type] = v as [number, number, number, number, number, number];
    if (per < 1 || per > nper) return ERR.num;
    const t = type ? 1 : 0;
    return finite(pmt(rate, nper, pv, f, t) - ipmt(rate, per, nper, pv, f, t));
  } },
  NPV: { min: 2, max: 255, call: ([r, ...rest]) => {
    const rate = num(r);
    if (isError(rate)) return rate;
    const flows = collectNumbers(rest);
    if (isError(flows)) return flows;
    if (rate === -1) return ERR.div0;
    return finite(npv(rate, flows));
  } },
  IRR: { min: 1, max: 2, call: ([values, guess]) => {
    const flows = collectNumbers([values!]);
    if (isError(flows)) return flows;
    if (!flows.some((x) => x > 0) || !flows.some((x) => x < 0)) return ERR.num;
    let rate = guess === undefined ? 0.1 : (num(guess) as number);
    if (isError(rate)) return rate;
    for (let i = 0; i < 100; i++) {
      let f = 0;
      let df = 0;
      for (let t = 0; t < flows.length; t++) {
        const d = Math.pow(1 + rate, t);
        f += flows[t]! / d;
        df -= (t * flows[t]!) / (d * (1 + rate));
      }
      if (df === 0) break;
      const next = rate - f / df;
      if (!Number.isFinite(next)) break;
      if (Math.abs(next - rate) < 1e-12) return next;
      rate = next <= -1 ? (rate - 1) / 2 : next;
    }
    return ERR.num;
  } },
  RATE: { min: 3, max: 6, call: (args) => {
    const v = nums(args, [0, 0, 0, 0, 0, 0.1]);
    if (isError(v)) return v;
    const [nper, p, pv, f, type, guess] = v as [number, number, number, number, number, number];
    let rate = guess;
    const t = type ? 1 : 0;
    for (let i = 0; i < 100; i++) {
      const y = rate === 0 ? pv + p * nper + f : pv * Math.pow(1 + rate, nper) + (p * (1 + rate * t) * (Math.pow(1 + rate, nper) - 1)) / rate + f;
      const h = 1e-7;
      const r2 = rate + h;
      const y2 = pv * Math.pow(1 + r2, nper) + (p * (1 + r2 * t) * (Math.pow(1 + r2, nper) - 1)) / r2 + f;
      const d = (y2 - y) / h;
      if (d === 0) break;
      const next = rate - y / d;
      if (Math.abs(next - rate) < 1e-10) return next;
      rate = next;
    }
    return ERR.num;
  } },
};
