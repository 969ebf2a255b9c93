import { expect, test, type Locator, type Page } from '../support/test.js';
import { RelayProcess, elementHarness } from '../support/relay-process.js';
import { documentText, editor, focusEnd, openDoc, selectedText, userContext } from '../support/pages.js';

// Remote cursor labels sit inside the text they point at, so text checks look for containment.
// The word processor with two people at once: formatting, lists and tables made concurrently
// converge; undo is per person; a read-only editor changes nothing whatever the user tries.

let relay: RelayProcess;

test.afterEach(async () => {
  await relay.stop();
});

/** The document's structure as tag names and text, without remote cursors: equal on converged replicas. */
function structure(page: Page): Promise<string> {
  return editor(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    // Everything that is view-only differs between replicas: remote carets, the other person's
    // selection highlight, ProseMirror's helper nodes, table resize handles.
    copy.querySelectorAll('.ProseMirror-yjs-cursor, .ProseMirror-widget, .column-resize-handle, .ProseMirror-separator, .ProseMirror-trailingBreak')
      .forEach((node) => node.remove());
    copy.querySelectorAll('.ProseMirror-yjs-selection').forEach((span) => span.replaceWith(...span.childNodes));
    copy.normalize();
    const walk = (node: Element): string =>
      `${node.tagName.toLowerCase()}(${[...node.childNodes].map((child) =>
        child.nodeType === Node.TEXT_NODE ? JSON.stringify(child.textContent) : child instanceof Element ? walk(child) : '').join(',')})`;
    return walk(copy);
  });
}

async function insertTable(page: Page, rows: number, cols: number): Promise<void> {
  await page.getByRole('button', { name: 'Insert table' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert table' });
  await expect(dialog).toBeVisible();
  // The fields are slotted into the dialog: children of its host, not of the native <dialog>.
  await page.getByRole('spinbutton', { name: 'Rows' }).fill(String(rows));
  await page.getByRole('spinbutton', { name: 'Columns' }).fill(String(cols));
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('formatting, lists and tables made at the same time converge, and undo is per person', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const ada = await openDoc(await userContext(browser, 'Ada'), relay, 'report');
  const bob = await openDoc(await userContext(browser, 'Bob'), relay, 'report');
  await focusEnd(ada);
  await ada.keyboard.type('Annual report');
  await ada.keyboard.press('Control+Alt+1');
  await ada.keyboard.press('End');
  // Two empty paragraphs: Ada writes her list in the first and Bob builds his table in the last, so
  // neither lands inside the other's block however the keystrokes interleave.
  await ada.keyboard.press('Enter');
  await ada.keyboard.press('Enter');
  await ada.keyboard.press('ArrowUp');
  await expect(editor(bob).locator('h1')).toContainText('Annual report');
  await expect(editor(bob).locator('p')).toHaveCount(2);

  // At the same time: Ada writes a list, Bob builds a table below it.
  await focusEnd(bob);
  await Promise.all([
    (async () => {
      await ada.keyboard.type('- roads', { delay: 20 });
      await ada.keyboard.press('Enter');
      await ada.keyboard.type('schools', { delay: 20 });
    })(),
    (async () => {
      await insertTable(bob, 2, 2);
      await bob.keyboard.type('Budget', { delay: 20 });
      await bob.keyboard.press('Tab');
      await bob.keyboard.type('2027', { delay: 20 });
    })(),
  ]);
  for (const page of [ada, bob]) {
    await expect(editor(page).locator('li')).toHaveCount(2);
    await expect(editor(page).locator('td, th')).toHaveCount(4);
    await expect(editor(page).locator('td, th').first()).toContainText('Budget');
  }

  // Both format at once: Ada makes her list item bold, Bob turns the heading into a heading 2.
  await ada.keyboard.press('Shift+Home');
  await expect.poll(() => selectedText(ada)).toBe('schools');
  await Promise.all([
    ada.keyboard.press('Control+b'),
    (async () => {
      await editor(bob).locator('h1').click();
      await bob.keyboard.press('Control+Alt+2');
    })(),
  ]);
  for (const page of [ada, bob]) {
    await expect(editor(page).locator('li strong')).toContainText('schools');
    await expect(editor(page).locator('h2')).toContainText('Annual report');
  }
  await expect.poll(async () => (await structure(ada)) === (await structure(bob))).toBe(true);

  // Ada's undo takes back her bold, not Bob's heading level or table.
  await editor(ada).locator('li').last().click();
  await ada.keyboard.press('Control+z');
  for (const page of [ada, bob]) {
    await expect(editor(page).locator('li strong')).toHaveCount(0);
    await expect(editor(page).locator('h2')).toContainText('Annual report');
    await expect(editor(page).locator('td, th')).toHaveCount(4);
  }
  await expect.poll(async () => (await structure(ada)) === (await structure(bob))).toBe(true);
});

test('a command right after a key that moves the selection acts on the new selection', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openDoc(await userContext(browser, 'Ada'), relay, 'quick-keys');
  await focusEnd(page);
  await page.keyboard.type('quick brown fox');
  // Chromium reports a selection the browser made in a later selectionchange task, which a fast typist can beat.
  // Withhold those events from ProseMirror, so the keys below act on what ProseMirror reads at keydown alone.
  await page.evaluate(() => document.addEventListener('selectionchange', (event) => event.stopImmediatePropagation(), { capture: true }));
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Control+b');
  await expect(editor(page).locator('strong')).toHaveText('quick brown fox');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Shift+ArrowLeft');
  await page.keyboard.press('Control+i');
  await expect(editor(page).locator('em')).toHaveText('fox');
});

test('a read-only editor changes nothing, whatever the user tries', async ({ page }) => {
  relay = new RelayProcess({ staticDir: elementHarness });
  await relay.start();
  await page.goto(relay.httpUrl);
  await page.waitForFunction(() => window.harness !== undefined);
  const before = await page.evaluate(async () => {
    const { Y, Awareness } = window.harness;
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Signed minutes')]);
    doc.getXmlFragment('content').push([paragraph]);
    const element = document.createElement('allmende-doc');
    element.ydoc = doc;
    element.awareness = new Awareness(doc);
    element.readOnly = true;
    document.getElementById('stage')!.append(element);
    await element.updateComplete;
    (window as unknown as { readOnlyDoc: typeof doc }).readOnlyDoc = doc;
    return doc.getXmlFragment('content').toString();
  });
  await expect(editor(page)).toHaveAttribute('aria-readonly', 'true');
  await editor(page).click();
  await page.keyboard.press('Control+a');
  for (const keys of ['x', 'Backspace', 'Delete', 'Enter', 'Control+b', 'Control+Alt+1', 'Control+Shift+8', 'Control+Enter', 'Tab', 'Control+x']) {
    await page.keyboard.press(keys);
  }
  await page.keyboard.type('typed anyway');
  // Paste and drop go through the editor's own handlers.
  await editor(page).evaluate((root) => {
    const data = new DataTransfer();
    data.setData('text/html', '<p><b>pasted</b></p>');
    data.setData('text/plain', 'pasted');
    root.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    root.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, clientX: 20, clientY: 20 }));
  });
  const toolbarButtons = page.getByRole('toolbar').getByRole('button');
  for (const name of ['Bold', 'Italic', 'Bulleted list']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-disabled', 'true');
  }
  expect(await toolbarButtons.count()).toBeGreaterThan(5);
  const after = await page.evaluate(() => (window as unknown as { readOnlyDoc: { getXmlFragment(name: string): { toString(): string } } }).readOnlyDoc.getXmlFragment('content').toString());
  expect(after).toBe(before);
  expect(await documentText(page)).toBe('Signed minutes');
});

test('redo puts the cursor after the redone text, so typing goes on there', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openDoc(await userContext(browser, 'Ada'), relay, 'redo');
  await focusEnd(page);
  await page.keyboard.type('Start end');
  // Moving the cursor ends the undo step, so the next typing is a step of its own.
  for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('middle ');
  await expect.poll(() => documentText(page)).toBe('Start middle end');
  await page.keyboard.press('End');
  await page.keyboard.press('Control+z');
  await expect.poll(() => documentText(page)).toBe('Start end');
  // The cursor goes elsewhere before redo; redo brings it back to the end of the redone text.
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+y');
  await expect.poll(() => documentText(page)).toBe('Start middle end');
  await page.keyboard.type('more ');
  await expect.poll(() => documentText(page)).toBe('Start middle more end');
  // Undo goes back to where the cursor was before the change, redo again after it.
  await page.keyboard.press('Control+z');
  await expect.poll(() => documentText(page)).toBe('Start middle end');
  await page.keyboard.type('[');
  await expect.poll(() => documentText(page)).toBe('Start middle [end');
});

test('toolbar menus stay inside a narrow viewport and keep their keyboard behaviour', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const context = await userContext(browser, 'Ada');
  const page = await openDoc(context, relay, 'narrow');
  await page.setViewportSize({ width: 360, height: 640 });
  await focusEnd(page);
  await page.keyboard.type('Narrow screen');
  const triggers = page.locator('allmende-doc button[aria-haspopup="menu"]');
  await expect(triggers.first()).toBeVisible();
  // The menu button furthest to the right, where a menu opening to the right would be cut off.
  const rights = await triggers.evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().right));
  const rightmost = triggers.nth(rights.indexOf(Math.max(...rights)));
  await rightmost.click();
  const menu = page.locator('allmende-doc allmende-menu[open]');
  await expect(menu).toHaveCount(1);
  const box = await menu.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom, width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
  });
  expect(box.right - box.left).toBeGreaterThan(100);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.top).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(box.width);
  expect(box.bottom).toBeLessThanOrEqual(box.height);
  await page.screenshot({ path: '/tmp/allmende-narrow-menu.png' });
  // Arrow keys move between items, Escape closes and gives focus back to the button.
  const items = menu.locator('[role^="menuitem"]');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(rightmost).toBeFocused();

  // While open, the menu follows its button when the window gets narrower.
  await rightmost.click();
  await page.setViewportSize({ width: 320, height: 640 });
  await expect.poll(() => menuBesideTrigger(rightmost)).toBe(true);
});

/** Whether the open menu lies inside the viewport and right below (or above) the button that opened it. */
function menuBesideTrigger(trigger: Locator): Promise<boolean> {
  return trigger.evaluate((button) => {
    const menu = button.parentElement?.querySelector('allmende-menu[open]');
    if (!menu) return false;
    const b = button.getBoundingClientRect();
    const m = menu.getBoundingClientRect();
    const view = document.documentElement;
    const inside = m.left >= 0 && m.top >= 0 && m.right <= view.clientWidth && m.bottom <= view.clientHeight;
    const touching = Math.abs(m.top - b.bottom) <= 4 || Math.abs(m.bottom - b.top) <= 4;
    const overlapping = m.left < b.right && m.right > b.left;
    return inside && touching && overlapping;
  });
}

test('a menu opened near the bottom of the window opens above its button', async ({ page }) => {
  relay = new RelayProcess({ staticDir: elementHarness });
  await relay.start();
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(relay.httpUrl);
  await page.waitForFunction(() => window.harness !== undefined);
  await page.evaluate(async () => {
    const { Y, Awareness } = window.harness;
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Low on the page')]);
    doc.getXmlFragment('content').push([paragraph]);
    // A host page whose editor starts near the bottom of the window.
    const spacer = document.createElement('div');
    spacer.style.height = `${window.innerHeight - 130}px`;
    const element = document.createElement('allmende-doc');
    element.ydoc = doc;
    element.awareness = new Awareness(doc);
    const after = document.createElement('div');
    after.style.height = '1000px';
    document.getElementById('stage')!.append(spacer, element, after);
    await element.updateComplete;
  });
  const trigger = page.getByRole('button', { name: 'Text colour' });
  await trigger.click();
  const menu = page.locator('allmende-doc allmende-menu[open]');
  await expect(menu).toHaveCount(1);
  const [button, popup] = await Promise.all([trigger.boundingBox(), menu.boundingBox()]);
  // Below there is no room for the colour list, above there is: it flips.
  expect(popup!.y + popup!.height).toBeLessThanOrEqual(button!.y + 1);
  expect(popup!.y).toBeGreaterThanOrEqual(0);
  await page.screenshot({ path: '/tmp/allmende-flipped-menu.png' });
  // Scrolling the page moves the button; the menu follows it.
  const before = (await trigger.boundingBox())!.y;
  expect(await page.evaluate(() => {
    window.scrollBy(0, 60);
    return window.scrollY;
  })).toBe(60);
  await expect.poll(async () => (await trigger.boundingBox())!.y).toBeLessThan(before - 50);
  await expect.poll(() => menuBesideTrigger(trigger)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(trigger).toBeFocused();
});
