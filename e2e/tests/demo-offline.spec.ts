import { expect } from '../support/test.js';
import { documentText, editor } from '../support/pages.js';
import { connectionState, demoUser, openFileId, openHome, test, waitOnline } from '../support/demo.js';

test('the offline banner appears when the relay stops, edits made meanwhile sync when it returns', async ({ browser, relay }) => {
  test.slow();
  const ada = await demoUser(browser, 'Ada');
  const page = await openHome(ada, relay);
  await page.getByTestId('new-doc').click();
  await waitOnline(page);
  const id = openFileId(page);
  await editor(page).click();
  await page.keyboard.type('Before the outage.');

  await relay.stop();
  // First "reconnecting", then, when that takes a while, offline with the reassurance.
  await expect(connectionState(page)).toHaveAttribute('data-state', /reconnecting|offline/);
  const banner = page.getByTestId('offline-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveText('Offline: your edits are kept and will sync');
  await expect(connectionState(page)).toHaveAttribute('data-state', 'offline');

  await page.keyboard.press('Enter');
  await page.keyboard.type('Written offline.');

  await relay.start();
  await waitOnline(page);
  await expect(banner).toBeHidden();

  // Someone else opening the document now gets both paragraphs from the relay.
  const ben = await demoUser(browser, 'Ben');
  const benPage = await ben.newPage();
  await benPage.goto(`${relay.httpUrl}/doc/${id}`);
  await waitOnline(benPage);
  await expect.poll(() => documentText(benPage)).toBe('Before the outage.\nWritten offline.');
  await ada.close();
  await ben.close();
});
