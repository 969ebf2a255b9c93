import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ACTIVE_BLOCK_CLASS } from './block-visibility.js';

/**
 * Top-level blocks kept `content-visibility: auto` on each side of the ones
 * on screen; the blocks beyond are `content-visibility: hidden`.
 */
export const WINDOW_MARGIN_BLOCKS = 100;

/** The window is moved once the blocks on screen come this close to one of its ends. */
const MOVE_WITHIN_BLOCKS = WINDOW_MARGIN_BLOCKS / 2;

/** Top-level block indexes (0-based, in the editor's DOM) whose rendering Chromium decides by their distance to the viewport. */
export interface BlockWindow {
  readonly first: number;
  readonly last: number;
}

/**
 * The window for the blocks `top` to `bottom` on screen in an editor of
 * `count` top-level blocks, or null when it would hold every block or the
 * document is short (no block is hidden then).
 */
export function windowAround(top: number, bottom: number, count: number, margin = WINDOW_MARGIN_BLOCKS): BlockWindow | null {
  // A short document: every block stays `auto` (few checks to save).
  if (!(count > 3 * margin) || top > bottom) return null;
  const first = Math.max(0, top - margin);
  const last = Math.min(count - 1, bottom + margin);
  return first === 0 && last === count - 1 ? null : { first, last };
}

/** Whether `window` still holds the blocks `top` to `bottom` with room to spare (so it need not move). */
export function windowHolds(window: BlockWindow | null, top: number, bottom: number, count: number, within = MOVE_WITHIN_BLOCKS): boolean {
  if (window === null) return false;
  const roomBefore = window.first === 0 || top - window.first >= within;
  const roomAfter = window.last >= count - 1 || window.last - bottom >= within;
  return top >= window.first && bottom <= window.last && roomBefore && roomAfter;
}

/**
 * The style rule that hides the blocks outside `window` (1-based
 * `:nth-child` counts), except those block-visibility.ts marks as holding
 * the selection or a remote cursor. Screen only: printing renders everything.
 */
export function windowRule(window: BlockWindow | null): string {
  if (window === null) return '';
  const selectors: string[] = [];
  if (window.first > 0) selectors.push(`.ProseMirror > :nth-child(-n+${window.first}):not(.${ACTIVE_BLOCK_CLASS})`);
  selectors.push(`.ProseMirror > :nth-child(n+${window.last + 2}):not(.${ACTIVE_BLOCK_CLASS})`);
  return `@media screen { ${selectors.join(', ')} { content-visibility: hidden; } }`;
}

/** The index of the first child of `parent` whose box reaches below `y` (binary search; the children are stacked top to bottom). */
export function childIndexAt(children: ArrayLike<Element>, y: number): number {
  let low = 0;
  let high = children.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (children[middle]!.getBoundingClientRect().bottom <= y) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The nearest ancestor of `element` (across shadow roots) that scrolls, or null for the page itself. */
function scrollingAncestor(element: Element): Element | null {
  for (let node: Node | null = element.parentNode; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (!(node instanceof Element)) continue;
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

/** The style sheet of the rule, in the document or shadow root holding the editor. */
class WindowSheet {
  #root: Document | ShadowRoot | null = null;
  #sheet: CSSStyleSheet | null = null;
  #element: HTMLStyleElement | null = null;
  #text = '';

  write(root: Document | ShadowRoot, text: string): void {
    if (root !== this.#root) {
      this.remove();
      this.#root = root;
      this.#text = '';
    }
    if (text === this.#text) return;
    this.#text = text;
    if (this.#sheet === null && this.#element === null) this.#attach(root);
    if (this.#sheet) this.#sheet.replaceSync(text);
    else if (this.#element) this.#element.textContent = text;
  }

  #attach(root: Document | ShadowRoot): void {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      this.#sheet = new CSSStyleSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#sheet];
    } else {
      const document = root instanceof ShadowRoot ? root.ownerDocument : root;
      this.#element = document.createElement('style');
      (root instanceof ShadowRoot ? root : document.head).append(this.#element);
    }
  }

  remove(): void {
    const root = this.#root;
    if (this.#sheet && root) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.#sheet);
    this.#element?.remove();
    this.#sheet = null;
    this.#element = null;
    this.#root = null;
    this.#text = '';
  }
}

/**
 * Lets Chromium check far fewer blocks per frame in a long document.
 * editor-styles.ts gives every top-level block `content-visibility: auto`,
 * and Chromium decides after every layout, for each such block, whether it
 * is near the viewport: with 1,800 blocks that check cost several
 * milliseconds per keystroke. This keeps `auto` on the blocks on screen and
 * {@link WINDOW_MARGIN_BLOCKS} on each side, and makes the rest
 * `content-visibility: hidden` (never checked; their last rendered height
 * is kept) with one style rule by child index, so no block's DOM changes.
 * The window follows scrolling, resizing and changes of the number of
 * blocks, once per animation frame; the blocks holding the selection or a
 * remote cursor are always rendered (block-visibility.ts). Until the window
 * is known, and in short documents, every block stays `auto`.
 */
export function visibilityWindowPlugin(): Plugin {
  return new Plugin({
    view(view: EditorView) {
      const sheet = new WindowSheet();
      let shown: BlockWindow | null = null;
      let frame = 0;
      let scroller: Element | null | undefined;
      let blocks = view.state.doc.childCount;
      const global = view.dom.ownerDocument.defaultView;

      const measure = (): void => {
        frame = 0;
        const dom = view.dom;
        if (!dom.isConnected) return;
        const root = dom.getRootNode() as Document | ShadowRoot;
        const children = dom.children;
        const count = children.length;
        scroller ??= scrollingAncestor(dom);
        const box = dom.getBoundingClientRect();
        const clip = scroller?.getBoundingClientRect();
        const top = Math.max(box.top, clip?.top ?? 0, 0);
        const bottom = Math.min(box.bottom, clip?.bottom ?? Infinity, global?.innerHeight ?? Infinity);
        if (count === 0 || bottom <= top) return;
        const first = childIndexAt(children, top);
        const last = childIndexAt(children, bottom);
        if (windowHolds(shown, first, last, count)) return;
        shown = windowAround(first, last, count);
        sheet.write(root, windowRule(shown));
      };
      const schedule = (): void => {
        if (frame === 0 && global) frame = global.requestAnimationFrame(measure);
      };
      const options = { capture: true, passive: true } as const;
      global?.addEventListener('scroll', schedule, options);
      global?.addEventListener('resize', schedule, options);
      const root = view.dom.getRootNode();
      // A scroll inside a shadow root does not leave it: listen there too.
      if (root instanceof ShadowRoot) root.addEventListener('scroll', schedule, options);
      let listenedRoot: Node | null = root instanceof ShadowRoot ? root : null;
      schedule();
      return {
        update(updated) {
          const current = updated.dom.getRootNode();
          if (current instanceof ShadowRoot && current !== listenedRoot) {
            listenedRoot?.removeEventListener('scroll', schedule, options);
            current.addEventListener('scroll', schedule, options);
            listenedRoot = current;
            scroller = undefined;
            schedule();
          }
          if (updated.state.doc.childCount !== blocks) {
            blocks = updated.state.doc.childCount;
            schedule();
          }
        },
        destroy() {
          if (frame !== 0) global?.cancelAnimationFrame(frame);
          global?.removeEventListener('scroll', schedule, options);
          global?.removeEventListener('resize', schedule, options);
          listenedRoot?.removeEventListener('scroll', schedule, options);
          sheet.remove();
        },
      };
    },
  });
}
