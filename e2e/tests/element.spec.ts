import { expect, test, type Page } from '../support/test.js';
import { RelayProcess, elementHarness } from '../support/relay-process.js';
import { cachedUpdateCount, editor, selectedText } from '../support/pages.js';
import type { AllmendeDoc } from '@allmende/doc';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

// <allmende-doc> on a bare page, with the host owning the Y.Doc and Awareness: the element must
// leave them exactly as it found them, and report only the local user's edits.

type Host = { doc: Y.Doc; awareness: Awareness; element: AllmendeDoc; changes: number };
declare global {
  interface Window {
    host: Host;
  }
}

let relay: RelayProcess;

test.beforeEach(async ({ page }) => {
  relay = new RelayProcess({ staticDir: elementHarness });
  await relay.start();
  await page.goto(relay.httpUrl);
  await page.waitForFunction(() => window.harness !== undefined);
});

test.afterEach(async () => {
  await relay.stop();
});

async function mountWithHostDoc(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const { Y, Awareness } = window.harness;
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    const element = document.createElement('allmende-doc');
    element.ydoc = doc;
    element.awareness = awareness;
    element.setAttribute('user-name', 'Host user');
    const host: Host = { doc, awareness, element, changes: 0 };
    element.addEventListener('allmende-change', () => { host.changes++; });
    window.host = host;
    document.getElementById('stage')!.append(element);
    await element.updateComplete;
  });
  await expect(editor(page)).toBeVisible();
}

const counts = (page: Page) => page.evaluate(() => {
  const { listenerCounts, typeListenerCounts } = window.harness;
  const { doc, awareness } = window.host;
  return { doc: listenerCounts(doc), awareness: listenerCounts(awareness), content: typeListenerCounts(doc.getXmlFragment('content')) };
});

test('removing the element leaves the host\'s Y.Doc and Awareness with the listeners they started with', async ({ page }) => {
  const before = await page.evaluate(() => {
    const { Y, Awareness, listenerCounts, typeListenerCounts } = window.harness;
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    window.host = { doc, awareness } as Host;
    return { doc: listenerCounts(doc), awareness: listenerCounts(awareness), content: typeListenerCounts(doc.getXmlFragment('content')) };
  });
  await page.evaluate(async () => {
    const element = document.createElement('allmende-doc');
    element.ydoc = window.host.doc;
    element.awareness = window.host.awareness;
    window.host.element = element;
    document.getElementById('stage')!.append(element);
    await element.updateComplete;
  });
  await editor(page).click();
  await page.keyboard.type('some text');
  await page.keyboard.press('Control+z');
  const mounted = await counts(page);
  expect(mounted).not.toEqual(before);

  // Moving the element re-binds it; it still edits the same doc.
  await page.evaluate(() => document.body.append(window.host.element));
  await editor(page).click();
  await page.keyboard.type('moved');
  expect(await page.evaluate(() => window.host.doc.getXmlFragment('content').toString())).toContain('moved');

  await page.evaluate(() => window.host.element.remove());
  expect(await counts(page)).toEqual(before);
  expect(await page.evaluate(() => window.host.doc.isDestroyed)).toBe(false);
  expect(await page.evaluate(() => window.host.doc.getXmlFragment('content').toString())).toContain('moved');
});

test('allmende-change fires for the user\'s own edits, not for content arriving from others', async ({ page }) => {
  await mountWithHostDoc(page);
  await editor(page).click();
  await page.keyboard.type('mine');
  const afterTyping = await page.evaluate(() => window.host.changes);
  expect(afterTyping).toBeGreaterThan(0);

  await page.evaluate(() => {
    const { Y } = window.harness;
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(window.host.doc));
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('from someone else')]);
    remote.getXmlFragment('content').push([paragraph]);
    Y.applyUpdate(window.host.doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(window.host.doc)), 'remote');
  });
  await expect(editor(page)).toContainText('from someone else');
  expect(await page.evaluate(() => window.host.changes)).toBe(afterTyping);
});

test('formatting from the toolbar and the keyboard, with the toolbar showing the state', async ({ page }) => {
  await mountWithHostDoc(page);
  const bold = page.getByRole('button', { name: 'Bold' });
  await editor(page).click();
  await page.keyboard.type('Agenda');
  await page.keyboard.press('Control+Alt+1');
  await expect(editor(page).locator('h1')).toHaveText('Agenda');
  await expect(page.getByRole('combobox', { name: 'Paragraph style' })).toHaveValue('heading-1');

  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- first item');
  await expect(editor(page).locator('ul > li')).toHaveText('first item');
  await expect(page.getByRole('button', { name: 'Bulleted list' })).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.press('Shift+Home');
  await expect.poll(() => selectedText(page)).toBe('first item');
  await bold.click();
  await expect(editor(page).locator('li strong')).toHaveText('first item');
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+i');
  await expect(editor(page).locator('li em')).toHaveText('first item');

  // The toolbar is reachable by keyboard: Alt+F10 enters it, arrows move, Enter acts, Escape returns.
  await page.keyboard.press('Alt+F10');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  const italic = page.getByRole('button', { name: 'Italic' });
  for (let i = 0; i < 10 && !(await italic.evaluate((el) => el.matches(':focus'))); i++) await page.keyboard.press('ArrowRight');
  await expect(italic).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor(page).locator('li em')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(editor(page)).toBeFocused();
  await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
});

test('a session on a host-owned Y.Doc, with its IndexedDB cache, leaves no listener behind after destroy()', async ({ page }) => {
  const wsUrl = relay.wsUrl;
  const result = await page.evaluate(async (relayUrl) => {
    const { Y, connect, listenerCounts } = window.harness;
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'host content');
    const before = listenerCounts(doc);
    const session = connect({ relay: relayUrl, document: 'cache-listeners', doc, user: { name: 'Host', color: '#225588' } });
    await Promise.all([session.whenSynced, session.whenLoaded]);
    doc.getText('t').insert(0, 'more ');
    const during = listenerCounts(doc);
    session.destroy();
    return { before, during, after: listenerCounts(doc), destroyed: doc.isDestroyed, text: doc.getText('t').toString() };
  }, wsUrl);
  expect(result.during).not.toEqual(result.before);
  expect(result.after).toEqual(result.before);
  expect(result.destroyed).toBe(false);
  expect(result.text).toBe('more host content');
  // The cache really was in play: IndexedDB holds the document.
  expect(await cachedUpdateCount(page, `allmende:${wsUrl}/cache-listeners`)).toBeGreaterThan(0);
});

test('edits made just before the page is left are in the IndexedDB cache after a reload (stored on pagehide)', async ({ page }) => {
  const wsUrl = relay.wsUrl;
  await page.evaluate(async (relayUrl) => {
    const { Y, connect } = window.harness;
    const doc = new Y.Doc();
    const session = connect({ relay: relayUrl, document: 'cache-pagehide', doc });
    await Promise.all([session.whenSynced, session.whenLoaded]);
    const text = doc.getText('t');
    for (const ch of 'typed just before leaving') text.insert(text.length, ch);
    // No waiting: the cache stores edits a moment later, so these are still pending when the page goes.
  }, wsUrl);
  await page.reload();
  await page.waitForFunction(() => window.harness !== undefined);
  // Read the cache straight from IndexedDB (the relay is not asked): apply every stored update to a new Y.Doc.
  const cached = await page.evaluate((name) => new Promise<string>((resolve, reject) => {
    const { Y } = window.harness;
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('updates').objectStore('updates').getAll();
      all.onsuccess = () => {
        db.close();
        const doc = new Y.Doc();
        for (const update of all.result as Uint8Array[]) Y.applyUpdate(doc, update);
        resolve(doc.getText('t').toString());
      };
      all.onerror = () => { db.close(); reject(all.error); };
    };
  }), `allmende:${wsUrl}/cache-pagehide`);
  expect(cached).toBe('typed just before leaving');
});
