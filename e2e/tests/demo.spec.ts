import { expect, test } from '../support/test.js';
import { editor, status } from '../support/pages.js';

test('a newcomer picks a name, creates a document from the start page, and a second tab edits with them', async ({ browser, relay }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(relay.httpUrl);
  await page.getByTestId('profile').locator('summary').click();
  await page.getByTestId('name-input').fill('Dora');
  await page.getByTestId('name-input').press('Enter');
  await expect(page.getByTestId('profile-name')).toHaveText('Dora');
  await page.getByTestId('new-doc').click();
  await expect(page).toHaveURL(/\/doc\/doc-[a-z0-9]+$/);
  await expect(status(page)).toHaveAttribute('data-status', 'connected');
  await editor(page).click();
  await page.keyboard.type('Draft budget');

  const tab = await context.newPage();
  await tab.goto(page.url());
  await expect(editor(tab)).toContainText('Draft budget');
  await editor(tab).click();
  await tab.keyboard.press('Control+End');
  await tab.keyboard.type(' for 2027');
  await expect(editor(page)).toContainText('Draft budget for 2027');

  // The name was remembered: the second tab's cursor is labelled Dora in the first one.
  await expect(page.locator('allmende-doc .ProseMirror-yjs-cursor', { hasText: 'Dora' })).toBeVisible();

  // Back to the start page by the breadcrumb, then a new document gets a fresh id and its own URL.
  const first = page.url();
  await page.getByRole('link', { name: 'Allmende' }).click();
  await page.getByTestId('new-doc').click();
  await expect(page).toHaveURL(/\/doc\/doc-[a-z0-9]+$/);
  expect(page.url()).not.toBe(first);
});

test('a document name the relay would refuse is explained instead of opening a dead editor', async ({ page, relay }) => {
  await page.goto(`${relay.httpUrl}/doc/Meeting%20notes`);
  await expect(page.getByText(/cannot be used/i).first()).toBeVisible();
  await expect(page.locator('allmende-doc')).toHaveCount(0);
});
