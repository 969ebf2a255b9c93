import { expect, test, type Page } from '../support/test.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RelayProcess } from '../support/relay-process.js';
import { documentText, editor, sheetCell, sheetGrid, status } from '../support/pages.js';

// Smoke tests of the host-app examples, each served by the relay as its start command does:
// examples/vanilla as it is (its build only copies the elements bundle in), examples/react built.
const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');

let relay: RelayProcess;

test.afterEach(async () => {
  await relay.stop();
});

/** Types into the sheet's A1 and checks the grid shows it. */
async function typeIntoSheet(page: Page, text: string): Promise<void> {
  await sheetCell(page, 'A1').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(sheetCell(page, 'A1')).toContainText(text);
}

test('the plain HTML example shows all three elements from the bundle, and two visitors share them', async ({ browser }) => {
  relay = new RelayProcess({ staticDir: join(examples, 'vanilla') });
  await relay.start();
  const errors: string[] = [];
  const first = await browser.newPage();
  first.on('pageerror', (error) => errors.push(error.message));
  await first.goto(relay.httpUrl);
  await first.locator('#name').fill('Vera');
  await first.locator('#name').dispatchEvent('change');
  await expect(status(first)).toHaveAttribute('data-status', 'connected');
  await expect(sheetGrid(first)).toBeVisible();
  await expect(first.locator('allmende-calendar')).toHaveJSProperty('isConnected', true);
  expect(await first.evaluate(() => Boolean(customElements.get('allmende-calendar')))).toBe(true);

  await editor(first).click();
  await first.keyboard.type('Agenda for Monday');
  await expect(first).toHaveTitle(/edited/);
  await typeIntoSheet(first, '1200');

  const second = await browser.newPage();
  await second.goto(relay.httpUrl);
  await expect.poll(() => documentText(second)).toBe('Agenda for Monday');
  await expect(sheetCell(second, 'A1')).toContainText('1200');
  // Vera's name from the page's input reached the others' presence lists.
  await expect
    .poll(() => second.locator('allmende-doc allmende-presence-list').evaluate((list) => (list as unknown as { users: { name: string }[] }).users.map((user) => user.name)))
    .toContain('Vera');
  expect(errors).toEqual([]);
  await first.close();
  await second.close();
});

test('the React example passes props and gets events from the elements', async ({ page }) => {
  relay = new RelayProcess({ staticDir: join(examples, 'react', 'dist') });
  await relay.start();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(relay.httpUrl);
  await page.getByLabel('Your name').fill('Rita');
  await expect(page.getByTestId('doc-info')).toContainText('connection: connected');

  // userName is a property React sets: the element publishes it in its presence list.
  await expect(page.locator('allmende-doc allmende-presence-list')).toContainText('R');
  await editor(page).click();
  await page.keyboard.type('Hello');
  // onallmende-change is an event listener React added.
  await expect(page.getByTestId('doc-info')).toContainText(/^[1-9]\d* edits? by you/);

  await page.getByRole('button', { name: 'Budget' }).click();
  await expect(sheetGrid(page)).toBeVisible();
  await typeIntoSheet(page, 'Rent');

  await page.getByRole('button', { name: 'Calendar' }).click();
  await expect(page.locator('allmende-calendar')).toBeVisible();

  // Back to the document: React mounted a new element, which opens the same document again.
  await page.getByRole('button', { name: 'Minutes' }).click();
  await expect.poll(() => documentText(page)).toBe('Hello');
  expect(errors).toEqual([]);
});
