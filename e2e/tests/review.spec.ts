import { expect, test, type Locator, type Page } from '../support/test.js';
import { mintToken } from '../support/relay-process.js';
import { editor, focusEnd, openDoc, selectedText, status, userContext } from '../support/pages.js';

// The review workflow end to end: comments and suggestions travel between two people through the
// real relay, and a person with the relay's `comment` role can comment but not edit.
// SCREENSHOT_DIR=/some/dir saves pictures of the panel in English and German there.

const screenshotDir = process.env['SCREENSHOT_DIR'];

/** The parts of a ProseMirror node these tests read inside the page. */
interface PageNode {
  readonly content: { readonly size: number };
  readonly marks: readonly { readonly type: { readonly name: string } }[];
  textBetween(from: number, to: number, blockSeparator: string): string;
  descendants(f: (node: PageNode) => void): void;
}

/** The ProseMirror document's text (blocks joined by newlines), read from the editor state, not the DOM. */
function modelText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc = (document.querySelector('allmende-doc') as unknown as { view: { state: { doc: PageNode } } }).view.state.doc;
    return doc.textBetween(0, doc.content.size, '\n');
  });
}

/** How many suggestion marks the document still has. */
function suggestionCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    const doc = (document.querySelector('allmende-doc') as unknown as { view: { state: { doc: PageNode } } }).view.state.doc;
    doc.descendants((node) => {
      count += node.marks.filter((mark) => mark.type.name === 'insertion' || mark.type.name === 'deletion').length;
    });
    return count;
  });
}

const panel = (page: Page): Locator => page.locator('allmende-doc [part="review"]');
const toolbarButton = (page: Page, name: string): Locator => page.locator('allmende-doc [part="toolbar"]').getByRole('button', { name, exact: true });
const thread = (page: Page, text: string): Locator => panel(page).locator('.thread', { hasText: text });
const suggestion = (page: Page, text: string): Locator => panel(page).locator('.suggestion', { hasText: text });

async function screenshot(page: Page, name: string): Promise<void> {
  if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/${name}.png`, fullPage: true });
}

test.describe('with an open relay', () => {

  test('one person comments and suggests, the other sees both live, replies, accepts one and rejects another', async ({ browser, relay }) => {
    test.setTimeout(240_000); // two browsers and a long session on a busy 2-core machine
    const pageA = await openDoc(await userContext(browser, 'Ada'), relay, 'review/minutes');
    const pageB = await openDoc(await userContext(browser, 'Bob'), relay, 'review/minutes');
    await pageA.setViewportSize({ width: 1280, height: 800 });
    await pageB.setViewportSize({ width: 1280, height: 800 });

    await focusEnd(pageA);
    await pageA.keyboard.type('The council meets on Monday');
    await pageA.keyboard.press('Enter');
    await pageA.keyboard.type('Agenda: budget');
    await expect.poll(() => modelText(pageB)).toBe('The council meets on Monday\nAgenda: budget');

    // Ada comments on "Monday" with the keyboard shortcut.
    await pageA.keyboard.press('ArrowUp');
    await pageA.keyboard.press('End');
    await pageA.keyboard.press('Control+Shift+ArrowLeft');
    // ProseMirror reads a selection made by the browser on its selectionchange event; wait for it, as a person's eyes would.
    await expect.poll(() => selectedText(pageA)).toBe('Monday');
    await pageA.keyboard.press('Control+Alt+m');
    const input = panel(pageA).getByRole('textbox', { name: 'Your comment' });
    await expect(input).toBeFocused();
    await expect(panel(pageA).locator('.new-comment .thread-quote')).toHaveText('Monday');
    await input.fill('Which Monday? @Bo');
    await expect(panel(pageA).getByRole('option', { name: 'Bob' })).toBeVisible();
    await input.press('Enter');
    await expect(input).toHaveValue('Which Monday? @Bob ');
    await panel(pageA).getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(thread(pageA, 'Which Monday?')).toBeVisible();

    // Bob sees the thread and its highlighted text without doing anything.
    await expect(thread(pageB, 'Which Monday?')).toBeVisible();
    await expect(thread(pageB, 'Which Monday?')).toContainText('Ada');
    await expect(pageB.locator('allmende-doc .ProseMirror .comment-range')).toHaveText('Monday');

    // Ada suggests: an insertion at the end and the deletion of "The ".
    await toolbarButton(pageA, 'Suggest changes').click();
    await expect(toolbarButton(pageA, 'Suggest changes')).toHaveAttribute('aria-pressed', 'true');
    await focusEnd(pageA);
    await pageA.keyboard.type(' and roads');
    await pageA.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i++) await pageA.keyboard.press('Delete');
    await expect.poll(() => modelText(pageA)).toBe('The council meets on Monday\nAgenda: budget and roads');
    await expect(pageA.locator('allmende-doc .ProseMirror del.suggestion')).toHaveText('The ');

    // Ada suggests bold for "budget": she drags over the word (a DOM selection, as a mouse makes it) and presses Ctrl+B.
    await editor(pageA).evaluate((root) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('budget') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'budget'.length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return;
      }
    });
    await expect.poll(() => selectedText(pageA)).toBe('budget');
    await pageA.keyboard.press('Control+b');
    await expect(pageA.locator('allmende-doc .ProseMirror span.suggestion-format')).toHaveText('budget');
    // Her cursor goes to the end of the first line, so its label on Bob's screen is not inside suggested text.
    await pageA.keyboard.press('Control+Home');
    await pageA.keyboard.press('End');

    await expect(suggestion(pageB, 'and roads')).toBeVisible();
    await expect(suggestion(pageB, 'The')).toBeVisible();
    await expect(suggestion(pageB, 'Format “budget”: bold')).toBeVisible();
    await expect(pageB.locator('allmende-doc .ProseMirror span.suggestion-format strong, allmende-doc .ProseMirror strong span.suggestion-format')).toHaveText('budget');
    await expect(pageB.locator('allmende-doc .ProseMirror ins.suggestion')).toHaveText(' and roads');
    await expect(pageB.locator('allmende-doc .ProseMirror del.suggestion')).toHaveText('The ');
    await screenshot(pageB, 'review-en');
    // Clicking suggested text picks its entry in the panel.
    await pageB.locator('allmende-doc .ProseMirror ins.suggestion').click();
    await expect(suggestion(pageB, 'and roads')).toHaveClass(/\bactive\b/);

    // Bob replies to Ada's comment.
    await thread(pageB, 'Which Monday?').locator('.thread-main').click();
    const reply = thread(pageB, 'Which Monday?').getByRole('textbox', { name: /Reply to Ada/ });
    await reply.fill('The 14th, @Ad');
    await expect(panel(pageB).getByRole('option', { name: 'Ada' })).toBeVisible();
    await reply.press('Enter');
    await expect(reply).toHaveValue('The 14th, @Ada ');
    await reply.press('Control+Enter');
    await expect(thread(pageA, 'Which Monday?').locator('.reply')).toContainText('The 14th, @Ada');

    // Bob rejects the bold: "budget" is plain again for both.
    await suggestion(pageB, 'Format “budget”').getByRole('button', { name: 'Reject' }).click();
    for (const page of [pageA, pageB]) {
      await expect(page.locator('allmende-doc .ProseMirror span.suggestion-format')).toHaveCount(0);
      await expect(page.locator('allmende-doc .ProseMirror strong')).toHaveCount(0);
    }

    // Bob accepts the insertion and rejects the deletion.
    await suggestion(pageB, 'and roads').getByRole('button', { name: 'Accept' }).click();
    await suggestion(pageB, 'The').getByRole('button', { name: 'Reject' }).click();
    const expected = 'The council meets on Monday\nAgenda: budget and roads';
    for (const page of [pageA, pageB]) {
      await expect.poll(() => suggestionCount(page)).toBe(0);
      await expect.poll(() => modelText(page)).toBe(expected);
    }
    // One Undo takes back Bob's rejection only (it is one undo step).
    await editor(pageB).click();
    await pageB.keyboard.press('Control+z');
    await expect.poll(() => suggestionCount(pageA)).toBe(1);
    // (Bob's cursor label may sit inside the marked text.)
    await expect(pageA.locator('allmende-doc .ProseMirror del.suggestion')).toContainText('The ');

    // Ada resolves the thread; Bob sees it resolved.
    await thread(pageA, 'Which Monday?').getByRole('button', { name: 'Resolve' }).click();
    await expect(panel(pageB).locator('.resolved-group summary')).toHaveText('One resolved comment');

    // The same panel in German.
    // The demo sets `lang` on the element itself, which wins over the page's.
    await pageB.evaluate(() => document.querySelector('allmende-doc')?.setAttribute('lang', 'de'));
    await expect(toolbarButton(pageB, 'Änderungen vorschlagen')).toBeVisible();
    await panel(pageB).locator('.resolved-group summary').click();
    await expect(panel(pageB)).toContainText('Erledigt von Ada');
    await screenshot(pageB, 'review-de');
  });
});

test.describe('with tokens', () => {
  const secret = 'e2e-secret-that-is-long-enough-for-hs256';
  test.use({ relayOptions: { args: ['--jwt-secret', secret] } });

  test('a person with the comment role comments and replies, but typing changes nothing', async ({ browser, relay }) => {
    test.setTimeout(180_000); // two browsers with tokens on a busy 2-core machine
    const writerToken = mintToken({ secret, sub: 'u-ada', name: 'Ada Writer', access: ['council/*=write'] });
    const reviewerToken = mintToken({ secret, sub: 'u-rita', name: 'Rita Reviewer', access: ['council/*=comment'] });
    const writer = await (await userContext(browser, 'Ada')).newPage();
    await writer.goto(`${relay.httpUrl}/doc/council/budget#token=${writerToken}`);
    await expect(status(writer)).toHaveAttribute('data-status', 'connected');
    await focusEnd(writer);
    await writer.keyboard.type('Budget');
    await writer.keyboard.press('Enter');
    await writer.keyboard.type('Roads and bridges');

    const reviewer = await (await userContext(browser, 'Rita')).newPage();
    await reviewer.goto(`${relay.httpUrl}/doc/council/budget#token=${reviewerToken}`);
    await expect(status(reviewer)).toHaveAttribute('data-status', 'connected');
    await expect(reviewer.locator('allmende-doc [part="access"]')).toHaveText('Comments only');
    await expect(editor(reviewer)).toHaveAttribute('contenteditable', 'false');
    await expect.poll(() => modelText(reviewer)).toBe('Budget\nRoads and bridges');
    await expect(toolbarButton(reviewer, 'Suggest changes')).toHaveAttribute('aria-disabled', 'true');

    // Rita selects a word with the mouse and comments on it from the toolbar.
    await reviewer.locator('allmende-doc .ProseMirror p', { hasText: 'Budget' }).dblclick({ position: { x: 12, y: 8 } });
    await toolbarButton(reviewer, 'Comment').click();
    await panel(reviewer).getByRole('textbox', { name: 'Your comment' }).fill('Which year?');
    await panel(reviewer).getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(thread(writer, 'Which year?')).toContainText('Rita Reviewer');
    await expect(writer.locator('allmende-doc .ProseMirror .comment-range')).toHaveText('Budget');

    // Ada answers, Rita replies to that.
    await thread(writer, 'Which year?').locator('.thread-main').click();
    await thread(writer, 'Which year?').getByRole('textbox').fill('2027');
    await thread(writer, 'Which year?').getByRole('button', { name: 'Reply' }).click();
    await expect(thread(reviewer, 'Which year?').locator('.reply')).toContainText('2027');
    await thread(reviewer, 'Which year?').locator('.thread-main').click();
    await thread(reviewer, 'Which year?').getByRole('textbox').fill('Thanks');
    await thread(reviewer, 'Which year?').getByRole('button', { name: 'Reply' }).click();
    await expect(thread(writer, 'Which year?').locator('.reply')).toHaveCount(2);
    // Ada cannot edit Rita's comment: no Edit button on it.
    await expect(thread(writer, 'Which year?').locator('.thread-main').getByRole('button', { name: 'Edit' })).toHaveCount(0);

    // Rita's typing changes nothing, for her or anyone.
    await editor(reviewer).click();
    await reviewer.keyboard.type('vandalism');
    await reviewer.keyboard.press('Enter');
    await focusEnd(writer);
    await writer.keyboard.type(', approved');
    await expect.poll(() => modelText(reviewer)).toBe('Budget\nRoads and bridges, approved');
    expect(await modelText(writer)).toBe('Budget\nRoads and bridges, approved');

    // A comment after that still reaches the writer (the relay never dropped one of Rita's updates).
    await thread(reviewer, 'Which year?').getByRole('button', { name: 'Resolve' }).click();
    await expect(panel(writer).locator('.resolved-group summary')).toHaveText('One resolved comment');
  });
});
