import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { isoWeekday } from './date-math.js';
import { HEAD_REM, LANE_REM, monthLayoutOf } from './month-layout.js';
import type { MonthChip } from './month-layout.js';
import { renderChip, startTime } from './view-context.js';
import type { ViewContext } from './view-context.js';

function segmentChip(ctx: ViewContext, chip: MonthChip): TemplateResult {
  const occ = chip.occ;
  const title = occ.summary || ctx.t('noTitle');
  // The same content template for bars and dots, so Lit updates chips in place when the month changes.
  const time = !occ.allDay && !chip.continuesBefore ? startTime(ctx, occ) : '';
  const content = html`<span class="time">${time}</span>${title}`;
  if (chip.bar) {
    const cls = `${chip.continuesBefore ? 'cont-before ' : ''}${chip.continuesAfter ? 'cont-after' : ''}`;
    return renderChip(ctx, occ, 'bar', chip.style, content, cls);
  }
  return renderChip(ctx, occ, 'dot', chip.style, content);
}

/**
 * The month view: a grid of weeks (`role="grid"`, a row per week, a
 * `gridcell` per day labelled with its full date), events spanning days as
 * bars across cells, timed ones as dotted lines, and "+N more" where a cell
 * is full; it opens the day. The lanes, chips and "+N more" counts come from
 * {@link monthLayoutOf} (laid out at idle for the page ahead), so the template
 * only turns them into elements.
 */
export function renderMonth(ctx: ViewContext): TemplateResult {
  const month = ctx.date.slice(0, 7);
  const layout = monthLayoutOf(ctx.occs, ctx.days, Math.max(1, ctx.monthLanes));
  const lanes = layout.lanes;
  const days = ctx.days;
  return html`
    <div class="month">
      <div class="dow" aria-hidden="true">${days.slice(0, 7).map((d) => html`<span>${ctx.fmt.weekday(d)}</span>`)}</div>
      <div class="weeks" role="grid" aria-label=${ctx.fmt.monthYear(ctx.date)}>
        ${layout.weeks.map((week, w) => {
          return html`<div class="week" role="row">
            ${week.chips.map((chips, i) => {
              const day = days[w * 7 + i]!;
              const hidden = week.hidden[i]!;
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
                ${chips.map((chip) => segmentChip(ctx, chip))}
                ${hidden > 0
                  ? html`<button
                      type="button"
                      class="more"
                      tabindex=${ctx.focusId === `m:${day}` ? 0 : -1}
                      data-focus-id=${`m:${day}`}
                      data-more=${day}
                      style="top:${HEAD_REM + (lanes - 1) * LANE_REM}rem"
                      aria-label=${ctx.t('moreEventsLabel', hidden, ctx.fmt.fullDate(day))}
                    >${ctx.t('moreEvents', hidden)}</button>`
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
