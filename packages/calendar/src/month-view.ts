import type { Occurrence } from '@allmende/calendar-model';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { isoWeekday } from './date-math.js';
import { hiddenPerDay } from './layout.js';
import { daySegments, monthOrder } from './occurrence-layout.js';
import type { DaySegment } from './occurrence-layout.js';
import { renderChip, startTime } from './view-context.js';
import type { ViewContext } from './view-context.js';

/** Height of the day number line and of one lane in a month cell, in rem. */
const HEAD_REM = 1.85;
const LANE_REM = 1.375;

function segmentChip(ctx: ViewContext, seg: DaySegment): TemplateResult {
  const occ: Occurrence = seg.occ;
  const span = seg.last - seg.first + 1;
  const spansDays = occ.allDay || seg.continuesBefore || seg.continuesAfter || span > 1;
  const style = {
    top: `${HEAD_REM + seg.lane * LANE_REM}rem`,
    left: '2px',
    width: `calc(${span * 100}% + ${span - 1}px - 4px)`,
  };
  const title = occ.summary || ctx.t('noTitle');
  // The same content template for bars and dots, so Lit updates chips in place when the month changes.
  const time = !occ.allDay && !seg.continuesBefore ? startTime(ctx, occ) : '';
  const content = html`<span class="time">${time}</span>${title}`;
  if (spansDays) {
    const cls = `${seg.continuesBefore ? 'cont-before ' : ''}${seg.continuesAfter ? 'cont-after' : ''}`;
    return renderChip(ctx, occ, 'bar', style, content, cls);
  }
  return renderChip(ctx, occ, 'dot', style, content);
}

/**
 * The month view: a grid of weeks (`role="grid"`, a row per week, a
 * `gridcell` per day labelled with its full date), events spanning days as
 * bars across cells, timed ones as dotted lines, and "+N more" where a cell
 * is full; it opens the day.
 */
export function renderMonth(ctx: ViewContext): TemplateResult {
  const weeks: string[][] = [];
  for (let i = 0; i < ctx.days.length; i += 7) weeks.push(ctx.days.slice(i, i + 7) as string[]);
  const month = ctx.date.slice(0, 7);
  const ordered = monthOrder(ctx.occs);
  const lanes = Math.max(1, ctx.monthLanes);
  return html`
    <div class="month">
      <div class="dow" aria-hidden="true">${weeks[0]?.map((d) => html`<span>${ctx.fmt.weekday(d)}</span>`)}</div>
      <div class="weeks" role="grid" aria-label=${ctx.fmt.monthYear(ctx.date)}>
        ${weeks.map((week) => {
          const segs = daySegments(ordered, week);
          const hidden = hiddenPerDay(segs, segs.map((s) => s.lane), 7, lanes);
          const limit = hidden.map((h) => (h > 0 ? lanes - 1 : lanes));
          const byStart: DaySegment[][] = week.map(() => []);
          for (const s of segs) {
            // A bar is drawn from the first day where its lane is visible.
            for (let d = s.first; d <= s.last; d++) {
              if (s.lane < limit[d]!) {
                let last = d;
                while (last < s.last && s.lane < limit[last + 1]!) last++;
                byStart[d]!.push({ ...s, first: d, last, continuesBefore: s.continuesBefore || d > s.first, continuesAfter: s.continuesAfter || last < s.last });
                d = last;
              }
            }
          }
          return html`<div class="week" role="row">
            ${week.map((day, i) => {
              const focusId = `c:${day}`;
              const wd = isoWeekday(day);
              const cls = `cell${day.slice(0, 7) !== month ? ' other' : ''}${day === ctx.today ? ' today' : ''}${wd >= 6 ? ' weekend' : ''}`;
              return html`<div
                class=${cls}
                role="gridcell"
                tabindex=${ctx.focusId === focusId ? 0 : -1}
                data-focus-id=${focusId}
                data-date=${day}
                aria-label=${ctx.fmt.fullDate(day)}
                aria-current=${day === ctx.today ? 'date' : nothing}
              >
                <div class="daynum" aria-hidden="true"><span>${ctx.fmt.dayOfMonth(day)}</span></div>
                ${byStart[i]!.map((s) => segmentChip(ctx, s))}
                ${hidden[i]! > 0
                  ? html`<button
                      type="button"
                      class="more"
                      tabindex=${ctx.focusId === `m:${day}` ? 0 : -1}
                      data-focus-id=${`m:${day}`}
                      data-more=${day}
                      style="top:${HEAD_REM + (lanes - 1) * LANE_REM}rem"
                      aria-label=${ctx.t('moreEventsLabel', hidden[i]!, ctx.fmt.fullDate(day))}
                    >${ctx.t('moreEvents', hidden[i]!)}</button>`
                  : nothing}
              </div>`;
            })}
          </div>`;
        })}
      </div>
    </div>
  `;
}

/** How many event lanes fit in a month cell `heightPx` high, with `remPx` pixels per rem. */
export function monthLanesFor(heightPx: number, remPx: number): number {
  return Math.max(1, Math.floor((heightPx / remPx - HEAD_REM - 0.1) / LANE_REM));
}

/** The month grid's room, measured: the height of all its week rows together and the pixels per rem. */
export interface MonthRoom {
  gridPx: number;
  remPx: number;
}

/** The lanes a month cell has before anything is measured. */
export const DEFAULT_MONTH_LANES = 3;
/** A week row's minimum height (`.month .week`), in rem, and its bottom border, in px. */
const WEEK_MIN_REM = 4.5;
const WEEK_BORDER_PX = 1;

/**
 * How many event lanes fit in the cells of a month page with `rows` weeks (5 or 6) in a grid `room.gridPx` high:
 * the rows share the grid's height (and are at least 4.5rem high). Computed for each page, not measured from it,
 * so that a page with a different number of weeks than the last renders once, without a forced layout and a
 * second render for the lanes.
 */
export function monthLanesIn(room: MonthRoom | null, rows: number): number {
  if (!room || !(room.gridPx > 0) || !(room.remPx > 0) || !(rows > 0)) return DEFAULT_MONTH_LANES;
  const rowPx = Math.max(room.gridPx / rows, WEEK_MIN_REM * room.remPx + WEEK_BORDER_PX);
  return monthLanesFor(rowPx, room.remPx);
}
