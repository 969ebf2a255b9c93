import '@allmende/sheet';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DocPageProps } from './doc-page.js';

/** A spreadsheet: its name as the heading and the collaborative grid. */
export function sheetPage(props: DocPageProps): TemplateResult {
  return html`
    <main id="main" class="doc-page sheet-page">
      <h1 tabindex="-1" class="doc-title">${props.docName}</h1>
      <allmende-sheet
        relay=${props.relay}
        document=${props.docName}
        user-name=${props.displayName}
        user-color=${props.color}
        token=${props.token || nothing}
      ></allmende-sheet>
    </main>
  `;
}
