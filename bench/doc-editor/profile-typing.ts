// A diagnostic for the doc-editor benchmark, not part of its report: types into the 200-page
// document alone in <allmende-doc> and in the plain prosemirror-view under Chrome's CPU profiler
// (CDP `Profiler`) and prints the functions with the most self time, per keystroke, for each.
//
// Run (pages built without minification, so function names read):
//   cd bench && npx vite build --config doc-editor/pages/vite.source.config.ts --outDir /tmp/doc-profile-pages
//   npx tsx doc-editor/profile-typing.ts /tmp/doc-profile-pages [characters]   (see bench/README.md for the options)
// It writes the raw profiles (`ours.cpuprofile`, `plain.cpuprofile`) next to the pages; Chrome's
// DevTools opens them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { generateDocument } from './generate-document.js';
import { RelayProcess } from './relay-process.js';
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
  dur?: number;
  args?: Record<string, unknown>;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
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
  log(`${name}: typing`);
  await new Promise((r) => setTimeout(r, 1500));
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
  const report = await page.evaluate(() => window.bench.finishTyping(10_000));
  const { profile } = profiling ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }) : { profile: { nodes: [], samples: [], timeDeltas: [] } };
  if (tracing) {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
  }
  writeFileSync(join(pagesDir!, `${name}.cpuprofile`), JSON.stringify(profile));
  const times = [...selfTimes(profile)].filter(([key]) => !key.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  const total = times.reduce((sum, [, ms]) => sum + ms, 0);
  const latencies = report.samples.map((s: KeystrokeSample) => s.paint - s.keydown).sort((a: number, b: number) => a - b);
  const p = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor((q / 100) * latencies.length))] ?? NaN;
  process.stdout.write(`\n## ${name}: ${characters} keystrokes; busy ${total.toFixed(0)} ms (${(total / characters).toFixed(1)} ms per keystroke); ` +
    `keydown→painted p50 ${p(50).toFixed(1)} ms, p95 ${p(95).toFixed(1)} ms; long tasks ${report.longTasks.count}\n`);
  if (tracing) {
    // Main-thread rendering work by event name (complete events on the renderer's main thread).
    const main = traceEvents.find((event) => event.name === 'thread_name' && event.args?.['name'] === 'CrRendererMain');
    const byName = new Map<string, { ms: number; count: number }>();
    for (const event of traceEvents) {
      if (event.ph !== 'X' || !main || event.tid !== main.tid || event.pid !== main.pid) continue;
      const entry = byName.get(event.name) ?? { ms: 0, count: 0 };
      entry.ms += (event.dur ?? 0) / 1000;
      entry.count++;
      byName.set(event.name, entry);
    }
    for (const [event, { ms, count }] of [...byName].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)) {
      process.stdout.write(`${(ms / characters).toFixed(2).padStart(7)} ms/key  trace ${event} (${count})\n`);
    }
  }
  for (const [key, ms] of times.slice(0, 30)) process.stdout.write(`${(ms / characters).toFixed(2).padStart(7)} ms/key  ${key}\n`);
}

const generated = generateDocument({ pages: 200 });
writeFileSync(join(pagesDir, DOCUMENT_JSON), JSON.stringify(generated.doc.toJSON()));
const dataDir = mkdtempSync(join(tmpdir(), 'allmende-profile-'));
const relay = new RelayProcess({ dataDir, staticDir: pagesDir });
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  await relay.start();
  log('seeding the relay');
  await seedRelay(relay.wsUrl, DOCUMENT_NAME, generated.doc);
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
  await browser.close();
  await relay.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
