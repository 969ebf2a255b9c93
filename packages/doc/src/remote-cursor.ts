import { afterPaint } from '@allmende/core';
import { Plugin, PluginKey } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState, Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { stackLabels } from './label-stacking.js';
import { absolutePosition, relativePosition } from './relative-position.js';
import type { PositionBinding } from './relative-position.js';
import { displayColor, displayName, remoteUserOf } from './remote-user.js';

/** One remote user's cursor, resolved in the current document. */
export interface RemoteCursor {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly anchor: number;
  readonly head: number;
}

/** The state of {@link remoteCursorPlugin}. */
export interface RemoteCursorState {
  readonly cursors: readonly RemoteCursor[];
  readonly decorations: DecorationSet;
}

/** The key of {@link remoteCursorPlugin}. */
export const remoteCursorKey = new PluginKey<RemoteCursorState>('allmende-remote-cursors');

/** How long a name label stays fully shown after its user last moved or typed. */
export const LABEL_ACTIVE_MS = 3000;

/** The awareness field cursors are published in, as y-prosemirror's cursor plugin does (so other editors see them). */
const CURSOR_FIELD = 'cursor';

/** What y-prosemirror's sync plugin keeps in its state, as far as cursors need it. */
interface SyncState {
  readonly doc: Y.Doc;
  readonly type: Y.XmlFragment;
  readonly binding: { readonly mapping: Map<unknown, unknown> } | null;
  readonly snapshot?: unknown;
  readonly prevSnapshot?: unknown;
}

/** Options of {@link remoteCursorPlugin}. */
export interface RemoteCursorOptions {
  /** The name of remote users who gave none, in the page's language. */
  readonly anonymous: () => string;
}

function syncStateOf(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!sync?.binding || sync.binding.mapping.size === 0 || sync.snapshot != null || sync.prevSnapshot != null) return null;
  return sync;
}

/** Resolves a relative position published by another client; null when it is malformed or not in this document. */
function resolve(sync: SyncState, json: unknown, doc: ProseMirrorNode): number | null {
  if (typeof json !== 'object' || json === null) return null;
  try {
    const binding: PositionBinding = { type: sync.type, mapping: sync.binding!.mapping as PositionBinding['mapping'] };
    const pos = absolutePosition(sync.doc, binding, doc, Y.createRelativePositionFromJSON(json));
    return pos === null ? null : Math.max(0, Math.min(pos, Math.max(doc.content.size - 1, 0)));
  } catch {
    // Awareness states come from other clients: a crafted cursor must not break the editor.
    return null;
  }
}

/** Reads the remote cursors from presence and resolves them in `state`'s document. */
export function readRemoteCursors(state: EditorState, awareness: Awareness, anonymous: () => string): RemoteCursor[] {
  const sync = syncStateOf(state);
  if (!sync) return [];
  const cursors: RemoteCursor[] = [];
  awareness.getStates().forEach((value, clientId) => {
    if (clientId === awareness.clientID) return;
    const cursor = (value as { cursor?: { anchor?: unknown; head?: unknown } | null }).cursor;
    if (typeof cursor !== 'object' || cursor === null) return;
    const anchor = resolve(sync, cursor.anchor, state.doc);
    const head = resolve(sync, cursor.head, state.doc);
    if (anchor === null || head === null) return;
    const user = remoteUserOf(value);
    const name = displayName(user, `${anonymous()} ${clientId % 1000}`);
    cursors.push({ clientId, name, color: displayColor(user, name), anchor, head });
  });
  return cursors;
}

function sameCursors(a: readonly RemoteCursor[], b: readonly RemoteCursor[]): boolean {
  return (
    a.length === b.length &&
    a.every((cursor, index) => {
      const other = b[index]!;
      return cursor.clientId === other.clientId && cursor.anchor === other.anchor && cursor.head === other.head && cursor.name === other.name && cursor.color === other.color;
    })
  );
}

/** Draws a caret with its name label: in full while the user is `active`, else as a small flag. */
function caretElement(cursor: RemoteCursor, active: boolean): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'ProseMirror-yjs-cursor';
  caret.setAttribute('aria-hidden', 'true');
  caret.dataset['client'] = String(cursor.clientId);
  caret.style.borderColor = cursor.color;
  const label = document.createElement('span');
  label.className = active ? 'remote-cursor-label' : 'remote-cursor-label idle';
  label.style.backgroundColor = cursor.color;
  label.textContent = cursor.name;
  // Word joiners keep the caret from wrapping away from the text around it.
  caret.append('\u2060', label, '\u2060');
  return caret;
}

/** The caret elements drawn, by client; prosemirror-view may draw a caret again, so the latest wins. */
type CaretRegistry = Map<number, HTMLElement>;

function decorationsFor(state: EditorState, cursors: readonly RemoteCursor[], isActive: (clientId: number) => boolean, carets: CaretRegistry): DecorationSet {
  const decorations: Decoration[] = [];
  for (const cursor of cursors) {
    decorations.push(
      Decoration.widget(cursor.head, () => {
        const caret = caretElement(cursor, isActive(cursor.clientId));
        carets.set(cursor.clientId, caret);
        return caret;
      }, {
        key: `${cursor.clientId}|${cursor.name}|${cursor.color}`,
        side: 10,
      }),
    );
    const from = Math.min(cursor.anchor, cursor.head);
    const to = Math.max(cursor.anchor, cursor.head);
    if (from < to) {
      decorations.push(
        Decoration.inline(from, to, { class: 'ProseMirror-yjs-selection', style: `background-color: ${cursor.color}33` }, { inclusiveEnd: true, inclusiveStart: false }),
      );
    }
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Publishes (or clears) this user's cursor in presence, as y-prosemirror's cursor plugin does. */
function publishLocalCursor(view: EditorView, awareness: Awareness): void {
  const sync = syncStateOf(view.state);
  if (!sync) return;
  const current = (awareness.getLocalState() ?? {}) as { cursor?: { anchor: unknown; head: unknown } | null };
  if (!view.hasFocus()) {
    if (current.cursor != null) awareness.setLocalStateField(CURSOR_FIELD, null);
    return;
  }
  const { anchor, head } = view.state.selection;
  const binding: PositionBinding = { type: sync.type, mapping: sync.binding!.mapping as PositionBinding['mapping'] };
  const relAnchor = relativePosition(anchor, binding, view.state.doc);
  const relHead = relativePosition(head, binding, view.state.doc);
  const same = (json: unknown, rel: Y.RelativePosition): boolean => {
    try {
      return typeof json === 'object' && json !== null && Y.compareRelativePositions(Y.createRelativePositionFromJSON(json), rel);
    } catch {
      return false;
    }
  };
  if (current.cursor && same(current.cursor.anchor, relAnchor) && same(current.cursor.head, relHead)) return;
  awareness.setLocalStateField(CURSOR_FIELD, { anchor: relAnchor, head: relHead });
}

const requestFrame = (callback: () => void): (() => void) => {
  if (typeof requestAnimationFrame === 'function') {
    const id = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
};

/**
 * Remote users' carets, name labels and selections, and this user's cursor
 * published in presence; a replacement for y-prosemirror's `yCursorPlugin`
 * that speaks the same awareness format (`cursor: { anchor, head }` as Yjs
 * relative positions, `user: { name, color }`).
 *
 * Unlike y-prosemirror's, it does not redraw on every presence change:
 * changes are gathered into one update after each paint, changes of this
 * user's own state are ignored, and nothing is dispatched when no remote
 * cursor moved. Content synced in from others moves the cursors in the same
 * transaction.
 *
 * Name labels never overlap: labels of cursors on one line are stacked
 * above each other, or set side by side where there is no room above
 * (label-stacking.ts). A label shows in full for {@link LABEL_ACTIVE_MS} after
 * its user last moved or typed, then shrinks to a small flag in the user's
 * colour, which shows the name again on hover. Names and colours are
 * validated (remote-user.ts), a user without a name is called
 * `anonymous()`, and carets are hidden from assistive technology.
 */
export function remoteCursorPlugin(awareness: Awareness, options: RemoteCursorOptions): Plugin<RemoteCursorState> {
  const lastMoved = new Map<number, number>();
  const carets: CaretRegistry = new Map();
  const isActive = (clientId: number): boolean => Date.now() - (lastMoved.get(clientId) ?? 0) < LABEL_ACTIVE_MS;
  const build = (state: EditorState, cursors: readonly RemoteCursor[]): RemoteCursorState => ({
    cursors,
    decorations: decorationsFor(state, cursors, isActive, carets),
  });

  return new Plugin<RemoteCursorState>({
    key: remoteCursorKey,
    state: {
      init: (_config, state) => build(state, readRemoteCursors(state, awareness, options.anonymous)),
      apply(tr: Transaction, value, _oldState, state) {
        const fresh = tr.getMeta(remoteCursorKey) as readonly RemoteCursor[] | undefined;
        if (fresh) return build(state, fresh);
        if (!tr.docChanged) return value;
        // Others' content: resolve the cursors again now, so a cursor in the changed block moves with it.
        if ((tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin) {
          const cursors = readRemoteCursors(state, awareness, options.anonymous);
          return build(state, cursors);
        }
        const cursors = value.cursors.map((cursor) => ({ ...cursor, anchor: tr.mapping.map(cursor.anchor), head: tr.mapping.map(cursor.head) }));
        return { cursors, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => remoteCursorKey.getState(state)?.decorations ?? null,
    },
    view(view) {
      let cancelRefresh: (() => void) | null = null;
      let cancelLayout: (() => void) | null = null;
      const idleTimers = new Map<number, ReturnType<typeof setTimeout>>();

      /** The labels on the page now, by client. */
      const labels = (): Map<number, HTMLElement> => {
        const shown = new Map<number, HTMLElement>();
        for (const [clientId, caret] of carets) {
          if (!caret.isConnected) continue;
          const label = caret.querySelector<HTMLElement>('.remote-cursor-label');
          if (label) shown.set(clientId, label);
        }
        return shown;
      };

      /** Lifts labels that would cover each other (measures, so only in an animation frame). */
      const layoutLabels = (): void => {
        cancelLayout = null;
        if (view.isDestroyed) return;
        // Labels in blocks a long document does not display (visibility-window.ts) have no box and are left out.
        const shown = [...labels().values()].filter((label) => label.getClientRects().length > 0);
        if (shown.length === 0) return;
        const read = (label: HTMLElement, name: string): number => Number(label.style.getPropertyValue(name)) || 0;
        const current = shown.map((label) => ({ lift: read(label, '--remote-label-lift'), shift: read(label, '--remote-label-shift') }));
        // Measured where they are drawn, then moved back to their own places; only changed places are written, so a
        // frame in which nothing collides newly costs no second style and layout pass.
        const boxes = shown.map((label, index) => {
          const box = label.getBoundingClientRect();
          const { lift, shift } = current[index]!;
          return { left: box.left - shift, right: box.right - shift, top: box.top + lift, bottom: box.bottom + lift };
        });
        // Labels may not be lifted out of the visible text (the scroller clips them).
        const top = Math.max(0, (view.dom.parentElement ?? view.dom).getBoundingClientRect().top);
        const places = stackLabels(boxes, top);
        shown.forEach((label, index) => {
          const box = boxes[index]!;
          // The lift is written in pixels, not in label heights: a flag that grows on hover keeps its bottom edge
          // where it is, so it stays under the pointer instead of jumping away and back.
          const lift = places[index]!.level * (box.bottom - box.top);
          const shift = places[index]!.shift;
          const was = current[index]!;
          if (lift !== was.lift) {
            if (lift) label.style.setProperty('--remote-label-lift', String(lift));
            else label.style.removeProperty('--remote-label-lift');
          }
          if (shift !== was.shift) {
            if (shift) label.style.setProperty('--remote-label-shift', String(shift));
            else label.style.removeProperty('--remote-label-shift');
          }
        });
      };
      const scheduleLayout = (): void => {
        cancelLayout ??= requestFrame(layoutLabels);
      };

      /** Shows or shrinks one user's label, in place. */
      const setActive = (clientId: number, active: boolean): void => {
        labels().get(clientId)?.classList.toggle('idle', !active);
        scheduleLayout();
      };

      /** A remote user moved or typed: their label shows in full for a while. */
      const noteActivity = (clientId: number): void => {
        lastMoved.set(clientId, Date.now());
        setActive(clientId, true);
        clearTimeout(idleTimers.get(clientId));
        idleTimers.set(clientId, setTimeout(() => {
          idleTimers.delete(clientId);
          setActive(clientId, false);
        }, LABEL_ACTIVE_MS));
      };

      const forget = (clientId: number): void => {
        lastMoved.delete(clientId);
        carets.delete(clientId);
        clearTimeout(idleTimers.get(clientId));
        idleTimers.delete(clientId);
      };

      const refresh = (): void => {
        cancelRefresh = null;
        if (view.isDestroyed) return;
        const current = remoteCursorKey.getState(view.state);
        const cursors = readRemoteCursors(view.state, awareness, options.anonymous);
        if (current && sameCursors(current.cursors, cursors)) return;
        view.dispatch(view.state.tr.setMeta(remoteCursorKey, cursors).setMeta('addToHistory', false));
      };
      // After the paint, not in the frame: a keystroke's frame shows the character first (deferred-input.ts), and
      // moving others' carets can wait for the next one.
      const scheduleRefresh = (): void => {
        cancelRefresh ??= afterPaint(refresh);
      };

      const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
        const own = awareness.clientID;
        let remote = false;
        for (const clientId of [...added, ...updated]) {
          if (clientId === own) continue;
          remote = true;
          noteActivity(clientId);
        }
        for (const clientId of removed) {
          if (clientId === own) continue;
          remote = true;
          forget(clientId);
        }
        if (remote) scheduleRefresh();
      };
      const onFocusChange = (): void => publishLocalCursor(view, awareness);

      awareness.on('change', onChange);
      view.dom.addEventListener('focusin', onFocusChange);
      view.dom.addEventListener('focusout', onFocusChange);
      scheduleLayout();
      return {
        update(updated, prevState) {
          const state = updated.state;
          if (state.selection !== prevState.selection || state.doc !== prevState.doc) publishLocalCursor(updated, awareness);
          const value = remoteCursorKey.getState(state);
          // A local edit maps the cursors; check them against presence once per paint.
          if (value && value.cursors.length > 0 && state.doc !== prevState.doc) scheduleRefresh();
          if (value !== remoteCursorKey.getState(prevState)) scheduleLayout();
        },
        destroy() {
          cancelRefresh?.();
          cancelLayout?.();
          for (const timer of idleTimers.values()) clearTimeout(timer);
          idleTimers.clear();
          carets.clear();
          view.dom.removeEventListener('focusin', onFocusChange);
          view.dom.removeEventListener('focusout', onFocusChange);
          awareness.off('change', onChange);
          awareness.setLocalStateField(CURSOR_FIELD, null);
        },
      };
    },
  });
}
