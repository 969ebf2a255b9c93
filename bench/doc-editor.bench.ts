// Benchmark of issue 4 ("Performance"): opening and typing in a 200-page document in <allmende-doc>
// against a plain prosemirror-view, in the same run, with a bare contenteditable paragraph as the
// floor (what the browser's own editing and frame cadence take, with no editor at all). Prints a Markdown table and writes it to
// bench/results/doc-editor.md. Asserts nothing about time; it fails only when the run itself
// breaks (a keystroke that never shows, a document that never opens).
//
// Run: pnpm --filter @allmende/bench run doc-editor   (builds the bench pages first)
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type * as Y from 'yjs';
import { cpuBusy } from './doc-editor/cpu-busy.js';
import { generateDocument } from './doc-editor/generate-document.js';
import { markdownTable } from './doc-editor/markdown-table.js';
import { RelayProcess } from './doc-editor/relay-process.js';
import { RemoteTypists } from './doc-editor/remote-typists.js';
import { seedRelay } from './doc-editor/seed-relay.js';
import { DOCUMENT_JSON, DOCUMENT_NAME, TARGET_MARKER, TYPIST_MARKER, type OpenTimes, type TypingOptions, type TypingReport } from './doc-editor/shared.js';
import { median, percentile } from './doc-editor/stats.js';
import { connectClient } from './doc-editor/yjs-client.js';
import { chromiumArgs, executablePath } from './chromium.js';

const here = dirname(fileURLToPath(import.meta.url));
const pagesDist = join(here, 'doc-editor', 'pages', 'dist');
const resultsFile = join(here, 'results', 'doc-editor.md');

/** How often each editor opens the document (fresh browser context each time); the median is reported. */
const OPENS = 3;
/** What is typed in each typing phase: 200 characters. */
const TYPED = 'the quick brown fox jumps over the lazy dog '.repeat(5).slice(0, 200);
/** Pause between keystrokes, in ms: 70–130, about 10 characters a second, the same sequence for both editors. */
const KEY_INTERVALS = seededIntervals(TYPED.length, 70, 130, 7);
/** What <allmende-doc> does to stay fast here; written under every report (details: packages/doc/README.md, Performance). */
const OPTIMIZATIONS = `**What was optimized in <allmende-doc>** (per-change figures: results/doc-editor-optimizations.md):
- Only the top-level blocks near the viewport are in the layout: those more than 100 blocks away get \`display: none\` from
  one style rule by child index, and boxes before and after the blocks take their remembered room (visibility-window.ts,
  a virtual list over ProseMirror's DOM); the selection's blocks are always displayed. Off-screen blocks among those are
  not rendered (\`content-visibility: auto\`, editor-styles.ts), except the blocks holding the selection or a remote
  cursor, which block-visibility.ts marks so the caret is never in a skipped block.
- Local edits are written to Yjs block by block (local-sync.ts) instead of y-prosemirror's comparison of the whole document
  after every transaction; selections are turned into Yjs relative positions from the block holding them
  (relative-position.ts) instead of a walk over every block before them, about ten times per keystroke.
- Changes from others replace only the top-level blocks they changed (packages/doc/src/sync-binding.ts) instead of
  y-prosemirror 1.3's replacement of the whole document, and the local cursor is measured only when the change was before it.
  When they left the selection's blocks alone, prosemirror-view gets the DOM selection it recorded instead of reading it
  (remote-dispatch.ts): that read forced a layout of the document in every remote message's task; keeping the cursor in
  view after changes above it runs once per frame.
- Remote cursors redraw at most once per animation frame and only when one moved (remote-cursor.ts), instead of a
  transaction and a rebuild of all cursor decorations for every presence change (the user's own cursor moves included).
- Word and character counts are cached per top-level block and counted off the keystroke (document-counts.ts);
  find highlights map through others' edits instead of searching the whole document again (find-highlight.ts).
- \`contain: layout\` on prosemirror-tables' \`.tableWrapper\` (editor-styles.ts): Chromium laid all 50 tables out again
  after every DOM change above them. The plain view runs without either CSS rule, as prosemirror-view and
  prosemirror-tables ship.
- Nothing that the paint does not need runs before it: @allmende/core sends a frame's Yjs updates and presence as one
  merged message after the paint (outgoing-batch.ts) and stores 250 ms of edits as one IndexedDB record
  (offline-cache.ts) instead of a send and an IndexedDB transaction per update in the keystroke's task; the toolbar's
  format state is computed once per frame after the paint instead of after every transaction.
- A typed character is painted before ProseMirror reads it back from the DOM (deferred-input.ts), and others' messages
  wait while the user types, until right after each keystroke's paint (core's \`Session.holdIncoming\`).`;

/** The keystroke typed as soon as the document shows, to time when it first accepts input. */
const FIRST_KEY = 'x';

function seededIntervals(count: number, min: number, max: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return min + (state / 2147483648) * (max - min);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const runStarted = performance.now();
const log = (line: string): void => {
  process.stderr.write(`[doc-editor ${((performance.now() - runStarted) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
};

interface OpenResult extends OpenTimes {
  /** The frame showing the first keystroke typed after `caretPlaced` was painted (ms since navigation start). */
  acceptsInput: number;
}

interface EditorResult {
  opens: OpenResult[];
  typing: Record<string, TypingReport>;
}

/** Opens `url` in a fresh context: waits for the content, then types one key and times when it shows. */
async function open(browser: Browser, url: string): Promise<{ page: Page; result: OpenResult; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const opened = await Promise.race([
    page.evaluate(() => window.bench.opened),
    sleep(60_000).then(() => {
      throw new Error(`${url} did not show the document within 60 s${errors.length ? `: ${errors.join('; ')}` : ''}`);
    }),
  ]);
  await page.evaluate(() => window.bench.startTyping());
  await page.keyboard.type(FIRST_KEY);
  const first = await page.evaluate((timeout) => window.bench.finishTyping(timeout), 30_000);
  if (first.samples.length !== 1) throw new Error(`the first keystroke never showed in ${url}`);
  return { page, result: { ...opened, acceptsInput: first.samples[0]!.paint }, close: () => context.close() };
}

/** Types TYPED into the target paragraph at a human rate and returns the page's timings. */
async function typePhase(page: Page, options: TypingOptions = {}): Promise<TypingReport> {
  await page.evaluate((o) => window.bench.startTyping(o), options);
  for (const [index, char] of [...TYPED].entries()) {
    await page.keyboard.type(char);
    await sleep(KEY_INTERVALS[index]!);
  }
  const report = await page.evaluate((timeout) => window.bench.finishTyping(timeout), 10_000);
  if (report.missing > 0) throw new Error(`${report.missing} of ${TYPED.length} keystrokes never showed`);
  return report;
}

/** Opens the document OPENS times in one editor page; the last page stays open for `typing`. */
async function benchEditor(browser: Browser, url: string, typing: (page: Page) => Promise<Record<string, TypingReport>>, openCount = OPENS): Promise<EditorResult> {
  const opens: OpenResult[] = [];
  for (let run = 1; ; run++) {
    const { page, result, close } = await open(browser, url);
    opens.push(result);
    log(`  open ${run}: content painted at ${result.contentPaint.toFixed(0)} ms, accepts input at ${result.acceptsInput.toFixed(0)} ms`);
    if (run < openCount) {
      await close();
      continue;
    }
    try {
      await sleep(1000); // let work scheduled after opening settle, as a user reads before typing
      const reports = await typing(page);
      const text = await page.evaluate(() => window.bench.targetText());
      if (!text.startsWith(TARGET_MARKER) || !text.endsWith(FIRST_KEY + TYPED.repeat(Object.keys(reports).length))) {
        throw new Error(`the target paragraph does not end with what was typed: …${JSON.stringify(text.slice(-80))}`);
      }
      return { opens, typing: reports };
    } finally {
      await close();
    }
  }
}

// Formatting.
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(value < 100 ? 1 : 0)} ms` : '–');
const ratio = (ours: number, plain: number): string => (plain > 0 ? `${(ours / plain).toFixed(2)}×` : '–');
const latencies = (report: TypingReport, from: 'keydown' | 'handler' | 'dom' | 'frame', to: 'dom' | 'frame' | 'paint'): number[] =>
  report.samples.map((sample) => sample[to] - sample[from]);

async function main(): Promise<void> {
  // Another process using the CPUs inflates every figure: measure before starting, and say so.
  const busyBefore = await cpuBusy();
  if (busyBefore !== null && busyBefore > 0.15) log(`the CPUs are ${(busyBefore * 100).toFixed(0)}% busy before the run: the figures will be inflated`);
  if (!existsSync(join(pagesDist, 'ours.html'))) throw new Error(`${pagesDist} is missing: run "pnpm --filter @allmende/bench run build:doc-editor"`);
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH)`);

  log('generating the document');
  const generated = generateDocument({ pages: 200 });
  const json = JSON.stringify(generated.doc.toJSON());
  writeFileSync(join(pagesDist, DOCUMENT_JSON), json);

  const dataDir = mkdtempSync(join(tmpdir(), 'allmende-bench-'));
  const relay = new RelayProcess({ dataDir, staticDir: pagesDist });
  let browser: Browser | null = null;
  let typists: RemoteTypists | null = null;
  try {
    await relay.start();
    log(`relay on ${relay.httpUrl}; seeding ${generated.words.toLocaleString('en')} words`);
    const { updateBytes } = await seedRelay(relay.wsUrl, DOCUMENT_NAME, generated.doc);
    typists = await RemoteTypists.connect(relay.wsUrl, DOCUMENT_NAME, generated.typistIndexes);

    browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
    const chromiumVersion = browser.version();

    log('plain prosemirror-view');
    const plain = await benchEditor(browser, `${relay.httpUrl}/plain.html`, async (page) => ({ alone: await typePhase(page) }));
    log('plain prosemirror-view with the table containment of <allmende-doc> (reference)');
    const plainContained = await benchEditor(browser, `${relay.httpUrl}/plain.html?contain`, async (page) => ({ alone: await typePhase(page) }), 1);

    /** Runs `phase` while the 4 remote typists type; returns its result, the edits made and the seconds it took. */
    const withTypists = async <T>(phase: () => Promise<T>): Promise<{ result: T; edits: number; seconds: number }> => {
      const before = typists!.edits;
      const since = performance.now();
      typists!.start();
      try {
        await sleep(1000);
        return { result: await phase(), edits: typists!.edits - before, seconds: (performance.now() - since) / 1000 };
      } finally {
        typists!.stop();
      }
    };

    log('<allmende-doc>');
    const ourUrl = `${relay.httpUrl}/ours.html?relay=${encodeURIComponent(relay.wsUrl)}&document=${encodeURIComponent(DOCUMENT_NAME)}`;
    let typistEdits = 0;
    let typistSeconds = 0;
    const ours = await benchEditor(browser, ourUrl, async (page) => {
      const alone = await typePhase(page);
      const { result: busy, edits, seconds } = await withTypists(() => typePhase(page));
      typistEdits = edits;
      typistSeconds = seconds;
      // The remote edits reached the page: each typist's paragraph reads the same there.
      const expected = typists!.paragraphTexts();
      for (let attempt = 0; ; attempt++) {
        const shown = await page.evaluate((prefixes) => prefixes.map((prefix) => window.bench.paragraphText(prefix)),
          expected.map((_, n) => `${TYPIST_MARKER} ${n + 1}.`));
        if (shown.every((text, n) => text === expected[n])) break;
        if (attempt >= 50) throw new Error('the remote typists\' edits did not all reach the page');
        await sleep(100);
      }
      return { alone, busy };
    });

    log('floor: a bare contenteditable paragraph, joined to the document on the relay (nothing of it rendered)');
    let floorEdits = 0;
    let floorSeconds = 0;
    const floor = await benchEditor(browser, `${relay.httpUrl}/floor.html?relay=${encodeURIComponent(relay.wsUrl)}&document=${encodeURIComponent(DOCUMENT_NAME)}`, async (page) => {
      const alone = await typePhase(page);
      const { result: busy, edits, seconds } = await withTypists(() => typePhase(page));
      floorEdits = edits;
      floorSeconds = seconds;
      const frameLoop = await typePhase(page, { frameLoop: true });
      return { alone, busy, frameLoop };
    }, 1);

    // The typed text reached the relay: a fresh client reads it back.
    const reader = await connectClient(relay.wsUrl, DOCUMENT_NAME);
    const stored = (reader.doc.getXmlFragment('content').get(generated.targetIndex) as Y.XmlElement).toString();
    reader.destroy();
    const typedStored = stored.includes(TYPED + TYPED);

    // The report.
    const opensMedian = (result: EditorResult, key: keyof OpenResult): number => median(result.opens.map((open) => open[key]));
    const busy = ours.typing['busy']!;
    const oursAlone = ours.typing['alone']!;
    const plainTyping = plain.typing['alone']!;
    const floorAlone = floor.typing['alone']!;
    const floorBusy = floor.typing['busy']!;
    const floorLoop = floor.typing['frameLoop']!;
    const row = (label: string, oursValue: number, plainValue: number, target: string, floorValue = Number.NaN): string[] =>
      [label, ms(oursValue), ms(plainValue), ratio(oursValue, plainValue), ms(floorValue), target];
    const p = (report: TypingReport, q: number, to: 'dom' | 'frame' | 'paint' = 'paint', from: 'keydown' | 'handler' | 'dom' | 'frame' = 'keydown'): number =>
      percentile(latencies(report, from, to), q);
    const rows = [
      row('Open: first paint of content', opensMedian(ours, 'contentPaint'), opensMedian(plain, 'contentPaint'), 'report'),
      row('Open: accepts input (a keystroke shows)', opensMedian(ours, 'acceptsInput'), opensMedian(plain, 'acceptsInput'), 'report'),
      row('Keystroke → painted, p50 (4 others typing)', p(busy, 50), p(plainTyping, 50), 'report', p(floorBusy, 50)),
      row('Keystroke → painted, p95 (4 others typing)', p(busy, 95), p(plainTyping, 95), '< 16 ms; ≤ 1.5× plain', p(floorBusy, 95)),
      row('Keystroke → painted, p50 (typing alone)', p(oursAlone, 50), p(plainTyping, 50), 'reference', p(floorAlone, 50)),
      row('Keystroke → painted, p95 (typing alone)', p(oursAlone, 95), p(plainTyping, 95), 'reference', p(floorAlone, 95)),
      row('Keystroke → in DOM, p50 (4 others typing)', p(busy, 50, 'dom'), p(plainTyping, 50, 'dom'), 'reference', p(floorBusy, 50, 'dom')),
      row('Keystroke → in DOM, p95 (4 others typing)', p(busy, 95, 'dom'), p(plainTyping, 95, 'dom'), 'reference', p(floorBusy, 95, 'dom')),
      row('In DOM → next frame\'s rAF callback, p95 (4 others typing)', p(busy, 95, 'frame', 'dom'), p(plainTyping, 95, 'frame', 'dom'), 'reference', p(floorBusy, 95, 'frame', 'dom')),
      row('Handler → painted, p95 (4 others typing)', p(busy, 95, 'paint', 'handler'), p(plainTyping, 95, 'paint', 'handler'), 'reference', p(floorBusy, 95, 'paint', 'handler')),
      row('Keystroke → painted, max (4 others typing)', p(busy, 100), p(plainTyping, 100), 'reference', p(floorBusy, 100)),
      [
        'Keystroke → painted, p50 / p95, plain view + table containment',
        `${ms(p(busy, 50))} / ${ms(p(busy, 95))}`,
        `${ms(p(plainContained.typing['alone']!, 50))} / ${ms(p(plainContained.typing['alone']!, 95))}`,
        `${ratio(p(busy, 50), p(plainContained.typing['alone']!, 50))} / ${ratio(p(busy, 95), p(plainContained.typing['alone']!, 95))}`,
        '–',
        'reference (same CSS)',
      ],
    ];
    const table = markdownTable(['Measure', '<allmende-doc>', 'plain prosemirror-view', 'ours / plain', 'floor (bare contenteditable)', 'Target'], rows);
    // The floor in detail: where the time between keydown and the paint goes with no editor at all.
    const split = (label: string, report: TypingReport): string[] => [label,
      ...([['keydown', 'dom'], ['dom', 'frame'], ['frame', 'paint'], ['keydown', 'paint']] as const)
        .map(([from, to]) => `${ms(p(report, 50, to, from))} / ${ms(p(report, 95, to, from))}`)];
    const floorTable = markdownTable(['Floor: bare contenteditable, p50 / p95', 'keystroke → in DOM', 'in DOM → frame (rAF callback)', 'frame → painted', 'keystroke → painted'], [
      split('typing alone', floorAlone),
      split('4 others typing (their traffic applied to an unrendered Y.Doc)', floorBusy),
      split('typing alone, a rAF loop running (frames always scheduled)', floorLoop),
      split('<allmende-doc>, typing alone (for comparison)', oursAlone),
      split('<allmende-doc>, 4 others typing (for comparison)', busy),
    ]);
    const cadence = floorLoop.frames;
    const cadenceText = cadence
      ? `${cadence.frames} frames while typing; interval between frames p5 ${ms(cadence.p5)}, p50 ${ms(cadence.p50)}, p95 ${ms(cadence.p95)}, max ${ms(cadence.max)}`
      : 'not measured';
    const p95 = p(busy, 95);
    const p95Ratio = p95 / p(plainTyping, 95);
    const verdicts = [
      `- p95 keystroke → painted with 4 others typing: ${ms(p95)} — target < 16 ms: ${p95 < 16 ? 'met' : 'NOT met'}.`,
      `- Ratio ours / plain at p95: ${p95Ratio.toFixed(2)}× — target ≤ 1.5×: ${p95Ratio <= 1.5 ? 'met' : 'NOT met'}.`,
    ];
    const longTasks = (report: TypingReport): string =>
      `${report.longTasks.count} (longest ${ms(report.longTasks.maxMs)}, ${ms(report.longTasks.totalMs)} in all)`;
    const openList = (result: EditorResult, key: keyof OpenResult): string => result.opens.map((open) => open[key].toFixed(0)).join(', ');
    const blocks = Object.entries(generated.blocks).map(([name, count]) => `${count} ${name}`).join(', ');
    const seconds = ((performance.now() - runStarted) / 1000).toFixed(0);
    const busyMachine = busyBefore !== null && busyBefore > 0.15;
    const markdown = `# Benchmark: <allmende-doc> vs. a plain prosemirror-view (issue 4, Performance)

Generated by \`pnpm --filter @allmende/bench run doc-editor\` on ${new Date().toISOString().slice(0, 10)};
${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}, Chromium ${chromiumVersion} (headless, --disable-gpu).

${table}

${verdicts.join('\n')}

**Floor**: the same keystrokes typed into a bare \`contenteditable\` paragraph (no ProseMirror, no script on input,
a heading and three short paragraphs), timed by the same page code; with others typing, the page also joined the
200-page document with a stock y-websocket client and applied their ${floorEdits} edits in ${floorSeconds.toFixed(0)} s
and their presence to a Y.Doc it does not render. How headless Chromium paced frames while typing (a rAF loop in the
floor page): ${cadenceText}.

${floorTable}

**Document**: ${generated.pages} pages, ${generated.words.toLocaleString('en')} words; ${generated.doc.childCount} top-level blocks
(${blocks}); ${(updateBytes / 1024).toFixed(0)} KiB as a Yjs update, ${(json.length / 1024).toFixed(0)} KiB as ProseMirror JSON.

**How it was measured** (see bench/README.md): times are in the page, from navigation start for opening.
<allmende-doc> opens the document from the relay (WebSocket sync); the plain view fetches the
same document as JSON from the same relay and builds an EditorView with the same schema, keymaps,
input rules, table plugins and prosemirror-history. Each editor opened it ${OPENS} times in a fresh browser
context; medians shown (ours: ${openList(ours, 'contentPaint')} ms to content, ${openList(ours, 'acceptsInput')} ms to input;
plain: ${openList(plain, 'contentPaint')} ms and ${openList(plain, 'acceptsInput')} ms).
Keystrokes: ${TYPED.length} characters typed at the end of a paragraph in the middle (page ${generated.pages / 2}), 70–130 ms
apart, the same sequence in both editors. "Keystroke" starts at the keydown event's timestamp (so time the
page was too busy to take the key counts); "handler" at the keydown listener; "painted" is the task after the
animation frame that followed the character's appearance in the DOM.
The last row is a reference: the plain view once more (one open, typing alone) with the same \`contain: layout\` on
table wrappers that <allmende-doc> uses, to show how much of the difference is that one CSS rule.
With 4 others typing: ${typistEdits} remote edits in ${typistSeconds.toFixed(0)} s (${(typistEdits / typistSeconds).toFixed(1)} per second in all),
each typist appending to its own paragraph (one just below the target, on screen) and publishing its cursor.
Long tasks (> 50 ms) while typing: ours with others ${longTasks(busy)}, ours alone ${longTasks(oursAlone)},
plain ${longTasks(plainTyping)}. The typed text reached the relay: ${typedStored ? 'yes' : 'NO'}.
Whole run: ${seconds} s. CPUs busy in the second before the run: ${busyBefore === null ? 'unknown' : `${(busyBefore * 100).toFixed(0)}%`}${busyMachine
      ? ' — something else was running, so these figures are inflated; run again on an idle machine' : ''}.

${OPTIMIZATIONS}
`;
    mkdirSync(dirname(resultsFile), { recursive: true });
    writeFileSync(resultsFile, markdown);
    process.stdout.write(`\n${markdown}\nWritten to ${resultsFile}\n`);
    if (!typedStored) throw new Error('the typed text did not reach the relay');
  } finally {
    typists?.destroy();
    await browser?.close();
    await relay.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Ctrl-C: exit normally, so the relay is stopped (see RelayProcess).
process.once('SIGINT', () => process.exit(130));

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
