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
import type { CpuProfile } from '../sheet-grid/profile-summary.js';
import type { TraceEvent } from '../chrome-trace.js';

const here = dirname(fileURLToPath(import.meta.url));
const view = (process.argv[2] ?? 'week') as 'month' | 'week';
// CALENDAR_PAGE_DIR profiles another build of the page (for example one of an earlier version, for a before/after).
const relay = new RelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'allmende-prof-cal-')), staticDir: process.env['CALENDAR_PAGE_DIR'] ?? join(here, 'pages', 'dist') });
await relay.start();
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto(`${relay.httpUrl}/index.html`);
  await page.waitForFunction(() => 'calendarBench' in window);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // PROFILE_SWITCHES=1,5: profiles only those switches (1-based), one profile each, and prints each one's functions by
  // self and by total time (what the first switch does that a later one does not). Build the page with
  // CALENDAR_PAGE_MINIFY=0 for readable names.
  const chosen = (process.env['PROFILE_SWITCHES'] ?? '').split(',').filter(Boolean).map(Number);
  if (chosen.length) {
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await page.exposeFunction('calendarBenchBefore', async (n: number) => {
      if (chosen.includes(n)) await cdp.send('Profiler.start');
    });
    await page.exposeFunction('calendarBenchAfter', async (n: number) => {
      if (!chosen.includes(n)) return;
      const { profile } = await cdp.send('Profiler.stop');
      process.stdout.write(`--- switch ${n}: self time\n${profileSummary(profile, 20)}\n--- switch ${n}: total time\n${totalSummary(profile, 30)}\n`);
    });
    const report = await page.evaluate((v) => window.calendarBench.run(v, 12), view);
    process.stdout.write(`switches: ${report.switchMs.map((x) => x.toFixed(0)).join(' ')} ms\n`);
    process.exit(0);
  }
  await cdp.send('Profiler.start');
  const report = await page.evaluate((v) => window.calendarBench.run(v, 12), view);
  const { profile } = await cdp.send('Profiler.stop');
  process.stdout.write(`switches: ${report.switchMs.map((x) => x.toFixed(0)).join(' ')} ms\n${profileSummary(profile, 25)}\n`);
  const traced = await context.newPage();
  await traced.goto(`${relay.httpUrl}/index.html`);
  await traced.waitForFunction(() => 'calendarBench' in window);
  await browser.startTracing(traced, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
  const second = await traced.evaluate((v) => window.calendarBench.run(v, 12), view);
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
  process.stdout.write(`traced run, switches: ${second.switchMs.map((x) => x.toFixed(0)).join(' ')} ms (timeline of the switches only, after the page's mark)\n${timelineSummary(trace.traceEvents)}\n`);
} finally {
  await browser.close();
  await relay.stop();
}

/** Total time per timeline event kind on the renderer's main thread (top-level kinds only, so nested ones are not counted twice). */
function timelineSummary(events: readonly TraceEvent[]): string {
  // The renderer main thread of the traced page: the one that set the page's mark (the profiled page's renderer is traced too).
  const mark = events.find((e) => e.name === 'calendar-switches');
  const main = mark ?? events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const since = mark?.ts ?? 0;
  const kinds = ['FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'HitTest', 'ParseHTML'];
  const totals = new Map<string, { ms: number; cpu: number; n: number }>();
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.ts < since || !kinds.includes(e.name)) continue;
    const t = totals.get(e.name) ?? { ms: 0, cpu: 0, n: 0 };
    t.ms += (e.dur ?? 0) / 1000;
    t.cpu += (e.tdur ?? e.dur ?? 0) / 1000;
    t.n++;
    totals.set(e.name, t);
  }
  const all = [...totals.values()].reduce((sum, t) => sum + t.cpu, 0);
  // Work counts that do not depend on the machine's load: elements whose style was recalculated, layout objects laid out.
  let styled = 0;
  let dirty = 0;
  let objects = 0;
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || e.ts < since) continue;
    if (e.name === 'UpdateLayoutTree') styled += e.args?.elementCount ?? 0;
    if (e.name === 'Layout') {
      dirty += e.args?.beginData?.dirtyObjects ?? 0;
      objects = Math.max(objects, e.args?.beginData?.totalObjects ?? 0);
    }
  }
  return [
    `${'kind'.padEnd(18)} ${'wall'.padStart(10)} ${'CPU'.padStart(10)}`,
    ...[...totals].sort((a, b) => b[1].cpu - a[1].cpu).map(([name, t]) => `${name.padEnd(18)} ${t.ms.toFixed(0).padStart(7)} ms ${t.cpu.toFixed(0).padStart(7)} ms in ${t.n}`),
    `${'all'.padEnd(18)} ${''.padStart(10)} ${all.toFixed(0).padStart(7)} ms`,
    `elements restyled ${styled}, layout objects laid out ${dirty} (of ${objects} in the page), over all switches`,
  ].join('\n');
}

/** The `top` functions by total time (self and callees) in a CPU profile, one per line. */
function totalSummary(profile: CpuProfile, top: number): string {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const seen = new Set<string>();
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} (${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1})`;
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
    }
  }
  return [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`).join('\n');
}
