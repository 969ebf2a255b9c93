import { css, html } from 'lit';
import type { PropertyValues } from 'lit';
import { AllmendeElement } from './allmende-element.js';
import { placePopup } from './popup-position.js';

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
 * Put it next to its button in one wrapper element:
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
 * It opens below the button that controls it (the wrapper's element with
 * `aria-controls` set to the menu's id, else the wrapper itself), lined up
 * with the button's start edge or, with `align="end"`, its end edge. Near
 * an edge of the viewport it flips above the button, lines up with the
 * other edge or shifts along, and scrolls when it is higher than the room
 * left ({@link placePopup}); it follows the button while the page scrolls or
 * resizes. It is `position: fixed`, so no `overflow` of an ancestor cuts it
 * off.
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
 * @fires {AllmendeMenuCloseEvent} allmende-menu-close - When the user dismisses the menu; its `reason` says how.
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
        position: fixed;
        top: 0;
        left: 0;
        z-index: 20;
        display: none;
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
  /**
   * `'start'` (default) lines the menu up with the start edge of its button,
   * `'end'` with the end edge; near the viewport's edge it may take the other.
   */
  declare align: 'start' | 'end';

  /** The scheduled repositioning frame while the page scrolls or resizes, or 0. */
  private frame = 0;
  private resizeObserver: ResizeObserver | null = null;

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
    this.stopFollowing();
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
        this.startFollowing();
        // Placed before focusing, so focusing an item never scrolls the page towards where the menu was.
        this.reposition();
        const items = this.items;
        (items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0])?.focus({ preventScroll: true });
      } else {
        document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
        this.stopFollowing();
      }
    } else if (this.open) {
      this.reposition();
    }
  }

  /** The element the menu opens next to: the button that controls it, else its wrapper. */
  private anchor(): Element | null {
    const wrapper = this.parentElement;
    if (!wrapper) return null;
    const controls = this.id ? Array.from(wrapper.querySelectorAll('[aria-controls]')) : [];
    return controls.find((element) => element.getAttribute('aria-controls') === this.id) ?? wrapper;
  }

  /**
   * Places the open menu next to its button, inside the viewport. Public so
   * that an owner that moves the button without scrolling or resizing the
   * page can call it.
   */
  reposition(): void {
    const anchor = this.anchor();
    const list = this.renderRoot.querySelector<HTMLElement>('[part="list"]');
    const view = this.ownerDocument.defaultView;
    if (!this.open || !anchor || !list || !view || !this.isConnected) return;
    // Measure the menu at its natural size (as the stylesheet limits it), away from any edge.
    const scrolled = list.scrollTop;
    list.style.removeProperty('max-height');
    list.style.removeProperty('max-width');
    this.style.left = '0px';
    this.style.top = '0px';
    const size = this.getBoundingClientRect();
    // The viewport without scrollbars; innerWidth/innerHeight as a bound in case the page is in quirks mode.
    const root = this.ownerDocument.documentElement;
    const viewport = {
      width: Math.max(16, Math.min(view.innerWidth, root.clientWidth || view.innerWidth)),
      height: Math.max(16, Math.min(view.innerHeight, root.clientHeight || view.innerHeight)),
    };
    const placement = placePopup(
      anchor.getBoundingClientRect(),
      { width: size.width, height: size.height },
      viewport,
      { align: this.align === 'end' ? 'end' : 'start', direction: getComputedStyle(this).direction === 'rtl' ? 'rtl' : 'ltr' },
    );
    if (placement.maxHeight < size.height) list.style.maxHeight = `${placement.maxHeight}px`;
    if (placement.maxWidth < size.width) list.style.maxWidth = `${placement.maxWidth}px`;
    this.style.left = `${placement.left}px`;
    this.style.top = `${placement.top}px`;
    // An ancestor with a transform or filter makes itself the box that fixed positions count from; correct for it.
    const placed = this.getBoundingClientRect();
    const dx = placed.left - placement.left;
    const dy = placed.top - placement.top;
    if (Math.abs(dx) > 0.5) this.style.left = `${placement.left - dx}px`;
    if (Math.abs(dy) > 0.5) this.style.top = `${placement.top - dy}px`;
    list.scrollTop = scrolled;
  }

  /** Follows the button while the page scrolls or resizes, or the menu's own size changes. */
  private startFollowing(): void {
    const view = this.ownerDocument.defaultView;
    view?.addEventListener('resize', this.onViewportChange, { passive: true });
    // Capture: scrolling of any scrollable ancestor, not just the page, moves the button.
    this.ownerDocument.addEventListener('scroll', this.onViewportChange, { capture: true, passive: true });
    if (!this.resizeObserver && typeof ResizeObserver === 'function') {
      this.resizeObserver = new ResizeObserver(this.onViewportChange);
    }
    const anchor = this.anchor();
    if (anchor) this.resizeObserver?.observe(anchor);
    // Its own size too: items that change (another language) change where it fits.
    this.resizeObserver?.observe(this);
  }

  private stopFollowing(): void {
    this.ownerDocument.defaultView?.removeEventListener('resize', this.onViewportChange);
    this.ownerDocument.removeEventListener('scroll', this.onViewportChange, { capture: true });
    this.resizeObserver?.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private readonly onViewportChange = (event?: Event | ResizeObserverEntry[]): void => {
    // Scrolling inside the menu moves nothing it is placed by.
    if (event instanceof Event && event.composedPath().includes(this)) return;
    // At most once a frame, however many scroll events arrive.
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.reposition();
    });
  };

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
