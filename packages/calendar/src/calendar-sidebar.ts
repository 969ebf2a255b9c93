import type { CalendarInfo } from '@allmende/calendar-model';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CalendarTranslate } from './calendar-messages.js';

/** The palette offered for new calendars, dark enough for white text (WCAG AA). */
export const CALENDAR_COLORS = ['#1a73e8', '#0b8043', '#d50000', '#8e24aa', '#e67c00', '#039be5', '#616161', '#c2185b'];

/** What the calendar list needs from the element. */
export interface SidebarHost {
  readonly t: CalendarTranslate;
  readonly calendars: readonly CalendarInfo[];
  readonly hidden: ReadonlySet<string>;
  readonly editable: boolean;
  toggle(id: string, shown: boolean): void;
  editCalendar(id: string | null): void;
  exportCalendar(id: string): void;
  openImport(): void;
}

/** The list of calendars with show/hide checkboxes, and the calendar actions. */
export function renderSidebar(host: SidebarHost): TemplateResult {
  const { t } = host;
  return html`<aside part="calendars" aria-label=${t('calendars')}>
    <h3>${t('calendars')}</h3>
    <ul>
      ${host.calendars.map(
        (c) => html`<li style="--_cal:${c.color ?? CALENDAR_COLORS[0]}">
          <label>
            <input type="checkbox" .checked=${live(!host.hidden.has(c.id))} aria-label=${t('showCalendar', c.name)}
              @change=${(e: Event) => host.toggle(c.id, (e.target as HTMLInputElement).checked)} />
            <span title=${c.name}>${c.name}</span>
          </label>
          ${host.editable
            ? html`<button type="button" class="icon edit" aria-label=${t('editCalendar', c.name)} title=${t('editCalendar', c.name)} @click=${() => host.editCalendar(c.id)}>✎</button>`
            : nothing}
          <button type="button" class="icon edit" aria-label=${`${t('exportCalendar')}: ${c.name}`} title=${t('exportCalendar')} @click=${() => host.exportCalendar(c.id)}>⤓</button>
        </li>`,
      )}
    </ul>
    ${host.editable
      ? html`<button type="button" class="tb small" @click=${() => host.editCalendar(null)}>+ ${t('newCalendar')}</button>
          <button type="button" class="tb small" @click=${() => host.openImport()}>${t('importIcs')}</button>`
      : nothing}
  </aside>`;
}

/** The calendar being created or edited in the calendar dialog. */
export interface CalendarDraft {
  id: string | null;
  name: string;
  color: string;
  error: string;
  /** While the deletion is being confirmed: how many events go with the calendar. */
  confirmDelete?: number;
}

/**
 * The form of the calendar dialog: name and colour, and for an existing
 * calendar a delete button (`askDelete`), which first asks, naming how many
 * events are deleted with it (`remove` deletes).
 */
export function renderCalendarForm(
  t: CalendarTranslate,
  draft: CalendarDraft,
  change: (d: Partial<CalendarDraft>) => void,
  save: () => void,
  cancel: () => void,
  askDelete?: () => void,
  remove?: () => void,
): TemplateResult {
  if (draft.confirmDelete !== undefined && remove) {
    return html`<form novalidate @submit=${(e: Event) => {
        e.preventDefault();
        remove();
      }}>
      <p role="alert" data-testid="confirm-delete-calendar">${t('confirmDeleteCalendar', draft.name, draft.confirmDelete)}</p>
      <div class="actions">
        <span class="spacer"></span>
        <button type="button" @click=${() => change({ confirmDelete: undefined })}>${t('cancel')}</button>
        <button type="submit" class="danger">${t('deleteCalendar', draft.name)}</button>
      </div>
    </form>`;
  }
  return html`<form novalidate @submit=${(e: Event) => {
      e.preventDefault();
      save();
    }}>
    <label class="field">${t('calendarName')}
      <input type="text" name="name" autofocus .value=${live(draft.name)} aria-invalid=${draft.error ? 'true' : 'false'}
        @input=${(e: Event) => change({ name: (e.target as HTMLInputElement).value, error: '' })} />
    </label>
    ${draft.error ? html`<p class="error" role="alert">${draft.error}</p>` : nothing}
    <label class="field">${t('calendarColor')}
      <input type="color" name="color" .value=${live(draft.color)} @input=${(e: Event) => change({ color: (e.target as HTMLInputElement).value })} />
    </label>
    <div class="actions">
      ${draft.id && askDelete ? html`<button type="button" class="danger" @click=${askDelete}>${t('deleteCalendar', draft.name)}</button>` : nothing}
      <span class="spacer"></span>
      <button type="button" @click=${cancel}>${t('cancel')}</button>
      <button type="submit" class="primary">${t('save')}</button>
    </div>
  </form>`;
}

/** The state of the import dialog. */
export interface ImportDraft {
  calendarId: string;
  busy: boolean;
  done: string;
  warnings: string[];
  error: string;
}

/** The form of the import dialog: target calendar, file, and what happened. */
export function renderImportForm(
  t: CalendarTranslate,
  draft: ImportDraft,
  calendars: readonly CalendarInfo[],
  change: (d: Partial<ImportDraft>) => void,
  pick: (file: File) => void,
  close: () => void,
): TemplateResult {
  return html`<form novalidate @submit=${(e: Event) => e.preventDefault()}>
    <label class="field">${t('importInto')}
      <select name="calendar" .value=${live(draft.calendarId)} @change=${(e: Event) => change({ calendarId: (e.target as HTMLSelectElement).value })}>
        ${calendars.map((c) => html`<option value=${c.id} ?selected=${c.id === draft.calendarId}>${c.name}</option>`)}
      </select>
    </label>
    <label class="field">${t('importFile')}
      <input type="file" name="file" accept=".ics,text/calendar" ?disabled=${draft.busy}
        @change=${(e: Event) => {
          const file = (e.target as HTMLInputElement).files?.[0];
          if (file) pick(file);
        }} />
    </label>
    <div role="status" data-testid="import-result">
      ${draft.done ? html`<p>${draft.done}</p>` : nothing}
      ${draft.warnings.length > 0 ? html`<p>${t('importWarnings')}</p><ul class="warnings">${draft.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : nothing}
    </div>
    ${draft.error ? html`<p class="error" role="alert" data-testid="import-error">${draft.error}</p>` : nothing}
    <div class="actions"><span class="spacer"></span><button type="button" @click=${close}>${t('close')}</button></div>
  </form>`;
}
