import { columnLetters } from './a1.js';
import type { A1Range, A1Ref, Ast } from './ast.js';

const SIMPLE_SHEET = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const LOOKS_LIKE_REF = /^[A-Za-z]{1,3}[0-9]+$/;

/** Writes a sheet name as it must appear before `!`: quoted with `'` when it contains spaces, punctuation or looks like a cell reference. */
export function quoteSheetName(name: string): string {
  if (SIMPLE_SHEET.test(name) && !LOOKS_LIKE_REF.test(name) && !/^(TRUE|FALSE)$/i.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

function printNumber(v: number): string {
  return String(v).replace('e+', 'E+').replace('e-', 'E-');
}

/** How a formula dialect writes what is not a reference: separators and booleans. */
export interface FormulaSyntax {
  /** Between function arguments. */
  readonly argument: string;
  /** Between the columns and between the rows of an inline array. */
  readonly arrayColumn: string;
  readonly arrayRow: string;
  readonly booleans: readonly [whenTrue: string, whenFalse: string];
}

/** Excel's (and our A1 text's) syntax: `SUM(A1,B1)`, `{1,2;3,4}`, `TRUE`. */
export const A1_SYNTAX: FormulaSyntax = { argument: ',', arrayColumn: ',', arrayRow: ';', booleans: ['TRUE', 'FALSE'] };

/** Prints a syntax tree as formula text (without `=`); `ref` and `range` write the references, `syntax` the rest. */
export function printAst<R, G>(ast: Ast<R, G>, ref: (r: R) => string, range: (g: G) => string, syntax: FormulaSyntax = A1_SYNTAX): string {
  const p = (a: Ast<R, G>): string => {
    switch (a.k) {
      case 'num':
        return printNumber(a.v);
      case 'str':
        return `"${a.v.replace(/"/g, '""')}"`;
      case 'bool':
        return syntax.booleans[a.v ? 0 : 1];
      case 'err':
        return a.v;
      case 'miss':
        return '';
      case 'ref':
        return ref(a.ref);
      case 'range':
        return range(a.ref);
      case 'name':
        return a.v;
      case 'fn':
        return `${a.name}(${a.args.map(p).join(syntax.argument)})`;
      case 'bin':
        return p(a.a) + a.op + p(a.b);
      case 'neg':
        return '-' + p(a.a);
      case 'plus':
        return '+' + p(a.a);
      case 'pct':
        return p(a.a) + '%';
      case 'paren':
        return `(${p(a.a)})`;
      case 'arr':
        return `{${a.rows.map((r) => r.map(p).join(syntax.arrayColumn)).join(syntax.arrayRow)}}`;
    }
  };
  return p(ast);
}

function prefix(sheet: string | undefined): string {
  return sheet === undefined ? '' : quoteSheetName(sheet) + '!';
}

/** Writes a positional reference in A1 notation, such as `'Sheet 2'!$A$1`. */
export function printA1Ref(r: A1Ref): string {
  return prefix(r.sheet) + (r.colAbs ? '$' : '') + columnLetters(r.col) + (r.rowAbs ? '$' : '') + String(r.row + 1);
}

/** Writes a positional range in A1 notation: `A1:B2`, `A:C` or `1:3`. */
export function printA1Range(g: A1Range): string {
  const d = (abs: boolean): string => (abs ? '$' : '');
  let body: string;
  if (g.r1 === null || g.r2 === null) body = d(g.colAbs1) + columnLetters(g.c1 ?? 0) + ':' + d(g.colAbs2) + columnLetters(g.c2 ?? 0);
  else if (g.c1 === null || g.c2 === null) body = d(g.rowAbs1) + String(g.r1 + 1) + ':' + d(g.rowAbs2) + String(g.r2 + 1);
  else body = d(g.colAbs1) + columnLetters(g.c1) + d(g.rowAbs1) + String(g.r1 + 1) + ':' + d(g.colAbs2) + columnLetters(g.c2) + d(g.rowAbs2) + String(g.r2 + 1);
  return prefix(g.sheet) + body;
}

/** Prints a positional syntax tree as A1 formula text with a leading `=`. */
export function printA1Formula(ast: Ast<A1Ref, A1Range>): string {
  return '=' + printAst(ast, printA1Ref, printA1Range);
}
