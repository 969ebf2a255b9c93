import type { TraceEvent } from '../chrome-trace.js';

/** The renderer main thread's CPU time by kind of work, in ms (self time: nested events are not counted twice). */
export interface FrameWork {
  script: number;
  style: number;
  layout: number;
  paint: number;
  gc: number;
  other: number;
  total: number;
  /** Style recalculations and layouts that ran inside script: reads (offsetWidth, getBoundingClientRect…) that forced them. */
  forcedStyle: number;
  forcedLayout: number;
  /** The trace events whose self time makes up most of `other`, with ms. */
  otherTop: [string, number][];
}

const KINDS: readonly [keyof Omit<FrameWork, 'total' | 'forcedStyle' | 'forcedLayout' | 'otherTop' | 'other'>, RegExp][] = [
  ['gc', /GC|Scavenge|MarkCompact|MinorMS/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|RecalcStyle|ParseAuthorStyleSheet|StyleInvalidatorInvalidationTracking)$/],
  ['layout', /^(Layout|UpdateLayout|IntersectionObserverController::computeIntersections)$/],
  ['paint', /Paint|Layeri[sz]e|UpdateLayer|Composite|Commit|Raster|Decode/],
  ['script', /FunctionCall|EvaluateScript|v8|V8|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|Compile|ResizeObserver|HitTest/],
];

const SCRIPT = /FunctionCall|EvaluateScript|v8\.|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks/;

/**
 * Splits the CPU time of the renderer main thread in a Chrome trace into script, style, layout, paint, GC and
 * other work (DevTools' categories, by event name; each event counts its own time only, not its children's),
 * and counts style recalculations and layouts forced from script. Thread time (`tdur`) is used, so a core
 * shared with other processes inflates it far less than wall time. Divide by the frame count for per-frame work.
 */
export function frameWork(trace: Buffer): FrameWork {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') main.add(`${e.pid}:${e.tid}`);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!main.has(key)) continue;
    let list = byThread.get(key);
    if (!list) byThread.set(key, (list = []));
    list.push(e);
  }
  const work: FrameWork = { script: 0, style: 0, layout: 0, paint: 0, gc: 0, other: 0, total: 0, forcedStyle: 0, forcedLayout: 0, otherTop: [] };
  const others = new Map<string, number>();
  const kindOf = (name: string): (typeof KINDS)[number][0] | 'other' => KINDS.find(([, re]) => re.test(name))?.[0] ?? 'other';
  for (const list of byThread.values()) {
    // Parents start no later than their children and last longer: sort so, then walk with a stack.
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { e: TraceEvent; end: number; childCpu: number; inScript: boolean }[] = [];
    const close = (): void => {
      const top = stack.pop()!;
      const cpu = (top.e.tdur ?? top.e.dur!) / 1000;
      const self = Math.max(0, cpu - top.childCpu);
      const kind = kindOf(top.e.name);
      work[kind] += self;
      if (kind === 'other') others.set(top.e.name, (others.get(top.e.name) ?? 0) + self);
      if (stack.length === 0) work.total += cpu;
      else stack[stack.length - 1]!.childCpu += cpu;
    };
    for (const e of list) {
      while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) close();
      const parent = stack[stack.length - 1];
      const inScript = !!parent && (parent.inScript || SCRIPT.test(parent.e.name));
      if (inScript && e.name === 'UpdateLayoutTree') work.forcedStyle++;
      if (inScript && e.name === 'Layout') work.forcedLayout++;
      stack.push({ e, end: e.ts + e.dur!, childCpu: 0, inScript });
    }
    while (stack.length > 0) close();
  }
  work.otherTop = [...others.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4);
  return work;
}

/** One line per kind: CPU ms per frame. */
export function frameWorkLine(work: FrameWork, frames: number): string {
  const f = (v: number): string => (v / Math.max(1, frames)).toFixed(2);
  return `per frame (${frames} frames): total ${f(work.total)} ms = script ${f(work.script)} + style ${f(work.style)} + layout ${f(work.layout)} + paint ${f(work.paint)} + GC ${f(work.gc)} + other ${f(work.other)} ms; forced from script: ${work.forcedStyle} style recalcs, ${work.forcedLayout} layouts; other: ${work.otherTop.map(([name, ms]) => `${name} ${f(ms)}`).join(', ')}`;
}
