import '@allmende/doc';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';

/** What the document page shows. */
export interface DocPageProps {
  readonly docName: string;
  readonly relay: string;
  readonly displayName: string;
  readonly color: string;
  /** A bearer token for the relay, from a sharing link; empty for none. */
  readonly token: string;
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
        token=${props.token || nothing}
      ></allmende-doc>
    </main>
  `;
}

/**
 * The page for `/doc/<name>` when the relay would refuse the name: it says
 * which rule the name breaks instead of showing an editor whose text would
 * never be saved.
 */
export function badDocNamePage(name: string, error: string): TemplateResult {
  return html`
    <main id="main" class="home">
      <h1 tabindex="-1">This document name cannot be used</h1>
      <p class="error-detail" data-testid="bad-doc-name">
        “<span class="doc-name">${name}</span>” is not a valid document name: ${error}.
      </p>
      <p>
        Names use the letters A–Z and a–z, digits, “.”, “_” and “-”, with up to four parts separated by “/”,
        such as <code>minutes/2026-11</code>.
      </p>
      <p><a href="/">Go to the documents</a> to open or create one.</p>
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
