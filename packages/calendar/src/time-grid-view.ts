import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { daySegments, inAllDayLane, monthOrder } from './occurrence-layout.js';
import { layerSlot, renderLayer } from './time-grid-layer.js';
import type { LayerPage } from './time-grid-layer.js';
import { renderChip } from './view-context.js';
import type { ViewContext } from './view-context.js';
import { HOUR_HEIGHT } from './calendar-styles.js';

/** Minutes per keyboard slot in the week and day views. */
export const SLOT_MINUTES = 30;

const ALLDAY_LANE_REM = 1.375;

/** The all-day row's height for the occurrences of a page, in rem. */
function allDayHeight(ctx: ViewContext): { segs: ReturnType<typeof daySegments>; rem: number } {
  const segs = daySegments(monthOrder(ctx.occs.filter(inAllDayLane)), ctx.days);
  const laneCount = segs.reduce((max, s) => Math.max(max, s.lane + 1), 0);
  return { segs, rem: Math.max(1, laneCount) * ALLDAY_LANE_REM + 0.4 };
}

/**
 * The week, work-week and day views: a header row with the days, a lane for
 * all-day and multi-day events, and the hours with the timed events laid out
 * side by side, and a line at the current time. The slots are a grid
 * (`role="grid"`: a row per half hour, a `gridcell` per day labelled with its
 * full date and time); the timed events lie on a layer over it, outside
 * the grid (a group of buttons labelled with their full dates and times).
 */
export function renderTimeGrid(ctx: ViewContext, ahead: ViewContext | null = null): TemplateResult {
  const days = ctx.days;
  const n = days.length;
  const { segs, rem: allDayRem } = allDayHeight(ctx);
  // Two event layers: the page shown in the one its date picks, the page rendered ahead (if any) hidden in the other.
  const slot = layerSlot(days[0]!, n);
  const layers: [LayerPage | null, LayerPage | null] = [null, null];
  layers[slot] = { ctx, live: true, allDayRem };
  if (ahead && ahead.days.length === n && layerSlot(ahead.days[0]!, n) !== slot) layers[1 - slot] = { ctx: ahead, live: false, allDayRem: allDayHeight(ahead).rem };
  const slots: number[] = [];
  for (let m = 0; m < 1440; m += SLOT_MINUTES) slots.push(m);
  return html`
    <div class="tg" style="--_days:${n};--_hour:${HOUR_HEIGHT}px">
      <div class="scroll" data-scroll>
      <div role="grid" class="tggrid" aria-label=${ctx.t('calendarLabel')}>
        <div class="stick" role="rowgroup">
        <div class="headrow" role="row">
          <div class="gutter" role="presentation"></div>
          ${days.map(
            (day, i) => html`<div class="colhead${day === ctx.today ? ' today' : ''}" role="columnheader" id=${`colhead-${i}`} aria-label=${ctx.fmt.fullDate(day)}>
              <span class="wd" aria-hidden="true">${ctx.fmt.weekday(day)}</span>
              <span class="num" aria-hidden="true">${ctx.fmt.dayOfMonth(day)}</span>
            </div>`,
          )}
        </div>
        <div class="alldayrow" role="row" style="height:${allDayRem}rem">
          <div class="gutter" role="rowheader">${ctx.t('allDay')}</div>
          ${days.map((day, i) => {
            const focusId = `a:${day}`;
            return html`<div
              class="alldaycell"
              role="gridcell"
              tabindex=${ctx.focusId === focusId ? 0 : -1}
              data-focus-id=${focusId}
              data-date=${day}
              data-allday="1"
              aria-label=${`${ctx.fmt.fullDate(day)}, ${ctx.t('allDay')}`}
            >
              ${segs
                .filter((s) => s.first === i)
                .map((s) => {
                  const span = s.last - s.first + 1;
                  const style = { top: `${0.2 + s.lane * ALLDAY_LANE_REM}rem`, left: '2px', width: `calc(${span * 100}% + ${span - 1}px - 4px)` };
                  const cls = `${s.continuesBefore ? 'cont-before ' : ''}${s.continuesAfter ? 'cont-after' : ''}`;
                  return renderChip(ctx, s.occ, 'bar', style, html`${s.occ.summary || ctx.t('noTitle')}`, cls);
                })}
            </div>`;
          })}
        </div>
        </div>
          <div class="slots" role="rowgroup">
            ${slots.map(
              (minute) => html`<div class="slotrow" role="row">
                <div class="hourlabel" role="rowheader" id=${`hour-${minute}`} aria-label=${ctx.fmt.time(minute)}>
                  ${minute % 60 === 0 && minute > 0 ? html`<span aria-hidden="true">${ctx.fmt.hour(minute / 60)}</span>` : nothing}
                </div>
                ${days.map((day, i) => {
                  const focusId = `s:${day}:${minute}`;
                  const focused = ctx.focusId === focusId;
                  // The cells do not change when the page does: a cell is named by its column header (the full date) and
                  // its row header (the time), so a switch writes 7 header labels, not 336 cell labels. The focused cell
                  // names itself in full, as the keyboard reads it out. Lines and weekend shading are backgrounds.
                  return html`<div
                    class="slot"
                    role="gridcell"
                    tabindex=${focused ? 0 : -1}
                    data-focus-id=${focusId}
                    data-minute=${minute}
                    aria-labelledby=${focused ? nothing : `colhead-${i} hour-${minute}`}
                    aria-label=${focused ? `${ctx.fmt.fullDate(day)}, ${ctx.fmt.time(minute)}` : nothing}
                  ></div>`;
                })}
              </div>`,
            )}
          </div>
        </div>
          ${renderLayer(layers[0])}${renderLayer(layers[1])}
      </div>
    </div>
  `;
}
