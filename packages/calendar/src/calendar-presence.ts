import type { User } from '@allmende/core';
import { presenceColor } from '@allmende/ui';
import type { ReactiveControllerHost } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type { RemoteEditor } from './view-context.js';

/** The awareness field `<allmende-calendar>` publishes: the uid of the event this user is dragging or editing. */
export interface CalendarPresence {
  editing: string | null;
}

/** A colour as `#rrggbb`, the only form taken from others' presence. */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * Who else is editing which event, by event uid, read from the awareness
 * states. The states come from others and are untrusted: only strings count,
 * names are cut to 64 characters (and shown as text), and a colour that is not
 * `#rrggbb` is replaced by the name's presence colour.
 */
export function remoteEditors(awareness: Awareness | null, anonymous: string): Map<string, RemoteEditor[]> {
  const editors = new Map<string, RemoteEditor[]>();
  if (!awareness) return editors;
  for (const [id, state] of awareness.getStates()) {
    if (id === awareness.clientID || !state) continue;
    const cal = (state as { calendar?: { editing?: unknown } }).calendar;
    const uid = cal && typeof cal.editing === 'string' ? cal.editing : null;
    if (!uid) continue;
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    const name = typeof user?.name === 'string' && user.name.trim() ? user.name.trim().slice(0, 64) : anonymous;
    const color = typeof user?.color === 'string' && HEX_COLOR.test(user.color) ? user.color : presenceColor(name);
    editors.set(uid, [...(editors.get(uid) ?? []), { name, color }]);
  }
  return editors;
}

/** Whether two editor maps show the same people on the same events (so an unrelated awareness change re-renders nothing). */
export function sameEditors(a: ReadonlyMap<string, readonly RemoteEditor[]>, b: ReadonlyMap<string, readonly RemoteEditor[]>): boolean {
  const key = (m: ReadonlyMap<string, readonly RemoteEditor[]>): string => JSON.stringify([...m].sort());
  return key(a) === key(b);
}

/** Tells the others which event this user is editing (or none); publishes nothing when that has not changed. */
export function publishEditing(awareness: Awareness | null, uid: string | null): void {
  if (!awareness) return;
  const current = (awareness.getLocalState() as { calendar?: CalendarPresence } | null)?.calendar?.editing ?? null;
  if (current !== uid) awareness.setLocalStateField('calendar', { editing: uid } satisfies CalendarPresence);
}

/** This user as others see them: the name (or "Anonymous") and the colour if it is `#rrggbb`, else the name's presence colour. */
export function localUser(userName: string, userColor: string): User {
  const name = userName.trim() || 'Anonymous';
  const color = userColor.trim();
  return { name, color: HEX_COLOR.test(color) ? color : presenceColor(name) };
}

/**
 * Follows who else is editing which event on an Awareness (see
 * {@link remoteEditors}) and re-renders its host only when that changes.
 */
export class EditorsWatch {
  private awareness: Awareness | null = null;
  /** The remote editors by event uid. */
  editors: ReadonlyMap<string, readonly RemoteEditor[]> = new Map();

  constructor(private readonly host: ReactiveControllerHost, private readonly anonymous: () => string) {}

  /** Follows `awareness` (none for null) instead of the one before. */
  watch(awareness: Awareness | null): void {
    this.awareness?.off('change', this.onChange);
    this.awareness = awareness;
    awareness?.on('change', this.onChange);
    this.onChange();
  }

  private readonly onChange = (): void => {
    const next = remoteEditors(this.awareness, this.anonymous());
    if (!sameEditors(next, this.editors)) {
      this.editors = next;
      this.host.requestUpdate();
    }
  };
}
