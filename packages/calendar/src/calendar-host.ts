import type { Occurrence } from '@allmende/calendar-model';
import type { ReactiveControllerHost } from 'lit';
import type { CalendarTranslate } from './calendar-messages.js';
import type { CalendarView } from './date-math.js';
import type { ViewContext } from './view-context.js';

/** An occurrence being moved or resized, by keyboard or pointer: the preview shows it shifted by `start`/`end` minutes. */
export interface Grab {
  occ: Occurrence;
  start: number;
  end: number;
  by: 'keyboard' | 'pointer';
}

/**
 * A new event being drawn by pointer: in the week and day views its day and
 * its start and end minute; in the month view and the all-day lane
 * (`allDay`) whole days from `date` to `endDate` (exclusive).
 */
export interface CreatePreview {
  date: string;
  start: number;
  end: number;
  allDay: boolean;
  endDate: string;
}

/** The editing actions the keyboard and the pointer share (`EventEditor`). */
export interface EventActions {
  /** Opens the dialog for a new event from `start` to `end` (local wall times in the view's zone, or dates). */
  openNew(start: string, end: string): void;
  openEvent(occ: Occurrence): void;
  /** Commits a move or resize (`_grab`), asking which occurrences for one of a series. */
  commitGrab(): void;
  deleteWithQuestion(occ: Occurrence): void;
}

/**
 * What the keyboard and pointer controllers of `<allmende-calendar>` read and
 * call on their element: its view state and its editing actions (which stay
 * in the element, so both input paths edit the same way).
 */
export interface CalendarHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  view: CalendarView;
  date: string;
  readonly currentDate: string;
  readonly editable: boolean;
  readonly firstDay: number;
  readonly t: CalendarTranslate;
  readonly lastOccs: readonly Occurrence[];
  _focus: string;
  _grab: Grab | null;
  _create: CreatePreview | null;
  _announce: string;
  /** Whether the element focuses the element of `_focus` after the next update. */
  wantFocus: boolean;
  today(): string;
  /** The local date and time now in the view's zone (`YYYY-MM-DDTHH:MM:SS`). */
  nowWall(): string;
  step(direction: 1 | -1): void;
  goToday(): void;
  findOcc(key: string): Occurrence | undefined;
  readonly editor: EventActions;
  publishEditing(uid: string | null): void;
  contextForLabels(): ViewContext;
  notify(message: string): void;
  announce(message: string): void;
}
