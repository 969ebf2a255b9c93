// Compares builds of the calendar bench page by the renderer main thread's CPU time (trace events' thread time `tdur`,
// which a loaded machine inflates far less than wall time) per page switch, split into script, style, layout, paint and
// the rest, plus work counts (elements restyled, layout objects laid out). Builds are measured in turns, so they see the
// same load. Run after the benchmark has built its page:
//   npx tsx calendar/trace-switch.ts [week|month] [rounds] [page dir…]
// (default: this build's page, calendar/pages/dist; pass an earlier build's dist as a second dir for a before/after).
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { RelayProcess } from '../doc-editor/relay-process.js';
import { median } from '../doc-editor/stats.js';
import type { TraceEvent } from '../chrome-trace.js';

const here = dirname(fileURLToPath(import.meta.url));
const view = (process.argv[2] ?? 'week') as 'month' | 'week';
const rounds = Number(process.argv[3] ?? 3);
const dirs = process.argv.length > 4 ? process.argv.slice(4) : [join(here, 'pages', 'dist')];
const SWITCHES = 12;
// CALENDAR_PACE=back-to-back: the next switch as soon as the last page is painted (default: an idle period before each).
const PACE = process.env['CALENDAR_PACE'] === 'back-to-back' ? 'back-to-back' : 'idle';

/** Where a kind of top-level main-thread event is counted. */
const GROUPS: Record<string, string> = {
  FunctionCall: 'script', EvaluateScript: 'script', RunMicrotasks: 'script', TimerFire: 'script', FireAnimationFrame: 'script', FireIdleCallback: 'script',
  UpdateLayoutTree: 'style', Layout: 'layout', PrePaint: 'paint', Paint: 'paint', Layerize: 'paint', 'Commit': 'paint',
};

interface Split {
  [group: string]: number;
}

function summarise(events: readonly TraceEvent[]): { perSwitch: Split; styled: number; laidOut: number } {
  // The renderer main thread is the one that set the page's mark.
  const mark = events.find((e) => e.name === 'calendar-switches');
  if (!mark) throw new Error('the trace has no calendar-switches mark');
  const main = mark;
  const since = mark.ts;
  const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= since);
  // Top-level events only: drop those inside another counted one.
  const all = mine.filter((e) => e.name in GROUPS).sort((a, b) => a.ts - b.ts);
  // Only what happens from each switch's start to its end mark (after the paint) counts: work the page does at idle
  // between two switches (fetching the next page ahead) is summed apart, as "idle".
  const windows = switchWindows(events, all);
  const inSwitch = (e: TraceEvent): boolean => windows.length === 0 || windows.some(([a, b]) => e.ts >= a && e.ts < b);
  const counted = all.filter(inSwitch);
  const idleMs = all.filter((e) => !inSwitch(e)).reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0) / 1000, 0);
  const split: Split = {};
  let end = 0;
  let styled = 0;
  let laidOut = 0;
  for (const e of counted) {
    if (e.name === 'UpdateLayoutTree') styled += e.args?.elementCount ?? 0;
    if (e.name === 'Layout') laidOut += e.args?.beginData?.dirtyObjects ?? 0;
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    const group = GROUPS[e.name]!;
    split[group] = (split[group] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
    if (process.env['TRACE_DETAIL']) split[`.${e.name}`] = (split[`.${e.name}`] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
  }
  if (process.env['TRACE_PER_SWITCH']) perSwitchSplit(events, counted);
  split['idle'] = idleMs;
  for (const key of Object.keys(split)) split[key] = split[key]! / SWITCHES;
  return { perSwitch: split, styled: styled / SWITCHES, laidOut: laidOut / SWITCHES };
}

/** [start, end) of each switch: from the task that set its start mark to its end mark; empty for pages without end marks. */
function switchWindows(events: readonly TraceEvent[], counted: readonly TraceEvent[]): [number, number][] {
  const ends = new Map(events.filter((e) => e.name.startsWith('calendar-switch-end-')).map((e) => [e.name.slice('calendar-switch-end-'.length), e.ts]));
  return events
    .filter((e) => /^calendar-switch-\d+$/.test(e.name))
    .flatMap((mark): [number, number][] => {
      const end = ends.get(mark.name.slice('calendar-switch-'.length));
      if (end === undefined) return [];
      const start = counted.find((e) => e.ts <= mark.ts && mark.ts < e.ts + (e.dur ?? 0))?.ts ?? mark.ts;
      return [[start, end]];
    });
}

/** Prints each switch's script / style / layout / paint CPU time (the page marks where each switch starts). */
function perSwitchSplit(events: readonly TraceEvent[], counted: readonly TraceEvent[]): void {
  const starts = events
    .filter((e) => /^calendar-switch-\d+$/.test(e.name))
    // A switch starts in the task that set its mark (the bench's loop goes on in the task after the last paint).
    .map((mark) => counted.find((e) => e.ts <= mark.ts && mark.ts < e.ts + (e.dur ?? 0))?.ts ?? mark.ts)
    .sort((a, b) => a - b);
  const rows = starts.map((start, i) => {
    const stop = starts[i + 1] ?? Infinity;
    const row: Split = {};
    let end = 0;
    let styled = 0;
    let laidOut = 0;
    for (const e of counted) {
      if (e.ts < start || e.ts >= stop) continue;
      if (e.name === 'UpdateLayoutTree') styled += e.args?.elementCount ?? 0;
      if (e.name === 'Layout') laidOut += e.args?.beginData?.dirtyObjects ?? 0;
      if (e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      const group = GROUPS[e.name]!;
      row[group] = (row[group] ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000;
    }
    const gc = events
      .filter((e) => e.ts >= start && e.ts < stop && e.ph === 'X' && /^(MinorGC|MajorGC|V8\.GC_SCAVENGER|BlinkGC\.AtomicPhase)$/.test(e.name))
      .reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0) / 1000, 0);
    // TRACE_GC=1: each collection in the switch, its kind and duration.
    const gcs = process.env['TRACE_GC']
      ? events
          .filter((e) => e.ts >= start && e.ts < stop && e.ph === 'X' && /^(MinorGC|MajorGC)$/.test(e.name) && e.pid === counted[0]?.pid && e.tid === counted[0]?.tid)
          .map((e) => `${e.name} ${((e.tdur ?? e.dur ?? 0) / 1000).toFixed(1)}`)
          .join(', ')
      : '';
    // TRACE_TASKS=1: the switch's top-level events of 5 ms or more, in order (what ran inside it).
    const tasks = process.env['TRACE_TASKS']
      ? ` {${counted.filter((e) => e.ts >= start && e.ts < stop && (e.tdur ?? e.dur ?? 0) >= 5000).map((e) => `${e.name} @${((e.ts - start) / 1000).toFixed(0)} ${((e.tdur ?? e.dur ?? 0) / 1000).toFixed(1)}`).join(', ')}}`
      : '';
    const timedOut = events.some((e) => e.name === `calendar-idle-timeout-${i}`) ? ' (no idle period before it)' : '';
    return `  switch ${String(i + 1).padStart(2)}${timedOut}: ${['script', 'style', 'layout', 'paint'].map((g) => `${g} ${(row[g] ?? 0).toFixed(1)}`).join(', ')}, GC ${gc.toFixed(1)} ms; ${styled} restyled, ${laidOut} laid out${gcs ? ` [${gcs}]` : ''}${tasks}`;
  });
  process.stdout.write(`${rows.join('\n')}\n`);
}

const relays = dirs.map((dir) => new RelayProcess({ dataDir: mkdtempSync(join(tmpdir(), 'allmende-trace-cal-')), staticDir: dir }));
for (const relay of relays) await relay.start();
const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const results = dirs.map(() => [] as { split: Split; styled: number; laidOut: number; wall: number }[]);
try {
  for (let r = 0; r < rounds; r++) {
    for (const [i, relay] of relays.entries()) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'de-DE' });
      const page = await context.newPage();
      await page.goto(`${relay.httpUrl}/index.html`);
      await page.waitForFunction(() => 'calendarBench' in window);
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', ...(process.env['TRACE_GC'] ? ['v8', 'disabled-by-default-v8.gc'] : [])] });
      const report = await page.evaluate(([v, n, p]) => window.calendarBench.run(v, n, p), [view, SWITCHES, PACE] as const);
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
      if (process.env['TRACE_PER_SWITCH']) process.stdout.write(`round ${r + 1}, ${dirs[i]}:\n`);
      const s = summarise(trace.traceEvents);
      results[i]!.push({ split: s.perSwitch, styled: s.styled, laidOut: s.laidOut, wall: median(report.switchMs) });
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const relay of relays) await relay.stop();
}

const groups = ['script', 'style', 'layout', 'paint'];
process.stdout.write(`idle work between switches per switch (not in the sum): ${dirs.map((d, i) => `${d.slice(-30)} ${median(results[i]!.map((x) => x.split['idle'] ?? 0)).toFixed(1)} ms`).join(', ')}\n`);
if (process.env['TRACE_DETAIL']) {
  for (const [i, rs] of results.entries()) {
    const names = [...new Set(rs.flatMap((x) => Object.keys(x.split).filter((k) => k.startsWith('.'))))];
    process.stdout.write(`${i}: ${names.map((n) => `${n.slice(1)} ${median(rs.map((x) => x.split[n] ?? 0)).toFixed(1)}`).join(', ')}\n`);
  }
}
process.stdout.write(`${view}, ${rounds} round(s) of ${SWITCHES} switches, load ${loadavg()[0]!.toFixed(2)}; main-thread CPU per switch (median of rounds)\n`);
process.stdout.write(`${'build'.padEnd(44)} ${groups.map((g) => g.padStart(8)).join(' ')} ${'sum'.padStart(8)} ${'restyled'.padStart(9)} ${'laid out'.padStart(9)} ${'wall med'.padStart(9)}\n`);
for (const [i, dir] of dirs.entries()) {
  const rs = results[i]!;
  const cell = (g: string): number => median(rs.map((x) => x.split[g] ?? 0));
  const sum = median(rs.map((x) => groups.reduce((a, g) => a + (x.split[g] ?? 0), 0)));
  process.stdout.write(`${dir.slice(-44).padEnd(44)} ${groups.map((g) => cell(g).toFixed(1).padStart(8)).join(' ')} ${sum.toFixed(1).padStart(8)} ${median(rs.map((x) => x.styled)).toFixed(0).padStart(9)} ${median(rs.map((x) => x.laidOut)).toFixed(0).padStart(9)} ${median(rs.map((x) => x.wall)).toFixed(0).padStart(9)}\n`);
}
