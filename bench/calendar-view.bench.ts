// Benchmark of issue 8 ("Performance"): <allmende-calendar> in headless Chromium rendering a month
// view with ≈2,000 occurrences per month and a week view with ≈500 per week (recurring series and
// single events, all-day and timed), then switching to the next month/week at least 10 times. Prints
// a Markdown table with the median and p95 against the target (< 100 ms per switch) and writes it to
// bench/results/calendar-view.md. FullCalendar, the peer the issue names, is not installed in this
// workspace, so there is no ratio; its users report 1–2 s for 1,000 events.
//
// Run: pnpm --filter @allmende/bench run calendar-view    (builds its page with Vite first)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { PageReport } from './calendar/shared.js';
import { cpuBusy } from './doc-editor/cpu-busy.js';
import { markdownTable } from './doc-editor/markdown-table.js';
import { RelayProcess } from './doc-editor/relay-process.js';
import { median, percentile } from './doc-editor/stats.js';
import { chromiumArgs, executablePath } from './chromium.js';

const here = dirname(fileURLToPath(import.meta.url));
const pagesRoot = join(here, 'calendar', 'pages');
const resultsFile = join(here, 'results', 'calendar-view.md');
const SWITCHES = Number(process.env['CALENDAR_SWITCHES'] ?? 12);
const TARGET_MS = 100;
// CALENDAR_PACE=back-to-back: each switch as soon as the last page is painted; default: an idle period (not timed) before
// each, as between a person's presses of "next" (see calendar/pages/src/page.ts).
const PACE = process.env['CALENDAR_PACE'] === 'back-to-back' ? 'back-to-back' : 'idle';
const NOTES_MARKER = '<!-- notes: kept across runs -->';

const log = (line: string): void => {
  process.stderr.write(`[calendar-view] ${line}\n`);
};
const ms = (v: number): string => `${v.toFixed(v < 100 ? 1 : 0)} ms`;

async function main(): Promise<void> {
  const busy = await cpuBusy();
  const load = loadavg();
  log(`building the bench page (CPUs ${busy === null ? '?' : `${(busy * 100).toFixed(0)}%`} busy, load ${load.map((l) => l.toFixed(2)).join(' ')})`);
  await build({ configFile: join(pagesRoot, 'vite.config.ts') });
  // CALENDAR_BASELINE_PAGE: the bench page built from an earlier version (see bench/results/calendar-view.md), measured
  // in the same run, alternating with this build, so the two see the same load.
  const baselineDir = process.env['CALENDAR_BASELINE_PAGE'];
  const builds = [{ name: 'this build', dir: join(pagesRoot, 'dist') }, ...(baselineDir ? [{ name: 'baseline', dir: baselineDir }] : [])];
  const relays = builds.map((b) => new RelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'allmende-bench-cal-')), staticDir: b.dir }));
  for (const relay of relays) await relay.start();
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const reports: (PageReport & { build: string })[] = [];
  try {
    for (const view of ['month', 'week'] as const) {
      for (const [i, relay] of relays.entries()) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'de-DE' });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`${relay.httpUrl}/index.html`);
        await page.waitForFunction(() => 'calendarBench' in window);
        const raw = await page.evaluate(([v, n, p]) => window.calendarBench.run(v, n, p), [view, SWITCHES, PACE] as const);
        // A baseline page built before 2026-11-28 21:15 does not report its switches without an idle period.
        const report: PageReport = { ...raw, noIdle: (raw as Partial<PageReport>).noIdle ?? [] };
        if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
        const build = builds[i]!.name;
        log(`${view} (${build}): ${report.events} events stored, ${median(report.shown)} occurrences per page, first render ${ms(report.renderMs)}, switches ${report.switchMs.map((x) => x.toFixed(0)).join(' ')} ms (script ${report.scriptMs.map((x) => x.toFixed(0)).join(' ')} ms)${report.noIdle.length ? `; no idle period before switch ${report.noIdle.join(', ')}` : ''}`);
        reports.push({ ...report, build });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    for (const relay of relays) await relay.stop();
  }
  const endLoad = loadavg();
  const rows = reports.map((r) => {
    const med = median(r.switchMs);
    const p95 = percentile(r.switchMs, 95);
    return [
      `${r.view === 'month' ? 'Month' : 'Week'}${baselineDir ? ` (${r.build})` : ''}`,
      r.events.toLocaleString('en'),
      `${Math.min(...r.shown).toLocaleString('en')}–${Math.max(...r.shown).toLocaleString('en')}`,
      `${median(r.chips).toLocaleString('en')}`,
      ms(r.renderMs),
      ms(med),
      ms(p95),
      ms(Math.max(...r.switchMs)),
      ms(median(r.scriptMs)),
      `${(med / TARGET_MS).toFixed(2)}× target`,
    ];
  });
  // Switches that came without an idle period before them (the page's wait for one timed out after a second, on a
  // loaded machine): nothing was fetched, laid out or rendered ahead for them.
  const noIdle = reports.filter((r) => r.noIdle.length > 0).map((r) => `${r.view}${baselineDir ? ` (${r.build})` : ''}: switch ${r.noIdle.join(', ')}`);
  const ratios = baselineDir
    ? (['month', 'week'] as const).map((view) => {
        const [mine, base] = ['this build', 'baseline'].map((b) => reports.find((r) => r.view === view && r.build === b)!);
        return `- ${view === 'month' ? 'Month' : 'Week'}: switch median ${(median(mine!.switchMs) / median(base!.switchMs)).toFixed(2)}× the baseline's, script part ${(median(mine!.scriptMs) / median(base!.scriptMs)).toFixed(2)}×.`;
      })
    : [];
  const table = markdownTable(['View', 'Events stored', 'Occurrences per page', 'Event elements (median)', 'First render', `Switch median (n=${SWITCHES})`, 'Switch p95', 'Slowest switch', 'Script part (median)', 'vs 100 ms'], rows);
  const text = [
    '# <allmende-calendar>: render and page switch',
    '',
    `Run ${new Date().toISOString()}, Chromium headless, ${cpus().length} CPUs; load average ${load.map((l) => l.toFixed(2)).join(' / ')} before and ${endLoad.map((l) => l.toFixed(2)).join(' / ')} after the run${busy === null ? '' : `, CPUs ${(busy * 100).toFixed(0)}% busy before it`} (a shared machine: absolute figures are noisy).`,
    '',
    table,
    '',
    ...(ratios.length ? ['This build against the baseline page in the same run (alternating, so both see the same load):', '', ...ratios, ''] : []),
    'A switch is `el.step(1)` until the next page is painted (`updateComplete`, then a frame and a task): the occurrence query for the',
    'new window (recurring series are expanded for the window only), the layout (lanes, columns) and the Lit render.',
    'The month page shows six weeks, so it holds more occurrences than the month itself; month cells show a few events and "+N more".',
    PACE === 'idle'
      ? 'Before each switch the page lets the browser have an idle period (not timed), as between a person\'s presses of "next"; the element fetches the next and previous pages\' occurrences then (after the frame that shows the page), the month view lays them out, and the week view also renders the next page ahead into a hidden layer (`CALENDAR_PACE=back-to-back` switches as soon as the last page is painted, so nothing is done ahead; `npx tsx calendar/trace-switch.ts` prints the idle work per switch).'
      : 'Paced back to back (`CALENDAR_PACE=back-to-back`): each switch as soon as the last page is painted, so nothing is fetched ahead.',
    ...(noIdle.length ? [`Without an idle period before them (the wait timed out after 1 s, so nothing was done ahead): ${noIdle.join('; ')}.`] : []),
    '',
    `Target: under ${TARGET_MS} ms per switch. FullCalendar is not installed in this workspace (it was not added), so it is not measured here;`,
    'its users report 1–2 s for 1,000 events.',
    '',
  ].join('\n');
  mkdirSync(dirname(resultsFile), { recursive: true });
  // The hand-written notes below the marker (before/after comparisons, profiles) survive a new run.
  const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
  const marker = previous.indexOf(NOTES_MARKER);
  writeFileSync(resultsFile, marker >= 0 ? `${text}\n${previous.slice(marker)}` : text);
  process.stdout.write(`${text}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
