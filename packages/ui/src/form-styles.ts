import { css } from 'lit';

/**
 * Styles for the forms inside Allmende dialogs and bars, for elements to
 * add to their `static styles` (the content of a dialog lives in the
 * element's own shadow root, so it needs the element's styles):
 *
 * - `.field` — a label with its control below it; `.field.inline` puts a
 *   checkbox and its text on one line.
 * - `.hint` — help text under a field (muted); `.error` — an error text
 *   (give its control `aria-invalid="true"` and `aria-describedby`).
 * - `.actions` — the row of buttons at the end; `.spacer` pushes the
 *   buttons after it to the end.
 * - `button.primary` — the default action; `button.danger` — a destructive one.
 *
 * Controls are at least 2.25rem high, so they are easy targets (WCAG 2.5.8).
 */
export const formStyles = css`
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.3rem;
    margin: 0 0 0.75rem;
    font-size: 0.9rem;
    font-weight: 600;
  }
  .field.inline {
    flex-direction: row;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
  }
  .field input[type='text'],
  .field input[type='number'],
  .field input[type='search'],
  .field textarea,
  .field select {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.25rem;
    padding: 0.35rem 0.55rem;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-weight: 400;
  }
  .field textarea {
    min-height: 4.5rem;
    resize: vertical;
  }
  .field input[type='checkbox'] {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  [aria-invalid='true'] {
    border-color: #b3261e !important;
    outline-color: #b3261e;
  }
  .hint {
    margin: -0.4rem 0 0.75rem;
    color: var(--_muted);
    font-size: 0.85rem;
  }
  .error {
    margin: -0.4rem 0 0.75rem;
    color: #b3261e;
    font-size: 0.85rem;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  .actions .spacer {
    flex: 1 1 auto;
  }
  .actions button,
  button.text-button {
    min-height: 2.25rem;
    padding: 0.35rem 0.9rem;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-size: 0.9rem;
    cursor: pointer;
  }
  .actions button:hover,
  button.text-button:hover {
    background: var(--_hover);
  }
  .actions button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  .actions button.danger {
    color: #b3261e;
    border-color: #b3261e;
  }
  .actions button[aria-disabled='true'],
  button.text-button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: default;
  }
  @media (prefers-color-scheme: dark) {
    .error,
    .actions button.danger {
      color: #ffb4ab;
      border-color: #ffb4ab;
    }
    [aria-invalid='true'] {
      border-color: #ffb4ab !important;
    }
  }
`;
