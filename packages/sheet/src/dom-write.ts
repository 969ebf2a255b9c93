// Writes to the DOM only what changed: the grid redraws on every scroll event, and a style,
// class or text write that repeats the old value would still make the browser recompute styles.

/**
 * The style text last written to each element, kept in script: a `data-` attribute for it would be one more
 * attribute change per write (DOM mutation, style invalidation) on every row that scrolls into view.
 */
const writtenCss = new WeakMap<HTMLElement, string>();

/** Sets an element's inline style text unless it already has exactly that. */
export function setCss(el: HTMLElement, css: string): void {
  if (writtenCss.get(el) !== css) {
    el.style.cssText = css;
    writtenCss.set(el, css);
  }
}

/** Sets an element's class attribute unless it already has exactly that. */
export function setClass(el: HTMLElement, name: string): void {
  if (el.className !== name) el.className = name;
}

/** Sets an attribute unless it already has that value. */
export function setAttr(el: HTMLElement, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Shows a hidden element. */
export function show(el: HTMLElement): void {
  if (el.hidden) el.hidden = false;
}

/**
 * Sets an element's text unless it already shows it. An element that holds one text node keeps it and only its
 * data changes: replacing the node (what `textContent =` does) would also detach and rebuild its layout object,
 * on every cell of every row that scrolls into view.
 */
export function setText(el: HTMLElement, text: string): void {
  const node = el.firstChild;
  if (node !== null && node === el.lastChild && node.nodeType === 3) {
    const textNode = node as Text;
    if (textNode.data !== text) textNode.data = text;
  } else if (el.textContent !== text) el.textContent = text;
}
