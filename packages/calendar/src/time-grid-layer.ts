import type { Occurrence } from '@allmende/calendar-model';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { HOUR_HEIGHT } from './calendar-styles.js';
import { isoWeekday } from './date-math.js';
import { timedBoxes } from './occurrence-layout.js';
import { renderChip, startTime } from './view-context.js';
import type { ViewContext } from './view-context.js';

/** A percentage with at most three decimals. */
function pct(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * Which of the time grid's two event layers holds the page that starts on `from` (ISO date): pages next to each
 * other (weeks, or days in the day view) always get different layers, so the page after the one shown can be
 * rendered ahead into the other layer (see `LayerAhead`).
 */
export function layerSlot(from: string, daysPerPage: number): 0 | 1 {
  const day = Math.floor(Date.parse(`${from}T00:00:00Z`) / 86_400_000);
  const page = Math.floor(day / (daysPerPage === 1 ? 1 : 7));
  return (((page % 2) + 2) % 2) as 0 | 1;
}

/** One of the two event layers: the page it holds, and whether it is the page shown. */
export interface LayerPage {
  ctx: ViewContext;
  /** The page shown; false for the page rendered ahead (transparent, under the slots, its events without keys or labels). */
  live: boolean;
  /** The all-day row's height of that page, in rem (the layer lies below it). */
  allDayRem: number;
}

/**
 * An event layer of the week and day views: a column per day with the timed events laid out side by side, and the
 * line at the current time. The layer of the page shown is a group of buttons labelled with their full dates and
 * times; the other layer holds the page rendered ahead, laid out and painted but transparent, under the slot grid
 * (so the pointer reaches the slots) and `aria-hidden`, its boxes without `data-key`, labels and `tabindex="0"`, so
 * that nothing (the keyboard, screen readers, the pointer code, tests) finds its events until it is shown. Showing it
 * changes the two layers' opacity and z-index only (calendar-styles.ts): no box is restyled, laid out or painted. Guarded: a render that changes nothing the boxes show (a page rendered ahead, focus on a slot, the
 * clock of another day) does not build the boxes' templates again.
 */
export function renderLayer(page: LayerPage | null): unknown {
  if (!page) return nothing;
  const { ctx, live, allDayRem } = page;
  // Boxes only compare the focus and the grab with their own keys ("e:<key>"), and only on the page shown; the clock
  // matters only on today's page, shown.
  const focusDep = live && ctx.focusId.startsWith('e:') ? ctx.focusId : '';
  const todayShown = live && ctx.days.includes(ctx.today);
  return guard(
    [ctx.occs, ctx.days[0], ctx.days.length, live, allDayRem, focusDep, live ? ctx.grabbedKey : null, ctx.editors, ctx.fmt, todayShown ? ctx.nowMinute : -1, todayShown ? ctx.today : ''],
    () => layerTemplate(ctx, live, allDayRem),
  );
}

/** A timed event's box, ready to render: its occurrence, inline style, classes and text. */
interface PlacedBox {
  occ: Occurrence;
  style: string;
  cls: string;
  text: string;
}

interface Placed {
  from: string;
  n: number;
  fmt: ViewContext['fmt'];
  days: PlacedBox[][];
}

/** The boxes of a page by its occurrences (the query's answer, kept per page and document revision). */
const placedPages = new WeakMap<readonly Occurrence[], Placed>();

/**
 * The boxes of the page of `ctx`, laid out once per page: a switch that shows a page rendered ahead renders its
 * layer again (its boxes get their keys and labels) and the layer it leaves (they lose them), and neither lays out
 * the boxes again.
 */
function placedBoxes(ctx: ViewContext): PlacedBox[][] {
  const days = ctx.days;
  const n = days.length;
  const kept = placedPages.get(ctx.occs);
  if (kept && kept.from === days[0] && kept.n === n && kept.fmt === ctx.fmt) return kept.days;
  const placed = timedBoxes(ctx.occs, days).map((boxes) =>
    boxes.map((b): PlacedBox => {
      const height = Math.max(b.bottom - b.top, 20);
      const px = (height / 60) * HOUR_HEIGHT - 2;
      // Like paper calendars, a box that has columns to its right widens over them a little (the later one lies on top).
      const share = Math.min(b.columns - b.column, b.column + b.span < b.columns ? b.span * 1.6 : b.span) / b.columns;
      const short = height < 45;
      // One style string of numbers, without calc(): Chromium parses calc() in a style attribute several times
      // slower than plain lengths, for ~500 boxes a page. Left and right in per cent; the margins are the gaps.
      const left = (b.column / b.columns) * 100;
      const style = `top:${(b.top / 60) * HOUR_HEIGHT}px;height:${px}px;left:${pct(left)}%;right:${pct(Math.max(0, 100 - left - share * 100))}%;z-index:${2 + b.column};${short ? `line-height:${px - 2}px;` : ''}`;
      const time = b.continuesBefore ? '' : startTime(ctx, b.occ);
      const title = b.occ.summary || ctx.t('noTitle');
      // One element and one text node per box: the title, then the start time on its own line ("pre-line";
      // boxes on one line show both on it). A pseudo-element for the time cost a style, a layout box and
      // a text per box in every page switch. Short boxes, and narrow ones (a third of a week's day or less, where
      // a wrapped title would stand one word per line), are one line with an ellipsis: each extra line is
      // layout work in every switch. The resize grip is a pseudo-element only under the pointer ("grip").
      const cls = `${short ? 'short' : share / n <= 1 / 21 ? 'narrow' : ''}${b.continuesAfter ? '' : ' grip'}${b.continuesBefore ? '' : ' grip-top'}`;
      return { occ: b.occ, style, cls, text: time ? `${title}\n${time}` : title };
    }),
  );
  placedPages.set(ctx.occs, { from: days[0]!, n, fmt: ctx.fmt, days: placed });
  return placed;
}

function layerTemplate(ctx: ViewContext, live: boolean, allDayRem: number): TemplateResult {
  const days = ctx.days;
  const n = days.length;
  const boxes = placedBoxes(ctx);
  const todayIndex = live ? days.indexOf(ctx.today) : -1;
  return html`<div
    class=${live ? 'layer' : 'layer ahead'}
    role=${live ? 'group' : nothing}
    aria-label=${live ? ctx.t('calendarLabel') : nothing}
    aria-hidden=${live ? nothing : 'true'}
    style="top:calc(4rem + ${allDayRem}rem)"
  >
    ${days.map(
      (day, i) => html`<div class="daycol${isoWeekday(day) >= 6 ? ' weekend' : ''}" data-col=${live ? day : nothing} style="left:${(i / n) * 100}%;width:${100 / n}%">
        ${boxes[i]!.map((b) => renderChip(ctx, b.occ, 'box', b.style, b.text, b.cls, live))}
        ${i === todayIndex ? html`<div class="nowline" role="img" aria-label=${`${ctx.t('now')}: ${ctx.fmt.time(ctx.nowMinute)}`} style="top:${(ctx.nowMinute / 60) * HOUR_HEIGHT}px"></div>` : nothing}
      </div>`,
    )}
  </div>`;
}
