import { createEvent, exportICS, getEvent, updateEvent } from '@allmende/calendar-model';
import type { CalendarInfo, EditMode, Occurrence } from '@allmende/calendar-model';
import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type * as Y from 'yjs';
import { calendarChoices, ensureCalendar, targetCalendar } from './calendar-choices.js';
import type { EventActions, Grab } from './calendar-host.js';
import type { CalendarTranslate } from './calendar-messages.js';
import { renderEventDialog } from './event-dialog.js';
import { eventForm, formPatch, formProblem, formTimes, newEventForm } from './event-form.js';
import type { EventForm } from './event-form.js';
import type { Formats } from './formats.js';
import { deleteOccurrence, isRecurring, moveOccurrence, shifted } from './move-event.js';
import { firstDay, occurrenceKey } from './occurrence-layout.js';
import type { ViewContext } from './view-context.js';
import { eventLabel } from './view-context.js';

/** The event dialog's state: the form, what it held when opened (null for a new event), the occurrence, and its error. */
export interface DialogState {
  form: EventForm;
  initial: EventForm | null;
  occ: Occurrence | null;
  error: string;
}

/** The open question "this event, this and following, or all?" and what to run with the answer. */
export interface ModeQuestion {
  kind: 'edit' | 'delete';
  title: string;
  run: (mode: EditMode) => void;
}

/** What the event editor reads and calls on `<allmende-calendar>`. */
export interface EventEditorHost extends ReactiveControllerHost {
  readonly doc: Y.Doc | null;
  readonly editable: boolean;
  readonly viewTimeZone: string;
  readonly t: CalendarTranslate;
  readonly fmt: Formats;
  readonly lastOccs: readonly Occurrence[];
  /** The calendars hidden in the view (new events go into the first shown one). */
  readonly hiddenCalendars: ReadonlySet<string>;
  _focus: string;
  _grab: Grab | null;
  wantFocus: boolean;
  /** Runs an edit as its own undo step; a refused one shows its reason and returns false. */
  attempt(action: () => void): boolean;
  /** Makes the next edit its own undo step. */
  stopCapturing(): void;
  notify(message: string): void;
  announce(message: string): void;
  publishEditing(uid: string | null): void;
  contextForLabels(): ViewContext;
  /** Re-reads the occurrences on the next render. */
  refresh(): void;
  zoneList(): readonly string[];
  download(text: string, name: string): void;
}

/**
 * Creating, editing, moving and deleting events for `<allmende-calendar>`:
 * the event dialog (open, validate, save), the question "this event, this and
 * following, or all" for occurrences of a series, and committing a move or
 * resize from the keyboard or the pointer. A reactive controller: its state
 * lives here and re-renders the element when it changes.
 */
export class EventEditor implements ReactiveController, EventActions {
  private dialogState: DialogState | null = null;
  private question: ModeQuestion | null = null;

  constructor(private readonly host: EventEditorHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The event dialog's state, or null when it is closed. */
  get dialog(): DialogState | null {
    return this.dialogState;
  }

  private set dialog(value: DialogState | null) {
    this.dialogState = value;
    this.host.requestUpdate();
  }

  /** The open "which occurrences?" question, or null. */
  get ask(): ModeQuestion | null {
    return this.question;
  }

  private set ask(value: ModeQuestion | null) {
    this.question = value;
    this.host.requestUpdate();
  }

  /** Whether the event dialog or the question is open. */
  get busy(): boolean {
    return this.dialogState !== null || this.question !== null;
  }

  /** Opens the dialog for a new event from `start` to `end` (local wall times in the view's zone, or dates). */
  openNew(start: string, end: string): void {
    const host = this.host;
    if (!host.editable) {
      host.notify(host.t('readOnlyNotice'));
      return;
    }
    const calendarId = targetCalendar(host.doc, host.hiddenCalendars);
    this.dialog = { form: newEventForm(start, end, calendarId, host.viewTimeZone), initial: null, occ: null, error: '' };
  }

  /** Opens the dialog of an existing occurrence (read-only users see it without saving). */
  openEvent(occ: Occurrence): void {
    const host = this.host;
    const event = host.doc && getEvent(host.doc, occ.uid);
    if (!event) return;
    const form = eventForm(event, occ, host.viewTimeZone);
    this.dialog = { form, initial: structuredClone(form), occ, error: '' };
    if (host.editable) host.publishEditing(occ.uid);
  }

  /** Closes the dialog without saving; the focus returns to the view. */
  close(): void {
    this.dialog = null;
    this.host.publishEditing(null);
    this.host.wantFocus = true;
  }

  /** Validates and saves the dialog; for an occurrence of a series it asks which occurrences first. */
  save(): void {
    const d = this.dialogState;
    const host = this.host;
    const doc = host.doc;
    if (!d || !doc) return;
    const t = host.t;
    const problem = formProblem(d.form);
    if (problem) {
      this.dialog = { ...d, error: t('invalid', problem.key === 'badEmail' ? t('badEmail', problem.email) : t('endBeforeStart')) };
      return;
    }
    const event = d.occ ? getEvent(doc, d.occ.uid) : undefined;
    const run = (mode: EditMode): void => {
      try {
        if (!host.editable) throw new RangeError(t('readOnlyNotice'));
        host.stopCapturing();
        if (!d.occ) {
          const patch = formPatch(d.form, null, undefined, host.viewTimeZone, 'all');
          const { start } = formTimes(d.form);
          doc.transact(() => {
            ensureCalendar(doc, d.form.calendarId, t('defaultCalendarName'));
            createEvent(doc, { ...patch, start, summary: d.form.title.trim() });
          });
          host.announce(t('created', d.form.title.trim() || t('noTitle'), host.fmt.fullDate(start.slice(0, 10))));
        } else {
          if (!event) throw new RangeError(`the event was deleted meanwhile.`);
          const patch = formPatch(d.form, d.initial, event, host.viewTimeZone, mode);
          if (Object.keys(patch).length > 0) {
            updateEvent(doc, d.occ.uid, patch, mode === 'all' ? {} : { mode, recurrenceId: d.occ.recurrenceId! });
          }
        }
        this.close();
      } catch (error) {
        this.dialog = { ...d, error: t('invalid', error instanceof Error ? error.message : String(error)) };
      }
    };
    if (d.occ && isRecurring(event) && d.occ.recurrenceId !== undefined) {
      this.ask = { kind: 'edit', title: d.form.title || t('noTitle'), run };
    } else run('all');
  }

  /** Deletes an occurrence; for one of a series it asks which occurrences first. */
  deleteWithQuestion(occ: Occurrence): void {
    const host = this.host;
    const doc = host.doc;
    if (!doc) return;
    const t = host.t;
    const title = occ.summary || t('noTitle');
    const run = (mode: EditMode): void => {
      if (host.attempt(() => deleteOccurrence(doc, occ, mode))) {
        host.announce(t('deleted', title));
        if (this.dialogState) this.close();
        host._focus = `c:${firstDay(occ)}`;
        host.wantFocus = true;
      }
    };
    const event = getEvent(doc, occ.uid);
    if (isRecurring(event) && occ.recurrenceId !== undefined) this.ask = { kind: 'delete', title: t('confirmDelete', title), run };
    else run('all');
  }

  /** Commits a move or resize; for an occurrence of a series it asks which occurrences first. */
  commitGrab(): void {
    const host = this.host;
    const grab = host._grab;
    const doc = host.doc;
    if (!grab || !doc) return;
    const finish = (): void => {
      host._grab = null;
      host.publishEditing(null);
    };
    if (grab.start === 0 && grab.end === 0) {
      finish();
      return;
    }
    const t = host.t;
    const run = (mode: EditMode): void => {
      let uid = grab.occ.uid;
      const ok = host.attempt(() => (uid = moveOccurrence(doc, grab.occ, { start: grab.start, end: grab.end }, mode)));
      finish();
      if (ok) {
        const moved = shifted(grab.occ, grab.start, grab.end);
        // Keep the focus on the moved event; its recurrence id stays, except for a split series, which starts anew.
        const next = uid === grab.occ.uid ? moved : { ...moved, uid, recurrenceId: mode === 'following' ? moved.start.slice(0, 19) : undefined };
        const key = occurrenceKey(next);
        host.refresh();
        host.updateComplete.then(() => {
          const found = host.lastOccs.find((o) => occurrenceKey(o) === key) ?? host.lastOccs.find((o) => o.uid === uid && o.startMs === moved.startMs);
          host._focus = found ? `e:${occurrenceKey(found)}` : `c:${firstDay(moved)}`;
          host.wantFocus = true;
        }, () => {});
        host.announce(t('moved', grab.occ.summary || t('noTitle'), eventLabel(host.contextForLabels(), moved)));
      }
    };
    const event = getEvent(doc, grab.occ.uid);
    if (isRecurring(event) && grab.occ.recurrenceId !== undefined) {
      // The preview stays while the question is open; cancelling it leaves the event picked up (Escape puts it back).
      this.ask = { kind: 'edit', title: grab.occ.summary || t('noTitle'), run };
      host._grab = { ...grab, by: 'keyboard' };
      return;
    }
    run('all');
  }

  /** The event dialog and the "which occurrences?" question. */
  render(calendars: readonly CalendarInfo[]): TemplateResult {
    const host = this.host;
    const t = host.t;
    const d = this.dialogState;
    const ask = this.question;
    return html`
      <allmende-dialog class="wide" label=${d && d.initial ? t('editEvent') : t('newEvent')} ?open=${!!d} @allmende-dialog-close=${() => this.close()}>
        ${d
          ? renderEventDialog({
              t, fmt: host.fmt, form: d.form, isNew: !d.initial, error: d.error, calendars: calendarChoices(calendars, t('defaultCalendarName')),
              zones: host.zoneList(), editable: host.editable,
              change: (patch) => (this.dialog = { ...d, form: { ...d.form, ...patch }, error: '' }),
              save: () => this.save(),
              cancel: () => this.close(),
              remove: () => d.occ && this.deleteWithQuestion(d.occ),
              exportEvent: () => d.occ && host.doc && host.download(exportICS(host.doc, { uid: d.occ.uid }), d.form.title || 'event'),
            })
          : nothing}
      </allmende-dialog>
      <allmende-dialog label=${ask ? (ask.kind === 'edit' ? t('recurringEdit') : t('recurringDelete')) : ''} ?open=${!!ask} @allmende-dialog-close=${() => (this.ask = null)}>
        ${ask
          ? html`<p>${ask.title}</p>
              <div class="modes">
                ${(['this', 'following', 'all'] as const).map(
                  (mode, i) => html`<button type="button" class=${i === 0 ? 'primary' : ''} ?autofocus=${i === 0} data-mode=${mode}
                    @click=${() => {
                      this.ask = null;
                      ask.run(mode);
                    }}>${t(mode === 'this' ? 'modeThis' : mode === 'following' ? 'modeFollowing' : 'modeAll')}</button>`,
                )}
                <button type="button" @click=${() => (this.ask = null)}>${t('cancel')}</button>
              </div>`
          : nothing}
      </allmende-dialog>
    `;
  }
}
