import { connect } from '@allmende/core';
import type { AccessRole, ClosedEvent, ConnectOptions, ConnectionStatus, Session, SessionInfo, User } from '@allmende/core';
import type { ReactiveControllerHost } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { presenceUsers, samePresence } from './presence-users.js';
import type { PresenceLabels, PresenceUser } from './presence-users.js';

/**
 * The connection state an element shows: the session's state while it has
 * one, `error` once it cannot (or may no longer) sync, and `null` when it
 * edits a host's Y.Doc or a private one and has no connection of its own.
 */
export type CollabStatus = ConnectionStatus | 'error' | null;

/**
 * Why an element cannot sync. Elements turn the reason into a sentence in
 * their own message bundle; `technical` is the underlying error for a tooltip.
 */
export type CollabFailure =
  | { readonly reason: 'badSettings'; readonly technical: string }
  | { readonly reason: 'noRelay' }
  | { readonly reason: 'noDocumentName' }
  | { readonly reason: 'closedByRelay'; readonly code: number; readonly technical: string };

/** What an element binds to, read from its properties each time it binds. */
export interface CollabSource {
  readonly relay: string;
  readonly document: string;
  readonly token?: string | undefined;
  /** A Y.Doc the host owns; wins over `relay`/`document`. */
  readonly ydoc?: Y.Doc | undefined;
  /** An Awareness the host owns, for `ydoc` (or alone: then its doc is used). */
  readonly awareness?: Awareness | undefined;
  readonly user: User;
  /**
   * Whether to write `user` into a host's Awareness on open. Leave it unset
   * when the host publishes its user itself (the element was given no name).
   */
  readonly announceToHost?: boolean;
}

/** The document an element edits, from {@link CollabBinding.open}. */
export interface CollabConnection {
  readonly doc: Y.Doc;
  /** Presence; null for a private document or a host doc given without one. */
  readonly awareness: Awareness | null;
  /** The session this binding opened, or null for a host's or a private Y.Doc. */
  readonly session: Session | null;
}

/** Settings of a {@link CollabBinding}. */
export interface CollabBindingOptions {
  /** The element's tag, such as `allmende-sheet`, for console messages. */
  readonly tag: string;
  /** The labels of the presence list, in the page's current language. */
  readonly presenceLabels: () => PresenceLabels;
  /** Extra options for `connect()`, such as `WebSocketPolyfill` outside browsers. */
  readonly connectOptions?: Partial<ConnectOptions>;
}

/**
 * Binds a Lit element to a shared document: a host's Y.Doc and Awareness, a
 * session with a relay opened by `connect()`, or a private Y.Doc when there
 * is neither. Tracks the connection status, the role the relay grants, why
 * syncing failed, and who is present, and asks the host to render when one
 * of them changes. The element decides when to {@link open} and {@link close},
 * and must close in its `disconnectedCallback` (after tearing down anything
 * that listens to the document, such as an editor).
 */
export class CollabBinding {
  /** The connection state to show. */
  status: CollabStatus = null;
  /** The role the relay granted, once it said; null before, and without a relay. */
  access: AccessRole | null = null;
  /** Why the element cannot sync, or null. Edits made now would be lost, so elements turn read-only. */
  failure: CollabFailure | null = null;
  /** Who is in the document, this user first; empty without presence. */
  presence: readonly PresenceUser[] = [];
  /** The current document, or null before {@link open} and after {@link close}. */
  connection: CollabConnection | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #options: CollabBindingOptions;
  /** A Y.Doc this binding created because it had nothing to bind to, destroyed on close. */
  #ownDoc: Y.Doc | null = null;

  constructor(host: ReactiveControllerHost, options: CollabBindingOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Whether the element's content may be changed: bound, not failed, and the relay (if any) grants `write`. */
  get writable(): boolean {
    return this.connection !== null && this.failure === null && (this.access === null || this.access === 'write');
  }

  /** Closes any current binding and binds to what `source` names. */
  open(source: CollabSource): CollabConnection {
    this.close();
    const tag = `<${this.#options.tag}>`;
    this.failure = null;
    this.access = null;
    this.status = null;
    let connection: CollabConnection;
    const hostDoc = source.ydoc ?? source.awareness?.doc;
    if (hostDoc) {
      let awareness = source.awareness ?? null;
      if (awareness && awareness.doc !== hostDoc) {
        console.error(`${tag}: \`awareness\` belongs to a different Y.Doc than \`ydoc\`; presence is off.`);
        awareness = null;
      }
      connection = { doc: hostDoc, awareness, session: null };
    } else if (source.relay && source.document) {
      try {
        const session = connect({
          ...this.#options.connectOptions,
          relay: source.relay,
          document: source.document,
          user: source.user,
          ...(source.token ? { token: source.token } : {}),
        });
        this.status = session.status;
        session.on('status', this.#onStatus);
        session.on('closed', this.#onClosed);
        session.on('access', this.#onAccess);
        connection = { doc: session.doc, awareness: session.awareness, session };
      } catch (error) {
        // A bad relay URL or document name: show it, and offer no editing that would be lost.
        const technical = error instanceof Error ? error.message : String(error);
        this.#fail({ reason: 'badSettings', technical });
        console.error(`${tag}: cannot connect:`, error);
        connection = this.#privateDoc();
      }
    } else if (source.relay || source.document) {
      // Half the settings: edits now would be dropped when the other half arrives and the element rebinds.
      const missing = source.relay ? 'document' : 'relay';
      this.#fail({ reason: source.relay ? 'noDocumentName' : 'noRelay' });
      console.warn(`${tag}: \`${missing}\` is not set; it stays read-only until both \`relay\` and \`document\` are set, or \`ydoc\` is given.`);
      connection = this.#privateDoc();
    } else {
      // Nothing to sync with: a private scratch document, so the element still works on its own.
      connection = this.#privateDoc();
    }
    this.connection = connection;
    connection.awareness?.on('change', this.refreshPresence);
    if (!connection.session && connection.awareness && source.announceToHost) this.publishUser(source.user);
    this.refreshPresence();
    this.#host.requestUpdate();
    return connection;
  }

  /** Stops listening, destroys the session and private Y.Doc this binding made, and forgets presence. */
  close(): void {
    const connection = this.connection;
    if (!connection) return;
    this.connection = null;
    connection.awareness?.off('change', this.refreshPresence);
    const session = connection.session;
    if (session) {
      session.off('status', this.#onStatus);
      session.off('closed', this.#onClosed);
      session.off('access', this.#onAccess);
      session.destroy();
    }
    this.#ownDoc?.destroy();
    this.#ownDoc = null;
    this.presence = [];
  }

  /** Publishes who this user is: through the session, or into a host's Awareness. */
  publishUser(user: User): void {
    const connection = this.connection;
    if (!connection) return;
    if (connection.session) connection.session.setUser(user);
    else if (connection.awareness) connection.awareness.setLocalStateField('user', user);
  }

  /** Reads who is present again (on every awareness change, and when the language changes). */
  readonly refreshPresence = (): void => {
    const awareness = this.connection?.awareness;
    const next = awareness ? presenceUsers(awareness, this.#options.presenceLabels()) : [];
    if (samePresence(next, this.presence)) return;
    this.presence = next;
    this.#host.requestUpdate();
  };

  #privateDoc(): CollabConnection {
    this.#ownDoc = new Y.Doc();
    return { doc: this.#ownDoc, awareness: null, session: null };
  }

  #fail(failure: CollabFailure): void {
    this.failure = failure;
    this.status = 'error';
    this.#host.requestUpdate();
  }

  readonly #onStatus = (status: ConnectionStatus): void => {
    // Closed for good stays closed: a later status from the same session must not hide the reason.
    if (this.status === 'error') return;
    this.status = status;
    this.#host.requestUpdate();
  };

  /** The relay says what this user may do: anything but `write` makes the content read-only. */
  readonly #onAccess = (info: SessionInfo): void => {
    this.access = info.role;
    this.#host.requestUpdate();
  };

  readonly #onClosed = (event: ClosedEvent): void => {
    console.warn(`<${this.#options.tag}>: the relay closed the connection (${event.code}${event.reason ? `: ${event.reason}` : ''}).`);
    this.#fail({ reason: 'closedByRelay', code: event.code, technical: event.reason });
  };
}
