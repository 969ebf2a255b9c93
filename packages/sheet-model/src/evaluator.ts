import type { BinaryOp, IdAst, IdRange, IdRef } from './ast.js';
import { ERR, FormulaError } from './errors.js';
import type { CallContext, FunctionSpec } from './function-types.js';
import { compareValues, isArea, isError, MatrixArea, toNumber, toText, type Arg, type Area, type Scalar } from './values.js';

/** A compiled formula: evaluates to a value or a block, given the call context. */
export type Compiled = (ctx: CallContext) => Arg;

/** How the compiler reaches the workbook: it turns references into readers once, so evaluation does no lookups by id. */
export interface CompileEnv {
  /** Returns a reader for one cell, or an error value if the reference no longer exists. */
  cell(ref: IdRef): (() => Scalar) | FormulaError;
  /**
   * Optionally returns the cell itself (an object whose `value` is current), so the compiler can read it without a
   * reader closure per reference; the common `=A1+1` then costs one closure instead of two.
   */
  cellHolder?(ref: IdRef): { readonly value: Scalar } | FormulaError;
  /** Returns a reader for one cell as a 1×1 block (how functions see a reference argument), or an error value. */
  cellArea(ref: IdRef): (() => Area) | FormulaError;
  /** Returns a reader for a range, or an error value if the range no longer exists. */
  range(range: IdRange): (() => Area) | FormulaError;
  /** Returns the compiled definition of a named range, or undefined if there is none. */
  name(name: string): Compiled | undefined;
  /** Looks up a function by upper-case name. */
  fn(name: string): FunctionSpec | undefined;
}

/** Reduces an argument to one value: a 1×1 block gives its value, a larger block its top-left value (no spilling). */
export function scalarOf(a: Arg): Scalar {
  if (!isArea(a)) return a;
  if (a.height === 0 || a.width === 0) return ERR.value;
  return a.at(0, 0);
}

/** A binary operator applied to two values, with Excel's coercions and errors. */
export function arith(op: BinaryOp, x: Scalar, y: Scalar): Scalar {
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case '&': {
      const a = toText(x);
      if (isError(a)) return a;
      const b = toText(y);
      if (isError(b)) return b;
      // Excel's limit for a cell's text
      return a.length + b.length > 32_767 ? ERR.value : a + b;
    }
    case '=': case '<>': case '<': case '>': case '<=': case '>=': {
      const c = compareValues(x, y);
      return op === '=' ? c === 0 : op === '<>' ? c !== 0 : op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
    default: {
      const a = toNumber(x);
      if (isError(a)) return a;
      const b = toNumber(y);
      if (isError(b)) return b;
      let r: number;
      switch (op) {
        case '+': r = a + b; break;
        case '-': r = a - b; break;
        case '*': r = a * b; break;
        case '/':
          if (b === 0) return ERR.div0;
          r = a / b;
          break;
        default:
          if (a === 0 && b === 0) return ERR.num;
          if (a === 0 && b < 0) return ERR.div0;
          r = Math.pow(a, b);
      }
      return Number.isFinite(r) ? r : ERR.num;
    }
  }
}

function broadcast(a: Arg, b: Arg, f: (x: Scalar, y: Scalar) => Scalar): Arg {
  if (!isArea(a) && !isArea(b)) return f(a, b);
  const ha = isArea(a) ? a.height : 1;
  const wa = isArea(a) ? a.width : 1;
  const hb = isArea(b) ? b.height : 1;
  const wb = isArea(b) ? b.width : 1;
  const h = Math.max(ha, hb);
  const w = Math.max(wa, wb);
  const rows: Scalar[][] = [];
  for (let r = 0; r < h; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < w; c++) {
      const x = isArea(a) ? (r < ha || ha === 1) && (c < wa || wa === 1) ? a.at(ha === 1 ? 0 : r, wa === 1 ? 0 : c) : ERR.na : a;
      const y = isArea(b) ? (r < hb || hb === 1) && (c < wb || wb === 1) ? b.at(hb === 1 ? 0 : r, wb === 1 ? 0 : c) : ERR.na : b;
      row.push(f(x, y));
    }
    rows.push(row);
  }
  return new MatrixArea(rows);
}

function mapArea(a: Arg, f: (x: Scalar) => Scalar): Arg {
  if (!isArea(a)) return f(a);
  const rows: Scalar[][] = [];
  for (let r = 0; r < a.height; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < a.width; c++) row.push(f(a.at(r, c)));
    rows.push(row);
  }
  return new MatrixArea(rows);
}

const negate = (x: Scalar): Scalar => {
  const n = toNumber(x);
  return isError(n) ? n : -n;
};
const percent = (x: Scalar): Scalar => {
  const n = toNumber(x);
  return isError(n) ? n : n / 100;
};

/**
 * `=A1+1` and friends as one closure. It is made here, outside `compile`, so that it keeps only its three inputs alive
 * and not the compiler's scope: a sheet with 100,000 such formulas holds 100,000 of these closures.
 */
function cellOpConstant(holder: { readonly value: Scalar }, op: '+' | '-' | '*', k: number): Compiled {
  return () => {
    const p = holder.value;
    if (typeof p === 'number') {
      const r = op === '+' ? p + k : op === '-' ? p - k : p * k;
      return Number.isFinite(r) ? r : ERR.num;
    }
    return arith(op, p, k);
  };
}

/** Compiles a stored formula into a closure; unknown functions and names compile to #NAME?, missing references to #REF!. */
export function compile(ast: IdAst, env: CompileEnv): Compiled {
  const c = (a: IdAst): Compiled => {
    switch (a.k) {
      case 'num': case 'str': case 'bool': {
        const v = a.v;
        return () => v;
      }
      case 'err': {
        const e = FormulaError.of(a.v);
        return () => e;
      }
      case 'miss':
        return () => null;
      case 'ref': {
        const r = env.cell(a.ref);
        if (isError(r)) return () => r;
        return r;
      }
      case 'range': {
        const r = env.range(a.ref);
        if (isError(r)) return () => r;
        return r;
      }
      case 'name': {
        const n = env.name(a.v.toUpperCase());
        return n ?? (() => ERR.name);
      }
      case 'paren':
        return c(a.a);
      case 'plus':
        return c(a.a);
      case 'neg': {
        const x = c(a.a);
        return (ctx) => mapArea(x(ctx), negate);
      }
      case 'pct': {
        const x = c(a.a);
        return (ctx) => mapArea(x(ctx), percent);
      }
      case 'bin': {
        const op = a.op;
        if (a.b.k === 'num' && (op === '+' || op === '-' || op === '*')) {
          // The common "=A1+1": no closure for the literal, and a direct path for numbers
          const k = a.b.v;
          const holder = a.a.k === 'ref' && env.cellHolder ? env.cellHolder(a.a.ref) : undefined;
          if (holder !== undefined && !isError(holder)) return cellOpConstant(holder, op, k);
          const x = holder !== undefined && isError(holder) ? () => holder : c(a.a);
          return (ctx) => {
            const p = x(ctx);
            if (typeof p === 'number') {
              const r = op === '+' ? p + k : op === '-' ? p - k : p * k;
              return Number.isFinite(r) ? r : ERR.num;
            }
            return isArea(p) ? broadcast(p, k, (s, t) => arith(op, s, t)) : arith(op, p, k);
          };
        }
        const x = c(a.a);
        const f = (p: Scalar, q: Scalar): Scalar => arith(op, p, q);
        const y = c(a.b);
        return (ctx) => {
          const p = x(ctx);
          const q = y(ctx);
          if (!isArea(p) && !isArea(q)) return arith(op, p, q);
          return broadcast(p, q, f);
        };
      }
      case 'arr': {
        const m = new MatrixArea(a.rows.map((row) => row.map((v) => (v.k === 'num' || v.k === 'str' || v.k === 'bool' ? v.v : v.k === 'err' ? FormulaError.of(v.v) : null))));
        return () => m;
      }
      case 'fn': {
        const spec = env.fn(a.name);
        if (!spec) return () => ERR.name;
        const n = a.args.length;
        if (n < spec.min || n > spec.max) return () => ERR.value;
        // A reference argument reaches functions as a 1×1 block: SUM(A1) ignores text in A1 as Excel does
        const args = a.args.map((x) => {
          if (x.k !== 'ref') return c(x);
          const r = env.cellArea(x.ref);
          return isError(r) ? () => r : r;
        });
        if (spec.lazy) {
          const lazy = spec.lazy;
          return (ctx) => lazy(args.map((f) => () => f(ctx)), ctx);
        }
        const call = spec.call!;
        if (n === 1) {
          const f0 = args[0]!;
          return (ctx) => call([f0(ctx)], ctx);
        }
        return (ctx) => {
          const vals: Arg[] = new Array(n);
          for (let i = 0; i < n; i++) vals[i] = args[i]!(ctx);
          return call(vals, ctx);
        };
      }
    }
  };
  return c(ast);
}

/** Walks a stored formula and reports every reference, range, name and function name in it. */
export function visitRefs(ast: IdAst, visit: { ref?(r: IdRef): void; range?(g: IdRange): void; name?(n: string): void; fn?(n: string): void }): void {
  const v = (a: IdAst): void => {
    switch (a.k) {
      case 'ref': visit.ref?.(a.ref); break;
      case 'range': visit.range?.(a.ref); break;
      case 'name': visit.name?.(a.v.toUpperCase()); break;
      case 'fn': visit.fn?.(a.name); a.args.forEach(v); break;
      case 'bin': v(a.a); v(a.b); break;
      case 'neg': case 'plus': case 'pct': case 'paren': v(a.a); break;
      case 'arr': break;
      default: break;
    }
  };
  v(ast);
}
