import { connect } from '@allmende/core';
import type { AccessRole, ClosedEvent, ConnectionStatus, Session, SessionInfo, User } from '@allmende/core';
import {
  buildInputRules,
  buildKeymap,
  schema,
  setHeading,
  setParagraph,
  toggleBold,
  toggleBulletList,
  toggleItalic,
  toggleOrderedList,
} from '@allmende/doc-model';
import { AllmendeElement, presenceColor } from '@allmende/ui';
import type { AllmendeToolbar } from '@allmende/ui';
import { css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import type { Command, Plugin, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import {
  redoCommand,
  undoCommand,
  yCursorPlugin,
  ySyncPlugin,
  ySyncPluginKey,
  yUndoPlugin,
  yUndoPluginKey,
} from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AllmendeChangeEvent } from './change-event.js';
import { editorStyles } from './editor-styles.js';
import { EMPTY_FORMAT_STATE, formatState, sameFormatState } from './format-state.js';
import type { FormatState } from './format-state.js';
import { bulletListIcon, orderedListIcon, redoIcon, undoIcon } from './icons.js';
import { buildRemoteCursor, buildRemoteSelection } from './remote-cursor.js';

/**
 * The connection state `<allmende-doc>` shows: the session's state while it
 * manages its own connection; `'error'` when there is no connection and will
 * be none (`connect()` refused the settings, the relay closed the connection
 * for good, or only one of `relay` and `document` is set), in which case the
 * text is read-only; and null when the host manages the Y.Doc or neither
 * `relay` nor `document` is set.
 */
export type AllmendeDocStatus = ConnectionStatus | 'error' | null;

/** The properties whose change means binding to a different document. */
const BINDING_PROPERTIES = ['relay', 'document', 'token', 'ydoc', 'awareness'] as const;

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

const PLACEHOLDER = 'Start writing…';

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline – changes are kept on this device',
};

const ACCESS_TEXT: Record<Exclude<AccessRole, 'write'>, string> = {
  none: 'No access',
  read: 'Read only',
  comment: 'Comments only',
};

/** Everything set up for one document; torn down as a whole. */
interface Binding {
  readonly view: EditorView;
  readonly doc: Y.Doc;
  readonly awareness: Awareness | null;
  /** The session this element opened, destroyed with the binding. */
  readonly session: Session | null;
  /** A Y.Doc this element created because it had nothing to bind to. */
  readonly ownDoc: Y.Doc | null;
  readonly undoManager: Y.UndoManager | null;
}

/** Tells whether a transaction is the local user's edit rather than content synced in from Yjs. */
function isLocalEdit(tr: Transaction): boolean {
  if (!tr.docChanged) return false;
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;
  // Yjs→ProseMirror transactions carry isChangeOrigin; of those, only this user's undo and redo are local.
  return !sync?.isChangeOrigin || sync.isUndoRedoOperation === true;
}

/**
 * Runs an undo or redo command and reports the key as handled even when there
 * was nothing to undo, so the browser's own undo never changes the DOM behind
 * ProseMirror's back.
 */
function alwaysHandled(command: Command): Command {
  return (state, dispatch, view) => {
    command(state, dispatch, view);
    return true;
  };
}

function isEmptyDoc(doc: ProseMirrorNode): boolean {
  return doc.childCount === 0 || (doc.childCount === 1 && doc.firstChild!.isTextblock && doc.firstChild!.content.size === 0);
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Spells a ProseMirror key name the way the platform shows shortcuts. */
function shortcut(keys: string): string {
  return isMac
    ? keys.replace('Mod-', '⌘').replace('Ctrl-', '⌃').replace('Alt-', '⌥').replace('Shift-', '⇧')
    : keys.replace('Mod-', 'Ctrl+').replace('Ctrl-', 'Ctrl+').replace('Alt-', 'Alt+').replace('Shift-', 'Shift+');
}

/**
 * `<allmende-doc>`: a collaborative rich-text editor. ProseMirror edits a
 * `Y.XmlFragment` named `content`, kept in sync with every other user through
 * an Allmende relay; remote users' cursors show with their names, and undo
 * and redo only undo this user's own changes.
 *
 * Embed it by attributes and it opens its own session:
 *
 * ```html
 * <allmende-doc relay="wss://office.example.org" document="minutes/2026-11"
 *               user-name="Ada" user-color="#1d4ed8"></allmende-doc>
 * ```
 *
 * or give it a Y.Doc (and an Awareness for cursors) that the host manages:
 * `el.ydoc = doc; el.awareness = awareness;`. The element never destroys
 * what the host gave it, and removes every listener it added when it is
 * removed from the page.
 *
 * The text is read-only, with the reason in the status part
 * (`data-status="error"`) and `aria-readonly` on the editor, whenever edits
 * could not reach anyone: when `connect()` refuses the settings (such as a
 * document name the relay would refuse), when the relay closes the
 * connection for good (close codes 4400–4499), and while only one of `relay`
 * and `document` is set. With neither of them and no `ydoc`, the element
 * edits a private Y.Doc that is never synced or saved, so it can be tried on
 * its own.
 *
 * Keyboard: the formatting shortcuts of `@allmende/doc-model`'s keymap,
 * Mod-Z to undo, Mod-Y or Mod-Shift-Z to redo; Alt-F10 moves focus to the
 * toolbar, Escape in the toolbar moves it back into the text.
 *
 * @fires allmende-change - {@link AllmendeChangeEvent} after each local edit.
 * @csspart toolbar - The formatting toolbar (`<allmende-toolbar>`).
 * @csspart access - A badge saying "Read only" or "Comments only" when the relay grants less than write.
 * @csspart status - The connection status; its `data-status` attribute is
 *   `connecting`, `connected`, `offline` or `error` (the text then says why).
 * @csspart scroller - The scrolling box around the text.
 * @csspart editor - The text (`role="textbox"`; `aria-readonly="true"` while it
 *   cannot be edited).
 * @cssprop --allmende-doc-min-height - Minimum height of the text area (12rem).
 */
export class AllmendeDoc extends AllmendeElement {
  static override properties = {
    relay: { type: String },
    document: { type: String },
    token: { type: String },
    userName: { type: String, attribute: 'user-name' },
    userColor: { type: String, attribute: 'user-color' },
    ydoc: { attribute: false },
    awareness: { attribute: false },
    _status: { state: true },
    _statusDetail: { state: true },
    _editable: { state: true },
    _access: { state: true },
    _format: { state: true },
  };

  static override styles = [
    AllmendeElement.styles,
    editorStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      .chrome {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.25rem 1rem;
        padding: 0.25rem 0.5rem;
        border-bottom: 1px solid var(--_border);
      }
      allmende-toolbar button {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        min-width: 2.25rem;
        height: 2.25rem;
        padding: 0 0.45rem;
        border: 1px solid transparent;
        border-radius: calc(var(--_radius) - 2px);
        background: transparent;
        color: var(--_fg);
        font: inherit;
        font-size: 0.9rem;
        cursor: pointer;
      }
      allmende-toolbar button:hover {
        background: var(--_hover);
      }
      allmende-toolbar button[aria-pressed='true'] {
        background: var(--_accent);
        border-color: var(--_accent);
        color: var(--_accent-fg);
      }
      allmende-toolbar button[aria-disabled='true'] {
        color: var(--_muted);
        cursor: default;
        background: transparent;
      }
      allmende-toolbar .separator {
        display: inline-block;
        width: 1px;
        height: 1.5rem;
        margin: 0 0.25rem;
        background: var(--_border);
        vertical-align: middle;
      }
      .bold {
        font-weight: 700;
      }
      .italic {
        font-style: italic;
        font-family: Georgia, 'Times New Roman', serif;
      }
      [part='access'] {
        margin-inline-start: auto;
        padding: 0.1rem 0.5rem;
        border: 1px solid var(--_border);
        border-radius: 999px;
        font-size: 0.8rem;
        color: var(--_fg);
      }
      [part='status'] {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        font-size: 0.8rem;
        color: var(--_muted);
      }
      [part='status']::before {
        content: '';
        width: 0.55rem;
        height: 0.55rem;
        border-radius: 50%;
        border: 1px solid currentColor;
        background: transparent;
      }
      [part='status'][data-status='connected']::before {
        background: #1a7f37;
        border-color: #1a7f37;
      }
      [part='status'][data-status='connecting']::before {
        background: #b58105;
        border-color: #b58105;
      }
      [part='status'][data-status='error'] {
        color: var(--_fg);
      }
      [part='status'][data-status='error']::before {
        background: #cf222e;
        border-color: #cf222e;
      }
      .scroller {
        flex: 1 1 auto;
        min-height: 0;
        overflow: auto;
      }
    `,
  ];

  /** WebSocket URL of the relay, such as `wss://office.example.org`. */
  declare relay: string;
  /** Name of the document on the relay, such as `minutes/2026-11`. */
  declare document: string;
  /** Bearer token (JWT) for the relay. */
  declare token: string;
  /** Name shown to others next to this user's cursor (attribute `user-name`). */
  declare userName: string;
  /**
   * Colour of this user's cursor as `#rrggbb` (attribute `user-color`); by
   * default one is picked from the presence palette by name.
   */
  declare userColor: string;
  /**
   * A Y.Doc the host manages. When set, the element edits it instead of
   * opening a session, ignores `relay`/`document`/`token`, and never destroys
   * it.
   */
  declare ydoc: Y.Doc | undefined;
  /**
   * The Awareness belonging to `ydoc`, for remote cursors and publishing this
   * user's presence. Without it there are no cursors.
   */
  declare awareness: Awareness | undefined;

  private declare _status: AllmendeDocStatus;
  /** Why the status is `'error'`, shown in the status part. */
  private declare _statusDetail: string;
  /** Read by the EditorView's `editable` prop; call `view.setProps({})` after changing it. */
  private declare _editable: boolean;
  private declare _access: AccessRole | null;
  private declare _format: FormatState;

  private binding: Binding | null = null;
  /**
   * The box the editor mounts into. The element creates it rather than
   * rendering it, so the editor can be bound in `willUpdate`, before the first
   * render; Lit then renders this node in place.
   */
  private readonly scroller: HTMLDivElement;

  constructor() {
    super();
    this.relay = '';
    this.document = '';
    this.token = '';
    this.userName = '';
    this.userColor = '';
    this.ydoc = undefined;
    this.awareness = undefined;
    this._status = null;
    this._statusDetail = '';
    this._editable = true;
    this._access = null;
    this._format = EMPTY_FORMAT_STATE;
    this.scroller = this.ownerDocument.createElement('div');
    this.scroller.className = 'scroller';
    this.scroller.setAttribute('part', 'scroller');
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // y-prosemirror calls view.root.createRange() when a remote change arrives while the editor has
    // focus; a ShadowRoot has no createRange, so the change would be dropped. A document range can
    // hold nodes of a shadow tree, so lend the document's.
    if (root instanceof ShadowRoot && !('createRange' in root)) {
      Object.defineProperty(root, 'createRange', {
        configurable: true,
        value: () => this.ownerDocument.createRange(),
      });
    }
    return root;
  }

  /** The connection state shown in the status part; see {@link AllmendeDocStatus}. */
  get status(): AllmendeDocStatus {
    return this._status;
  }

  /**
   * What the relay lets this user do with the document (`read`, `comment` or `write`), once it has
   * said so; null before that and when the host manages the Y.Doc. Anything but `write` makes the
   * text read-only (comments arrive with the review workflow).
   */
  get access(): AccessRole | null {
    return this._access;
  }

  /** Moves focus into the text. */
  override focus(options?: FocusOptions): void {
    if (this.binding) this.binding.view.focus();
    else super.focus(options);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a removal: the first update binds otherwise.
    if (this.hasUpdated && !this.binding) this.bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unbind();
  }

  // Binding sets reactive state (status, format); here, unlike in updated(), that costs no second update.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (!this.binding || BINDING_PROPERTIES.some((name) => changed.has(name))) {
      this.bind();
    } else if (changed.has('userName') || changed.has('userColor')) {
      this.publishUser();
    }
  }

  protected override render(): TemplateResult {
    const format = this._format;
    const readOnly = !this._editable;
    return html`
      <div class="chrome">
        <allmende-toolbar
          part="toolbar"
          label="Formatting"
          @mousedown=${this.onToolbarMouseDown}
          @keydown=${this.onToolbarKeyDown}
        >
          ${this.renderButton('Bold', 'Mod-B', format.bold, toggleBold, html`<span class="bold">B</span>`, readOnly)}
          ${this.renderButton('Italic', 'Mod-I', format.italic, toggleItalic, html`<span class="italic">I</span>`, readOnly)}
          <span class="separator" aria-hidden="true"></span>
          ${this.renderButton('Paragraph', 'Ctrl-Alt-0', format.paragraph, setParagraph, html`¶`, readOnly)}
          ${[1, 2, 3].map((level) =>
            this.renderButton(
              `Heading ${level}`,
              `Ctrl-Alt-${level}`,
              format.heading === level,
              // Pressing a pressed heading button turns the block back into a paragraph.
              format.heading === level ? setParagraph : setHeading(level),
              html`H${level}`,
              readOnly,
            ),
          )}
          <span class="separator" aria-hidden="true"></span>
          ${this.renderButton('Bulleted list', 'Mod-Shift-8', format.bulletList, toggleBulletList, bulletListIcon, readOnly)}
          ${this.renderButton('Numbered list', 'Mod-Shift-7', format.orderedList, toggleOrderedList, orderedListIcon, readOnly)}
          <span class="separator" aria-hidden="true"></span>
          ${this.renderButton('Undo', 'Mod-Z', null, undoCommand, undoIcon, readOnly || !format.canUndo)}
          ${this.renderButton('Redo', isMac ? 'Mod-Shift-Z' : 'Mod-Y', null, redoCommand, redoIcon, readOnly || !format.canRedo)}
        </allmende-toolbar>
        ${this._access && this._access !== 'write' && this._status !== 'error'
          ? html`<span part="access" data-access=${this._access}>${ACCESS_TEXT[this._access]}</span>`
          : nothing}
        ${this._status
          ? html`<span part="status" role="status" data-status=${this._status}
              >${this._status === 'error' ? `Not connected: ${this._statusDetail}` : STATUS_TEXT[this._status]}</span
            >`
          : nothing}
      </div>
      ${this.scroller}
    `;
  }

  /**
   * A toolbar button. `pressed` is null for actions that are not toggles
   * (undo, redo). Unavailable buttons (nothing to undo, or read-only text)
   * say `aria-disabled` instead of turning `disabled`, so they stay in the
   * toolbar's arrow-key order as the ARIA pattern advises.
   */
  private renderButton(
    label: string,
    keys: string,
    pressed: boolean | null,
    command: Command,
    content: TemplateResult,
    unavailable = false,
  ): TemplateResult {
    return html`<button
      type="button"
      aria-label=${label}
      title=${`${label} (${shortcut(keys)})`}
      aria-pressed=${pressed === null ? nothing : String(pressed)}
      aria-disabled=${unavailable ? 'true' : nothing}
      @click=${(event: MouseEvent) => this.runFromToolbar(command, event, unavailable)}
    >
      ${content}
    </button>`;
  }

  private runFromToolbar(command: Command, event: MouseEvent, unavailable: boolean): void {
    const view = this.binding?.view;
    if (!view || unavailable || !view.editable) return;
    command(view.state, view.dispatch, view);
    // A mouse click returns to the text; keyboard users (detail 0) stay in the toolbar.
    if (event.detail > 0) view.focus();
  }

  /** Keeps the text selection when a toolbar button is clicked with the mouse. */
  private readonly onToolbarMouseDown = (event: MouseEvent): void => {
    if ((event.target as Element | null)?.closest('button')) event.preventDefault();
  };

  private readonly onToolbarKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.binding) {
      event.preventDefault();
      this.binding.view.focus();
    }
  };

  private focusToolbar(): boolean {
    const toolbar = this.renderRoot.querySelector<AllmendeToolbar>('allmende-toolbar');
    const target = toolbar?.items.find((item) => item.tabIndex === 0) ?? toolbar?.items[0];
    target?.focus();
    return target !== undefined;
  }

  /** The user as published in presence. */
  private get user(): User {
    const name = this.userName.trim() || 'Anonymous';
    let color = this.userColor.trim();
    if (color && !HEX_COLOR.test(color)) {
      console.warn(`<allmende-doc>: user-color must be a #rrggbb colour, got "${color}"; using a palette colour.`);
      color = '';
    }
    return { name, color: color || presenceColor(name) };
  }

  private publishUser(): void {
    const binding = this.binding;
    if (!binding) return;
    if (binding.session) binding.session.setUser(this.user);
    else if (binding.awareness && this.userName) binding.awareness.setLocalStateField('user', this.user);
  }

  /** Tears down the current binding and binds to the document the properties name. */
  private bind(): void {
    this.unbind();

    let doc: Y.Doc;
    let awareness: Awareness | null = null;
    let session: Session | null = null;
    let ownDoc: Y.Doc | null = null;
    this._editable = true;
    this._access = null;
    this._statusDetail = '';

    const hostDoc = this.ydoc ?? this.awareness?.doc;
    if (hostDoc) {
      doc = hostDoc;
      awareness = this.awareness ?? null;
      this._status = null;
      if (awareness && awareness.doc !== doc) {
        console.error('<allmende-doc>: `awareness` belongs to a different Y.Doc than `ydoc`; cursors are off.');
        awareness = null;
      }
    } else if (this.relay && this.document) {
      try {
        session = connect({
          relay: this.relay,
          document: this.document,
          user: this.user,
          ...(this.token ? { token: this.token } : {}),
        });
        doc = session.doc;
        awareness = session.awareness;
        this._status = session.status;
        session.on('status', this.onStatus);
        session.on('closed', this.onClosed);
        session.on('access', this.onAccess);
      } catch (error) {
        // A bad relay URL or document name: show it, and offer no editing that would be lost.
        ownDoc = doc = new Y.Doc();
        const message = error instanceof Error ? error.message : String(error);
        this.showError(message.replace(/^connect\(\):\s*/, ''));
        console.error('<allmende-doc>: cannot connect:', error);
      }
    } else if (this.relay || this.document) {
      // Half the settings: edits now would be dropped when the other half arrives and the element rebinds.
      ownDoc = doc = new Y.Doc();
      const missing = this.relay ? 'document' : 'relay';
      this.showError(`no ${missing === 'document' ? 'document name' : 'relay'} is set`);
      console.warn(`<allmende-doc>: \`${missing}\` is not set; the text stays read-only until both \`relay\` and \`document\` are set, or \`ydoc\` is given.`);
    } else {
      // Nothing to sync with: a private scratch document, so the element still works on its own.
      ownDoc = doc = new Y.Doc();
      this._status = null;
    }

    const plugins: Plugin[] = [
      ySyncPlugin(doc.getXmlFragment('content')),
      ...(awareness
        ? [yCursorPlugin(awareness, { cursorBuilder: buildRemoteCursor, selectionBuilder: buildRemoteSelection })]
        : []),
      yUndoPlugin(),
      keymap({
        'Mod-z': alwaysHandled(undoCommand),
        'Mod-y': alwaysHandled(redoCommand),
        'Mod-Shift-z': alwaysHandled(redoCommand),
        'Alt-F10': () => this.focusToolbar(),
      }),
      keymap(buildKeymap(schema)),
      buildInputRules(schema),
      keymap(baseKeymap),
    ];

    const apply = (target: EditorView, tr: Transaction): void => this.applyTransaction(target, tr);
    // Mounted into the scroller even before it is rendered into the shadow root; see `scroller`.
    const view = new EditorView(this.scroller, {
      state: EditorState.create({ schema, plugins }),
      editable: () => this._editable,
      attributes: (state): Record<string, string> => {
        // No invitation to write into text that cannot be edited.
        const placeholder = this._editable && isEmptyDoc(state.doc);
        return {
          part: 'editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Document',
          'data-placeholder': PLACEHOLDER,
          class: placeholder ? 'is-empty' : '',
          ...(placeholder ? { 'aria-placeholder': PLACEHOLDER } : {}),
          // Read-only text stays focusable: keyboard and screen reader users can still move through and select it,
          // and others see where they are.
          ...(this._editable ? {} : { 'aria-readonly': 'true', tabindex: '0' }),
        };
      },
      handleDOMEvents: {
        // Undo and redo from the Edit menu or a touch gesture, not from keys.
        beforeinput: (_view, event) => {
          const inputType = (event as InputEvent).inputType;
          if (inputType !== 'historyUndo' && inputType !== 'historyRedo') return false;
          event.preventDefault();
          (inputType === 'historyUndo' ? undoCommand : redoCommand)(_view.state, _view.dispatch);
          return true;
        },
      },
      // Called with the view as `this`; y-prosemirror dispatches while the view is still being constructed.
      dispatchTransaction(this: EditorView, tr: Transaction) {
        apply(this, tr);
      },
    });

    const undoManager = yUndoPluginKey.getState(view.state)?.undoManager ?? null;
    undoManager?.on('stack-item-added', this.refreshFormat);
    undoManager?.on('stack-item-popped', this.refreshFormat);
    undoManager?.on('stack-cleared', this.refreshFormat);

    this.binding = { view, doc, awareness, session, ownDoc, undoManager };
    if (!session && awareness && this.userName) this.publishUser();
    this.refreshFormat();
  }

  /** Destroys the view and the session this element opened, and removes its listeners. */
  private unbind(): void {
    const binding = this.binding;
    if (!binding) return;
    this.binding = null;
    binding.undoManager?.off('stack-item-added', this.refreshFormat);
    binding.undoManager?.off('stack-item-popped', this.refreshFormat);
    binding.undoManager?.off('stack-cleared', this.refreshFormat);
    // The view first: its plugins unsubscribe from the doc and awareness the session is about to destroy.
    binding.view.destroy();
    if (binding.session) {
      binding.session.off('status', this.onStatus);
      binding.session.off('closed', this.onClosed);
      binding.session.off('access', this.onAccess);
      binding.session.destroy();
    }
    binding.ownDoc?.destroy();
    this._format = EMPTY_FORMAT_STATE;
  }

  private applyTransaction(view: EditorView, tr: Transaction): void {
    // y-prosemirror batches cursor updates in a timeout that can fire after the view was destroyed.
    if (view.isDestroyed) return;
    view.updateState(view.state.apply(tr));
    if (view === this.binding?.view) this.refreshFormat();
    if (isLocalEdit(tr)) this.dispatchEvent(new AllmendeChangeEvent());
  }

  private readonly refreshFormat = (): void => {
    const view = this.binding?.view;
    if (!view) return;
    const next = formatState(view.state);
    if (!sameFormatState(next, this._format)) this._format = next;
  };

  /** Shows why there is no connection and makes the text read-only, as nothing typed would be saved. */
  private showError(reason: string): void {
    this._status = 'error';
    this._statusDetail = reason;
    this._editable = false;
    // The view reads `_editable` through its props; this makes it look again.
    this.binding?.view.setProps({});
  }

  private readonly onStatus = (status: ConnectionStatus): void => {
    // Closed for good stays closed: a later status from the same session must not hide the reason.
    if (this._status !== 'error') this._status = status;
  };

  /** The relay says what this user may do: anything but `write` makes the text read-only. */
  private readonly onAccess = (info: SessionInfo): void => {
    this._access = info.role;
    if (this._status === 'error') return;
    this._editable = info.role === 'write';
    this.binding?.view.setProps({});
  };

  private readonly onClosed = (event: ClosedEvent): void => {
    this.showError(`the relay closed the connection (${event.code}${event.reason ? `: ${event.reason}` : ''})`);
  };
}

customElements.define('allmende-doc', AllmendeDoc);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-doc': AllmendeDoc;
  }
}
