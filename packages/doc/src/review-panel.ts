import {
  acceptAllSuggestions,
  acceptSuggestion,
  COMMENTS_MAP,
  CommentThreads,
  isSuggestMode,
  listSuggestions,
  rejectAllSuggestions,
  rejectSuggestion,
  schema,
  setSuggestMode,
} from '@allmende/doc-model';
import type { CommentAuthor, CommentReply, CommentThread, Person, Suggestion, SuggestionAuthor } from '@allmende/doc-model';
import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import type { Command, EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import type { EditorHost } from './editor-host.js';
import { insertMention, matchPeople, mentionQueryAt } from './mention-query.js';
import type { MentionQuery } from './mention-query.js';
import { relativeTime } from './relative-time.js';
import { commentIcon, panelIcon, suggestIcon } from './review-icons.js';
import { pendingCommentRange, reviewHighlightKey } from './review-plugin.js';
import type { HighlightedThread, ReviewHighlightMeta, ReviewPluginCallbacks } from './review-plugin.js';
import { revealPosition } from './visibility-window.js';

/** What the review panel needs from `<allmende-doc>` besides the editor host. */
export interface ReviewHost extends EditorHost {
  /** Whether this user may comment now: write or comment access, not read-only, connected. */
  readonly canComment: boolean;
  /** Who this user is in comments and suggestions. */
  readonly reviewUser: CommentAuthor;
  /** Who is in the document now (for @mentions), this user included. */
  readonly presentPeople: readonly Person[];
}

/** What the editor's plugins get from the review panel (see editor-plugins.ts). */
export interface ReviewEditorOptions extends ReviewPluginCallbacks {
  /** The suggesting user, read on every edit in suggest mode. */
  readonly user: () => SuggestionAuthor;
  /** Ctrl+Alt+M: starts a comment on the selection. */
  readonly onComment: () => boolean;
}

/** Which text box a mention list belongs to: `new`, `reply:<thread>` or `edit`. */
type Field = string;

const REFRESH_DELAY = 120;

/**
 * The review workflow of `<allmende-doc>`: the Comment, Suggest and panel
 * buttons of the toolbar, and the side panel (`part="review"`) with the
 * comment threads in document order (open and resolved, then those whose
 * text was deleted) and the suggestions with Accept and Reject. It reads and
 * writes `Y.Map('comments')` through `CommentThreads` and keeps the editor's
 * comment highlights (review-plugin.ts) in step with it: after every change
 * to the comments, and after changes to the text, it resolves the anchors
 * again and sends the ranges to the highlights.
 */
export class ReviewPanel implements ReactiveController {
  /** Whether the panel is shown. */
  private open = false;
  /** Whether the user closed the panel; then it no longer opens by itself when comments arrive. */
  private closedByUser = false;
  private view: EditorView | null = null;
  private threads: CommentThreads | null = null;
  private threadsUser = '';
  private unobserve: (() => void) | null = null;
  private list: CommentThread[] = [];
  private suggestions: Suggestion[] = [];
  private composing = false;
  private draft = '';
  private readonly replyDrafts = new Map<string, string>();
  private editing: { thread: string; reply: string | null; text: string } | null = null;
  private active: string | null = null;
  /** The suggestion picked by clicking its text, shown raised in the panel. */
  private activeSuggestion: string | null = null;
  private mention: { field: Field; query: MentionQuery; index: number } | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private suggestionsTimer: ReturnType<typeof setTimeout> | null = null;
  private clock: ReturnType<typeof setInterval> | null = null;

  /** Handed to the editor's plugins. */
  readonly editorOptions: ReviewEditorOptions = {
    user: () => this.host.reviewUser,
    onComment: () => this.startComment(),
    onThreadClick: (id) => this.activate(id, false),
    onSuggestionClick: (id) => this.pickSuggestion(id),
    onStateChange: (view, previous) => this.stateChanged(view, previous),
  };

  constructor(private readonly host: ReviewHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.clock = setInterval(() => {
      if (this.open && this.list.length > 0) this.host.requestUpdate();
    }, 30_000);
  }

  hostDisconnected(): void {
    if (this.clock !== null) clearInterval(this.clock);
    this.clock = null;
    this.detach();
  }

  /** Follows the element to the editor it shows now (a new one after every rebinding). */
  hostUpdate(): void {
    const view = this.host.view;
    if (view !== this.view || (view && this.threadsUser !== userKey(this.host.reviewUser))) this.attach(view);
  }

  private attach(view: EditorView | null): void {
    this.detach();
    this.view = view;
    const sync = view ? (ySyncPluginKey.getState(view.state) as { type?: unknown } | undefined) : undefined;
    const fragment = sync?.type instanceof Y.XmlFragment ? sync.type : null;
    if (!view || !fragment?.doc) return;
    const doc = fragment.doc;
    const user = this.host.reviewUser;
    this.threadsUser = userKey(user);
    this.threads = new CommentThreads(doc, { user, schema, fragment });
    const map = doc.getMap(COMMENTS_MAP);
    const onComments = (): void => this.scheduleRefresh();
    const onContent = (): void => {
      if (map.size > 0) this.scheduleRefresh();
    };
    map.observeDeep(onComments);
    fragment.observeDeep(onContent);
    this.unobserve = () => {
      map.unobserveDeep(onComments);
      fragment.unobserveDeep(onContent);
    };
    this.refresh();
    this.refreshSuggestions();
  }

  private detach(): void {
    this.unobserve?.();
    this.unobserve = null;
    for (const timer of [this.refreshTimer, this.suggestionsTimer]) if (timer !== null) clearTimeout(timer);
    this.refreshTimer = this.suggestionsTimer = null;
    this.threads = null;
    this.view = null;
    this.list = [];
    this.suggestions = [];
    this.composing = false;
    this.editing = null;
    this.active = null;
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer !== null) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      this.refresh();
    }, REFRESH_DELAY);
  }

  /** Reads the threads again and sends their ranges to the highlights. */
  private refresh(): void {
    const threads = this.threads;
    const view = this.view;
    if (!threads || !view || view.isDestroyed) return;
    const had = this.list.length;
    this.list = threads.list();
    // A document without comments costs the editor nothing: no transaction.
    if (had === 0 && this.list.length === 0) return;
    if (had === 0) this.openByItself();
    const ranges: HighlightedThread[] = this.list.flatMap((thread) =>
      thread.from !== null && thread.to !== null ? [{ id: thread.id, from: thread.from, to: thread.to, state: thread.state }] : [],
    );
    this.sendHighlights({ threads: ranges });
    this.host.requestUpdate();
  }

  private sendHighlights(meta: ReviewHighlightMeta): void {
    const view = this.view;
    if (!view || view.isDestroyed || !reviewHighlightKey.getState(view.state)) return;
    view.dispatch(view.state.tr.setMeta(reviewHighlightKey, meta).setMeta('addToHistory', false));
  }

  private stateChanged(view: EditorView, previous: EditorState): void {
    if (view !== this.view) return;
    if (view.state.doc !== previous.doc && this.suggestionsTimer === null) {
      this.suggestionsTimer = setTimeout(() => {
        this.suggestionsTimer = null;
        this.refreshSuggestions();
      }, REFRESH_DELAY);
    }
    if (isSuggestMode(view.state) !== isSuggestMode(previous)) this.host.requestUpdate();
  }

  private refreshSuggestions(): void {
    const view = this.view;
    if (!view || view.isDestroyed) return;
    const next = listSuggestions(view.state.doc);
    if (this.suggestions.length === 0 && next.length > 0) this.openByItself();
    if (next.length !== 0 || this.suggestions.length !== 0) {
      this.suggestions = next;
      this.host.requestUpdate();
    }
  }

  private openByItself(): void {
    if (!this.closedByUser) this.open = true;
  }

  /** Starts a comment on the selected text (toolbar button, Ctrl+Alt+M); true when the key was handled. */
  startComment(): boolean {
    const view = this.view;
    if (!view || !this.host.canComment) return false;
    const { from, to, empty } = view.state.selection;
    if (empty || view.state.doc.textBetween(from, to, ' ', '\ufffc').trim() === '') {
      this.host.notify(this.host.t('commentNeedsSelection'));
      return true;
    }
    this.composing = true;
    this.open = true;
    this.mention = null;
    this.sendHighlights({ pending: { from, to }, active: null });
    this.active = null;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.focusField('.new-comment textarea'));
    return true;
  }

  private focusField(selector: string): void {
    this.host.renderRoot.querySelector<HTMLTextAreaElement>(selector)?.focus();
  }

  private people(): Person[] {
    const me = this.host.reviewUser;
    // Present people first: their ids are the relay's; without a relay identity, one name is one person.
    const byName = new Map<string, Person>();
    for (const person of [...this.host.presentPeople, ...(this.threads?.authors() ?? [])]) {
      const key = person.name.trim().toLowerCase();
      if (person.id !== me.id && key && key !== me.name.trim().toLowerCase() && !byName.has(key)) byName.set(key, { id: person.id, name: person.name });
    }
    return [...byName.values()];
  }

  /** Runs a change to the comments; a refused one is explained in the alert area and changes nothing. */
  private change(action: (threads: CommentThreads) => void): boolean {
    const threads = this.threads;
    if (!threads || !this.host.canComment) return false;
    try {
      action(threads);
      this.refresh();
      return true;
    } catch (error) {
      this.host.notify(this.host.t('commentFailed', error instanceof Error ? error.message : String(error)));
      return false;
    }
  }

  private submitNew(): void {
    const view = this.view;
    const range = view ? pendingCommentRange(view.state) : null;
    if (!range) {
      this.cancelNew();
      this.host.notify(this.host.t('commentNeedsSelection'));
      return;
    }
    let id = '';
    if (!this.change((threads) => (id = threads.add(range, this.draft, this.people())))) return;
    this.draft = '';
    this.composing = false;
    this.mention = null;
    this.active = id;
    this.sendHighlights({ pending: null, active: id });
    this.host.requestUpdate();
  }

  private cancelNew(): void {
    this.composing = false;
    this.draft = '';
    this.mention = null;
    this.sendHighlights({ pending: null });
    this.host.requestUpdate();
    this.host.focusEditor();
  }

  private submitReply(thread: string): void {
    const body = this.replyDrafts.get(thread) ?? '';
    if (!this.change((threads) => threads.reply(thread, body, this.people()))) return;
    this.replyDrafts.delete(thread);
    this.mention = null;
    this.host.requestUpdate();
  }

  private submitEdit(): void {
    const editing = this.editing;
    if (!editing) return;
    const ok = this.change((threads) =>
      threads.edit(editing.thread, editing.text, { ...(editing.reply !== null ? { replyId: editing.reply } : {}), people: this.people() }),
    );
    if (ok) {
      this.editing = null;
      this.mention = null;
      this.host.requestUpdate();
    }
  }

  /** Picks a thread: highlights its text and, from the panel, scrolls the text into view. */
  private activate(id: string, scroll: boolean): void {
    this.active = id;
    this.open = true;
    this.sendHighlights({ active: id });
    this.host.requestUpdate();
    const thread = this.list.find((candidate) => candidate.id === id);
    const view = this.view;
    if (scroll && view && thread?.from != null) {
      // In a long document the thread's paragraph may not be displayed yet: then the scroll is not smooth.
      const revealed = revealPosition(view, thread.from);
      const { node } = view.domAtPos(thread.from);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: revealed ? 'instant' : 'smooth' });
    }
    if (!scroll) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector(`[data-thread-card="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' }));
  }

  /** Accepts or rejects: one change, and one undo step of its own (not merged with typing just before or after). */
  private pickSuggestion(id: string): void {
    this.activeSuggestion = id;
    this.open = true;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector(`[data-suggestion-card="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' }),
    );
  }

  private settle(command: Command): void {
    this.host.undoManager?.stopCapturing();
    if (this.host.run(command)) this.host.undoManager?.stopCapturing();
    this.refreshSuggestions();
  }

  private toggleSuggestMode(): void {
    const view = this.view;
    if (!view || !this.host.editable) return;
    this.host.run(setSuggestMode(!isSuggestMode(view.state)));
    this.host.requestUpdate();
  }

  private togglePanel(): void {
    this.open = !this.open;
    this.closedByUser = !this.open;
    this.host.requestUpdate();
  }

  /** The Comment, Suggest and panel buttons, as the toolbar's review group. */
  renderToolbarButtons(): TemplateResult {
    const t = this.host.t;
    const view = this.view;
    // Not tied to the selection: the toolbar does not re-render on every selection change, and without one the button says what to do.
    const canComment = this.host.canComment && view !== null;
    const suggesting = view !== null && isSuggestMode(view.state);
    const button = (label: string, keys: string | null, content: TemplateResult, onClick: () => void, unavailable: boolean, extra: { pressed?: boolean; expanded?: boolean } = {}) => html`<button
      type="button"
      class=${extra.pressed ? 'review-toggle on' : 'review-toggle'}
      aria-label=${label}
      title=${keys ? `${label} (${keys})` : label}
      aria-pressed=${extra.pressed === undefined ? nothing : String(extra.pressed)}
      aria-expanded=${extra.expanded === undefined ? nothing : String(extra.expanded)}
      aria-disabled=${unavailable ? 'true' : nothing}
      @click=${() => {
        if (!unavailable) onClick();
      }}
    >
      ${content}
    </button>`;
    return html`<span class="group review-group">
      ${button(t('comment'), 'Ctrl+Alt+M', commentIcon, () => this.startComment(), !canComment)}
      ${button(t('suggestMode'), null, html`${suggestIcon}<span class="text-label">${t('suggestMode')}</span>`, () => this.toggleSuggestMode(), !this.host.editable, { pressed: suggesting })}
      ${button(this.open ? t('hideReviewPanel') : t('showReviewPanel'), null, panelIcon, () => this.togglePanel(), false, { expanded: this.open })}
    </span>`;
  }

  /** The side panel, or nothing while it is closed. */
  renderPanel(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const t = this.host.t;
    const open = this.list.filter((thread) => thread.state === 'open');
    const resolved = this.list.filter((thread) => thread.state === 'resolved');
    const orphaned = this.list.filter((thread) => thread.state === 'orphaned');
    return html`<aside part="review" class="review-panel" aria-label=${t('reviewPanel')}>
      <div class="review-header">
        <h2>${t('reviewPanel')}</h2>
        <button type="button" class="icon-button" aria-label=${t('hideReviewPanel')} title=${t('hideReviewPanel')} @click=${() => this.togglePanel()}>×</button>
      </div>
      ${this.composing ? this.renderNewComment() : nothing}
      ${this.renderSuggestions()}
      <section class="review-section" aria-label=${t('commentsHeading')}>
        <h3>${t('commentsHeading')}</h3>
        ${this.list.length === 0 && !this.composing ? html`<p class="review-empty">${t('noComments')}</p>` : nothing}
        <ul class="threads">${open.map((thread) => this.renderThread(thread))}</ul>
        ${resolved.length > 0
          ? html`<details class="resolved-group">
              <summary>${t('resolvedHeading', resolved.length)}</summary>
              <ul class="threads">${resolved.map((thread) => this.renderThread(thread))}</ul>
            </details>`
          : nothing}
      </section>
      ${orphaned.length > 0
        ? html`<section class="review-section orphaned-group" aria-label=${t('orphanedHeading')}>
            <h3>${t('orphanedHeading')}</h3>
            <ul class="threads">${orphaned.map((thread) => this.renderThread(thread))}</ul>
          </section>`
        : nothing}
    </aside>`;
  }

  private renderNewComment(): TemplateResult {
    const t = this.host.t;
    const view = this.view;
    const range = view ? pendingCommentRange(view.state) : null;
    const quote = range && view ? view.state.doc.textBetween(range.from, range.to, ' ', '') : '';
    const me = this.host.reviewUser;
    return html`<form class="new-comment card" @submit=${(event: Event) => (event.preventDefault(), this.submitNew())}>
      <div class="comment-head">${avatar(me)}<span class="author">${me.name}</span></div>
      ${quote ? html`<blockquote class="thread-quote">${clip(quote)}</blockquote>` : nothing}
      ${this.renderTextarea('new', t('newCommentLabel'), t('commentPlaceholder'), this.draft, (text) => (this.draft = text), () => this.submitNew(), () => this.cancelNew())}
      <div class="form-actions">
        <button type="button" class="text-button" @click=${() => this.cancelNew()}>${t('cancel')}</button>
        <button type="submit" class="text-button primary" ?disabled=${this.draft.trim() === ''}>${t('post')}</button>
      </div>
    </form>`;
  }

  private renderTextarea(field: Field, label: string, placeholder: string, value: string, set: (text: string) => void, submit: () => void, cancel: () => void): TemplateResult {
    const mention = this.mention?.field === field ? this.mention : null;
    const matches = mention ? matchPeople(this.people(), mention.query.query) : [];
    const listId = `mentions-${field.replace(/[^a-z0-9-]/gi, '-')}`;
    const choose = (textarea: HTMLTextAreaElement, person: Person) => {
      if (!mention) return;
      const next = insertMention(textarea.value, mention.query, textarea.selectionStart, person);
      set(next.text);
      textarea.value = next.text;
      textarea.setSelectionRange(next.caret, next.caret);
      this.mention = null;
      this.host.requestUpdate();
    };
    return html`<div class="comment-input">
      <textarea
        aria-label=${label}
        placeholder=${placeholder}
        rows="2"
        .value=${value}
        aria-autocomplete="list"
        aria-controls=${matches.length > 0 ? listId : nothing}
        aria-activedescendant=${matches.length > 0 ? `${listId}-${mention!.index}` : nothing}
        @input=${(event: Event) => {
          const textarea = event.target as HTMLTextAreaElement;
          set(textarea.value);
          const query = mentionQueryAt(textarea.value, textarea.selectionStart);
          this.mention = query ? { field, query, index: 0 } : null;
          this.host.requestUpdate();
        }}
        @keydown=${(event: KeyboardEvent) => {
          const textarea = event.target as HTMLTextAreaElement;
          if (matches.length > 0 && mention) {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              mention.index = (mention.index + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
              this.host.requestUpdate();
              return;
            }
            if (event.key === 'Enter' || event.key === 'Tab') {
              event.preventDefault();
              choose(textarea, matches[Math.min(mention.index, matches.length - 1)]!);
              return;
            }
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              this.mention = null;
              this.host.requestUpdate();
              return;
            }
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            cancel();
          }
        }}
      ></textarea>
      ${matches.length > 0
        ? html`<ul class="mention-list" role="listbox" id=${listId} aria-label=${this.host.t('mentionPeople')}>
            ${matches.map(
              (person, index) => html`<li
                role="option"
                id=${`${listId}-${index}`}
                aria-selected=${String(index === mention!.index)}
                @mousedown=${(event: MouseEvent) => {
                  event.preventDefault();
                  const textarea = (event.currentTarget as HTMLElement).closest('.comment-input')?.querySelector('textarea');
                  if (textarea) choose(textarea, person);
                }}
              >
                ${person.name}
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  private renderThread(thread: CommentThread): TemplateResult {
    const t = this.host.t;
    const active = thread.id === this.active;
    const stateText = t(thread.state === 'open' ? 'stateOpen' : thread.state === 'resolved' ? 'stateResolved' : 'stateOrphaned');
    const canComment = this.host.canComment;
    const editingRoot = this.editing?.thread === thread.id && this.editing.reply === null;
    return html`<li class="thread card ${thread.state} ${active ? 'active' : ''}" data-thread-card=${thread.id} style="--author-color: ${thread.author.color}">
      <div
        class="thread-main"
        tabindex="0"
        role="group"
        aria-current=${active ? 'true' : nothing}
        aria-label=${t('threadLabel', thread.author.name || t('anonymous'), stateText)}
        @click=${(event: MouseEvent) => {
          if (!(event.target as Element).closest('button, textarea, a')) this.activate(thread.id, true);
        }}
        @keydown=${(event: KeyboardEvent) => {
          if ((event.key === 'Enter' || event.key === ' ') && event.target === event.currentTarget) {
            event.preventDefault();
            this.activate(thread.id, true);
          }
        }}
      >
        ${thread.quote ? html`<blockquote class="thread-quote" aria-label=${t('quoteLabel', clip(thread.quote))}>${clip(thread.quote)}</blockquote>` : nothing}
        ${this.renderComment(thread.author, thread.created, thread.edited, thread.deleted ? null : thread.body, {
          state: thread.state !== 'open' ? stateText : null,
          editing: editingRoot,
          actions: html`${canComment && !thread.deleted && thread.state !== 'orphaned'
            ? html`<button type="button" class="text-button" @click=${() => this.change((threads) => (thread.resolved ? threads.reopen(thread.id) : threads.resolve(thread.id)))}>
                ${thread.resolved ? t('reopen') : t('resolve')}
              </button>`
            : nothing}
          ${canComment && !thread.deleted && thread.author.id === this.host.reviewUser.id ? this.ownActions(thread.id, null, thread.body) : nothing}`,
        })}
        ${thread.resolved && thread.resolvedBy ? html`<p class="resolved-by">${t('resolvedBy', thread.resolvedBy.name)}</p>` : nothing}
      </div>
      ${thread.replies.length > 0 ? html`<ul class="replies">${thread.replies.map((reply) => this.renderReply(thread, reply))}</ul>` : nothing}
      ${active && canComment
        ? html`<form class="reply-form" @submit=${(event: Event) => (event.preventDefault(), this.submitReply(thread.id))}>
            ${this.renderTextarea(
              `reply-${thread.id}`,
              t('replyLabel', thread.author.name || t('anonymous')),
              t('replyPlaceholder'),
              this.replyDrafts.get(thread.id) ?? '',
              (text) => this.replyDrafts.set(thread.id, text),
              () => this.submitReply(thread.id),
              () => {
                this.replyDrafts.delete(thread.id);
                this.active = null;
                this.sendHighlights({ active: null });
                this.host.requestUpdate();
              },
            )}
            ${(this.replyDrafts.get(thread.id) ?? '').trim() !== ''
              ? html`<div class="form-actions"><button type="submit" class="text-button primary">${t('postReply')}</button></div>`
              : nothing}
          </form>`
        : nothing}
    </li>`;
  }

  private renderReply(thread: CommentThread, reply: CommentReply): TemplateResult {
    const editing = this.editing?.thread === thread.id && this.editing.reply === reply.id;
    const own = this.host.canComment && reply.author.id === this.host.reviewUser.id;
    return html`<li class="reply">
      ${this.renderComment(reply.author, reply.created, reply.edited, reply.body, {
        state: null,
        editing,
        actions: own ? this.ownActions(thread.id, reply.id, reply.body) : nothing,
      })}
    </li>`;
  }

  private ownActions(thread: string, reply: string | null, body: string): TemplateResult {
    const t = this.host.t;
    return html`<button
        type="button"
        class="text-button"
        @click=${() => {
          this.editing = { thread, reply, text: body };
          this.host.requestUpdate();
          void this.host.updateComplete.then(() => this.focusField('.edit-comment textarea'));
        }}
      >
        ${t('edit')}
      </button>
      <button type="button" class="text-button" @click=${() => this.change((threads) => threads.delete(thread, reply !== null ? { replyId: reply } : {}))}>${t('delete')}</button>`;
  }

  private renderComment(
    author: CommentAuthor,
    created: number,
    edited: number | null,
    body: string | null,
    options: { state: string | null; editing: boolean; actions: TemplateResult | typeof nothing },
  ): TemplateResult {
    const t = this.host.t;
    const locale = this.host.i18n.locale;
    const when = relativeTime(created, Date.now(), locale, t('justNow'));
    const exact = new Date(created).toLocaleString(locale);
    return html`<div class="comment">
      <div class="comment-head">
        ${avatar(author)}
        <span class="author">${author.name || t('anonymous')}</span>
        <time datetime=${new Date(created).toISOString()} title=${exact}>${when}${edited !== null ? html` · ${t('edited')}` : nothing}</time>
        ${options.state ? html`<span class="state-badge">${options.state}</span>` : nothing}
      </div>
      ${options.editing && this.editing
        ? html`<form class="edit-comment" @submit=${(event: Event) => (event.preventDefault(), this.submitEdit())}>
            ${this.renderTextarea('edit', t('edit'), '', this.editing.text, (text) => this.editing && (this.editing.text = text), () => this.submitEdit(), () => {
              this.editing = null;
              this.host.requestUpdate();
            })}
            <div class="form-actions">
              <button type="button" class="text-button" @click=${() => ((this.editing = null), this.host.requestUpdate())}>${t('cancel')}</button>
              <button type="submit" class="text-button primary">${t('save')}</button>
            </div>
          </form>`
        : body === null
          ? html`<p class="comment-body deleted">${t('deletedComment')}</p>`
          : html`<p class="comment-body">${renderMentions(body)}</p>`}
      ${options.editing ? nothing : html`<div class="comment-actions">${options.actions}</div>`}
    </div>`;
  }

  private renderSuggestions(): TemplateResult | typeof nothing {
    const t = this.host.t;
    if (this.suggestions.length === 0) return nothing;
    const canSettle = this.host.editable;
    return html`<section class="review-section suggestions" aria-label=${t('suggestionsHeading')}>
      <h3>${t('suggestionsHeading')}</h3>
      ${canSettle
        ? html`<div class="form-actions bulk">
            <button type="button" class="text-button" @click=${() => this.settle(acceptAllSuggestions)}>${t('acceptAll')}</button>
            <button type="button" class="text-button" @click=${() => this.settle(rejectAllSuggestions)}>${t('rejectAll')}</button>
          </div>`
        : nothing}
      <ul class="suggestion-list">
        ${this.suggestions.map((suggestion) => {
          const text =
            suggestion.kind === 'insertion'
              ? t('suggestionInsert', clip(suggestion.insertedText))
              : suggestion.kind === 'deletion'
                ? t('suggestionDelete', clip(suggestion.deletedText))
                : suggestion.kind === 'format'
                  ? t('suggestionFormat', clip(suggestion.formattedText), suggestion.format.added, suggestion.format.removed)
                  : t('suggestionReplace', clip(suggestion.deletedText), clip(suggestion.insertedText));
          const author: CommentAuthor = { id: suggestion.authorId, name: suggestion.authorName, color: suggestion.color };
          const picked = suggestion.id === this.activeSuggestion ? 'active' : '';
          return html`<li class="suggestion card ${picked}" data-suggestion-card=${suggestion.id} style="--author-color: ${suggestion.color}" aria-label=${t('suggestionLabel', suggestion.authorName || t('anonymous'))}>
            <div class="comment-head">
              ${avatar(author)}
              <span class="author">${suggestion.authorName || t('anonymous')}</span>
              <time datetime=${new Date(suggestion.time).toISOString()} title=${new Date(suggestion.time).toLocaleString(this.host.i18n.locale)}>
                ${relativeTime(suggestion.time, Date.now(), this.host.i18n.locale, t('justNow'))}
              </time>
            </div>
            <p class="suggestion-text">${text}</p>
            ${canSettle
              ? html`<div class="form-actions">
                  <button type="button" class="text-button primary" @click=${() => this.settle(acceptSuggestion(suggestion.id))}>${t('accept')}</button>
                  <button type="button" class="text-button" @click=${() => this.settle(rejectSuggestion(suggestion.id))}>${t('reject')}</button>
                </div>`
              : nothing}
          </li>`;
        })}
      </ul>
    </section>`;
  }
}

const userKey = (user: CommentAuthor): string => `${user.id}\n${user.name}\n${user.color}`;

/** A short quote: long passages are cut to 120 characters. */
function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

function avatar(author: CommentAuthor): TemplateResult {
  const initial = (author.name.trim()[0] ?? '?').toUpperCase();
  return html`<span class="avatar-dot" style="background: ${author.color}" aria-hidden="true">${initial}</span>`;
}

/** A comment body with @mentions set off. */
function renderMentions(body: string): TemplateResult[] {
  return body.split(/(@[\p{L}\p{N}_][\p{L}\p{N}_.-]*(?: [\p{Lu}][\p{L}\p{N}_.-]*)?)/u).map((part, index) =>
    index % 2 === 1 ? html`<span class="mention">${part}</span>` : html`${part}`,
  );
}
