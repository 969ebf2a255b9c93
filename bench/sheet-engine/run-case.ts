// One benchmark case in a fresh process, so each engine's memory is measured on a clean heap.
// Usage: node --expose-gc --import tsx sheet-engine/run-case.ts <ours|hyperformula|yjs> <chain|growing|table>
// `yjs` is the floor of a one-entry-per-cell layout: only the CRDT writes (one Y.Map.set per input, the input as given,
// keys shaped like ours), in one transaction, with nothing parsed, bound or computed. Ours stores bulk-written plain
// values as value blocks (one entry per block of cells), so for (b) and (c) it writes far fewer entries than this.
// Prints one JSON line: { build, evaluate, buildCpu, evaluateCpu, edit?, insert?, heapMB, check } (times in ms; *Cpu is
// the process's CPU time from process.cpuUsage(), user + system, which load on a shared machine inflates far less).
import { HyperFormula } from 'hyperformula';
import * as Y from 'yjs';
import { createWorkbook } from '@allmende/sheet-model';
import { chain, CHAIN, growing, GROWING, table, TABLE_COLS, TABLE_ROWS, type Input } from './workloads.js';

const [engine, workload] = process.argv.slice(2) as ['ours' | 'hyperformula' | 'yjs', 'chain' | 'growing' | 'table'];
const data: Input[][] = workload === 'chain' ? chain() : workload === 'growing' ? growing() : table();
const probe = workload === 'chain' ? { row: CHAIN - 1, col: 0 } : workload === 'growing' ? { row: GROWING - 1, col: 1 } : { row: TABLE_ROWS - 1, col: TABLE_COLS + 1 };

function heap(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

const before = heap();
const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const result: Record<string, number | string> = {};
let keep: unknown;

if (engine === 'ours') {
  const doc = new Y.Doc();
  const wb = createWorkbook(doc, { locale: 'en', rows: 1, cols: 1 });
  let c = cpuMs();
  let t = performance.now();
  wb.setCells('Sheet1', 'A1', data);
  result['build'] = performance.now() - t;
  result['buildCpu'] = cpuMs() - c;
  c = cpuMs();
  t = performance.now();
  wb.recalculate();
  result['evaluate'] = performance.now() - t;
  result['evaluateCpu'] = cpuMs() - c;
  const addr = (r: number, c: number): string => String.fromCharCode(65 + c) + String(r + 1);
  result['check'] = String(wb.getValue('Sheet1', addr(probe.row, probe.col)));
  if (workload === 'chain') {
    t = performance.now();
    wb.setCell('Sheet1', 'A1', 2);
    const v = wb.getValue('Sheet1', addr(probe.row, probe.col));
    result['edit'] = performance.now() - t;
    result['check'] += ` → ${String(v)}`;
    // (e) a row inserted at the top: every formula moves down one row, none changes its value
    t = performance.now();
    wb.insertRows('Sheet1', 0, 1);
    const v3 = wb.getValue('Sheet1', addr(probe.row + 1, probe.col));
    result['insert'] = performance.now() - t;
    result['check'] += ` → ${String(v3)}`;
  }
  keep = [doc, wb];
} else if (engine === 'yjs') {
  const doc = new Y.Doc();
  const cells = doc.getMap('cells');
  const prefix = doc.clientID.toString(36) + '.';
  const c = cpuMs();
  const t = performance.now();
  doc.transact(() => {
    for (let r = 0; r < data.length; r++) {
      const rowId = prefix + (r + 1000).toString(36);
      const row = data[r]!;
      for (let col = 0; col < row.length; col++) cells.set(rowId + ':' + prefix + (col + 1).toString(36), row[col]!);
    }
  });
  result['build'] = performance.now() - t;
  result['buildCpu'] = cpuMs() - c;
  result['evaluate'] = 0;
  result['evaluateCpu'] = 0;
  result['check'] = String(cells.size);
  keep = doc;
} else {
  let c = cpuMs();
  let t = performance.now();
  const hf = HyperFormula.buildFromArray(data as (string | number)[][], { licenseKey: 'gpl-v3', maxRows: 1_048_576, maxColumns: 18_278 });
  result['build'] = performance.now() - t;
  result['buildCpu'] = cpuMs() - c;
  // HyperFormula evaluates while building; reading the values back is all that is left
  c = cpuMs();
  t = performance.now();
  const v = hf.getCellValue({ sheet: 0, row: probe.row, col: probe.col });
  result['evaluate'] = performance.now() - t;
  result['evaluateCpu'] = cpuMs() - c;
  result['check'] = String(v);
  if (workload === 'chain') {
    t = performance.now();
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [[2]]);
    const v2 = hf.getCellValue({ sheet: 0, row: probe.row, col: probe.col });
    result['edit'] = performance.now() - t;
    result['check'] += ` → ${String(v2)}`;
    t = performance.now();
    hf.addRows(0, [0, 1]);
    const v3 = hf.getCellValue({ sheet: 0, row: probe.row + 1, col: probe.col });
    result['insert'] = performance.now() - t;
    result['check'] += ` → ${String(v3)}`;
  }
  keep = hf;
}
result['heapMB'] = (heap() - before) / 1e6;
void keep;
process.stdout.write(JSON.stringify(result) + '\n');
