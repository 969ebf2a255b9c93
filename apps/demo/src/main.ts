import { render } from 'lit';
import type { TemplateResult } from 'lit';
import { AppContext } from './app-context.js';
import { badNamePage, notFoundPage } from './error-pages.js';
import { FilePage } from './file-page.js';
import { HomePage } from './home-page.js';
import { parseRoute } from './routes.js';
import type { Route } from './routes.js';

// Routing only: each page is a module of its own, and AppContext holds what they share.
const root = document.getElementById('app');
if (!root) throw new Error('index.html must contain <div id="app">.');

const ctx = new AppContext();
const home = new HomePage(ctx);
const stopDrops = home.listenForDrops(document);
let filePage: FilePage | null = null;
let route: Route = parseRoute(location.pathname);

/** The page object for the current route: the open file's page is kept while the route stays on it. */
function page(): TemplateResult {
  if (route.page === 'doc' || route.page === 'sheet' || route.page === 'calendar') {
    if (!filePage || filePage.kind !== route.page || filePage.id !== route.name) {
      filePage?.dispose();
      filePage = new FilePage(ctx, route.page, route.name);
    }
    return filePage.render();
  }
  filePage?.dispose();
  filePage = null;
  if (route.page === 'home') return home.render(Date.now());
  if (route.page === 'bad-doc-name') return badNamePage(ctx, route.name, route.error);
  return notFoundPage(ctx);
}

let scheduled = false;
/** Renders on the next frame, once however many changes asked for it. */
function update(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    const t = ctx.t;
    const content = page();
    document.title = filePage ? `${filePage.title} – ${t('brand')}` : route.page === 'home' ? t('brand') : `${t('notFoundTitle')} – ${t('brand')}`;
    document.querySelector('.skip-link')!.textContent = t('skipLink');
    render(content, root as HTMLElement);
  });
}

/** Shows a new page and moves focus to its heading, so screen readers announce it. */
function show(): void {
  route = parseRoute(location.pathname);
  update();
  queueMicrotask(() => root?.querySelector<HTMLElement>('h1')?.focus());
}

function navigate(path: string): void {
  if (path !== location.pathname + location.hash) history.pushState(null, '', path);
  show();
}

ctx.onRender(update);
ctx.navigate = navigate;

// Same-origin links are handled here instead of reloading the page.
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = (event.target as Element | null)?.closest('a');
  if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
  // In-page anchors such as the skip link keep their default behaviour.
  if (link.hash && link.pathname === location.pathname) return;
  event.preventDefault();
  navigate(link.pathname);
});

window.addEventListener('popstate', show);
// The file list says "2 minutes ago": keep it current.
setInterval(() => route.page === 'home' && update(), 30_000);
// Leaving the page writes a pending "last change" at once instead of after the throttle.
window.addEventListener('pagehide', () => filePage?.flush());
import.meta.hot?.dispose(() => stopDrops());

update();

// The service worker keeps the app shell, so an open file reloads while the relay is down.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
    console.warn('Allmende works online only: the service worker could not be registered.', error);
  });
}
