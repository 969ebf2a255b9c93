import { css, html } from 'lit';
import type { PropertyValues } from 'lit';
import { AllmendeElement } from './allmende-element.js';

/** Slotted elements that take part in the toolbar's arrow-key navigation. */
const ITEM_SELECTOR = 'button, [role="button"], input, select, a[href], [tabindex]';

/**
 * `<allmende-toolbar>`: a row of controls following the WAI-ARIA toolbar
 * pattern (https://www.w3.org/WAI/ARIA/apg/patterns/toolbar/).
 *
 * The toolbar is a single Tab stop. Left and Right arrows move focus between
 * the slotted controls (wrapping around, mirrored in right-to-left text),
 * Home and End go to the first and last. The control focused last keeps
 * `tabindex="0"` so Tab returns to it; the others get `tabindex="-1"`.
 * Disabled controls (`disabled` attribute) are skipped; use `aria-disabled`
 * for controls that should stay discoverable while unavailable. Items of an
 * `<allmende-menu>` (or any `role="menu"`) inside the toolbar are not toolbar
 * items; the menu's button is.
 *
 * The host gets `role="toolbar"` and `aria-label` from {@link label}.
 *
 * @slot - The controls, usually `<button>` elements.
 * @csspart bar - The flex container around the slot.
 */
export class AllmendeToolbar extends AllmendeElement {
  static override properties = {
    label: { type: String },
  };

  static override styles = [
    AllmendeElement.styles,
    css`
      :host {
        display: block;
      }
      [part='bar'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px;
      }
    `,
  ];

  /** The accessible name of the toolbar, such as "Formatting". */
  declare label: string;

  /** Index into {@link items} of the control that holds `tabindex="0"`. */
  private activeIndex = 0;

  constructor() {
    super();
    this.label = '';
    this.addEventListener('keydown', this.onKeyDown);
    this.addEventListener('focusin', this.onFocusIn);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'toolbar');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('label')) {
      if (this.label) this.setAttribute('aria-label', this.label);
      else this.removeAttribute('aria-label');
    }
  }

  protected override render() {
    return html`<div part="bar"><slot @slotchange=${this.onSlotChange}></slot></div>`;
  }

  /** The slotted controls that arrow keys move between, in order. */
  get items(): HTMLElement[] {
    const slot = this.renderRoot.querySelector('slot');
    if (!slot) return [];
    const items: HTMLElement[] = [];
    for (const element of slot.assignedElements({ flatten: true })) {
      const candidates = element.matches(ITEM_SELECTOR)
        ? [element]
        : Array.from(element.querySelectorAll(ITEM_SELECTOR));
      for (const candidate of candidates) {
        // Items of a menu inside the toolbar are reached through the menu's own arrow keys.
        if (candidate.closest('[role="menu"]')) continue;
        if (candidate instanceof HTMLElement && !candidate.hidden && !candidate.matches(':disabled')) {
          items.push(candidate);
        }
      }
    }
    return items;
  }

  /**
   * Re-applies the roving tabindex. Call after enabling, disabling, hiding
   * or showing controls; adding or removing them is noticed automatically.
   */
  refresh(): void {
    const items = this.items;
    if (items.length === 0) return;
    this.activeIndex = Math.min(this.activeIndex, items.length - 1);
    items.forEach((item, index) => {
      item.tabIndex = index === this.activeIndex ? 0 : -1;
    });
  }

  private readonly onSlotChange = (): void => {
    this.refresh();
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    const index = this.items.findIndex((item) => item === event.target || item.contains(event.target as Node));
    if (index >= 0 && index !== this.activeIndex) {
      this.activeIndex = index;
      this.refresh();
    }
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const items = this.items;
    if (items.length === 0) return;
    const current = items.findIndex((item) => item === event.target || item.contains(event.target as Node));
    if (current < 0) return;
    // Text fields keep their arrow keys for moving the caret.
    if (event.target instanceof HTMLInputElement && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const step = (forward: boolean): number => (forward !== rtl ? 1 : -1);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = (current + step(true) + items.length) % items.length;
        break;
      case 'ArrowLeft':
        next = (current + step(false) + items.length) % items.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = items.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    this.activeIndex = next;
    this.refresh();
    items[next]?.focus();
  };
}

customElements.define('allmende-toolbar', AllmendeToolbar);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-toolbar': AllmendeToolbar;
  }
}
