import { expect } from '../support/test.js';
import { documentText, sheetValue } from '../support/pages.js';
import { demoUser, dropFile, fileTitles, openHome, test, waitOnline } from '../support/demo.js';

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//e2e//EN', 'BEGIN:VEVENT', 'UID:council@e2e', 'DTSTAMP:20260101T000000Z',
  'DTSTART:20261201T100000Z', 'DTEND:20261201T110000Z', 'SUMMARY:Council meeting', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

test('dropping a Markdown, a CSV and an iCalendar file opens each as a new file of its kind; a second user sees the content', async ({ browser, relay }) => {
  test.slow();
  const ada = await demoUser(browser, 'Ada');
  const home = await openHome(ada, relay);
  await expect.poll(() => fileTitles(home)).toHaveLength(3);

  await dropFile(home, 'Minutes.md', '# Minutes\n\nWe agreed on the budget.\n', 'text/markdown');
  await expect(home).toHaveURL(/\/doc\/doc-[a-z0-9]+$/);
  await waitOnline(home);
  await expect(home.getByTestId('breadcrumb-title')).toHaveText('Minutes');
  await expect.poll(() => documentText(home)).toBe('Minutes\nWe agreed on the budget.');
  const docUrl = home.url();

  await home.getByTestId('home-link').click();
  await dropFile(home, 'Budget 2027.csv', 'Item,Amount\nRent,1200\nTraining,450\n', 'text/csv');
  await expect(home).toHaveURL(/\/sheet\/sheet-[a-z0-9]+$/);
  await waitOnline(home);
  await expect.poll(() => sheetValue(home, 'B3')).toBe(450);

  await home.getByTestId('home-link').click();
  await dropFile(home, 'council.ics', ICS, 'text/calendar');
  await expect(home).toHaveURL(/\/calendar\/calendar-[a-z0-9]+$/);
  await waitOnline(home);
  await expect.poll(() => home.locator('allmende-calendar').evaluate((el) =>
    (el as unknown as { calendar: { listEvents(): Array<{ summary?: string }> } | null }).calendar?.listEvents().map((e) => e.summary))).toEqual(['Council meeting']);

  await home.getByTestId('home-link').click();
  await expect.poll(() => fileTitles(home)).toEqual(['council', 'Budget 2027', 'Minutes', 'Welcome to Allmende', 'Sample budget', 'Team calendar']);

  // The content reached the relay: another browser opens the dropped document.
  const ben = await demoUser(browser, 'Ben');
  const benPage = await ben.newPage();
  await benPage.goto(docUrl);
  await waitOnline(benPage);
  await expect.poll(() => documentText(benPage)).toBe('Minutes\nWe agreed on the budget.');
  await ada.close();
  await ben.close();
});

test('a malformed or unsupported file gives a clear message and creates nothing', async ({ browser, relay }) => {
  test.slow();
  const ada = await demoUser(browser, 'Ada');
  const home = await openHome(ada, relay);
  await expect.poll(() => fileTitles(home)).toHaveLength(3);

  await dropFile(home, 'broken.ods', 'this is not a zip archive');
  const notice = home.getByTestId('notice');
  await expect(notice).toContainText('“broken.ods” could not be imported, nothing was created. The file is damaged or incomplete (it is not a readable zip archive).');
  await dropFile(home, 'holiday.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await expect(notice).toContainText('“holiday.png” cannot be opened here');
  await dropFile(home, 'empty.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
  await expect(notice).toContainText('“empty.ics” could not be imported, nothing was created. The calendar file holds no events.');
  await expect(home).toHaveURL(`${relay.httpUrl}/`);
  await expect.poll(() => fileTitles(home)).toEqual(['Welcome to Allmende', 'Sample budget', 'Team calendar']);
  await ada.close();
});
