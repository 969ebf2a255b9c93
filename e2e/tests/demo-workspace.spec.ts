import { expect } from '../support/test.js';
import { documentText, editor, sheetCell, sheetGrid, sheetValue } from '../support/pages.js';
import { demoUser, fileRow, fileTitles, openFileId, openHome, test, waitOnline } from '../support/demo.js';

test('a newcomer finds the samples; a document, a sheet and a calendar created from the start page show up for a second user, who edits along', async ({ browser, relay }) => {
  test.slow();
  const ada = await demoUser(browser, 'Ada');
  const home = await openHome(ada, relay);
  // First start: a welcome document, a sample sheet and a sample calendar, created once.
  await expect.poll(() => fileTitles(home)).toEqual(['Welcome to Allmende', 'Sample budget', 'Team calendar']);

  // A document: created, opened with the breadcrumb, typed into.
  await home.getByTestId('new-doc').click();
  await expect(home).toHaveURL(/\/doc\/doc-[a-z0-9]+$/);
  const docId = openFileId(home);
  await expect(home.getByTestId('breadcrumb-title')).toHaveText('Untitled document');
  await waitOnline(home);
  await editor(home).click();
  await home.keyboard.type('Agenda for Monday');

  // Back to the start page by the breadcrumb; rename the document there.
  await home.getByTestId('home-link').click();
  await expect(home).toHaveURL(`${relay.httpUrl}/`);
  await fileRow(home, 'Untitled document').getByTestId('rename').click();
  const rename = home.getByTestId('rename-dialog');
  await expect(rename).toBeVisible();
  await home.getByTestId('rename-input').fill('');
  await home.getByTestId('rename-save').click();
  await expect(home.getByTestId('rename-error')).toHaveText('Enter a title.');
  await home.getByTestId('rename-input').fill('Minutes März');
  await home.getByTestId('rename-save').click();
  await expect(rename).toBeHidden();
  await expect(fileRow(home, 'Minutes März')).toHaveAttribute('data-file-id', docId);

  // A sheet and a calendar.
  await home.getByTestId('new-sheet').click();
  await expect(home).toHaveURL(/\/sheet\/sheet-[a-z0-9]+$/);
  await waitOnline(home);
  await home.getByTestId('home-link').click();
  await home.getByTestId('new-calendar').click();
  await expect(home).toHaveURL(/\/calendar\/calendar-[a-z0-9]+$/);
  await waitOnline(home);
  await home.getByTestId('home-link').click();
  await expect.poll(() => fileTitles(home)).toEqual(['Untitled calendar', 'Untitled sheet', 'Minutes März', 'Welcome to Allmende', 'Sample budget', 'Team calendar']);

  // Ben, in another browser, sees the same list, finds the document by searching without the umlaut, and edits along.
  const ben = await demoUser(browser, 'Ben');
  const benHome = await openHome(ben, relay);
  await expect.poll(() => fileTitles(benHome)).toEqual(await fileTitles(home));
  await benHome.getByTestId('search').fill('marz');
  await expect.poll(() => fileTitles(benHome)).toEqual(['Minutes März']);
  await benHome.getByTestId('file-link').click();
  await expect(benHome).toHaveURL(new RegExp(`/doc/${docId}$`));
  await waitOnline(benHome);
  await expect(editor(benHome)).toContainText('Agenda for Monday');
  await editor(benHome).click();
  await benHome.keyboard.press('Control+End');
  await benHome.keyboard.type(' and Tuesday');

  await home.getByTestId('file-link').getByText('Minutes März').click();
  await waitOnline(home);
  await expect.poll(() => documentText(home)).toBe('Agenda for Monday and Tuesday');
  // Both are in the presence strip.
  await expect(home.getByTestId('presence-strip').locator('allmende-avatar')).toHaveCount(2);

  // Ben's edit is recorded as the last change (written when he leaves the file at the latest).
  await benHome.getByTestId('home-link').click();
  await home.getByTestId('home-link').click();
  await expect(fileRow(home, 'Minutes März')).toContainText('by Ben');

  // The sheet: Ben (whose search still says "marz") clears the search, edits a cell, and Ada sees it.
  await benHome.getByTestId('search').fill('');
  await fileRow(benHome, 'Untitled sheet').getByTestId('file-link').click();
  await waitOnline(benHome);
  await sheetCell(benHome, 'A1').click();
  await benHome.keyboard.type('42');
  await benHome.keyboard.press('Enter');
  // Ben leaves; his edit becomes the sheet's last change and Ada's list re-sorts by it. She waits for that before she
  // picks the row, as a person would: clicking while the rows move can hit the row that moved into its place.
  await benHome.getByTestId('home-link').click();
  await expect(fileRow(home, 'Untitled sheet')).toContainText('by Ben');
  await fileRow(home, 'Untitled sheet').getByTestId('file-link').click();
  await waitOnline(home);
  await expect.poll(() => sheetValue(home, 'A1')).toBe(42);
  await expect(sheetGrid(home)).toBeVisible();

  await ada.close();
  await ben.close();
});

test('delete asks first, and sort by name and by last change', async ({ browser, relay }) => {
  test.slow();
  const ada = await demoUser(browser, 'Ada');
  const home = await openHome(ada, relay);
  await expect.poll(() => fileTitles(home)).toHaveLength(3);
  await home.getByTestId('sort').selectOption('name');
  await expect.poll(() => fileTitles(home)).toEqual(['Sample budget', 'Team calendar', 'Welcome to Allmende']);

  await fileRow(home, 'Team calendar').getByTestId('delete').click();
  const dialog = home.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Delete “Team calendar”?');
  // Cancel keeps it; confirming deletes it for everyone.
  await home.getByTestId('delete-cancel').click();
  await expect(dialog).toBeHidden();
  await expect(fileRow(home, 'Team calendar')).toBeVisible();
  await fileRow(home, 'Team calendar').getByTestId('delete').click();
  await home.getByTestId('delete-confirm').click();
  await expect.poll(() => fileTitles(home)).toEqual(['Sample budget', 'Welcome to Allmende']);

  // A reload (and a newcomer) does not bring the deleted sample back.
  const ben = await demoUser(browser, 'Ben');
  const benHome = await openHome(ben, relay);
  await expect.poll(() => fileTitles(benHome)).toEqual(['Welcome to Allmende', 'Sample budget']);
  await ada.close();
  await ben.close();
});

test('the file list holds still under the pointer and around keyboard focus while others change files', async ({ browser, relay }) => {
  test.slow();
  const ada = await demoUser(browser, 'Ada');
  const ben = await demoUser(browser, 'Ben');
  const home = await openHome(ada, relay);
  const benHome = await openHome(ben, relay);
  const samples = ['Welcome to Allmende', 'Sample budget', 'Team calendar'];
  await expect.poll(() => fileTitles(home)).toEqual(samples);
  await expect.poll(() => fileTitles(benHome)).toEqual(samples);
  const rename = async (from: string, to: string) => {
    await fileRow(benHome, from).getByTestId('rename').click();
    await benHome.getByTestId('rename-input').fill(to);
    await benHome.getByTestId('rename-save').click();
    // Ben's own list holds still while his pointer is on it too; he moves it away.
    await benHome.getByRole('heading', { level: 1 }).hover();
  };

  // Ada's pointer rests on the first row. Ben renames the last file, which makes it the latest change: for Ben it moves
  // to the top, for Ada the new title shows in its old place.
  await fileRow(home, 'Welcome to Allmende').getByTestId('file-link').hover();
  await rename('Team calendar', 'Team plan');
  await expect.poll(() => fileTitles(benHome)).toEqual(['Team plan', 'Welcome to Allmende', 'Sample budget']);
  await expect.poll(() => fileTitles(home)).toEqual(['Welcome to Allmende', 'Sample budget', 'Team plan']);
  // The pointer leaves the list: the order catches up.
  await home.getByRole('heading', { level: 1 }).hover();
  await expect.poll(() => fileTitles(home)).toEqual(['Team plan', 'Welcome to Allmende', 'Sample budget']);

  // The same for keyboard focus: Ada tabs into the list; it stays put, with focus on its file, until she tabs out.
  await home.getByTestId('search').focus();
  await home.keyboard.press('Tab');
  await home.keyboard.press('Tab');
  const firstLink = fileRow(home, 'Team plan').getByTestId('file-link');
  await expect(firstLink).toBeFocused();
  await rename('Sample budget', 'Budget 2027');
  await expect.poll(() => fileTitles(home)).toEqual(['Team plan', 'Welcome to Allmende', 'Budget 2027']);
  await expect(firstLink).toBeFocused();
  await home.keyboard.press('Shift+Tab');
  await expect.poll(() => fileTitles(home)).toEqual(['Budget 2027', 'Team plan', 'Welcome to Allmende']);
  await ada.close();
  await ben.close();
});
