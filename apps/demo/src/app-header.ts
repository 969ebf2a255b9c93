import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Language } from '@allmende/ui';
import type { AppContext } from './app-context.js';
import { MAX_DISPLAY_NAME_LENGTH } from './identity.js';

/** What the header shows besides the brand: the breadcrumb's last step, when a file is open. */
export interface HeaderProps {
  readonly ctx: AppContext;
  /** The open file's title, or null on the start page. */
  readonly fileTitle: string | null;
  /** Extra controls for the open file (presence, status, share), shown after the breadcrumb. */
  readonly fileControls?: TemplateResult;
}

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', de: 'Deutsch' };

/**
 * The app bar: the breadcrumb "Allmende › title" back to the start page,
 * the open file's controls, the language switch, and the user's name and
 * colour (a disclosure with a form; both are remembered in this browser).
 */
export function appHeader(props: HeaderProps): TemplateResult {
  const { ctx, fileTitle } = props;
  const t = ctx.t;
  return html`
    <header class="site-header">
      <nav aria-label=${t('breadcrumb')} class="breadcrumb">
        <ol>
          <li>
            <a class="brand" href="/" data-testid="home-link" aria-current=${fileTitle === null ? 'page' : nothing}>${t('brand')}</a>
          </li>
          ${fileTitle === null
            ? nothing
            : html`<li><span class="sep" aria-hidden="true">›</span><span aria-current="page" class="crumb-title" data-testid="breadcrumb-title">${fileTitle}</span></li>`}
        </ol>
      </nav>
      ${props.fileControls ?? nothing}
      <div class="header-tools">
        <label class="language">
          <span class="visually-hidden">${t('language')}</span>
          <select
            data-testid="language"
            @change=${(event: Event) => ctx.setLanguage((event.target as HTMLSelectElement).value as Language)}
          >
            ${(['en', 'de'] as const).map(
              (language) => html`<option value=${language} lang=${language} ?selected=${ctx.language === language}>${LANGUAGE_NAMES[language]}</option>`,
            )}
          </select>
        </label>
        <details class="profile" data-testid="profile">
          <summary>
            <span class="swatch" style="background:${ctx.color}" aria-hidden="true"></span>
            <span class="visually-hidden">${t('profile')}: </span><span data-testid="profile-name">${ctx.name}</span>
          </summary>
          <div class="profile-panel">
            <label for="display-name">${t('yourName')}</label>
            <input
              id="display-name"
              data-testid="name-input"
              autocomplete="nickname"
              maxlength=${MAX_DISPLAY_NAME_LENGTH}
              .value=${ctx.name}
              @change=${(event: Event) => {
                const input = event.target as HTMLInputElement;
                ctx.setName(input.value);
                input.value = ctx.name;
              }}
            />
            <label for="display-color">${t('yourColor')}</label>
            <input
              id="display-color"
              type="color"
              data-testid="color-input"
              .value=${ctx.color}
              @change=${(event: Event) => ctx.setColor((event.target as HTMLInputElement).value)}
            />
          </div>
        </details>
      </div>
    </header>
  `;
}
