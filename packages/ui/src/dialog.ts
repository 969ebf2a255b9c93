import { css, html } from 'lit';
import type { PropertyValues } from 'lit';
import { AllmendeElement } from './allmende-element.js';

/** Elements that can take focus when a dialog opens. */
const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * Fired by `<allmende-dialog>` when the user closes it without the owner's
 * doing: with Escape, or by a form inside submitted with `method="dialog"`.
 * The dialog has then already set `open` to false.
 */
export class AllmendeDialogCloseEvent extends Event {
  /** The event's type, `'allmende-dialog-close'`. */
  static readonly eventName = 'allmende-dialog-close' as const;

  constructor() {
    super(AllmendeDialogCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * `<allmende-dialog>`: a modal dialog built on the native `<dialog>` element,
 * so focus stays inside while it is open, the rest of the page is inert,
 * Escape closes it, and focus returns to where it was when it closes.
 *
 * ```html
 * <allmende-dialog label="Insert link" ?open=${open} @allmende-dialog-close=${onClose}>
 *   <form @submit=${onSubmit}>
 *     <label>Address <input name="href" autofocus /></label>
 *     <div class="actions"><button>Apply</button></div>
 *   </form>
 * </allmende-dialog>
 * ```
 *
 * When it opens, focus moves to the first slotted element with `autofocus`,
 * else to the first focusable one. The heading comes from `label` and names
 * the dialog for screen readers.
 *
 * @slot - The content, usually a `<form>` with its buttons.
 * @csspart dialog - The native `<dialog>`.
 * @csspart title - The heading.
 * @fires {AllmendeDialogCloseEvent} allmende-dialog-close - When the user closes the dialog.
 */
export class AllmendeDialog extends AllmendeElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    label: { type: String },
  };

  static override styles = [
    AllmendeElement.styles,
    css`
      :host {
        display: contents;
      }
      dialog {
        box-sizing: border-box;
        width: min(28rem, calc(100vw - 2rem));
        padding: 1.25rem 1.5rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_fg);
        box-shadow: 0 12px 40px rgb(0 0 0 / 0.25);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.35);
      }
      h2 {
        margin: 0 0 1rem;
        font-size: 1.15rem;
        line-height: 1.3;
      }
    `,
  ];

  /** Whether the dialog is open. */
  declare open: boolean;
  /** The dialog's heading and accessible name. */
  declare label: string;

  constructor() {
    super();
    this.open = false;
    this.label = '';
  }

  protected override render() {
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onNativeClose}>
      <h2 id="title" part="title">${this.label}</h2>
      <slot></slot>
    </dialog>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      const target = this.querySelector<HTMLElement>('[autofocus]') ?? this.querySelector<HTMLElement>(FOCUSABLE);
      target?.focus();
      if (target instanceof HTMLInputElement && target.type === 'text') target.select();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.querySelector('dialog')?.close();
  }

  private readonly onNativeClose = (): void => {
    if (!this.open) return;
    this.open = false;
    this.dispatchEvent(new AllmendeDialogCloseEvent());
  };
}

customElements.define('allmende-dialog', AllmendeDialog);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-dialog': AllmendeDialog;
  }
  interface HTMLElementEventMap {
    'allmende-dialog-close': AllmendeDialogCloseEvent;
  }
}
