import { expect, test, type Page } from '../support/test.js';
import { readFileSync } from 'node:fs';
import { fromXLSX } from '@allmende/sheet-model';
import { openSheet, sheetCell, sheetValue, userContext } from '../support/pages.js';

// The spreadsheet's Import and Export menus in the demo app: an import into a shared workbook is one
// change everyone sees and one undo takes back; a broken file leaves the workbook as it was.

/** Picks `file` through Import… → `format`, as a user would with the file dialog. */
async function importThroughMenu(page: Page, format: RegExp, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const menu = page.locator('allmende-sheet-file-menu');
  await menu.getByRole('button', { name: /^Import/ }).click();
  const chooser = page.waitForEvent('filechooser');
  await menu.getByRole('menuitem', { name: format }).click();
  await (await chooser).setFiles(file);
}

test('a CSV import replaces the sheet for everyone in one undo step; a broken XLSX changes nothing', async ({ browser, relay }) => {
  const ada = await openSheet(await userContext(browser, 'Ada'), relay, 'budget');
  const bob = await openSheet(await userContext(browser, 'Bob'), relay, 'budget');
  const errors: string[] = [];
  ada.on('pageerror', (error) => errors.push(error.message));
  await sheetCell(ada, 'A1').click();
  await ada.keyboard.type('old');
  await ada.keyboard.press('Enter');
  await expect(sheetCell(bob, 'A1')).toContainText('old');

  // CSV formulas are never run (CSV injection), so the second field stays text.
  const csv = 'Item,Amount\nRent,1200.5\nNote,"=B2/4"\n';
  await importThroughMenu(ada, /CSV/, { name: 'costs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await ada.getByRole('button', { name: 'Replace' }).click();
  await expect(ada.locator('allmende-sheet-file-menu [role="status"]')).toContainText('costs.csv');

  // Bob sees the imported cells, numbers as numbers and the would-be formula as text.
  await expect(sheetCell(bob, 'A1')).toContainText('Item');
  await expect.poll(() => sheetValue(bob, 'B2')).toBe(1200.5);
  await expect.poll(() => sheetValue(bob, 'B3')).toBe('=B2/4');

  // One undo takes the whole import back, for both.
  await ada.locator('allmende-sheet [part~="grid"]').focus();
  await ada.keyboard.press('Control+z');
  await expect(sheetCell(bob, 'A1')).toContainText('old');
  await expect(sheetCell(ada, 'A2')).toHaveText('');

  // A file that is not a zip: a clear message, and the workbook is untouched.
  await importThroughMenu(ada, /XLSX|Excel/, { name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip at all') });
  await expect(ada.locator('allmende-sheet-file-menu [role="status"]')).toContainText('broken.xlsx');
  await expect(ada.getByRole('button', { name: 'Replace' })).toBeHidden();
  await expect(sheetCell(bob, 'A1')).toContainText('old');
  expect(errors).toEqual([]);
});

test('Export… XLSX downloads the workbook with its values and formulas', async ({ browser, relay }) => {
  const page = await openSheet(await userContext(browser, 'Ada'), relay, 'report');
  await sheetCell(page, 'A1').click();
  for (const key of ['4', 'Enter', '5', 'Enter', '=A1*A2', 'Enter']) {
    if (key === 'Enter') await page.keyboard.press('Enter');
    else await page.keyboard.type(key);
  }
  await expect.poll(() => sheetValue(page, 'A3')).toBe(20);

  const menu = page.locator('allmende-sheet-file-menu');
  await menu.getByRole('button', { name: /^Export/ }).click();
  const download = page.waitForEvent('download');
  await menu.getByRole('menuitem', { name: /XLSX|Excel/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^report.*\.xlsx$/);
  const { data } = fromXLSX(new Uint8Array(readFileSync((await file.path())!)));
  const cells = data.sheets[0]!.cells;
  expect(JSON.stringify(cells)).toContain('A1*A2');
});
