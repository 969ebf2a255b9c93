import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { AppTranslate } from './app-messages.js';
import type { FileKind } from './workspace.js';

/** The access a sharing link grants. */
export type LinkAccess = 'read' | 'comment' | 'write';

/** Asks the development relay for a link token (`POST /dev/token`); rejects with the relay's message. */
export async function requestLinkToken(document: string, access: LinkAccess): Promise<string> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ document, access }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: unknown; error?: unknown };
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(typeof body.error === 'string' ? body.error : `the relay answered ${response.status}`);
  }
  return body.token;
}

/** The address of a sharing link: the file's page, with the token in the fragment (never sent to servers' logs). */
export function shareUrl(origin: string, kind: FileKind, id: string, token: string): string {
  return `${origin}/${kind}/${encodeURIComponent(id)}#token=${encodeURIComponent(token)}`;
}

/**
 * The Share dialog of an open file: pick read, comment or write access,
 * get a link from the development relay, and copy it. State lives in the
 * file page; this renders it.
 */
export class ShareDialog {
  access: LinkAccess = 'write';
  link = '';
  message = '';
  busy = false;
  readonly #kind: FileKind;
  readonly #id: string;
  readonly #rerender: () => void;
  #dialog: HTMLDialogElement | null = null;
  readonly #setDialog = (element: Element | undefined): void => {
    this.#dialog = (element as HTMLDialogElement | undefined) ?? null;
  };

  constructor(kind: FileKind, id: string, rerender: () => void) {
    this.#kind = kind;
    this.#id = id;
    this.#rerender = rerender;
  }

  /** Opens the dialog (modal: focus moves into it, Escape closes it). */
  open(): void {
    this.link = '';
    this.message = '';
    this.#rerender();
    this.#dialog?.showModal();
  }

  async #create(t: AppTranslate): Promise<void> {
    this.busy = true;
    this.message = '';
    this.#rerender();
    try {
      const token = await requestLinkToken(this.#id, this.access);
      this.link = shareUrl(location.origin, this.#kind, this.#id, token);
      try {
        await navigator.clipboard.writeText(this.link);
        this.message = t('linkCopied');
      } catch {
        // No clipboard (insecure context, denied permission): the link is shown to copy by hand.
        this.message = t('linkReady');
      }
    } catch (error) {
      this.link = '';
      this.message = t('shareFailed', error instanceof Error ? error.message : String(error));
    } finally {
      this.busy = false;
      this.#rerender();
    }
  }

  /** The dialog's markup. */
  render(t: AppTranslate, title: string): TemplateResult {
    const options: Array<[LinkAccess, string]> = [['read', t('accessRead')], ['comment', t('accessComment')], ['write', t('accessWrite')]];
    return html`
      <dialog
        class="app-dialog"
        aria-labelledby="share-heading"
        aria-describedby="share-intro"
        data-testid="share-dialog"
        ${ref(this.#setDialog)}
      >
        <h2 id="share-heading">${t('shareTitle', title)}</h2>
        <p id="share-intro">${t('shareIntro')}</p>
        <fieldset>
          <legend class="visually-hidden">${t('share')}</legend>
          ${options.map(
            ([value, label]) => html`<label class="radio">
              <input
                type="radio"
                name="share-access"
                value=${value}
                data-testid=${`share-${value}`}
                .checked=${this.access === value}
                @change=${() => {
                  this.access = value;
                  this.link = '';
                  this.message = '';
                  this.#rerender();
                }}
              />
              ${label}
            </label>`,
          )}
        </fieldset>
        ${this.link
          ? html`<label for="share-link">${t('shareLink')}</label>
              <input id="share-link" class="share-link" data-testid="share-link" readonly .value=${this.link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />`
          : nothing}
        <p class="dialog-message" role="status" data-testid="share-message">${this.message}</p>
        <div class="dialog-buttons">
          <button type="button" class="primary" data-testid="share-copy" ?disabled=${this.busy} @click=${() => void this.#create(t)}>${t('copyLink')}</button>
          <button type="button" data-testid="share-close" @click=${() => this.#dialog?.close()}>${t('close')}</button>
        </div>
      </dialog>
    `;
  }
}

