import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { addDays, viewRange } from './date-math.js';
import { firstDay, lastDay } from './occurrence-layout.js';
import type { ViewContext } from './view-context.js';

/** The year view: twelve small months; days with events are marked, and each day is a button that opens it. */
export function renderYear(ctx: ViewContext): TemplateResult {
  const busy = new Set<string>();
  const year = ctx.date.slice(0, 4);
  for (const occ of ctx.occs) {
    const last = lastDay(occ);
    for (let d = firstDay(occ), i = 0; d <= last && i < 400; d = addDays(d, 1), i++) busy.add(d);
  }
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`);
  return html`<div class="year">
    ${months.map((first) => {
      const { days } = viewRange('month', first, ctx.firstDay);
      const weeks: string[][] = [];
      for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
      return html`<section>
        <h3>${ctx.fmt.monthName(first)}</h3>
        <table role="grid" aria-label=${ctx.fmt.monthYear(first)}>
          <thead><tr>${weeks[0]!.map((d) => html`<th scope="col" abbr=${ctx.fmt.weekday(d)}>${ctx.fmt.weekdayNarrow(d)}</th>`)}</tr></thead>
          <tbody>
            ${weeks.map(
              (week) => html`<tr>
                ${week.map((d) => {
                  if (d.slice(0, 7) !== first.slice(0, 7)) return html`<td class="other"></td>`;
                  const focusId = `c:${d}`;
                  return html`<td>
                    <button
                      type="button"
                      class="${busy.has(d) ? 'busy' : ''}${d === ctx.today ? ' today' : ''}"
                      tabindex=${ctx.focusId === focusId ? 0 : -1}
                      data-focus-id=${focusId}
                      data-open-day=${d}
                      aria-label=${ctx.fmt.fullDate(d)}
                    >${ctx.fmt.dayOfMonth(d)}</button>
                  </td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </section>`;
    })}
  </div>`;
}
