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

/** A new event being drawn by pointer: its day and its start and end minute. */
export interface CreatePreview {
  date: string;
  start: number;
  end: number;
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
  step(direction: 1 | -1): void;
  goToday(): void;
  findOcc(key: string): Occurrence | undefined;
  openNew(start: string, end: string): void;
  openEvent(occ: Occurrence): void;
  commitGrab(): void;
  deleteWithQuestion(occ: Occurrence): void;
  publishEditing(uid: string | null): void;
  contextForLabels(): ViewContext;
  notify(message: string): void;
  announce(message: string): void;
}
