import '@allmende/calendar';
import type { AllmendeCalendar } from '@allmende/calendar';
import { createEvent, setCalendar } from '@allmende/calendar-model';
import * as Y from 'yjs';
import { MONTH_PLAN, seedEvents, WEEK_PLAN } from '../../seed-events.js';
import type { PageReport } from '../../shared.js';

/** Waits until the browser has painted what the last update rendered: a frame, then a task after it. */
function painted(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves when the browser has had an idle period (at most a second later). */
function idle(): Promise<boolean> {
  return new Promise((resolve) => requestIdleCallback((deadline) => resolve(deadline.didTimeout), { timeout: 1000 }));
}

/**
 * Seeds a fresh Y.Doc, renders the calendar in `view`, then switches to the next page `switches` times. `pace`: "idle"
 * lets the browser have an idle period before each switch (not timed), as between a person's presses of "next";
 * "back-to-back" switches again as soon as the last page is painted (what the benchmark did until 2026-11-28 15:40).
 */
async function run(view: 'month' | 'week', switches: number, pace: 'idle' | 'back-to-back' = 'idle'): Promise<PageReport> {
  const plan = view === 'month' ? MONTH_PLAN : WEEK_PLAN;
  const doc = new Y.Doc();
  const seedStart = performance.now();
  const calendars = ['work', 'team', 'home'];
  doc.transact(() => {
    setCalendar(doc, { id: 'work', name: 'Arbeit', color: '#1a73e8' });
    setCalendar(doc, { id: 'team', name: 'Team', color: '#0b8043' });
    setCalendar(doc, { id: 'home', name: 'Privat', color: '#8e24aa' });
    for (const event of seedEvents(plan, calendars)) createEvent(doc, event);
  });
  const seedMs = performance.now() - seedStart;
  const stage = document.getElementById('stage')!;
  stage.replaceChildren();
  const el = document.createElement('allmende-calendar') as AllmendeCalendar;
  el.timeZone = 'Europe/Berlin';
  el.view = view;
  el.date = plan.from;
  el.ydoc = doc;
  const renderStart = performance.now();
  stage.append(el);
  await el.updateComplete;
  await painted();
  const renderMs = performance.now() - renderStart;
  const shown: number[] = [el.visibleOccurrences.length];
  const chips: number[] = [el.renderRoot.querySelectorAll('[data-key]').length];
  const switchMs: number[] = [];
  const scriptMs: number[] = [];
  const noIdle: number[] = [];
  // For profile-switch.ts: its timeline summary counts what comes after this mark (the switches, not seeding or the first render).
  performance.mark('calendar-switches');
  for (let i = 0; i < switches; i++) {
    // For trace-switch.ts: a switch whose idle wait ended by its timeout, not in an idle period.
    if (pace === 'idle' && (await idle())) {
      performance.mark(`calendar-idle-timeout-${i}`);
      noIdle.push(i + 1);
    }
    // profile-switch.ts (PROFILE_SWITCHES) starts and stops its profiler around chosen switches, outside the timed part.
    if (window.calendarBenchBefore) await window.calendarBenchBefore(i + 1);
    const before = el.currentDate;
    // For trace-switch.ts: where each switch starts (its per-switch split, TRACE_PER_SWITCH=1).
    performance.mark(`calendar-switch-${i}`);
    const t0 = performance.now();
    el.step(1);
    await el.updateComplete;
    scriptMs.push(performance.now() - t0);
    await painted();
    switchMs.push(performance.now() - t0);
    performance.mark(`calendar-switch-end-${i}`);
    if (window.calendarBenchAfter) await window.calendarBenchAfter(i + 1);
    if (el.currentDate === before) throw new Error('the view did not move to the next page');
    shown.push(el.visibleOccurrences.length);
    chips.push(el.renderRoot.querySelectorAll('[data-key]').length);
  }
  const events = doc.getMap('events').size;
  el.remove();
  doc.destroy();
  return { view, events, seedMs, renderMs, switchMs, scriptMs, shown, chips, noIdle };
}

declare global {
  interface Window {
    calendarBench: { run: typeof run };
    /** Set by profile-switch.ts: called before switch `n` (1-based) starts and after it is painted. */
    calendarBenchBefore?: (n: number) => Promise<void>;
    calendarBenchAfter?: (n: number) => Promise<void>;
  }
}

window.calendarBench = { run };
