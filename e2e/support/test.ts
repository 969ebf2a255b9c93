import { test as base } from '@playwright/test';
import { RelayProcess } from './relay-process.js';

export { expect } from '@playwright/test';
export type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

/** How the `relay` fixture starts its relay: `test.use({ relayOptions: { args: [...] } })` in a file or `describe`. */
export type RelayOptions = ConstructorParameters<typeof RelayProcess>[0];

/**
 * Playwright's `test`, plus `relay`, a relay of its own for each test that asks for it (started
 * before the test with `relayOptions`, stopped after it; demo.ts's serves the demo app), and one
 * automatic fixture: every browser context a test opened on the shared `browser` is closed when
 * the test ends. Without it, each test's pages stay open in the worker's browser, keep
 * reconnecting to relays that were stopped, and by the fiftieth test in a one-worker CI run the
 * browser is busy enough to turn a 12-second test into a timeout.
 */
export const test = base.extend<{ closeContexts: void; relayOptions: RelayOptions; relay: RelayProcess }>({
  relayOptions: [{}, { option: true }],
  closeContexts: [async ({ browser }, use) => {
    await use();
    await Promise.all(browser.contexts().map((context) => context.close()));
  }, { auto: true }],
  relay: async ({ relayOptions }, use) => {
    const relay = new RelayProcess(relayOptions);
    await relay.start();
    await use(relay);
    await relay.stop();
  },
});
