import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { isoWeekday } from './date-math.js';
import { daySegments, inAllDayLane, monthOrder, timedBoxes } from './occurrence-layout.js';
import { renderChip, startTime } from './view-context.js';
import type { ViewContext } from './view-context.js';
import { HOUR_HEIGHT } from './calendar-styles.js';

/** Minutes per keyboard slot in the week and day views. */
export const SLOT_MINUTES = 30;

const ALLDAY_LANE_REM = 1.375;

/** A percentage with at most three decimals. */
function pct(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * The week, work-week and day views: a header row with the days, a lane for
 * all-day and multi-day events, and the hours with the timed events laid out
 * side by side, and a line at the current time. The slots are a grid
 * (`role="grid"`: a row per half hour, a `gridcell` per day labelled with its
 * full date and time); the timed events lie on a layer over it, outside
 * the grid (a group of buttons labelled with their full dates and times).
 */
export function renderTimeGrid(ctx: ViewContext): TemplateResult {
  const days = ctx.days;
  const n = days.length;
  const lane = monthOrder(ctx.occs.filter(inAllDayLane));
  const segs = daySegments(lane, days);
  const laneCount = segs.reduce((max, s) => Math.max(max, s.lane + 1), 0);
  const allDayRem = Math.max(1, laneCount) * ALLDAY_LANE_REM + 0.4;
  const boxes = timedBoxes(ctx.occs, days);
  const todayIndex = days.indexOf(ctx.today);
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
          <div class="layer" role="group" aria-label=${ctx.t('calendarLabel')} style="top:calc(4rem + ${allDayRem}rem)">
            ${days.map(
              (day, i) => html`<div class="daycol${isoWeekday(day) >= 6 ? ' weekend' : ''}" data-col=${day} style="left:${(i / n) * 100}%;width:${100 / n}%">
                ${boxes[i]!.map((b) => {
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
                  return renderChip(ctx, b.occ, 'box', style, time ? `${title}\n${time}` : title, cls);
                })}
                ${i === todayIndex ? html`<div class="nowline" role="img" aria-label=${`${ctx.t('now')}: ${ctx.fmt.time(ctx.nowMinute)}`} style="top:${(ctx.nowMinute / 60) * HOUR_HEIGHT}px"></div>` : nothing}
              </div>`,
            )}
          </div>
      </div>
    </div>
  `;
}
