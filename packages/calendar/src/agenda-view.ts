import type { Occurrence } from '@allmende/calendar-model';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { addDays, AGENDA_DAYS, minuteOfDay } from './date-math.js';
import { firstDay, lastDay, occurrenceKey } from './occurrence-layout.js';
import { eventLabel, startTime } from './view-context.js';
import type { ViewContext } from './view-context.js';

/**
 * The agenda view: the next 30 days that have events, as a list of days
 * (`<ul>`), each with the list of its events; a multi-day event is listed on
 * each of its days.
 */
export function renderAgenda(ctx: ViewContext): TemplateResult {
  const byDay = new Map<string, Occurrence[]>();
  const end = addDays(ctx.date, AGENDA_DAYS);
  for (const occ of ctx.occs) {
    for (let d = firstDay(occ) < ctx.date ? ctx.date : firstDay(occ); d <= lastDay(occ) && d < end; d = addDays(d, 1)) {
      let list = byDay.get(d);
      if (!list) byDay.set(d, (list = []));
      list.push(occ);
    }
  }
  const days = [...byDay.keys()].sort();
  if (days.length === 0) return html`<div class="agenda"><p class="empty">${ctx.t('noEvents')}</p></div>`;
  return html`<div class="agenda">
    <ul class="days" aria-label=${ctx.t('agenda')}>
      ${days.map(
        (day) => html`<li class="day${day === ctx.today ? ' today' : ''}">
          <span class="date">${ctx.fmt.weekdayDate(day)}</span>
          <ul class="items" aria-label=${ctx.fmt.fullDate(day)}>
            ${byDay.get(day)!.map((occ) => {
              const focusId = `e:${occurrenceKey(occ)}`;
              const allDay = occ.allDay || firstDay(occ) !== lastDay(occ);
              return html`<li
                tabindex=${ctx.focusId === focusId ? 0 : -1}
                data-key=${occurrenceKey(occ)}
                aria-label=${eventLabel(ctx, occ)}
                style=${styleMap({ '--_cal': ctx.colorOf(occ.calendarId) })}
              >
                <span class="swatch" aria-hidden="true"></span>
                <span class="when" aria-hidden="true">${allDay ? ctx.t('allDay') : ctx.t('timeRange', startTime(ctx, occ), ctx.fmt.time(minuteOfDay(occ.end)))}</span>
                <span class="what">${occ.summary || ctx.t('noTitle')}${occ.location ? html` · <span class="loc">${occ.location}</span>` : ''}</span>
              </li>`;
            })}
          </ul>
        </li>`,
      )}
    </ul>
  </div>`;
}
