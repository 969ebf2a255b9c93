// Takes docs/screenshot.png, the picture at the top of the README: three people editing one
// document in the demo app, seen by one of them (the others' carets with their names).
//
//   pnpm build && node docs/screenshot.mjs
//
// Starts the relay with the demo app on a free port and a throw-away data directory, drives three
// browser contexts in the system Chromium (/usr/bin/chromium, or CHROMIUM_PATH), and stops the relay.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'docs', 'screenshot.png');
const data = mkdtempSync(path.join(tmpdir(), 'allmende-screenshot-'));

/** Starts the relay on port 0 and resolves with its URL once it says where it listens. */
function startRelay() {
  const relay = spawn(process.execPath, [path.join(root, 'packages/relay/dist/cli.js'), '--port', '0', '--host', '127.0.0.1',
    '--data', data, '--static', path.join(root, 'apps/demo/dist'), '--log-format', 'text'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    relay.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ relay, url });
    });
    relay.on('exit', (code) => reject(new Error(`the relay exited (${code}) before listening; run pnpm build first`)));
  });
}

const { relay, url } = await startRelay();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const name = 'team/minutes-12-nov';
  const user = async (displayName) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 720 }, locale: 'en-GB' });
    await context.addInitScript(([key, value]) => localStorage.setItem(key, value), ['allmende.displayName', displayName]);
    const page = await context.newPage();
    await page.goto(`${url}/doc/${name}`);
    await page.locator('allmende-doc [part~="status"][data-status="connected"]').waitFor({ timeout: 30_000 });
    return page;
  };
  const text = (page) => page.locator('allmende-doc .ProseMirror');

  const ada = await user('Ada Lovelace');
  const ben = await user('Ben Okafor');
  const chiara = await user('Chiara Russo');
  await text(ada).click();
  for (const line of ['# Team meeting, 12 November', 'Present: Ada, Ben, Chiara. Minutes: Ada.', '## Decisions',
    '- The pilot moves to the district office in January.', 'Budget requests go through the shared sheet by Friday.', '',
    '## Next steps', '[ ] Ben drafts the letter to the council']) {
    await ada.keyboard.type(line);
    await ada.keyboard.press('Enter');
  }
  await ada.keyboard.type('Chiara books the room for the training');
  await text(chiara).getByText('Chiara books the room').waitFor();
  await text(ben).getByText('Chiara books the room').waitFor();

  // Ada selects a heading; Chiara, then Ben type, so Ben's name label is still shown in full.
  await text(ada).locator('h2').first().click();
  await ada.keyboard.press('End');
  await ada.keyboard.press('Control+Shift+ArrowLeft');
  await text(chiara).locator('p').first().click();
  await chiara.keyboard.press('End');
  await chiara.keyboard.type(' Guests: none.');
  await text(ben).locator('li').last().click();
  await ben.keyboard.press('End');
  await ben.keyboard.type(' and the agenda');
  await text(ada).getByText('and the agenda').waitFor();

  // A name label shows in full for 3 s after its user moved or typed, then shrinks to a flag: take
  // the picture while Ben's is in full, nudging his caret again if the machine was too slow.
  const bensLabel = ada.locator('allmende-doc .remote-cursor-label:not(.idle)', { hasText: 'Ben Okafor' });
  const cdp = await ada.context().newCDPSession(ada);
  let shot = null;
  for (let attempt = 0; attempt < 5 && !shot; attempt++) {
    try {
      await bensLabel.waitFor({ timeout: 2_000 });
      shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
    } catch {
      await ben.keyboard.press('ArrowLeft');
      await ben.waitForTimeout(200);
      await ben.keyboard.press('ArrowRight');
    }
  }
  if (!shot) throw new Error("Ben's name label never showed in full on Ada's screen");
  writeFileSync(out, Buffer.from(shot.data, 'base64'));
  console.log(`wrote ${path.relative(root, out)}`);
} finally {
  await browser.close();
  relay.kill('SIGTERM');
  rmSync(data, { recursive: true, force: true });
}
