// Benchmark of issue 5 ("Performance"): @allmende/sheet-model against HyperFormula 3.5 in the same run.
// (a) 100,000 chained formulas, (b) 5,000 growing SUM ranges, (c) 200,000 values with 10,000 SUM and
// 10,000 VLOOKUP(…, FALSE) over a 10,000 × 20 table, (d) one edit at the top of (a).
// Each case runs in a fresh child process (clean heap for the memory figure); a case that exceeds
// SHEET_BENCH_TIMEOUT seconds (default 120) is stopped and reported as "> N s".
// Prints a Markdown table and writes it to bench/results/sheet-engine.md. Asserts nothing about time.
//
// Run: pnpm --filter @allmende/bench run sheet-engine   (needs `npx tsc -b packages/sheet-model` first)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const timeoutS = Number(process.env['SHEET_BENCH_TIMEOUT'] ?? 120);
const runs = Number(process.env['SHEET_BENCH_RUNS'] ?? 3);

interface CaseResult {
  build: number;
  evaluate: number;
  edit?: number;
  heapMB: number;
  check: string;
}
type Outcome = CaseResult | { timeout: true } | { failed: string };

function runCase(engine: string, workload: string): Outcome {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', join(here, 'sheet-engine', 'run-case.ts'), engine, workload], {
    cwd: here,
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    killSignal: 'SIGKILL',
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { timeout: true };
  if (r.signal === 'SIGKILL') return { timeout: true };
  if (r.status !== 0) return { failed: (r.stderr || String(r.error)).slice(0, 400) };
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as CaseResult;
}

function median(results: CaseResult[]): CaseResult {
  const med = (f: (c: CaseResult) => number): number => results.map(f).sort((a, b) => a - b)[results.length >> 1]!;
  return {
    build: med((c) => c.build),
    evaluate: med((c) => c.evaluate),
    ...(results[0]!.edit !== undefined ? { edit: med((c) => c.edit!) } : {}),
    heapMB: med((c) => c.heapMB),
    check: results[0]!.check,
  };
}

/**
 * Runs both engines alternately (ours, HyperFormula, ours, …) so that both see the same machine load, and reports
 * the median of each figure. A timeout or failure of one engine stops its further runs.
 */
function measurePair(workload: string): [Outcome, Outcome] {
  const engines = ['ours', 'hyperformula'] as const;
  const results: Record<string, CaseResult[]> = { ours: [], hyperformula: [] };
  const stopped: Record<string, Outcome | undefined> = {};
  for (let i = 0; i < runs; i++) {
    for (const engine of engines) {
      if (stopped[engine]) continue;
      const o = runCase(engine, workload);
      process.stderr.write(`[sheet-engine] ${engine} ${workload} run ${i + 1}: ${JSON.stringify(o)}\n`);
      if ('build' in o) results[engine]!.push(o);
      else stopped[engine] = o;
    }
  }
  return engines.map((e) => stopped[e] ?? median(results[e]!)) as [Outcome, Outcome];
}

const fmt = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);

function cell(o: Outcome, f: (c: CaseResult) => number | undefined): string {
  if ('timeout' in o) return `> ${timeoutS} s`;
  if ('failed' in o) return 'failed';
  const v = f(o);
  return v === undefined ? '–' : fmt(v);
}

function ratio(ours: Outcome, peer: Outcome, f: (c: CaseResult) => number | undefined): string {
  if ('timeout' in peer && 'build' in ours) return `< ${(f(ours)! / (timeoutS * 1000)).toFixed(3)}×`;
  if (!('build' in ours) || !('build' in peer)) return '–';
  const a = f(ours);
  const b = f(peer);
  return a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`;
}

const cases = [
  { id: '(a) 100k chained formulas', workload: 'chain' },
  { id: '(b) 5k growing SUM ranges', workload: 'growing' },
  { id: '(c) 200k values + 10k SUM + 10k VLOOKUP', workload: 'table' },
];

const rows: string[] = [];
const total = (c: CaseResult): number => c.build + c.evaluate;
for (const c of cases) {
  const [ours, peer] = measurePair(c.workload);
  rows.push(`| ${c.id}: build + evaluate | ${cell(ours, total)} (${cell(ours, (x) => x.build)} + ${cell(ours, (x) => x.evaluate)}) | ${cell(peer, total)} | ${ratio(ours, peer, total)} | ${cell(ours, (x) => x.heapMB).replace(' ms', ' MB')} | ${cell(peer, (x) => x.heapMB).replace(' ms', ' MB').replace(/^> .*/, '–')} | ${'build' in ours ? ours.check : ''} / ${'build' in peer ? peer.check : ''} |`);
  if (c.workload === 'chain') {
    rows.push(`| (d) edit at the top of (a) | ${cell(ours, (x) => x.edit)} | ${cell(peer, (x) => x.edit)} | ${ratio(ours, peer, (x) => x.edit)} | | | |`);
  }
}

const table = [
  `Sheet engine: @allmende/sheet-model vs HyperFormula 3.5 — ${new Date().toISOString()}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}, median of ${runs} alternating runs, fresh process per run`,
  '',
  '| Workload | ours (build + evaluate) | HyperFormula | ratio ours/HF | heap ours | heap HF | value check (ours / HF) |',
  '|---|---|---|---|---|---|---|',
  ...rows,
  '',
  'Build for ours writes every cell into the Y.Doc (one transaction) and binds formulas to row/column ids; evaluate is the first recalculation.',
  'HyperFormula evaluates inside buildFromArray, so its build column is build + evaluate. Heap is heapUsed after a forced GC, minus the baseline.',
].join('\n');

console.log(table);
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'sheet-engine.md'), table + '\n');
