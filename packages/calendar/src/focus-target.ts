/**
 * The roving tabindex's ids: "c:<date>", "s:<date>:<minute>", "a:<date>", "m:<date>" for cells and "+N more" buttons
 * (their `data-focus-id`), and "e:<key>" for events. Event elements carry only `data-key`: a page switch rewrites it on
 * hundreds of them, and a second attribute holding the same key was one more write per event for nothing.
 */
export const FOCUSABLE = '[data-focus-id], [data-key]';

/** The element attributes these helpers read. */
export interface FocusableElement {
  getAttribute(name: string): string | null;
}

/** The focus id of a view element: its `data-focus-id`, or "e:<key>" for an event; null for anything else. */
export function focusIdOf(el: FocusableElement | null | undefined): string | null {
  if (!el) return null;
  const id = el.getAttribute('data-focus-id');
  if (id) return id;
  const key = el.getAttribute('data-key');
  return key ? `e:${key}` : null;
}

/** The selector of the element a focus id names ("e:<key>" → its `data-key`), for `querySelector`. */
export function focusSelector(id: string): string {
  return id.startsWith('e:') ? `[data-key="${cssString(id.slice(2))}"]` : `[data-focus-id="${cssString(id)}"]`;
}

/** A value for a double-quoted CSS attribute selector: backslashes, quotes and line breaks escaped. */
function cssString(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
}
