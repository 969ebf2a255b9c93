import type { CalendarInfo, PartStat } from '@allmende/calendar-model';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CalendarTranslate } from './calendar-messages.js';
import type { EventForm } from './event-form.js';
import type { Formats } from './formats.js';
import { weekdayOrdinal } from './recurrence-form.js';
import type { RecurrenceForm, RepeatKind } from './recurrence-form.js';

const PARTSTATS: PartStat[] = ['NEEDS-ACTION', 'ACCEPTED', 'TENTATIVE', 'DECLINED', 'DELEGATED'];
const CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** 2026-11-30 is a Monday: the labels of the weekday buttons are read from that week. */
const MONDAY = '2026-11-30';

/** What the event dialog needs from the element. */
export interface EventDialogHost {
  readonly t: CalendarTranslate;
  readonly fmt: Formats;
  readonly form: EventForm;
  readonly isNew: boolean;
  readonly error: string;
  readonly calendars: readonly CalendarInfo[];
  readonly zones: readonly string[];
  readonly editable: boolean;
  change(patch: Partial<EventForm>): void;
  save(): void;
  cancel(): void;
  remove(): void;
  exportEvent(): void;
}

function ordinalText(t: CalendarTranslate, fmt: Formats, date: string): string {
  const n = weekdayOrdinal(date);
  const weekday = new Intl.DateTimeFormat(fmt.locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
  const de = fmt.locale.startsWith('de');
  const words = de ? ['', 'ersten', 'zweiten', 'dritten', 'vierten'] : ['', 'first', 'second', 'third', 'fourth'];
  const which = n === -1 ? (de ? 'letzten' : 'last') : words[n]!;
  void t;
  return `${which} ${weekday}`;
}

function recurrenceFields(host: EventDialogHost): TemplateResult {
  const { t, form } = host;
  const r = form.recurrence;
  const set = (patch: Partial<RecurrenceForm>): void => host.change({ recurrence: { ...r, ...patch } });
  const disabled = !host.editable;
  return html`
    <label class="field wide">${t('repeat')}
      <select
        name="repeat"
        ?disabled=${disabled}
        .value=${live(r.kind)}
        @change=${(e: Event) => set({ kind: (e.target as HTMLSelectElement).value as RepeatKind })}
      >
        <option value="none">${t('repeatNone')}</option>
        <option value="daily">${t('repeatDaily')}</option>
        <option value="weekly">${t('repeatWeekly')}</option>
        <option value="monthly-date">${t('repeatMonthlyDate', Number(form.startDate.slice(8, 10)))}</option>
        <option value="monthly-weekday">${t('repeatMonthlyWeekday', ordinalText(t, host.fmt, form.startDate))}</option>
        <option value="yearly">${t('repeatYearly')}</option>
        <option value="custom">${t('repeatCustom')}</option>
      </select>
    </label>
    ${r.kind === 'weekly'
      ? html`<div class="row wide days-picker" role="group" aria-label=${t('repeatWeekly')}>
          ${CODES.map((code, i) => {
            const day = new Date(Date.parse(`${MONDAY}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
            return html`<label title=${host.fmt.weekday(day)}>
              <input
                type="checkbox"
                name="weekday-${code}"
                ?disabled=${disabled}
                .checked=${live(r.weekdays.includes(code))}
                aria-label=${host.fmt.weekday(day)}
                @change=${(e: Event) =>
                  set({ weekdays: (e.target as HTMLInputElement).checked ? [...r.weekdays, code] : r.weekdays.filter((w) => w !== code) })}
              /><span aria-hidden="true">${host.fmt.weekdayNarrow(day)}</span>
            </label>`;
          })}
        </div>`
      : nothing}
    ${r.kind === 'custom'
      ? html`<label class="field wide">${t('customRule')}
          <input
            type="text"
            name="rrule"
            spellcheck="false"
            placeholder="FREQ=WEEKLY;BYDAY=MO,WE"
            ?readonly=${disabled}
            .value=${live(r.custom)}
            @input=${(e: Event) => set({ custom: (e.target as HTMLInputElement).value })}
          />
        </label>`
      : nothing}
    ${r.kind !== 'none' && r.kind !== 'custom'
      ? html`<div class="row wide">
          <label>${t('every')} <input type="number" name="interval" min="1" max="999" style="width:4.5rem" ?readonly=${disabled}
            .value=${live(String(r.interval))} @input=${(e: Event) => set({ interval: Number((e.target as HTMLInputElement).value) })} /> ${t('intervalUnit', r.kind)}</label>
          <label>${t('ends')}
            <select name="ends" ?disabled=${disabled} .value=${live(r.ends)} @change=${(e: Event) => set({ ends: (e.target as HTMLSelectElement).value as RecurrenceForm['ends'] })}>
              <option value="never">${t('endsNever')}</option>
              <option value="on">${t('endsOn')}</option>
              <option value="after">${t('endsAfter')}</option>
            </select>
          </label>
          ${r.ends === 'on'
            ? html`<input type="date" name="until" aria-label=${t('endsOn')} ?readonly=${disabled} .value=${live(r.until)}
                @change=${(e: Event) => set({ until: (e.target as HTMLInputElement).value })} />`
            : nothing}
          ${r.ends === 'after'
            ? html`<input type="number" name="count" min="1" max="9999" style="width:5rem" aria-label=${t('times')} ?readonly=${disabled}
                .value=${live(String(r.count))} @input=${(e: Event) => set({ count: Number((e.target as HTMLInputElement).value) })} /> ${t('times')}`
            : nothing}
        </div>`
      : nothing}
  `;
}

/** The event dialog's form: every field of an event, with Save, Cancel, Delete and export. */
export function renderEventDialog(host: EventDialogHost): TemplateResult {
  const { t, form } = host;
  const ro = !host.editable;
  const input = (key: keyof EventForm) => (e: Event) => host.change({ [key]: (e.target as HTMLInputElement).value } as Partial<EventForm>);
  return html`<form
    class="event-form"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      host.save();
    }}
  >
    <div class="dialog-grid">
      <label class="field wide">${t('title')}
        <input type="text" name="title" autofocus ?readonly=${ro} .value=${live(form.title)} @input=${input('title')} />
      </label>
      <label class="field">${t('calendar')}
        <select name="calendar" ?disabled=${ro} .value=${live(form.calendarId)} @change=${input('calendarId')}>
          ${host.calendars.map((c) => html`<option value=${c.id} ?selected=${c.id === form.calendarId}>${c.name}</option>`)}
        </select>
      </label>
      <label class="field inline" style="align-self:end">
        <input type="checkbox" name="allDay" ?disabled=${ro} .checked=${live(form.allDay)}
          @change=${(e: Event) => host.change({ allDay: (e.target as HTMLInputElement).checked })} />${t('allDay')}
      </label>
      <div class="field">${t('start')}
        <div class="row">
          <input type="date" name="startDate" aria-label=${t('start')} ?readonly=${ro} .value=${live(form.startDate)} @change=${input('startDate')} />
          ${form.allDay ? nothing : html`<input type="time" name="startTime" step="900" aria-label=${`${t('start')} (${t('timeZone')} ${form.timeZone || '—'})`} ?readonly=${ro} .value=${live(form.startTime)} @change=${input('startTime')} />`}
        </div>
      </div>
      <div class="field">${t('end')}
        <div class="row">
          <input type="date" name="endDate" aria-label=${t('end')} ?readonly=${ro} .value=${live(form.endDate)} @change=${input('endDate')} />
          ${form.allDay ? nothing : html`<input type="time" name="endTime" step="900" aria-label=${`${t('end')} (${t('timeZone')} ${form.timeZone || '—'})`} ?readonly=${ro} .value=${live(form.endTime)} @change=${input('endTime')} />`}
        </div>
      </div>
      ${form.allDay
        ? nothing
        : html`<label class="field wide">${t('timeZone')}
            <select name="timeZone" ?disabled=${ro} .value=${live(form.timeZone)} @change=${input('timeZone')}>
              ${host.zones.includes(form.timeZone) || !form.timeZone ? nothing : html`<option value=${form.timeZone}>${form.timeZone}</option>`}
              ${host.zones.map((z) => html`<option value=${z} ?selected=${z === form.timeZone}>${z.replace(/_/g, ' ')}</option>`)}
            </select>
          </label>`}
      ${recurrenceFields(host)}
      <label class="field wide">${t('location')}
        <input type="text" name="location" ?readonly=${ro} .value=${live(form.location)} @input=${input('location')} />
      </label>
      <label class="field wide">${t('description')}
        <textarea name="description" ?readonly=${ro} .value=${live(form.description)} @input=${input('description')}></textarea>
      </label>
    </div>
    <fieldset>
      <legend>${t('attendees')}</legend>
      ${form.attendees.map(
        (a, i) => html`<div class="row">
          <input type="email" name="attendee-email-${i}" aria-label=${t('attendeeEmail')} placeholder=${t('attendeeEmail')} ?readonly=${ro} .value=${live(a.email)}
            @input=${(e: Event) => host.change({ attendees: form.attendees.map((x, j) => (j === i ? { ...x, email: (e.target as HTMLInputElement).value } : x)) })} />
          <input type="text" name="attendee-name-${i}" aria-label=${t('attendeeName')} placeholder=${t('attendeeName')} style="width:8rem" ?readonly=${ro} .value=${live(a.name)}
            @input=${(e: Event) => host.change({ attendees: form.attendees.map((x, j) => (j === i ? { ...x, name: (e.target as HTMLInputElement).value } : x)) })} />
          <select aria-label=${t('attendeeStatus')} ?disabled=${ro} .value=${live(a.partstat)}
            @change=${(e: Event) => host.change({ attendees: form.attendees.map((x, j) => (j === i ? { ...x, partstat: (e.target as HTMLSelectElement).value as PartStat } : x)) })}>
            ${PARTSTATS.map((p) => html`<option value=${p} ?selected=${p === a.partstat}>${t('partstat', p)}</option>`)}
          </select>
          ${ro ? nothing : html`<button type="button" class="icon" aria-label=${`${t('remove')} ${a.email}`} @click=${() => host.change({ attendees: form.attendees.filter((_, j) => j !== i) })}>×</button>`}
        </div>`,
      )}
      ${ro ? nothing : html`<button type="button" class="tb" @click=${() => host.change({ attendees: [...form.attendees, { email: '', name: '', partstat: 'NEEDS-ACTION' }] })}>${t('addAttendee')}</button>`}
    </fieldset>
    <fieldset>
      <legend>${t('reminders')}</legend>
      ${form.reminders.map(
        (r, i) => html`<div class="row">
          ${r.minutes < 0
            ? html`<span>${t('repeatCustom')}</span>`
            : html`<input type="number" min="0" max="40320" style="width:6rem" aria-label=${t('reminderMinutes')} ?readonly=${ro} .value=${live(String(r.minutes))}
                @input=${(e: Event) => host.change({ reminders: form.reminders.map((x, j) => (j === i ? { ...x, minutes: Math.max(0, Math.round(Number((e.target as HTMLInputElement).value) || 0)) } : x)) })} />
              <span>${t('reminderMinutes')}</span>`}
          ${ro ? nothing : html`<button type="button" class="icon" aria-label=${t('remove')} @click=${() => host.change({ reminders: form.reminders.filter((_, j) => j !== i) })}>×</button>`}
        </div>`,
      )}
      ${ro ? nothing : html`<button type="button" class="tb" @click=${() => host.change({ reminders: [...form.reminders, { id: crypto.randomUUID(), minutes: 15 }] })}>${t('addReminder')}</button>`}
    </fieldset>
    ${host.error ? html`<p class="error" role="alert" data-testid="dialog-error">${host.error}</p>` : nothing}
    <div class="actions">
      ${!host.isNew && host.editable ? html`<button type="button" class="danger" @click=${() => host.remove()}>${t('delete')}</button>` : nothing}
      ${!host.isNew ? html`<button type="button" @click=${() => host.exportEvent()}>${t('exportEvent')}</button>` : nothing}
      <span class="spacer"></span>
      <button type="button" @click=${() => host.cancel()}>${host.editable ? t('cancel') : t('close')}</button>
      ${host.editable ? html`<button type="submit" class="primary">${t('save')}</button>` : nothing}
    </div>
  </form>`;
}
