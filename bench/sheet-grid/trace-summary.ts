import type { TraceEvent } from '../chrome-trace.js';

/**
 * Where the renderer's main thread spent its time in a Chrome trace (from `browser.stopTracing()`):
 * the `top` event names by total duration of complete events, one per line as
 * `12.3 ms (cpu 10.1 ms)  name (count)`; CPU time is what the thread really ran, so it is less
 * inflated than wall time when other processes compete for the CPUs.
 * Nested events are counted in each of their ancestors too, so read it as "time inside", not self time.
 */
export function traceSummary(trace: Buffer, top: number): string {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') main.add(`${e.pid}:${e.tid}`);
  const totals = new Map<string, { ms: number; cpu: number; count: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !main.has(`${e.pid}:${e.tid}`)) continue;
    const t = totals.get(e.name) ?? { ms: 0, cpu: 0, count: 0 };
    t.ms += e.dur / 1000;
    t.cpu += (e.tdur ?? e.dur) / 1000;
    t.count++;
    totals.set(e.name, t);
  }
  return [...totals.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, top)
    .map(([name, t]) => `${t.ms.toFixed(1).padStart(8)} ms (cpu ${t.cpu.toFixed(1).padStart(7)} ms)  ${name} (${t.count})`)
    .join('\n');
}
