import { expect, test } from '../support/test.js';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { WebSocket } from 'ws';
import { editor, focusEnd, openDoc, userContext } from '../support/pages.js';

test('the stock y-websocket client in Node syncs with a document edited in the browser', async ({ browser, relay }) => {
  const page = await openDoc(await userContext(browser, 'Ada'), relay, 'stock');
  await focusEnd(page);
  await page.keyboard.type('typed in Chromium');

  const doc = new Y.Doc();
  const provider = new WebsocketProvider(relay.wsUrl, 'stock', doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
  try {
    const fragment = doc.getXmlFragment('content');
    await expect.poll(() => fragment.toString()).toContain('typed in Chromium');

    // And back: a paragraph written by the Node client appears in the browser.
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('written from Node')]);
    fragment.push([paragraph]);
    await expect(editor(page)).toContainText('written from Node');
  } finally {
    provider.destroy();
    doc.destroy();
  }
});
