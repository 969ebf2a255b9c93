import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { AppContext } from './app-context.js';
import { appHeader } from './app-header.js';

/**
 * The page for `/doc/<name>` (or sheet, calendar) when the relay would refuse the name: it says
 * which rule the name breaks instead of showing an element whose content would never be saved.
 */
export function badNamePage(ctx: AppContext, name: string, error: string): TemplateResult {
  const t = ctx.t;
  return html`
    ${appHeader({ ctx, fileTitle: null })}
    <main id="main" class="home">
      <h1 tabindex="-1">${t('badNameTitle')}</h1>
      <p class="error-detail" data-testid="bad-doc-name">${t('badNameText', name, error)}</p>
      <p><a href="/">${t('goHome')}</a></p>
    </main>
  `;
}

/** The page for a URL the app does not know. */
export function notFoundPage(ctx: AppContext): TemplateResult {
  const t = ctx.t;
  return html`
    ${appHeader({ ctx, fileTitle: null })}
    <main id="main" class="home">
      <h1 tabindex="-1">${t('notFoundTitle')}</h1>
      <p>${t('notFoundText')} <a href="/">${t('goHome')}</a></p>
    </main>
  `;
}
