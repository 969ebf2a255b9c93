import { dateFunctions } from './fn-date.js';
import { financeFunctions } from './fn-finance.js';
import { formulajsFunctions } from './fn-formulajs.js';
import { logicFunctions } from './fn-logic.js';
import { lookupFunctions } from './fn-lookup.js';
import { mathFunctions } from './fn-math.js';
import { textFunctions } from './fn-text.js';
import type { FunctionSpec, FunctionTable } from './function-types.js';

const table: FunctionTable = { ...formulajsFunctions(), ...mathFunctions, ...logicFunctions, ...lookupFunctions, ...textFunctions, ...dateFunctions, ...financeFunctions };

/** Looks up a spreadsheet function by name (any case, with or without Excel's `_xlfn.` prefix). */
export function lookupFunction(name: string): FunctionSpec | undefined {
  const upper = name.toUpperCase();
  return table[upper.startsWith('_XLFN.') ? upper.slice(6) : upper];
}

/** The names of all built-in functions, sorted. */
export function functionNames(): string[] {
  return Object.keys(table).sort();
}
