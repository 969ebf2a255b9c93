// Profiles page switches of <allmende-calendar> (CDP sampling profiler) and prints the functions with the
// most self time. Run after the benchmark has built its page: npx tsx calendar/profile-switch.ts [month|week]
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
  const report = await page.evaluate((v) => window.bench.run(v, 12), view);
  const { profile } = await cdp.send('Profiler.stop');
  process.stdout.write(`switches: ${report.switchMs.map((x) => x.toFixed(0)).join(' ')} ms\n${profileSummary(profile, 25)}\n`);
} finally {
  await browser.close();
  await relay.stop();
}
