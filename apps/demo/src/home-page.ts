import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { MAX_DOC_NAME_LENGTH } from './doc-names.js';
import { MAX_DISPLAY_NAME_LENGTH } from './identity.js';
import { docPath } from './routes.js';

/** What the start page shows and what it reports back. */
export interface HomePageProps {
  readonly displayName: string;
  readonly recentDocs: readonly string[];
  /** A message about the document name typed last, or '' when it was fine. */
  readonly docNameError: string;
  readonly onNameInput: (name: string) => void;
  readonly onNameCommit: (input: HTMLInputElement) => void;
  readonly onOpen: (docName: string) => void;
  readonly onCreate: () => void;
  /** Creates a new spreadsheet with a random name. */
  readonly onCreateSheet: () => void;
  /** Creates a new calendar with a random name. */
  readonly onCreateCalendar: () => void;
}

/** The start page: pick a display name, open a document or create one. */
export function homePage(props: HomePageProps): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const input = form.elements.namedItem('document') as HTMLInputElement;
    props.onOpen(input.value);
  };
  return html`
    <main id="main" class="home">
      <h1 tabindex="-1">Documents</h1>
      <p class="lead">Write together in real time. Everything stays on this server.</p>

      <section class="card" aria-labelledby="you-heading">
        <h2 id="you-heading">Your name</h2>
        <label for="display-name">Shown to others next to your cursor</label>
        <input
          id="display-name"
          name="display-name"
          data-testid="name-input"
          autocomplete="nickname"
          maxlength=${MAX_DISPLAY_NAME_LENGTH}
          value=${props.displayName}
          @input=${(event: InputEvent) => props.onNameInput((event.target as HTMLInputElement).value)}
          @change=${(event: Event) => props.onNameCommit(event.target as HTMLInputElement)}
        />
      </section>

      <section class="card" aria-labelledby="open-heading">
        <h2 id="open-heading">Open a document</h2>
        <form class="open-form" novalidate @submit=${submit}>
          <label for="doc-name">Document name</label>
          <div class="row">
            <input
              id="doc-name"
              name="document"
              data-testid="doc-name-input"
              autocomplete="off"
              spellcheck="false"
              placeholder="for example minutes/2026-11"
              maxlength=${MAX_DOC_NAME_LENGTH}
              aria-invalid=${props.docNameError ? 'true' : 'false'}
              aria-describedby=${props.docNameError ? 'doc-name-error doc-name-hint' : 'doc-name-hint'}
            />
            <button type="submit" class="primary" data-testid="open-doc">Open</button>
          </div>
          <p id="doc-name-hint" class="hint">
            Letters A–Z (no spaces or umlauts), digits, “.”, “_” and “-”; “/” separates up to four parts.
            Anyone with the same name opens the same document.
          </p>
          <p id="doc-name-error" class="error" role="alert">${props.docNameError}</p>
        </form>
        <div class="new-doc">
          <span>or</span>
          <button type="button" data-testid="new-doc" @click=${props.onCreate}>Create a new document</button>
          <button type="button" data-testid="new-sheet" @click=${props.onCreateSheet}>Create a new spreadsheet</button>
          <button type="button" data-testid="new-calendar" @click=${props.onCreateCalendar}>Create a new calendar</button>
        </div>
      </section>

      ${props.recentDocs.length > 0
        ? html`<section class="card" aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recently opened</h2>
            <ul class="recent">
              ${props.recentDocs.map((name) => html`<li><a href=${docPath(name)}>${name}</a></li>`)}
            </ul>
          </section>`
        : ''}
    </main>
  `;
}
