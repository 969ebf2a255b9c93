import type { TemplateResult } from 'lit';
import { renderAgenda } from './agenda-view.js';
import type { CalendarView } from './date-math.js';
import { renderMonth } from './month-view.js';
import { renderTimeGrid } from './time-grid-view.js';
import type { ViewContext } from './view-context.js';
import { renderYear } from './year-view.js';

/**
 * The template of `view`: month, agenda, year, or the time grid of the week, work week and day. `ahead`: the page
 * the time grid holds hidden in its second event layer (rendered ahead, or the page shown before).
 */
export function renderView(view: CalendarView, ctx: ViewContext, ahead: ViewContext | null = null): TemplateResult {
  switch (view) {
    case 'month':
      return renderMonth(ctx);
    case 'agenda':
      return renderAgenda(ctx);
    case 'year':
      return renderYear(ctx);
    default:
      return renderTimeGrid(ctx, ahead);
  }
}
