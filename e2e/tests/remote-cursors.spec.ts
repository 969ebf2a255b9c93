import { expect, test, type Page } from '../support/test.js';
import { documentText, editor, focusEnd, openDoc, userContext } from '../support/pages.js';

interface Box {
  name: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  idle: boolean;
}

/** The name labels of the remote carets Ada sees, with their boxes on screen. */
async function labelBoxes(page: Page): Promise<Box[]> {
  return editor(page).evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('.ProseMirror-yjs-cursor .remote-cursor-label')].map((label) => {
      const box = label.getBoundingClientRect();
      return { name: label.textContent ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom, idle: label.classList.contains('idle') };
    }),
  );
}

function intersecting(boxes: readonly Box[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) pairs.push(`${a.name} × ${b.name}`);
    }
  }
  return pairs;
}

test('name labels of carets on one line never cover each other, and fade to flags when their users rest', async ({ browser, relay }) => {
  test.setTimeout(180_000); // four browsers on a busy 2-core machine
  const ada = await openDoc(await userContext(browser, 'Ada'), relay, 'cursors');
  await focusEnd(ada);
  await ada.keyboard.type('The quick brown fox jumps over the lazy dog');
  await ada.keyboard.press('Enter');
  await ada.keyboard.type('Second line');

  // Three others put their carets one character apart on the first line.
  const others = ['Bob Builder', 'Cleo', 'Dan'];
  const pages: Page[] = [];
  for (const [index, name] of others.entries()) {
    const page = await openDoc(await userContext(browser, name), relay, 'cursors');
    pages.push(page);
    // Compared without cursor labels, which sit inside the text they point at.
    await expect.poll(() => documentText(page)).toContain('Second line');
    await editor(page).click();
    await page.keyboard.press('Control+Home');
    for (let step = 0; step < 10 + index; step++) await page.keyboard.press('ArrowRight');
  }

  const carets = ada.locator('allmende-doc .ProseMirror-yjs-cursor');
  await expect(carets).toHaveCount(3);
  for (const name of others) await expect(carets.filter({ hasText: name })).toBeVisible();

  // Full labels while their users are active (they just moved): on one line, stacked, not overlapping.
  // Labels show in full for 3 s after a move; on a busy machine not all three moves may land within that, so at least two.
  // Each round moves every caret one step (right, then back left the next round): a move and its undoing
  // within one frame would publish no change at all.
  let active: Box[] = [];
  let round = 0;
  await expect.poll(async () => {
    const key = round++ % 2 === 0 ? 'ArrowRight' : 'ArrowLeft';
    for (const page of pages) await page.keyboard.press(key);
    active = (await labelBoxes(ada)).filter((box) => !box.idle);
    return { atLeastTwoActive: active.length >= 2, overlapping: intersecting(await labelBoxes(ada)) };
  }, { timeout: 30_000 }).toEqual({ atLeastTwoActive: true, overlapping: [] });
  // The carets are a character apart: unstacked, the labels would cover each other.
  const lefts = await editor(ada).evaluate((root) =>
    [...root.querySelectorAll('.ProseMirror-yjs-cursor')].map((caret) => caret.getBoundingClientRect().left).sort((a, b) => a - b));
  expect(lefts.at(-1)! - lefts[0]!).toBeLessThan(30);
  expect(active.length).toBeGreaterThanOrEqual(2);
  await ada.screenshot({ path: '/tmp/remote-cursors-active.png' });

  // After a few seconds without moving, each label shrinks to a flag; the caret stays in the user's colour.
  await expect.poll(async () => (await labelBoxes(ada)).filter((box) => box.idle).length, { timeout: 10_000 }).toBe(3);
  await expect.poll(async () => intersecting(await labelBoxes(ada))).toEqual([]);
  const idle = await labelBoxes(ada);
  for (const box of idle) expect(box.right - box.left).toBeLessThan(12);
  await ada.screenshot({ path: '/tmp/remote-cursors-idle.png' });

  // Hovering a flag shows the name again.
  const flag = ada.locator('allmende-doc .remote-cursor-label', { hasText: 'Cleo' });
  await flag.hover();
  await expect.poll(async () => (await flag.boundingBox())?.width ?? 0).toBeGreaterThan(20);
  await ada.screenshot({ path: '/tmp/remote-cursors-hover.png' });
});
