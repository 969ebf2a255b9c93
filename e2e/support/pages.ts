import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { RelayProcess } from './relay-process.js';

/** The localStorage key where the demo app remembers who the user is. */
export const USER_STORAGE_KEY = 'allmende.displayName';

/** A browser context with its own storage (so its own IndexedDB cache), signed in as `name`. */
export async function userContext(browser: Browser, name: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript(([key, value]) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, value);
  }, [USER_STORAGE_KEY, name] as const);
  return context;
}

/** Opens `/doc/<name>` in the demo app and waits until the editor has synced with the relay. */
export async function openDoc(context: BrowserContext, relay: RelayProcess, document: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${relay.httpUrl}/doc/${document}`);
  await expect(status(page)).toHaveAttribute('data-status', 'connected');
  return page;
}

/** The ProseMirror editing surface inside `<allmende-doc>`'s shadow root. */
export function editor(page: Page): Locator {
  return page.locator('allmende-doc .ProseMirror');
}

/** The element showing the connection state; its `data-status` is connecting, connected or offline. */
export function status(page: Page): Locator {
  return page.locator('allmende-doc [part~="status"]');
}

/** Puts the caret at the end of the document. */
export async function focusEnd(page: Page): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+End');
}

/**
 * The text the editor's selection covers, as ProseMirror sees it. ProseMirror reads a selection the browser
 * made (Shift+Home, Ctrl+Shift+Left) on its selectionchange event: poll this before a command that acts on it.
 */
export function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    interface View { state: { doc: { textBetween(from: number, to: number, separator: string): string }; selection: { from: number; to: number } } }
    const { state } = (document.querySelector('allmende-doc') as unknown as { view: View }).view;
    return state.doc.textBetween(state.selection.from, state.selection.to, '\n');
  });
}

/** The document's text as the user wrote it: block texts joined by newlines, without remote cursor labels. */
export async function documentText(page: Page): Promise<string> {
  return editor(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.ProseMirror-yjs-cursor, .ProseMirror-yjs-selection').forEach((node) => {
      if (node.classList.contains('ProseMirror-yjs-cursor')) node.remove();
    });
    return [...copy.children].map((block) => block.textContent ?? '').join('\n');
  });
}

/** How many updates the offline cache (y-indexeddb) holds for a document, read straight from IndexedDB. */
export async function cachedUpdateCount(page: Page, database: string): Promise<number> {
  return page.evaluate((name) => new Promise<number>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('updates')) {
        db.close();
        resolve(0);
        return;
      }
      const count = db.transaction('updates').objectStore('updates').count();
      count.onsuccess = () => { db.close(); resolve(count.result); };
      count.onerror = () => { db.close(); reject(count.error); };
    };
  }), database);
}

/** Opens `/sheet/<name>` in the demo app and waits until the spreadsheet has synced with the relay. */
export async function openSheet(context: BrowserContext, relay: RelayProcess, document: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${relay.httpUrl}/sheet/${document}`);
  await expect(page.locator('allmende-sheet [part~="status"]')).toHaveAttribute('data-status', 'connected');
  await expect(sheetCell(page, 'A1')).toBeAttached();
  return page;
}

/** The grid of `<allmende-sheet>` (`role="grid"`), which takes keyboard focus. */
export function sheetGrid(page: Page): Locator {
  return page.locator('allmende-sheet [part~="grid"]');
}

/** The drawn cell at an A1 address (only visible cells are drawn). */
export function sheetCell(page: Page, address: string): Locator {
  const m = /^([A-Z]+)([0-9]+)$/.exec(address);
  if (!m) throw new RangeError(`sheetCell: "${address}" is not an A1 address.`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return page.locator(`allmende-sheet #cell-${Number(m[2]) - 1}-${col - 1}`);
}

/** A value of the spreadsheet as the engine computes it on this page, read through `.workbook`. */
export async function sheetValue(page: Page, address: string): Promise<unknown> {
  return page.locator('allmende-sheet').evaluate((el, a) => {
    const wb = (el as unknown as { workbook: { sheetNames(): string[]; getValue(s: string, a: string): unknown } }).workbook;
    return wb.getValue(wb.sheetNames()[0]!, a);
  }, address);
}

/** The A1 formula of a cell on this page (what the formula bar shows). */
export async function sheetFormula(page: Page, address: string): Promise<string> {
  return page.locator('allmende-sheet').evaluate((el, a) => {
    const wb = (el as unknown as { workbook: { sheetNames(): string[]; getFormula(s: string, a: string): string } }).workbook;
    return wb.getFormula(wb.sheetNames()[0]!, a);
  }, address);
}
