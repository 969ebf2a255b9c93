// Profiles page switches of <allmende-calendar> (CDP sampling profiler) and prints the functions with the
// most self time, then traces a second run (Chromium's timeline) and prints where the renderer's main thread spent
// its time per switch: script, style recalculation, layout, paint. Run after the benchmark has built its page:
// npx tsx calendar/profile-switch.ts [month|week]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { RelayProcess } from '../doc-editor/relay-process.js';
import { profileSummary } from '../sheet-grid/profile-summary.js';

const here = dirname(fileURLToPath(import.meta.url));
const view = (process.argv[2] ?? 'week') as 'month' | 'week';
const relay = new RelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'allmende-prof-cal-')), staticDir: join(here, 'pages', 'dist') });
await relay.start();
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${relay.httpUrl}/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const report = await page.evaluate((v) => window.calendarBench.run(v, 12), view);
  const { profile } = await cdp.send('Profiler.stop');
  process.stdout.write(`switches: ${report.switchMs.map((x) => x.toFixed(0)).join(' ')} ms\n${profileSummary(profile, 25)}\n`);
  const traced = await context.newPage();
  await traced.goto(`${relay.httpUrl}/index.html`);
  await traced.waitForFunction(() => 'bench' in window);
  await browser.startTracing(traced, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const second = await traced.evaluate((v) => window.calendarBench.run(v, 12), view);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  process.stdout.write(`traced run, switches: ${second.switchMs.map((x) => x.toFixed(0)).join(' ')} ms (first render and seeding included below)\n${timelineSummary(trace.traceEvents)}\n`);
} finally {
  await browser.close();
  await relay.stop();
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** Total time per timeline event kind on the renderer's main thread (top-level kinds only, so nested ones are not counted twice). */
function timelineSummary(events: readonly TraceEvent[]): string {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const kinds = ['FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'HitTest', 'ParseHTML'];
  const totals = new Map<string, { ms: number; n: number }>();
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !kinds.includes(e.name)) continue;
    const t = totals.get(e.name) ?? { ms: 0, n: 0 };
    t.ms += (e.dur ?? 0) / 1000;
    t.n++;
    totals.set(e.name, t);
  }
  return [...totals].sort((a, b) => b[1].ms - a[1].ms).map(([name, t]) => `${name.padEnd(18)} ${t.ms.toFixed(0).padStart(7)} ms in ${t.n}`).join('\n');
}
