// Bench page for <allmende-doc>: opens the document named in the query from the relay that
// serves this page, as a host app would embed the element.
import '@allmende/doc';
import { installBenchApi } from './bench-api.js';

const params = new URLSearchParams(location.search);
const element = document.createElement('allmende-doc');
element.setAttribute('relay', params.get('relay') ?? `ws://${location.host}`);
element.setAttribute('document', params.get('document') ?? '');
element.setAttribute('user-name', 'Bench user');
document.querySelector('#stage')!.append(element);
// `?blocks-visible`: every block rendered, as before block-visibility.ts (for comparisons, see doc-editor/profile-typing.ts).
if (params.has('blocks-visible')) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync('.ProseMirror > * { content-visibility: visible !important; }');
  element.shadowRoot?.adoptedStyleSheets.push(sheet);
}
installBenchApi(() => element.view);
