// Writes to the DOM only what changed: the grid redraws on every scroll event, and a style,
// class or text write that repeats the old value would still make the browser recompute styles.

/** Sets an element's inline style text unless it already has exactly that. */
export function setCss(el: HTMLElement, css: string): void {
  if (el.dataset['css'] !== css) {
    el.style.cssText = css;
    el.dataset['css'] = css;
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

/** Sets an element's text unless it already shows it. */
export function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
