import { deleteCalendar, importICS, listCalendars, listEvents, setCalendar } from '@allmende/calendar-model';
import type { CalendarInfo } from '@allmende/calendar-model';
import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type * as Y from 'yjs';
import { calendarChoices, ensureCalendar, targetCalendar } from './calendar-choices.js';
import type { CalendarTranslate } from './calendar-messages.js';
import { CALENDAR_COLORS, renderCalendarForm, renderImportForm } from './calendar-sidebar.js';
import type { CalendarDraft, ImportDraft } from './calendar-sidebar.js';

/** What the calendar and import dialogs read and call on `<allmende-calendar>`. */
export interface CalendarAdminHost extends ReactiveControllerHost {
  readonly doc: Y.Doc | null;
  readonly editable: boolean;
  readonly t: CalendarTranslate;
  /** The calendars hidden in the view; a deleted calendar leaves this set. */
  hiddenCalendars: ReadonlySet<string>;
  /** Runs an edit as its own undo step; a refused one shows its reason and returns false. */
  attempt(action: () => void): boolean;
  announce(message: string): void;
}

/**
 * The calendar dialogs of `<allmende-calendar>`: create, rename, recolour and
 * delete a calendar (with its events, after a question naming how many), and
 * import an .ics file into a chosen calendar. A reactive controller: the
 * drafts live here and re-render the element when they change.
 */
export class CalendarAdmin implements ReactiveController {
  private calendarDraft: CalendarDraft | null = null;
  private importDraft: ImportDraft | null = null;

  constructor(private readonly host: CalendarAdminHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Whether one of its dialogs is open. */
  get busy(): boolean {
    return this.calendarDraft !== null || this.importDraft !== null;
  }

  private setCalendarDraft(draft: CalendarDraft | null): void {
    this.calendarDraft = draft;
    this.host.requestUpdate();
  }

  private setImportDraft(draft: ImportDraft | null): void {
    this.importDraft = draft;
    this.host.requestUpdate();
  }

  private calendars(): CalendarInfo[] {
    return this.host.doc ? listCalendars(this.host.doc) : [];
  }

  /** Opens the dialog of calendar `id`, or of a new calendar (with the first colour not in use) for null. */
  openCalendar(id: string | null): void {
    const calendars = this.calendars();
    const existing = id ? calendars.find((c) => c.id === id) : undefined;
    const used = new Set(calendars.map((c) => c.color));
    this.setCalendarDraft({
      id,
      name: existing?.name ?? '',
      color: existing?.color ?? CALENDAR_COLORS.find((c) => !used.has(c)) ?? CALENDAR_COLORS[0]!,
      error: '',
    });
  }

  /** Opens the import dialog, with the calendar new events go into chosen. */
  openImport(): void {
    this.setImportDraft({ calendarId: targetCalendar(this.host.doc, this.host.hiddenCalendars), busy: false, done: '', warnings: [], error: '' });
  }

  private saveCalendar(): void {
    const draft = this.calendarDraft;
    const doc = this.host.doc;
    if (!draft || !doc) return;
    const name = draft.name.trim();
    if (!name) {
      this.setCalendarDraft({ ...draft, error: this.host.t('invalid', this.host.t('calendarName')) });
      return;
    }
    if (this.host.attempt(() => setCalendar(doc, { ...(draft.id ? { id: draft.id } : {}), name, color: draft.color }))) this.setCalendarDraft(null);
  }

  /** Asks before deleting the calendar being edited, naming how many events go with it. */
  private askDeleteCalendar(): void {
    const draft = this.calendarDraft;
    const doc = this.host.doc;
    if (!draft?.id || !doc) return;
    const id = draft.id;
    const events = listEvents(doc).filter((e) => e.calendarId === id).length;
    const name = this.calendars().find((c) => c.id === id)?.name ?? draft.name;
    this.setCalendarDraft({ ...draft, name, confirmDelete: events });
  }

  /**
   * Deletes the calendar and its events, for everyone (events without their calendar would be orphans no one can
   * hide or export); this user's Ctrl+Z brings both back.
   */
  private removeCalendar(): void {
    const draft = this.calendarDraft;
    const doc = this.host.doc;
    if (!draft?.id || !doc) return;
    const id = draft.id;
    if (this.host.attempt(() => deleteCalendar(doc, id, { deleteEvents: true }))) {
      this.setCalendarDraft(null);
      if (this.host.hiddenCalendars.has(id)) {
        const next = new Set(this.host.hiddenCalendars);
        next.delete(id);
        this.host.hiddenCalendars = next;
      }
      this.host.announce(this.host.t('deleted', draft.name));
    }
  }

  private async importFile(file: File): Promise<void> {
    const draft = this.importDraft;
    const doc = this.host.doc;
    if (!draft || !doc) return;
    const t = this.host.t;
    if (!this.host.editable) {
      this.setImportDraft({ ...draft, error: t('readOnlyNotice') });
      return;
    }
    this.setImportDraft({ ...draft, busy: true, error: '', done: '', warnings: [] });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      this.setImportDraft({ ...draft, busy: false, error: t('importFailed', error instanceof Error ? error.message : String(error)) });
      return;
    }
    try {
      const result = importICS(doc, text, { calendarId: draft.calendarId });
      // Only after a successful import: a refused file leaves the document untouched.
      ensureCalendar(doc, draft.calendarId, t('defaultCalendarName'));
      this.setImportDraft({ ...draft, busy: false, done: t('importDone', result.uids.length), warnings: result.warnings, error: '' });
    } catch (error) {
      this.setImportDraft({ ...draft, busy: false, error: t('importFailed', error instanceof Error ? error.message : String(error)) });
    }
  }

  /** The calendar dialog and the import dialog. */
  render(calendars: readonly CalendarInfo[]): TemplateResult {
    const t = this.host.t;
    const cal = this.calendarDraft;
    const imp = this.importDraft;
    return html`
      <allmende-dialog label=${cal?.id ? t('editCalendar', cal.name) : t('newCalendar')} ?open=${!!cal} @allmende-dialog-close=${() => this.setCalendarDraft(null)}>
        ${cal
          ? renderCalendarForm(t, cal, (p) => this.setCalendarDraft({ ...cal, ...p }), () => this.saveCalendar(), () => this.setCalendarDraft(null),
              () => this.askDeleteCalendar(), () => this.removeCalendar())
          : nothing}
      </allmende-dialog>
      <allmende-dialog label=${t('importIcs')} ?open=${!!imp} @allmende-dialog-close=${() => this.setImportDraft(null)}>
        ${imp
          ? renderImportForm(t, imp, calendarChoices(calendars, t('defaultCalendarName')),
              (p) => this.setImportDraft({ ...imp, ...p }), (file) => void this.importFile(file), () => this.setImportDraft(null))
          : nothing}
      </allmende-dialog>
    `;
  }
}
