import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { AllmendeMenuCloseEvent } from '@allmende/ui';
import { checkIcon, menuArrowIcon } from './icons.js';

/** One entry of a toolbar menu. */
export interface MenuItem {
  readonly label: string;
  /** Runs the item; the menu closes afterwards. */
  readonly run: () => void;
  /** Shown before the label, such as a colour swatch or an icon. */
  readonly icon?: TemplateResult;
  /** For radio items (a choice among the items): whether this is the current one. */
  readonly checked?: boolean;
  readonly disabled?: boolean;
  /** Draws a divider before the item. */
  readonly separated?: boolean;
}

/** What {@link renderMenuButton} draws. */
export interface MenuButtonOptions {
  /** A unique id for the menu in the element's shadow root. */
  readonly id: string;
  /** The accessible name of the button and the menu. */
  readonly label: string;
  /** The button's content (an icon); the label is its accessible name and tooltip. */
  readonly content: TemplateResult;
  readonly open: boolean;
  /** The menu cannot be opened (read-only text, or not applicable here). */
  readonly unavailable: boolean;
  readonly items: readonly MenuItem[];
  /** Opens or closes the menu. */
  readonly setOpen: (open: boolean) => void;
  /** Returns focus to the text after an item ran by pointer. */
  readonly focusEditor: () => void;
  /** `'end'` opens the menu towards the start edge, for buttons near the end of the toolbar. */
  readonly align?: 'start' | 'end';
  /** Extra CSS custom properties on the button, such as the current colour swatch. */
  readonly style?: string;
  /**
   * Where focus goes after an item chosen with the keyboard: back to the
   * button (default), or into the text, for menus whose items can make the
   * button disappear (deleting the table removes the table menu).
   */
  readonly keyboardReturn?: 'button' | 'editor';
}

/**
 * A toolbar button that opens an `<allmende-menu>` (WAI-ARIA menu button):
 * `aria-haspopup="menu"`, `aria-expanded`, opened by click, Enter, Space or
 * Down. Radio items (with `checked`) are `menuitemradio` with
 * `aria-checked`. Escape returns focus to the button; choosing an item with
 * the keyboard returns it there too, with the pointer to the text.
 */
export function renderMenuButton(options: MenuButtonOptions): TemplateResult {
  const { id, label, open, unavailable, items, setOpen } = options;
  const onClose = (event: AllmendeMenuCloseEvent): void => {
    setOpen(false);
    if (event.reason === 'escape') {
      (event.target as HTMLElement).parentElement?.querySelector<HTMLElement>('button[aria-haspopup]')?.focus();
    }
  };
  const choose = (item: MenuItem, event: MouseEvent): void => {
    if (item.disabled) return;
    const trigger = (event.currentTarget as HTMLElement).closest('.menu-anchor')?.querySelector<HTMLElement>('button[aria-haspopup]');
    setOpen(false);
    item.run();
    if (event.detail > 0 || options.keyboardReturn === 'editor') options.focusEditor();
    else trigger?.focus();
  };
  return html`<span class="menu-anchor">
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${id}
      aria-label=${label}
      title=${label}
      aria-disabled=${unavailable ? 'true' : nothing}
      style=${options.style ?? nothing}
      @click=${() => {
        if (!unavailable) setOpen(!open);
      }}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'ArrowDown' && !unavailable) {
          event.preventDefault();
          setOpen(true);
        }
      }}
    >
      ${options.content}${menuArrowIcon}
    </button>
    <allmende-menu id=${id} label=${label} align=${options.align ?? 'start'} ?open=${open} @allmende-menu-close=${onClose}>
      ${items.map(
        (item) => html`${item.separated ? html`<hr />` : nothing}<button
            type="button"
            role=${item.checked === undefined ? 'menuitem' : 'menuitemradio'}
            aria-checked=${item.checked === undefined ? nothing : String(item.checked)}
            aria-disabled=${item.disabled ? 'true' : nothing}
            @mousedown=${(event: MouseEvent) => event.preventDefault()}
            @click=${(event: MouseEvent) => choose(item, event)}
          >
            ${item.icon ?? nothing}<span class="menu-label">${item.label}</span>${item.checked ? checkIcon : nothing}
          </button>`,
      )}
    </allmende-menu>
  </span>`;
}
