import type { IdAst } from './ast.js';

/**
 * A cell's input as stored in the workbook: a number, boolean or text; a formula in id space (`{ f }`); or formula text
 * that could not be parsed (`{ bad }`), which is kept so nothing the user typed is lost.
 */
export type StoredInput = number | boolean | string | { readonly f: IdAst } | { readonly bad: string };

/** Returns whether a stored input is a formula. */
export function isFormulaInput(v: StoredInput | null | undefined): v is { readonly f: IdAst } {
  return typeof v === 'object' && v !== null && 'f' in v;
}

/** Returns whether a stored input is formula text that did not parse. */
export function isBadInput(v: StoredInput | null | undefined): v is { readonly bad: string } {
  return typeof v === 'object' && v !== null && 'bad' in v;
}
