import * as Y from 'yjs';
import { createWorkbook, type Workbook } from './workbook.js';
import type { CellInput } from './workbook.js';
import { FormulaError } from './errors.js';
import type { Scalar } from './values.js';

/** A fresh English-locale workbook with one sheet, "Sheet1". */
export function freshWorkbook(locale: 'en' | 'de' = 'en'): Workbook {
  return createWorkbook(new Y.Doc(), { locale, rows: 50, cols: 10 });
}

/**
 * Evaluates a formula in a fresh sheet, after writing `cells` (address → input) into it. Returns the value, with
 * errors reduced to their code so tests can compare with `toBe('#N/A')`.
 */
export function calc(formula: string, cells: Record<string, CellInput> = {}): Scalar | string {
  const wb = freshWorkbook();
  for (const [addr, v] of Object.entries(cells)) wb.setCell('Sheet1', addr, v);
  wb.setCell('Sheet1', 'J50', formula);
  const v = wb.getValue('Sheet1', 'J50');
  wb.destroy();
  return v instanceof FormulaError ? v.code : v;
}

/** A value with errors reduced to their code. */
export function plain(v: Scalar): Scalar | string {
  return v instanceof FormulaError ? v.code : v;
}

/** Exchanges all missing updates between two docs in both directions. */
export function syncDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** A small deterministic random generator (mulberry32), so random tests replay exactly from their seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two workbooks on two synced Y.Docs: `a` seeded with `rows` × 8, `b` joining it unseeded. */
export function workbookPair(rows: number): [Workbook, Workbook, Y.Doc, Y.Doc] {
  const da = new Y.Doc();
  const db = new Y.Doc();
  const a = createWorkbook(da, { locale: 'en', rows, cols: 8 });
  syncDocs(da, db);
  const b = createWorkbook(db, { locale: 'en', seed: false });
  return [a, b, da, db];
}
