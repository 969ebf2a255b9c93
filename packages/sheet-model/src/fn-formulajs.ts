import * as formulajs from '@formulajs/formulajs';
import { dateToSerial } from './dates.js';
import { ERR, FormulaError, parseErrorCode } from './errors.js';
import type { FunctionSpec, FunctionTable } from './function-types.js';
import { isArea, MatrixArea, type Arg, type Scalar } from './values.js';

type Loose = (...args: unknown[]) => unknown;

function toJs(a: Arg): unknown {
  if (isArea(a)) {
    const rows: unknown[][] = [];
    for (let r = 0; r < a.height; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < a.width; c++) {
        const v = a.at(r, c);
        row.push(v instanceof FormulaError ? new Error(v.code) : v);
      }
      rows.push(row);
    }
    return rows;
  }
  return a;
}

function fromJs(v: unknown): Arg {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return Number.isFinite(v) ? v : ERR.num;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Error) return FormulaError.of(parseErrorCode(v.message) ?? '#VALUE!');
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return ERR.value;
    return dateToSerial(v.getFullYear(), v.getMonth() + 1, v.getDate()) + (v.getHours() * 3600 + v.getMinutes() * 60 + v.getSeconds()) / 86_400;
  }
  if (Array.isArray(v)) {
    const rows = (Array.isArray(v[0]) ? v : [v]) as unknown[][];
    return new MatrixArea(rows.map((r) => r.map((x) => fromJs(x) as Scalar)));
  }
  return ERR.value;
}

function wrap(f: Loose): FunctionSpec {
  return {
    min: 0,
    max: 255,
    call: (args) => {
      for (const a of args) if (a instanceof FormulaError) return a;
      try {
        return fromJs(f(...args.map(toJs)));
      } catch {
        return ERR.value;
      }
    },
  };
}

function collect(obj: Record<string, unknown>, prefix: string, out: FunctionTable): void {
  for (const [k, v] of Object.entries(obj)) {
    if (k !== k.toUpperCase() || k === 'ERROR') continue;
    const name = prefix + k;
    if (typeof v === 'function') out[name] = wrap(v as Loose);
    else if (v !== null && typeof v === 'object') collect(v as Record<string, unknown>, name + '.', out);
  }
}

/**
 * The long tail of Excel functions (statistics, engineering, more finance and dates), taken from @formulajs/formulajs
 * and adapted to our values: ranges become 2-D arrays, errors map to error codes, dates to serials. Our own
 * implementations take precedence wherever both exist.
 */
export function formulajsFunctions(): FunctionTable {
  const out: FunctionTable = {};
  collect(formulajs as unknown as Record<string, unknown>, '', out);
  return out;
}
