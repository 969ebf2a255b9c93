import type { A1Ast } from '../ast.js';

/**
 * Functions newer than Excel 2007, which XLSX files store with the `_xlfn.` prefix (and ODF files, as LibreOffice
 * writes them, with `COM.MICROSOFT.`). Without the prefix Excel shows `#NAME?`.
 */
const NEWER = [
  'AGGREGATE', 'BASE', 'BETA.DIST', 'BETA.INV', 'BINOM.DIST', 'BINOM.INV', 'BITAND', 'BITLSHIFT', 'BITOR', 'BITRSHIFT', 'BITXOR',
  'CEILING.MATH', 'CEILING.PRECISE', 'CHISQ.DIST', 'CHISQ.DIST.RT', 'CHISQ.INV', 'CHISQ.INV.RT', 'CHISQ.TEST', 'COMBINA', 'CONCAT',
  'CONFIDENCE.NORM', 'CONFIDENCE.T', 'COT', 'COTH', 'COVARIANCE.P', 'COVARIANCE.S', 'CSC', 'CSCH', 'DAYS', 'DECIMAL', 'ERF.PRECISE',
  'ERFC.PRECISE', 'EXPON.DIST', 'F.DIST', 'F.DIST.RT', 'F.INV', 'F.INV.RT', 'F.TEST', 'FILTER', 'FLOOR.MATH', 'FLOOR.PRECISE',
  'FORECAST.LINEAR', 'FORMULATEXT', 'GAMMA', 'GAMMA.DIST', 'GAMMA.INV', 'GAMMALN.PRECISE', 'GAUSS', 'HYPGEOM.DIST', 'IFNA', 'IFS',
  'IMCOSH', 'IMCOT', 'IMCSC', 'IMCSCH', 'IMSEC', 'IMSECH', 'IMSINH', 'IMTAN', 'ISFORMULA', 'ISOWEEKNUM', 'LET', 'LOGNORM.DIST',
  'LOGNORM.INV', 'MAXIFS', 'MINIFS', 'MODE.MULT', 'MODE.SNGL', 'NEGBINOM.DIST', 'NETWORKDAYS.INTL', 'NORM.DIST', 'NORM.INV',
  'NORM.S.DIST', 'NORM.S.INV', 'NUMBERVALUE', 'PDURATION', 'PERCENTILE.EXC', 'PERCENTILE.INC', 'PERCENTRANK.EXC', 'PERCENTRANK.INC',
  'PERMUTATIONA', 'PHI', 'POISSON.DIST', 'QUARTILE.EXC', 'QUARTILE.INC', 'RANDARRAY', 'RANK.AVG', 'RANK.EQ', 'RRI', 'SEC', 'SECH',
  'SEQUENCE', 'SHEET', 'SHEETS', 'SKEW.P', 'SORT', 'SORTBY', 'STDEV.P', 'STDEV.S', 'SWITCH', 'T.DIST', 'T.DIST.2T', 'T.DIST.RT',
  'T.INV', 'T.INV.2T', 'T.TEST', 'TEXTJOIN', 'UNICHAR', 'UNICODE', 'UNIQUE', 'VAR.P', 'VAR.S', 'WEIBULL.DIST', 'WORKDAY.INTL',
  'XLOOKUP', 'XMATCH', 'XOR', 'Z.TEST',
];
const NEWER_SET = new Set(NEWER);

/** Rewrites every function name of a syntax tree. */
export function mapFunctionNames(ast: A1Ast, rename: (name: string) => string): A1Ast {
  const m = (a: A1Ast): A1Ast => {
    switch (a.k) {
      case 'fn':
        return { k: 'fn', name: rename(a.name), args: a.args.map(m) };
      case 'bin':
        return { k: 'bin', op: a.op, a: m(a.a), b: m(a.b) };
      case 'neg':
      case 'plus':
      case 'pct':
      case 'paren':
        return { k: a.k, a: m(a.a) };
      case 'arr':
        return { k: 'arr', rows: a.rows.map((r) => r.map(m)) };
      default:
        return a;
    }
  };
  return m(ast);
}

/** The name a function has in an XLSX file (`_xlfn.XLOOKUP`). */
export function xlsxFunctionName(name: string): string {
  const upper = name.toUpperCase();
  return NEWER_SET.has(upper) ? '_xlfn.' + upper : upper;
}

/** The name a function has in an ODF file, as LibreOffice writes Excel-only functions (`COM.MICROSOFT.IFS`). */
export function odfFunctionName(name: string): string {
  const upper = name.toUpperCase();
  return ['IFS', 'SWITCH', 'MAXIFS', 'MINIFS', 'CONCAT', 'TEXTJOIN', 'XLOOKUP', 'XMATCH', 'FILTER', 'SORT', 'SORTBY', 'UNIQUE', 'SEQUENCE', 'RANDARRAY', 'LET'].includes(upper)
    ? 'COM.MICROSOFT.' + upper
    : upper;
}

/** A function name as read from a file, without the prefixes files add (`_xlfn.`, `_xlws.`, `COM.MICROSOFT.`). */
export function plainFunctionName(name: string): string {
  return name.replace(/^(_xlfn\.|_xlws\.|_xlfn\._xlws\.|COM\.MICROSOFT\.)+/i, '');
}

/** Removes the file prefixes from the function names of formula text (outside strings). */
export function stripFunctionPrefixes(formula: string): string {
  if (!/_xl|COM\.MICROSOFT\./i.test(formula)) return formula;
  let out = '';
  let quoted = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i]!;
    if (ch === '"') quoted = !quoted;
    if (!quoted) {
      const rest = formula.slice(i);
      const prefix = /^(_xlfn\._xlws\.|_xlfn\.|_xlws\.|COM\.MICROSOFT\.)/i.exec(rest);
      if (prefix && (i === 0 || !/[A-Za-z0-9_.]/.test(formula[i - 1]!))) {
        i += prefix[0].length - 1;
        continue;
      }
    }
    out += ch;
  }
  return out;
}
