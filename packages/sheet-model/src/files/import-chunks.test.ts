import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkbook } from '../workbook.js';
import type { Workbook } from '../workbook.js';
import { seededRandom, syncDocs } from '../sheet.test-support.js';
import { fromCSV } from './csv.js';
import { importInto } from './import-into.js';
import { describeWorkbook, docState } from './round-trip.test-support.js';
import { sampleWorkbook } from './sample-workbook.test-support.js';
import { fromXLSX } from './xlsx-read.js';
import { toXLSX } from './xlsx-write.js';
import type { WorkbookData } from './workbook-data.js';

/** The byte length of every update a document emits while `f` runs. */
function updateSizes(doc: Y.Doc, f: () => void): number[] {
  const sizes: number[] = [];
  const listen = (update: Uint8Array): void => void sizes.push(update.length);
  doc.on('update', listen);
  try {
    f();
  } finally {
    doc.off('update', listen);
  }
  return sizes;
}

/** The sample workbook as read back from XLSX: two sheets, formulas across them, styles, merges, a named range. */
function sampleData(): WorkbookData {
  return fromXLSX(toXLSX(sampleWorkbook())).data;
}

const MiB = 1024 * 1024;

describe('importInto in bounded transactions', () => {
  it('writes 100,000 rows × 10 as updates of at most 4 MiB that another client applies to the same sheet', () => {
    const line = (r: number): string => Array.from({ length: 10 }, (_, c) => (c % 2 ? `text ${r}-${c}` : `${r * 10 + c}.5`)).join(',');
    const csv = Array.from({ length: 100_000 }, (_, r) => line(r)).join('\n');
    const data = fromCSV(csv, { sheetName: 'Big' }).data;
    const a = createWorkbook(new Y.Doc(), { rows: 10, cols: 5 });
    const docB = new Y.Doc();
    syncDocs(a.doc, docB);
    const b = createWorkbook(docB, { seed: false });
    const updates: Uint8Array[] = [];
    const keep = (update: Uint8Array): void => void updates.push(update);
    a.doc.on('update', keep);
    importInto(a, data, { mode: 'new-sheets' });
    a.doc.off('update', keep);
    const sizes = updates.map((u) => u.length);
    const total = sizes.reduce((x, y) => x + y, 0);
    // The plain values go into value blocks of 409 rows × 10 (one entry each instead of 4,090): about 12 MiB in all
    const big = a.model.sheet(a.sheetId('Big'));
    expect(big.blocks.size).toBe(Math.ceil(100_000 / 409));
    expect(big.cells.size).toBe(0);
    expect(total).toBeGreaterThan(8 * MiB);
    expect(sizes.length).toBeGreaterThan(total / (4 * MiB));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4 * MiB);
    // Each update on its own, in order, as a relay would deliver them.
    for (const update of updates) Y.applyUpdate(docB, update);
    expect(b.sheetNames()).toEqual(['Sheet1', 'Big']);
    for (const [address, value] of [['A1', 0.5], ['B1', 'text 0-1'], ['J100000', 'text 99999-9'], ['I50000', 499998.5]] as const) {
      expect(b.getValue('Big', address)).toBe(value);
      expect(a.getValue('Big', address)).toBe(value);
    }
    // Still one undo step.
    expect(a.undo()).toBe(true);
    expect(a.sheetNames()).toEqual(['Sheet1']);
    expect(a.undoManager.undoStack.length).toBe(0);
  }, 240_000);

  for (const mode of ['replace', 'new-sheets'] as const) {
    it(`is one undo step and one redo step when it takes many transactions (${mode})`, () => {
      const wb = sampleWorkbook();
      wb.undoManager.clear();
      wb.setCell('Data', 'A1', 'before');
      const before = describeWorkbook(wb);
      const sizes = updateSizes(wb.doc, () => importInto(wb, sampleData(), { mode, chunkBytes: 300 }));
      expect(sizes.length).toBeGreaterThan(10);
      const after = describeWorkbook(wb);
      wb.setCell('Data', 'B1', 'after');
      expect(wb.undoManager.undoStack.length).toBe(3);
      // The edit after the import is its own step, then the whole import goes in one undo, then the edit before it.
      expect(wb.undo()).toBe(true);
      expect(describeWorkbook(wb)).toEqual(after);
      expect(wb.undo()).toBe(true);
      expect(describeWorkbook(wb)).toEqual(before);
      expect(wb.redo()).toBe(true);
      expect(describeWorkbook(wb)).toEqual(after);
      expect(wb.undo()).toBe(true);
      expect(wb.undo()).toBe(true);
      expect(wb.getValue('Data', 'A1')).toBe('Item');
      // The workbook's own capture setting is restored.
      expect(wb.undoManager.captureTimeout).toBe(0);
    });
  }

  it('gives every chunk its own update and reports progress after each', () => {
    const wb = sampleWorkbook();
    const progress: [number, number][] = [];
    const sizes = updateSizes(wb.doc, () => importInto(wb, sampleData(), { mode: 'new-sheets', chunkBytes: 500, onProgress: (chunk, bytes) => progress.push([chunk, bytes]) }));
    expect(progress.length).toBe(sizes.length);
    expect(progress.map(([chunk]) => chunk)).toEqual(progress.map((_, k) => k));
    for (let k = 1; k < progress.length; k++) expect(progress[k]![1]).toBeGreaterThan(progress[k - 1]![1]);
  });

  it('refuses a budget that is not a positive number, writing nothing', () => {
    const wb = sampleWorkbook();
    const before = docState(wb);
    for (const chunkBytes of [0, -5, Number.NaN]) expect(() => importInto(wb, sampleData(), { mode: 'replace', chunkBytes })).toThrow(/positive number of bytes/);
    expect(docState(wb)).toEqual(before);
  });

  it('leaves the document byte-identical when a sheet is too large, checked before the first write', () => {
    const wb = sampleWorkbook();
    const before = docState(wb);
    const data = fromCSV('1,2\n', { sheetName: 'Huge' }).data;
    const sheet = data.sheets[0]!;
    const tooFar: WorkbookData = { ...data, sheets: [{ ...sheet, cells: [...sheet.cells, { row: 1_048_576, col: 0, content: { kind: 'number', value: 1 } }] }] };
    expect(() => importInto(wb, tooFar, { mode: 'replace' })).toThrow(/at most 1048576 rows/);
    expect(docState(wb)).toEqual(before);
    expect(wb.undoManager.undoStack.length).toBe(sampleWorkbook().undoManager.undoStack.length);
  });

  for (const mode of ['replace', 'new-sheets'] as const) {
    it(`undoes the chunks already written when chunk k fails, for everyone (${mode})`, () => {
      const wb = sampleWorkbook();
      const docB = new Y.Doc();
      syncDocs(wb.doc, docB);
      const b = createWorkbook(docB, { seed: false });
      wb.setCell('Data', 'A1', 'mine');
      syncDocs(wb.doc, docB);
      const depth = wb.undoManager.undoStack.length;
      const before = describeWorkbook(wb);
      const relay = (update: Uint8Array): void => Y.applyUpdate(docB, update);
      wb.doc.on('update', relay);
      const failure = new Error('network gone');
      let chunks = 0;
      const onProgress = (chunk: number): void => {
        chunks = chunk + 1;
        if (chunk === 5) throw failure;
      };
      expect(() => importInto(wb, sampleData(), { mode, chunkBytes: 300, onProgress })).toThrow(failure);
      wb.doc.off('update', relay);
      expect(chunks).toBe(6);
      expect(describeWorkbook(wb)).toEqual(before);
      expect(describeWorkbook(b)).toEqual(before);
      expect(wb.names().map((n) => n.name)).toEqual(['Prices']);
      // Nothing to redo, and the undo history is what it was: the next undo takes back the edit before the import.
      expect(wb.undoManager.undoStack.length).toBe(depth);
      expect(wb.redo()).toBe(false);
      expect(wb.undo()).toBe(true);
      expect(wb.getValue('Data', 'A1')).toBe('Item');
      expect(wb.undoManager.captureTimeout).toBe(0);
    });
  }

  for (const mode of ['replace', 'new-sheets'] as const) {
    for (const seed of [1, 2, 3]) {
      it(`converges with another client editing between the chunks (${mode}, seed ${seed})`, () => {
        const random = seededRandom(seed);
        const a = sampleWorkbook();
        const docB = new Y.Doc();
        syncDocs(a.doc, docB);
        const b = createWorkbook(docB, { seed: false });
        const edit = (wb: Workbook): void => {
          const sheets = wb.sheetNames();
          const sheet = sheets[Math.floor(random() * sheets.length)]!;
          const address = `${'ABCDEF'[Math.floor(random() * 6)]}${1 + Math.floor(random() * 12)}`;
          const roll = random();
          if (roll < 0.6) wb.setCell(sheet, address, Math.round(random() * 1000));
          else if (roll < 0.8) wb.setCell(sheet, address, `=${'ABC'[Math.floor(random() * 3)]}1+1`);
          else wb.setCell(sheet, address, null);
        };
        const onProgress = (): void => {
          // Some of A's chunks reach B, B edits, and B's edits reach A before A writes its next chunk.
          if (random() < 0.7) syncDocs(a.doc, docB);
          for (let k = Math.floor(random() * 3); k > 0; k--) edit(b);
          if (random() < 0.5) syncDocs(a.doc, docB);
        };
        const depth = a.undoManager.undoStack.length;
        importInto(a, sampleData(), { mode, chunkBytes: 400, onProgress });
        edit(b);
        syncDocs(a.doc, docB);
        expect(describeWorkbook(b, 14, 7)).toEqual(describeWorkbook(a, 14, 7));
        expect(b.names()).toEqual(a.names());
        // A's undo takes back exactly its import; the result converges as well.
        expect(a.undo()).toBe(true);
        syncDocs(a.doc, docB);
        expect(describeWorkbook(b, 14, 7)).toEqual(describeWorkbook(a, 14, 7));
        expect(a.sheetNames()).toEqual(['Data', 'Summe und Rest']);
        expect(a.undoManager.undoStack.length).toBe(depth);
      });
    }
  }
});
