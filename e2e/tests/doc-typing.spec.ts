import { expect, test, type Page } from '../support/test.js';
import { documentText, editor, focusEnd, openDoc, userContext } from '../support/pages.js';

// A typed character is painted before ProseMirror reads it (deferred-input.ts): the browser's own
// insertion is shown in the next frame, and ProseMirror reads it after that frame. The relay's
// messages wait meanwhile, and while the user types they go in after each keystroke's paint
// (Session.holdIncoming). These check that nothing typed is lost or misplaced on that path.

/** The editor's state as ProseMirror has it (reading it reads waiting text first), and whether text was waiting. */
function stateText(page: Page): Promise<{ waiting: boolean; text: string; bold: string }> {
  return page.evaluate(() => {
    interface View {
      domObserver: { flushingSoon: number };
      state: { doc: { textContent: string; descendants(f: (node: { isText: boolean; text?: string; marks: Array<{ type: { name: string } }> }) => void): void } };
    }
    const view = (document.querySelector('allmende-doc') as unknown as { view: View }).view;
    const waiting = view.domObserver.flushingSoon > -1;
    let bold = '';
    view.state.doc.descendants((node) => {
      if (node.isText && node.marks.some((mark) => mark.type.name === 'bold')) bold += node.text;
    });
    return { waiting, text: view.state.doc.textContent, bold };
  });
}

test('two people typing fast into the same paragraph lose nothing and keep their own order', async ({ browser, relay }) => {
  const pageA = await openDoc(await userContext(browser, 'Ada'), relay, 'same-line');
  const pageB = await openDoc(await userContext(browser, 'Bob'), relay, 'same-line');
  await focusEnd(pageA);
  await pageA.keyboard.type('Start ');
  await expect.poll(() => documentText(pageB)).toBe('Start ');
  await focusEnd(pageB);

  const letters = 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz';
  const digits = '0123456789'.repeat(5);
  await Promise.all([pageA.keyboard.type(letters, { delay: 8 }), pageB.keyboard.type(digits, { delay: 11 })]);

  await expect.poll(async () => (await documentText(pageA)) === (await documentText(pageB)) && (await documentText(pageA)).length === 6 + letters.length + digits.length).toBe(true);
  const text = await documentText(pageA);
  expect(text.startsWith('Start ')).toBe(true);
  // Each one's characters are all there, in the order typed (Yjs may interleave the two runs).
  expect(text.slice(6).replace(/[0-9]/g, '')).toBe(letters);
  expect(text.slice(6).replace(/[a-z]/g, '')).toBe(digits);
  // ProseMirror's state and the relay's copy say the same as the screen.
  expect((await stateText(pageA)).text).toBe(text);
  const pageC = await openDoc(await userContext(browser, 'Cem'), relay, 'same-line');
  await expect.poll(() => documentText(pageC)).toBe(text);
});

test('a character typed right before reading the state, a toolbar click, undo or removing the editor is kept', async ({ browser, relay }) => {
  const page = await openDoc(await userContext(browser, 'Ada'), relay, 'right-after');
  await focusEnd(page);

  // Right after each key the character is on screen and not read yet; whoever reads the state then gets it.
  // (A mutation observer made after the editor's runs right after the editor's own: text is waiting then.)
  await page.evaluate(() => {
    interface View { dom: HTMLElement; domObserver: { flushingSoon: number }; state: { doc: { textContent: string } } }
    const view = (document.querySelector('allmende-doc') as unknown as { view: View }).view;
    const seen: Array<{ waiting: boolean; shown: string; state: string }> = [];
    (window as unknown as { seen: typeof seen }).seen = seen;
    new MutationObserver(() => {
      const waiting = view.domObserver.flushingSoon > -1;
      seen.push({ waiting, shown: view.dom.textContent ?? '', state: view.state.doc.textContent });
    }).observe(view.dom, { childList: true, characterData: true, subtree: true });
  });
  await page.keyboard.type('quick', { delay: 30 });
  const seen = await page.evaluate(() => (window as unknown as { seen: Array<{ waiting: boolean; shown: string; state: string }> }).seen);
  // The path was taken: text typed into an existing text node waited for the frame.
  expect(seen.filter((record) => record.waiting).length).toBeGreaterThanOrEqual(3);
  for (const record of seen) expect(record.state).toBe(record.shown);
  expect((await stateText(page)).text).toBe('quick');

  // A toolbar button right after typing acts on the state with the typed text in it.
  await page.keyboard.type(' one');
  await page.getByRole('button', { name: 'Bold' }).click();
  await page.keyboard.type('two');
  await expect.poll(async () => (await stateText(page)).text).toBe('quick onetwo');
  expect((await stateText(page)).bold).toBe('two');

  // Undo right after typing takes the typed text back (changes closer than 500 ms make one undo step).
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await page.keyboard.type('undone');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await stateText(page)).text).toBe('quick onetwo');

  // Removing the editor right after a key still writes the character to the document and sends it.
  await page.keyboard.type(' kept');
  await page.evaluate(() => document.querySelector('allmende-doc')!.remove());
  const other = await openDoc(await userContext(browser, 'Bob'), relay, 'right-after');
  await expect.poll(() => documentText(other)).toBe('quick onetwo kept');
});

test('others\' edits keep arriving while someone types without a pause', async ({ browser, relay }) => {
  const pageA = await openDoc(await userContext(browser, 'Ada'), relay, 'busy-typist');
  const pageB = await openDoc(await userContext(browser, 'Bob'), relay, 'busy-typist');
  await focusEnd(pageA);
  await pageA.keyboard.type('Ada: ');
  await pageA.keyboard.press('Enter');
  await expect.poll(() => documentText(pageB)).toBe('Ada: \n');
  await editor(pageB).locator('p').last().click();
  await pageB.keyboard.type('Bob: ');

  // Ada types for about five seconds, a key every 60 ms; Bob writes once meanwhile.
  let adaDone = false;
  const adaTyping = (async () => {
    await editor(pageA).locator('p').first().click();
    await pageA.keyboard.press('End');
    await pageA.keyboard.type('the quick brown fox jumps over the lazy dog '.repeat(2), { delay: 60 });
    adaDone = true;
  })();
  await pageB.waitForTimeout(500);
  await pageB.keyboard.type('hello');
  // Bob's word shows at Ada's while she is still typing (her keystrokes let it in after each paint).
  await expect.poll(async () => (await documentText(pageA)).includes('Bob: hello'), { timeout: 3000 }).toBe(true);
  expect(adaDone).toBe(false);
  await adaTyping;
  await expect.poll(async () => (await documentText(pageA)) === (await documentText(pageB))).toBe(true);
  expect(await documentText(pageA)).toContain('the lazy dog the quick');
});
