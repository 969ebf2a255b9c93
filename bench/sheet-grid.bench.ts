// Benchmark of issue 6 ("Performance"): <allmende-sheet> loading a sheet of 100,000 rows × 20 columns
// of data and formulas from the relay (time to first paint of cells), then scrolled with a scripted
// mouse wheel in headless Chromium (frame times p50/p95 from requestAnimationFrame, long tasks).
// Prints a Markdown table and writes it to bench/results/sheet-grid.md. Asserts nothing about time;
// it fails only when the run itself breaks (a sheet that never shows, a wheel that does not scroll).
//
// Run: pnpm --filter @allmende/bench run sheet-grid    (builds its page with Vite first)
// SHEET_GRID_PROFILE=1 also records a CPU profile of the scroll (CDP Profiler), prints the functions
// with the most self time and writes the profile to bench/results/sheet-grid.cpuprofile.
// SHEET_GRID_TRACE=1 records Chrome traces of both scroll phases and reports the renderer main thread's CPU time
// per frame split into script, style, layout, paint, GC and other work (sheet-grid/frame-work.ts): on a loaded
// machine compare these, not the wall-clock frame times, which then mostly measure waiting for a core. It also
// counts the compositor's frames by Chromium's per-frame reports (sheet-grid/frame-kinds.ts): presented, carrying a
// main-thread update, drawn without waiting for one, dropped; and lists the main thread's tasks over 17 ms grouped by
// what ran in them (sheet-grid/slow-tasks.ts). SHEET_GRID_TRACE_DIR=<dir> also keeps the raw traces for DevTools.
//
// Seeding is cached: the relay's data directory is kept under $TMPDIR/allmende-bench-sheet-grid-cache/
// <rows>x<cols>-<hash> (SHEET_GRID_CACHE_DIR; `none` seeds into a temporary directory that is removed), keyed
// by a hash of the row and column counts, the document name, sheet-grid/seed-sheet.ts (the generator), the engine's
// built JavaScript and the version of @allmende/relay. A directory is reused only if its seeded.json exists,
// written after a complete seeding once the relay stopped cleanly. SHEET_GRID_RESEED=1 seeds again.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { cpuBusy } from './doc-editor/cpu-busy.js';
import { markdownTable } from './doc-editor/markdown-table.js';
import { RelayProcess } from './doc-editor/relay-process.js';
import { median, percentile } from './doc-editor/stats.js';
import { FRAME_CATEGORY, frameKinds, frameKindsLine } from './sheet-grid/frame-kinds.js';
import { frameWork, frameWorkLine, type FrameWork } from './sheet-grid/frame-work.js';
import { profileSummary } from './sheet-grid/profile-summary.js';
import { seedSheet } from './sheet-grid/seed-sheet.js';
import { slowTasks, slowTasksLines } from './sheet-grid/slow-tasks.js';
import { traceSummary } from './sheet-grid/trace-summary.js';
import { COLS, DEFAULT_ROWS, DOCUMENT_NAME, type BenchWindow, type OpenTimes, type ScrollReport } from './sheet-grid/shared.js';
import { chromiumArgs, executablePath } from './chromium.js';

const here = dirname(fileURLToPath(import.meta.url));
const pagesRoot = join(here, 'sheet-grid', 'pages');
const pagesDist = join(pagesRoot, 'dist');
const resultsFile = join(here, 'results', 'sheet-grid.md');
const profileFile = join(here, 'results', 'sheet-grid.cpuprofile');

/** How often the sheet is opened (fresh browser context each time); the median is reported. */
const OPENS = Number(process.env['SHEET_GRID_OPENS'] ?? 3);
/** Wheel events per scroll phase, and how far each moves (CSS pixels; a notch of a mouse wheel is 100–120). */
const WHEEL_EVENTS = 300;
const WHEEL_DELTA = 120;
/** Pause between wheel events: a fast, continuous spin of the wheel (a notch every 16 ms). */
const WHEEL_INTERVAL_MS = 16;
/** How long one open may take before the run fails (100,000 rows took 130–190 s at load 15 and over 600 s at load 35 on 2 cores). */
const OPEN_TIMEOUT_MS = Number(process.env['SHEET_GRID_OPEN_TIMEOUT_S'] ?? 1200) * 1000;
const PROFILE = process.env['SHEET_GRID_PROFILE'] === '1';
/**
 * SHEET_GRID_BASELINE=<git revision> also builds the page against packages/sheet/src of that revision and
 * measures both in the same run (same relay, same browser, same load), so before/after compare fairly.
 */
const BASELINE = process.env['SHEET_GRID_BASELINE'] ?? '';
/** SHEET_GRID_TRACE=1 records a Chrome trace of the upward scroll and prints where the main thread spent its time. */
const TRACE = process.env['SHEET_GRID_TRACE'] === '1';
/** SHEET_GRID_TRACE_DIR=<dir> also writes the raw traces there (sheet-grid-<variant>-down.json and -up.json) for DevTools. */
const TRACE_DIR = process.env['SHEET_GRID_TRACE_DIR'] ?? '';
/** Tasks of the main thread at least this long (wall time) are classified in the trace report: longer than a frame. */
const SLOW_TASK_MS = 17;
const ROWS = Number(process.env['SHEET_GRID_ROWS'] ?? DEFAULT_ROWS);
/** SHEET_GRID_RESEED=1 seeds again even when a cached relay database of the same sheet exists. */
const RESEED = process.env['SHEET_GRID_RESEED'] === '1';
/** Where seeded relay databases are kept between runs (SHEET_GRID_CACHE_DIR; `none` seeds into a temporary directory). */
const CACHE_ROOT = process.env['SHEET_GRID_CACHE_DIR'] ?? join(tmpdir(), 'allmende-bench-sheet-grid-cache');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const runStarted = performance.now();
const log = (line: string): void => {
  process.stderr.write(`[sheet-grid ${((performance.now() - runStarted) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
};
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(value < 100 ? 1 : 0)} ms` : '–');

const indent = (lines: string): string => lines.split('\n').map((line) => `      ${line}`).join('\n');

/** Opens the sheet in a fresh context and waits for the first cells. */
async function open(browser: Browser, url: string, profile: boolean): Promise<{ page: Page; times: OpenTimes; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = profile ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const times = await Promise.race([
    page.evaluate(() => (window as unknown as BenchWindow).sheetBench.opened),
    sleep(OPEN_TIMEOUT_MS).then(() => {
      throw new Error(`${url} did not show cells within ${OPEN_TIMEOUT_MS / 1000} s${errors.length ? `: ${errors.join('; ')}` : ''}`);
    }),
  ]);
  // The whole sheet arrived: the last cell computes through the element's public engine object.
  const last = await page.evaluate((address) => {
    const wb = document.querySelector('allmende-sheet')!.workbook;
    return wb ? wb.getDisplay(wb.sheetNames()[0]!, address) : '';
  }, `R${ROWS}`);
  if (!last) throw new Error(`${url}: R${ROWS} (a formula in the last row) shows nothing: the sheet did not load completely`);
  if (cdp) {
    const { profile: recorded } = await cdp.send('Profiler.stop');
    log(`profile of opening (self time):\n${profileSummary(recorded, 15)}`);
    await cdp.detach();
  }
  return { page, times, close: () => context.close() };
}

/** Spins the wheel over the grid: WHEEL_EVENTS notches down (or up). */
async function scrollPhase(page: Page, direction: 1 | -1): Promise<ScrollReport> {
  await page.mouse.move(640, 450);
  await page.evaluate(() => (window as unknown as BenchWindow).sheetBench.startScroll());
  for (let i = 0; i < WHEEL_EVENTS; i++) {
    await page.mouse.wheel(0, direction * WHEEL_DELTA);
    await sleep(WHEEL_INTERVAL_MS);
  }
  await sleep(500); // smooth scrolling may still be running
  return page.evaluate(() => (window as unknown as BenchWindow).sheetBench.finishScroll());
}

/** Writes the non-test sources of packages/sheet/src at git revision `rev` into `dir` (read-only git commands). */
function extractBaseline(rev: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: join(here, '..'), encoding: 'utf8', maxBuffer: 64 << 20 });
  const files = git('ls-tree', '--name-only', `${rev}:packages/sheet/src`).split('\n').filter((f) => f.endsWith('.ts') && !f.includes('.test'));
  for (const file of files) writeFileSync(join(dir, file), git('show', `${rev}:packages/sheet/src/${file}`));
}

/** Opens the sheet OPENS times in one page variant and scrolls it down and up in the last one. */
async function benchVariant(browser: Browser, url: string, label: string): Promise<VariantResult> {
  const opens: OpenTimes[] = [];
  for (let run = 1; run <= OPENS; run++) {
    const { page, times, close } = await open(browser, url, PROFILE && run === OPENS);
    opens.push(times);
    log(`  ${label} open ${run}: cells painted at ${times.cellsPainted.toFixed(0)} ms (${times.cellCount} cells in the DOM)`);
    if (run < OPENS) {
      await close();
      continue;
    }
    try {
      await sleep(1000);
      const cdp = PROFILE ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', FRAME_CATEGORY];
      if (TRACE) await browser.startTracing(page, { categories: traceCategories });
      const down = await scrollPhase(page, 1);
      const downTrace = TRACE ? await browser.stopTracing() : null;
      const downWork = downTrace ? frameWork(downTrace) : null;
      const downKinds = downTrace ? frameKindsLine(frameKinds(downTrace)) : '';
      const downSlow = downTrace ? slowTasksLines(slowTasks(downTrace, SLOW_TASK_MS)) : '';
      if (downTrace && TRACE_DIR) writeFileSync(join(TRACE_DIR, `sheet-grid-${label.replace(/\W+/g, '-')}-down.json`), downTrace);
      let profileTop = '';
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        writeFileSync(profileFile, JSON.stringify(profile));
        profileTop = profileSummary(profile, 15);
        log(`${label}: profile of the downward scroll (self time):\n${profileTop}`);
      }
      log(`  ${label} down: ${down.frames.length} frames, ${down.scrollEvents} scroll events, now at row ${down.firstRow}`);
      if (TRACE) await browser.startTracing(page, { categories: traceCategories });
      const up = await scrollPhase(page, -1);
      let traceTop = '';
      let upWork: FrameWork | null = null;
      let upKinds = '';
      let upSlow = '';
      if (TRACE) {
        const trace = await browser.stopTracing();
        traceTop = traceSummary(trace, 12);
        upWork = frameWork(trace);
        upKinds = frameKindsLine(frameKinds(trace));
        upSlow = slowTasksLines(slowTasks(trace, SLOW_TASK_MS));
        if (TRACE_DIR) writeFileSync(join(TRACE_DIR, `sheet-grid-${label.replace(/\W+/g, '-')}-up.json`), trace);
        log(`${label}: trace of the upward scroll (renderer main thread, inclusive):\n${traceTop}`);
      }
      const work = downWork && upWork
        ? {
            down: `${frameWorkLine(downWork, down.frames.length)}\n      ${downKinds}\n      tasks over ${SLOW_TASK_MS} ms:\n${indent(downSlow)}`,
            up: `${frameWorkLine(upWork, up.frames.length)}\n      ${upKinds}\n      tasks over ${SLOW_TASK_MS} ms:\n${indent(upSlow)}`,
          }
        : null;
      if (work) log(`${label}: renderer main thread CPU while scrolling down, ${work.down}\n  up, ${work.up}`);
      log(`  ${label} up: ${up.frames.length} frames, ${up.scrollEvents} scroll events, now at row ${up.firstRow}`);
      if (down.firstRow < 100 || down.scrollEvents < 10) throw new Error(`${label}: the wheel did not scroll the sheet (first row ${down.firstRow}, ${down.scrollEvents} scroll events)`);
      return { opens, down, up, profileTop, traceTop, work };
    } finally {
      await close();
    }
  }
  throw new Error('no open ran');
}

interface VariantResult {
  opens: OpenTimes[];
  down: ScrollReport;
  up: ScrollReport;
  profileTop: string;
  traceTop: string;
  /** Renderer main thread CPU per frame by kind of work (SHEET_GRID_TRACE=1), down and up. */
  work: { down: string; up: string } | null;
}

/** What a completed seeding leaves next to the relay's database: the cache is used only if this file exists. */
interface SeedRecord {
  updateBytes: number;
  seedSeconds: number;
  seededAt: string;
}

/**
 * The relay data directory for this sheet: keyed by a hash of everything that decides the document's content
 * (rows, columns, document name, the generator's source, the engine's build, the relay's version), so a changed
 * generator or engine seeds afresh and an identical one reuses the database of an earlier run.
 */
function seedCacheDir(): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ ROWS, COLS, DOCUMENT_NAME }));
  // The engine's build decides how the document stores what the generator writes (value blocks since November 2026),
  // so its JavaScript is part of the key, not only its version.
  const engineDist = join(here, '..', 'packages', 'sheet-model', 'dist');
  const engineFiles = (readdirSync(engineDist, { recursive: true }) as string[]).filter((file) => file.endsWith('.js')).sort();
  for (const file of [join(here, 'sheet-grid', 'seed-sheet.ts'), join(here, '..', 'packages', 'relay', 'package.json'),
    ...engineFiles.map((file) => join(engineDist, file))]) hash.update(readFileSync(file));
  return join(CACHE_ROOT, `${ROWS}x${COLS}-${hash.digest('hex').slice(0, 16)}`);
}

function readSeedRecord(dataDir: string): SeedRecord | null {
  const file = join(dataDir, 'seeded.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as SeedRecord;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const busyBefore = await cpuBusy();
  const loadBefore = loadavg();
  if (busyBefore !== null && busyBefore > 0.15) log(`the CPUs are ${(busyBefore * 100).toFixed(0)}% busy before the run: the figures will be inflated`);
  log('building the bench page');
  await build({ configFile: join(pagesRoot, 'vite.config.ts') });
  if (BASELINE) {
    log(`building the baseline page from packages/sheet/src at ${BASELINE}`);
    extractBaseline(BASELINE, join(pagesRoot, 'baseline-src'));
    process.env['SHEET_GRID_VARIANT'] = 'baseline';
    try {
      await build({ configFile: join(pagesRoot, 'vite.config.ts') });
    } finally {
      delete process.env['SHEET_GRID_VARIANT'];
      rmSync(join(pagesRoot, 'baseline-src'), { recursive: true, force: true });
    }
  }

  // The sheet is about 120 MiB as a Yjs update, above the relay's default document limit of 64 MiB; the relay
  // reads its limits from the environment, which the relay process inherits.
  process.env['MAX_DOCUMENT_BYTES'] ??= '512MiB';
  const cached = CACHE_ROOT !== 'none';
  const dataDir = cached ? seedCacheDir() : join(tmpdir(), `allmende-bench-sheet-${process.pid}`);
  let seed = cached && !RESEED ? readSeedRecord(dataDir) : null;
  if (!seed) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  let relay = new RelayProcess({ dataDir, staticDir: pagesDist });
  let browser: Browser | null = null;
  try {
    await relay.start();
    if (seed) {
      log(`relay on ${relay.httpUrl}; the sheet (${ROWS.toLocaleString('en')} × ${COLS}) was seeded on ${seed.seededAt}: using ${dataDir}`);
    } else {
      log(`relay on ${relay.httpUrl}; seeding ${ROWS.toLocaleString('en')} × ${COLS} into ${dataDir}`);
      const seedStarted = performance.now();
      const seeding = relay;
      const { updateBytes } = await seedSheet(relay.wsUrl, DOCUMENT_NAME, ROWS, log).catch((error: unknown) => {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\nrelay log (last lines):\n${seeding.output.split('\n').slice(-8).join('\n')}`);
      });
      seed = { updateBytes, seedSeconds: (performance.now() - seedStarted) / 1000, seededAt: new Date().toISOString() };
    }
    const { updateBytes, seedSeconds } = seed;
    // Restart the relay, so the page loads the sheet from the relay's database as after a deploy.
    await relay.stop();
    // Only a relay that stored everything and stopped cleanly leaves a database worth reusing.
    if (cached) writeFileSync(join(dataDir, 'seeded.json'), JSON.stringify(seed));
    relay = new RelayProcess({ dataDir, staticDir: pagesDist });
    await relay.start();

    browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    const chromiumVersion = browser.version();
    const url = `${relay.httpUrl}/index.html?relay=${encodeURIComponent(relay.wsUrl)}&document=${encodeURIComponent(DOCUMENT_NAME)}`;
    const ours = await benchVariant(browser, url, 'ours');
    const before = BASELINE ? await benchVariant(browser, url.replace('/index.html', '/baseline/index.html'), `baseline ${BASELINE}`) : null;
    const { opens, down, up } = ours;
    const frames = [...down.frames, ...up.frames];
    const p95 = percentile(frames, 95);
    const long = (r: ScrollReport): string => `${r.longTasks.count} (longest ${ms(r.longTasks.maxMs)})`;
    const figures = (v: VariantResult): string[] => {
      const f = [...v.down.frames, ...v.up.frames];
      return [
        ms(median(v.opens.map((o) => o.cellsPainted))),
        ms(percentile(f, 50)),
        ms(percentile(f, 95)),
        ms(percentile(f, 100)),
        `${f.filter((x) => x > 17).length} of ${f.length}`,
        `${long(v.down)} / ${long(v.up)}`,
      ];
    };
    const labels = ['Open: first paint of cells (median)', 'Scroll: frame time p50', 'Scroll: frame time p95', 'Scroll: frame time max',
      'Scroll: frames over 17 ms', 'Scroll: long tasks (> 50 ms), down / up'];
    const targets = ['report', 'report', '≤ 17 ms', 'reference', 'reference', 'reference'];
    const oursFigures = figures(ours);
    const beforeFigures = before ? figures(before) : null;
    const rows = labels.map((label, i) => [label, oursFigures[i]!, ...(beforeFigures ? [beforeFigures[i]!] : []), targets[i]!]);
    const table = markdownTable(['Measure', '<allmende-sheet>', ...(before ? [`before (${BASELINE})`] : []), 'Target'], rows);
    const traces = [ours, ...(before ? [before] : [])].filter((v) => v.traceTop)
      .map((v) => `**Renderer main thread while scrolling, ${v === ours ? 'ours' : `before (${BASELINE})`}** (Chrome trace; CPU time by kind of work, self time; then the upward scroll's events, inclusive wall and CPU time):\n\n\`\`\`\ndown: ${v.work?.down ?? ''}\nup:   ${v.work?.up ?? ''}\n\n${v.traceTop}\n\`\`\`\n`).join('\n');
    const busyMachine = busyBefore !== null && busyBefore > 0.15;
    const markdown = `# Benchmark: <allmende-sheet>, ${ROWS.toLocaleString('en')} × ${COLS} from the relay (issue 6, Performance)

Generated by \`pnpm --filter @allmende/bench run sheet-grid\` on ${new Date().toISOString().slice(0, 10)};
${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, Chromium ${chromiumVersion} (headless, --disable-gpu).
Load average before the run: ${loadBefore.map((l) => l.toFixed(2)).join(', ')}; CPUs busy in the second before it:
${busyBefore === null ? 'unknown' : `${(busyBefore * 100).toFixed(0)}%`}${busyMachine ? ' — something else was running, so these figures are inflated' : ''}.

${table}

- p95 frame time while scrolling: ${ms(p95)} — target ≤ 17 ms: ${p95 <= 17 ? 'met' : 'NOT met'}.

**Sheet**: ${ROWS.toLocaleString('en')} rows × ${COLS} columns, ${(ROWS * COLS).toLocaleString('en')} cells: 15 columns of data
(numbers, text, booleans; formats \`#,##0.00 €\`, \`0%\`, \`DD.MM.YYYY\` on three of them) and 5 formulas per row
(\`=C*E\`, \`=IF(D>50,…)\`, a running total \`=H(n-1)+C\`, \`=SUM(J:K)+M\`, \`=ROUND(P/3,2)\`): ${(ROWS * 5).toLocaleString('en')} formulas.
${(updateBytes / 1024 / 1024).toFixed(1)} MiB as a Yjs update. Seeded through the engine's API by a y-websocket client in Node in
${seedSeconds.toFixed(0)} s (one transaction per 2,500 rows${seed.seededAt.slice(0, 10) === new Date().toISOString().slice(0, 10) ? '' : `; seeded on ${seed.seededAt.slice(0, 10)} and kept`}); the relay was then restarted, so the page loads it from the relay's database.

**How it was measured** (see bench/README.md): the page puts \`<allmende-sheet relay=… document=…>\` on a 1280 × 800 page.
*First paint of cells*: from navigation start to the frame that first shows A1's text and the computed running total in
H2 (checked in \`requestAnimationFrame\`, stamped in a task posted from it once that frame was rendered); it includes
downloading and decoding the document, building the calculation graph and evaluating the formulas. Opened ${OPENS} time(s), each in a fresh
browser context (${opens.map((o) => o.cellsPainted.toFixed(0)).join(', ')} ms). *Scroll*: ${WHEEL_EVENTS} wheel events of ${WHEEL_DELTA} px down, every
${WHEEL_INTERVAL_MS} ms (playwright-core \`mouse.wheel\`), then as many up; frame time is the delta between consecutive
\`requestAnimationFrame\` callbacks in the page over both phases (${frames.length} frames; ${down.scrollEvents} + ${up.scrollEvents} scroll events).
The sheet was at row ${down.firstRow} after scrolling down.
`;
    mkdirSync(dirname(resultsFile), { recursive: true });
    const profiles = ours.profileTop ? `\n**Self time while scrolling down, ours** (CDP Profiler):\n\n\`\`\`\n${ours.profileTop}\n\`\`\`\n` : '';
    writeFileSync(resultsFile, `${markdown}${profiles}${traces ? `\n${traces}` : ''}`);
    process.stdout.write(`\n${markdown}\nWritten to ${resultsFile}\n`);
  } finally {
    await browser?.close();
    await relay.stop();
    if (!cached) rmSync(dataDir, { recursive: true, force: true });
  }
}

// Ctrl-C: exit normally, so the relay is stopped (see RelayProcess).
process.once('SIGINT', () => process.exit(130));

main().then(
  // Exit once the results are written, even if a socket of a client that was already destroyed is still closing.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
