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
