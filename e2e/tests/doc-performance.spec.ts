import { expect, test, type Browser, type Page } from '../support/test.js';
import type { RelayProcess } from '../support/relay-process.js';
import { documentText, editor, openDoc, selectedText, userContext } from '../support/pages.js';

// Off-screen blocks of a long document are not rendered (content-visibility: auto, and not displayed beyond a
// window around the viewport: block-visibility.ts, visibility-window.ts);
// the blocks holding the caret always are. These check that the caret still lands where the user
// types: in blocks Enter just created, after jumps to either end, and after scrolling and clicking.

/** The parts of the element's ProseMirror view used here (prosemirror-view is not a dependency of the e2e package). */
interface EditorView {
  readonly state: {
    readonly schema: { nodes: Record<string, { create(attrs: null, content: unknown): unknown }>; text(text: string): unknown };
    readonly doc: { readonly content: { readonly size: number } };
    readonly selection: { readonly $head: { readonly pos: number; readonly parentOffset: number; index(depth: number): number; before(depth: number): number } };
    readonly tr: { replaceWith(from: number, to: number, content: unknown[]): unknown };
  };
  dispatch(tr: unknown): void;
  nodeDOM(pos: number): Node | null;
  coordsAtPos(pos: number): { top: number; bottom: number };
}

/** Fills the document with `count` paragraphs of a few lines each, as one local edit. */
async function fillLongDocument(page: Page, count: number): Promise<void> {
  await page.evaluate((paragraphs) => {
    const element = document.querySelector('allmende-doc') as unknown as { view: EditorView };
    const { state } = element.view;
    const schema = state.schema;
    const text = 'The council reviewed the draft budget for the district library and asked for a revised plan. ';
    const blocks = Array.from({ length: paragraphs }, (_, n) => schema.nodes['paragraph']!.create(null, schema.text(`Paragraph ${n + 1}. ${text.repeat(3)}`)));
    element.view.dispatch(state.tr.replaceWith(0, state.doc.content.size, blocks));
  }, count);
}

/** Ada fills `name` with `count` paragraphs; Bob opens it and has them all. */
async function shareLongDocument(browser: Browser, relay: RelayProcess, name: string, count: number): Promise<{ ada: Page; bob: Page }> {
  const ada = await openDoc(await userContext(browser, 'Ada'), relay, name);
  await editor(ada).click();
  await fillLongDocument(ada, count);
  const bob = await openDoc(await userContext(browser, 'Bob'), relay, name);
  await expect(editor(bob).locator('p')).toHaveCount(count);
  return { ada, bob };
}

/** The text of the top-level block holding the selection, whether that block is marked active, and whether the caret is on screen inside it. */
async function caretBlock(page: Page): Promise<{ text: string; offset: number; active: boolean; caretInBlock: boolean; caretOnScreen: boolean; index: number }> {
  return page.evaluate(() => {
    const element = document.querySelector('allmende-doc') as unknown as { view: EditorView; shadowRoot: ShadowRoot };
    const { view } = element;
    const $head = view.state.selection.$head;
    const index = $head.index(0);
    const block = view.nodeDOM($head.before(1)) as HTMLElement;
    const caret = view.coordsAtPos($head.pos);
    const box = block.getBoundingClientRect();
    const scroller = element.shadowRoot.querySelector('.scroller')!.getBoundingClientRect();
    return {
      text: block.textContent ?? '',
      offset: $head.parentOffset,
      active: block.classList.contains('allmende-active-block'),
      caretInBlock: caret.top >= box.top - 1 && caret.bottom <= box.bottom + 1,
      caretOnScreen: caret.top >= scroller.top - 1 && caret.bottom <= scroller.bottom + 1,
      index,
    };
  });
}

/**
 * Scrolls the text so that the point `fraction` of the way down it is in the middle of the window, as the scrollbar
 * does (without the blocks there, which need not be displayed).
 */
async function scrollToFraction(page: Page, fraction: number): Promise<void> {
  await page.evaluate((part) => {
    const root = document.querySelector('allmende-doc')!.shadowRoot!;
    const text = root.querySelector('.ProseMirror')!.getBoundingClientRect();
    const point = text.top + text.height * part;
    // The demo's element grows with its text, so the page scrolls; a host may give it a height of its own.
    const scroller = root.querySelector('.scroller')!;
    if (scroller.scrollHeight > scroller.clientHeight + 1) scroller.scrollTop += point - scroller.getBoundingClientRect().top - scroller.clientHeight / 2;
    else window.scrollBy(0, point - window.innerHeight / 2);
  }, fraction);
}

test('in a long document the caret lands in new blocks, after jumps and after scrolling, and off-screen blocks are skipped', async ({ browser, relay }) => {
  const page = await openDoc(await userContext(browser, 'Ada'), relay, 'long-report');
  await editor(page).click();
  await fillLongDocument(page, 400);
  await expect(editor(page).locator('p')).toHaveCount(400);

  /** How block `n` (0-based) is shown: its `display` and `content-visibility`. */
  const shownAs = (indexes: number[]) =>
    page.evaluate((wanted) => {
      const blocks = document.querySelector('allmende-doc')!.shadowRoot!.querySelectorAll('.ProseMirror > p');
      return wanted.map((index) => `${getComputedStyle(blocks[index]!).display} ${getComputedStyle(blocks[index]!).contentVisibility}`);
    }, indexes);
  const activeBlocks = () => page.evaluate(() => document.querySelector('allmende-doc')!.shadowRoot!.querySelectorAll('.ProseMirror > .allmende-active-block').length);

  // Blocks off screen are not rendered: those near the viewport are left to the browser (`auto`), those
  // further away are skipped (visibility-window.ts); the caret's block is always rendered. The caret is in the
  // last block here, so everything up to it stays displayed.
  // (Polled here and below: the active block is marked after the view updates, which a loaded machine delays.)
  await expect.poll(() => shownAs([50, 300, 399])).toEqual(['block auto', 'block hidden', 'block visible']);
  await expect.poll(activeBlocks).toBe(1);

  // Jump to the end, make new blocks with Enter and type into each at once.
  await page.keyboard.press('Control+End');
  for (const word of ['alpha', 'beta', 'gamma']) {
    await page.keyboard.press('Enter');
    await page.keyboard.type(word);
    await expect.poll(() => caretBlock(page)).toMatchObject({ text: word, active: true, caretInBlock: true, caretOnScreen: true });
  }
  await expect(editor(page).locator('p').last()).toHaveText('gamma');

  // Back to the start: typing goes to the first block.
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('Start: ');
  await expect.poll(() => caretBlock(page)).toMatchObject({ index: 0, active: true, caretInBlock: true, caretOnScreen: true });
  await expect(editor(page).locator('p').first()).toHaveText(/^Start: Paragraph 1\. /);
  // Caret and viewport at the start: the blocks far below are not displayed, and a box after the blocks takes their room.
  await expect.poll(() => shownAs([50, 300, 402])).toEqual(['block auto', 'none auto', 'none auto']);
  expect(
    await page.evaluate(() => {
      const root = document.querySelector('allmende-doc')!.shadowRoot!;
      const paragraph = root.querySelector('.ProseMirror > p:nth-child(50)')!.getBoundingClientRect().height;
      return parseFloat(getComputedStyle(root.querySelector('.ProseMirror')!, '::after').height) / paragraph;
    }),
  ).toBeGreaterThan(250);
  // Printed, every block is laid out, with no room kept for hidden ones.
  await page.emulateMedia({ media: 'print' });
  expect((await shownAs([300, 402])).map((shown) => shown.split(' ')[0])).toEqual(['block', 'block']);
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('allmende-doc')!.shadowRoot!.querySelector('.ProseMirror')!, '::after').content)).toBe('none');
  await page.emulateMedia({ media: 'screen' });

  // Scroll to the middle without moving the caret, as the scrollbar does (the blocks there are not displayed yet:
  // boxes before and after the blocks take their room), then click into a block there and type. The paragraphs are about equally tall.
  await scrollToFraction(page, 199.5 / 400);
  const target = editor(page).locator('p:nth-child(200)');
  await expect(target).toBeInViewport();
  // The window of rendered blocks followed the scroll: the blocks around the viewport are rendered, those between
  // it and the caret's block are displayed but skipped, those beyond are not displayed.
  await expect.poll(() => shownAs([0, 20, 190, 199, 210, 395])).toEqual(['block visible', 'block hidden', 'block auto', 'block auto', 'block auto', 'none auto']);
  const box = (await target.boundingBox())!;
  await page.mouse.click(box.x + 5, box.y + 5);
  await page.keyboard.press('Home');
  await page.keyboard.type('Middle: ');
  await expect(target).toHaveText(/^Middle: Paragraph 200\. /);
  await expect.poll(() => caretBlock(page)).toMatchObject({ index: 199, active: true, caretInBlock: true, caretOnScreen: true });

  // Enter at the end of the first line splits the clicked block, and typing continues at the start of the new one.
  await page.keyboard.press('End');
  // The browser moves the caret to the line's end; ProseMirror reads it on selectionchange.
  await expect.poll(async () => (await caretBlock(page)).offset).toBeGreaterThan('Middle: Paragraph 200. '.length);
  await page.keyboard.press('Enter');
  await page.keyboard.type('inserted ');
  await expect.poll(() => caretBlock(page)).toMatchObject({ offset: 'inserted '.length, index: 200, active: true, caretInBlock: true, caretOnScreen: true });
  expect((await caretBlock(page)).text).toMatch(/^inserted \S/);
  await expect(editor(page).locator('p:nth-child(201)')).toHaveText(/^inserted /);
  await expect(target).toHaveText(/^Middle: Paragraph 200\. /);

  // The first block is no longer active, and only the caret's block is; with the caret here, the blocks at the
  // start are no longer displayed.
  await expect.poll(activeBlocks).toBe(1);
  await expect.poll(() => shownAs([0, 20, 195])).toEqual(['none auto', 'none auto', 'block auto']);
});

// Others' edits away from the caret are applied without reading the DOM selection again (remote-dispatch.ts), and
// keeping the caret in view after edits above it waits for the next frame: the caret, a selection and typing must
// come through both unchanged.
test('others typing above and below keep the caret and a selection where they are, and the caret on screen', async ({ browser, relay }) => {
  const { ada, bob } = await shareLongDocument(browser, relay, 'long-shared', 60);

  // Ada's caret at the end of paragraph 30, which sits at the bottom of her window.
  await ada.evaluate(() => {
    document.querySelector('allmende-doc')!.shadowRoot!.querySelector('.ProseMirror > p:nth-child(30)')!.scrollIntoView({ block: 'end' });
  });
  const adaTarget = editor(ada).locator('p:nth-child(30)');
  const box = (await adaTarget.boundingBox())!;
  await ada.mouse.click(box.x + box.width - 5, box.y + box.height - 8);
  await ada.keyboard.press('End');
  await ada.keyboard.type(' Ada one.');
  await expect(adaTarget).toHaveText(/ Ada one\.$/);
  await expect.poll(() => caretBlock(ada)).toMatchObject({ index: 29, caretInBlock: true, caretOnScreen: true });

  /** Bob types `text` at the start of paragraph `n` (1-based), then presses Enter `enters` times. */
  const bobTypes = async (n: number, text: string, enters = 0): Promise<void> => {
    await bob.evaluate((child) => {
      document.querySelector('allmende-doc')!.shadowRoot!.querySelector(`.ProseMirror > p:nth-child(${child})`)!.scrollIntoView({ block: 'center' });
    }, n);
    const paragraph = editor(bob).locator(`p:nth-child(${n})`);
    const at = (await paragraph.boundingBox())!;
    await bob.mouse.click(at.x + 5, at.y + 5);
    await bob.keyboard.press('Home');
    await bob.keyboard.type(text);
    for (let i = 0; i < enters; i++) await bob.keyboard.press('Enter');
  };

  // Bob types into a paragraph above Ada's caret (on her screen) and below it, and adds blocks above it.
  await bobTypes(27, 'Bob above. ', 6);
  await bobTypes(40, 'Bob below. ');
  await expect(editor(ada).locator('p:nth-child(27)')).toHaveText(/^Bob above\. /);
  await expect(editor(ada).locator('p')).toHaveCount(66);
  // Ada's caret is still at the end of her paragraph (now the 36th) and on screen; her typing lands there.
  await expect.poll(() => caretBlock(ada)).toMatchObject({ index: 35, caretInBlock: true, caretOnScreen: true });
  await ada.keyboard.type(' Ada two.');
  await expect(editor(ada).locator('p:nth-child(36)')).toHaveText(/ Ada one\. Ada two\.$/);
  // (Bob's page shows Ada's caret label inside her paragraph: compare its text without it.)
  const bobsParagraph = async (n: number): Promise<string> => (await documentText(bob)).split('\n')[n - 1] ?? '';
  await expect.poll(() => bobsParagraph(36)).toMatch(/ Ada one\. Ada two\.$/);

  // A selection made by Ada survives Bob's edits elsewhere, and a command acts on it.
  await ada.keyboard.press('Shift+Home');
  await expect.poll(() => selectedText(ada)).not.toBe('');
  const selected = await selectedText(ada);
  await bobTypes(20, 'More from Bob. ');
  await bobTypes(50, 'And more. ');
  await expect(editor(ada).locator('p:nth-child(50)')).toHaveText(/^And more\. /);
  expect(await selectedText(ada)).toBe(selected);
  await ada.keyboard.press('Control+b');
  await expect(editor(ada).locator('p:nth-child(36) strong')).toHaveText(selected);
  await expect.poll(() => editor(bob).locator('p:nth-child(36) strong').evaluate((strong) => {
    const copy = strong.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((label) => label.remove());
    return copy.textContent;
  })).toBe(selected);
});

// In a long document the blocks far from the viewport are not displayed, and the rule that hides them goes by
// child index: others adding blocks above the viewport, typing in hidden blocks and keeping their cursor there
// must leave the viewport, the caret and typing where they are.
test('in a long document others adding blocks above and typing where nothing is displayed move nothing on screen', async ({ browser, relay }) => {
  const { ada, bob } = await shareLongDocument(browser, relay, 'long-hidden', 400);

  // Ada reads and types in the middle.
  await scrollToFraction(ada, 199.5 / 400);
  const adaParagraph = editor(ada).locator('p', { hasText: /Paragraph 200\. / });
  await expect(adaParagraph).toBeInViewport();
  const at = (await adaParagraph.boundingBox())!;
  await ada.mouse.click(at.x + 5, at.y + 5);
  await ada.keyboard.press('Home');
  await ada.keyboard.type('Ada: ');
  await expect(adaParagraph).toHaveText(/^Ada: Paragraph 200\. /);
  const before = (await adaParagraph.boundingBox())!.y;

  // Bob adds 30 paragraphs at the start, where Ada's editor displays nothing.
  await bob.evaluate(() => {
    const element = document.querySelector('allmende-doc') as unknown as { view: EditorView };
    const { state } = element.view;
    const blocks = Array.from({ length: 30 }, (_, n) => state.schema.nodes['paragraph']!.create(null, state.schema.text(`Added by Bob ${n + 1}.`)));
    element.view.dispatch(state.tr.replaceWith(0, 0, blocks));
  });
  await expect(editor(ada).locator('p')).toHaveCount(430);
  // Ada's paragraph (now the 230th) stays where it was on her screen, with her caret in it.
  await expect.poll(async () => Math.abs((await adaParagraph.boundingBox())!.y - before)).toBeLessThan(3);
  await expect.poll(() => caretBlock(ada)).toMatchObject({ index: 229, caretInBlock: true, caretOnScreen: true });
  const displays = () =>
    ada.evaluate(() => [...document.querySelector('allmende-doc')!.shadowRoot!.querySelectorAll('.ProseMirror > p')].map((block) => getComputedStyle(block).display));
  // The blocks displayed are still those around her paragraph.
  await expect.poll(async () => (await displays()).slice(225, 235).every((display) => display === 'block')).toBe(true);
  expect((await displays())[0]).toBe('none');

  // Bob types at the end, which Ada's editor does not display: his text arrives, his cursor has no box there.
  await editor(bob).click();
  await bob.keyboard.press('Control+End');
  await bob.keyboard.type(' Bob was here.');
  await expect(editor(ada).locator('p').last()).toHaveText(/ Bob was here\./);
  const bobsLabel = editor(ada).locator('p').last().locator('.remote-cursor-label');
  await expect(bobsLabel).toHaveCount(1);
  expect(await bobsLabel.evaluate((label) => label.getClientRects().length)).toBe(0);

  // Ada's typing still lands in her paragraph.
  await ada.keyboard.type('still here ');
  await expect(adaParagraph).toHaveText(/^Ada: still here Paragraph 200\. /);
  expect(Math.abs((await adaParagraph.boundingBox())!.y - before)).toBeLessThan(3);

  // Scrolled to the end, Ada sees Bob's paragraph and his cursor's label in it.
  await scrollToFraction(ada, 1);
  await expect(editor(ada).locator('p').last()).toBeInViewport();
  await expect
    .poll(() =>
      bobsLabel.evaluate((label) => {
        const box = label.getBoundingClientRect();
        const paragraph = label.closest('p')!.getBoundingClientRect();
        return box.height > 0 && box.bottom > paragraph.top - 40 && box.top < paragraph.bottom;
      }),
    )
    .toBe(true);
});

// A comment's card scrolls the document to its text: in a long document that text may be in a block that is not
// displayed (visibility-window.ts), which has no place to scroll to until it is.
test('in a long document a comment card scrolls to its text where nothing was displayed', async ({ browser, relay }) => {
  const page = await openDoc(await userContext(browser, 'Ada'), relay, 'long-comments');
  await editor(page).click();
  await fillLongDocument(page, 400);
  await expect(editor(page).locator('p')).toHaveCount(400);

  // A comment on the last word of the document.
  await page.keyboard.press('Control+End');
  // (The text ends with "plan. ": the first press takes the full stop and the space.)
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await expect.poll(() => selectedText(page)).toBe('plan. ');
  await page.keyboard.press('Control+Alt+m');
  const panel = page.locator('allmende-doc [part="review"]');
  await panel.getByRole('textbox', { name: 'Your comment' }).fill('Which plan?');
  await panel.getByRole('button', { name: 'Comment', exact: true }).click();
  const card = panel.locator('.thread', { hasText: 'Which plan?' });
  await expect(card).toBeVisible();

  // Back at the start, the last paragraph is not displayed; the card brings it on screen.
  await editor(page).focus();
  await page.keyboard.press('Control+Home');
  const last = editor(page).locator('p').last();
  await expect.poll(() => last.evaluate((block) => getComputedStyle(block).display)).toBe('none');
  await card.locator('.thread-quote').click();
  await expect(last.locator('.comment-range')).toBeInViewport();
});
