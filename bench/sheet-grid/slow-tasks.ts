import type { TraceEvent } from '../chrome-trace.js';

/** One kind of long main-thread task while scrolling: what started it and where its CPU time went. */
export interface SlowTaskKind {
  /** What ran inside the task: the first script entry (animation frame, timer, idle callback, event) or else the largest child, and the GC it did. */
  kind: string;
  count: number;
  /** Wall and CPU time of the longest of them, and the CPU time of all of them, in ms. */
  longestMs: number;
  longestCpuMs: number;
  cpuMs: number;
  /** Self CPU time of all of them by event name, largest first (ms). */
  inside: [string, number][];
}

/** Event names that say what a task ran for. */
const ENTRY = /^(FireAnimationFrame|TimerFire|FireIdleCallback|EventDispatch|FunctionCall|RunMicrotasks|ParseHTML|EvaluateScript|v8\.run|ResizeObserver.*)$/;
const GC = /GC|Scavenge|MarkCompact|MinorMS/;

/**
 * The renderer main thread's tasks in a Chrome trace that took longer than `thresholdMs` (wall time), grouped by
 * what ran in them (an animation frame callback, a timer, an idle callback, a rendering update alone, GC…), with
 * the self CPU time of the events inside, so a slow frame can be told apart from a long task of another kind.
 */
export function slowTasks(trace: Buffer, thresholdMs: number): SlowTaskKind[] {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const main = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') main.add(`${e.pid}:${e.tid}`);
  const list = events.filter((e) => e.ph === 'X' && e.dur !== undefined && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const kinds = new Map<string, SlowTaskKind & { insideMap: Map<string, number> }>();
  let i = 0;
  while (i < list.length) {
    const top = list[i]!;
    const end = top.ts + top.dur!;
    let j = i + 1;
    while (j < list.length && list[j]!.ts < end) j++;
    if (top.dur! / 1000 >= thresholdMs) {
      const inner = list.slice(i, j);
      // Self CPU time per event name (a stack walk as in frame-work.ts).
      const self = new Map<string, number>();
      const stack: { e: TraceEvent; end: number; child: number }[] = [];
      const close = (): void => {
        const t = stack.pop()!;
        const cpu = (t.e.tdur ?? t.e.dur!) / 1000;
        self.set(t.e.name, (self.get(t.e.name) ?? 0) + Math.max(0, cpu - t.child));
        if (stack.length > 0) stack[stack.length - 1]!.child += cpu;
      };
      for (const e of inner) {
        while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) close();
        stack.push({ e, end: e.ts + e.dur!, child: 0 });
      }
      while (stack.length > 0) close();
      const entry = inner.find((e) => ENTRY.test(e.name))?.name;
      const gcMs = [...self.entries()].filter(([n]) => GC.test(n)).reduce((a, [, v]) => a + v, 0);
      const biggest = [...self.entries()].filter(([n]) => n !== top.name).sort((a, b) => b[1] - a[1])[0]?.[0] ?? top.name;
      const kind = `${entry ?? biggest}${gcMs > 10 ? ' + GC' : ''}`;
      let k = kinds.get(kind);
      if (!k) kinds.set(kind, (k = { kind, count: 0, longestMs: 0, longestCpuMs: 0, cpuMs: 0, inside: [], insideMap: new Map() }));
      const cpu = (top.tdur ?? top.dur!) / 1000;
      k.count++;
      k.cpuMs += cpu;
      if (top.dur! / 1000 > k.longestMs) {
        k.longestMs = top.dur! / 1000;
        k.longestCpuMs = cpu;
      }
      for (const [n, v] of self) k.insideMap.set(n, (k.insideMap.get(n) ?? 0) + v);
    }
    i = j;
  }
  return [...kinds.values()]
    .map(({ insideMap, ...k }) => ({ ...k, inside: [...insideMap.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6) }))
    .sort((a, b) => b.count - a.count);
}

/** One line per kind of slow task. */
export function slowTasksLines(kinds: readonly SlowTaskKind[]): string {
  if (kinds.length === 0) return 'none';
  return kinds
    .map((k) => `${String(k.count).padStart(4)} × ${k.kind}: longest ${k.longestMs.toFixed(1)} ms (cpu ${k.longestCpuMs.toFixed(1)}), cpu in all ${k.cpuMs.toFixed(0)} ms; self cpu: ${k.inside.map(([n, v]) => `${n} ${v.toFixed(0)}`).join(', ')}`)
    .join('\n');
}
