import { insertTable, MAX_TABLE_SIZE } from '@allmende/doc-model';
import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import type { EditorHost } from './editor-host.js';

/** Reads a table dimension from a field: an integer from 1 to MAX_TABLE_SIZE, else null. */
function dimension(value: string): number | null {
  const number = Number(value.trim());
  return Number.isInteger(number) && number >= 1 && number <= MAX_TABLE_SIZE ? number : null;
}

/**
 * The "Insert table" dialog of `<allmende-doc>`: numbers of rows and
 * columns (1 to `MAX_TABLE_SIZE`), and whether the first row is a header row.
 */
export class TableDialog implements ReactiveController {
  private open = false;
  private rows = '3';
  private cols = '3';
  private header = true;
  private invalid: 'rows' | 'cols' | null = null;

  constructor(private readonly host: EditorHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.open = false;
  }

  /** Opens the dialog; returns false when the text cannot be edited. */
  show(): boolean {
    if (!this.host.view || !this.host.editable) return false;
    this.invalid = null;
    this.open = true;
    this.host.requestUpdate();
    return true;
  }

  /** The dialog, for the element's template. */
  render(): TemplateResult {
    const t = this.host.t;
    const field = (name: 'rows' | 'cols', label: string, value: string) => html`<label class="field">
      <span>${label}</span>
      <input
        name=${name}
        type="number"
        min="1"
        max=${MAX_TABLE_SIZE}
        step="1"
        required
        .value=${value}
        ?autofocus=${name === 'rows'}
        aria-invalid=${this.invalid === name ? 'true' : 'false'}
        aria-describedby=${this.invalid === name ? 'table-error' : nothing}
        @input=${(event: InputEvent) => {
          this[name] = (event.target as HTMLInputElement).value;
        }}
      />
    </label>`;
    return html`<allmende-dialog label=${t('insertTableTitle')} ?open=${this.open} @allmende-dialog-close=${this.onClosed}>
      <form novalidate @submit=${this.onSubmit}>
        <div class="field-row">
          ${field('rows', t('tableRows'), this.rows)} ${field('cols', t('tableColumns'), this.cols)}
        </div>
        ${this.invalid
          ? html`<p id="table-error" class="error" role="alert">${t('tableSizeInvalid', MAX_TABLE_SIZE)}</p>`
          : nothing}
        <label class="field inline">
          <input
            type="checkbox"
            .checked=${this.header}
            @change=${(event: Event) => {
              this.header = (event.target as HTMLInputElement).checked;
            }}
          />
          <span>${t('tableWithHeader')}</span>
        </label>
        <div class="actions">
          <span class="spacer"></span>
          <button type="button" @click=${this.close}>${t('cancel')}</button>
          <button type="submit" class="primary">${t('insert')}</button>
        </div>
      </form>
    </allmende-dialog>`;
  }

  private readonly close = (): void => {
    this.open = false;
    this.host.requestUpdate();
    this.host.focusEditor();
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const rows = dimension(this.rows);
    const cols = dimension(this.cols);
    if (rows === null || cols === null) {
      this.invalid = rows === null ? 'rows' : 'cols';
      this.host.requestUpdate();
      (event.target as HTMLFormElement).querySelector<HTMLInputElement>(`input[name="${this.invalid}"]`)?.focus();
      return;
    }
    this.host.run(insertTable(rows, cols, this.header));
    this.close();
  };

  private readonly onClosed = (): void => {
    this.open = false;
    this.host.requestUpdate();
  };
}
