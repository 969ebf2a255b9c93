import { expect, test, type Browser, type Locator, type Page } from '../support/test.js';
import { RelayProcess } from '../support/relay-process.js';
import { USER_STORAGE_KEY } from '../support/pages.js';

// The calendar with people planning together: two users creating, moving and editing events at
// once; creating and moving an event by keyboard only; a series split while another user edits an
// earlier occurrence; screenshots of the month and week views in German and English.

/** The part of the element's `calendar` (the engine bound to its Y.Doc) these tests call in the page. */
interface TestCalendar {
  createEvent(input: Record<string, unknown>): string;
  deleteEvent(uid: string): void;
  updateEvent(uid: string, patch: Record<string, unknown>, options?: Record<string, unknown>): string;
  setCalendar(info: Record<string, unknown>): string;
  listCalendars(): { name: string; color: string }[];
  getEvent(uid: string): Record<string, unknown> & { summary?: string; start: string; end?: string; location?: string };
  listEvents(): { uid: string; summary?: string; start: string; end?: string; rrule?: string; location?: string }[];
  occurrences(query: Record<string, unknown>): { uid: string; start: string; end: string; summary: string; recurrenceId?: string; location?: string }[];
}

type CalendarElement = HTMLElement & { calendar: TestCalendar | null; date: string; view: string };

const ZONE = 'Europe/Berlin';
/** "Now" in every page: Wednesday 2 December 2026, 10:40 in Berlin. */
const NOW = new Date('2026-12-02T10:40:00+01:00');

let relay: RelayProcess;

test.afterEach(async () => {
  await relay.stop();
});

async function openCalendar(browser: Browser, name: string, docName: string, lang: 'de' | 'en'): Promise<Page> {
  const context = await browser.newContext({ timezoneId: ZONE, locale: lang === 'de' ? 'de-DE' : 'en-US', viewport: { width: 1280, height: 800 } });
  await context.addInitScript(([key, value]) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, value);
  }, [USER_STORAGE_KEY, name] as const);
  const page = await context.newPage();
  await page.clock.setFixedTime(NOW);
  await page.goto(`${relay.httpUrl}/calendar/${docName}`);
  await page.evaluate((l) => {
    document.documentElement.setAttribute('lang', l);
    // The demo sets `lang` on the element itself, which wins over the page's.
    document.querySelector('allmende-calendar')?.setAttribute('lang', l);
  }, lang);
  await expect(page.locator('allmende-calendar [part~="status"]')).toHaveAttribute('data-status', 'connected');
  return page;
}

function cal(page: Page): Locator {
  return page.locator('allmende-calendar');
}

/** Runs `fn` with the element's engine in the page. */
async function withCalendar<T, A>(page: Page, fn: (c: TestCalendar, arg: A) => T, arg: A): Promise<T> {
  return cal(page).evaluate(
    (el, [source, a]) => {
      const c = (el as CalendarElement).calendar;
      if (!c) throw new Error('no calendar bound');
      return (new Function('c', 'arg', `return (${source})(c, arg);`) as (c: TestCalendar, a: unknown) => T)(c, a);
    },
    [fn.toString(), arg] as const,
  );
}

async function setView(page: Page, view: string, date: string): Promise<void> {
  await cal(page).evaluate((el, [v, d]) => {
    (el as CalendarElement).view = v!;
    (el as CalendarElement).date = d!;
  }, [view, date]);
}

/** An event chip by its title text. */
function chip(page: Page, title: string): Locator {
  return cal(page).locator('main.view [data-key]').filter({ hasText: title });
}

/** A realistic week: a daily stand-up series, overlapping meetings, a conference over three days, a holiday. */
async function seed(page: Page): Promise<void> {
  await withCalendar(page, (c) => {
    const work = c.setCalendar({ id: 'work', name: 'Arbeit', color: '#1a73e8' });
    const team = c.setCalendar({ id: 'team', name: 'Team', color: '#0b8043' });
    const home = c.setCalendar({ id: 'home', name: 'Privat', color: '#8e24aa' });
    const z = 'Europe/Berlin';
    c.createEvent({ calendarId: team, summary: 'Stand-up', start: '2026-11-02T09:00:00', end: '2026-11-02T09:15:00', timeZone: z, rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR' });
    c.createEvent({ calendarId: work, summary: 'Haushaltsplanung 2027', start: '2026-12-01T10:00:00', end: '2026-12-01T12:00:00', timeZone: z, location: 'Raum 4.12' });
    c.createEvent({ calendarId: team, summary: 'Review Bürgerportal', start: '2026-12-01T11:00:00', end: '2026-12-01T12:30:00', timeZone: z });
    c.createEvent({ calendarId: work, summary: 'Abstimmung IT-Sicherheit', start: '2026-12-01T11:30:00', end: '2026-12-01T12:00:00', timeZone: z });
    c.createEvent({ calendarId: work, summary: 'Mittagessen mit Amt 32', start: '2026-12-02T12:30:00', end: '2026-12-02T13:30:00', timeZone: z });
    c.createEvent({ calendarId: work, summary: 'Digitalgipfel Berlin', start: '2026-12-03', end: '2026-12-06' });
    c.createEvent({ calendarId: team, summary: 'Sprint-Planung', start: '2026-12-04T13:00:00', end: '2026-12-04T15:30:00', timeZone: z });
    c.createEvent({ calendarId: home, summary: 'Zahnarzt', start: '2026-12-02T16:00:00', end: '2026-12-02T16:45:00', timeZone: z });
    c.createEvent({ calendarId: home, summary: 'Weihnachtsmarkt', start: '2026-12-05T17:00:00', end: '2026-12-05T20:00:00', timeZone: z });
    c.createEvent({ calendarId: work, summary: 'Telefonat Landratsamt', start: '2026-11-30T14:00:00', end: '2026-11-30T14:30:00', timeZone: z });
    c.createEvent({ calendarId: work, summary: 'Workshop Barrierefreiheit', start: '2026-11-30T14:15:00', end: '2026-11-30T16:00:00', timeZone: z });
    c.createEvent({ calendarId: home, summary: 'Urlaub', start: '2026-12-21', end: '2027-01-02' });
    c.createEvent({ calendarId: team, summary: 'Team-Frühstück', start: '2026-12-11T08:00:00', end: '2026-12-11T09:00:00', timeZone: z });
    c.createEvent({ calendarId: work, summary: 'Quartalsbericht', start: '2026-12-15T09:30:00', end: '2026-12-15T11:00:00', timeZone: z });
    c.createEvent({ calendarId: work, summary: 'Personalrat', start: '2026-12-15T13:00:00', end: '2026-12-15T14:00:00', timeZone: z });
    c.createEvent({ calendarId: team, summary: 'Retro', start: '2026-12-15T15:00:00', end: '2026-12-15T16:00:00', timeZone: z });
    c.createEvent({ calendarId: home, summary: 'Chorprobe', start: '2026-11-03T19:00:00', end: '2026-11-03T21:00:00', timeZone: z, rrule: 'FREQ=WEEKLY;BYDAY=TU' });
    return null;
  }, null);
}

for (const lang of ['de', 'en'] as const) {
  test(`screenshots of the month and week views in ${lang === 'de' ? 'German' : 'English'}`, async ({ browser }) => {
    relay = new RelayProcess();
    await relay.start();
    const page = await openCalendar(browser, 'Ada', `shots-${lang}`, lang);
    await seed(page);
    await setView(page, 'month', '2026-12-02');
    // The week starts on Monday in German and on Sunday in US English.
    const firstCell = cal(page).locator('[role="gridcell"]').first();
    await expect(firstCell).toHaveAttribute('aria-label', lang === 'de' ? 'Montag, 30. November 2026' : 'Sunday, November 29, 2026');
    await expect(chip(page, 'Digitalgipfel Berlin').first()).toBeVisible();
    await page.screenshot({ path: `/tmp/cal/month-${lang}.png` });
    await setView(page, 'week', '2026-12-02');
    await expect(chip(page, 'Haushaltsplanung 2027')).toBeVisible();
    await expect(cal(page).locator('.nowline')).toHaveCount(1);
    await page.screenshot({ path: `/tmp/cal/week-${lang}.png` });
    // The event dialog of a series shows its rule in the simple form.
    await chip(page, 'Stand-up').first().click();
    await expect(cal(page).locator('select[name="repeat"]')).toHaveValue('weekly');
    await page.screenshot({ path: `/tmp/cal/dialog-${lang}.png` });
    await cal(page).getByRole('button', { name: lang === 'de' ? 'Abbrechen' : 'Cancel' }).click();
    // Overlapping events sit side by side: each later column starts right of the one before (cascading over it a little).
    const a = (await chip(page, 'Haushaltsplanung 2027').boundingBox())!;
    const b = (await chip(page, 'Review Bürgerportal').boundingBox())!;
    const c = (await chip(page, 'Abstimmung IT-Sicherheit').boundingBox())!;
    expect(b.x).toBeGreaterThan(a.x + a.width / 2);
    expect(c.x).toBeGreaterThan(b.x + b.width / 2);
    const column = (await cal(page).locator('[data-col="2026-12-01"]').boundingBox())!;
    for (const box of [a, b, c]) expect(box.x >= column.x && box.x + box.width <= column.x + column.width + 1).toBe(true);
  });
}

/** Every event as the engine has it, sorted, for comparing two replicas. */
async function snapshot(page: Page): Promise<string> {
  return withCalendar(page, (c) => JSON.stringify(
    c.occurrences({ from: '2026-11-01', to: '2027-01-31', timeZone: 'Europe/Berlin' })
      .map((o) => [o.summary, o.start, o.end, o.location ?? '', o.recurrenceId ?? '']),
  ), null);
}

/** Drags with the mouse from the middle of `from` by (dx, dy) pixels, in steps so pointermove fires. */
async function dragBy(page: Page, from: Locator, dx: number, dy: number): Promise<void> {
  const box = (await from.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(12, box.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(x + (dx * i) / 6, y + (dy * i) / 6);
  await page.mouse.up();
}

/** A point in the week view's slot of `date` at `minute`. */
async function slotPoint(page: Page, date: string, minute: number): Promise<{ x: number; y: number }> {
  const box = (await cal(page).locator(`[data-col="${date}"]`).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + (minute / 60) * 48 };
}

test('two users create, move and edit events at the same time and converge', async ({ browser }) => {
  // Two browsers on a shared 2-core machine: give it the time of three single-user tests.
  test.slow();
  relay = new RelayProcess();
  await relay.start();
  const ada = await openCalendar(browser, 'Ada', 'together', 'en');
  const bob = await openCalendar(browser, 'Bob', 'together', 'en');
  for (const page of [ada, bob]) await setView(page, 'week', '2026-12-02');
  await withCalendar(ada, (c) => {
    c.setCalendar({ id: 'work', name: 'Work', color: '#1a73e8' });
    c.createEvent({ uid: 'plan', calendarId: 'work', summary: 'Planning', start: '2026-12-02T10:00:00', end: '2026-12-02T11:00:00', timeZone: 'Europe/Berlin' });
    c.createEvent({ uid: 'call', calendarId: 'work', summary: 'Call', start: '2026-12-01T14:00:00', end: '2026-12-01T14:30:00', timeZone: 'Europe/Berlin' });
    return null;
  }, null);
  await expect(chip(bob, 'Planning')).toBeVisible();

  // Both open the same event; each sees who else is editing it.
  await chip(ada, 'Planning').click();
  await chip(bob, 'Planning').click();
  const adaTitle = cal(ada).getByLabel('Title', { exact: true });
  const bobLocation = cal(bob).getByLabel('Location', { exact: true });
  await expect(adaTitle).toHaveValue('Planning');
  await expect(bobLocation).toBeVisible();
  await expect(cal(ada).locator('[data-key^="plan|"] .who')).toHaveText('Bob');
  await expect(cal(bob).locator('[data-key^="plan|"] .who')).toHaveText('Ada');
  // Different fields of one event, saved at the same time: both survive.
  await adaTitle.fill('Planning Q1');
  await bobLocation.fill('Room 2');
  await Promise.all([
    cal(ada).getByRole('button', { name: 'Save' }).click(),
    cal(bob).getByRole('button', { name: 'Save' }).click(),
  ]);
  await expect(cal(ada).locator('[data-key^="plan|"] .who')).toHaveCount(0);

  // At the same time: Ada draws a new event on Thursday 14:00–15:00, Bob drags the call to Friday 15:00.
  const from = await slotPoint(ada, '2026-12-03', 14 * 60 + 5);
  const to = await slotPoint(ada, '2026-12-03', 14 * 60 + 55);
  const bobCall = chip(bob, 'Call');
  const callBox = (await bobCall.boundingBox())!;
  const fri = (await cal(bob).locator('[data-col="2026-12-04"]').boundingBox())!;
  await Promise.all([
    (async () => {
      await ada.mouse.move(from.x, from.y);
      await ada.mouse.down();
      for (let i = 1; i <= 5; i++) await ada.mouse.move(from.x, from.y + ((to.y - from.y) * i) / 5);
      await ada.mouse.up();
      await cal(ada).getByLabel('Title', { exact: true }).fill('Budget review');
      await cal(ada).getByLabel('Title', { exact: true }).press('Enter');
    })(),
    dragBy(bob, bobCall, fri.x + fri.width / 2 - (callBox.x + callBox.width / 2), 60 * 48 / 60),
  ]);
  await expect(chip(bob, 'Budget review')).toBeVisible();
  await expect(chip(ada, 'Call')).toHaveAttribute('aria-label', /3:00\s?PM – 3:30\s?PM, Friday, December 4, 2026/);

  // While Ada drags an event, Bob sees her name on it; when she drops it, it moves for both.
  const planBox = (await chip(ada, 'Planning Q1').boundingBox())!;
  await ada.mouse.move(planBox.x + planBox.width / 2, planBox.y + 10);
  await ada.mouse.down();
  for (let i = 1; i <= 4; i++) await ada.mouse.move(planBox.x + planBox.width / 2, planBox.y + 10 + i * 12);
  await expect(cal(bob).locator('[data-key^="plan|"] .who')).toHaveText('Ada');
  await expect(chip(bob, 'Planning Q1')).toHaveAttribute('aria-label', /Ada is editing/);
  await ada.mouse.up();
  await expect(cal(bob).locator('[data-key^="plan|"] .who')).toHaveCount(0);
  await expect(chip(bob, 'Planning Q1')).toHaveAttribute('aria-label', /11:00\s?AM – 12:00\s?PM/);

  // Everyone ends with the same events.
  await expect.poll(async () => (await snapshot(ada)) === (await snapshot(bob))).toBe(true);
  const plan = await withCalendar(bob, (c) => c.getEvent('plan'), null);
  expect(plan.summary).toBe('Planning Q1');
  expect(plan.start).toBe('2026-12-02T11:00:00');
  expect(plan.location).toBe('Room 2');
  const events = await withCalendar(bob, (c) => c.listEvents().map((e) => [e.summary, e.start, e.end]), null);
  expect(events).toContainEqual(['Budget review', '2026-12-03T14:00:00', '2026-12-03T15:00:00']);
  expect(events).toContainEqual(['Call', '2026-12-04T15:00:00', '2026-12-04T15:30:00']);
});

test('creating and moving an event by keyboard only', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openCalendar(browser, 'Ada', 'keys', 'en');
  await setView(page, 'week', '2026-12-02');
  // The host hears of the user's own edits through allmende-change.
  await cal(page).evaluate((el) => {
    const counter = window as unknown as { changes: number };
    counter.changes = 0;
    el.addEventListener('allmende-change', () => { counter.changes++; });
  });
  const changes = (): Promise<number> => page.evaluate(() => (window as unknown as { changes: number }).changes);
  // The view is one tab stop; its first cell is the all-day cell of Sunday.
  await cal(page).locator('main.view [tabindex="0"]').focus();
  await expect(cal(page).locator('main.view [tabindex="0"]')).toHaveAttribute('aria-label', 'Sunday, November 29, 2026, All day');
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
  const focused = cal(page).locator(':focus');
  await expect(focused).toHaveAttribute('aria-label', 'Wednesday, December 2, 2026, 9:00 AM');
  // Enter on an empty slot creates an event there; typing the title and Enter saves it.
  await page.keyboard.press('Enter');
  await expect(cal(page).getByLabel('Title', { exact: true })).toBeFocused();
  await page.keyboard.type('Kickoff');
  await page.keyboard.press('Enter');
  await expect(chip(page, 'Kickoff')).toBeVisible();
  await expect(focused).toHaveAttribute('aria-label', 'Wednesday, December 2, 2026, 9:00 AM');
  const afterCreate = await changes();
  expect(afterCreate).toBeGreaterThan(0);
  // An event someone else creates arrives without an allmende-change.
  const bob = await openCalendar(browser, 'Bob', 'keys', 'en');
  await withCalendar(bob, (c) => c.createEvent({ summary: 'From Bob', start: '2026-12-04T14:00:00', end: '2026-12-04T15:00:00', timeZone: 'Europe/Berlin' }), null);
  await expect(chip(page, 'From Bob')).toBeVisible();
  expect(await changes()).toBe(afterCreate);
  await withCalendar(bob, (c) => { for (const e of c.listEvents()) if (e.summary === 'From Bob') c.deleteEvent(e.uid); }, null);
  await expect(chip(page, 'From Bob')).toHaveCount(0);
  await expect(focused).toHaveAttribute('aria-label', 'Wednesday, December 2, 2026, 9:00 AM');
  // Enter on the slot now goes to the event; Space picks it up; arrows move it, Shift+arrows resize it.
  await page.keyboard.press('Enter');
  await expect(focused).toHaveAttribute('aria-label', /^Kickoff, 9:00\s?AM – 10:00\s?AM, Wednesday, December 2, 2026/);
  await page.keyboard.press(' ');
  await expect(cal(page).getByTestId('announcement')).toContainText('Kickoff picked up');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Enter');
  await expect(focused).toHaveAttribute('aria-label', /^Kickoff, 9:30\s?AM – 10:45\s?AM, Thursday, December 3, 2026/);
  const events = await withCalendar(page, (c) => c.listEvents().map((e) => [e.summary, e.start, e.end]), null);
  expect(events).toEqual([['Kickoff', '2026-12-03T09:30:00', '2026-12-03T10:45:00']]);
  // The box's text is the title and, on the next line, the new start time (text, no child element or pseudo-element).
  await expect(chip(page, 'Kickoff')).toHaveText(/^Kickoff\s+9:30\s?AM$/);
  expect(await chip(page, 'Kickoff').evaluate((el) => [el.children.length, getComputedStyle(el).whiteSpace])).toEqual([0, 'pre-line']);
  // Escape while carrying an event puts it back.
  await page.keyboard.press(' ');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Escape');
  expect(await withCalendar(page, (c) => c.listEvents()[0]!.start, null)).toBe('2026-12-03T09:30:00');
  // Enter opens it; Delete deletes it (a single event needs no question).
  await page.keyboard.press('Enter');
  await expect(cal(page).getByLabel('Title', { exact: true })).toHaveValue('Kickoff');
  await page.keyboard.press('Escape');
  await expect(focused).toHaveAttribute('aria-label', /^Kickoff/);
  await page.keyboard.press('Delete');
  await expect(chip(page, 'Kickoff')).toHaveCount(0);
  expect(await withCalendar(page, (c) => c.listEvents().length, null)).toBe(0);
});

test('one user edits a series "this and following" while another edits an earlier occurrence', async ({ browser }) => {
  // Two browsers on a shared 2-core machine: give it the time of three single-user tests.
  test.slow();
  relay = new RelayProcess();
  await relay.start();
  const ada = await openCalendar(browser, 'Ada', 'series', 'en');
  const bob = await openCalendar(browser, 'Bob', 'series', 'en');
  await withCalendar(ada, (c) => {
    c.createEvent({ uid: 'jf', summary: 'Jour fixe', start: '2026-11-02T10:00:00', end: '2026-11-02T11:00:00', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=9' });
    return null;
  }, null);
  await setView(ada, 'week', '2026-12-07');
  await setView(bob, 'week', '2026-11-23');
  await expect(chip(ada, 'Jour fixe')).toBeVisible();
  await expect(chip(bob, 'Jour fixe')).toBeVisible();
  await chip(ada, 'Jour fixe').click();
  await chip(bob, 'Jour fixe').click();
  await cal(ada).getByLabel('Title', { exact: true }).fill('Jour fixe (new)');
  await cal(ada).locator('input[name="startTime"]').fill('11:00');
  await cal(ada).locator('input[name="endTime"]').fill('12:00');
  await cal(bob).getByLabel('Location', { exact: true }).fill('Room 7');
  await cal(ada).getByRole('button', { name: 'Save' }).click();
  await cal(bob).getByRole('button', { name: 'Save' }).click();
  await Promise.all([
    cal(ada).getByRole('button', { name: 'This and following events' }).click(),
    cal(bob).getByRole('button', { name: 'This event', exact: true }).click(),
  ]);
  const expected = JSON.stringify([
    ['Jour fixe', '2026-11-02T10:00:00+01:00', '2026-11-02T11:00:00+01:00', '', '2026-11-02T10:00:00'],
    ['Jour fixe', '2026-11-09T10:00:00+01:00', '2026-11-09T11:00:00+01:00', '', '2026-11-09T10:00:00'],
    ['Jour fixe', '2026-11-16T10:00:00+01:00', '2026-11-16T11:00:00+01:00', '', '2026-11-16T10:00:00'],
    ['Jour fixe', '2026-11-23T10:00:00+01:00', '2026-11-23T11:00:00+01:00', 'Room 7', '2026-11-23T10:00:00'],
    ['Jour fixe', '2026-11-30T10:00:00+01:00', '2026-11-30T11:00:00+01:00', '', '2026-11-30T10:00:00'],
    ['Jour fixe (new)', '2026-12-07T11:00:00+01:00', '2026-12-07T12:00:00+01:00', '', '2026-12-07T11:00:00'],
    ['Jour fixe (new)', '2026-12-14T11:00:00+01:00', '2026-12-14T12:00:00+01:00', '', '2026-12-14T11:00:00'],
    ['Jour fixe (new)', '2026-12-21T11:00:00+01:00', '2026-12-21T12:00:00+01:00', '', '2026-12-21T11:00:00'],
    ['Jour fixe (new)', '2026-12-28T11:00:00+01:00', '2026-12-28T12:00:00+01:00', '', '2026-12-28T11:00:00'],
  ]);
  await expect.poll(() => snapshot(ada)).toBe(expected);
  await expect.poll(() => snapshot(bob)).toBe(expected);
});

const BAD_ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:2026XX01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
const GOOD_ICS = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN',
  'BEGIN:VEVENT', 'UID:imp-1', 'DTSTAMP:20261101T000000Z', 'DTSTART;TZID=Europe/Berlin:20261203T090000', 'DTEND;TZID=Europe/Berlin:20261203T100000', 'SUMMARY:Imported meeting', 'END:VEVENT',
  'BEGIN:VEVENT', 'UID:imp-2', 'DTSTAMP:20261101T000000Z', 'DTSTART;TZID=Mars/Olympus:20261204T090000', 'DTEND;TZID=Mars/Olympus:20261204T100000', 'SUMMARY:Odd zone', 'END:VEVENT',
  'END:VCALENDAR', '',
].join('\r\n');

test('calendars: create, recolour, hide, import .ics (errors leave the data untouched), export, read-only', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openCalendar(browser, 'Ada', 'cals', 'en');
  await setView(page, 'week', '2026-12-02');
  const c = cal(page);
  await c.getByRole('button', { name: '+ New calendar' }).click();
  await c.getByLabel('Name', { exact: true }).fill('Projects');
  await c.getByRole('button', { name: 'Save' }).click();
  await expect(c.getByLabel('Show Projects')).toBeChecked();
  await c.getByRole('button', { name: 'Edit calendar Projects' }).click();
  await c.locator('input[type="color"]').fill('#d50000');
  await c.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => withCalendar(page, (api) => JSON.stringify(api.listCalendars().map((x) => [x.name, x.color])), null))
    .toBe(JSON.stringify([['Projects', '#d50000']]));

  // A broken file: a clear message naming the line, and nothing is written.
  await c.getByRole('button', { name: 'Import .ics…' }).click();
  await c.getByLabel('iCalendar file').setInputFiles({ name: 'bad.ics', mimeType: 'text/calendar', buffer: Buffer.from(BAD_ICS) });
  await expect(c.getByTestId('import-error')).toContainText(/Nothing was imported: .*line 5/);
  expect(await withCalendar(page, (api) => api.listEvents().length, null)).toBe(0);
  // A good file with an unknown zone: imported, with the warning shown.
  await c.getByLabel('iCalendar file').setInputFiles({ name: 'good.ics', mimeType: 'text/calendar', buffer: Buffer.from(GOOD_ICS) });
  await expect(c.getByTestId('import-result')).toContainText('Imported 2 events.');
  await expect(c.getByTestId('import-result')).toContainText('Mars/Olympus');
  await c.getByRole('button', { name: 'Close' }).click();
  await expect(chip(page, 'Imported meeting')).toHaveCSS('border-left-color', 'rgb(213, 0, 0)');

  // Hiding a calendar hides its events; showing it brings them back.
  await c.getByLabel('Show Projects').uncheck();
  await expect(chip(page, 'Imported meeting')).toHaveCount(0);
  await c.getByLabel('Show Projects').check();
  await expect(chip(page, 'Imported meeting')).toBeVisible();

  // Export the calendar, and one event from its dialog.
  const [download] = await Promise.all([page.waitForEvent('download'), c.getByRole('button', { name: 'Export .ics: Projects' }).click()]);
  expect(download.suggestedFilename()).toBe('Projects.ics');
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(text).toContain('SUMMARY:Imported meeting');
  expect(text).toContain('SUMMARY:Odd zone');
  await chip(page, 'Imported meeting').click();
  const [one] = await Promise.all([page.waitForEvent('download'), c.getByRole('button', { name: 'Export event as .ics' }).click()]);
  const single = await (await one.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(single.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  await c.getByRole('button', { name: 'Cancel' }).click();

  // Read-only: nothing can be created, moved or deleted, and the user is told why; events still open.
  await c.evaluate((el) => el.setAttribute('readonly', ''));
  await expect(c.locator('[part~="access"]')).toHaveText('Read only');
  await expect(c.getByRole('button', { name: '+ New event' })).toBeDisabled();
  await chip(page, 'Imported meeting').focus();
  await page.keyboard.press(' ');
  await expect(c.locator('[part~="notice"]')).toContainText('read only');
  await page.keyboard.press('Delete');
  await dragBy(page, chip(page, 'Imported meeting'), 0, 96);
  expect(await withCalendar(page, (api) => api.listEvents().map((e) => e.start), null)).toEqual(['2026-12-03T09:00:00', '2026-12-04T09:00:00']);
  await chip(page, 'Imported meeting').click();
  await expect(c.getByLabel('Title', { exact: true })).toHaveAttribute('readonly', '');
  await expect(c.getByRole('button', { name: 'Close' })).toBeVisible();
  await expect(c.getByRole('button', { name: 'Save' })).toHaveCount(0);
});

test('undo and redo by keyboard (own edits only), deleting a calendar after a confirmation, resizing by the top edge', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openCalendar(browser, 'Ada', 'undo', 'en');
  await setView(page, 'week', '2026-12-02');
  const c = cal(page);
  await withCalendar(page, (api) => {
    const id = api.setCalendar({ id: 'projects', name: 'Projects', color: '#0b8043' });
    api.createEvent({ calendarId: id, summary: 'Kick-off', start: '2026-12-02T09:00:00', end: '2026-12-02T10:00:00', timeZone: 'Europe/Berlin' });
    return null;
  }, null);
  const start = (): Promise<string> => withCalendar(page, (api) => api.listEvents().map((e) => e.start).join(), null);
  await chip(page, 'Kick-off').focus();
  await page.keyboard.press(' ');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(start).toBe('2026-12-02T09:15:00');
  await page.keyboard.press('Control+z');
  await expect.poll(start).toBe('2026-12-02T09:00:00');
  await expect(c.getByTestId('announcement')).toHaveText('Undone.');
  await page.keyboard.press('Control+y');
  await expect.poll(start).toBe('2026-12-02T09:15:00');
  await page.keyboard.press('Control+Shift+z');
  await expect(c.getByTestId('announcement')).toHaveText('Nothing to redo.');
  expect(await start()).toBe('2026-12-02T09:15:00');

  // Deleting a calendar asks first and says its events go with it; Ctrl+Z brings both back.
  await c.getByRole('button', { name: 'Edit calendar Projects' }).click();
  await c.getByRole('button', { name: 'Delete calendar Projects' }).click();
  await expect(c.getByTestId('confirm-delete-calendar')).toContainText('Its event is deleted with it');
  await c.getByRole('button', { name: 'Cancel' }).click();
  await c.getByRole('button', { name: 'Delete calendar Projects' }).click();
  await c.getByRole('button', { name: 'Delete calendar Projects' }).click();
  await expect(chip(page, 'Kick-off')).toHaveCount(0);
  expect(await withCalendar(page, (api) => api.listCalendars().length + api.listEvents().length, null)).toBe(0);
  await c.locator('main.view [data-focus-id]').first().focus();
  await page.keyboard.press('Control+z');
  await expect(chip(page, 'Kick-off')).toBeVisible();
  expect(await withCalendar(page, (api) => api.listCalendars().map((x) => x.name).join(), null)).toBe('Projects');

  // The top edge resizes too: dragged up an hour, the start moves and the end stays.
  const box = (await chip(page, 'Kick-off').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 2);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + box.width / 2, box.y + 2 - 8 * i);
  await page.mouse.up();
  await expect.poll(() => withCalendar(page, (api) => api.listEvents().map((e) => `${e.start}–${e.end}`).join(), null))
    .toBe('2026-12-02T08:15:00–2026-12-02T10:15:00');
});

test('views: "+N more" opens the day, agenda list, year, and the print layout', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openCalendar(browser, 'Ada', 'views', 'de');
  await seed(page);
  await setView(page, 'month', '2026-12-02');
  const more = cal(page).getByRole('button', { name: /weitere Termine am Dienstag, 1. Dezember 2026/ });
  await more.click();
  await expect(cal(page)).toHaveAttribute('view', 'day');
  await expect(cal(page)).toHaveAttribute('date', '2026-12-01');
  await expect(chip(page, 'Abstimmung IT-Sicherheit')).toBeVisible();
  await expect(cal(page).locator('h2.period')).toHaveText('Dienstag, 1. Dezember 2026');
  // The same by keyboard: Enter on the day goes to its first event, Down walks to "+3 weitere", Enter opens the day.
  await setView(page, 'month', '2026-12-02');
  await cal(page).getByRole('gridcell', { name: 'Dienstag, 1. Dezember 2026' }).focus();
  await page.keyboard.press('Enter');
  await expect(cal(page).locator(':focus')).toHaveAttribute('aria-label', /^Stand-up, (.* )?Dienstag, 1. Dezember 2026/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(cal(page).locator(':focus')).toHaveText('3 weitere');
  await page.keyboard.press('Enter');
  await expect(cal(page)).toHaveAttribute('view', 'day');
  await expect(cal(page)).toHaveAttribute('date', '2026-12-01');

  await setView(page, 'agenda', '2026-11-30');
  const days = cal(page).getByRole('list', { name: 'Terminliste' });
  await expect(days.getByRole('listitem').first()).toContainText('Mo., 30. Nov.');
  await expect(cal(page).getByRole('list', { name: 'Dienstag, 1. Dezember 2026' }).getByRole('listitem')).toHaveCount(5);
  await page.screenshot({ path: '/tmp/cal/agenda-de.png' });

  await setView(page, 'year', '2026-12-02');
  await expect(cal(page).getByRole('button', { name: 'Donnerstag, 3. Dezember 2026' })).toHaveClass(/busy/);
  await page.screenshot({ path: '/tmp/cal/year-de.png' });
  await cal(page).getByRole('button', { name: 'Donnerstag, 3. Dezember 2026' }).click();
  await expect(cal(page)).toHaveAttribute('view', 'day');

  // Print: toolbar and calendar list are hidden, the grid is laid out in full.
  await page.emulateMedia({ media: 'print' });
  await setView(page, 'week', '2026-12-02');
  await expect(cal(page).locator('aside')).toBeHidden();
  await page.screenshot({ path: '/tmp/cal/print-week-de.png', fullPage: true });
  await setView(page, 'month', '2026-12-02');
  await page.screenshot({ path: '/tmp/cal/print-month-de.png', fullPage: true });
});

test('an element given a host\'s Y.Doc shows its events and removes its listeners when removed', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openCalendar(browser, 'Ada', 'host', 'en');
  const counts = await cal(page).evaluate(async (first) => {
    type Observable = { _observers: Map<string, Set<unknown>> };
    const host = first as CalendarElement & { doc: Observable; awareness?: unknown };
    const doc = host.doc;
    const count = (): number => [...doc._observers.values()].reduce((n, set) => n + set.size, 0);
    const names = (): string => [...doc._observers].map(([k, v]) => `${k}:${v.size}`).join(',');
    host.calendar!.createEvent({ summary: 'Shared', start: '2026-12-02T10:00:00', end: '2026-12-02T11:00:00', timeZone: 'Europe/Berlin' });
    // The engine keeps one cache per Y.Doc (with one listener of its own); it is set up by the first query.
    host.calendar!.occurrences({ from: '2026-12-01', to: '2026-12-08' });
    const namesBefore = names();
    const before = count();
    const second = document.createElement('allmende-calendar') as CalendarElement & { ydoc: unknown; updateComplete: Promise<boolean> };
    second.ydoc = doc;
    second.date = '2026-12-02';
    second.setAttribute('view', 'week');
    document.body.append(second);
    await second.updateComplete;
    const shown = second.shadowRoot!.querySelectorAll('[data-key]').length;
    const during = count();
    second.remove();
    return { before, during, after: count(), shown, namesBefore, namesAfter: names() };
  });
  expect(counts.shown).toBe(1);
  expect(counts.during).toBeGreaterThan(counts.before);
  expect(counts.after, `${counts.namesBefore} → ${counts.namesAfter}`).toBe(counts.before);
});

test('drawing across days creates an all-day event: in the month view, in the week view\'s all-day lane, and by keyboard', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openCalendar(browser, 'Ada', 'draw-days', 'en');
  await setView(page, 'month', '2026-12-02');
  const cell = (date: string): Locator => cal(page).locator(`.month .cell[data-date="${date}"]`);
  const title = cal(page).getByLabel('Title', { exact: true });
  // A drag from Tuesday to Thursday of one week draws the days as it goes, then opens the dialog with them filled in.
  const from = (await cell('2026-12-08').boundingBox())!;
  const to = (await cell('2026-12-10').boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height - 8);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + from.width / 2 + ((to.x - from.x) * i) / 5, from.y + from.height - 8);
  await expect(chip(page, 'New event')).toHaveAttribute('aria-label', /Tuesday, December 8, 2026 – Thursday, December 10, 2026/);
  await page.mouse.up();
  await expect(title).toBeFocused();
  await expect(cal(page).locator('input[name="allDay"]')).toBeChecked();
  await expect(cal(page).locator('input[name="startDate"]')).toHaveValue('2026-12-08');
  await expect(cal(page).locator('input[name="endDate"]')).toHaveValue('2026-12-10');
  await title.fill('Klausur');
  await title.press('Enter');
  await expect(chip(page, 'Klausur')).toBeVisible();
  expect(await withCalendar(page, (c) => c.listEvents().map((e) => [e.summary, e.start, e.end]), null)).toEqual([['Klausur', '2026-12-08', '2026-12-11']]);

  // A click on a day is no drag: the double-click still makes a one-day event, and a drag backwards works too.
  await cell('2026-12-17').dblclick();
  await expect(cal(page).locator('input[name="startDate"]')).toHaveValue('2026-12-17');
  await expect(cal(page).locator('input[name="endDate"]')).toHaveValue('2026-12-17');
  await cal(page).getByRole('button', { name: 'Cancel' }).click();

  // In the week view the all-day lane draws days the same way, right to left here.
  await setView(page, 'week', '2026-12-16');
  const lane = (date: string): Locator => cal(page).locator(`.alldaycell[data-date="${date}"]`);
  const fri = (await lane('2026-12-18').boundingBox())!;
  const wed = (await lane('2026-12-16').boundingBox())!;
  await page.mouse.move(fri.x + fri.width / 2, fri.y + fri.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(fri.x + fri.width / 2 + ((wed.x - fri.x) * i) / 5, fri.y + fri.height / 2);
  await page.mouse.up();
  await expect(cal(page).locator('input[name="startDate"]')).toHaveValue('2026-12-16');
  await expect(cal(page).locator('input[name="endDate"]')).toHaveValue('2026-12-18');
  await title.fill('Messe');
  await title.press('Enter');
  await expect(chip(page, 'Messe')).toHaveAttribute('aria-label', /Wednesday, December 16, 2026 – Friday, December 18, 2026/);

  // By keyboard: Shift+arrows from a day select days, Escape drops the selection, Enter opens the dialog for them.
  await setView(page, 'month', '2026-12-02');
  await cell('2026-12-22').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(chip(page, 'New event')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(chip(page, 'New event')).toHaveCount(0);
  await cell('2026-12-22').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(cal(page).getByTestId('announcement')).toHaveText(/Tuesday, December 22, 2026 – Thursday, December 24, 2026/);
  await page.keyboard.press('Enter');
  await expect(cal(page).locator('input[name="startDate"]')).toHaveValue('2026-12-22');
  await expect(cal(page).locator('input[name="endDate"]')).toHaveValue('2026-12-24');
  await page.keyboard.type('Feiertage');
  await page.keyboard.press('Enter');
  const events = await withCalendar(page, (c) => c.listEvents().map((e) => [e.summary, e.start, e.end]).sort(), null);
  expect(events).toEqual([['Feiertage', '2026-12-22', '2026-12-25'], ['Klausur', '2026-12-08', '2026-12-11'], ['Messe', '2026-12-16', '2026-12-19']]);
});

test('paging the week view: the page rendered ahead stays hidden and keyless until "next" shows it, back and forth', async ({ browser }) => {
  relay = new RelayProcess();
  await relay.start();
  const page = await openCalendar(browser, 'Ada', 'ahead', 'de');
  await seed(page);
  await setView(page, 'week', '2026-11-30');
  await expect(chip(page, 'Haushaltsplanung 2027')).toBeVisible();
  // At idle the element renders the next week (7–13 December) into its second event layer: hidden from people,
  // screen readers and the keyboard, its events without keys or labels.
  const ahead = cal(page).locator('.layer.ahead');
  await expect(ahead).toContainText('Team-Frühstück');
  await expect(ahead).toHaveAttribute('aria-hidden', 'true');
  await expect(ahead.locator('[data-key], [aria-label], [data-col], [tabindex="0"]')).toHaveCount(0);
  await expect(chip(page, 'Team-Frühstück')).toHaveCount(0);
  await expect(cal(page).getByRole('button', { name: /Team-Frühstück/ })).toHaveCount(0);
  await expect(chip(page, 'Stand-up')).toHaveCount(5);

  await cal(page).getByRole('button', { name: 'Weiter' }).click();
  const breakfast = chip(page, 'Team-Frühstück');
  await expect(breakfast).toBeVisible();
  await expect(breakfast).toHaveAttribute('aria-label', /^Team-Frühstück, 8:00\s?–\s?9:00, Freitag, 11\. Dezember 2026/);
  await expect(cal(page).getByRole('button', { name: /^Team-Frühstück/ })).toHaveCount(1);
  // Only the week shown has keys: the five stand-ups of 7–11 December, none of the week before (now hidden).
  await expect(chip(page, 'Stand-up')).toHaveCount(5);
  await expect(chip(page, 'Stand-up').first()).toHaveAttribute('aria-label', /Montag, 7\. Dezember 2026/);
  await expect(chip(page, 'Haushaltsplanung 2027')).toHaveCount(0);
  await expect(cal(page).locator('.nowline')).toHaveCount(0);
  await expect(cal(page).locator('[data-col]')).toHaveCount(7);
  await expect(cal(page).locator('[data-col="2026-12-11"]')).toBeVisible();

  // The shown page's events work as before: opened by keyboard from the focused box.
  await breakfast.focus();
  await page.keyboard.press('Enter');
  const title = cal(page).getByLabel('Titel', { exact: true });
  await expect(title).toHaveValue('Team-Frühstück');
  await page.keyboard.press('Escape');
  await expect(title).toBeHidden();

  // Back to the first week (the hidden layer still held it): today's line and its events are back, with keys.
  await cal(page).getByRole('button', { name: 'Zurück' }).click();
  await expect(chip(page, 'Haushaltsplanung 2027')).toBeVisible();
  await expect(chip(page, 'Haushaltsplanung 2027')).toHaveAttribute('aria-label', /Dienstag, 1\. Dezember 2026/);
  await expect(cal(page).locator('.nowline')).toHaveCount(1);
  await expect(chip(page, 'Team-Frühstück')).toHaveCount(0);
  await expect(cal(page).locator('.layer.ahead [data-key]')).toHaveCount(0);
  // An edit from elsewhere while a page is held hidden shows on that page when it comes.
  await withCalendar(page, (c) => {
    const uid = c.listEvents().find((e) => e.summary === 'Team-Frühstück')!.uid;
    return c.updateEvent(uid, { summary: 'Team-Frühstück (verlegt)' });
  }, null);
  await cal(page).getByRole('button', { name: 'Weiter' }).click();
  await expect(chip(page, 'Team-Frühstück (verlegt)')).toBeVisible();
});

/** Lets the page have two idle periods after painting, as between a person's presses: the element works ahead then. */
async function idle(page: Page): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 3000 }))));
  }
}

test('paging the month view after idle: the page laid out ahead shows the right month and events, also after a remote edit', async ({ browser }) => {
  // Two browsers on a shared 2-core machine.
  test.slow();
  relay = new RelayProcess();
  await relay.start();
  const ada = await openCalendar(browser, 'Ada', 'month-ahead', 'de');
  const bob = await openCalendar(browser, 'Bob', 'month-ahead', 'de');
  await seed(ada);
  await withCalendar(ada, (c) => {
    const z = 'Europe/Berlin';
    c.createEvent({ uid: 'reception', calendarId: 'work', summary: 'Neujahrsempfang', start: '2027-01-12T18:00:00', end: '2027-01-12T20:00:00', timeZone: z });
    c.createEvent({ uid: 'martin', calendarId: 'home', summary: 'Martinsumzug', start: '2026-11-11T17:00:00', end: '2026-11-11T18:00:00', timeZone: z });
    return null;
  }, null);
  await setView(ada, 'month', '2026-12-02');
  await expect(ada.locator('allmende-calendar').getByRole('grid', { name: 'Dezember 2026' })).toBeVisible();
  const tuesday15 = cal(ada).getByRole('gridcell', { name: 'Dienstag, 15. Dezember 2026' });
  await expect(tuesday15.locator('[data-key]').first()).toBeVisible();
  await expect(tuesday15).toContainText('Quartalsbericht');

  // At idle the element fetches and lays out January (and November); "Weiter" then shows January as it is.
  await idle(ada);
  await cal(ada).getByRole('button', { name: 'Weiter', exact: true }).click();
  const january = cal(ada).getByRole('grid', { name: 'Januar 2027' });
  await expect(january).toBeVisible();
  const jan12 = cal(ada).getByRole('gridcell', { name: 'Dienstag, 12. Januar 2027' });
  await expect(jan12.locator('[data-key^="reception|"]')).toHaveText(/Neujahrsempfang/);
  await expect(jan12.locator('[data-key^="reception|"]')).toHaveAttribute('aria-label', /^Neujahrsempfang, 18:00\s?–\s?20:00, Dienstag, 12\. Januar 2027/);
  // The holiday runs from December into the first days of January: a bar across the first week row, from its Monday.
  await expect(cal(ada).getByRole('gridcell', { name: 'Montag, 28. Dezember 2026' }).locator('.ev.bar')).toHaveText('Urlaub');
  await expect(cal(ada).getByRole('gridcell', { name: 'Dienstag, 15. Dezember 2026' })).toHaveCount(0);

  // Back to December after idle (laid out ahead in that direction now), then Bob edits January, the page held ahead:
  // he renames the reception and moves it to the 13th, and adds an event on the 12th.
  await idle(ada);
  await cal(ada).getByRole('button', { name: 'Zurück', exact: true }).click();
  await expect(cal(ada).getByRole('grid', { name: 'Dezember 2026' })).toBeVisible();
  await expect(tuesday15).toContainText('Quartalsbericht');
  await idle(ada);
  await withCalendar(bob, (c) => {
    c.updateEvent('reception', { summary: 'Neujahrsempfang (verlegt)', start: '2027-01-13T18:00:00', end: '2027-01-13T20:00:00' });
    c.createEvent({ uid: 'board', calendarId: 'work', summary: 'Vorstandssitzung', start: '2027-01-12T09:00:00', end: '2027-01-12T10:00:00', timeZone: 'Europe/Berlin' });
    return null;
  }, null);
  await expect.poll(() => withCalendar(ada, (c) => c.getEvent('reception').summary ?? '', null)).toBe('Neujahrsempfang (verlegt)');
  await expect.poll(() => withCalendar(ada, (c) => c.listEvents().some((e) => e.uid === 'board'), null)).toBe(true);
  await idle(ada);
  await cal(ada).getByRole('button', { name: 'Weiter', exact: true }).click();
  await expect(january).toBeVisible();
  await expect(jan12.locator('[data-key^="reception|"]')).toHaveCount(0);
  await expect(jan12).toContainText('Vorstandssitzung');
  const jan13 = cal(ada).getByRole('gridcell', { name: 'Mittwoch, 13. Januar 2027' });
  await expect(jan13.locator('[data-key^="reception|"]')).toHaveText(/Neujahrsempfang \(verlegt\)/);

  // Two steps back, each after idle: November with its own events; the keyboard still moves between its days.
  await idle(ada);
  await cal(ada).getByRole('button', { name: 'Zurück', exact: true }).click();
  await expect(cal(ada).getByRole('grid', { name: 'Dezember 2026' })).toBeVisible();
  await idle(ada);
  await cal(ada).getByRole('button', { name: 'Zurück', exact: true }).click();
  await expect(cal(ada).getByRole('grid', { name: 'November 2026' })).toBeVisible();
  const nov11 = cal(ada).getByRole('gridcell', { name: 'Mittwoch, 11. November 2026' });
  await expect(nov11).toContainText('Martinsumzug');
  await nov11.focus();
  await ada.keyboard.press('ArrowRight');
  await expect(cal(ada).locator(':focus')).toHaveAttribute('aria-label', 'Donnerstag, 12. November 2026');
});
