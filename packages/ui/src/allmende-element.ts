import { LitElement } from 'lit';
import type { CSSResultGroup } from 'lit';
import { theme } from './theme.js';

/**
 * The base class of every Allmende element: a LitElement with an open shadow
 * root and the shared {@link theme} (tokens, font, focus ring).
 *
 * Subclasses add their own styles after the theme:
 *
 * ```ts
 * static override styles = [AllmendeElement.styles, css`…`];
 * ```
 *
 * Reactive properties are declared without decorators, as
 * `static override properties = { … }` with `declare`d fields that are
 * initialised in the constructor (class fields would shadow Lit's accessors).
 */
export class AllmendeElement extends LitElement {
  static override styles: CSSResultGroup = [theme];
}
