import { css } from 'lit';

/** The styles of `<allmende-sheet>`. */
export const sheetStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: var(--allmende-sheet-min-height, 24rem);
    height: var(--allmende-sheet-height, 32rem);
    border: 1px solid var(--allmende-border, #c8ccd2);
    border-radius: 6px;
    background: var(--allmende-surface, #fff);
    color: var(--allmende-text, #1f2328);
    /* The sheet has light colours only: its native controls (inputs, selects) are drawn light as well. */
    color-scheme: light;
    font: 13px/1.3 system-ui, sans-serif;
    overflow: hidden;
  }
  [hidden] {
    display: none !important;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 2px;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--allmende-border, #c8ccd2);
  }
  .toolbar button,
  .toolbar select,
  .toolbar .color {
    min-width: 2rem;
    height: 2rem;
    border: 1px solid transparent;
    border-radius: 4px;
    background: none;
    color: inherit;
    font: inherit;
  }
  .toolbar button[aria-pressed='true'] {
    background: #dbe4f3;
    border-color: #9db4e0;
  }
  .toolbar button:hover:not(:disabled) {
    border-color: #c8ccd2;
  }
  .toolbar button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  .toolbar .icon {
    display: block;
    flex: none;
  }
  /* A colour button: the icon shows the colour; the native picker lies over it, invisible, and takes the click. */
  .toolbar .color {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
  }
  .toolbar .color input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    padding: 0;
    border: 0;
    opacity: 0;
    cursor: pointer;
  }
  .toolbar .color:hover:not(:has(input:disabled)) {
    border-color: #c8ccd2;
  }
  .toolbar .color:has(input:focus-visible) {
    outline: 2px solid var(--allmende-accent, #1a56db);
    outline-offset: 1px;
  }
  .toolbar .color:has(input:disabled) {
    opacity: 0.45;
  }
  .bar {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--allmende-border, #c8ccd2);
  }
  .namebox {
    width: 6rem;
    font: inherit;
    padding: 0.2rem 0.3rem;
  }
  .formula {
    flex: 1;
    font: 13px/1.3 ui-monospace, monospace;
    padding: 0.2rem 0.3rem;
  }
  .meta {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  [part='access'] {
    padding: 0.1rem 0.4rem;
    border-radius: 999px;
    background: #fff3c4;
    color: #5c4400;
  }
  .gridwrap {
    position: relative;
    flex: 1;
    min-height: 0;
  }
  .scroller {
    position: absolute;
    inset: 0;
    overflow: auto;
    outline: none;
    overscroll-behavior: contain;
    /* Opaque, so the browser's compositor scrolls it (a transparent scroller may be scrolled on the main thread). */
    background: var(--allmende-surface, #fff);
  }
  .scroller:focus-visible {
    box-shadow: inset 0 0 0 2px var(--allmende-focus, #1d4ed8);
  }
  /*
   * As large as the sheet; everything in it shares its one grid cell, so headers and frozen panes can be sticky
   * across the whole scroll range while the scrolling pane's rows sit at their place and scroll natively.
   */
  .canvas {
    position: relative;
    display: grid;
    grid-template: 100% / 100%;
    overflow: clip;
    user-select: none;
  }
  .canvas > * {
    grid-area: 1 / 1;
    align-self: start;
    justify-self: start;
  }
  .pane {
    position: absolute;
    left: 0;
    top: 0;
  }
  .pane.frozen-rows,
  .pane.frozen-cols,
  .col-headers,
  .row-headers,
  .corner {
    position: sticky;
    overflow: clip;
  }
  .pane.frozen-rows {
    border-bottom: 2px solid #9aa3ad;
    box-sizing: content-box;
    background: var(--allmende-surface, #fff);
    z-index: 1;
  }
  .pane.frozen-cols {
    border-right: 2px solid #9aa3ad;
    box-sizing: content-box;
    background: var(--allmende-surface, #fff);
    z-index: 1;
  }
  .pane.frozen-rows.frozen-cols {
    z-index: 2;
  }
  .pane-content,
  .pane-boxes,
  .strip-content {
    position: absolute;
    left: 0;
    top: 0;
    width: 0;
    height: 0;
    /* Its own layer: when positions are scaled (see axis.ts), moving it does not paint the rows again. */
    will-change: transform;
  }
  .pane-boxes {
    pointer-events: none;
  }
  .row {
    position: absolute;
    left: 0;
    right: 0;
    top: 0;
    display: flex;
    align-items: flex-start;
    contain: layout style;
  }
  /*
   * Cells flow in their row (widths and gaps from the grid), neither positioned nor clipping unless their text may
   * not fit (.clip): each positioned or clipping cell would be a paint layer or clip of its own, and every frame that
   * draws rows walks all of them. Size containment keeps a cell's text from resizing it; no layout or paint
   * containment, which would make every cell a stacking context (a paint layer) again.
   */
  .cell {
    flex: none;
    box-sizing: border-box;
    display: flex;
    align-items: flex-end;
    padding: 0 4px 2px;
    border-right: 1px solid var(--allmende-sheet-grid, #e1e4e8);
    border-bottom: 1px solid var(--allmende-sheet-grid, #e1e4e8);
    white-space: pre;
    contain: size style;
  }
  .cell.clip {
    overflow: hidden;
    text-overflow: clip;
  }
  /*
   * Only cells drawn over others need a background of their own (text running into empty neighbours hides
   * their gridlines, a merge covers the cells under it); the rest show the sheet's surface, one paint operation
   * less for each of the hundreds of cells that scroll into view.
   */
  .cell.overflow {
    z-index: 1;
    background: var(--allmende-surface, #fff);
  }
  .cell.merged {
    z-index: 2;
    background: var(--allmende-surface, #fff);
  }
  .col-headers,
  .row-headers,
  .corner {
    background: var(--allmende-sheet-header, #f3f4f6);
    color: #444c56;
    z-index: 3;
  }
  .col-headers {
    top: 0;
  }
  .row-headers {
    left: 0;
  }
  .col-headers.frozen,
  .row-headers.frozen {
    z-index: 4;
  }
  .corner {
    left: 0;
    top: 0;
    z-index: 5;
    border-right: 1px solid #c8ccd2;
    border-bottom: 1px solid #c8ccd2;
    box-sizing: border-box;
    cursor: cell;
  }
  .hdr {
    position: absolute;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    border-right: 1px solid #d0d4da;
    border-bottom: 1px solid #d0d4da;
    font-size: 12px;
    contain: strict;
  }
  .col-headers .hdr {
    top: 0;
    cursor: s-resize;
  }
  .row-headers .hdr {
    left: 0;
    cursor: e-resize;
  }
  /*
   * A column partly under the frozen columns (or the row numbers) shows its letter in its visible part, as in Excel
   * and LibreOffice: the letter is sticky at the frozen edge (--hdr-edge, set by the grid) inside its own header
   * cell, so the compositor keeps it there while the sheet scrolls and the cell's right edge finally takes it along.
   */
  .col-headers:not(.frozen) .hdr-text {
    position: sticky;
    left: calc(var(--hdr-edge, 0px) + 4px);
  }
  /* After hidden (or filtered) rows and columns, a double line marks the gap, as in LibreOffice. */
  .col-headers .hdr.gap-before {
    border-left: 3px double #5b6472;
  }
  .row-headers .hdr.gap-before {
    border-top: 3px double #5b6472;
  }
  .hdr.active {
    background: #dbe4f3;
    color: #0b3a8c;
    font-weight: 600;
  }
  .box {
    position: absolute;
    box-sizing: border-box;
    pointer-events: none;
    z-index: 4;
  }
  .box.selection {
    border: 1px solid var(--allmende-focus, #1d4ed8);
    background: rgb(29 78 216 / 0.08);
  }
  .box.active {
    border: 2px solid var(--allmende-focus, #1d4ed8);
  }
  .box.remote {
    border: 2px solid var(--box-color);
  }
  .box.ref {
    border: 2px dashed var(--box-color);
    background: color-mix(in srgb, var(--box-color) 10%, transparent);
  }
  .box.copy {
    border: 2px dashed #555;
  }
  .box.fill-handle::after {
    content: '';
    position: absolute;
    right: -4px;
    bottom: -4px;
    width: 7px;
    height: 7px;
    background: var(--allmende-focus, #1d4ed8);
    border: 1px solid #fff;
  }
  .box.fill-handle {
    z-index: 5;
  }
  .box.filter-mark {
    border-bottom: 2px solid #15803d;
  }
  .box.filter-mark::after {
    content: '▾';
    position: absolute;
    right: 2px;
    top: 2px;
    font-size: 11px;
    line-height: 1;
    color: #57606a;
  }
  .box.filter-mark.filtered::after {
    content: '▼';
    color: #15803d;
  }
  .filter-menu {
    padding: 0.4rem;
  }
  .filter-values {
    display: flex;
    flex-direction: column;
    max-height: 16rem;
    overflow: auto;
  }
  .filter-values label {
    display: flex;
    gap: 0.4rem;
    padding: 0.15rem 0.3rem;
  }
  .filter-actions {
    display: flex;
    gap: 0.4rem;
    justify-content: flex-end;
    padding-top: 0.4rem;
  }
  .context-menu .filter-actions button {
    width: auto;
    border: 1px solid #c8ccd2;
    border-radius: 4px;
  }
  .box-label {
    position: absolute;
    top: -16px;
    left: -2px;
    padding: 0 4px;
    font-size: 11px;
    line-height: 16px;
    color: #fff;
    background: var(--box-color);
    white-space: nowrap;
  }
  .cell-editor {
    position: absolute;
    z-index: 6;
    box-sizing: border-box;
    margin: 0;
    padding: 2px 4px;
    border: 2px solid var(--allmende-focus, #1d4ed8);
    font: inherit;
    resize: none;
    overflow: hidden;
    white-space: pre;
    background: #fff;
    outline: none;
  }
  .cell-editor[hidden] {
    display: none;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .context-menu {
    position: fixed;
    z-index: 20;
    min-width: 14rem;
    padding: 0.25rem 0;
    border: 1px solid #c8ccd2;
    border-radius: 6px;
    background: #fff;
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
    overflow: auto;
  }
  .context-menu button {
    display: block;
    width: 100%;
    padding: 0.35rem 0.9rem;
    border: 0;
    background: none;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .context-menu button:hover,
  .context-menu button:focus-visible {
    background: #e8eefb;
    outline: none;
  }
  .context-menu button:disabled {
    color: #8a929b;
    cursor: default;
  }
  .context-menu hr {
    margin: 0.25rem 0;
    border: 0;
    border-top: 1px solid #e1e4e8;
  }
  [part='notice'] {
    display: none;
  }
  [part='notice'].shown {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    padding: 0.3rem 0.5rem;
    background: #fdecea;
    color: #6d1a12;
  }
  .tabs {
    display: flex;
    align-items: center;
    gap: 4px;
    min-width: 0;
    overflow-x: auto;
  }
  .tabs [role='tablist'] {
    display: flex;
    gap: 2px;
  }
  .tabs button,
  .tab-rename {
    padding: 0.15rem 0.6rem;
    border: 1px solid #c8ccd2;
    border-radius: 0 0 4px 4px;
    background: var(--allmende-sheet-header, #f3f4f6);
    font: inherit;
    white-space: nowrap;
  }
  .tabs [role='tab'][aria-selected='true'] {
    background: #fff;
    border-top-color: #fff;
    font-weight: 600;
    color: #0b3a8c;
  }
  .tabs .confirm {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    color: #6d1a12;
  }
  .tabs .danger {
    background: #b42318;
    color: #fff;
  }
  .tabs [role='tab'].colored {
    box-shadow: inset 0 -4px 0 var(--tab-color);
  }
  .tabs [role='tab'].colored[aria-selected='true'] {
    box-shadow: inset 0 -4px 0 var(--tab-color), inset 0 0 0 1px var(--tab-color);
  }
  .tab-colors {
    position: absolute;
    bottom: 100%;
    left: 0.5rem;
    z-index: 20;
    display: flex;
    gap: 4px;
    align-items: center;
    padding: 6px;
    background: var(--allmende-surface, #fff);
    border: 1px solid #c8ccd2;
    border-radius: 6px;
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
  }
  .tab-colors .swatch {
    width: 22px;
    height: 22px;
    padding: 0;
    border: 1px solid rgb(0 0 0 / 0.25);
    border-radius: 50%;
    background: var(--swatch);
  }
  .tab-colors .swatch[aria-checked='true'] {
    outline: 2px solid var(--allmende-focus, #1d4ed8);
    outline-offset: 1px;
  }
  .tab-colors .swatch.none {
    width: auto;
    border-radius: 4px;
    padding: 0 6px;
    background: var(--allmende-sheet-header, #f3f4f6);
    font: inherit;
  }
  .toolbar .borders {
    display: inline-flex;
    gap: 1px;
    align-items: center;
    padding: 0 4px;
    border-left: 1px solid #d0d4da;
    border-right: 1px solid #d0d4da;
  }
  .toolbar .file-menu-slot:empty {
    display: none;
  }
  .cell.hashes {
    justify-content: flex-end;
  }
  footer {
    position: relative;
    display: flex;
    gap: 1rem;
    align-items: center;
    justify-content: space-between;
    padding: 0.15rem 0.5rem;
    border-top: 1px solid var(--allmende-border, #c8ccd2);
    font-size: 12px;
    color: #57606a;
  }
  footer .mode {
    font-weight: 600;
    color: #0b3a8c;
  }
`;
