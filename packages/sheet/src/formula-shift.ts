import { parseFormula, printA1Formula } from '@allmende/sheet-model';
import type { A1Ast } from '@allmende/sheet-model';

function shiftAst(ast: A1Ast, dRow: number, dCol: number): A1Ast {
  switch (ast.k) {
    case 'ref': {
      const r = ast.ref;
      const row = r.rowAbs ? r.row : r.row + dRow;
      const col = r.colAbs ? r.col : r.col + dCol;
      if (row < 0 || col < 0) return { k: 'err', v: '#REF!' };
      return { k: 'ref', ref: { ...r, row, col } };
    }
    case 'range': {
      const g = ast.ref;
      const move = (v: number | null, abs: boolean, d: number): number | null => (v === null || abs ? v : v + d);
      const r1 = move(g.r1, g.rowAbs1, dRow);
      const r2 = move(g.r2, g.rowAbs2, dRow);
      const c1 = move(g.c1, g.colAbs1, dCol);
      const c2 = move(g.c2, g.colAbs2, dCol);
      if ([r1, r2, c1, c2].some((v) => v !== null && v < 0)) return { k: 'err', v: '#REF!' };
      return { k: 'range', ref: { ...g, r1, r2, c1, c2 } };
    }
    case 'fn':
      return { ...ast, args: ast.args.map((a) => shiftAst(a, dRow, dCol)) };
    case 'bin':
      return { ...ast, a: shiftAst(ast.a, dRow, dCol), b: shiftAst(ast.b, dRow, dCol) };
    case 'neg':
    case 'plus':
    case 'pct':
    case 'paren':
      return { ...ast, a: shiftAst(ast.a, dRow, dCol) };
    case 'arr':
      return { ...ast, rows: ast.rows.map((row) => row.map((a) => shiftAst(a, dRow, dCol))) };
    default:
      return ast;
  }
}

/**
 * Moves the relative references of an A1 formula by `dRow` rows and `dCol`
 * columns, as copying a cell to another place does (`$` parts stay put; a
 * reference pushed off the sheet becomes `#REF!`). Text that is not a
 * formula, or a formula that does not parse, is returned unchanged.
 */
export function shiftFormula(text: string, dRow: number, dCol: number): string {
  if (!text.startsWith('=') || (dRow === 0 && dCol === 0)) return text;
  let ast: A1Ast;
  try {
    ast = parseFormula(text);
  } catch {
    return text;
  }
  return printA1Formula(shiftAst(ast, dRow, dCol));
}
