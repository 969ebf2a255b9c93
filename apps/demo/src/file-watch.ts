import { presenceUsers } from '@allmende/ui';
import type { CollabConnection, PresenceUser } from '@allmende/ui';
import * as Y from 'yjs';
import type { AppContext } from './app-context.js';
import { connectionState } from './connection-state.js';
import type { ConnectionState } from './connection-state.js';
import { sampleContent } from './sample-files.js';

/** How often a file's "last change" is written to the workspace while someone types: at most once per this many ms. */
export const TOUCH_INTERVAL_MS = 10_000;

/** The shared parts of `<allmende-doc>`, `<allmende-sheet>` and `<allmende-calendar>` the shell reads. */
interface CollabElement extends HTMLElement {
  readonly status: string | null;
  /** The element's Y.Doc, presence and session (public on all three elements). */
  readonly connection: CollabConnection | null;
}

/**
 * Watches the element of the open file for the app shell: who is present
 * (from the element's awareness), the connection state, and local edits,
 * which update the file's "last change" in the workspace (throttled). It
 * also writes content the file must start with: an imported file's, or a
 * sample's (the same bytes every time, so writing it again changes nothing).
 */
export class FileWatch {
  presence: readonly PresenceUser[] = [];
  state: ConnectionState = 'connecting';
  readonly #ctx: AppContext;
  readonly #fileId: string;
  #element: CollabElement | null = null;
  #connection: CollabConnection | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #wasOnline = false;
  #offlineSince = 0;
  #lastTouch = 0;
  #touchTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the content the file starts with (import or sample) has been written or is known to be none. */
  #startContentDone = false;

  constructor(ctx: AppContext, fileId: string) {
    this.#ctx = ctx;
    this.#fileId = fileId;
  }

  /** Starts watching `element` (called with the element once it is rendered, and with undefined when it goes). */
  attach(element: Element | undefined): void {
    if (element === this.#element) return;
    this.detach();
    if (!(element instanceof HTMLElement)) return;
    this.#element = element as CollabElement;
    this.#timer = setInterval(() => this.#poll(), 500);
    this.#poll();
    // The element opens its session in its first update. Writing the start content right after it, before
    // any network event, means the element finds content when it first syncs and never seeds an empty
    // first sheet of its own next to it.
    void (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete?.then(() => {
      if (this.#element === element) this.#poll();
    });
  }

  /** Stops watching and removes every listener it added. */
  detach(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    this.#flushTouch();
    this.#unbind();
    this.#element = null;
  }

  #poll(): void {
    const element = this.#element;
    if (!element) return;
    const connection = element.connection;
    if (connection !== this.#connection) {
      this.#unbind();
      if (connection) this.#bind(connection);
    } else {
      this.#writeStartContent();
    }
    const status = element.status;
    const now = Date.now();
    if (status === 'connected') {
      this.#wasOnline = true;
      this.#offlineSince = 0;
    } else if (this.#offlineSince === 0) {
      this.#offlineSince = now;
    }
    const state = connectionState({
      status,
      wasOnline: this.#wasOnline,
      offlineFor: this.#offlineSince === 0 ? 0 : now - this.#offlineSince,
      browserOnline: navigator.onLine,
    });
    if (state !== this.state) {
      this.state = state;
      this.#ctx.requestRender();
    }
  }

  #bind(connection: CollabConnection): void {
    this.#connection = connection;
    connection.doc.on('update', this.#onUpdate);
    connection.awareness?.on('change', this.#onPresence);
    this.#onPresence();
    this.#startContentDone = false;
    this.#writeStartContent();
  }

  /**
   * Writes an imported file's content, or a sample's. A page opened by its
   * address may bind before the workspace list has arrived: then it tries
   * again on every poll until the list has synced.
   */
  #writeStartContent(): void {
    const connection = this.#connection;
    if (this.#startContentDone || !connection) return;
    const pending = this.#ctx.pendingContent.get(this.#fileId);
    if (pending) {
      this.#ctx.pendingContent.delete(this.#fileId);
      Y.applyUpdate(connection.doc, pending);
      this.#startContentDone = true;
      return;
    }
    const seed = this.#ctx.workspace.get(this.#fileId)?.seed;
    if (seed) Y.applyUpdate(connection.doc, sampleContent(this.#fileId, seed));
    if (seed || this.#ctx.workspaceSynced) this.#startContentDone = true;
  }

  #unbind(): void {
    const connection = this.#connection;
    if (!connection) return;
    connection.doc.off('update', this.#onUpdate);
    connection.awareness?.off('change', this.#onPresence);
    this.#connection = null;
    this.presence = [];
  }

  readonly #onPresence = (): void => {
    const awareness = this.#connection?.awareness;
    const t = this.#ctx.t;
    this.presence = awareness ? presenceUsers(awareness, { you: (name) => t('you', name), anonymous: t('anonymous') }) : [];
    this.#ctx.requestRender();
  };

  readonly #onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    // Only this user's own edits: remote updates and the offline cache's replay are not local.
    if (!transaction.local) return;
    const wait = this.#lastTouch + TOUCH_INTERVAL_MS - Date.now();
    if (wait <= 0) this.#touch();
    else this.#touchTimer ??= setTimeout(() => this.#touch(), wait);
  };

  #touch(): void {
    if (this.#touchTimer !== null) clearTimeout(this.#touchTimer);
    this.#touchTimer = null;
    this.#lastTouch = Date.now();
    this.#ctx.workspace.touch(this.#fileId, this.#ctx.name, this.#lastTouch);
  }

  /** Writes a pending "last change" now instead of after the throttle. */
  flush(): void {
    this.#flushTouch();
  }

  #flushTouch(): void {
    if (this.#touchTimer !== null) this.#touch();
  }
}
