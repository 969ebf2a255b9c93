import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { RelayProcess, demoApp } from './relay-process.js';
import { test as base } from './test.js';

let demoCopy: string | null = null;

/**
 * A private copy of the built demo app. Other runs rebuild apps/demo/dist while tests run (Vite
 * empties it first), so a relay serving it directly can answer 404 in between; the copy is taken
 * once the build is complete (index.html and every asset it names are there).
 */
async function privateDemoApp(): Promise<string> {
  if (demoCopy) return demoCopy;
  for (let attempt = 0; attempt < 240; attempt++) {
    const index = join(demoApp, 'index.html');
    if (existsSync(index) && existsSync(join(demoApp, 'sw.js'))) {
      const html = readFileSync(index, 'utf8');
      const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
      if (assets.length > 0 && assets.every((asset) => existsSync(join(demoApp, asset)))) {
        const copy = mkdtempSync(join(tmpdir(), 'allmende-demo-app-'));
        try {
          cpSync(demoApp, copy, { recursive: true });
          if (assets.every((asset) => existsSync(join(copy, asset))) && existsSync(join(copy, 'index.html'))) return (demoCopy = copy);
        } catch {
          // The build changed while copying: try again.
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no complete demo build in ${demoApp}: run pnpm --filter @allmende/demo run build`);
}

/** A relay process serving a private copy of the built demo app (see {@link privateDemoApp}). */
export async function demoRelay(): Promise<RelayProcess> {
  return new RelayProcess({ staticDir: await privateDemoApp() });
}

/** The project's `test`, plus `relay`: a {@link demoRelay} started before the test and stopped after it. */
export const test = base.extend<{ relay: RelayProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  relay: async ({}, use) => {
    const relay = await demoRelay();
    await relay.start();
    await use(relay);
    await relay.stop();
  },
});

/** The localStorage keys where the demo app remembers the user's name and language. */
const NAME_KEY = 'allmende.displayName';
const LANGUAGE_KEY = 'allmende.language';

/** A browser context with its own storage, signed in as `name`, in `language` (English by default). */
export async function demoUser(browser: Browser, name: string, options: { language?: 'en' | 'de'; colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ colorScheme: options.colorScheme ?? 'light', locale: options.language === 'de' ? 'de-DE' : 'en-US' });
  await context.addInitScript(([nameKey, nameValue, languageKey, language]) => {
    if (!localStorage.getItem(nameKey)) localStorage.setItem(nameKey, nameValue);
    if (!localStorage.getItem(languageKey)) localStorage.setItem(languageKey, language);
  }, [NAME_KEY, name, LANGUAGE_KEY, options.language ?? 'en'] as const);
  return context;
}

/** Opens the start page and waits until the workspace's list is shown (the samples are created on a first visit). */
export async function openHome(context: BrowserContext, relay: RelayProcess): Promise<Page> {
  const page = await context.newPage();
  await page.goto(relay.httpUrl);
  await expect(page.getByTestId('file-list')).toBeVisible();
  return page;
}

/** The row of the file titled `title` in the start page's list. */
export function fileRow(page: Page, title: string): Locator {
  return page.getByTestId('file-row').filter({ has: page.getByTestId('file-link').getByText(title, { exact: true }) });
}

/** The titles in the start page's list, in the order shown. */
export function fileTitles(page: Page): Promise<string[]> {
  return page.getByTestId('file-link').allTextContents();
}

/** The connection state the app shell shows for the open file. */
export function connectionState(page: Page): Locator {
  return page.getByTestId('connection-state');
}

/** Waits until the open file's element has synced with the relay (the shell says online). */
export async function waitOnline(page: Page): Promise<void> {
  await expect(connectionState(page)).toHaveAttribute('data-state', 'online');
}

/** The id of the open file, from the URL (`/doc/<id>`). */
export function openFileId(page: Page): string {
  const match = /\/(doc|sheet|calendar)\/([^#?]+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not a file page: ${page.url()}`);
  return decodeURIComponent(match[2]!);
}

/**
 * Drops a file on the start page as a user dragging it from the desktop would: dragenter, dragover
 * and drop events carrying a DataTransfer with the file.
 */
export async function dropFile(page: Page, name: string, content: string | Buffer, type = ''): Promise<void> {
  const bytes = [...(typeof content === 'string' ? Buffer.from(content, 'utf8') : content)];
  const transfer = await page.evaluateHandle(([fileName, data, mime]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], fileName, { type: mime }));
    return dt;
  }, [name, bytes, type] as const);
  const target = page.getByTestId('home');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}
