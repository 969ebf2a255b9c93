import type { CollabFailure, CollabStatus, PresenceUser } from '@allmende/ui';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { CalendarTranslate } from './calendar-messages.js';
import { addDays, VIEWS } from './date-math.js';
import type { CalendarView } from './date-math.js';
import type { Formats } from './formats.js';

/** What the toolbar shows and calls. */
export interface ToolbarHost {
  readonly t: CalendarTranslate;
  readonly editable: boolean;
  /** The date shown, ISO. */
  readonly date: string;
  readonly view: CalendarView;
  /** The page's title: the month, the week's days, the day or the year. */
  readonly period: string;
  readonly presence: readonly PresenceUser[];
  readonly readOnlyBadge: boolean;
  create(): void;
  today(): void;
  step(direction: 1 | -1): void;
  goTo(date: string): void;
  setView(view: CalendarView): void;
}

/** The toolbar of `<allmende-calendar>`: new event, today, previous and next, the period, a date picker, the view, who is here. */
export function renderToolbar(host: ToolbarHost): TemplateResult {
  const { t } = host;
  return html`
    <header class="top">
      <button type="button" class="tb primary" ?disabled=${!host.editable} @click=${() => host.create()}>+ ${t('newEvent')}</button>
      <button type="button" class="tb" data-action="today" @click=${() => host.today()}>${t('today')}</button>
      <button type="button" class="icon" aria-label=${t('previous')} title=${t('previous')} data-action="previous" @click=${() => host.step(-1)}>‹</button>
      <button type="button" class="icon" aria-label=${t('next')} title=${t('next')} data-action="next" @click=${() => host.step(1)}>›</button>
      <h2 class="period" aria-live="polite">${host.period}</h2>
      <input type="date" aria-label=${t('goToDate')} .value=${host.date} @change=${(e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        if (/^\d{4}-\d{2}-\d{2}$/.test(v)) host.goTo(v);
      }} />
      <span class="grow"></span>
      <label class="sr-only" for="view-select">${t('viewLabel')}</label>
      <select id="view-select" aria-label=${t('viewLabel')} .value=${host.view} @change=${(e: Event) => host.setView((e.target as HTMLSelectElement).value as CalendarView)}>
        ${VIEWS.map((v) => html`<option value=${v} ?selected=${v === host.view}>${t(v)}</option>`)}
      </select>
      <div class="meta">
        ${host.presence.length > 0
          ? html`<allmende-presence-list part="presence" label=${t('presenceLabel')} .users=${host.presence}></allmende-presence-list>`
          : nothing}
        ${host.readOnlyBadge ? html`<span part="access">${t('readOnly')}</span>` : nothing}
      </div>
    </header>
  `;
}

/** The title of the page a view shows from `from` to `to` (exclusive): the month, the day, the year, or the range of days. */
export function periodTitle(fmt: Formats, view: CalendarView, date: string, from: string, to: string): string {
  switch (view) {
    case 'month':
      return fmt.monthYear(date);
    case 'day':
      return fmt.fullDate(from);
    case 'year':
      return from.slice(0, 4);
    default:
      return fmt.dateRange(from, addDays(to, -1));
  }
}

/** The text of the status part: the connection state, and why it failed (a close code from the relay, for example). */
export function statusText(t: CalendarTranslate, status: CollabStatus, failure: CollabFailure | null): string {
  if (!status) return '';
  if (status !== 'error') return t(status);
  if (!failure) return t('notConnected', '');
  return t('notConnected', failure.reason === 'closedByRelay' ? t('closedByRelay', failure.code) : t(failure.reason));
}

/** The notice under the toolbar (`role="alert"`), such as a refused change, with a button that dismisses it. */
export function renderNotice(t: CalendarTranslate, notice: string, dismiss: () => void): TemplateResult {
  return html`<div part="notice" class=${notice ? 'shown' : ''} role="alert">
    ${notice ? html`<span>${notice}</span><button type="button" class="tb" @click=${dismiss}>${t('dismiss')}</button>` : nothing}
  </div>`;
}
