import { css, html } from 'lit';
import type { PropertyValues } from 'lit';
import { AllmendeElement } from './allmende-element.js';

/** Slotted elements that are items of a menu. */
const ITEM_SELECTOR = '[role="menuitem"], [role="menuitemradio"], [role="menuitemcheckbox"]';

/** Why a menu asks to be closed. */
export type MenuCloseReason = 'escape' | 'tab' | 'outside';

/**
 * Fired by `<allmende-menu>` when the user dismisses it: Escape (the owner
 * should move focus back to the button that opened it), Tab (focus is
 * already moving on), or a pointer press outside the menu and its button.
 * The menu does not close itself; the owner sets `open` to false.
 */
export class AllmendeMenuCloseEvent extends Event {
  /** The event's type, `'allmende-menu-close'`. */
  static readonly eventName = 'allmende-menu-close' as const;
  /** What dismissed the menu. */
  readonly reason: MenuCloseReason;

  constructor(reason: MenuCloseReason) {
    super(AllmendeMenuCloseEvent.eventName, { bubbles: true, composed: true });
    this.reason = reason;
  }
}

/**
 * `<allmende-menu>`: the popup of a menu button, following the WAI-ARIA menu
 * pattern (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/).
 *
 * Put it next to its button in one wrapper element, which it is positioned
 * under (the wrapper gets `position: relative` from the owner's styles):
 *
 * ```html
 * <span class="menu-anchor">
 *   <button aria-haspopup="menu" aria-expanded="true" aria-controls="colours">A</button>
 *   <allmende-menu id="colours" label="Text colour" open>
 *     <button role="menuitemradio" aria-checked="true">Automatic</button>
 *     <button role="menuitemradio" aria-checked="false">Red</button>
 *   </allmende-menu>
 * </span>
 * ```
 *
 * While open, it focuses the checked item (or the first), Up and Down move
 * between items (wrapping), Home and End go to the first and last, and
 * Escape, Tab or a press outside the wrapper fire
 * {@link AllmendeMenuCloseEvent}. The owner handles the items' clicks and
 * closes the menu by setting `open` to false. Items are reached only with
 * the arrow keys (`tabindex="-1"`), so the menu is one Tab stop.
 *
 * @slot - The items: elements with role `menuitem`, `menuitemradio` or `menuitemcheckbox`.
 * @csspart list - The box around the items.
 * @fires allmende-menu-close - {@link AllmendeMenuCloseEvent} when the user dismisses the menu.
 */
export class AllmendeMenu extends AllmendeElement {
  static override properties = {
    open: { type: Boolean, reflect: true },
    label: { type: String },
    align: { type: String, reflect: true },
  };

  static override styles = [
    AllmendeElement.styles,
    css`
      :host {
        position: absolute;
        top: calc(100% + 2px);
        inset-inline-start: 0;
        z-index: 20;
        display: none;
      }
      :host([align='end']) {
        inset-inline-start: auto;
        inset-inline-end: 0;
      }
      :host([open]) {
        display: block;
      }
      [part='list'] {
        display: flex;
        flex-direction: column;
        min-width: 12rem;
        max-height: min(24rem, 70vh);
        overflow: auto;
        padding: 0.25rem;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
      }
      ::slotted([role^='menuitem']) {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        width: 100%;
        min-height: 2rem;
        padding: 0.25rem 0.6rem;
        border: 0;
        border-radius: calc(var(--_radius) - 2px);
        background: transparent;
        color: var(--_fg);
        font: inherit;
        font-size: 0.9rem;
        text-align: start;
        white-space: nowrap;
        cursor: pointer;
      }
      ::slotted([role^='menuitem']:hover),
      ::slotted([role^='menuitem']:focus) {
        background: var(--_hover);
      }
      ::slotted([aria-disabled='true']) {
        color: var(--_muted);
        cursor: default;
      }
      ::slotted(hr) {
        width: 100%;
        margin: 0.25rem 0;
        border: 0;
        border-top: 1px solid var(--_border);
      }
    `,
  ];

  /** Whether the menu shows. */
  declare open: boolean;
  /** The accessible name of the menu, usually the label of its button. */
  declare label: string;
  /** `'start'` (default) lines the menu up with the start edge of its wrapper, `'end'` with the end edge. */
  declare align: 'start' | 'end';

  constructor() {
    super();
    this.open = false;
    this.label = '';
    this.align = 'start';
    this.addEventListener('keydown', this.onKeyDown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'menu');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
  }

  /** The items, in order. */
  get items(): HTMLElement[] {
    return Array.from(this.querySelectorAll<HTMLElement>(ITEM_SELECTOR)).filter((item) => !item.hidden);
  }

  protected override render() {
    return html`<div part="list"><slot @slotchange=${() => this.refresh()}></slot></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('label')) {
      if (this.label) this.setAttribute('aria-label', this.label);
      else this.removeAttribute('aria-label');
    }
    if (changed.has('open')) {
      const document = this.ownerDocument;
      if (this.open) {
        document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
        this.refresh();
        const items = this.items;
        (items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
      } else {
        document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
      }
    }
  }

  /** Takes the items out of the page's Tab order; they are reached with the arrow keys. */
  private refresh(): void {
    for (const item of this.items) item.tabIndex = -1;
  }

  private readonly onDocumentPointerDown = (event: PointerEvent): void => {
    const area = this.parentElement ?? this;
    if (!event.composedPath().includes(area)) this.dispatchEvent(new AllmendeMenuCloseEvent('outside'));
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!this.open || event.altKey || event.ctrlKey || event.metaKey) return;
    const items = this.items;
    const current = items.findIndex((item) => item === event.target || item.contains(event.target as Node));
    let next: number;
    switch (event.key) {
      case 'ArrowDown':
        next = (current + 1) % items.length;
        break;
      case 'ArrowUp':
        next = (current - 1 + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        this.dispatchEvent(new AllmendeMenuCloseEvent('escape'));
        return;
      case 'Tab':
        this.dispatchEvent(new AllmendeMenuCloseEvent('tab'));
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        // Inside a toolbar these would move to another control; within a vertical menu they do nothing.
        event.preventDefault();
        event.stopPropagation();
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    items[next]?.focus();
  };
}

customElements.define('allmende-menu', AllmendeMenu);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-menu': AllmendeMenu;
  }
  interface HTMLElementEventMap {
    'allmende-menu-close': AllmendeMenuCloseEvent;
  }
}
