import { expect, test } from '@playwright/test';
import { RelayProcess } from '../support/relay-process.js';
import { editor, status } from '../support/pages.js';

let relay: RelayProcess;

test.beforeEach(async () => {
  relay = new RelayProcess();
  await relay.start();
});

test.afterEach(async () => {
  await relay.stop();
});

test('a newcomer picks a name, opens a document by name, and a second tab edits with them', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(relay.httpUrl);
  await page.getByTestId('name-input').fill('Dora');
  await page.getByTestId('doc-name-input').fill('budget-2027');
  await page.getByTestId('open-doc').click();
  await expect(page).toHaveURL(/\/doc\/budget-2027$/);
  await expect(status(page)).toHaveAttribute('data-status', 'connected');
  await editor(page).click();
  await page.keyboard.type('Draft budget');

  const tab = await context.newPage();
  await tab.goto(`${relay.httpUrl}/doc/budget-2027`);
  await expect(editor(tab)).toContainText('Draft budget');
  await editor(tab).click();
  await tab.keyboard.press('Control+End');
  await tab.keyboard.type(' for 2027');
  await expect(editor(page)).toContainText('Draft budget for 2027');

  // The name was remembered: the second tab's cursor is labelled Dora in the first one.
  await expect(page.locator('allmende-doc .ProseMirror-yjs-cursor', { hasText: 'Dora' })).toBeVisible();

  // Back to the start page, then a new document gets a fresh name and its own URL.
  await page.getByRole('link', { name: /all documents|start|home/i }).first().click();
  await page.getByTestId('new-doc').click();
  await expect(page).toHaveURL(/\/doc\/[^/]+/);
  expect(page.url()).not.toMatch(/budget-2027/);
});

test('a document name the relay would refuse is explained instead of opening a dead editor', async ({ page }) => {
  await page.goto(relay.httpUrl);
  await page.getByTestId('doc-name-input').fill('Protokoll März');
  await page.getByTestId('open-doc').click();
  await expect(page.getByTestId('doc-name-input')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/cannot be used/i).first()).toBeVisible();
  await expect(page).toHaveURL(relay.httpUrl + '/');

  await page.goto(`${relay.httpUrl}/doc/Meeting%20notes`);
  await expect(page.getByText(/cannot be used/i).first()).toBeVisible();
  await expect(page.locator('allmende-doc')).toHaveCount(0);
});
