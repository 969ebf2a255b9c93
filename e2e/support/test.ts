import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

/**
 * Playwright's `test`, plus one automatic fixture: every browser context a test opened on the
 * shared `browser` is closed when the test ends. Without it, each test's pages stay open in the
 * worker's browser, keep reconnecting to relays that were stopped, and by the fiftieth test in a
 * one-worker CI run the browser is busy enough to turn a 12-second test into a timeout.
 */
export const test = base.extend<{ closeContexts: void }>({
  closeContexts: [async ({ browser }, use) => {
    await use();
    await Promise.all(browser.contexts().map((context) => context.close()));
  }, { auto: true }],
});
