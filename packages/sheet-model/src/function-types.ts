import type { FormulaError } from './errors.js';
import type { Arg, Scalar } from './values.js';

/** What a function can ask of the cell it is evaluated in. */
export interface CallContext {
  /** Zero-based row and column of the formula cell. */
  readonly row: number;
  readonly col: number;
  /** The current time as a serial date-time, fixed for one recalculation. */
  readonly now: number;
  /** A pseudo-random number in [0, 1) for RAND and RANDBETWEEN. */
  random(): number;
}

/** A lazily evaluated argument, for functions such as IF that evaluate only the branch they take. */
export type Thunk = () => Arg;

/** A spreadsheet function: `call` gets evaluated arguments, `lazy` gets thunks. `volatile` functions recalculate on every change. */
export interface FunctionSpec {
  readonly min: number;
  readonly max: number;
  readonly volatile?: boolean;
  readonly call?: (args: Arg[], ctx: CallContext) => Arg;
  readonly lazy?: (args: Thunk[], ctx: CallContext) => Arg;
}

/** A table of functions by upper-case name. */
export type FunctionTable = Record<string, FunctionSpec>;

/** A single value or an error, the result of scalar coercion. */
export type Coerced<T> = T | FormulaError;

/** Re-exported for function modules. */
export type { Arg, Scalar };
