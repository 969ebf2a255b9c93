import { html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { badDocNamePage, docPage, notFoundPage } from './doc-page.js';
import { normalizeDocName, randomDocName } from './doc-names.js';
import { homePage } from './home-page.js';
import { displayColor, loadDisplayName, saveDisplayName } from './identity.js';
import { loadRecentDocs, rememberDoc } from './recent-docs.js';
import { calendarPage } from './calendar-page.js';
import { calendarPath, docPath, parseRoute, sheetPath } from './routes.js';
import { sheetPage } from './sheet-page.js';
import type { Route } from './routes.js';

/** The relay serves this app, so it is reached on the same host. */
const relayUrl = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;

const root = document.getElementById('app');
if (!root) throw new Error('index.html must contain <div id="app">.');

let displayName = loadDisplayName();
let docNameError = '';

function header(route: Route): TemplateResult {
  return html`
    <header class="site-header">
      <a class="brand" href="/">Allmende</a>
      ${route.page === 'doc' || route.page === 'sheet' || route.page === 'calendar'
        ? html`<nav aria-label="Document"><a class="back" href="/">← All documents</a></nav>`
        : ''}
      <span class="me" title="Your display name">
        <span class="swatch" style="background:${displayColor(displayName)}" aria-hidden="true"></span>
        <span class="visually-hidden">Signed in as </span>${displayName}
      </span>
    </header>
  `;
}

/**
 * The relay token of a sharing link: `#token=…` (kept out of server logs) or `?token=…`.
 * Empty when the link has none, which a development relay accepts.
 */
function linkToken(): string {
  return new URLSearchParams(location.hash.slice(1)).get('token') ?? new URLSearchParams(location.search).get('token') ?? '';
}

function page(route: Route): TemplateResult {
  switch (route.page) {
    case 'home':
      return homePage({
        displayName,
        recentDocs: loadRecentDocs(),
        docNameError,
        onNameInput: (name) => {
          if (name.trim()) {
            displayName = saveDisplayName(name);
            update();
          }
        },
        onNameCommit: (input) => {
          displayName = saveDisplayName(input.value);
          input.value = displayName;
          update();
        },
        onOpen: (typed) => {
          const result = normalizeDocName(typed);
          if ('error' in result) {
            docNameError = result.error;
            update();
            document.getElementById('doc-name')?.focus();
            return;
          }
          docNameError = '';
          navigate(docPath(result.name));
        },
        onCreate: () => navigate(docPath(randomDocName())),
        onCreateSheet: () => navigate(sheetPath(randomDocName())),
        onCreateCalendar: () => navigate(calendarPath(randomDocName())),
      });
    case 'doc':
      rememberDoc(route.name);
      return docPage({
        docName: route.name,
        relay: relayUrl,
        displayName,
        color: displayColor(displayName),
        token: linkToken(),
      });
    case 'sheet':
      return sheetPage({
        docName: route.name,
        relay: relayUrl,
        displayName,
        color: displayColor(displayName),
        token: linkToken(),
      });
    case 'calendar':
      return calendarPage({
        docName: route.name,
        relay: relayUrl,
        displayName,
        color: displayColor(displayName),
        token: linkToken(),
      });
    case 'bad-doc-name':
      return badDocNamePage(route.name, route.error);
    case 'not-found':
      return notFoundPage();
  }
}

function update(): void {
  const route = parseRoute(location.pathname);
  document.title =
    route.page === 'doc' || route.page === 'sheet' || route.page === 'calendar'
      ? `${route.name} – Allmende`
      : route.page === 'bad-doc-name'
        ? 'Invalid document name – Allmende'
        : 'Allmende';
  render(html`${header(route)}${page(route)}`, root as HTMLElement);
}

/** Shows a new page and moves focus to its heading, so screen readers announce it. */
function show(): void {
  update();
  root?.querySelector<HTMLElement>('h1')?.focus();
}

function navigate(path: string): void {
  if (path !== location.pathname) history.pushState(null, '', path);
  docNameError = '';
  show();
}

// Same-origin links are handled here instead of reloading the page.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const link = (event.target as Element | null)?.closest('a');
  if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
  // In-page anchors such as the skip link keep their default behaviour.
  if (link.hash && link.pathname === location.pathname) return;
  event.preventDefault();
  navigate(link.pathname);
});

window.addEventListener('popstate', show);

update();

// The service worker keeps the app shell, so an open document reloads while the relay is down.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
    console.warn('Allmende works online only: the service worker could not be registered.', error);
  });
}
