import { activeMarks, removeLink, setLink } from '@allmende/doc-model';
import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import type { EditorHost } from './editor-host.js';
import { normalizeLinkInput } from './link-input.js';

/**
 * The link dialog of `<allmende-doc>` (toolbar button and Mod-K): an address
 * field that adds `https://` (or `mailto:` for e-mail addresses) when there
 * is no scheme and refuses anything but http, https and mailto, plus
 * "Remove link" when the selection is in a link.
 */
export class LinkDialog implements ReactiveController {
  private open = false;
  private editing = false;
  private value = '';
  private invalid = false;

  constructor(private readonly host: EditorHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.open = false;
  }

  /** Opens the dialog for the selection; returns false (and opens nothing) when the text cannot be edited. */
  show(): boolean {
    const view = this.host.view;
    if (!view || !this.host.editable) return false;
    const link = activeMarks(view.state).link;
    this.editing = link !== null;
    this.value = link?.href ?? '';
    this.invalid = false;
    this.open = true;
    this.host.requestUpdate();
    return true;
  }

  /** The dialog, for the element's template. */
  render(): TemplateResult {
    const t = this.host.t;
    return html`<allmende-dialog
      label=${this.editing ? t('editLinkTitle') : t('insertLinkTitle')}
      ?open=${this.open}
      @allmende-dialog-close=${this.onClosed}
    >
      <form novalidate @submit=${this.onSubmit}>
        <label class="field">
          <span>${t('linkAddress')}</span>
          <input
            name="href"
            type="text"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            autofocus
            .value=${this.value}
            aria-invalid=${this.invalid ? 'true' : 'false'}
            aria-describedby=${this.invalid ? 'link-error link-hint' : 'link-hint'}
            @input=${this.onInput}
          />
        </label>
        <p id="link-hint" class="hint">${t('linkHint')}</p>
        ${this.invalid ? html`<p id="link-error" class="error" role="alert">${t('linkInvalid')}</p>` : nothing}
        <div class="actions">
          ${this.editing ? html`<button type="button" class="danger" @click=${this.onRemove}>${t('removeLink')}</button>` : nothing}
          <span class="spacer"></span>
          <button type="button" @click=${this.onCancel}>${t('cancel')}</button>
          <button type="submit" class="primary">${t('apply')}</button>
        </div>
      </form>
    </allmende-dialog>`;
  }

  private close(): void {
    this.open = false;
    this.host.requestUpdate();
    this.host.focusEditor();
  }

  private readonly onInput = (event: InputEvent): void => {
    this.value = (event.target as HTMLInputElement).value;
    if (this.invalid) {
      this.invalid = false;
      this.host.requestUpdate();
    }
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const href = normalizeLinkInput(this.value);
    if (href === null) {
      this.invalid = true;
      this.host.requestUpdate();
      (event.target as HTMLFormElement).querySelector('input')?.focus();
      return;
    }
    this.host.run(setLink(href));
    this.close();
  };

  private readonly onRemove = (): void => {
    this.host.run(removeLink);
    this.close();
  };

  private readonly onCancel = (): void => {
    this.close();
  };

  private readonly onClosed = (): void => {
    this.open = false;
    this.host.requestUpdate();
  };
}
