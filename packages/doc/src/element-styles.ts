import { css } from 'lit';

/**
 * The chrome of `<allmende-doc>` around the text: the toolbar and its
 * menus, the presence list, badges and connection status, the alert area,
 * the find bar, the footer, and the dialogs' previews.
 */
export const elementStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .chrome {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
  }
  .chrome > allmende-toolbar {
    flex: 1 1 auto;
    min-width: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    flex: 0 1 auto;
    align-items: center;
    justify-content: flex-end;
    gap: 0.25rem 0.6rem;
    min-height: 2.25rem;
    max-width: 50%;
  }
  .meta:empty {
    display: none;
  }

  /* Toolbar */
  allmende-toolbar .group {
    display: inline-flex;
    align-items: center;
    gap: 2px;
    padding-inline-end: 0.35rem;
    margin-inline-end: 0.35rem;
    border-inline-end: 1px solid var(--_border);
  }
  allmende-toolbar .group:last-child {
    border-inline-end: 0;
  }
  /* Toolbar controls; the items of menus inside the toolbar are styled by <allmende-menu>. */
  allmende-toolbar button:not([role^='menuitem']) {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 2px;
    min-width: 2.25rem;
    height: 2.25rem;
    padding: 0 0.4rem;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) - 2px);
    background: transparent;
    color: var(--_fg);
    font: inherit;
    font-size: 0.9rem;
    cursor: pointer;
  }
  allmende-toolbar button:not([role^='menuitem']):hover {
    background: var(--_hover);
  }
  allmende-toolbar button[aria-pressed='true'],
  allmende-toolbar button[aria-haspopup][aria-expanded='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  allmende-toolbar button:not([role^='menuitem'])[aria-disabled='true'] {
    color: var(--_muted);
    cursor: default;
    background: transparent;
    opacity: 0.6;
  }
  allmende-toolbar select {
    height: 2.25rem;
    max-width: 11rem;
    padding: 0 0.4rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-size: 0.9rem;
  }
  allmende-toolbar select:disabled {
    color: var(--_muted);
  }
  .glyph {
    display: inline-block;
    min-width: 1.1em;
    font-size: 1.05rem;
    line-height: 1;
    text-align: center;
  }
  .menu-anchor {
    position: relative;
    display: inline-flex;
  }
  .menu-arrow {
    margin-inline-start: 1px;
  }
  .text-label {
    padding: 0 0.15rem;
  }
  allmende-menu .menu-label {
    flex: 1 1 auto;
  }
  allmende-menu .icon {
    flex: none;
  }
  .swatch {
    flex: none;
    box-sizing: border-box;
    width: 1.1rem;
    height: 1.1rem;
    border: 1px solid var(--_muted);
    border-radius: 3px;
  }
  .swatch.none {
    background: linear-gradient(to top right, transparent calc(50% - 1px), #b3261e calc(50% - 1px), #b3261e calc(50% + 1px), transparent calc(50% + 1px));
  }

  /* Badges and status */
  [part='access'] {
    padding: 0.1rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.8rem;
    color: var(--_fg);
    white-space: nowrap;
  }
  [part='status'] {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.8rem;
    color: var(--_muted);
  }
  [part='status']::before {
    content: '';
    flex: none;
    width: 0.55rem;
    height: 0.55rem;
    border-radius: 50%;
    border: 1px solid currentColor;
    background: transparent;
  }
  [part='status'][data-status='connected']::before {
    background: #1a7f37;
    border-color: #1a7f37;
  }
  [part='status'][data-status='connecting']::before {
    background: #b58105;
    border-color: #b58105;
  }
  [part='status'][data-status='error'] {
    color: var(--_fg);
  }
  [part='status'][data-status='error']::before {
    background: #cf222e;
    border-color: #cf222e;
  }

  /* Alert area */
  [part='notice'] {
    display: none;
  }
  [part='notice'].shown {
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid #b3261e;
    background: #fdecea;
    color: #5c1410;
    font-size: 0.9rem;
  }
  [part='notice'] .notice-text {
    flex: 1 1 auto;
    align-self: center;
  }
  [part='notice'] button {
    flex: none;
    min-height: 2rem;
    padding: 0.2rem 0.7rem;
    border: 1px solid currentColor;
    border-radius: calc(var(--_radius) - 2px);
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  /* Find bar */
  .find-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 0.6rem;
    padding: 0.4rem 0.6rem;
    border-bottom: 1px solid var(--_border);
    background: var(--_hover);
    font-size: 0.85rem;
  }
  .find-field {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .find-field input {
    box-sizing: border-box;
    width: 12rem;
    min-height: 2rem;
    padding: 0.2rem 0.45rem;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
  }
  .find-option {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  .find-option input {
    margin: 0;
    accent-color: var(--_accent);
  }
  .find-count {
    min-width: 6rem;
    color: var(--_muted);
  }
  .find-bar .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) - 2px);
    background: transparent;
    color: var(--_fg);
    cursor: pointer;
  }
  .find-bar .icon-button:hover {
    background: var(--_bg);
  }
  .find-bar .text-button {
    min-height: 2rem;
    padding: 0.2rem 0.7rem;
  }
  .find-close {
    margin-inline-start: auto;
  }

  /* Text and footer */
  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
  }
  [part='footer'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    padding: 0.25rem 0.75rem;
    border-top: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.8rem;
  }

  .counts {
    display: inline-flex;
    gap: 1rem;
    margin-inline-start: auto;
  }

  /* Dialogs */
  .field-row {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0 1rem;
  }
  .dialog-preview {
    display: block;
    max-width: 100%;
    max-height: 10rem;
    margin: 0 auto 1rem;
    border: 1px solid var(--_border);
  }

  @media (prefers-color-scheme: dark) {
    [part='notice'].shown {
      background: #3b1614;
      color: #ffdad6;
      border-color: #ffb4ab;
    }
  }
`;
