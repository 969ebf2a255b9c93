/** The error codes a formula can produce, spelled as Excel shows them. `#CIRC!` marks a circular reference and `#ERROR!` an unparseable formula. */
export type ErrorCode = '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#N/A' | '#NUM!' | '#NULL!' | '#CIRC!' | '#ERROR!';

/** All error codes, in the order Excel's ERROR.TYPE numbers them (then ours). */
export const ERROR_CODES: readonly ErrorCode[] = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#CIRC!', '#ERROR!'];

/** A formula error value, such as `#DIV/0!`; `code` is the text Excel shows. One shared instance exists per code. */
export class FormulaError {
  private constructor(
    /** The Excel error text, for example `#N/A`. */
    readonly code: ErrorCode,
  ) {}

  private static readonly all = new Map<ErrorCode, FormulaError>();

  /** Returns the shared error value for `code`. */
  static of(code: ErrorCode): FormulaError {
    let e = FormulaError.all.get(code);
    if (!e) {
      e = new FormulaError(code);
      FormulaError.all.set(code, e);
    }
    return e;
  }

  /** Returns the error code as text. */
  toString(): string {
    return this.code;
  }
}

/** Shared error values, one per code. */
export const ERR = {
  div0: FormulaError.of('#DIV/0!'),
  value: FormulaError.of('#VALUE!'),
  ref: FormulaError.of('#REF!'),
  name: FormulaError.of('#NAME?'),
  na: FormulaError.of('#N/A'),
  num: FormulaError.of('#NUM!'),
  null: FormulaError.of('#NULL!'),
  circ: FormulaError.of('#CIRC!'),
  parse: FormulaError.of('#ERROR!'),
} as const;

/** Returns whether `text` is one of the error codes (case-insensitive), and the code if so. */
export function parseErrorCode(text: string): ErrorCode | undefined {
  const upper = text.toUpperCase();
  return ERROR_CODES.find((c) => c === upper);
}
