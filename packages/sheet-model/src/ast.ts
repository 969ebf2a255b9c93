import type { ErrorCode } from './errors.js';

/** A binary operator in Excel syntax. */
export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '>' | '<=' | '>=';

/**
 * A formula syntax tree. `R` is how a single-cell reference is written and `G` how a range is written:
 * positions while parsing A1 text ({@link A1Ref}), row and column ids once stored ({@link IdRef}).
 */
export type Ast<R, G> =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'str'; readonly v: string }
  | { readonly k: 'bool'; readonly v: boolean }
  | { readonly k: 'err'; readonly v: ErrorCode }
  | { readonly k: 'miss' }
  | { readonly k: 'ref'; readonly ref: R }
  | { readonly k: 'range'; readonly ref: G }
  | { readonly k: 'name'; readonly v: string }
  | { readonly k: 'fn'; readonly name: string; readonly args: readonly Ast<R, G>[] }
  | { readonly k: 'bin'; readonly op: BinaryOp; readonly a: Ast<R, G>; readonly b: Ast<R, G> }
  | { readonly k: 'neg'; readonly a: Ast<R, G> }
  | { readonly k: 'plus'; readonly a: Ast<R, G> }
  | { readonly k: 'pct'; readonly a: Ast<R, G> }
  | { readonly k: 'paren'; readonly a: Ast<R, G> }
  | { readonly k: 'arr'; readonly rows: readonly (readonly Ast<R, G>[])[] };

/** A single-cell reference by position, as written in A1 text; `sheet` is the sheet name when the reference names one. */
export interface A1Ref {
  readonly sheet?: string;
  readonly row: number;
  readonly col: number;
  readonly rowAbs: boolean;
  readonly colAbs: boolean;
}

/** A range by position, as written in A1 text. Rows are null for whole columns (A:A), columns null for whole rows (1:1). */
export interface A1Range {
  readonly sheet?: string;
  readonly r1: number | null;
  readonly c1: number | null;
  readonly r2: number | null;
  readonly c2: number | null;
  readonly rowAbs1: boolean;
  readonly colAbs1: boolean;
  readonly rowAbs2: boolean;
  readonly colAbs2: boolean;
}

/** A single-cell reference in id space: the sheet id (absent for the formula's own sheet), row id and column id. `a` holds `$` flags: 1 row, 2 column. */
export interface IdRef {
  readonly s?: string;
  readonly r: string;
  readonly c: string;
  readonly a?: number;
}

/** A range in id space: endpoint row and column ids (null rows for whole columns, null columns for whole rows). `a` holds `$` flags: 1 r1, 2 c1, 4 r2, 8 c2. */
export interface IdRange {
  readonly s?: string;
  readonly r1: string | null;
  readonly c1: string | null;
  readonly r2: string | null;
  readonly c2: string | null;
  readonly a?: number;
}

/** A formula parsed from A1 text, before its references are bound to ids. */
export type A1Ast = Ast<A1Ref, A1Range>;
/** A formula as stored in the workbook: references name row and column ids. */
export type IdAst = Ast<IdRef, IdRange>;
