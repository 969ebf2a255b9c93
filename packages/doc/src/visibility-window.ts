import { Plugin, Selection, TextSelection } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { ACTIVE_BLOCK_CLASS, blockIndexAt } from './block-visibility.js';
import { isMac } from './platform.js';

/** Top-level blocks rendered on each side of the ones on screen; the blocks beyond are not displayed. */
export const WINDOW_MARGIN_BLOCKS = 100;

/** The window is moved once the blocks on screen come this close to one of its ends. */
const MOVE_WITHIN_BLOCKS = WINDOW_MARGIN_BLOCKS / 2;

/** The height taken for a block never measured (one made while hidden) before any block was: about two lines. */
const UNMEASURED_BLOCK_HEIGHT = 48;

/** Top-level block indexes (0-based, in the editor's DOM) that are rendered; the others are not displayed. */
export interface BlockWindow {
  readonly first: number;
  readonly last: number;
}

/** The room the blocks that are not displayed would take before and after the window, in CSS pixels. */
export interface Spacers {
  readonly before: number;
  readonly after: number;
}

/**
 * The window for the blocks `top` to `bottom` on screen in an editor of
 * `count` top-level blocks, or null when it would hold every block or the
 * document is short (no block is hidden then).
 */
export function windowAround(top: number, bottom: number, count: number, margin = WINDOW_MARGIN_BLOCKS): BlockWindow | null {
  // A short document: every block stays rendered (few to save).
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

/** Whether the blocks `from` to `to` are rendered with `window` (null: every block is). */
export function windowCovers(window: BlockWindow | null, from: number, to: number): boolean {
  return window === null || (window.first <= from && to <= window.last);
}

/** `window` grown to hold the blocks `from` to `to` too, or null when it then holds all `count` blocks. */
export function widenWindow(window: BlockWindow | null, from: number, to: number, count: number): BlockWindow | null {
  if (window === null) return null;
  const first = Math.max(0, Math.min(window.first, from));
  const last = Math.min(count - 1, Math.max(window.last, to));
  return first === 0 && last >= count - 1 ? null : { first, last };
}

/**
 * The style rule for the editor marked `data-allmende-window="id"`: the
 * blocks outside `shown` (1-based `:nth-child` counts) are not displayed,
 * and two boxes of the editor's own (`::before` and `::after`) take their
 * room, so the scrollbar and the place of every rendered block stay as they
 * were. (Not the editor's padding: a change of an ancestor's padding turns
 * off the browser's scroll anchoring, which keeps the text on screen still
 * when blocks above it change height.) The blocks `shown` keeps
 * only because the selection is there, beyond the window `near` the
 * viewport, are displayed but not rendered (`content-visibility: hidden`,
 * their last rendered height kept), except those holding the selection or a
 * remote cursor (block-visibility.ts). Screen only: printing lays out
 * everything.
 */
export function windowRule(shown: BlockWindow | null, near: BlockWindow | null, id: string, spacers: Spacers): string {
  const editor = `.ProseMirror[data-allmende-window="${id}"]`;
  const rules: string[] = [];
  if (shown !== null) {
    const selectors: string[] = [];
    if (shown.first > 0) selectors.push(`${editor} > :nth-child(-n+${shown.first})`);
    selectors.push(`${editor} > :nth-child(n+${shown.last + 2})`);
    const px = (value: number): string => `${Math.max(0, Math.round(value))}px`;
    rules.push(`${selectors.join(', ')} { display: none !important; }`);
    rules.push(`${editor}::before, ${editor}::after { content: ''; display: block; }`);
    rules.push(`${editor}::before { height: ${px(spacers.before)}; } ${editor}::after { height: ${px(spacers.after)}; }`);
  }
  if (near !== null) {
    const from = shown?.first ?? 0;
    const selectors: string[] = [];
    if (near.first > from) selectors.push(`${editor} > :nth-child(n+${from + 1}):nth-child(-n+${near.first}):not(.${ACTIVE_BLOCK_CLASS})`);
    const to = shown === null ? '' : `:nth-child(-n+${shown.last + 1})`;
    if (shown === null || near.last < shown.last) selectors.push(`${editor} > :nth-child(n+${near.last + 2})${to}:not(.${ACTIVE_BLOCK_CLASS})`);
    if (selectors.length > 0) rules.push(`${selectors.join(', ')} { content-visibility: hidden; }`);
  }
  return rules.length === 0 ? '' : `@media screen { ${rules.join(' ')} }`;
}

/**
 * The index of the first of `count` stacked blocks whose box reaches below
 * `y`, given where each block's box ends (binary search).
 */
export function blockIndexAtHeight(count: number, bottomOf: (index: number) => number, y: number): number {
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bottomOf(middle) <= y) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low);
}

/**
 * The heights of top-level blocks as last rendered, so that blocks which are
 * not displayed still take their room. Kept per element: ProseMirror keeps a
 * block's element while the block stays, and one it makes anew (a block
 * added or redrawn while hidden) is taken at the mean height until it is
 * rendered and measured.
 */
export class BlockHeights {
  readonly #heights = new WeakMap<Element, number>();
  #mean = UNMEASURED_BLOCK_HEIGHT;

  /** Measures the blocks `first` to `last` of `children`, which are all rendered now: each from its top to the next one's (so with the space between them). */
  record(children: ArrayLike<Element>, first: number, last: number): void {
    if (last < first) return;
    let box = children[first]!.getBoundingClientRect();
    let total = 0;
    for (let index = first; index <= last; index++) {
      const next = index < last ? children[index + 1]!.getBoundingClientRect() : null;
      const height = Math.max(0, next ? next.top - box.top : box.bottom - box.top);
      this.#heights.set(children[index]!, height);
      total += height;
      if (next) box = next;
    }
    this.#mean = total / (last - first + 1);
  }

  of(element: Element): number {
    return this.#heights.get(element) ?? this.#mean;
  }

  /** The room the blocks outside `window` take. */
  spacers(children: ArrayLike<Element>, window: BlockWindow | null): Spacers {
    if (window === null) return { before: 0, after: 0 };
    let before = 0;
    let after = 0;
    for (let index = 0; index < window.first; index++) before += this.of(children[index]!);
    for (let index = window.last + 1; index < children.length; index++) after += this.of(children[index]!);
    return { before, after };
  }

  /**
   * Where each block's box ends on screen: read for the blocks `window`
   * renders, added up from the remembered heights for the others (whose
   * room the editor's `::before` and `::after` boxes take).
   */
  bottoms(children: ArrayLike<Element>, window: BlockWindow | null): (index: number) => number {
    const read = (index: number): number => children[index]!.getBoundingClientRect().bottom;
    if (window === null) return read;
    // before[i]: the height of the hidden blocks i to first - 1; after[i]: of the hidden blocks last + 1 to i.
    const before = new Float64Array(window.first + 1);
    for (let index = window.first - 1; index >= 0; index--) before[index] = before[index + 1]! + this.of(children[index]!);
    const after = new Float64Array(children.length);
    for (let index = window.last + 1, sum = 0; index < children.length; index++) after[index] = sum += this.of(children[index]!);
    const firstTop = children[window.first]!.getBoundingClientRect().top;
    const lastBottom = read(window.last);
    return (index) => {
      if (index < window.first) return firstTop - before[index + 1]!;
      if (index > window.last) return lastBottom + after[index]!;
      return read(index);
    };
  }
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
 * How far others' change from `before` to `after` moved the blocks of
 * `window`: by the number of blocks added (or removed, negative) when
 * every change lies before the window, 0 when every change lies after it,
 * null when one touches it.
 */
export function windowShift(window: BlockWindow, before: ProseMirrorNode, after: ProseMirrorNode): number | null {
  const start = before.content.findDiffStart(after.content);
  if (start === null) return 0;
  const $start = before.resolve(0);
  const windowStart = $start.posAtIndex(Math.min(window.first, before.childCount));
  const windowEnd = $start.posAtIndex(Math.min(window.last + 1, before.childCount));
  if (start >= windowEnd) return 0;
  const end = before.content.findDiffEnd(after.content);
  if (end !== null && end.a <= windowStart) return after.childCount - before.childCount;
  return null;
}

/** `window` moved by `shift` blocks, within `count` blocks. */
function shifted(window: BlockWindow | null, shift: number, count: number): BlockWindow | null {
  if (window === null) return null;
  return { first: Math.max(0, Math.min(count - 1, window.first + shift)), last: Math.max(0, Math.min(count - 1, window.last + shift)) };
}

function sameWindow(a: BlockWindow | null, b: BlockWindow | null): boolean {
  return a === b || (a !== null && b !== null && a.first === b.first && a.last === b.last);
}

/** The top-level blocks holding the selection, as [from, to]. */
function selectionBlocks(state: EditorState): [number, number] {
  const { doc, selection } = state;
  return [blockIndexAt(doc, selection.from), blockIndexAt(doc, selection.to)];
}

/** What {@link revealPosition} and the keys need of each editor's window. */
interface WindowControl {
  /** Displays the block holding `pos` at once; true when it was not displayed. */
  reveal(pos: number): boolean;
  /** Whether some blocks are not displayed now. */
  hides(): boolean;
}

const controls = new WeakMap<EditorView, WindowControl>();

/**
 * Makes sure the top-level block holding `pos` is displayed, so that it can
 * be measured or scrolled to right away (the selection's blocks always
 * are). Returns true when it was not: the blocks between it and the screen
 * may then not be displayed either, and take their remembered room until
 * they are, so scroll to it at once rather than smoothly (a smooth scroll
 * aims at a place that moves as they appear).
 */
export function revealPosition(view: EditorView, pos: number): boolean {
  return controls.get(view)?.reveal(pos) ?? false;
}

/** The document's end a key moves the caret to (Ctrl+Home and Ctrl+End; Cmd+Up and Cmd+Down on a Mac), or null for other keys. */
export function documentEdgeKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, mac = isMac): 'start' | 'end' | null {
  if (event.altKey) return null;
  if (!mac && event.ctrlKey && !event.metaKey) return event.key === 'Home' ? 'start' : event.key === 'End' ? 'end' : null;
  if (mac && event.metaKey && !event.ctrlKey) return event.key === 'ArrowUp' ? 'start' : event.key === 'ArrowDown' ? 'end' : null;
  return null;
}

/**
 * Moves the caret to the start or end of the document (with Shift, extends
 * the selection there): the browser's own handling of those keys stops at
 * the first or last block displayed.
 */
function toDocumentEdge(view: EditorView, edge: 'start' | 'end', extend: boolean): void {
  const { doc, selection, tr } = view.state;
  const target = edge === 'start' ? Selection.atStart(doc) : Selection.atEnd(doc);
  const next = extend ? TextSelection.between(selection.$anchor, edge === 'start' ? target.$from : target.$to) : target;
  view.dispatch(tr.setSelection(next).scrollIntoView());
}

let windows = 0;

/**
 * A virtual list over ProseMirror's own DOM, so a keystroke in a long
 * document costs what the blocks near it cost. Chromium lays out, paints
 * and checks every top-level block in the editor's DOM on each keystroke,
 * even those skipped with `content-visibility`: with 1,800 blocks that was
 * several milliseconds per key, more when a line wrapped. This displays the
 * blocks on screen and {@link WINDOW_MARGIN_BLOCKS} on each side (those
 * off screen are still skipped with `content-visibility: auto`,
 * editor-styles.ts), and gives the blocks beyond `display: none` with one
 * style rule by child index ({@link windowRule}), so no block's DOM changes
 * and ProseMirror and Yjs see the whole document as before. Boxes before
 * and after the blocks take the hidden blocks' room, from their heights
 * when last rendered ({@link BlockHeights}), so the scrollbar and the
 * places on screen stay.
 *
 * The window follows scrolling, resizing and changes of the number of
 * blocks, once per animation frame, and follows blocks added or removed
 * above it at once ({@link windowShift}). It always holds the blocks of the
 * selection: a change that moves the selection out of it (a jump to the
 * end, find, undo) widens it before ProseMirror scrolls to the selection,
 * and Ctrl+Home and Ctrl+End are handled here (the browser would stop at
 * the first or last block displayed). Others' cursors may be in hidden
 * blocks (they are not drawn there). Short documents are left as they are.
 */
export function visibilityWindowPlugin(): Plugin {
  const id = String(++windows);
  return new Plugin({
    props: {
      attributes: { 'data-allmende-window': id },
      handleKeyDown(view, event) {
        const edge = documentEdgeKey(event);
        if (edge === null || !controls.get(view)?.hides()) return false;
        toDocumentEdge(view, edge, event.shiftKey);
        return true;
      },
    },
    view(view: EditorView) {
      const sheet = new WindowSheet();
      const heights = new BlockHeights();
      // The blocks displayed, and those of them near the viewport (the others hold the selection or lie between).
      let shown: BlockWindow | null = null;
      let near: BlockWindow | null = null;
      /** The number of blocks the rule's room was counted for. */
      let counted = 0;
      let frame = 0;
      let scroller: Element | null | undefined;
      let blocks = view.state.doc.childCount;
      let selected = selectionBlocks(view.state);
      const global = view.dom.ownerDocument.defaultView;

      const show = (displayed: BlockWindow | null, around: BlockWindow | null): void => {
        shown = displayed;
        near = around;
        const dom = view.dom;
        counted = dom.children.length;
        sheet.write(dom.getRootNode() as Document | ShadowRoot, windowRule(displayed, around, id, heights.spacers(dom.children, displayed)));
      };

      const measure = (): void => {
        frame = 0;
        const dom = view.dom;
        if (!dom.isConnected) return;
        const children = dom.children;
        const count = children.length;
        // A short document (also one that just became short): everything is rendered.
        if (!(count > 3 * WINDOW_MARGIN_BLOCKS)) {
          if (shown || near) show(null, null);
          return;
        }
        // The window by index, on the blocks there are now (others may have deleted some).
        const rendered = shown && shown.first < count ? { first: shown.first, last: Math.min(shown.last, count - 1) } : null;
        if (shown && !rendered) {
          show(null, null);
          schedule();
          return;
        }
        scroller ??= scrollingAncestor(dom);
        const box = dom.getBoundingClientRect();
        const clip = scroller?.getBoundingClientRect();
        const top = Math.max(box.top, clip?.top ?? 0, 0);
        const bottom = Math.min(box.bottom, clip?.bottom ?? Infinity, global?.innerHeight ?? Infinity);
        if (bottom <= top) return;
        const bottomOf = heights.bottoms(children, rendered);
        const first = blockIndexAtHeight(count, bottomOf, top);
        const last = blockIndexAtHeight(count, bottomOf, bottom);
        const [from, to] = selected;
        const around = windowHolds(near, first, last, count) ? near : windowAround(first, last, count);
        const displayed = widenWindow(around, from, Math.min(to, count - 1), count);
        if (around === near && sameWindow(displayed, rendered)) {
          // Blocks added or removed inside the window: the room for those outside is counted again.
          if (count !== counted) show(rendered, near);
          return;
        }
        // The blocks displayed now are measured before some of them are hidden.
        heights.record(children, rendered?.first ?? 0, rendered?.last ?? count - 1);
        show(displayed, around);
      };
      const schedule = (): void => {
        if (frame === 0 && global) frame = global.requestAnimationFrame(measure);
      };
      /** Displays the blocks `from` to `to` now, if they are not; true if they were not. */
      const reveal = (from: number, to: number): boolean => {
        if (windowCovers(shown, from, to)) return false;
        show(widenWindow(shown, from, Math.min(to, view.dom.children.length - 1), view.dom.children.length), near);
        schedule();
        return true;
      };
      controls.set(view, {
        reveal(pos) {
          const index = blockIndexAt(view.state.doc, pos);
          return reveal(index, index);
        },
        hides: () => shown !== null,
      });

      const options = { capture: true, passive: true } as const;
      global?.addEventListener('scroll', schedule, options);
      global?.addEventListener('resize', schedule, options);
      const root = view.dom.getRootNode();
      // A scroll inside a shadow root does not leave it: listen there too.
      if (root instanceof ShadowRoot) root.addEventListener('scroll', schedule, options);
      let listenedRoot: Node | null = root instanceof ShadowRoot ? root : null;
      schedule();
      return {
        update(updated, previous) {
          const current = updated.dom.getRootNode();
          if (current instanceof ShadowRoot && current !== listenedRoot) {
            listenedRoot?.removeEventListener('scroll', schedule, options);
            current.addEventListener('scroll', schedule, options);
            listenedRoot = current;
            scroller = undefined;
            schedule();
          }
          const { state } = updated;
          if (state.doc.childCount !== blocks) {
            blocks = state.doc.childCount;
            // Blocks added or removed before the window (by others, or a paste far above): the rule is by index, so
            // it follows them now, before the browser lays out the displayed blocks one by one further on.
            const outer = shown ?? near;
            const shift = outer ? windowShift(outer, previous.doc, state.doc) : 0;
            if (shift) show(shifted(shown, shift, blocks), shifted(near, shift, blocks));
            schedule();
          }
          // Before ProseMirror scrolls to the selection (plugin views are updated first): its blocks must be rendered.
          const [from, to] = selectionBlocks(state);
          if (from !== selected[0] || to !== selected[1]) {
            selected = [from, to];
            reveal(from, to);
            // Blocks kept only for the selection's old place may go.
            schedule();
          }
        },
        destroy() {
          if (frame !== 0) global?.cancelAnimationFrame(frame);
          global?.removeEventListener('scroll', schedule, options);
          global?.removeEventListener('resize', schedule, options);
          listenedRoot?.removeEventListener('scroll', schedule, options);
          controls.delete(view);
          sheet.remove();
        },
      };
    },
  });
}
