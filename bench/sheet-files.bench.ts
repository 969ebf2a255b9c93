// Benchmark of issue 11 ("Performance"): export a 100,000 × 10 workbook (numbers, text, one formula per row) to XLSX
// and ODS, import each back (read + importInto a fresh workbook), and run exceljs 4.4 on the same XLSX in the same
// run (load and writeBuffer); prints the ratios ours / exceljs. Every step runs in a fresh child process
// (sheet-files/run-step.ts); peak memory is that process's `process.resourceUsage().maxRSS`.
// Prints a Markdown table and writes it to bench/results/sheet-files.md. Asserts nothing about time.
//
// Run: pnpm --filter @allmende/bench run sheet-files   (needs `npx tsc -b packages/sheet-model` first)
// Knobs: SHEET_FILES_RUNS (default 3; the median is reported), SHEET_FILES_ROWS (default 100000),
//        SHEET_FILES_TIMEOUT (seconds per step, default 300).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROWS } from './sheet-files/workload.js';

const here = dirname(fileURLToPath(import.meta.url));
const runs = Number(process.env['SHEET_FILES_RUNS'] ?? 3);
const timeoutS = Number(process.env['SHEET_FILES_TIMEOUT'] ?? 300);

interface StepResult {
  ms: number;
  ms2?: number;
  baseMB: number;
  peakMB: number;
  bytes?: number;
  check: string;
  load: number;
}

function runStep(step: string, dir: string): StepResult {
  const load = loadavg()[0]!;
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', join(here, 'sheet-files', 'run-step.ts'), step, dir], {
    cwd: here,
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    killSignal: 'SIGKILL',
    env: { ...process.env },
  });
  if (r.status !== 0) throw new Error(`Step ${step} failed (${r.signal ?? r.status}): ${(r.stderr || String(r.error)).slice(0, 800)}`);
  const result = { ...(JSON.parse(r.stdout.trim().split('\n').pop()!) as Omit<StepResult, 'load'>), load };
  process.stderr.write(`[sheet-files] ${step}: ${JSON.stringify(result)}\n`);
  return result;
}

// Writers first (the readers read what ours wrote), alternating ours and exceljs.
const order = ['ours-write-xlsx', 'exceljs-write', 'ours-write-ods', 'ours-read-xlsx', 'exceljs-read', 'ours-read-ods'] as const;
type Step = (typeof order)[number];
const results = new Map<Step, StepResult[]>(order.map((s) => [s, []]));
const dir = mkdtempSync(join(tmpdir(), 'sheet-files-bench-'));
const startLoad = loadavg();
try {
  for (let i = 0; i < runs; i++) for (const step of order) results.get(step)!.push(runStep(step, dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const endLoad = loadavg();

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const of = (step: Step, f: (r: StepResult) => number | undefined): number => median(results.get(step)!.map((r) => f(r) ?? 0));
const ms = (v: number): string => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const mb = (v: number): string => `${Math.round(v)} MB`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
const loads = (step: Step): string => results.get(step)!.map((r) => r.load.toFixed(1)).join(', ');

const xlsxWrite = of('ours-write-xlsx', (r) => r.ms);
const exWrite = of('exceljs-write', (r) => r.ms);
const xlsxRead = of('ours-read-xlsx', (r) => r.ms);
const xlsxImport = of('ours-read-xlsx', (r) => r.ms2);
const exRead = of('exceljs-read', (r) => r.ms);
const odsWrite = of('ours-write-ods', (r) => r.ms);
const odsRead = of('ours-read-ods', (r) => r.ms);
const odsImport = of('ours-read-ods', (r) => r.ms2);
const peak = (s: Step): number => of(s, (r) => r.peakMB);
const base = (s: Step): number => of(s, (r) => r.baseMB);

const table = [
  `Sheet files: @allmende/sheet-model vs exceljs 4.4 — ${new Date().toISOString()}, ${cpus().length} cores, load ${startLoad.map((l) => l.toFixed(1)).join(' ')} at start, ${endLoad.map((l) => l.toFixed(1)).join(' ')} at end; median of ${runs} runs, every step in a fresh process`,
  '',
  `Workbook: ${ROWS.toLocaleString('en')} rows × 10 columns (${(ROWS * 10).toLocaleString('en')} cells): numbers, text, a date and a percent column with formats, one formula per row (\`=D2*E2*(1+G2)\`), a bold header, a frozen row.`,
  `Files: ours.xlsx ${mb(of('ours-write-xlsx', (r) => r.bytes) / 1e6)}, ours.ods ${mb(of('ours-write-ods', (r) => r.bytes) / 1e6)}, exceljs' xlsx ${mb(of('exceljs-write', (r) => r.bytes) / 1e6)}.`,
  '',
  '| Step | ours | exceljs | ours / exceljs | peak RSS ours | peak RSS exceljs | RSS before the step (ours / exceljs) | load (1 min) per run |',
  '|---|---|---|---|---|---|---|---|',
  `| XLSX export (\`toXLSX\` / \`writeBuffer\`) | ${ms(xlsxWrite)} | ${ms(exWrite)} | ${ratio(xlsxWrite, exWrite)} | ${mb(peak('ours-write-xlsx'))} | ${mb(peak('exceljs-write'))} | ${mb(base('ours-write-xlsx'))} / ${mb(base('exceljs-write'))} | ${loads('ours-write-xlsx')} |`,
  `| XLSX import: read (\`fromXLSX\` / \`xlsx.load\`) | ${ms(xlsxRead)} | ${ms(exRead)} | ${ratio(xlsxRead, exRead)} | | | | ${loads('ours-read-xlsx')} |`,
  `| XLSX import: read + \`importInto\` (exceljs: load) | ${ms(xlsxRead + xlsxImport)} (${ms(xlsxRead)} + ${ms(xlsxImport)}) | ${ms(exRead)} | ${ratio(xlsxRead + xlsxImport, exRead)} | ${mb(peak('ours-read-xlsx'))} | ${mb(peak('exceljs-read'))} | ${mb(base('ours-read-xlsx'))} / ${mb(base('exceljs-read'))} | |`,
  `| ODS export (\`toODS\`) | ${ms(odsWrite)} | – | ${ratio(odsWrite, xlsxWrite)} of our XLSX | ${mb(peak('ours-write-ods'))} | – | ${mb(base('ours-write-ods'))} | ${loads('ours-write-ods')} |`,
  `| ODS import: read + \`importInto\` | ${ms(odsRead + odsImport)} (${ms(odsRead)} + ${ms(odsImport)}) | – | ${ratio(odsRead + odsImport, xlsxRead + xlsxImport)} of our XLSX | ${mb(peak('ours-read-ods'))} | – | ${mb(base('ours-read-ods'))} | ${loads('ours-read-ods')} |`,
  '',
  `Checks (last cell J${ROWS}): ours after XLSX import ${results.get('ours-read-xlsx')![0]!.check}; after ODS import ${results.get('ours-read-ods')![0]!.check}; exceljs read ${results.get('exceljs-read')![0]!.check}.`,
  '',
  '- Export times start from a built and calculated workbook (building it is not timed); ours includes reading the Y.Doc, writing every part and zipping.',
  "- exceljs' workbook for `writeBuffer` is built from the same rows (not timed); `xlsx.load` reads the file ours wrote. exceljs only reads into its own object model: it has no",
  '  CRDT to write to, so the fair comparison for the import is our read + `importInto` (which writes every cell into the Y.Doc in one transaction) against its load.',
  '- Peak RSS is `process.resourceUsage().maxRSS` of the step\'s own process at its end (it includes Node itself, the workbook built before an export, and the file bytes);',
  '  "RSS before the step" is the same figure just before the timed part.',
].join('\n');

process.stdout.write(table + '\n');
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'sheet-files.md'), table + '\n');
