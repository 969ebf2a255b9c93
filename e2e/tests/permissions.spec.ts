import { expect, test } from '../support/test.js';
import { RelayProcess, mintToken } from '../support/relay-process.js';
import { documentText, editor, focusEnd, status, userContext } from '../support/pages.js';

// A relay with authentication: tokens decide who may write, and the relay, not the browser,
// decides the name others see.
const secret = 'e2e-secret-that-is-long-enough-for-hs256';
let relay: RelayProcess;

test.beforeEach(async () => {
  relay = new RelayProcess({ args: ['--jwt-secret', secret] });
  await relay.start();
});

test.afterEach(async () => {
  await relay.stop();
});

test('a read-only user sees live edits, cannot type, and shows up under the token\'s name', async ({ browser }) => {
  const writerToken = mintToken({ secret, sub: 'u-ada', name: 'Ada Writer', access: ['council/*=write'] });
  const readerToken = mintToken({ secret, sub: 'u-rita', name: 'Rita Reader', access: ['council/*=read'] });

  const writer = await (await userContext(browser, 'Ada')).newPage();
  await writer.goto(`${relay.httpUrl}/doc/council/agenda#token=${writerToken}`);
  await expect(status(writer)).toHaveAttribute('data-status', 'connected');
  // The reader calls herself Mallory in her browser; the relay stamps the token's name instead.
  const reader = await (await userContext(browser, 'Mallory')).newPage();
  await reader.goto(`${relay.httpUrl}/doc/council/agenda#token=${readerToken}`);
  await expect(status(reader)).toHaveAttribute('data-status', 'connected');
  await expect(reader.locator('allmende-doc [part="access"]')).toHaveText('Read only');
  await expect(editor(reader)).toHaveAttribute('contenteditable', 'false');

  await focusEnd(writer);
  await writer.keyboard.type('Item 1: budget');
  await expect(editor(reader)).toContainText('Item 1: budget');

  // The reader tries anyway: nothing changes, locally or for anyone else.
  await editor(reader).click();
  await reader.keyboard.type('vandalism');
  await reader.keyboard.press('Enter');
  await writer.keyboard.type(', approved');
  await expect(editor(reader)).toContainText('Item 1: budget, approved');
  expect(await documentText(reader)).not.toContain('vandalism');
  expect(await documentText(writer)).not.toContain('vandalism');

  // Presence: the writer sees the reader under the token's name, never the self-chosen one.
  await expect(writer.locator('allmende-doc .ProseMirror-yjs-cursor', { hasText: 'Rita Reader' })).toBeVisible();
  await expect(writer.locator('allmende-doc .ProseMirror-yjs-cursor', { hasText: 'Mallory' })).toHaveCount(0);
});

test('without a valid token the document does not open', async ({ browser }) => {
  const page = await (await userContext(browser, 'Eve')).newPage();
  await page.goto(`${relay.httpUrl}/doc/council/agenda`);
  await expect(status(page)).toHaveAttribute('data-status', 'error');
  await expect(status(page)).toContainText(/not signed in/i);
  await expect(editor(page)).toHaveAttribute('contenteditable', 'false');

  const forged = mintToken({ secret: 'another-secret-of-sufficient-length-000', sub: 'u-eve', name: 'Eve', access: ['**=write'] });
  await page.goto(`${relay.httpUrl}/doc/council/agenda#token=${forged}`);
  await page.reload();
  await expect(status(page)).toHaveAttribute('data-status', 'error');
  await expect(status(page)).toContainText(/not signed in/i);
});
