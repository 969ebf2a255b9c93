import { css, html } from 'lit';
import { AllmendeElement } from './allmende-element.js';
import { initials } from './initials.js';
import { presenceColor } from './presence.js';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/**
 * `<allmende-avatar>`: a round badge with a person's initials on their
 * presence colour. The full name (or `label`) is the tooltip and is what
 * screen readers read; the initials are hidden from them.
 *
 * ```html
 * <allmende-avatar name="Ada Lovelace" color="#1d4ed8"></allmende-avatar>
 * ```
 *
 * A `color` that is not `#rrggbb` (it usually comes from another client) is
 * replaced by a palette colour for the name, so it can never restyle the page.
 *
 * @csspart avatar - The round badge.
 * @cssprop --allmende-avatar-size - The diameter (2rem).
 */
export class AllmendeAvatar extends AllmendeElement {
  static override properties = {
    name: { type: String },
    color: { type: String },
    label: { type: String },
  };

  static override styles = [
    AllmendeElement.styles,
    css`
      :host {
        display: inline-block;
        vertical-align: middle;
      }
      [part='avatar'] {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        box-sizing: border-box;
        width: var(--allmende-avatar-size, 2rem);
        height: var(--allmende-avatar-size, 2rem);
        border: 2px solid var(--_bg);
        border-radius: 50%;
        color: #ffffff;
        font-size: calc(var(--allmende-avatar-size, 2rem) * 0.4);
        font-weight: 700;
        line-height: 1;
        letter-spacing: 0.02em;
        user-select: none;
      }
    `,
  ];

  /** The person's full name. */
  declare name: string;
  /** Their presence colour as `#rrggbb`; by default one from the palette, by name. */
  declare color: string;
  /** What the tooltip and screen readers say, when it should differ from `name` (such as "Ada (you)"). */
  declare label: string;

  constructor() {
    super();
    this.name = '';
    this.color = '';
    this.label = '';
  }

  protected override render() {
    const color = HEX_COLOR.test(this.color) ? this.color : presenceColor(this.name);
    const label = this.label || this.name;
    return html`<span part="avatar" style="background-color: ${color}" title=${label}
      ><span aria-hidden="true">${initials(this.name)}</span><span class="visually-hidden">${label}</span></span
    >`;
  }
}

customElements.define('allmende-avatar', AllmendeAvatar);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-avatar': AllmendeAvatar;
  }
}
