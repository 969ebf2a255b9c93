import type { AccessRole, ConnectionStatus, User } from '@allmende/core';
import { schema } from '@allmende/doc-model';
import { AllmendeChangeEvent, AllmendeElement, CollabBinding, formStyles, LocaleController, presenceColor } from '@allmende/ui';
import type { AllmendeToolbar, CollabConnection, CollabFailure } from '@allmende/ui';
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { EditorState } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { redoCommand, undoCommand, yUndoPluginKey } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { deferTypedText } from './deferred-input.js';
import type { DeferredInput } from './deferred-input.js';
import { DocumentCounts } from './document-counts.js';
import { docMessages } from './doc-messages.js';
import type { DocTranslate } from './doc-messages.js';
import type { EditorHost } from './editor-host.js';
import { buildEditorPlugins, historyCommand, readOnlyKeys } from './editor-plugins.js';
import { editorStyles } from './editor-styles.js';
import { elementStyles } from './element-styles.js';
import { isBlankDoc, keepEmptyDocumentUnwritten } from './empty-document.js';
import { FindBar } from './find-bar.js';
import { FileMenu } from './file-menu.js';
import { EMPTY_FORMAT_STATE, formatState, sameFormatState } from './format-state.js';
import { afterPaint } from '@allmende/core';
import type { FormatState } from './format-state.js';
import { ImageInsertion } from './image-insertion.js';
import { LinkDialog } from './link-dialog.js';
import { adoptPrintPageRule, printStyles } from './print-styles.js';
import { isLocalEdit } from './sync-origin.js';
import { TableDialog } from './table-dialog.js';
import { refreshTaskCheckboxes, TaskItemView } from './task-item-view.js';
import { DocToolbar } from './toolbar-view.js';
import { recordUndoSelection, restoreUndoSelection } from './undo-selection.js';
import { ReviewPanel } from './review-panel.js';
import type { ReviewHost } from './review-panel.js';
import { reviewStyles } from './review-styles.js';
import type { UndoStackEvent } from './undo-selection.js';

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

const ACCESS_KEYS = { none: 'accessNone', read: 'accessRead', comment: 'accessComment' } as const;

/** Everything set up for one document; torn down as a whole. */
interface Binding {
  readonly view: EditorView;
  readonly doc: Y.Doc;
  readonly awareness: Awareness | null;
  readonly undoManager: Y.UndoManager | null;
  /** Typed characters painted before ProseMirror reads them; only with the element's own session (deferred-input.ts). */
  readonly typing: DeferredInput | null;
}

/**
 * `<allmende-doc>`: a collaborative word processor. ProseMirror edits a
 * `Y.XmlFragment` named `content`, kept in sync with every other user through
 * an Allmende relay; remote users' cursors show with their names, and undo
 * and redo only undo this user's own changes: undo puts the cursor back where
 * it was before the change, redo where it was after it.
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
 * The text is read-only (`aria-readonly` on the editor, the toolbar's
 * controls unavailable, remote cursors still shown) when `readonly` is set,
 * when the relay grants less than write access, and whenever edits could not
 * reach anyone: when `connect()` refuses the settings, when the relay closes
 * the connection for good (close codes 4400–4499), and while only one of
 * `relay` and `document` is set; the status part then says why
 * (`data-status="error"`). With neither `relay` nor `document` and no
 * `ydoc`, the element edits a private Y.Doc that is never synced or saved,
 * so it can be tried on its own.
 *
 * Labels follow the `lang` of the element or its closest ancestor, else of
 * the page (German for `de`, English otherwise), and switch when it changes.
 *
 * The toolbar's Import and Export menus read and write ODT, DOCX, Markdown
 * and HTML (`@allmende/doc-model`'s converters); an import replaces the
 * document or inserts at the cursor as one change everyone sees and one
 * Undo takes back, and a file that cannot be read changes nothing and is
 * explained in the notice area. PDF goes through the print layout.
 *
 * Printing lays the text out alone on A4 pages (see `print-styles.ts`); the
 * element adds an `@page` rule for that to the page's `<head>`, which a rule
 * of the page's own overrides.
 *
 * Keyboard: the formatting shortcuts of `@allmende/doc-model`'s keymap,
 * Mod-Z to undo, Mod-Y or Mod-Shift-Z to redo, Mod-K for the link dialog,
 * Mod-F for find and replace; Alt-F10 moves focus to the toolbar, Escape in
 * the toolbar or find bar moves it back into the text.
 *
 * @fires {AllmendeChangeEvent} allmende-change - After each edit by this user (typing, formatting, pasting, undo, redo); never for changes from others.
 * @csspart toolbar - The formatting toolbar (`<allmende-toolbar>`).
 * @csspart presence - Who is in the document (`<allmende-presence-list>`): avatars with full names as tooltips.
 * @csspart access - A badge saying "Read only" or "Comments only" when the text cannot be edited by this user.
 * @csspart status - The connection status (in the footer; at the top when there is no connection); its
 *   `data-status` attribute is `connecting`, `connected`, `offline` or `error` (the text then says why).
 * @csspart notice - Messages such as an image that was too large (`role="alert"`).
 * @csspart find - The find and replace bar, while open.
 * @csspart scroller - The scrolling box around the text.
 * @csspart review - The side panel of comments and suggestions, while shown (see the README's Review section).
 * @csspart editor - The text (`role="textbox"`; `aria-readonly="true"` while it
 *   cannot be edited).
 * @csspart footer - The connection status and the word and character count.
 * @cssprop --allmende-doc-min-height - Minimum height of the text area (12rem).
 */
export class AllmendeDoc extends AllmendeElement implements EditorHost, ReviewHost {
  static override properties = {
    relay: { type: String },
    document: { type: String },
    token: { type: String },
    userName: { type: String, attribute: 'user-name' },
    userColor: { type: String, attribute: 'user-color' },
    readOnly: { type: Boolean, attribute: 'readonly', reflect: true },
    ydoc: { attribute: false },
    awareness: { attribute: false },
    _format: { state: true },
    _notice: { state: true },
  };

  static override styles = [AllmendeElement.styles, formStyles, editorStyles, elementStyles, reviewStyles, printStyles];

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
   * Whether the text is read-only for this user (attribute `readonly`):
   * nothing can be changed, the toolbar's controls are unavailable (find
   * still works), and cursors, selections and presence still show. The
   * text is read-only also while the relay grants less than write access,
   * whatever this says.
   */
  declare readOnly: boolean;
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

  private declare _format: FormatState;
  /** The message shown in the alert area, or ''. */
  private declare _notice: string;
  private binding: Binding | null = null;
  /** Removes this element's claim on the document's print `@page` rule. */
  private releasePrintPageRule: (() => void) | null = null;
  /** Whether the editor was editable when it was last told; see {@link syncEditable}. */
  private wasEditable: boolean | null = null;

  /** The page's language for labels and numbers; re-renders when a `lang` attribute changes. */
  readonly i18n = new LocaleController(this, { onChange: () => this.syncEditorChrome() });
  /** The document, the session with the relay, and who is present. */
  private readonly collab = new CollabBinding(this, {
    tag: 'allmende-doc',
    presenceLabels: () => ({ you: (name) => this.t('you', name), anonymous: this.t('anonymous') }),
  });
  private readonly linkDialog = new LinkDialog(this);
  private readonly tableDialog = new TableDialog(this);
  private readonly images = new ImageInsertion(this);
  private readonly findBar = new FindBar(this);
  private readonly counts = new DocumentCounts(this);
  private readonly fileMenu = new FileMenu(this, () => this.document);
  private readonly review = new ReviewPanel(this);
  private readonly toolbar = new DocToolbar(this, {
    renderFileMenus: () => this.fileMenu.render(),
    renderReviewControls: () => this.review.renderToolbarButtons(),
    canReview: () => this.canComment,
    openLink: () => this.linkDialog.show(),
    openTable: () => this.tableDialog.show(),
    pickImage: () => this.images.pick(),
    openFind: () => this.findBar.show(),
  });

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
    this.readOnly = false;
    this.ydoc = undefined;
    this.awareness = undefined;
    this._format = EMPTY_FORMAT_STATE;
    this._notice = '';
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
    return this.collab.status;
  }

  /**
   * The open document: its Y.Doc, its presence (Awareness, or null) and the relay session this
   * element opened (null for a host's Y.Doc); null before it is bound. For host apps that show who
   * is in the file or watch the connection next to the element.
   */
  get connection(): CollabConnection | null {
    return this.collab.connection;
  }

  /**
   * What the relay lets this user do with the document (`read`, `comment` or `write`), once it has
   * said so; null before that and when the host manages the Y.Doc. Anything but `write` makes the
   * text read-only; with `comment`, comments and replies still work.
   */
  get access(): AccessRole | null {
    return this.collab.access;
  }

  /**
   * The editor view, or null while no document is bound. Part of the element's internal host interface.
   * @internal
   */
  get view(): EditorView | null {
    return this.binding?.view ?? null;
  }

  /**
   * The per-user undo manager, or null. Part of the element's internal host interface.
   * @internal
   */
  get undoManager(): Y.UndoManager | null {
    return this.binding?.undoManager ?? null;
  }

  /**
   * Whether the text can be changed now: not `readOnly`, the relay grants
   * write access (or has not said otherwise yet), and edits can reach
   * someone.
   */
  get editable(): boolean {
    return !this.readOnly && this.collab.failure === null && (this.collab.access === null || this.collab.access === 'write');
  }

  /**
   * Whether this user may comment now: as for {@link editable}, but the
   * relay's `comment` role is enough. Part of the element's internal host interface.
   * @internal
   */
  get canComment(): boolean {
    const access = this.collab.access;
    return !this.readOnly && this.collab.failure === null && (access === null || access === 'write' || access === 'comment');
  }

  /**
   * Who this user is in comments and suggestions: the identity the relay took
   * from the token when there is one (so nobody can edit someone else's
   * comments by taking their name), else the name. Part of the element's
   * internal host interface.
   * @internal
   */
  get reviewUser(): { id: string; name: string; color: string } {
    const user = this.user;
    const identity = this.collab.connection?.session?.identity ?? null;
    return identity ? { id: identity.id, name: identity.name || user.name, color: user.color } : { id: `name:${user.name}`, name: user.name, color: user.color };
  }

  /**
   * Who is in the document now, for @mentions. Part of the element's internal host interface.
   * @internal
   */
  get presentPeople(): readonly { id: string; name: string }[] {
    return this.collab.presence.map((person) => ({ id: person.id, name: person.name }));
  }

  /**
   * The translate function for the current language. Part of the element's internal host interface.
   * @internal
   */
  get t(): DocTranslate {
    return this.i18n.translate(docMessages);
  }

  /** Moves focus into the text. */
  override focus(options?: FocusOptions): void {
    if (this.binding) this.binding.view.focus();
    else super.focus(options);
  }

  /**
   * Moves focus into the text once the element has rendered, so a dialog or
   * menu that is closing is gone first (a modal dialog keeps focus out of
   * the text while open, and returns it on closing without the editor's
   * selection). Part of the element's internal host interface.
   * @internal
   */
  focusEditor(): void {
    void this.updateComplete.then(() => this.binding?.view.focus());
  }

  /**
   * Runs an editing command when the text is editable; returns whether it ran. Part of the internal host interface.
   * @internal
   */
  run(command: Command): boolean {
    const view = this.binding?.view;
    if (!view || !this.editable) return false;
    return command(view.state, view.dispatch, view);
  }

  /**
   * Shows a message in the alert area. Part of the element's internal host interface.
   * @internal
   */
  notify(message: string): void {
    this._notice = message;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.releasePrintPageRule = adoptPrintPageRule(this.ownerDocument);
    // Re-attached after a removal: the first update binds otherwise.
    if (this.hasUpdated && !this.binding) this.bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.releasePrintPageRule?.();
    this.releasePrintPageRule = null;
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
    this.syncEditable();
  }

  protected override updated(): void {
    // Controls appear and disappear with the selection (the table menu); keep one Tab stop.
    this.renderRoot.querySelector<AllmendeToolbar>('allmende-toolbar')?.refresh();
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const { access, presence, status } = this.collab;
    const accessKey = access && access !== 'write' ? ACCESS_KEYS[access] : this.readOnly ? 'readOnly' : null;
    return html`
      <div class="chrome">
        ${this.toolbar.render(this._format)}
        <div class="meta">
          ${presence.length > 0
            ? html`<allmende-presence-list part="presence" label=${t('presenceLabel')} .users=${presence}></allmende-presence-list>`
            : nothing}
          ${accessKey && status !== 'error' ? html`<span part="access" data-access=${access ?? 'read'}>${t(accessKey)}</span>` : nothing}
          ${status === 'error' ? this.renderStatus() : nothing}
        </div>
      </div>
      <div part="notice" class=${this._notice ? 'shown' : ''} role="alert">
        ${this._notice
          ? html`<span class="notice-text">${this._notice}</span>
              <button type="button" @click=${this.dismissNotice}>${t('dismiss')}</button>`
          : nothing}
      </div>
      ${this.findBar.render()}
      <div class="body">${this.scroller}${this.review.renderPanel()}</div>
      <footer part="footer">
        ${status && status !== 'error' ? this.renderStatus() : nothing}
        ${this.counts.render()}
      </footer>
      ${this.linkDialog.render()}
      ${this.tableDialog.render()} ${this.images.render()} ${this.fileMenu.renderDialogs()}
    `;
  }

  /**
   * The connection status: in the footer while all is well, at the top next
   * to the presence list when there is no connection (the text is read-only
   * then, and the reason must be seen).
   */
  private renderStatus(): TemplateResult {
    const t = this.t;
    const { status, failure } = this.collab;
    const technical = failure && 'technical' in failure ? failure.technical : '';
    return html`<span part="status" role="status" data-status=${status ?? nothing} title=${technical || nothing}
      >${failure ? t('notConnected', failureText(t, failure)) : status && status !== 'error' ? t(status) : nothing}</span
    >`;
  }

  private readonly dismissNotice = (): void => {
    this._notice = '';
    this.focusEditor();
  };

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
    // Into a host's Awareness only when the element was given a name: the host may publish its user itself.
    const connection = this.collab.connection;
    if (connection?.session || (connection?.awareness && this.userName)) this.collab.publishUser(this.user);
  }

  /** Tells the view and the task checkboxes when the text became editable or read-only. */
  private syncEditable(): void {
    const editable = this.editable;
    if (editable === this.wasEditable) return;
    this.wasEditable = editable;
    this.syncEditorChrome();
  }

  /** Re-reads the view's props (editable, labels) and updates what node views draw. */
  private syncEditorChrome(): void {
    const view = this.binding?.view;
    if (!view) return;
    this.collab.refreshPresence();
    view.setProps({});
    refreshTaskCheckboxes(view.dom, this.t('taskDone'), this.editable);
  }

  /** Tears down the current binding and binds to the document the properties name. */
  private bind(): void {
    this.unbind();

    const { doc, awareness } = this.collab.open({
      relay: this.relay,
      document: this.document,
      token: this.token,
      ydoc: this.ydoc,
      awareness: this.awareness,
      user: this.user,
      announceToHost: Boolean(this.userName),
    });

    const editable = (): boolean => this.editable;
    const pluginOptions = {
      fragment: doc.getXmlFragment('content'),
      awareness,
      editable,
      onLink: () => {
        this.linkDialog.show();
        return true;
      },
      onFind: () => this.findBar.show(),
      onEscape: () => {
        if (!this.findBar.isOpen) return false;
        this.findBar.hide();
        return true;
      },
      onToolbar: () => this.toolbar.focus(),
      anonymous: () => this.t('anonymous'),
      review: this.review.editorOptions,
    };
    const plugins = buildEditorPlugins(pluginOptions);
    const readOnlyKeydown = readOnlyKeys(pluginOptions);

    const apply = (target: EditorView, tr: Transaction): void => this.applyTransaction(target, tr);
    // Mounted into the scroller even before it is rendered into the shadow root; see `scroller`.
    const view = new EditorView(this.scroller, {
      state: EditorState.create({ schema, plugins }),
      editable,
      attributes: (state): Record<string, string> => {
        const t = this.t;
        // No invitation to write into text that cannot be edited.
        const placeholder = this.editable && isBlankDoc(state.doc);
        return {
          part: 'editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': t('documentLabel'),
          'data-placeholder': t('placeholder'),
          class: placeholder ? 'is-empty' : '',
          style: `--_page-break-label: ${JSON.stringify(t('pageBreakLabel'))}`,
          ...(placeholder ? { 'aria-placeholder': t('placeholder') } : {}),
          // Read-only text stays focusable: keyboard and screen reader users can still move through and select it,
          // and others see where they are.
          ...(this.editable ? {} : { 'aria-readonly': 'true', tabindex: '0' }),
        };
      },
      nodeViews: {
        task_item: (node, nodeView, getPos) => new TaskItemView(node, nodeView, getPos, this.t('taskDone')),
      },
      ...this.images.editorProps,
      handleDOMEvents: {
        keydown: (target, event) => !target.editable && readOnlyKeydown(target, event),
        // Undo and redo from the Edit menu or a touch gesture, not from keys.
        beforeinput: (target, event) => {
          const inputType = (event as InputEvent).inputType;
          if (inputType !== 'historyUndo' && inputType !== 'historyRedo') return false;
          event.preventDefault();
          historyCommand(inputType === 'historyUndo' ? undoCommand : redoCommand, editable)(target.state, target.dispatch);
          return true;
        },
      },
      // Called with the view as `this`; y-prosemirror dispatches while the view is still being constructed.
      dispatchTransaction(this: EditorView, tr: Transaction) {
        apply(this, tr);
      },
    });

    keepEmptyDocumentUnwritten(view);
    // With a host's Y.Doc, updates from others can arrive at any time (no session to say so first): read each keystroke at once.
    const session = this.collab.connection?.session ?? null;
    let typing: DeferredInput | null = null;
    if (session) {
      typing = deferTypedText(view, doc);
      session.holdIncoming(typing.hold);
    }
    const undoManager = yUndoPluginKey.getState(view.state)?.undoManager ?? null;
    undoManager?.on('stack-item-added', this.onUndoStep);
    undoManager?.on('stack-item-updated', this.onUndoStep);
    undoManager?.on('stack-item-popped', this.onUndone);
    undoManager?.on('stack-cleared', this.scheduleFormat);

    this.binding = { view, doc, awareness, undoManager, typing };
    this.wasEditable = null;
    this.refreshFormat();
    this.counts.update(view.state.doc, true);
  }

  /** Destroys the view and the session this element opened, and removes its listeners. */
  private unbind(): void {
    const binding = this.binding;
    if (!binding) return;
    this.binding = null;
    binding.undoManager?.off('stack-item-added', this.onUndoStep);
    binding.undoManager?.off('stack-item-updated', this.onUndoStep);
    binding.undoManager?.off('stack-item-popped', this.onUndone);
    binding.undoManager?.off('stack-cleared', this.scheduleFormat);
    this.cancelFormat?.();
    this.cancelFormat = null;
    // Typed text still waiting goes into the document before the session ends.
    binding.typing?.destroy();
    this.collab.connection?.session?.holdIncoming(null);
    // The view first: its plugins unsubscribe from the doc and awareness the session is about to destroy.
    binding.view.destroy();
    this.collab.close();
    this._format = EMPTY_FORMAT_STATE;
  }

  private applyTransaction(view: EditorView, tr: Transaction): void {
    // y-prosemirror batches cursor updates in a timeout that can fire after the view was destroyed.
    if (view.isDestroyed) return;
    // y-prosemirror writes the editor's document to Yjs after every transaction. After one that only moves the
    // selection, that write can only be reconciliation (the empty paragraph an emptied document shows), which
    // must not become an undo step: it would clear the redo stack. Moving the cursor also ends an undo step.
    if (tr.selectionSet && !tr.docChanged && tr.getMeta('addToHistory') === undefined) tr.setMeta('addToHistory', false);
    view.updateState(view.state.apply(tr));
    if (view !== this.binding?.view) return;
    this.scheduleFormat();
    this.findBar.stateChanged(view.state);
    if (tr.docChanged) this.counts.update(view.state.doc);
    if (isLocalEdit(tr)) this.dispatchEvent(new AllmendeChangeEvent());
  }

  /** Cancels the pending toolbar refresh, if one is scheduled. */
  private cancelFormat: (() => void) | null = null;

  /**
   * Refreshes the toolbar's pressed and disabled states once, after the next paint: computing them
   * (marks, block, undo availability) is not needed to show a typed character, and a frame may
   * hold several transactions.
   */
  private readonly scheduleFormat = (): void => {
    this.cancelFormat ??= afterPaint(() => {
      this.cancelFormat = null;
      this.refreshFormat();
    });
  };

  private readonly refreshFormat = (): void => {
    const view = this.binding?.view;
    if (!view) return;
    const next = formatState(view.state);
    if (!sameFormatState(next, this._format)) this._format = next;
  };

  /** A change joined the undo or redo stack: remember where the selection is around it. */
  private readonly onUndoStep = (event: UndoStackEvent, undoManager: Y.UndoManager): void => {
    const view = this.binding?.view;
    if (view) recordUndoSelection(view, event, undoManager);
    this.scheduleFormat();
  };

  /** After undo, the cursor goes back to where it was before the change; after redo, to where it was after it. */
  private readonly onUndone = (event: UndoStackEvent): void => {
    const view = this.binding?.view;
    if (view) restoreUndoSelection(view, event);
    this.scheduleFormat();
  };

  /** Shows why there is no connection and makes the text read-only, as nothing typed would be saved. */
}

/** Why the element cannot sync, as the end of the sentence "Not connected: …". */
function failureText(t: DocTranslate, failure: CollabFailure): string {
  return failure.reason === 'closedByRelay' ? t('closedByRelay', failure.code) : t(failure.reason);
}

customElements.define('allmende-doc', AllmendeDoc);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-doc': AllmendeDoc;
  }
}
