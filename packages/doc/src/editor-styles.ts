import { css } from 'lit';

/**
 * ProseMirror's required CSS (prosemirror-view/style/prosemirror.css, which
 * cannot reach into a shadow root from the page), the typography of the
 * document, and the remote cursors and selections drawn by y-prosemirror.
 */
export const editorStyles = css`
  .ProseMirror {
    position: relative;
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    -webkit-font-variant-ligatures: none;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
  }
  .ProseMirror pre {
    white-space: pre-wrap;
  }
  .ProseMirror li {
    position: relative;
  }
  .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .ProseMirror-hideselection {
    caret-color: transparent;
  }
  .ProseMirror [draggable][contenteditable='false'] {
    user-select: text;
  }
  .ProseMirror-selectednode {
    outline: 2px solid var(--_accent);
  }
  li.ProseMirror-selectednode {
    outline: none;
  }
  li.ProseMirror-selectednode::after {
    content: '';
    position: absolute;
    left: -32px;
    right: -2px;
    top: -2px;
    bottom: -2px;
    border: 2px solid var(--_accent);
    pointer-events: none;
  }
  img.ProseMirror-separator {
    display: inline !important;
    border: none !important;
    margin: 0 !important;
  }

  /* Document typography. */
  .ProseMirror {
    box-sizing: border-box;
    min-height: var(--allmende-doc-min-height, 12rem);
    padding: 1.5rem clamp(1rem, 4vw, 2.5rem);
    line-height: 1.6;
    font-size: 1rem;
    color: var(--_fg);
    caret-color: var(--_fg);
  }
  .ProseMirror:focus {
    outline: none;
  }
  .ProseMirror:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: -2px;
  }
  .ProseMirror > :first-child {
    margin-top: 0;
  }
  .ProseMirror p {
    margin: 0 0 0.75em;
  }
  .ProseMirror h1,
  .ProseMirror h2,
  .ProseMirror h3,
  .ProseMirror h4,
  .ProseMirror h5,
  .ProseMirror h6 {
    line-height: 1.25;
    margin: 1.2em 0 0.5em;
  }
  .ProseMirror h1 {
    font-size: 1.9em;
  }
  .ProseMirror h2 {
    font-size: 1.5em;
  }
  .ProseMirror h3 {
    font-size: 1.25em;
  }
  .ProseMirror h4,
  .ProseMirror h5,
  .ProseMirror h6 {
    font-size: 1em;
  }
  .ProseMirror ul,
  .ProseMirror ol {
    margin: 0 0 0.75em;
    padding-left: 1.75em;
  }
  .ProseMirror li > p {
    margin: 0.15em 0;
  }
  .ProseMirror.is-empty::before {
    content: attr(data-placeholder);
    position: absolute;
    color: var(--_muted);
    pointer-events: none;
  }

  /* Remote cursors and selections (y-prosemirror). */
  .ProseMirror-yjs-cursor {
    position: relative;
    margin-left: -1px;
    margin-right: -1px;
    border-left: 1px solid;
    border-right: 1px solid;
    word-break: normal;
    pointer-events: none;
  }
  .ProseMirror-yjs-cursor > div {
    position: absolute;
    top: -1.35em;
    left: -1px;
    padding: 0 4px;
    border-radius: 3px 3px 3px 0;
    font-family: var(--_font);
    font-size: 0.75rem;
    font-style: normal;
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
    color: #ffffff;
    user-select: none;
  }
  .ProseMirror-yjs-selection {
    border-radius: 2px;
  }
`;
