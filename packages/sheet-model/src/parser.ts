import { columnIndex, MAX_COLS, MAX_ROWS } from './a1.js';
import type { A1Ast, A1Range, A1Ref, BinaryOp } from './ast.js';
import { FormulaSyntaxError, tokenize, type Token } from './tokenizer.js';

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)([0-9]{1,7})$/;
const NAME = /^[A-Za-z_\\\u0080-\uffff][A-Za-z0-9_.\\\u0080-\uffff]*$/;

const COMPARE = new Set(['=', '<>', '<', '>', '<=', '>=']);

function cell(word: string, sheet: string | undefined): A1Ref | undefined {
  const m = CELL.exec(word);
  if (!m) return undefined;
  const col = columnIndex(m[2]!);
  const row = Number(m[4]) - 1;
  if (col < 0 || row < 0 || row >= MAX_ROWS) return undefined;
  return { ...(sheet !== undefined ? { sheet } : {}), row, col, rowAbs: m[3] === '$', colAbs: m[1] === '$' };
}

function column(word: string): { col: number; abs: boolean } | undefined {
  const m = COLUMN.exec(word);
  if (!m) return undefined;
  const col = columnIndex(m[2]!);
  return col < 0 || col >= MAX_COLS ? undefined : { col, abs: m[1] === '$' };
}

function row(word: string): { row: number; abs: boolean } | undefined {
  const m = ROW.exec(word);
  if (!m) return undefined;
  const r = Number(m[2]) - 1;
  return r < 0 || r >= MAX_ROWS ? undefined : { row: r, abs: m[1] === '$' };
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token {
    return this.toks[this.i]!;
  }
  private isOp(v: string, offset = 0): boolean {
    const t = this.toks[this.i + offset];
    return t !== undefined && t.t === 'op' && t.v === v;
  }
  private next(): Token {
    return this.toks[this.i++]!;
  }
  private fail(message: string): never {
    throw new FormulaSyntaxError(message, this.peek().pos);
  }
  private expect(v: string): void {
    if (!this.isOp(v)) this.fail(`Expected "${v}" at position ${this.peek().pos + 1}.`);
    this.i++;
  }

  parseFormula(): A1Ast {
    const e = this.expr();
    if (this.peek().t !== 'end') this.fail(`Unexpected text at position ${this.peek().pos + 1}.`);
    return e;
  }

  private expr(): A1Ast {
    let a = this.concat();
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && COMPARE.has(t.v)) {
        this.i++;
        a = { k: 'bin', op: t.v as BinaryOp, a, b: this.concat() };
      } else return a;
    }
  }
  private concat(): A1Ast {
    let a = this.additive();
    while (this.isOp('&')) {
      this.i++;
      a = { k: 'bin', op: '&', a, b: this.additive() };
    }
    return a;
  }
  private additive(): A1Ast {
    let a = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { v: string }).v as BinaryOp;
      a = { k: 'bin', op, a, b: this.multiplicative() };
    }
    return a;
  }
  private multiplicative(): A1Ast {
    let a = this.power();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.next() as { v: string }).v as BinaryOp;
      a = { k: 'bin', op, a, b: this.power() };
    }
    return a;
  }
  private power(): A1Ast {
    let a = this.percent();
    while (this.isOp('^')) {
      this.i++;
      a = { k: 'bin', op: '^', a, b: this.percent() };
    }
    return a;
  }
  private percent(): A1Ast {
    let a = this.unary();
    while (this.isOp('%')) {
      this.i++;
      a = { k: 'pct', a };
    }
    return a;
  }
  private unary(): A1Ast {
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', a: this.unary() };
    }
    if (this.isOp('+')) {
      this.i++;
      return { k: 'plus', a: this.unary() };
    }
    return this.primary();
  }

  private primary(): A1Ast {
    const t = this.next();
    switch (t.t) {
      case 'num':
        if (this.isOp(':')) {
          const r = row(t.text);
          if (r) return this.rowRange(r, undefined);
        }
        return { k: 'num', v: t.v };
      case 'str':
        return { k: 'str', v: t.v };
      case 'err':
        return { k: 'err', v: t.v };
      case 'sheet':
        return this.reference(this.next(), t.v);
      case 'word':
        return this.word(t);
      case 'op':
        if (t.v === '(') {
          const a = this.expr();
          this.expect(')');
          return { k: 'paren', a };
        }
        if (t.v === '{') return this.array();
        this.i--;
        return this.fail(t.v === ')' || t.v === ',' || t.v === ';' ? `A value is missing before "${t.v}" at position ${t.pos + 1}.` : `Unexpected "${t.v}" at position ${t.pos + 1}.`);
      case 'end':
        this.i--;
        return this.fail('The formula ends too early; a value is missing.');
    }
  }

  private word(t: Token & { t: 'word' }): A1Ast {
    const w = t.v;
    if (this.isOp('(')) {
      if (!NAME.test(w)) this.fail(`"${w}" is not a function name.`);
      this.i++;
      return { k: 'fn', name: w.toUpperCase(), args: this.args() };
    }
    const upper = w.toUpperCase();
    if (upper === 'TRUE' || upper === 'FALSE') return { k: 'bool', v: upper === 'TRUE' };
    return this.reference(t, undefined);
  }

  private reference(t: Token, sheet: string | undefined): A1Ast {
    const w = t.t === 'word' ? t.v : t.t === 'num' ? t.text : undefined;
    if (w === undefined) throw new FormulaSyntaxError('A sheet name must be followed by a cell or range reference.', t.pos);
    const c = cell(w, sheet);
    if (c) {
      if (!this.isOp(':')) return { k: 'ref', ref: c };
      this.i++;
      const end = this.endpoint();
      const c2 = end !== undefined ? cell(end, undefined) : undefined;
      if (!c2) this.fail('A range needs a cell after ":", as in A1:B2.');
      const range: A1Range = {
        ...(sheet !== undefined ? { sheet } : {}),
        r1: Math.min(c.row, c2.row), c1: Math.min(c.col, c2.col), r2: Math.max(c.row, c2.row), c2: Math.max(c.col, c2.col),
        rowAbs1: c.row <= c2.row ? c.rowAbs : c2.rowAbs, colAbs1: c.col <= c2.col ? c.colAbs : c2.colAbs,
        rowAbs2: c.row <= c2.row ? c2.rowAbs : c.rowAbs, colAbs2: c.col <= c2.col ? c2.colAbs : c.colAbs,
      };
      return { k: 'range', ref: range };
    }
    if (this.isOp(':')) {
      const col = column(w);
      if (col) {
        this.i++;
        const end = this.endpoint();
        const col2 = end !== undefined ? column(end) : undefined;
        if (!col2) this.fail('A column range needs a column after ":", as in A:C.');
        const lo = col.col <= col2.col ? col : col2;
        const hi = col.col <= col2.col ? col2 : col;
        return { k: 'range', ref: { ...(sheet !== undefined ? { sheet } : {}), r1: null, c1: lo.col, r2: null, c2: hi.col, rowAbs1: false, colAbs1: lo.abs, rowAbs2: false, colAbs2: hi.abs } };
      }
      const r = row(w);
      if (r) return this.rowRange(r, sheet);
    }
    if (sheet !== undefined) throw new FormulaSyntaxError(`"${w}" after the sheet name is not a cell or range reference.`, t.pos);
    if (!NAME.test(w)) throw new FormulaSyntaxError(`"${w}" is not a valid reference or name.`, t.pos);
    return { k: 'name', v: w };
  }

  private endpoint(): string | undefined {
    const t = this.next();
    if (t.t === 'sheet') return this.endpoint();
    if (t.t === 'word') return t.v;
    if (t.t === 'num') return t.text;
    this.i--;
    return undefined;
  }

  private rowRange(r: { row: number; abs: boolean }, sheet: string | undefined): A1Ast {
    this.expect(':');
    const end = this.endpoint();
    const r2 = end !== undefined ? row(end) : undefined;
    if (!r2) this.fail('A row range needs a row number after ":", as in 1:3.');
    const lo = r.row <= r2.row ? r : r2;
    const hi = r.row <= r2.row ? r2 : r;
    return { k: 'range', ref: { ...(sheet !== undefined ? { sheet } : {}), r1: lo.row, c1: null, r2: hi.row, c2: null, rowAbs1: lo.abs, colAbs1: false, rowAbs2: hi.abs, colAbs2: false } };
  }

  private args(): A1Ast[] {
    const args: A1Ast[] = [];
    if (this.isOp(')')) {
      this.i++;
      return args;
    }
    for (;;) {
      if (this.isOp(',') || this.isOp(';') || this.isOp(')')) args.push({ k: 'miss' });
      else args.push(this.expr());
      const t = this.next();
      if (t.t === 'op' && (t.v === ',' || t.v === ';')) continue;
      if (t.t === 'op' && t.v === ')') return args;
      this.i--;
      this.fail(t.t === 'end' ? 'A function call is not closed; add ")".' : `Expected "," or ")" at position ${t.pos + 1}.`);
    }
  }

  private array(): A1Ast {
    const rows: A1Ast[][] = [[]];
    for (;;) {
      const neg = this.isOp('-');
      if (neg) this.i++;
      const t = this.next();
      let v: A1Ast;
      if (t.t === 'num') v = { k: 'num', v: neg ? -t.v : t.v };
      else if (!neg && t.t === 'str') v = { k: 'str', v: t.v };
      else if (!neg && t.t === 'err') v = { k: 'err', v: t.v };
      else if (!neg && t.t === 'word' && /^(TRUE|FALSE)$/i.test(t.v)) v = { k: 'bool', v: t.v.toUpperCase() === 'TRUE' };
      else throw new FormulaSyntaxError('An array constant may hold only numbers, texts, booleans and errors.', t.pos);
      rows[rows.length - 1]!.push(v);
      const sep = this.next();
      if (sep.t === 'op' && sep.v === ',') continue;
      if (sep.t === 'op' && sep.v === ';') {
        rows.push([]);
        continue;
      }
      if (sep.t === 'op' && sep.v === '}') break;
      throw new FormulaSyntaxError('An array constant is not closed; add "}".', sep.pos);
    }
    if (rows.some((r) => r.length !== rows[0]!.length)) throw new FormulaSyntaxError('Every row of an array constant needs the same number of values.', 0);
    return { k: 'arr', rows };
  }
}

/** Parses formula text in A1 notation (with or without the leading `=`); throws {@link FormulaSyntaxError} with the position of the problem. */
export function parseFormula(text: string): A1Ast {
  const src = text.startsWith('=') ? text.slice(1) : text;
  if (src.trim() === '') throw new FormulaSyntaxError('The formula is empty.', 0);
  return new Parser(tokenize(src)).parseFormula();
}
