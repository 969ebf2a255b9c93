import { css } from 'lit';

/**
 * ProseMirror's required CSS (prosemirror-view/style/prosemirror.css, which
 * cannot reach into a shadow root from the page), the typography of the
 * document (lists, check lists, tables, quotes, code, images, page breaks),
 * find highlights, the remote cursors and selections (remote-cursor.ts),
 * and the layout containment that keeps long documents with tables fast
 * (see "Rendering cost" below and the Performance section of the README).
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
  .ProseMirror li > ul,
  .ProseMirror li > ol {
    margin-bottom: 0;
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

  .ProseMirror blockquote {
    margin: 0 0 0.75em;
    padding: 0.1em 0 0.1em 1em;
    border-left: 3px solid var(--_border);
    color: var(--_muted);
  }
  .ProseMirror pre {
    margin: 0 0 0.75em;
    padding: 0.75em 1em;
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_hover);
    font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace;
    font-size: 0.9em;
    line-height: 1.45;
  }
  .ProseMirror code {
    padding: 0.1em 0.25em;
    border-radius: 3px;
    background: var(--_hover);
    font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace;
    font-size: 0.9em;
  }
  .ProseMirror pre code {
    padding: 0;
    background: none;
    font-size: inherit;
  }
  .ProseMirror a {
    color: var(--_accent);
    text-decoration: underline;
  }
  .ProseMirror mark {
    color: #1b1d21;
  }
  .ProseMirror hr {
    margin: 1em 0;
    border: 0;
    border-top: 1px solid var(--_muted);
  }
  .ProseMirror hr.ProseMirror-selectednode {
    outline-offset: 3px;
  }
  .ProseMirror img {
    max-width: 100%;
    height: auto;
    vertical-align: text-bottom;
  }
  .ProseMirror img.ProseMirror-selectednode {
    outline-offset: 1px;
  }

  /* Page breaks: a labelled dashed line on screen, a new page in print. */
  .ProseMirror .page-break {
    position: relative;
    height: 0;
    margin: 1.5em 0;
    border-top: 1px dashed var(--_muted);
    text-align: center;
  }
  .ProseMirror .page-break::after {
    content: var(--_page-break-label, 'Page break');
    position: relative;
    top: -0.75em;
    padding: 0 0.5em;
    background: var(--_bg);
    color: var(--_muted);
    font-size: 0.75rem;
    line-height: 1.5;
  }

  /* Check lists: a real checkbox before each item (task-item-view.ts). */
  .ProseMirror ul[data-type='task_list'] {
    padding-left: 0.25em;
    list-style: none;
  }
  .ProseMirror li[data-type='task_item'] {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }
  .ProseMirror li[data-type='task_item'] > .task-checkbox {
    display: inline-flex;
    align-items: center;
    height: 1.6em;
    margin-top: 0.15em;
    user-select: none;
  }
  .ProseMirror li[data-type='task_item'] > .task-checkbox > input {
    width: 1.05em;
    height: 1.05em;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
  .ProseMirror li[data-type='task_item'] > .task-content {
    flex: 1 1 auto;
    min-width: 0;
  }
  .ProseMirror li[data-type='task_item'][data-checked='true'] > .task-content {
    color: var(--_muted);
    text-decoration: line-through;
  }

  /*
   * Rendering cost. Chromium lays a table out again whenever anything before it in the document
   * changes, so every change in a long document with tables paid for all of them (10 to 25 ms for a
   * one-character remote edit with 50 tables). Layout containment on the
   * wrapper lets Chromium keep each table's layout. Dropped for printing, where tables may break
   * across pages.
   */
  .ProseMirror .tableWrapper {
    contain: layout;
  }
  @media print {
    .ProseMirror .tableWrapper {
      contain: none;
    }
  }
  /*
   * Off-screen blocks are not rendered (content-visibility: auto; the last rendered height is kept,
   * about two lines until then), except those holding the selection or a remote cursor, which
   * block-visibility.ts marks: the caret is never in a skipped block.
   */
  @media screen {
    .ProseMirror > * {
      content-visibility: auto;
      contain-intrinsic-block-size: auto 3em;
    }
    .ProseMirror > .allmende-active-block {
      content-visibility: visible;
    }
  }

  /* Tables (prosemirror-tables, with column resizing). */
  .ProseMirror .tableWrapper {
    margin: 0 0 0.75em;
    overflow-x: auto;
  }
  .ProseMirror table {
    border-collapse: collapse;
    table-layout: fixed;
    width: 100%;
    overflow: hidden;
  }
  .ProseMirror td,
  .ProseMirror th {
    position: relative;
    box-sizing: border-box;
    min-width: 1em;
    padding: 0.3em 0.5em;
    border: 1px solid var(--_muted);
    vertical-align: top;
  }
  .ProseMirror th {
    background: var(--_hover);
    font-weight: 700;
    text-align: left;
  }
  .ProseMirror td > :last-child,
  .ProseMirror th > :last-child {
    margin-bottom: 0;
  }
  .ProseMirror .selectedCell::after {
    content: '';
    position: absolute;
    inset: 0;
    background: color-mix(in srgb, var(--_accent) 18%, transparent);
    pointer-events: none;
  }
  .ProseMirror .column-resize-handle {
    position: absolute;
    top: 0;
    right: -2px;
    bottom: -2px;
    width: 4px;
    background: var(--_accent);
    pointer-events: none;
  }
  .ProseMirror.resize-cursor {
    cursor: col-resize;
  }

  /* The selection while focus is in a dialog or the find bar (inactive-selection.ts). */
  .ProseMirror .inactive-selection {
    background: color-mix(in srgb, var(--_accent) 22%, transparent);
  }
  .ProseMirror-focused .inactive-selection {
    background: none;
  }

  /* Find and replace (find-highlight.ts). */
  .ProseMirror .find-match {
    background: #fff0a8;
    color: #1b1d21;
    box-shadow: 0 0 0 1px #c9a800;
  }
  .ProseMirror .find-match.find-current {
    background: #ff9d3d;
    box-shadow: 0 0 0 2px #b35900;
  }

  /*
   * Remote cursors and selections (remote-cursor.ts): a caret in the user's colour with the name
   * above it. Labels of carets on one line are lifted by whole label heights so that none covers
   * another (--remote-label-lift, in pixels, so that a flag growing on hover keeps its bottom edge), or
   * moved aside where there is no room above (--remote-label-shift, in pixels); an idle user's label
   * shrinks to a flag that shows the name on hover.
   */
  .ProseMirror-yjs-cursor {
    position: relative;
    margin-left: -1px;
    margin-right: -1px;
    border-left: 1px solid;
    border-right: 1px solid;
    word-break: normal;
    pointer-events: none;
  }
  .ProseMirror-yjs-cursor > .remote-cursor-label {
    position: absolute;
    bottom: 100%;
    left: -1px;
    z-index: 1;
    box-sizing: border-box;
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
    /* A name label sits over the line above the caret: clicks go through it to the text. */
    pointer-events: none;
    transform: translate(calc(var(--remote-label-shift, 0) * 1px), calc(var(--remote-label-lift, 0) * -1px));
  }
  .ProseMirror-yjs-cursor > .remote-cursor-label.idle {
    width: 0.5rem;
    height: 0.5rem;
    padding: 0;
    overflow: hidden;
    color: transparent;
    border-radius: 2px 2px 2px 0;
    /* Only the small flag takes the pointer, so hovering it shows the name. */
    pointer-events: auto;
  }
  .ProseMirror-yjs-cursor > .remote-cursor-label.idle:hover {
    width: auto;
    height: auto;
    padding: 0 4px;
    overflow: visible;
    color: #ffffff;
    z-index: 2;
  }
  .ProseMirror-yjs-selection {
    border-radius: 2px;
  }
`;
