import { expect, test } from '../support/test.js';
import { cachedUpdateCount, documentText, editor, focusEnd, openDoc, status, userContext } from '../support/pages.js';

test('two people type at the same time and both see both texts and each other\'s cursor', async ({ browser, relay }) => {
  const ada = await userContext(browser, 'Ada');
  const bob = await userContext(browser, 'Bob');
  const pageA = await openDoc(ada, relay, 'together');
  const pageB = await openDoc(bob, relay, 'together');
  await focusEnd(pageA);
  await focusEnd(pageB);

  await Promise.all([
    pageA.keyboard.type('alpha bravo charlie delta ', { delay: 25 }),
    pageB.keyboard.type('xray yankee zulu whiskey ', { delay: 25 }),
  ]);

  const words = ['alpha', 'bravo', 'charlie', 'delta', 'xray', 'yankee', 'zulu', 'whiskey'];
  for (const page of [pageA, pageB]) {
    await expect.poll(async () => {
      const text = await documentText(page);
      return words.filter((word) => !text.includes(word));
    }).toEqual([]);
  }
  await expect.poll(async () => (await documentText(pageA)) === (await documentText(pageB))).toBe(true);

  // Each sees the other's caret, labelled with the other's name.
  await expect(pageA.locator('allmende-doc .ProseMirror-yjs-cursor', { hasText: 'Bob' })).toBeVisible();
  await expect(pageB.locator('allmende-doc .ProseMirror-yjs-cursor', { hasText: 'Ada' })).toBeVisible();
  await expect(pageA.locator('allmende-doc .ProseMirror-yjs-cursor', { hasText: 'Ada' })).toHaveCount(0);
});

test('undo takes back only my own typing', async ({ browser, relay }) => {
  const pageA = await openDoc(await userContext(browser, 'Ada'), relay, 'undo');
  const pageB = await openDoc(await userContext(browser, 'Bob'), relay, 'undo');
  await focusEnd(pageA);
  await pageA.keyboard.type('mine');
  await expect(editor(pageB)).toContainText('mine');
  await focusEnd(pageB);
  await pageB.keyboard.press('Enter');
  await pageB.keyboard.type('theirs');
  await expect(editor(pageA)).toContainText('theirs');

  // However often Ada undoes, only her own typing goes; Bob's stays.
  for (let i = 0; i < 4; i++) await pageA.keyboard.press('Control+z');
  // Compared without remote cursor labels, which sit inside the text they point at.
  // Ada's typing created the first paragraph, so her undo removes it with her text.
  for (const page of [pageA, pageB]) await expect.poll(() => documentText(page)).toBe('theirs');
  for (let i = 0; i < 4; i++) await pageA.keyboard.press('Control+Shift+z');
  for (const page of [pageA, pageB]) await expect.poll(() => documentText(page)).toBe('mine\ntheirs');
});

test('content survives a relay restart and is read back from SQLite', async ({ browser, relay }) => {
  const pageA = await openDoc(await userContext(browser, 'Ada'), relay, 'minutes/2026-11');
  await focusEnd(pageA);
  await pageA.keyboard.type('Minutes of the council meeting');
  await pageA.keyboard.press('Control+Alt+1');
  await pageA.keyboard.press('End');
  await pageA.keyboard.press('Enter');
  await pageA.keyboard.type('Present: everyone');
  await expect(editor(pageA).locator('h1')).toHaveText('Minutes of the council meeting');

  expect(await relay.stop()).toBe(0);
  await expect(status(pageA)).toHaveAttribute('data-status', 'offline');
  await relay.start();
  await expect(status(pageA)).toHaveAttribute('data-status', 'connected');
  await pageA.reload();
  await expect(editor(pageA)).toContainText('Present: everyone');

  // A browser that never saw the document has no offline cache: what it shows came from the relay's database.
  const fresh = await openDoc(await userContext(browser, 'Cleo'), relay, 'minutes/2026-11');
  await expect(editor(fresh).locator('h1')).toHaveText('Minutes of the council meeting');
  await expect(editor(fresh)).toContainText('Present: everyone');
});

test('after SIGKILL of the relay both editors reconnect and converge, losing nothing typed', async ({ browser, relay }) => {
  test.setTimeout(120_000); // three browsers, a crash and a restart: slow on a busy 2-core machine
  const pageA = await openDoc(await userContext(browser, 'Ada'), relay, 'crash');
  const pageB = await openDoc(await userContext(browser, 'Bob'), relay, 'crash');
  await focusEnd(pageA);
  await focusEnd(pageB);

  const wordsA = ['one', 'two', 'three', 'four', 'five', 'six'].map((w) => `a${w}`);
  const wordsB = ['one', 'two', 'three', 'four', 'five', 'six'].map((w) => `b${w}`);
  const typeWords = async (page: typeof pageA, words: string[], killAfter: number) => {
    for (const [i, word] of words.entries()) {
      await page.keyboard.type(`${word} `, { delay: 15 });
      if (i === killAfter) await killed;
    }
  };
  let kill!: () => void;
  const killed = new Promise<void>((resolve) => { kill = resolve; });
  const typing = Promise.all([typeWords(pageA, wordsA, 2), typeWords(pageB, wordsB, 2)]);
  // Kill while both are mid-sentence: the first words are typed, the rest come while the relay is down.
  await expect(editor(pageB)).toContainText('aone');
  await relay.kill();
  kill();
  await typing;
  await expect(status(pageA)).toHaveAttribute('data-status', 'offline');

  await relay.start();
  const hasEveryWord = async (page: typeof pageA) => {
    const text = await documentText(page);
    return [...wordsA, ...wordsB].filter((word) => !text.includes(word));
  };
  for (const page of [pageA, pageB]) {
    await expect(status(page)).toHaveAttribute('data-status', 'connected');
    await expect.poll(() => hasEveryWord(page)).toEqual([]);
  }
  await expect.poll(async () => (await documentText(pageA)) === (await documentText(pageB))).toBe(true);

  const fresh = await openDoc(await userContext(browser, 'Cleo'), relay, 'crash');
  await expect.poll(() => hasEveryWord(fresh)).toEqual([]);
});

test('a reload while the relay is down shows the cached text, and offline edits sync later', async ({ browser, relay }) => {
  const context = await userContext(browser, 'Ada');
  const page = await openDoc(context, relay, 'offline');
  await focusEnd(page);
  const cacheName = `allmende:${relay.wsUrl}/offline`;
  const rowsBefore = await cachedUpdateCount(page, cacheName);
  await page.keyboard.type('written online');
  // The service worker has cached the app shell, and IndexedDB has the text, before the relay goes away.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The offline cache stores a burst of typing as one row, at most 250 ms after it.
  await expect.poll(() => cachedUpdateCount(page, cacheName)).toBeGreaterThan(rowsBefore);
  await relay.stop();
  await page.reload();
  await expect(editor(page)).toContainText('written online');
  await expect(status(page)).toHaveAttribute('data-status', 'offline');
  await focusEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('written offline');

  await relay.start();
  await expect(status(page)).toHaveAttribute('data-status', 'connected');
  const other = await openDoc(await userContext(browser, 'Bob'), relay, 'offline');
  await expect(editor(other)).toContainText('written online');
  await expect(editor(other)).toContainText('written offline');
});

test('whatever the relay broadcast before a SIGKILL is on disk, even when every editor is gone', async ({ browser, relay }) => {
  const ada = await userContext(browser, 'Ada');
  const bob = await userContext(browser, 'Bob');
  const pageA = await openDoc(ada, relay, 'broadcast-durable');
  const pageB = await openDoc(bob, relay, 'broadcast-durable');
  await focusEnd(pageA);
  await pageA.keyboard.type('kept by the relay ', { delay: 10 });
  await expect(editor(pageB)).toContainText('kept by the relay');

  await relay.kill();
  // Nobody is left to resend anything: only the relay's database can bring the text back.
  await ada.close();
  await bob.close();
  await relay.start();
  const fresh = await openDoc(await userContext(browser, 'Cleo'), relay, 'broadcast-durable');
  await expect(editor(fresh)).toContainText('kept by the relay');
});

test('leaving a document takes the user\'s cursor away from everyone else', async ({ browser, relay }) => {
  const pageA = await openDoc(await userContext(browser, 'Ada'), relay, 'leaving');
  const pageB = await openDoc(await userContext(browser, 'Bob'), relay, 'leaving');
  await focusEnd(pageA);
  await pageA.keyboard.type('here');
  await expect(pageB.locator('allmende-doc .ProseMirror-yjs-cursor', { hasText: 'Ada' })).toBeVisible();
  // Back to the start page: the element is removed, its session destroyed.
  await pageA.getByTestId('home-link').click();
  await expect(pageA.locator('allmende-doc')).toHaveCount(0);
  await expect(pageB.locator('allmende-doc .ProseMirror-yjs-cursor', { hasText: 'Ada' })).toHaveCount(0);
  await expect(editor(pageB)).toContainText('here');
});
