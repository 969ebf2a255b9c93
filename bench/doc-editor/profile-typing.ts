// A diagnostic for the doc-editor benchmark, not part of its report: types into the 200-page
// document alone in <allmende-doc> and in the plain prosemirror-view under Chrome's CPU profiler
// (CDP `Profiler`) and prints the functions with the most self time, per keystroke, for each.
//
// Run (pages built without minification, so function names read):
//   cd bench && npx vite build --config doc-editor/pages/vite.source.config.ts --outDir /tmp/doc-profile-pages
//   npx tsx doc-editor/profile-typing.ts /tmp/doc-profile-pages [characters]   (see bench/README.md for the options)
// It writes the raw profiles (`ours.cpuprofile`, `plain.cpuprofile`) next to the pages; Chrome's
// DevTools opens them. Options (environment) besides those in bench/README.md:
//   PROFILE_TYPISTS=1  the benchmark's 4 other typists type while this one does
//   PROFILE_CSS='…'    a style rule added to <allmende-doc>'s shadow root before typing (trying out CSS)
//   PROFILE_PS=1       prints `globalThis.__ps` from the page: counters a hand-patched copy of the built
//                      bundle may keep (how prosemirror-view's selection reads were timed)
// With PROFILE_TRACE=1 the trace is also written next to the pages (`ours.trace.json`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generateDocument } from './generate-document.js';
import { RelayProcess } from './relay-process.js';
import { RemoteTypists } from './remote-typists.js';
import { seedRelay } from './seed-relay.js';
import { DOCUMENT_JSON, DOCUMENT_NAME, type KeystrokeSample } from './shared.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  /** Thread time: what the event cost this thread, without the time it waited for a CPU. */
  tdur?: number;
  args?: Record<string, unknown>;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  /** Microseconds on the trace's clock. */
  startTime?: number;
}

const pagesDir = process.argv[2];
const characters = Number(process.argv[3] ?? 60);
if (!pagesDir) throw new Error('usage: profile-typing.ts <built pages dir> [characters]');
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const TEXT = 'the quick brown fox jumps over the lazy dog '.repeat(10).slice(0, characters);

/** Self time per function (name and place), in ms, from a CDP CPU profile. */
function selfTimes(profile: Profile): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const times = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.split('/').pop() || '';
    const key = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    times.set(key, (times.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return times;
}

const log = (line: string): void => void process.stderr.write(`[profile] ${line}\n`);

async function profileTyping(page: Page, name: string): Promise<void> {
  log(`${name}: opening`);
  await Promise.race([
    page.evaluate(() => window.bench.opened),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${name} did not open within 60 s`)), 60_000)),
  ]);
  const extraCss = process.env['PROFILE_CSS'];
  if (extraCss && name.startsWith('ours')) {
    // A style rule tried out in <allmende-doc>'s shadow root (diagnostics only).
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.querySelector('allmende-doc')!.shadowRoot!.adoptedStyleSheets.push(sheet);
    }, extraCss);
  }
  log(`${name}: typing`);
  await new Promise((r) => setTimeout(r, 1500));
  if (typists) {
    typists.start();
    await new Promise((r) => setTimeout(r, 1000));
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.evaluate(() => window.bench.startTyping());
  const tracing = process.env['PROFILE_TRACE'] === '1';
  const traceEvents: TraceEvent[] = [];
  if (tracing) {
    cdp.on('Tracing.dataCollected', (data) => traceEvents.push(...(data.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  }
  const profiling = process.env['PROFILE_CPU'] !== '0';
  if (profiling) await cdp.send('Profiler.start');
  for (const char of TEXT) {
    await page.keyboard.type(char);
    await new Promise((r) => setTimeout(r, 100));
  }
  typists?.stop();
  const report = await page.evaluate(() => window.bench.finishTyping(10_000));
  if (process.env["PROFILE_PS"]) log(JSON.stringify(await page.evaluate(() => (globalThis as { __ps?: unknown }).__ps)));
  const { profile } = profiling ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }) : { profile: { nodes: [], samples: [], timeDeltas: [] } };
  if (tracing) {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
  }
  writeFileSync(join(pagesDir!, `${name}.cpuprofile`), JSON.stringify(profile));
  if (tracing) writeFileSync(join(pagesDir!, `${name}.trace.json`), JSON.stringify({ traceEvents }));
  const times = [...selfTimes(profile)].filter(([key]) => !key.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  const total = times.reduce((sum, [, ms]) => sum + ms, 0);
  const latencies = report.samples.map((s: KeystrokeSample) => s.paint - s.keydown).sort((a: number, b: number) => a - b);
  const p = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor((q / 100) * latencies.length))] ?? NaN;
  process.stdout.write(`\n## ${name}: ${characters} keystrokes; busy ${total.toFixed(0)} ms (${(total / characters).toFixed(1)} ms per keystroke); ` +
    `keydown→painted p50 ${p(50).toFixed(1)} ms, p95 ${p(95).toFixed(1)} ms; long tasks ${report.longTasks.count}\n`);
  if (tracing) {
    // Main-thread rendering work by event name (complete events on the renderer's main thread).
    const main = traceEvents.find((event) => event.name === 'thread_name' && event.args?.['name'] === 'CrRendererMain');
    const byName = new Map<string, { ms: number; thread: number; count: number }>();
    for (const event of traceEvents) {
      if (event.ph !== 'X' || !main || event.tid !== main.tid || event.pid !== main.pid) continue;
      const entry = byName.get(event.name) ?? { ms: 0, thread: 0, count: 0 };
      entry.ms += (event.dur ?? 0) / 1000;
      entry.thread += (event.tdur ?? event.dur ?? 0) / 1000;
      entry.count++;
      byName.set(event.name, entry);
    }
    for (const [event, { ms, thread, count }] of [...byName].sort((a, b) => b[1].thread - a[1].thread).slice(0, 14)) {
      process.stdout.write(`${(ms / characters).toFixed(2).padStart(7)} ms/key (thread ${(thread / characters).toFixed(2)})  trace ${event} (${count})\n`);
    }
    // The main thread's own time (thread time, so not inflated by waiting for a CPU) from each
    // keydown to the end of the first paint after it: the work a keystroke waits for.
    const onMain = (event: TraceEvent) => main !== undefined && event.tid === main.tid && event.pid === main.pid && event.ph === 'X';
    const keydowns = traceEvents.filter((e) => onMain(e) && e.name === 'EventDispatch' && (e.args?.['data'] as { type?: string } | undefined)?.type === 'keydown');
    const paints = traceEvents.filter((e) => onMain(e) && e.name === 'Paint').sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
    const tasks = traceEvents.filter((e) => onMain(e) && e.name === 'RunTask');
    const perKey: number[] = [];
    const windows: Array<[number, number]> = [];
    for (const key of keydowns) {
      const task = tasks.find((t) => (t.ts ?? 0) <= (key.ts ?? 0) && (t.ts ?? 0) + (t.dur ?? 0) >= (key.ts ?? 0));
      const from = task?.ts ?? key.ts ?? 0;
      const paint = paints.find((p) => (p.ts ?? 0) > (key.ts ?? 0));
      if (!paint) continue;
      const to = (paint.ts ?? 0) + (paint.dur ?? 0);
      windows.push([from, to]);
      perKey.push(tasks.filter((t) => (t.ts ?? 0) >= from && (t.ts ?? 0) < to).reduce((sum, t) => sum + (t.tdur ?? t.dur ?? 0), 0) / 1000);
    }
    perKey.sort((a, b) => a - b);
    const q = (p: number) => perKey[Math.min(perKey.length - 1, Math.floor(p * perKey.length))] ?? NaN;
    process.stdout.write(`keydown → first paint after it, main-thread thread time: p50 ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, ` +
      `mean ${(perKey.reduce((s, v) => s + v, 0) / Math.max(1, perKey.length)).toFixed(2)} ms (${perKey.length} keystrokes)\n`);
    if (profiling && profile.startTime !== undefined) {
      // Self time of the CPU profile's samples that fall into those windows: what the keystroke waits for.
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const inWindow = new Map<string, number>();
      let at = profile.startTime;
      profile.samples.forEach((id, index) => {
        at += profile.timeDeltas[index] ?? 0;
        if (!windows.some(([from, to]) => at >= from && at < to)) return;
        const frame = byId.get(id)!.callFrame;
        const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() || ''}:${frame.lineNumber + 1}`;
        inWindow.set(key, (inWindow.get(key) ?? 0) + (profile.timeDeltas[index + 1] ?? 0) / 1000);
      });
      process.stdout.write('self time in the keydown → paint windows:\n');
      for (const [key, ms] of [...inWindow].filter(([key]) => !key.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 25)) {
        process.stdout.write(`${(ms / characters).toFixed(2).padStart(7)} ms/key  ${key}\n`);
      }
    }
    // What each layout had to do: Chromium's `Layout` events say how many layout objects were dirty
    // and how many the frame has, and which root the layout started from.
    const layouts = traceEvents.filter((event) => event.name === 'Layout' && event.ph === 'X' && main && event.tid === main.tid);
    if (layouts.length > 0) {
      const begin = (event: TraceEvent) => (event.args?.['beginData'] ?? {}) as { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean };
      const sorted = [...layouts].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
      const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
      process.stdout.write(`layouts: ${layouts.length}, mean dirty objects ${mean(layouts.map((e) => begin(e).dirtyObjects ?? 0)).toFixed(0)} ` +
        `of ${mean(layouts.map((e) => begin(e).totalObjects ?? 0)).toFixed(0)}, partial ${layouts.filter((e) => begin(e).partialLayout).length}\n`);
      for (const event of sorted.slice(0, 5)) {
        const end = (event.args?.['endData'] ?? {}) as { root?: number[]; rootNode?: number };
        process.stdout.write(`  longest layouts: ${((event.dur ?? 0) / 1000).toFixed(2)} ms, dirty ${begin(event).dirtyObjects} of ${begin(event).totalObjects}, ` +
          `partial ${begin(event).partialLayout}, root ${JSON.stringify(end.root ?? null)}\n`);
      }
    }
  }
  for (const [key, ms] of times.slice(0, 30)) process.stdout.write(`${(ms / characters).toFixed(2).padStart(7)} ms/key  ${key}\n`);
}

const generated = generateDocument({ pages: 200 });
writeFileSync(join(pagesDir, DOCUMENT_JSON), JSON.stringify(generated.doc.toJSON()));
const dataDir = mkdtempSync(join(tmpdir(), 'allmende-profile-'));
const relay = new RelayProcess({ dataDir, staticDir: pagesDir });
let typists: RemoteTypists | null = null;
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  await relay.start();
  log('seeding the relay');
  await seedRelay(relay.wsUrl, DOCUMENT_NAME, generated.doc);
  // `PROFILE_TYPISTS=1`: the benchmark's 4 other typists type while this one does.
  if (process.env['PROFILE_TYPISTS'] === '1') typists = await RemoteTypists.connect(relay.wsUrl, DOCUMENT_NAME, generated.typistIndexes);
  for (const [name, url] of [
    ...(process.env["PROFILE_ONLY"] === "ours" ? [] : [["plain", `${relay.httpUrl}/plain.html`]] as const),
    ['ours', `${relay.httpUrl}/ours.html?relay=${encodeURIComponent(relay.wsUrl)}&document=${encodeURIComponent(DOCUMENT_NAME)}`],
    // `ours-blocks-visible`: the same with every block rendered (content-visibility off), for comparison.
    ...(process.env['PROFILE_VISIBLE'] === '1'
      ? [['ours-blocks-visible', `${relay.httpUrl}/ours.html?blocks-visible&relay=${encodeURIComponent(relay.wsUrl)}&document=${encodeURIComponent(DOCUMENT_NAME)}`]] as const
      : []),
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`${name}: page error: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') log(`${name}: console: ${message.text()}`); });
    await page.goto(url);
    await profileTyping(page, name);
    await context.close();
  }
} finally {
  typists?.destroy();
  await browser.close();
  await relay.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
