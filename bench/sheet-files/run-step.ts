// One step of the sheet-files benchmark in a fresh process, so its peak memory is its own.
// Usage: node --import tsx sheet-files/run-step.ts <step> <dir>
//   ours-write-xlsx | ours-write-ods : build the workbook (untimed), export it, write <dir>/ours.{xlsx,ods}
//   ours-read-xlsx | ours-read-ods   : read <dir>/ours.{xlsx,ods} (fromXLSX/fromODS), then importInto a fresh workbook
//   exceljs-write                    : build the same rows in exceljs (untimed), writeBuffer
//   exceljs-read                     : workbook.xlsx.load(<dir>/ours.xlsx)
// Prints one JSON line: { ms, ms2?, baseMB, peakMB, check }. peakMB is process.resourceUsage().maxRSS at the end
// (the whole process's peak RSS); baseMB is the same figure just before the timed part started.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { createWorkbook, fromODS, fromXLSX, importInto, toODS, toXLSX } from '@allmende/sheet-model';
import { COLS, fillWorkbook, ROWS, rowsOf } from './workload.js';

const [step, dir] = process.argv.slice(2) as [string, string];
const rssMB = (): number => process.resourceUsage().maxRSS / 1024;
const out: Record<string, number | string> = {};

// SHEET_FILES_CPU_PROF=<file prefix>: a V8 CPU profile of the timed parts only, written to <prefix>-<step>-<n>.cpuprofile.
const profilePrefix = process.env['SHEET_FILES_CPU_PROF'];
const session = profilePrefix ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
}
let profiles = 0;

async function timed<T>(f: () => T | Promise<T>): Promise<[T, number]> {
  if (session) await session.post('Profiler.start');
  const t = performance.now();
  const r = await f();
  const ms = performance.now() - t;
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${profilePrefix}-${step}-${++profiles}.cpuprofile`, JSON.stringify(profile));
  }
  return [r, ms];
}

function ourWorkbook(): ReturnType<typeof createWorkbook> {
  const wb = createWorkbook(new Y.Doc(), { locale: 'en', rows: 1, cols: 1 });
  fillWorkbook(wb);
  wb.recalculate();
  return wb;
}

const lastAddress = `J${ROWS}`;

if (step === 'ours-write-xlsx' || step === 'ours-write-ods') {
  const wb = ourWorkbook();
  out['baseMB'] = rssMB();
  const [bytes, ms] = await timed(() => (step === 'ours-write-xlsx' ? toXLSX(wb) : toODS(wb)));
  out['ms'] = ms;
  out['bytes'] = bytes.length;
  writeFileSync(join(dir, step === 'ours-write-xlsx' ? 'ours.xlsx' : 'ours.ods'), bytes);
  out['check'] = String(wb.getValue('Data', lastAddress));
} else if (step === 'ours-read-xlsx' || step === 'ours-read-ods') {
  const bytes = new Uint8Array(readFileSync(join(dir, step === 'ours-read-xlsx' ? 'ours.xlsx' : 'ours.ods')));
  out['baseMB'] = rssMB();
  const [result, ms] = await timed(() => (step === 'ours-read-xlsx' ? fromXLSX(bytes) : fromODS(bytes)));
  out['ms'] = ms;
  const wb = createWorkbook(new Y.Doc(), { locale: 'en' });
  const [, ms2] = await timed(() => importInto(wb, result.data, { mode: 'replace' }));
  out['ms2'] = ms2;
  out['check'] = `${String(wb.getValue('Data', lastAddress))} ${wb.getFormula('Data', lastAddress)}`;
} else if (step === 'exceljs-write') {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet('Data');
  const rows = rowsOf();
  rows.forEach((row, r) => {
    const values = row.map((v) => (typeof v === 'string' && v.startsWith('=') ? { formula: v.slice(1), result: 0 } : v));
    ws.addRow(values);
    if (r === 0) ws.getRow(1).font = { bold: true };
  });
  for (let r = 2; r <= ROWS; r++) {
    ws.getCell(r, 6).numFmt = 'DD.MM.YYYY';
    ws.getCell(r, 7).numFmt = '0.0%';
  }
  ws.getColumn(2).width = 20;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  out['baseMB'] = rssMB();
  const [buffer, ms] = await timed(() => workbook.xlsx.writeBuffer());
  out['ms'] = ms;
  out['bytes'] = buffer.byteLength;
  out['check'] = String(COLS * ROWS);
} else if (step === 'exceljs-read') {
  const bytes = readFileSync(join(dir, 'ours.xlsx'));
  out['baseMB'] = rssMB();
  const workbook = new ExcelJS.Workbook();
  const [, ms] = await timed(() => workbook.xlsx.load(bytes as unknown as ArrayBuffer));
  out['ms'] = ms;
  const cell = workbook.getWorksheet('Data')!.getCell(lastAddress);
  out['check'] = `${JSON.stringify((cell.value as { result?: unknown }).result)} =${String(cell.formula)}`;
} else {
  throw new Error(`Unknown step ${step}`);
}
out['peakMB'] = rssMB();
process.stdout.write(JSON.stringify(out) + '\n');
