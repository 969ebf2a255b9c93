import { expect, test } from '../support/test.js';
import type { Page } from '../support/test.js';
import { RelayProcess } from '../support/relay-process.js';
import { openSheet, sheetCell, sheetFormula, sheetGrid, sheetValue, userContext } from '../support/pages.js';

// The spreadsheet with people working in it: keyboard entry, two users inserting rows and editing
// at once, paste from another spreadsheet, and screenshots in both languages.

/** The part of `@allmende/sheet-model`'s Workbook these tests call in the page. */
interface TestWorkbook {
  sheetNames(): string[];
  setCell(sheet: string, address: string, input: string | number): void;
  merge(sheet: string, range: string): void;
  setStyle(sheet: string, target: string, style: Record<string, unknown>): void;
  setFormat(sheet: string, target: string, format: string): void;
  setFrozen(sheet: string, rows: number, cols: number): void;
  getStyle(sheet: string, address: string): Record<string, unknown>;
  getSheetColor(sheet: string): string | undefined;
  setSheetColor(sheet: string, color: string | null): void;
  setColumnWidth(sheet: string, col: number, width: number): void;
  setCells(sheet: string, address: string, values: readonly (readonly (string | number)[])[]): void;
}

let relay: RelayProcess;

/** Sets the page's language and the element's own (the demo app sets `lang` on the element, which then wins). */
async function setLang(page: Page, lang: 'de' | 'en'): Promise<void> {
  await page.evaluate((l) => {
    document.documentElement.setAttribute('lang', l);
    document.querySelector('allmende-sheet')?.setAttribute('lang', l);
  }, lang);
}

test.afterEach(async () => {
  await relay.stop();
});

test('keyboard-only data entry: typing, Tab, Enter, F2 and a formula', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openSheet(await userContext(browser, 'Ada'), relay, 'keys');
  await setLang(page, 'en');
  await sheetGrid(page).focus();
  await page.keyboard.type('Item');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Cost');
  await page.keyboard.press('Enter');
  // After a run of Tabs, Enter goes to the next row in the column the run started in (A2), as in Excel.
  await expect(page.locator('allmende-sheet [part~="name-box"]')).toHaveValue('A2');
  await page.keyboard.type('Rent');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1200.5');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('=B2*2');
  await page.keyboard.press('Enter');
  await expect(sheetCell(page, 'A1')).toHaveText('Item');
  await expect(sheetCell(page, 'B1')).toHaveText('Cost');
  await expect(sheetCell(page, 'A2')).toHaveText('Rent');
  expect(await sheetValue(page, 'B2')).toBe(1200.5);
  expect(await sheetValue(page, 'B3')).toBe(2401);
  // F2 edits the formula in place; Escape cancels.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('F2');
  await page.keyboard.type('+1');
  await page.keyboard.press('Escape');
  expect(await sheetFormula(page, 'B3')).toBe('=B2*2');
  await page.keyboard.press('F2');
  await page.keyboard.type('+1');
  await page.keyboard.press('Enter');
  expect(await sheetValue(page, 'B3')).toBe(2402);
  // The formula bar shows the A1 text of the active cell, and the live region announces it.
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('allmende-sheet [part~="formula-bar"]')).toHaveValue('=B2*2+1');
  await expect(page.locator('allmende-sheet [data-testid="announcement"]')).toContainText('B3');
  // Ctrl+Z undoes this user's last edit.
  await page.keyboard.press('Control+z');
  expect(await sheetValue(page, 'B3')).toBe(2401);
  await page.keyboard.press('Control+y');
  expect(await sheetValue(page, 'B3')).toBe(2402);
  // Ctrl+B makes the active cell bold, and the toolbar button says so.
  await page.keyboard.press('Control+b');
  await expect(page.locator('allmende-sheet').getByRole('button', { name: 'Bold (Ctrl+B)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(sheetCell(page, 'B3')).toHaveCSS('font-weight', '700');
  // Read-only: typing and Delete change nothing, and the user is told why.
  await page.locator('allmende-sheet').evaluate((el) => el.setAttribute('readonly', ''));
  await expect(page.locator('allmende-sheet [part~="access"]')).toHaveText('Read only');
  await sheetGrid(page).focus();
  await page.keyboard.type('9');
  await page.keyboard.press('Delete');
  expect(await sheetValue(page, 'B3')).toBe(2402);
  await expect(page.locator('allmende-sheet [part~="notice"]')).toContainText('read only');
});

for (const lang of ['de', 'en'] as const) {
  test(`screenshot in ${lang === 'de' ? 'German' : 'English'}: numbers in the locale, overflow, merge, frozen rows`, async ({ browser }) => {
    relay = new RelayProcess();
    await relay.start();
    const page = await openSheet(await userContext(browser, 'Ada'), relay, `shot-${lang}`);
    await setLang(page, lang);
    await page.setViewportSize({ width: 1100, height: 700 });
    await sheetGrid(page).focus();
    // German number entry: 1,5 is one and a half.
    await page.keyboard.type(lang === 'de' ? '1,5' : '1.5');
    await page.keyboard.press('Enter');
    await page.keyboard.type('=A1*2');
    await page.keyboard.press('Enter');
    expect(await sheetValue(page, 'A1')).toBe(1.5);
    expect(await sheetValue(page, 'A2')).toBe(3);
    await page.locator('allmende-sheet').evaluate((el) => {
      const wb = (el as unknown as { workbook: TestWorkbook }).workbook;
      const s = wb.sheetNames()[0]!;
      wb.setCell(s, 'C1', 'A long heading that overflows into the empty neighbours');
      wb.setCell(s, 'C3', 'Merged');
      wb.merge(s, 'C3:D4');
      wb.setStyle(s, 'C3', { bold: true, background: '#fde68a', align: 'center' });
      wb.setCell(s, 'B6', 1234567.891);
      wb.setColumnWidth(s, 1, 130);
      wb.setFormat(s, 'B6', '#,##0.00 €');
      wb.setFrozen(s, 1, 0);
      wb.setCell(s, 'E6', 123456789.123);
      wb.setColumnWidth(s, 4, 60);
      wb.setCell(s, 'B8', 'Box');
      wb.setSheetColor(s, '#2e7d32');
    });
    // Borders from the toolbar: a thick outline around B8:C9.
    await sheetGrid(page).focus();
    await page.locator('allmende-sheet').evaluate((el) => (el as unknown as { select(r: string): void }).select('B8:C9'));
    await page.locator('allmende-sheet .borders select').selectOption('thick');
    await page.locator('allmende-sheet .border-outer').click();
    // A number too wide for its column shows ###.
    await expect(sheetCell(page, 'E6')).toHaveText(/^#+$/);
    // A second sheet, added and switched back from; its tab is named in the page's language.
    await page.locator('allmende-sheet .tab-add').click();
    const second = lang === 'de' ? 'Tabelle2' : 'Sheet2';
    await expect(page.locator('allmende-sheet').getByRole('tab', { name: second })).toHaveAttribute('aria-selected', 'true');
    await page.locator('allmende-sheet').getByRole('tab', { name: 'Sheet1' }).click();
    await expect(sheetCell(page, 'A1')).toHaveText(lang === 'de' ? '1,5' : '1.5');
    await sheetGrid(page).focus();
    await page.keyboard.press('Control+ArrowUp');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await sheetGrid(page).click({ button: 'right', position: { x: 160, y: 60 } });
    await expect(page.getByRole('menu')).toBeVisible();
    await page.screenshot({ path: `/tmp/sheet-${lang}.png` });
    await page.keyboard.press('Escape');
    await expect(sheetCell(page, 'B6')).toHaveText(lang === 'de' ? '1.234.567,89 €' : '1,234,567.89 €');
    // The tab colour menu, in the page's language.
    await page.locator('allmende-sheet').getByRole('tab', { name: 'Sheet1' }).click({ button: 'right' });
    await expect(page.locator('allmende-sheet .tab-colors')).toBeVisible();
    await page.screenshot({ path: `/tmp/sheet-${lang}-tabcolor.png` });
  });
}

test('two users: concurrent row inserts and edits converge with correct formulas, and active cells stay on their cells', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const ada = await openSheet(await userContext(browser, 'Ada'), relay, 'together');
  const bob = await openSheet(await userContext(browser, 'Bob'), relay, 'together');
  for (const page of [ada, bob]) await setLang(page, 'en');
  // The hosts hear of their own user's edits through allmende-change, never of the other's.
  for (const page of [ada, bob]) {
    await page.locator('allmende-sheet').evaluate((el) => {
      const counter = window as unknown as { changes: number };
      counter.changes = 0;
      el.addEventListener('allmende-change', () => { counter.changes++; });
    });
  }
  const changes = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { changes: number }).changes);
  await sheetGrid(ada).focus();
  for (const v of ['1', '2', '3', '=SUM(A1:A3)']) {
    await ada.keyboard.type(v);
    await ada.keyboard.press('Enter');
  }
  await expect(sheetCell(bob, 'A4')).toHaveText('6');
  expect(await changes(ada)).toBeGreaterThanOrEqual(4);
  expect(await changes(bob)).toBe(0);
  // Each sees the other's selection with their name.
  await sheetCell(bob, 'A2').click();
  await expect(ada.locator('allmende-sheet .box.remote .box-label')).toHaveText('Bob');
  await expect(bob.locator('allmende-sheet [part~="presence"]')).toBeVisible();

  // At the same time: Ada inserts two rows above row 1 and one above row 3; Bob changes A3 from 3 to 30.
  await sheetCell(ada, 'A1').click();
  await ada.keyboard.press('Shift+ArrowDown');
  await Promise.all([
    (async () => {
      await sheetGrid(ada).click({ button: 'right', position: { x: 90, y: 40 } });
      await ada.getByRole('menuitem', { name: 'Insert 2 rows above' }).click();
    })(),
    (async () => {
      await sheetCell(bob, 'A3').click();
      await bob.keyboard.type('30');
      await bob.keyboard.press('Enter');
    })(),
  ]);
  for (const page of [ada, bob]) {
    await expect.poll(() => sheetValue(page, 'A6')).toBe(33);
    expect(await sheetFormula(page, 'A6')).toBe('=SUM(A3:A5)');
    await expect(sheetCell(page, 'A5')).toHaveText('30');
  }
  // Bob's active cell moved down with its row: Enter took him from A3 (now A5) to the sum's cell.
  await expect(bob.locator('allmende-sheet [part~="name-box"]')).toHaveValue('A6');

  // Bob stays on his cell while Ada inserts above it.
  await sheetCell(bob, 'A4').click();
  await sheetCell(ada, 'A1').click();
  await sheetGrid(ada).click({ button: 'right', position: { x: 90, y: 40 } });
  await ada.getByRole('menuitem', { name: 'Insert row above' }).click();
  await expect(bob.locator('allmende-sheet [part~="name-box"]')).toHaveValue('A5');
  await expect(bob.locator('allmende-sheet [part~="formula-bar"]')).toHaveValue('2');
  // Ada's undo removes only her row insert.
  await sheetGrid(ada).focus();
  await ada.keyboard.press('Control+z');
  for (const page of [ada, bob]) await expect.poll(() => sheetFormula(page, 'A6')).toBe('=SUM(A3:A5)');
  await expect(bob.locator('allmende-sheet [part~="name-box"]')).toHaveValue('A4');
});

test('paste of an HTML table from a LibreOffice Calc clipboard', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openSheet(await userContext(browser, 'Ada'), relay, 'paste');
  await setLang(page, 'de');
  await sheetCell(page, 'B2').click();
  const html = `<!DOCTYPE html><html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title>
    <style type="text/css">body,div,table,td{font-family:"Liberation Sans"}</style></head><body>
    <table cellspacing="0" border="0"><colgroup width="85"></colgroup><colgroup width="85"></colgroup>
    <tr><td height="17" align="left">Posten</td><td align="left">Betrag</td></tr>
    <tr><td height="17" align="left">Miete</td><td align="right" sdval="1234.5" sdnum="1031;0;#.##0,00">1.234,50</td></tr>
    <tr><td height="17" align="left">Strom &amp; Gas<img src="x" onerror="window.__pwned = true"></td><td align="right" sdval="80" sdnum="1031;">80</td></tr>
    <tr><td height="17" align="left">Summe</td><td align="right" sdval="1314.5" sdnum="1031;">1314,5</td></tr>
    </table></body></html>`;
  const text = 'Posten\tBetrag\nMiete\t1.234,50\nStrom & Gas\t80\nSumme\t1314,5\n';
  await sheetGrid(page).evaluate((grid, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', data.html);
    transfer.setData('text/plain', data.text);
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, { html, text });
  await expect(sheetCell(page, 'B2')).toHaveText('Posten');
  expect(await sheetValue(page, 'C3')).toBe(1234.5);
  expect(await sheetValue(page, 'B4')).toBe('Strom & Gas');
  expect(await sheetValue(page, 'C5')).toBe(1314.5);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  await expect(page.locator('allmende-sheet [part~="name-box"]')).toHaveValue('B2');

  // Copy inside the sheet moves relative references: =C3*2 copied from D3 to D4 becomes =C4*2.
  await page.locator('allmende-sheet').evaluate((el) => {
    const wb = (el as unknown as { workbook: TestWorkbook }).workbook;
    wb.setCell(wb.sheetNames()[0]!, 'D3', '=C3*2');
  });
  await sheetCell(page, 'D3').click();
  const copied = await sheetGrid(page).evaluate((grid) => {
    const transfer = new DataTransfer();
    grid.dispatchEvent(new ClipboardEvent('copy', { clipboardData: transfer, bubbles: true, cancelable: true }));
    return { text: transfer.getData('text/plain'), html: transfer.getData('text/html') };
  });
  expect(copied.text).toBe('2469\r\n');
  expect(copied.html).toContain('<td>2469</td>');
  await sheetCell(page, 'D4').click();
  await sheetGrid(page).evaluate((grid, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', data.html);
    transfer.setData('text/plain', data.text);
    grid.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, copied);
  expect(await sheetFormula(page, 'D4')).toBe('=C4*2');
  expect(await sheetValue(page, 'D4')).toBe(160);
});

test('fill handle continues weekdays and numbers and moves formula references', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openSheet(await userContext(browser, 'Ada'), relay, 'fill');
  await setLang(page, 'de');
  await sheetGrid(page).focus();
  for (const v of ['Mo', '1', '=B1*2']) {
    await page.keyboard.type(v);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  // Select A1:C1 and drag its fill handle down to row 4.
  await sheetCell(page, 'A1').click();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  const corner = await sheetCell(page, 'C1').boundingBox();
  const target = await sheetCell(page, 'C4').boundingBox();
  if (!corner || !target) throw new Error('cells are not drawn');
  await page.mouse.move(corner.x + corner.width - 1, corner.y + corner.height - 1);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(sheetCell(page, 'A4')).toHaveText('Do');
  // One number is copied, as in Excel; the formula follows its row.
  expect(await sheetValue(page, 'B4')).toBe(1);
  expect(await sheetFormula(page, 'C4')).toBe('=B4*2');
  await expect(page.locator('allmende-sheet [part~="name-box"]')).toHaveValue('A1');
  // Two numbers continue their step.
  await sheetCell(page, 'E1').click();
  await page.keyboard.type('1,5');
  await page.keyboard.press('Enter');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await sheetCell(page, 'E1').click();
  await page.keyboard.press('Shift+ArrowDown');
  const e2 = await sheetCell(page, 'E2').boundingBox();
  const e5 = await sheetCell(page, 'E5').boundingBox();
  if (!e2 || !e5) throw new Error('cells are not drawn');
  await page.mouse.move(e2.x + e2.width - 1, e2.y + e2.height - 1);
  await page.mouse.down();
  await page.mouse.move(e5.x + 10, e5.y + 10, { steps: 5 });
  await page.mouse.up();
  expect(await sheetValue(page, 'E5')).toBe(7.5);
  await expect(sheetCell(page, 'E5')).toHaveText('7,5');
  // One undo step takes the whole fill back.
  await page.keyboard.press('Control+z');
  expect(await sheetValue(page, 'E5')).toBeNull();
  expect(await sheetValue(page, 'E2')).toBe(3);
});

test('a million rows: Ctrl+Down reaches the last row and only visible cells are drawn', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openSheet(await userContext(browser, 'Ada'), relay, 'million');
  await setLang(page, 'en');
  await page.locator('allmende-sheet').evaluate((el) => {
    const wb = (el as unknown as { workbook: TestWorkbook & { insertRows(s: string, i: number, n: number): void; insertColumns(s: string, i: number, n: number): void } }).workbook;
    const s = wb.sheetNames()[0]!;
    wb.insertRows(s, 1000, 999_000);
    wb.insertColumns(s, 26, 74);
    wb.setCell(s, 'CV1000000', 'last');
  });
  await sheetGrid(page).focus();
  await page.keyboard.press('Control+ArrowDown');
  await expect(page.locator('allmende-sheet [part~="name-box"]')).toHaveValue('A1000000');
  await page.keyboard.press('Control+ArrowRight');
  await expect(page.locator('allmende-sheet [part~="name-box"]')).toHaveValue('CV1000000');
  await expect(sheetCell(page, 'CV1000000')).toHaveText('last');
  await expect(sheetGrid(page)).toHaveAttribute('aria-rowcount', '1000001');
  // Only the band around the view exists in the page (a screenful and some rows and columns past each edge,
  // which the browser scrolls to without waiting for script): not a million rows of a hundred columns.
  const drawn = await page.locator('allmende-sheet [role="gridcell"]:not([hidden])').count();
  expect(drawn).toBeLessThan(2500);
  // Scroll back up with the wheel: the band is drawn again around the view once it nears the band's edge.
  await page.keyboard.press('Control+Home');
  await expect(sheetCell(page, 'A1')).toBeVisible();
  const box = await sheetGrid(page).boundingBox();
  await page.mouse.move(box!.x + 200, box!.y + 200);
  for (let i = 0; i < 20; i++) await page.mouse.wheel(0, 400);
  await expect(sheetCell(page, 'A1')).not.toBeVisible();
});

test('a shared filter on a header row hides rows for everyone', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const ada = await openSheet(await userContext(browser, 'Ada'), relay, 'filter');
  const bob = await openSheet(await userContext(browser, 'Bob'), relay, 'filter');
  for (const page of [ada, bob]) await setLang(page, 'en');
  await sheetGrid(ada).focus();
  for (const [name, city] of [['Name', 'City'], ['Ada', 'Berlin'], ['Bob', 'Hamburg'], ['Dana', 'Berlin']]) {
    await ada.keyboard.type(name!);
    await ada.keyboard.press('Tab');
    await ada.keyboard.type(city!);
    await ada.keyboard.press('Enter');
  }
  await sheetCell(ada, 'B1').click({ button: 'right' });
  await ada.getByRole('menuitem', { name: 'Filter: use this row as header' }).click();
  await sheetCell(ada, 'B1').click({ button: 'right' });
  await ada.getByRole('menuitem', { name: 'Filter this column…' }).click();
  const list = ada.getByRole('dialog', { name: 'Filter this column…' });
  await list.getByLabel('Berlin').uncheck();
  await list.getByRole('button', { name: 'Apply' }).click();
  for (const page of [ada, bob]) {
    await expect(sheetCell(page, 'A3')).toHaveText('Bob');
    await expect(sheetCell(page, 'A2')).toBeHidden();
    await expect(sheetCell(page, 'A4')).toBeHidden();
  }
  // Arrow keys skip the hidden rows.
  await sheetCell(bob, 'A1').click();
  await bob.keyboard.press('ArrowDown');
  await expect(bob.locator('allmende-sheet [part~="name-box"]')).toHaveValue('A3');
  // Turning it off shows every row again, for both.
  await sheetCell(bob, 'A1').click({ button: 'right' });
  await bob.getByRole('menuitem', { name: 'Turn the filter off' }).click();
  await expect(sheetCell(ada, 'A2')).toHaveText('Ada');
  await expect(sheetCell(ada, 'A2')).toBeVisible();
});

test('an element given a host Y.Doc and Awareness removes every listener it added when it is removed', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openSheet(await userContext(browser, 'Ada'), relay, 'cleanup');
  const result = await page.evaluate(async () => {
    type Observable = { _observers: Map<string, Set<unknown>> };
    const count = (target: object): number => [...(target as Observable)._observers.values()].reduce((n, set) => n + set.size, 0);
    // The element's private document binding (sheet-document.ts), only to reach the page's own Awareness class.
    const shown = document.querySelector('allmende-sheet') as unknown as { workbook: { doc: object }; doc: { awareness: object } };
    // The page's own Yjs classes, taken from the element that is already there.
    const DocClass = shown.workbook.doc.constructor as new () => object;
    const AwarenessClass = shown.doc.awareness.constructor as new (doc: object) => object & { destroy(): void };
    const doc = new DocClass();
    const awareness = new AwarenessClass(doc);
    const before = { doc: count(doc), awareness: count(awareness) };
    const el = document.createElement('allmende-sheet') as HTMLElement & { ydoc: object; awareness: object; workbook: { setCell(s: string, a: string, v: string): void; getValue(s: string, a: string): unknown } | null };
    el.ydoc = doc;
    el.awareness = awareness;
    el.setAttribute('user-name', 'Host');
    document.body.appendChild(el);
    await new Promise((resolve) => setTimeout(resolve, 200));
    el.workbook!.setCell('Sheet1', 'A1', '=2*21');
    const value = el.workbook!.getValue('Sheet1', 'A1');
    const during = { doc: count(doc), awareness: count(awareness) };
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = { doc: count(doc), awareness: count(awareness) };
    awareness.destroy();
    return { before, during, after, value };
  });
  expect(result.value).toBe(42);
  expect(result.during.doc).toBeGreaterThan(result.before.doc);
  expect(result.after).toEqual(result.before);
});

test('tab colour, borders, Ctrl+click multi-range formatting, ### and filter undo', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const ada = await openSheet(await userContext(browser, 'Ada'), relay, 'features');
  const bob = await openSheet(await userContext(browser, 'Bob'), relay, 'features');
  for (const page of [ada, bob]) await setLang(page, 'en');
  const sheet = ada.locator('allmende-sheet');
  const wbOf = (page: typeof ada) => page.locator('allmende-sheet');

  // Tab colour: right click on the tab, pick a colour; it is stored in the workbook and shown to everyone.
  await sheet.getByRole('tab', { name: 'Sheet1' }).click({ button: 'right' });
  await sheet.getByRole('menu', { name: 'Colour of the tab “Sheet1”' }).getByRole('menuitemradio', { name: '#1565c0' }).click();
  await expect(sheet.getByRole('tab', { name: 'Sheet1' })).toHaveCSS('box-shadow', /rgb\(21, 101, 192\)/);
  await expect(bob.locator('allmende-sheet').getByRole('tab', { name: 'Sheet1' })).toHaveCSS('box-shadow', /rgb\(21, 101, 192\)/);
  expect(await wbOf(bob).evaluate((el) => (el as unknown as { workbook: TestWorkbook }).workbook.getSheetColor('Sheet1'))).toBe('#1565c0');
  // "No colour" removes it; the keyboard opens the menu too (Shift+F10 on the tab).
  await sheet.getByRole('tab', { name: 'Sheet1' }).focus();
  await ada.keyboard.press('Shift+F10');
  await sheet.getByRole('menuitemradio', { name: 'No colour' }).click();
  expect(await sheet.evaluate((el) => (el as unknown as { workbook: TestWorkbook }).workbook.getSheetColor('Sheet1'))).toBeUndefined();

  // Ctrl+click adds ranges: bold applies to all of them, the cells between stay as they were.
  await sheetCell(ada, 'A1').click();
  await sheetCell(ada, 'A2').click({ modifiers: ['Shift'] });
  await sheetCell(ada, 'C1').click({ modifiers: ['Control'] });
  await sheetCell(ada, 'D3').click({ modifiers: ['Control'] });
  await sheet.getByRole('button', { name: 'Bold (Ctrl+B)' }).click();
  const style = (address: string) => sheet.evaluate((el, a) => (el as unknown as { workbook: TestWorkbook }).workbook.getStyle('Sheet1', a), address);
  for (const a of ['A1', 'A2', 'C1', 'D3']) expect(await style(a)).toEqual({ bold: true });
  expect(await style('B1')).toEqual({});
  // Copying several ranges is refused with a message, as in Excel.
  await sheetGrid(ada).focus();
  await ada.keyboard.press('Control+c');
  await expect(sheet.locator('[part~="notice"]')).toContainText('several selected ranges');
  // One Ctrl+Z takes the whole multi-range formatting back.
  await ada.keyboard.press('Control+z');
  for (const a of ['A1', 'A2', 'C1', 'D3']) expect(await style(a)).toEqual({});

  // Borders: all borders on B5:C6 from the toolbar, drawn in the grid.
  await sheet.evaluate((el) => (el as unknown as { select(r: string): void }).select('B5:C6'));
  await sheet.getByRole('button', { name: 'All borders' }).click();
  expect(await style('C6')).toEqual({ borderTop: 'thin', borderRight: 'thin', borderBottom: 'thin', borderLeft: 'thin' });
  await expect(sheetCell(ada, 'C6')).toHaveCSS('border-bottom-color', 'rgb(31, 35, 40)');
  await expect(sheetCell(bob, 'C6')).toHaveCSS('border-right-width', '1px');
  await sheet.getByRole('button', { name: 'No borders' }).click();
  expect(await style('C6')).toEqual({});

  // Vertical alignment.
  await sheet.getByRole('button', { name: 'Align top' }).click();
  expect(await style('B5')).toEqual({ valign: 'top' });
  await expect(sheet.getByRole('button', { name: 'Align top' })).toHaveAttribute('aria-pressed', 'true');

  // ### for a number wider than its column, not for text; the number stays readable for screen readers.
  await sheet.evaluate((el) => {
    const wb = (el as unknown as { workbook: TestWorkbook }).workbook;
    wb.setCell('Sheet1', 'F1', 12345678901234);
    wb.setCell('Sheet1', 'F2', 'A text that is much wider than the column');
    wb.setColumnWidth('Sheet1', 5, 50);
  });
  await expect(sheetCell(ada, 'F1')).toHaveText(/^#+$/);
  await expect(sheetCell(ada, 'F1')).toHaveAttribute('aria-label', '12345678901234');
  await expect(sheetCell(ada, 'F2')).toHaveText('A text that is much wider than the column');

  // Filter undo: Ctrl+Z after filtering shows the rows again (for everyone), Ctrl+Y filters again.
  await sheet.evaluate((el) => {
    const wb = (el as unknown as { workbook: TestWorkbook }).workbook;
    for (const [i, city] of ['City', 'Berlin', 'Hamburg', 'Berlin'].entries()) wb.setCell('Sheet1', `H${i + 1}`, city);
  });
  await sheetCell(ada, 'H1').click({ button: 'right' });
  await ada.getByRole('menuitem', { name: 'Filter: use this row as header' }).click();
  await sheetCell(ada, 'H1').click({ button: 'right' });
  await ada.getByRole('menuitem', { name: 'Filter this column…' }).click();
  await ada.getByRole('dialog', { name: 'Filter this column…' }).getByLabel('Berlin').uncheck();
  await ada.getByRole('dialog', { name: 'Filter this column…' }).getByRole('button', { name: 'Apply' }).click();
  await expect(sheetCell(bob, 'H2')).toBeHidden();
  await sheetGrid(ada).focus();
  await ada.keyboard.press('Control+z');
  await expect(sheetCell(ada, 'H2')).toHaveText('Berlin');
  await expect(sheetCell(bob, 'H2')).toBeVisible();
  await ada.keyboard.press('Control+y');
  await expect(sheetCell(ada, 'H2')).toBeHidden();
  await ada.screenshot({ path: '/tmp/sheet-features-en.png' });
});

test('Shift+F8 adds ranges with the keyboard alone; the cells the cursor passes are not selected', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const ada = await openSheet(await userContext(browser, 'Ada'), relay, 'add-mode');
  await setLang(ada, 'en');
  const sheet = ada.locator('allmende-sheet');
  const style = (address: string) => sheet.evaluate((el, a) => (el as unknown as { workbook: TestWorkbook }).workbook.getStyle('Sheet1', a), address);
  await sheetCell(ada, 'A1').click();
  await ada.keyboard.press('Shift+ArrowDown');
  await ada.keyboard.press('Shift+F8');
  await expect(sheet.locator('[part~="mode"]')).toHaveText('Add to selection');
  await expect(sheet.getByTestId('announcement')).toContainText('Add to selection');
  // From the active cell A1 to C3 (passing B1, C1 and C2 without selecting them), select C3:C4, then D6 alone.
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowDown', 'ArrowDown']) await ada.keyboard.press(key);
  await expect(sheet.locator('[part~="name-box"]')).toHaveValue('C3');
  await ada.keyboard.press('Shift+ArrowDown');
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight']) await ada.keyboard.press(key);
  await expect(sheet.locator('[part~="name-box"]')).toHaveValue('D6');
  await ada.keyboard.press('Shift+F8');
  await expect(sheet.locator('[part~="mode"]')).toHaveCount(0);
  await ada.keyboard.press('Control+b');
  for (const a of ['A1', 'A2', 'C3', 'C4', 'D6']) expect(await style(a)).toEqual({ bold: true });
  for (const a of ['B1', 'C1', 'C2', 'C5', 'C6', 'D5']) expect(await style(a)).toEqual({});
  // One undo step; a plain arrow afterwards goes back to one range.
  await ada.keyboard.press('Control+z');
  for (const a of ['A1', 'C3', 'D6']) expect(await style(a)).toEqual({});
  await ada.keyboard.press('ArrowUp');
  await ada.keyboard.press('Control+b');
  expect(await style('D5')).toEqual({ bold: true });
  expect(await style('A1')).toEqual({});
  // Escape also ends the mode, and a click in add mode adds a range like Ctrl+click.
  await ada.keyboard.press('Shift+F8');
  await sheetCell(ada, 'F1').click();
  await ada.keyboard.press('Escape');
  await expect(sheet.locator('[part~="mode"]')).toHaveCount(0);
  await ada.keyboard.press('Control+i');
  expect(await style('D5')).toEqual({ bold: true, italic: true });
  expect(await style('F1')).toEqual({ italic: true });
});

test('frozen panes and headers stay in place while the browser scrolls the rows; keyboard moves to cells out of view draw them', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openSheet(await userContext(browser, 'Ada'), relay, 'scrolling');
  await setLang(page, 'en');
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.locator('allmende-sheet').evaluate((el) => {
    const wb = (el as unknown as { workbook: TestWorkbook }).workbook;
    const s = wb.sheetNames()[0]!;
    // One write: columns A to T of 300 rows, A numbered, T labelled, the rest empty.
    wb.setCells(s, 'A1', Array.from({ length: 300 }, (_, i) => [i + 1, ...Array<string>(18).fill(''), `t${i + 1}`]));
    wb.setFrozen(s, 1, 1);
  });
  const grid = sheetGrid(page);
  await grid.focus();
  // Keyboard only: to the last row of the data, then to its last column, both far out of view.
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Control+ArrowRight');
  await expect(page.locator('allmende-sheet [part~="name-box"]')).toHaveValue('T300');
  await expect(sheetCell(page, 'T300')).toHaveText('t300');
  await expect(grid).toHaveAttribute('aria-activedescendant', 'cell-299-19');
  const g = (await grid.boundingBox())!;
  const target = (await sheetCell(page, 'T300').boundingBox())!;
  const frozen = (await sheetCell(page, 'A1').boundingBox())!;
  // The target is inside the view (the grid's box has fractional pixels, its scroll range whole ones), past the
  // headers and the frozen row and column.
  expect(target.y + target.height).toBeLessThanOrEqual(g.y + g.height + 1);
  expect(target.x + target.width).toBeLessThanOrEqual(g.x + g.width + 1);
  expect(target.y).toBeGreaterThanOrEqual(frozen.y + frozen.height);
  expect(target.x).toBeGreaterThanOrEqual(frozen.x + frozen.width);
  // The frozen cell stays right after the headers, and what shows at a point is the cell that belongs there.
  expect(Math.round(frozen.x - g.x)).toBe(52);
  expect(Math.round(frozen.y - g.y)).toBe(24);
  const at = async (x: number, y: number): Promise<string> =>
    page.locator('allmende-sheet').evaluate((el, p) => el.shadowRoot!.elementFromPoint(p.x, p.y)?.closest('[role="gridcell"]')?.id ?? '', { x, y });
  expect(await at(target.x + 10, target.y + 5)).toBe('cell-299-19');
  expect(await at(frozen.x + 10, frozen.y + 5)).toBe('cell-0-0');
  expect(await at(frozen.x + 10, target.y + 5)).toBe('cell-299-0');
  expect(await at(target.x + 10, frozen.y + 5)).toBe('cell-0-19');
  await page.screenshot({ path: '/tmp/sheet-scrolled-en.png' });
  // The wheel scrolls the rows under the frozen row; the band of drawn rows follows.
  await page.mouse.move(g.x + 300, g.y + 300);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -1600);
  await expect(sheetCell(page, 'A20')).toBeVisible();
  const top = (await sheetCell(page, 'A1').boundingBox())!;
  expect(Math.round(top.y - g.y)).toBe(24);
  // The browser may still be scrolling the last wheel steps: wait until row 2 has come to rest under the frozen row.
  await expect.poll(async () => Math.round((await sheetCell(page, 'A2').boundingBox())!.y)).toBe(Math.round(top.y + top.height));
  // Clicking a cell after scrolling selects that cell.
  await sheetCell(page, 'T5').click();
  await expect(page.locator('allmende-sheet [part~="name-box"]')).toHaveValue('T5');
});

test('a column partly under the frozen columns or the row numbers shows its letter in its visible part', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openSheet(await userContext(browser, 'Ada'), relay, 'header-letters');
  await setLang(page, 'en');
  await page.setViewportSize({ width: 1000, height: 500 });
  const grid = sheetGrid(page);
  const g = (await grid.boundingBox())!;
  /** The letter's box and what shows at its centre (the letter itself, or whatever covers it). */
  const letter = (text: string): Promise<{ x: number; right: number; cellLeft: number; cellRight: number; onTop: boolean } | null> =>
    page.locator('allmende-sheet').evaluate((el, t) => {
      const root = el.shadowRoot!;
      const label = [...root.querySelectorAll<HTMLElement>('.col-headers:not(.frozen) .hdr-text')].find((s) => s.textContent === t && !s.parentElement!.hidden);
      if (!label) return null;
      const r = label.getBoundingClientRect();
      const cell = label.parentElement!.getBoundingClientRect();
      const hit = root.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return { x: r.x, right: r.right, cellLeft: cell.x, cellRight: cell.right, onTop: hit === label || hit === label.parentElement };
    }, text);
  /** Scrolls the grid sideways and waits until the browser has drawn that position (two frames). */
  const scrollTo = async (left: number): Promise<void> => {
    await grid.evaluate(async (el, x) => {
      el.scrollLeft = x;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    }, left);
  };

  // No frozen columns: column B is 100 px wide; scrolled by 170 px, 70 px of it are under the row numbers and its
  // centred letter would be too.
  await scrollTo(170);
  await expect.poll(async () => (await letter('B'))?.onTop).toBe(true);
  const b = (await letter('B'))!;
  expect(b.cellLeft).toBeLessThan(g.x + 52 - 60);
  expect(b.x).toBeGreaterThanOrEqual(g.x + 52);
  expect(b.right).toBeLessThanOrEqual(b.cellRight);
  // A fully visible column keeps its letter centred.
  const c = (await letter('C'))!;
  expect(Math.abs((c.x + c.right) / 2 - (c.cellLeft + c.cellRight) / 2)).toBeLessThan(1.5);

  // Columns A and B frozen (200 px): scrolled by 80 px, column C is 80 px under them and shows 20 px.
  await page.locator('allmende-sheet').evaluate((el) => {
    const wb = (el as unknown as { workbook: TestWorkbook }).workbook;
    wb.setFrozen(wb.sheetNames()[0]!, 0, 2);
  });
  await expect(page.locator('allmende-sheet .col-headers.frozen')).toBeVisible();
  await scrollTo(80);
  await expect.poll(async () => (await letter('C'))?.onTop).toBe(true);
  const covered = (await letter('C'))!;
  expect(covered.cellLeft).toBeLessThan(g.x + 52 + 200 - 60);
  expect(covered.x).toBeGreaterThanOrEqual(g.x + 52 + 200);
  expect(covered.right).toBeLessThanOrEqual(covered.cellRight);
  await page.screenshot({ path: '/tmp/sheet-header-letters.png', clip: { x: g.x, y: g.y, width: 500, height: 60 } });
  // Scrolled back, C is whole again and its letter returns to the middle.
  await scrollTo(0);
  await expect.poll(async () => {
    const l = await letter('C');
    // Centred in the cell's content box (its right border takes a pixel).
    return l ? Math.abs((l.x + l.right) / 2 - (l.cellLeft + l.cellRight) / 2) < 1.5 : null;
  }).toBe(true);
});

test('hiding and showing columns and rows: everyone sees it, the keyboard skips them, formulas still count them, undo takes it back', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const ada = await openSheet(await userContext(browser, 'Ada'), relay, 'hide');
  const bob = await openSheet(await userContext(browser, 'Bob'), relay, 'hide');
  for (const page of [ada, bob]) await setLang(page, 'en');
  await ada.locator('allmende-sheet').evaluate((el) => {
    const wb = (el as unknown as { workbook: TestWorkbook }).workbook;
    wb.setCells('Sheet1', 'A1', [['Item', 'Internal', 'Total'], [1, 2, '=SUM(A2:B2)'], [3, 4, '=SUM(A3:B3)']]);
  });
  for (const page of [ada, bob]) await expect(sheetCell(page, 'C3')).toHaveText('7');
  const nameBox = (page: Page) => page.locator('allmende-sheet [part~="name-box"]');
  const gapBefore = (page: Page, label: string) =>
    page.locator('allmende-sheet .hdr.gap-before .hdr-text', { hasText: new RegExp(`^${label}$`) });

  // Ada hides column B from the keyboard: Ctrl+Space selects the column, Shift+F10 opens the menu.
  await sheetCell(ada, 'B1').click();
  await ada.keyboard.press('Control+Space');
  await ada.keyboard.press('Shift+F10');
  await ada.getByRole('menuitem', { name: 'Hide column' }).click();
  for (const page of [ada, bob]) {
    await expect(sheetCell(page, 'B1')).toHaveCount(0);
    await expect(sheetCell(page, 'C1')).toHaveText('Total');
    await expect(gapBefore(page, 'C')).toHaveCount(1);
    // The hidden cells still count.
    await expect(sheetCell(page, 'C2')).toHaveText('3');
  }
  // Her active cell left the hidden column; arrows step over it both ways.
  await expect(nameBox(ada)).toHaveValue('C1');
  await sheetCell(ada, 'A2').click();
  await ada.keyboard.press('ArrowRight');
  await expect(nameBox(ada)).toHaveValue('C2');
  await ada.keyboard.press('ArrowLeft');
  await expect(nameBox(ada)).toHaveValue('A2');

  // Bob hides row 2, then Ada's undo brings back only her column.
  await sheetCell(bob, 'A2').click();
  await bob.keyboard.press('Shift+Space');
  await bob.keyboard.press('Shift+F10');
  await bob.getByRole('menuitem', { name: 'Hide row' }).click();
  for (const page of [ada, bob]) {
    await expect(sheetCell(page, 'A2')).toHaveCount(0);
    await expect(gapBefore(page, '3')).toHaveCount(1);
  }
  await sheetGrid(ada).focus();
  await ada.keyboard.press('Control+z');
  for (const page of [ada, bob]) {
    await expect(sheetCell(page, 'B1')).toHaveText('Internal');
    await expect(sheetCell(page, 'A2')).toHaveCount(0);
  }

  // Bob selects rows 1 to 3 across the hidden one and shows it again.
  await sheetCell(bob, 'A1').click();
  await bob.keyboard.press('Shift+ArrowDown');
  await expect(nameBox(bob)).toHaveValue('A1');
  await bob.keyboard.press('Shift+Space');
  await bob.keyboard.press('Shift+F10');
  await expect(bob.getByRole('menuitem', { name: 'Show hidden columns' })).toHaveCount(0);
  // Hiding would take away the two rows still shown, not the one hidden already.
  await expect(bob.getByRole('menuitem', { name: 'Hide 2 rows' })).toBeVisible();
  await bob.getByRole('menuitem', { name: 'Show hidden rows' }).click();
  for (const page of [ada, bob]) {
    await expect(sheetCell(page, 'A2')).toHaveText('1');
    await expect(page.locator('allmende-sheet .hdr.gap-before')).toHaveCount(0);
  }
});
