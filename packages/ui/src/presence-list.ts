import { css, html, nothing } from 'lit';
import { AllmendeElement } from './allmende-element.js';
import './avatar.js';
import type { PresenceUser } from './presence-users.js';

/**
 * `<allmende-presence-list>`: who is in a document, as a row of overlapping
 * avatars (`<allmende-avatar>`), each with the person's full name as its
 * tooltip and as text for screen readers. Beyond `max` people, the rest are
 * summed up as "+N", whose tooltip and hidden text name them all.
 *
 * ```js
 * list.users = [{ id: '1', name: 'Ada Lovelace', color: '#1d4ed8', label: 'Ada Lovelace (you)' }];
 * ```
 *
 * @csspart list - The `<ul>` of avatars.
 * @csspart more - The "+N" badge.
 * @cssprop --allmende-avatar-size - The diameter of each avatar and of the "+N" badge (2rem).
 */
export class AllmendePresenceList extends AllmendeElement {
  static override properties = {
    users: { attribute: false },
    label: { type: String },
    max: { type: Number },
  };

  static override styles = [
    AllmendeElement.styles,
    css`
      :host {
        display: inline-block;
      }
      [part='list'] {
        display: flex;
        align-items: center;
        margin: 0;
        padding: 0 0 0 0.4rem;
        list-style: none;
      }
      li {
        margin-inline-start: -0.4rem;
      }
      [part='more'] {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        box-sizing: border-box;
        min-width: var(--allmende-avatar-size, 2rem);
        height: var(--allmende-avatar-size, 2rem);
        padding: 0 0.3rem;
        border: 2px solid var(--_bg);
        border-radius: 999px;
        background: var(--_hover);
        color: var(--_fg);
        font-size: 0.75rem;
        font-weight: 700;
      }
    `,
  ];

  /** The people, in the order to show them. */
  declare users: readonly PresenceUser[];
  /** The accessible name of the list, such as "People in this document". */
  declare label: string;
  /** How many avatars to show before summing up the rest (5). */
  declare max: number;

  constructor() {
    super();
    this.users = [];
    this.label = '';
    this.max = 5;
  }

  protected override render() {
    const max = Math.max(1, Math.floor(this.max) || 1);
    const users = this.users ?? [];
    const shown = users.length > max ? users.slice(0, max - 1) : users;
    const rest = users.slice(shown.length);
    const restNames = rest.map((user) => user.label || user.name).join(', ');
    return html`<ul part="list" role="list" aria-label=${this.label || nothing}>
      ${shown.map(
        (user) => html`<li>
          <allmende-avatar .name=${user.name} .color=${user.color} .label=${user.label ?? ''}></allmende-avatar>
        </li>`,
      )}
      ${rest.length > 0
        ? html`<li>
            <span part="more" title=${restNames}
              ><span aria-hidden="true">+${rest.length}</span><span class="visually-hidden">${restNames}</span></span
            >
          </li>`
        : nothing}
    </ul>`;
  }
}

customElements.define('allmende-presence-list', AllmendePresenceList);

declare global {
  interface HTMLElementTagNameMap {
    'allmende-presence-list': AllmendePresenceList;
  }
}
