import { css } from 'lit';

/**
 * The review workflow's styles in `<allmende-doc>`: the text area and the
 * side panel (`part="review"`) side by side, comment highlights and
 * suggestions in the text (drawn in each author's colour from the marks'
 * `--suggestion-color`), and the cards of the panel.
 */
export const reviewStyles = css`
  .body {
    display: flex;
    flex: 1 1 auto;
    min-height: 0;
  }
  .body > .scroller {
    flex: 1 1 auto;
    min-width: 0;
  }

  /* In the text */
  .ProseMirror .comment-range {
    background: rgba(255, 196, 0, 0.28);
    border-bottom: 2px solid rgba(230, 160, 0, 0.9);
    cursor: pointer;
  }
  .ProseMirror .comment-range-active {
    background: rgba(255, 170, 0, 0.55);
  }
  .ProseMirror ins.suggestion {
    color: var(--suggestion-color, #0b7a3e);
    text-decoration: underline 2px var(--suggestion-color, #0b7a3e);
    text-underline-offset: 3px;
  }
  .ProseMirror del.suggestion {
    color: var(--suggestion-color, #b3261e);
    text-decoration: line-through 2px var(--suggestion-color, #b3261e);
    opacity: 0.85;
  }
  .ProseMirror ins.suggestion del.suggestion {
    text-decoration: underline line-through 2px var(--suggestion-color, #b3261e);
  }
  /* A suggested formatting change: the new formatting, on a tint with a dotted line in the author's colour. */
  .ProseMirror span.suggestion-format {
    background: color-mix(in srgb, var(--suggestion-color, #6b7280) 12%, transparent);
    border-bottom: 2px dotted var(--suggestion-color, #6b7280);
  }
  allmende-toolbar button.review-toggle.on {
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    border-color: var(--_accent);
  }
  allmende-toolbar button.review-toggle .text-label {
    padding-inline: 0.2rem;
    font-size: 0.85rem;
  }

  /* The panel */
  .review-panel {
    box-sizing: border-box;
    flex: 0 0 clamp(16rem, 30%, 22rem);
    overflow-y: auto;
    padding: 0.5rem 0.6rem 1rem;
    border-inline-start: 1px solid var(--_border);
    background: color-mix(in srgb, var(--_fg) 3%, var(--_bg));
    font-size: 0.9rem;
  }
  .review-header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .review-panel h2 {
    flex: 1 1 auto;
    margin: 0.25rem 0;
    font-size: 0.95rem;
    line-height: 1.3;
  }
  .review-panel h3 {
    margin: 0.9rem 0 0.4rem;
    color: var(--_muted);
    font-size: 0.75rem;
    font-weight: 700;
    letter-spacing: 0.04em;
    text-transform: uppercase;
  }
  .review-panel .icon-button {
    min-width: 2.25rem;
    min-height: 2.25rem;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_fg);
    font-size: 1.3rem;
    cursor: pointer;
  }
  .review-panel .icon-button:hover {
    background: var(--_hover);
  }
  .review-empty {
    color: var(--_muted);
  }
  .review-panel ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .review-panel .card {
    margin: 0 0 0.6rem;
    padding: 0.6rem 0.7rem;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--author-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--_bg);
    box-shadow: 0 1px 2px rgba(0, 0, 0, 0.06);
  }
  .review-panel .suggestion.active,
  .review-panel .thread.active {
    box-shadow: 0 2px 10px rgba(0, 0, 0, 0.18);
    border-color: var(--_accent);
  }
  .review-panel .thread.resolved,
  .review-panel .thread.orphaned {
    opacity: 0.85;
  }
  .thread-main {
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
  }
  .thread-main:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 3px;
  }
  .thread-quote {
    margin: 0 0 0.45rem;
    padding: 0 0 0 0.5rem;
    border-inline-start: 3px solid rgba(230, 160, 0, 0.9);
    color: var(--_muted);
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }
  .thread.orphaned .thread-quote {
    text-decoration: line-through;
  }
  .comment-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.2rem 0.45rem;
  }
  .avatar-dot {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.6rem;
    height: 1.6rem;
    border-radius: 50%;
    color: #fff;
    font-size: 0.75rem;
    font-weight: 700;
    text-shadow: 0 0 2px rgba(0, 0, 0, 0.45);
    flex: none;
  }
  .comment-head .author {
    font-weight: 600;
  }
  .comment-head time {
    color: var(--_muted);
    font-size: 0.8rem;
  }
  .state-badge {
    margin-inline-start: auto;
    padding: 0 0.45rem;
    border-radius: 1rem;
    background: var(--_hover);
    color: var(--_fg);
    font-size: 0.75rem;
  }
  .comment-body,
  .suggestion-text {
    margin: 0.35rem 0 0.2rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .comment-body.deleted {
    color: var(--_muted);
    font-style: italic;
  }
  .mention {
    color: var(--_accent);
    font-weight: 600;
  }
  .resolved-by {
    margin: 0.2rem 0 0;
    color: var(--_muted);
    font-size: 0.8rem;
  }
  .comment-actions,
  .review-panel .form-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.3rem;
  }
  .review-panel .form-actions.bulk {
    justify-content: flex-start;
    margin-bottom: 0.4rem;
  }
  .review-panel button.text-button {
    min-height: 2rem;
    padding: 0.15rem 0.6rem;
    font-size: 0.8rem;
  }
  .review-panel button.text-button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  .review-panel button.text-button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .replies {
    margin-top: 0.4rem !important;
    padding-inline-start: 0.7rem !important;
    border-inline-start: 2px solid var(--_border);
  }
  .reply {
    padding: 0.35rem 0 0.1rem;
  }
  .reply-form,
  .edit-comment {
    margin-top: 0.45rem;
  }
  .comment-input {
    position: relative;
  }
  .comment-input textarea {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.5rem;
    margin: 0.3rem 0;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    resize: vertical;
  }
  .mention-list {
    position: absolute;
    z-index: 5;
    inset-inline: 0;
    top: 100%;
    padding: 0.25rem 0 !important;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
    box-shadow: 0 4px 14px rgba(0, 0, 0, 0.18);
  }
  .mention-list li {
    padding: 0.35rem 0.7rem;
    cursor: pointer;
  }
  .mention-list li[aria-selected='true'],
  .mention-list li:hover {
    background: var(--_hover);
  }
  .resolved-group summary {
    margin: 0.4rem 0;
    color: var(--_muted);
    cursor: pointer;
  }
  @media (max-width: 40rem) {
    .body {
      flex-direction: column;
    }
    .review-panel {
      flex-basis: auto;
      max-height: 45vh;
      border-inline-start: 0;
      border-top: 1px solid var(--_border);
    }
  }
`;
