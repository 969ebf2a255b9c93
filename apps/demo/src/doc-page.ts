import '@allmende/doc';
import { html } from 'lit';
import type { TemplateResult } from 'lit';

/** What the document page shows. */
export interface DocPageProps {
  readonly docName: string;
  readonly relay: string;
  readonly displayName: string;
  readonly color: string;
}

/** A document: its name as the heading and the collaborative editor. */
export function docPage(props: DocPageProps): TemplateResult {
  return html`
    <main id="main" class="doc-page">
      <h1 tabindex="-1" class="doc-title">${props.docName}</h1>
      <allmende-doc
        relay=${props.relay}
        document=${props.docName}
        user-name=${props.displayName}
        user-color=${props.color}
      ></allmende-doc>
    </main>
  `;
}

/** The page for a URL the app does not know. */
export function notFoundPage(): TemplateResult {
  return html`
    <main id="main" class="home">
      <h1 tabindex="-1">Page not found</h1>
      <p>There is nothing at this address. <a href="/">Go to the documents</a>.</p>
    </main>
  `;
}
