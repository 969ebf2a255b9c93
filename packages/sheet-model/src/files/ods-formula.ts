import { columnLetters } from '../a1.js';
import type { A1Ast, A1Range, A1Ref } from '../ast.js';
import { parseFormula } from '../parser.js';
import { printAst, quoteSheetName } from '../printer.js';
import type { FormulaSyntax } from '../printer.js';
import { mapFunctionNames, odfFunctionName, stripFunctionPrefixes } from './function-names.js';

// ---- A1 (ours) → OpenFormula ----

function odfSheet(name: string | undefined): string {
  if (name === undefined) return '';
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `$${name}` : `$'${name.replace(/'/g, "''")}'`;
}

function odfCell(row: number, col: number, rowAbs: boolean, colAbs: boolean): string {
  return (colAbs ? '$' : '') + columnLetters(col) + (rowAbs ? '$' : '') + String(row + 1);
}

function odfRef(r: A1Ref): string {
  return `[${odfSheet(r.sheet)}.${odfCell(r.row, r.col, r.rowAbs, r.colAbs)}]`;
}

function odfRange(g: A1Range): string {
  const sheet = odfSheet(g.sheet);
  const d = (abs: boolean): string => (abs ? '$' : '');
  if (g.r1 === null || g.r2 === null) return `[${sheet}.${d(g.colAbs1)}${columnLetters(g.c1 ?? 0)}:.${d(g.colAbs2)}${columnLetters(g.c2 ?? 0)}]`;
  if (g.c1 === null || g.c2 === null) return `[${sheet}.${d(g.rowAbs1)}${g.r1 + 1}:.${d(g.rowAbs2)}${g.r2 + 1}]`;
  return `[${sheet}.${odfCell(g.r1, g.c1, g.rowAbs1, g.colAbs1)}:.${odfCell(g.r2, g.c2, g.rowAbs2, g.colAbs2)}]`;
}

/** OpenFormula's syntax: `SUM([.A1];[.B1])`, `{1;2|3;4}`, `TRUE()`. */
const ODF_SYNTAX: FormulaSyntax = { argument: ';', arrayColumn: ';', arrayRow: '|', booleans: ['TRUE()', 'FALSE()'] };

function printOdf(ast: A1Ast): string {
  return printAst(ast, odfRef, odfRange, ODF_SYNTAX);
}

/** Our A1 formula text (`=SUM(A1:B2)`) as an ODF `table:formula` (`of:=SUM([.A1:.B2])`); null when it does not parse. */
export function toOpenFormula(formula: string): string | null {
  try {
    return openFormulaOf(parseFormula(formula));
  } catch {
    return null;
  }
}

/** A formula by position as an ODF `table:formula` (`of:=SUM([.A1:.B2])`). */
export function openFormulaOf(ast: A1Ast): string {
  return 'of:=' + printOdf(mapFunctionNames(ast, odfFunctionName));
}

/** A cell range address of ODF attributes (`$Data.$C$2:.$C$4`) for our A1 reference text (`Data!$C$2:$C$4`); null if it is not a plain reference. */
export function toOdfAddress(reference: string): string | null {
  try {
    const ast = parseFormula(reference);
    if (ast.k === 'ref') return odfRef(ast.ref).slice(1, -1);
    if (ast.k === 'range') return odfRange(ast.ref).slice(1, -1);
    return null;
  } catch {
    return null;
  }
}

// ---- OpenFormula → A1 (ours) ----

const PART = /^(\$?)(?:'((?:[^']|'')*)'|([^.']*))?\.(\$?[A-Za-z]{0,3}\$?\d*)$/;

/** One bracketed OpenFormula reference (`.A1`, `$Sheet1.A1:.B2`, `'My sheet'.A:.A`) as A1 text, or `#REF!`. */
export function odfReferenceToA1(inner: string): string {
  if (inner.includes('#REF!')) return '#REF!';
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of inner) {
    if (ch === "'") quoted = !quoted;
    if (ch === ':' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  let sheet: string | undefined;
  const cells: string[] = [];
  for (const part of parts) {
    const m = PART.exec(part.trim());
    if (!m || m[4] === '') throw new SyntaxError(`"[${inner}]" is not a reference.`);
    const name = m[2] !== undefined ? m[2].replace(/''/g, "'") : m[3] ? m[3] : undefined;
    if (name !== undefined && sheet === undefined) sheet = name;
    cells.push(m[4]!);
  }
  return (sheet !== undefined ? quoteSheetName(sheet) + '!' : '') + cells.join(':');
}

/**
 * An ODF `table:formula` as our A1 formula text with `=`: `of:=SUM([.A1:.B2];1)` → `=SUM(A1:B2,1)`. Formulas in
 * Excel syntax (`msoxl:=`) pass through. Returns null for other formula languages.
 */
export function fromOpenFormula(text: string): string | null {
  const colon = text.indexOf(':');
  const namespace = colon > 0 && /^[a-z][a-z0-9]*$/i.test(text.slice(0, colon)) ? text.slice(0, colon) : '';
  let body = namespace ? text.slice(colon + 1) : text;
  if (namespace === 'msoxl') return body.startsWith('=') ? body : '=' + body;
  if (namespace !== '' && namespace !== 'of' && namespace !== 'oooc') return null;
  if (body.startsWith('=')) body = body.slice(1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '"') {
      let end = i + 1;
      for (;;) {
        const close = body.indexOf('"', end);
        if (close < 0) {
          end = body.length;
          break;
        }
        if (body[close + 1] === '"') end = close + 2;
        else {
          end = close + 1;
          break;
        }
      }
      out += body.slice(i, end);
      i = end - 1;
    } else if (ch === '[') {
      let end = i + 1;
      let quoted = false;
      while (end < body.length && (body[end] !== ']' || quoted)) {
        if (body[end] === "'") quoted = !quoted;
        end++;
      }
      out += odfReferenceToA1(body.slice(i + 1, end));
      i = end;
    } else if (ch === ';') out += ',';
    else if (ch === '|') out += ';';
    else if (ch === '~') throw new SyntaxError('Reference unions (~) are not supported.');
    else out += ch;
  }
  // TRUE() and FALSE() are how ODF writes the boolean constants.
  out = out.replace(/(^|[^A-Za-z0-9_."])(TRUE|FALSE)\(\s*\)/gi, '$1$2');
  return '=' + stripFunctionPrefixes(out);
}
