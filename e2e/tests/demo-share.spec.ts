import { expect, type Page } from '../support/test.js';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { documentText, editor } from '../support/pages.js';
import { demoUser, fileRow, openHome, test, waitOnline } from '../support/demo.js';

/** Opens the Share dialog, picks `access` and returns the link it makes. */
async function shareLink(page: Page, access: 'read' | 'comment' | 'write'): Promise<string> {
  await page.getByTestId('share').click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId(`share-${access}`).check();
  await page.getByTestId('share-copy').click();
  const link = page.getByTestId('share-link');
  await expect(link).toHaveValue(/#token=/);
  const value = await link.inputValue();
  await page.getByTestId('share-close').click();
  await expect(dialog).toBeHidden();
  return value;
}

test('a read link opens the document read-only: the reader cannot change it, a write link can', async ({ browser, relay }) => {
  test.slow();
  const ada = await demoUser(browser, 'Ada');
  const home = await openHome(ada, relay);
  await fileRow(home, 'Welcome to Allmende').getByTestId('file-link').click();
  await waitOnline(home);
  await expect(editor(home)).toContainText('Welcome to Allmende');
  const before = await documentText(home);

  const readLink = await shareLink(home, 'read');
  expect(readLink).toMatch(new RegExp(`^${relay.httpUrl}/doc/welcome#token=`));

  const rita = await demoUser(browser, 'Rita');
  const reader = await rita.newPage();
  await reader.goto(readLink);
  await waitOnline(reader);
  await expect(editor(reader)).toHaveAttribute('aria-readonly', 'true');
  await expect(reader.locator('allmende-doc [part~="access"]')).toBeVisible();
  await editor(reader).click();
  await reader.keyboard.type('REWRITTEN BY A READER');
  // The reader's editor refuses the keystrokes, and nothing reaches Ada.
  expect(await documentText(reader)).toBe(before);

  // Bypassing the UI does not help: a y-websocket client with the read token writes, and the relay drops it.
  const token = new URL(readLink).hash.slice('#token='.length);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(relay.wsUrl, 'welcome', doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: decodeURIComponent(token) },
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  doc.getXmlFragment('content').insert(0, [new Y.XmlText('FORCED BY A READER')]);
  await expect.poll(() => relay.output).toMatch(/dropped an update from anonymous \(read\) to \\?"welcome/);
  provider.destroy();
  doc.destroy();

  const writeLink = await shareLink(home, 'write');
  const wes = await demoUser(browser, 'Wes');
  const writer = await wes.newPage();
  await writer.goto(writeLink);
  await waitOnline(writer);
  await expect(editor(writer)).toHaveAttribute('contenteditable', 'true');
  await editor(writer).click();
  await writer.keyboard.press('Control+End');
  await writer.keyboard.type(' Edited by Wes.');
  await expect.poll(() => documentText(home)).toContain('Edited by Wes.');
  expect(await documentText(home)).not.toMatch(/REWRITTEN|FORCED/);
  await ada.close();
  await rita.close();
  await wes.close();
});
