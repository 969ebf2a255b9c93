import '@allmende/doc';
import '@allmende/sheet';
import '@allmende/calendar';
import '@allmende/ui';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { AppContext } from './app-context.js';
import { appHeader } from './app-header.js';
import type { ConnectionState } from './connection-state.js';
import { FileWatch } from './file-watch.js';
import { ShareDialog } from './share-dialog.js';
import type { FileKind } from './workspace.js';

/**
 * The relay token of a sharing link: `#token=…` (kept out of server logs) or `?token=…`.
 * Empty when the link has none, which a development relay accepts.
 */
function linkToken(): string {
  return new URLSearchParams(location.hash.slice(1)).get('token') ?? new URLSearchParams(location.search).get('token') ?? '';
}

/**
 * An open file: the app bar with the breadcrumb, who is present, the
 * connection state and Share, then the file's element. One instance per
 * visit of a file; {@link dispose} when leaving it.
 */
export class FilePage {
  readonly kind: FileKind;
  readonly id: string;
  readonly #ctx: AppContext;
  readonly #watch: FileWatch;
  readonly #share: ShareDialog;
  readonly #token = linkToken();
  // One callback for the page's lifetime: lit's ref() calls a replaced callback with undefined first.
  readonly #attach = (element: Element | undefined): void => this.#watch.attach(element);

  constructor(ctx: AppContext, kind: FileKind, id: string) {
    this.#ctx = ctx;
    this.kind = kind;
    this.id = id;
    this.#watch = new FileWatch(ctx, id);
    this.#share = new ShareDialog(kind, id, () => ctx.requestRender());
  }

  /** The title to show: the workspace's, or the id for a file that is not in the list (opened by a link). */
  get title(): string {
    return this.#ctx.workspace.get(this.id)?.title ?? this.id;
  }

  /** Writes a pending "last change" of this user to the workspace now. */
  flush(): void {
    this.#watch.flush();
  }

  /** Stops watching the element. */
  dispose(): void {
    this.#watch.detach();
  }

  render(): TemplateResult {
    const ctx = this.#ctx;
    const t = ctx.t;
    const title = this.title;
    const controls = html`
      <div class="file-controls">
        <allmende-presence-list
          class="presence-strip"
          data-testid="presence-strip"
          label=${t('inThisFile')}
          .users=${this.#watch.presence}
        ></allmende-presence-list>
        <span class="connection" role="status" data-testid="connection-state" data-state=${this.#watch.state}>
          <span class="dot" aria-hidden="true"></span>${statusText(this.#watch.state, t)}
        </span>
        <button type="button" data-testid="share" @click=${() => this.#share.open()}>${t('share')}</button>
      </div>
    `;
    return html`
      ${appHeader({ ctx, fileTitle: title, fileControls: controls })}
      ${this.#watch.state === 'offline'
        ? html`<p class="offline-banner" data-testid="offline-banner">${t('statusOffline')}</p>`
        : nothing}
      <main id="main" class="file-page ${this.kind}-page">
        <h1 tabindex="-1" class="visually-hidden">${title}</h1>
        ${this.#element()}
      </main>
      ${this.#share.render(t, title)}
    `;
  }

  #element(): TemplateResult {
    const ctx = this.#ctx;
    const token = this.#token || nothing;
    const attach = ref(this.#attach);
    switch (this.kind) {
      case 'doc':
        return html`<allmende-doc lang=${ctx.locale} relay=${ctx.relay} document=${this.id} user-name=${ctx.name} user-color=${ctx.color} token=${token} ${attach}></allmende-doc>`;
      case 'sheet':
        return html`<allmende-sheet lang=${ctx.locale} relay=${ctx.relay} document=${this.id} user-name=${ctx.name} user-color=${ctx.color} token=${token} ${attach}></allmende-sheet>`;
      case 'calendar':
        return html`<allmende-calendar
          lang=${ctx.locale}
          relay=${ctx.relay}
          document=${this.id}
          user-name=${ctx.name}
          user-color=${ctx.color}
          token=${token}
          style="--allmende-calendar-height: max(32rem, calc(100vh - 8rem))"
          ${attach}
        ></allmende-calendar>`;
    }
  }
}

function statusText(state: ConnectionState, t: AppContext['t']): string {
  switch (state) {
    case 'online':
      return t('statusOnline');
    case 'connecting':
      return t('statusConnecting');
    case 'reconnecting':
      return t('statusReconnecting');
    case 'offline':
      return t('statusOffline');
    case 'error':
      return t('statusError');
  }
}
