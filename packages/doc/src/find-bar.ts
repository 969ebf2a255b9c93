import { findNext, replaceAll, replaceNext } from '@allmende/doc-model';
import type { FindOptions } from '@allmende/doc-model';
import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import type { EditorState } from 'prosemirror-state';
import type { EditorHost } from './editor-host.js';
import { findHighlightKey } from './find-highlight.js';
import { chevronDownIcon, chevronUpIcon, closeIcon } from './icons.js';

/** The longest selection that opening the find bar copies into the query. */
const MAX_PREFILL = 200;

/**
 * The find and replace bar of `<allmende-doc>` (`part="find"`), opened with
 * Mod-F or the toolbar: query and replacement, match case, whole words,
 * previous and next (Enter and Shift+Enter in the query), replace, and
 * replace all as one undo step. Matches are highlighted in the text by
 * {@link findHighlightPlugin}; the count is announced politely. Escape
 * closes the bar and returns to the text, with the last match selected.
 * In read-only text, finding works and replacing does not.
 */
export class FindBar implements ReactiveController {
  private open = false;
  private query = '';
  private replacement = '';
  private matchCase = false;
  private wholeWord = false;
  /** The last result of a replace-all, announced until the query changes. */
  private announcement = '';
  /** The match count and position shown, to re-render only when they change. */
  private shown = '';

  constructor(private readonly host: EditorHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.open = false;
  }

  /** Whether the bar is open. */
  get isOpen(): boolean {
    return this.open;
  }

  private get options(): FindOptions {
    return { matchCase: this.matchCase, wholeWord: this.wholeWord };
  }

  /** Opens the bar (or focuses it again), taking a short selection as the query. */
  show(): boolean {
    const view = this.host.view;
    if (!view) return false;
    const { from, to, $from, $to } = view.state.selection;
    if (from < to && $from.sameParent($to) && to - from <= MAX_PREFILL) {
      this.query = view.state.doc.textBetween(from, to);
    }
    this.open = true;
    this.announcement = '';
    this.search();
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const input = this.input('query');
      input?.focus();
      input?.select();
    });
    return true;
  }

  /** Closes the bar, removes the highlights and returns to the text. */
  hide(): void {
    if (!this.open) return;
    this.open = false;
    const view = this.host.view;
    if (view) view.dispatch(view.state.tr.setMeta(findHighlightKey, { query: '', options: {} }));
    this.host.requestUpdate();
    this.host.focusEditor();
  }

  /** Called by the element after each editor update: re-renders when the match count or position changed. */
  stateChanged(state: EditorState): void {
    if (!this.open) return;
    const shown = this.describe(state);
    if (shown !== this.shown) this.host.requestUpdate();
  }

  /** The bar, for the element's template. */
  render(): TemplateResult | typeof nothing {
    if (!this.open) return nothing;
    const t = this.host.t;
    const view = this.host.view;
    this.shown = view ? this.describe(view.state) : '';
    const readOnly = !this.host.editable;
    const noMatches = (view && findHighlightKey.getState(view.state)?.matches.length) ? false : true;
    return html`<div part="find" class="find-bar" role="search" aria-label=${t('findRegion')} @keydown=${this.onKeyDown}>
      <label class="find-field">
        <span>${t('findLabel')}</span>
        <input
          type="search"
          data-role="query"
          spellcheck="false"
          .value=${this.query}
          @input=${(event: InputEvent) => {
            this.query = (event.target as HTMLInputElement).value;
            this.announcement = '';
            this.search();
          }}
        />
      </label>
      <span class="find-count" role="status">${this.announcement || this.shown}</span>
      <button type="button" class="icon-button" aria-label=${t('previousMatch')} title=${t('previousMatch')} aria-disabled=${noMatches ? 'true' : 'false'} @click=${() => this.step(true)}>${chevronUpIcon}</button>
      <button type="button" class="icon-button" aria-label=${t('nextMatch')} title=${t('nextMatch')} aria-disabled=${noMatches ? 'true' : 'false'} @click=${() => this.step(false)}>${chevronDownIcon}</button>
      <label class="find-option">
        <input type="checkbox" .checked=${this.matchCase} @change=${(event: Event) => this.setOption('matchCase', event)} />
        <span>${t('matchCase')}</span>
      </label>
      <label class="find-option">
        <input type="checkbox" .checked=${this.wholeWord} @change=${(event: Event) => this.setOption('wholeWord', event)} />
        <span>${t('wholeWord')}</span>
      </label>
      ${readOnly
        ? nothing
        : html`<label class="find-field">
              <span>${t('replaceLabel')}</span>
              <input
                type="text"
                data-role="replacement"
                spellcheck="false"
                .value=${this.replacement}
                @input=${(event: InputEvent) => {
                  this.replacement = (event.target as HTMLInputElement).value;
                }}
              />
            </label>
            <button type="button" class="text-button" aria-disabled=${noMatches ? 'true' : 'false'} @click=${this.replaceOne}>${t('replace')}</button>
            <button type="button" class="text-button" aria-disabled=${noMatches ? 'true' : 'false'} @click=${this.replaceEvery}>${t('replaceAll')}</button>`}
      <button type="button" class="icon-button find-close" aria-label=${t('closeFind')} title=${t('closeFind')} @click=${() => this.hide()}>
        ${closeIcon}
      </button>
    </div>`;
  }

  private input(role: 'query' | 'replacement'): HTMLInputElement | null {
    return this.host.renderRoot.querySelector<HTMLInputElement>(`.find-bar input[data-role="${role}"]`);
  }

  /** The text of the count: "3 of 12", "12 matches", "No matches", or nothing without a query. */
  private describe(state: EditorState): string {
    const highlight = findHighlightKey.getState(state);
    if (!highlight?.query) return '';
    const t = this.host.t;
    const format = (value: number) => this.host.i18n.formatNumber(value);
    const total = highlight.matches.length;
    if (total === 0) return t('noMatches');
    return highlight.current >= 0
      ? t('matchPosition', format(highlight.current + 1), format(total))
      : t('matchCount', total, format(total));
  }

  /** Highlights the matches of the current query and options. */
  private search(): void {
    const view = this.host.view;
    if (!view) return;
    view.dispatch(view.state.tr.setMeta(findHighlightKey, { query: this.query, options: this.options }));
  }

  private setOption(name: 'matchCase' | 'wholeWord', event: Event): void {
    this[name] = (event.target as HTMLInputElement).checked;
    this.announcement = '';
    this.search();
  }

  /** Selects the next (or previous) match and scrolls it into view; focus stays in the bar. */
  private step(backwards: boolean): void {
    const view = this.host.view;
    if (!view || !this.query) return;
    const tr = findNext(view.state, this.query, this.options, backwards);
    if (tr) view.dispatch(tr);
  }

  private readonly replaceOne = (): void => {
    if (!this.query) return;
    this.host.run((state, dispatch) => {
      const tr = replaceNext(state, this.query, this.replacement, this.options);
      if (!tr) return false;
      dispatch?.(tr);
      return true;
    });
  };

  private readonly replaceEvery = (): void => {
    const view = this.host.view;
    if (!view || !this.query) return;
    const count = findHighlightKey.getState(view.state)?.matches.length ?? 0;
    const undoManager = this.host.undoManager;
    // Its own undo step, not merged with typing just before or after it.
    undoManager?.stopCapturing();
    const done = this.host.run((state, dispatch) => {
      const tr = replaceAll(state, this.query, this.replacement, this.options);
      if (!tr) return false;
      dispatch?.(tr);
      return true;
    });
    undoManager?.stopCapturing();
    if (done) {
      this.announcement = this.host.t('replacedCount', count, this.host.i18n.formatNumber(count));
      this.host.requestUpdate();
    }
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.hide();
    } else if (event.key === 'Enter' && target instanceof HTMLInputElement && target.dataset['role'] === 'query') {
      event.preventDefault();
      this.step(event.shiftKey);
    } else if (event.key === 'Enter' && target instanceof HTMLInputElement && target.dataset['role'] === 'replacement') {
      event.preventDefault();
      this.replaceOne();
    } else if (event.key.toLowerCase() === 'f' && (event.ctrlKey || event.metaKey) && !event.altKey) {
      event.preventDefault();
      this.input('query')?.select();
    }
  };
}
